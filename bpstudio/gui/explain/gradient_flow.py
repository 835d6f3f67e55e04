"""Gradient flow: per layer, the mean |dW| (log scale) and the spread of the weights, over
epochs. A deep sigmoid network shows its vanishing gradient here (σ′ ≤ 0.25 per layer back)
next to the same network with tanh or ReLU."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bpstudio.core.diagnostics import WEIGHT_PERCENTILES, weight_percentiles
from bpstudio.core.digits import sub
from bpstudio.core.snapshot import MEAN_ABS_GRAD, PlotGrid, TrainingSnapshot
from bpstudio.session import PreparedData

from ..views import palette, plot_style, view_frame
from ..views.log_axis import LogAxis
from ..views.reach import PLOT_LIMIT

translate = QCoreApplication.translate  # texts shown before the widget is made

MAX_POINTS = 4000
"""Beyond this many epochs recorded, every other point is dropped (the curves stay smooth)."""

FLOOR = 1e-16
"""Gradients below this (a dead ReLU layer has exactly 0) are drawn at it on the log axis."""

AXIS_WIDTH = 58
"""Left axes share one width so the stacked plots' epochs line up."""

LEGEND_VALUES_UP_TO = 4
"""With more weight layers the legend names them only: their latest values would not fit."""

EXTRAS_KEY = MEAN_ABS_GRAD
"""Where the worker puts per-layer mean |dW| in ``TrainingSnapshot.extras``."""

_AT = {q: k for k, q in enumerate(WEIGHT_PERCENTILES)}


class _LayerItems:
    """The plot items of one weight layer: its gradient curve and its weight bands."""

    def __init__(self, layer: int, grad_plot: pg.PlotItem, weight_plot: pg.PlotItem) -> None:
        colour = pg.mkColor(palette.class_colour(layer))
        self.grad = grad_plot.plot(pen=pg.mkPen(colour, width=2), symbolSize=7,
                                   symbolBrush=colour, symbolPen="w")
        faint = pg.mkColor(colour)
        faint.setAlpha(70)
        self.weight_plot = weight_plot
        self.reach_text = pg.TextItem(color=palette.FOREGROUND, anchor=(1, 0),
                                      fill=pg.mkBrush(255, 255, 255, 210))
        self.reach_text.setFont(plot_style.tick_font())
        weight_plot.addItem(self.reach_text, ignoreBounds=True)
        self.lines = [weight_plot.plot(pen=pg.mkPen(faint)) for _ in WEIGHT_PERCENTILES]
        edge = pg.mkPen(colour, width=1, style=Qt.PenStyle.DotLine)
        self.lines[_AT[0.0]].setPen(edge)
        self.lines[_AT[100.0]].setPen(edge)
        self.lines[_AT[50.0]].setPen(pg.mkPen(colour, width=2))
        self.lines[_AT[50.0]].setSymbolBrush(colour)
        self.lines[_AT[50.0]].setSymbolPen("w")
        self.lines[_AT[50.0]].setSymbolSize(7)
        self.bands = []
        for (lo, hi), alpha in (((10.0, 90.0), 45), ((25.0, 75.0), 100)):
            fill = pg.mkColor(colour)
            fill.setAlpha(alpha)
            band = pg.FillBetweenItem(
                self.lines[_AT[lo]], self.lines[_AT[hi]], brush=pg.mkBrush(fill)
            )
            weight_plot.addItem(band)
            self.bands.append(band)

    def set_data(self, epochs: np.ndarray, grads: np.ndarray, pct: np.ndarray) -> None:
        pct = np.where(np.isfinite(pct), pct, np.nan)  # percentiles of ±1.8e308 overflow
        finite = np.isfinite(grads)
        self.grad.setData(epochs[finite], np.maximum(grads[finite], FLOOR))
        for k, line in enumerate(self.lines):
            line.setData(epochs, pct[:, k])
        # a single epoch is no line: mark it, on the gradient curve and the median (if finite)
        median = self.lines[_AT[50.0]]
        for item, values in ((self.grad, grads[finite]), (median, pct[:, _AT[50.0]])):
            lone = len(epochs) == 1 and len(values) == 1 and np.isfinite(values[0])
            item.setSymbol("o" if lone else None)
        # symmetric about 0 with three ticks: small stacked plots stay legible and comparable
        # (weights past PLOT_LIMIT fall off the plot: 1.8e308 rounded up is inf)
        extremes = np.abs(pct[:, [_AT[0.0], _AT[100.0]]])
        largest = float(np.max(extremes, initial=0.0, where=np.isfinite(extremes)))
        reach = min(_round_up(largest), PLOT_LIMIT)
        self.weight_plot.getAxis("left").setTicks([[(-reach, ""), (0.0, "0"), (reach, "")]])
        self.weight_plot.setYRange(-reach, reach, padding=0.08)
        self.reach_text.setText(f"±{reach:g}")
        # at the newest epoch, inside the plot: left of it, or right of a lone first point
        self.reach_text.setAnchor((0, 0) if len(epochs) == 1 else (1, 0))
        self.reach_text.setPos(float(epochs[-1]) if len(epochs) else 0.0, reach)

    def remove(self, grad_plot: pg.PlotItem) -> None:
        grad_plot.removeItem(self.grad)


