"""What the loss plot shows beside the losses: the learning rate η on a second axis (a
schedule changes it once per epoch) and the epoch of the best test loss when early stopping
ended training."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt

from bpstudio.core.stopping import Stopped

from . import palette, plot_style
from .curve import peak_downsample
from .log_axis import LogAxis
from .series import Series

ETA_COLOUR = "#7f7f7f"
"""η is context, not data: a grey dashed line on its own axis."""


class LearningRateAxis:
    """η per epoch on a logarithmic right axis, in a view box of its own that shares the
    loss plot's epochs. Hidden (and not drawn) until switched on."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        self._item = plot.getPlotItem()
        self.series = Series()
        self.view = pg.ViewBox(enableMenu=False)
        self.view.setMouseEnabled(x=False, y=False)
        self.axis = LogAxis("right")
        self.axis.setLogMode(False, True)
        plot_style.keep_as_picture(self.axis)
        self.axis.setPen(pg.mkPen(ETA_COLOUR))
        self.axis.setTextPen(pg.mkPen(ETA_COLOUR))
        self.axis.setStyle(tickFont=plot_style.tick_font())
        self.axis.enableAutoSIPrefix(False)
        self.axis.setLabel("η", color=ETA_COLOUR)
        self._item.setAxisItems({"right": self.axis})
        self._item.scene().addItem(self.view)
        self.axis.linkToView(self.view)
        self.view.setXLink(self._item.vb)
        pen = pg.mkPen(ETA_COLOUR, width=1.5, style=Qt.PenStyle.DashLine)
        self.curve = pg.PlotCurveItem(pen=pen)
        self.view.addItem(self.curve)
        self._item.vb.sigResized.connect(self._fit_geometry)
        self.set_visible(False)

    @property
    def visible(self) -> bool:
        return self.axis.isVisible()

    def set_visible(self, on: bool) -> None:
        self._item.showAxis("right", on)
        self.view.setVisible(on)
        if on:
            self._fit_geometry()

    def keep_before(self, epoch: float) -> None:
        self.series.keep_before(epoch)

    def extend(self, epochs: np.ndarray, rates: np.ndarray | None) -> None:
        """Add the η of new rows (NaN where it was not recorded: left out)."""
        if rates is None or not len(epochs):
            return
        known = np.isfinite(rates) & (rates > 0)
        self.series.extend(epochs[known], rates[known])

    def redraw(self, low: float, high: float, blocks: int, follow: bool) -> None:
        """η over the epochs in view, on a log scale, its range fitted with a margin."""
        if not self.visible:
            return
        x, y = self.series.envelope() if follow else self.series.window(low, high)
        x, y = peak_downsample(x, y, blocks)
        logs = np.log10(y) if len(y) else y
        # η holds through each epoch: a step up to the epoch it trained, not a slope
        self.curve.setData(np.repeat(x, 2)[:-1], np.repeat(logs, 2)[1:])
        if len(logs):
            bottom, top = float(logs.min()), float(logs.max())
            margin = max(0.1 * (top - bottom), 0.05)
            self.view.setYRange(bottom - margin, top + margin, padding=0)

    def _fit_geometry(self) -> None:
        self.view.setGeometry(self._item.vb.sceneBoundingRect())
        self.view.linkedViewChanged(self._item.vb, self.view.XAxis)


class BestEpochMark:
    """A vertical line at the epoch whose test loss was the best, when early stopping
    stopped training there (its weights restored or not, the label says)."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        self.line = pg.InfiniteLine(
            angle=90, movable=False,
            pen=pg.mkPen(palette.TEST, width=1.5, style=Qt.PenStyle.DotLine),
            label="", labelOpts={"position": 0.92, "color": palette.TEST,
                                 "fill": (255, 255, 255, 200)},
        )
        self.line.setZValue(15)
        plot.addItem(self.line, ignoreBounds=True)
        self.show(None)

    @property
    def epoch(self) -> int | None:
        return int(self.line.value()) if self.line.isVisible() else None

    def show(self, stopped: Stopped | None) -> None:
        best = None if stopped is None else stopped.best_epoch
        if best is None or not math.isfinite(best):
            self.line.hide()
            return
        self.line.setValue(best)
        words = (QCoreApplication.translate("Views", "best test loss, epoch {epoch} (restored)")
                 if stopped.restored else
                 QCoreApplication.translate("Views", "best test loss, epoch {epoch}"))
        self.line.label.setText(words.format(epoch=f"{best:,}"))
        self.line.show()
