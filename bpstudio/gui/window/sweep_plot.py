"""A sweep's results as a plot: a number against one setting (every run as a dot, the mean
over the seeds as a line, mean ± the spread as a band; a log axis for a setting that varies
on a log scale), or a heatmap of the means over a grid of two settings. Clicking a run's dot
(or a cell: its first seed) reports that run, to be opened as the document.

Reference lines (a baseline's score) are drawn across the one-setting plot.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from bpstudio.experiments import SweepResults, setting
from bpstudio.experiments.results import shown_value

from ..views import palette, plot_style
from ..views.reference_curves import reference_colour
from .sweep_choices import setting_label


def metric_keys(score: str, target: bool) -> dict[str, str]:
    """The numbers a plot can show: their words and their column in the result tables."""
    translate = QCoreApplication.translate
    label = "R²" if score == "r2" else translate("Sweep", "accuracy")
    keys = {translate("Sweep", "test {score}").format(score=label): f"final_test_{score}",
            translate("Sweep", "train {score}").format(score=label): f"final_train_{score}",
            translate("Sweep", "final test loss"): "final_test_loss",
            translate("Sweep", "final train loss"): "final_train_loss"}
    if target:
        keys[translate("Sweep", "epochs to target loss")] = "epochs_to_target"
    return keys


class SweepPlot(QWidget):
    """``sweepResultsPlot``; ``run_clicked(index)`` when a run's dot or a cell is clicked."""

    run_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sweepResultsPlot")
        self.plot = plot_style.make_plot("", "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.results: SweepResults | None = None
        self.key = ""
        self.means: np.ndarray = np.empty(0)
        self.spreads: np.ndarray = np.empty(0)
        self.dots = pg.ScatterPlotItem(size=6, brush=pg.mkBrush(palette.BLUE + "80"), pen=None)
        self.dots.sigClicked.connect(self._on_dot_clicked)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.references: list[tuple[str, float]] = []
        self.plot.scene().sigMouseClicked.connect(self._on_scene_clicked)

    def set_reference_lines(self, lines: list[tuple[str, float]]) -> None:
        """Horizontal lines across a one-setting plot: (label, value)."""
        self.references = list(lines)
        if self.results is not None:
            self.show_results(self.results, self.key)

    def show_results(self, results: SweepResults, key: str) -> None:
        """Plot column ``key`` (``final_test_accuracy``, …) of ``results``."""
        self.results, self.key = results, key
        item = self.plot.getPlotItem()
        item.clear()
        points = results.point_rows()
        self.means = np.array([float(p[f"{key}_mean"]) for p in points])  # type: ignore[arg-type]
        self.spreads = np.array([float(p[f"{key}_sd"]) for p in points])  # type: ignore[arg-type]
        if len(results.settings) == 1:
            self._curve(results, key, points)
        else:
            self._heatmap(results, points)

    # -- one setting -----------------------------------------------------------------------------

    def _curve(self, results: SweepResults, key: str, points: list[dict]) -> None:
        name = results.settings[0]
        about = setting(name)
        values = list(results.spec.vary[0].values)
        item = self.plot.getPlotItem()
        label = setting_label(name)
        item.setLabel("bottom", QCoreApplication.translate("Sweep", "{setting} (log scale)")
                      .format(setting=label) if about.log else label)
        item.setLabel("left", next((words for words, column in metric_keys(
            results.score, True).items() if column == key), key))
        x_of = {v: self._x(about, values, v) for v in values}
        xs = np.array([x_of[p[name]] for p in points])
        order = np.argsort(xs)
        xs, mean, sd = xs[order], self.means[order], np.nan_to_num(self.spreads[order])
        band_colour = pg.mkColor(palette.BLUE)
        band_colour.setAlpha(50)
        band = pg.FillBetweenItem(pg.PlotCurveItem(xs, mean - sd), pg.PlotCurveItem(xs, mean + sd),
                                  brush=pg.mkBrush(band_colour))
        item.addItem(band)
        item.addItem(pg.ErrorBarItem(x=xs, y=mean, height=2 * sd, beam=0.0,
                                     pen=pg.mkPen(palette.BLUE)))
        item.addItem(pg.PlotDataItem(xs, mean, pen=pg.mkPen(palette.BLUE, width=2), symbol="o",
                                     symbolSize=7, symbolBrush=palette.BLUE, symbolPen="w"))
        runs = results.run_rows()
        self.dots.setData(
            [x_of[r[name]] for r in runs], [float(r[key]) for r in runs],
            data=[int(r["run"]) for r in runs])
        item.addItem(self.dots)
        if about.kind == "name" or about.log:
            ticks = [(x_of[v], _tick(v)) for v in values]
            item.getAxis("bottom").setTicks([ticks])
        else:
            item.getAxis("bottom").setTicks(None)
        item.getAxis("left").setTicks(None)
        for k, (label, value) in enumerate(self.references):
            line = pg.InfiniteLine(
                value, angle=0, pen=pg.mkPen(reference_colour(k), style=Qt.PenStyle.DashLine),
                label=f"{label} {value:.3f}",
                labelOpts={"position": 0.05 + 0.9 * ((k * 0.23) % 1), "color": reference_colour(k),
                           "anchors": [(0, 1), (0, 1)]})
            item.addItem(line)
        self._fit_range(xs, [mean - sd, mean + sd, self.dots.getData()[1],
                             [value for _, value in self.references]])

    def _fit_range(self, xs: np.ndarray, ys: list) -> None:
        """The points, the band and the reference lines, a little padded (pyqtgraph's
        auto-range counts the band's fill down to zero)."""
        y = np.concatenate([np.asarray(v, dtype=float) for v in ys])
        y = y[np.isfinite(y)]
        if not len(xs) or not len(y):
            return
        low, high = float(y.min()), float(y.max())
        pad = max(high - low, 1e-3) * 0.08
        x_pad = max(float(xs.max() - xs.min()), 1.0) * 0.04
        self.plot.getPlotItem().setRange(xRange=(xs.min() - x_pad, xs.max() + x_pad),
                                         yRange=(low - pad, high + pad), padding=0)

    @staticmethod
    def _x(about, values: list, value) -> float:
        if about.kind == "name" or value is None:
            return float(values.index(value))
        return math.log10(value) if about.log else float(value)

    # -- two settings ----------------------------------------------------------------------------

    def _heatmap(self, results: SweepResults, points: list[dict]) -> None:
        first, second = results.spec.vary
        grid = np.full((len(second.values), len(first.values)), np.nan)
        for p, mean in zip(points, self.means):
            grid[second.values.index(p[second.setting]),
                 first.values.index(p[first.setting])] = mean
        self.grid = grid
        item = self.plot.getPlotItem()
        item.setLabel("bottom", setting_label(first.setting))
        item.setLabel("left", setting_label(second.setting))
        finite = grid[np.isfinite(grid)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        self.image.setImage(np.nan_to_num(grid, nan=low), levels=(low, high or 1.0),
                            lut=palette.diverging_lut())
        self.image.setRect(0, 0, len(first.values), len(second.values))
        item.addItem(self.image)
        if grid.size <= 400:
            for (row, col), value in np.ndenumerate(grid):
                if math.isfinite(value):
                    text = pg.TextItem(f"{value:.3g}", color=palette.FOREGROUND,
                                       anchor=(0.5, 0.5))
                    text.setPos(col + 0.5, row + 0.5)
                    item.addItem(text)
        item.getAxis("bottom").setTicks(
            [[(i + 0.5, _tick(v)) for i, v in enumerate(first.values)]])
        item.getAxis("left").setTicks(
            [[(i + 0.5, _tick(v)) for i, v in enumerate(second.values)]])
        item.setRange(xRange=(0, len(first.values)), yRange=(0, len(second.values)),
                      padding=0)

    # -- clicks ----------------------------------------------------------------------------------

    def _on_dot_clicked(self, _item, points, _event=None) -> None:
        if len(points):
            self.run_clicked.emit(int(points[0].data()))

    def _on_scene_clicked(self, event) -> None:
        results = self.results
        if results is None or len(results.settings) != 2 or event.isAccepted():
            return
        pos = self.plot.getPlotItem().vb.mapSceneToView(event.scenePos())
        self.click_cell(math.floor(pos.x()), math.floor(pos.y()))

    def click_cell(self, col: int, row: int) -> None:
        """Open the first run of the grid cell at (``col``, ``row``) (what a click does)."""
        results = self.results
        first, second = results.spec.vary
        if not (0 <= col < len(first.values) and 0 <= row < len(second.values)):
            return
        point = col * len(second.values) + row  # the first setting is outermost
        for run in results.runs:
            if run.point == point and run.index in results.outcomes:
                self.run_clicked.emit(run.index)
                return


def _tick(value) -> str:
    """An axis label: three significant digits are enough to tell the values apart."""
    return f"{value:.3g}" if isinstance(value, float) else shown_value(value)