class GradientFlowView(view_frame.ViewFrame):
    """Mean |dW| per layer on a log axis above, weight percentile bands per layer below.

    Fed by :meth:`add_point` or by :meth:`show_snapshot` (which reads
    ``snapshot.extras["mean_abs_grad"]``; without it only the weights are drawn).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        self.grad_plot = plot_style.make_plot(
            translate("GradientFlowView", "epoch"), translate("GradientFlowView", "mean |dW|"),
            {"left": LogAxis("left")})
        self.weight_area = pg.GraphicsLayoutWidget()
        self.weight_area.setBackground(palette.BACKGROUND)
        self.weight_area.ci.setSpacing(0)
        caption = QLabel(translate(
            "GradientFlowView",
            "Weights per layer: the bands hold 10–90% and 25–75% of the layer's weights, the "
            "line is the median, the dots the smallest and the largest."
        ))
        caption.setWordWrap(True)
        caption.setStyleSheet(f"color: {palette.MUTED}; background: {palette.BACKGROUND};")
        caption.setContentsMargins(8, 0, 8, 4)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.grad_plot, 1)
        layout.addWidget(self.weight_area, 1)
        layout.addWidget(caption)
        super().__init__(translate("GradientFlowView", "Gradient flow"), body, parent)
        self.setObjectName("gradientFlowPlot")
        self.grad_plot.getPlotItem().setLogMode(x=False, y=True)
        self.grad_plot.getPlotItem().getAxis("left").setWidth(AXIS_WIDTH)
        self._layers: list[_LayerItems] = []
        self.clear()

    # -- the public surface -------------------------------------------------------------------

    def set_data(self, data: PreparedData, grid: PlotGrid | None) -> None:
        """Nothing static to draw."""

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        grads = snapshot.extras.get(EXTRAS_KEY)
        if grads is None:
            grads = [math.nan] * len(snapshot.weights)
        self.add_point(snapshot.epoch, grads, snapshot.weights)

    def add_point(
        self, epoch: int, mean_abs_grads: Sequence[float], weights: Sequence[np.ndarray]
    ) -> None:
        """Record one epoch: per-layer mean |dW| and the weights themselves."""
        if len(mean_abs_grads) != len(weights):
            raise ValueError(
                f"mean_abs_grads: expected one value per weight layer ({len(weights)}), "
                f"got {len(mean_abs_grads)}"
            )
        if len(weights) != len(self._layers):
            self.clear()
            self._build_layers(len(weights))
        keep = self._epochs < epoch  # a reset or reload starts over at its epoch
        self._epochs, self._grads, self._pct = (
            self._epochs[keep], self._grads[keep], self._pct[keep]
        )
        self._epochs = np.append(self._epochs, float(epoch))
        self._grads = np.vstack([self._grads, np.asarray(mean_abs_grads, float)[None]])
        self._pct = np.concatenate([self._pct, weight_percentiles(weights)[None]])
        if len(self._epochs) > MAX_POINTS:
            self._epochs, self._grads, self._pct = (
                self._epochs[::2], self._grads[::2], self._pct[::2]
            )
        self._redraw()

    def clear(self) -> None:
        for items in self._layers:
            items.remove(self.grad_plot.getPlotItem())
        self._layers = []
        self.weight_area.ci.clear()
        self.set_legend([])
        self._epochs = np.empty(0)
        self._grads = np.empty((0, 0))
        self._pct = np.empty((0, 0, len(WEIGHT_PERCENTILES)))
        self.status_label.setText(self.tr("no training yet"))

    @property
    def n_points(self) -> int:
        return len(self._epochs)

    @property
    def layer_items(self) -> list[_LayerItems]:
        return self._layers

    # -- details ------------------------------------------------------------------------------

    def _build_layers(self, n_layers: int) -> None:
        """One small weight plot per layer, stacked, sharing the gradient plot's epochs."""
        self._layers = []
        for l in range(n_layers):
            plot = self.weight_area.addPlot(row=l, col=0)
            _style(plot, f"W{sub(l + 1)}", last=l == n_layers - 1)
            plot.setXLink(self.grad_plot.getPlotItem())
            self._layers.append(_LayerItems(l, self.grad_plot.getPlotItem(), plot))
        self._grads = np.empty((0, n_layers))
        self._pct = np.empty((0, n_layers, len(WEIGHT_PERCENTILES)))

    def _redraw(self) -> None:
        for l, items in enumerate(self._layers):
            items.set_data(self._epochs, self._grads[:, l], self._pct[:, l])
        latest = ["" if math.isnan(g) or len(self._layers) > LEGEND_VALUES_UP_TO
                  else f" {g:.1e}" for g in self._grads[-1]]
        self.set_legend([
            ("line", palette.class_colour(l), f"W{sub(l + 1)}{text}")
            for l, text in enumerate(latest)
        ])
        epoch = int(self._epochs[-1])
        if len(self._epochs) == 1:  # one point is no curve: say how one comes, and whole epochs
            self.grad_plot.getPlotItem().setXRange(epoch - 0.5, epoch + 10, padding=0)
            self.status_label.setText(self.tr("epoch {epoch}: the curves grow while it trains")
                                      .format(epoch=f"{epoch:,}"))
        else:
            if len(self._epochs) == 2:  # a curve now: follow the epochs again
                self.grad_plot.getPlotItem().enableAutoRange(axis="x")
            self.status_label.setText(self.tr("epoch {epoch}").format(epoch=f"{epoch:,}"))


def _style(plot: pg.PlotItem, name: str, last: bool) -> None:
    """Axes like :func:`plot_style.make_plot`; only the lowest plot names the epochs."""
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setPen(pg.mkPen(palette.FOREGROUND))
        axis.setTextPen(pg.mkPen(palette.FOREGROUND))
        axis.setStyle(tickFont=plot_style.tick_font())
    plot.getAxis("left").setWidth(AXIS_WIDTH)
    plot.getAxis("left").enableAutoSIPrefix(False)
    plot.setLabel("left", name, color=palette.FOREGROUND)
    plot.getAxis("bottom").setStyle(showValues=last)
    if last:
        plot.setLabel("bottom", translate("GradientFlowView", "epoch"), color=palette.FOREGROUND)
    plot.showGrid(x=True, y=True, alpha=palette.GRID_ALPHA)
    plot.setMenuEnabled(False)
    plot.hideButtons()


def _round_up(value: float) -> float:
    """``value`` rounded up to one significant digit (0.73 → 0.8), at least 1e-12."""
    if not value > 1e-12:
        return 1e-12 if value == value else 1.0
    scale = 10.0 ** math.floor(math.log10(value))
    return math.ceil(value / scale) * scale
