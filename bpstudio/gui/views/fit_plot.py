"""Regression on one input: the data, the true function and the network's curve, live."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from bpstudio.core.snapshot import PlotGrid, TrainingSnapshot
from bpstudio.session import PreparedData

from . import number_format, palette, plot_style, view_frame
from .curve import BoldCurve
from .reach import out_of_reach
from .reference_curves import ReferenceCurve, ReferenceCurves

translate = QCoreApplication.translate


class FitPlotView(view_frame.ViewFrame):
    """Train points (filled), test points (hollow), the noise-free function where the data
    knows it (dashed) and the network's prediction on the plot grid (solid).

    With several regression targets the first one is drawn.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        plot = plot_style.make_plot("x", "y")
        super().__init__(translate("Views", "Fit"), plot, parent)
        self.setObjectName("fitPlot")
        self.plot = plot
        self.train_points = pg.ScatterPlotItem(
            size=7, brush=pg.mkBrush(palette.TRAIN), pen=pg.mkPen("w", width=0.8), name="train"
        )
        self.test_points = pg.ScatterPlotItem(
            size=8, brush=pg.mkBrush(255, 255, 255, 200), pen=pg.mkPen(palette.TEST, width=2),
            name="test",
        )
        self.truth_curve = pg.PlotCurveItem(
            pen=pg.mkPen(palette.TRUTH, width=1.5, style=Qt.PenStyle.DashLine),
            name="true function",
        )
        self.model_curve = BoldCurve(palette.MODEL)  # 2 px wide, at the cost of 1 px strokes
        for z, item in enumerate(
            (self.truth_curve, self.train_points, self.test_points, self.model_curve)
        ):
            item.setZValue(z)
            # the view frames the data: a wild extrapolation must not rescale it every frame
            plot.addItem(item, ignoreBounds=item is self.model_curve)
        plot_style.keep_as_picture(self.truth_curve, self.train_points, self.test_points)
        self.references = ReferenceCurves(plot)
        self._grid: PlotGrid | None = None
        self._shown: TrainingSnapshot | None = None
        plot.getPlotItem().getViewBox().sigYRangeChanged.connect(self._show_status)
        self.show_message(translate("Views", "Choose data to see the fit."))

    def set_data(self, data: PreparedData, grid: PlotGrid | None) -> None:
        self.clear()
        why_not = _why_no_fit(data, grid)
        if why_not:
            self._grid = None
            for item in (self.train_points, self.test_points, self.truth_curve):
                item.setData([], [])
            self.set_legend([])
            self.show_message(why_not)
            return
        self._grid = grid
        self.show_message("")
        self.set_legend([
            ("point", palette.TRAIN, translate("Views", "train")),
            *([("ring", palette.TEST, translate("Views", "test"))] if data.test.n_samples
              else []),
            *([("dashed", palette.TRUTH, translate("Views", "true function"))]
              if data.full.true_function() else []),
            ("line", palette.MODEL, translate("Views", "network")),
        ])
        self.train_points.setData(
            data.train.X[:, 0], data.train.y[:, 0],
            size=plot_style.point_size(data.train.n_samples),
        )
        self.test_points.setData(
            data.test.X[:, 0], data.test.y[:, 0],
            size=plot_style.point_size(data.test.n_samples) + 1,
        )
        truth = data.full.true_function()
        if truth is None:
            self.truth_curve.setData([], [])
        else:
            self.truth_curve.setData(grid.xs, np.asarray(truth(grid.xs)).reshape(len(grid.xs)))
        self.plot.getPlotItem().enableAutoRange()

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        if self._grid is None or snapshot.grid_outputs is None:
            return
        outputs = self._grid.shape_outputs(snapshot.grid_outputs)
        self.model_curve.setData(self._grid.xs, outputs[:, 0])
        self._shown = snapshot
        self._show_status()

    def set_reference_curves(self, curves: list[ReferenceCurve]) -> None:
        """Other runs' fitted curves (pinned runs), dimmer and labelled; ``[]`` removes them.
        They do not rescale the plot (like the live curve)."""
        self.references.set(curves)

    def _show_status(self) -> None:
        """R², and where the network's curve is when none of it is in sight."""
        if self._shown is None:
            return
        ys = self.model_curve.getData()[1]
        low, high = self.plot.getPlotItem().viewRange()[1]
        parts = [number_format.score_text(self._shown.metrics, "r2"), off_plot_note(ys, low, high)]
        self.status_label.setText("   ".join(p for p in parts if p))

    def clear(self) -> None:
        """Forget the network's curve; the data points stay until the data changes."""
        self._shown = None
        self.model_curve.setData([], [])
        self.status_label.setText("")


def off_plot_note(ys: np.ndarray | None, low: float, high: float) -> str:
    """``"curve above the plot: ŷ 28.1 … 34.6"`` when no finite point of ``ys`` lies within
    [low, high] (the plot frames the data, not a wild prediction); else empty."""
    finite = np.asarray([] if ys is None else ys, dtype=float)
    finite = finite[np.isfinite(finite)]
    if finite.size == 0 or np.any((finite >= low) & (finite <= high)):
        return ""
    lo, hi = finite.min(), finite.max()
    note = (translate("Views", "curve above the plot: ŷ {low} … {high}") if lo > high else
            translate("Views", "curve below the plot: ŷ {low} … {high}") if hi < low else
            translate("Views", "curve outside the plot: ŷ {low} … {high}"))
    return note.format(low=number_format.format_value(lo), high=number_format.format_value(hi))


def _why_no_fit(data: PreparedData, grid: PlotGrid | None) -> str:
    """Why the fit plot cannot draw this data; ``""`` when it can."""
    if data.task != "regression":
        return translate("Views", "The fit plot shows regression; this is a classification task.")
    if data.n_inputs != 1 or grid is None:
        return translate("Views", "The fit plot draws one input against the target; this data "
                         "has {inputs} inputs.").format(inputs=data.n_inputs)
    return out_of_reach(translate("Views", "The data"), data.full.X[:, 0], data.full.y[:, 0])
