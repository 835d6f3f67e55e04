"""Classification on two inputs: the network's output over the plane, with the points on top."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QWidget

from bpstudio.core.snapshot import PlotGrid, TrainingSnapshot
from bpstudio.core.text import shorten
from bpstudio.session import PreparedData

from ..vocabulary import class_names
from . import number_format, palette, plot_style, view_frame
from .contour import contour_segments
from .grid_image import pixel_rect
from .reach import out_of_reach

translate = QCoreApplication.translate

RGB_LEVELS = (0, 255)
MAX_POINTS = 10_000
"""Points of a part (train or test) drawn at most: every k-th beyond that. 80,000 points
took 0.7 s to set (the window froze) and a plot a few hundred pixels wide cannot show them
apart; 10,000 take about a tenth of that."""


class DecisionRegionView(view_frame.ViewFrame):
    """A heatmap of the network's output on the plot grid, redrawn from each snapshot.

    One sigmoid output is a probability shaded blue (class 0) to orange (class 1) with fixed
    levels 0..1, so the colours mean the same at every epoch; K outputs blend the K class
    colours by their probabilities. The decision boundary is drawn as a line; train points
    are filled, test points hollow. The image is made here as RGB bytes (pyqtgraph would
    rebuild a 256-colour table on every frame) and not redrawn while it stays the same.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        plot = plot_style.make_plot("x₁", "x₂")
        super().__init__(translate("Views", "Decision regions"), plot, parent)
        self.setObjectName("decisionPlot")
        self.plot = plot
        plot.getPlotItem().showGrid(x=False, y=False)
        plot.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # bilinear heatmap
        self.image = pg.ImageItem(axisOrder="row-major")
        self.boundary = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen("#333333", width=1.5))
        self.train_points = pg.ScatterPlotItem(size=8, pen=pg.mkPen("w", width=1))
        self.test_points = pg.ScatterPlotItem(size=9, brush=pg.mkBrush(255, 255, 255, 230))
        for z, item in enumerate((self.image, self.boundary, self.train_points, self.test_points)):
            item.setZValue(z)
            plot.addItem(item)
        plot_style.keep_as_picture(self.train_points, self.test_points)
        self._grid: PlotGrid | None = None
        self._shades = np.zeros((0, 3))
        self._lut = palette.diverging_lut()
        # the classes by name on lines of their own that wrap (in the header's one line, ten
        # classes were cut to "cla…"); set once per data, so its relayouts cost nothing
        self.class_legend = QLabel(objectName="classLegend", wordWrap=True)
        self.class_legend.setTextFormat(Qt.TextFormat.RichText)
        self.class_legend.hide()
        self.layout().insertWidget(1, self.class_legend)
        self.show_message(translate("Views", "Choose data to see the decision regions."))

    @property
    def n_classes(self) -> int:
        return len(self._shades)

    def set_data(self, data: PreparedData, grid: PlotGrid | None) -> None:
        self.clear()
        why_not = _why_no_regions(data, grid)
        if why_not:
            self._grid = None
            self.train_points.setData([], [])
            self.test_points.setData([], [])
            self.set_legend([])
            self.class_legend.hide()
            self.show_message(why_not)
            return
        self._grid = grid
        self.show_message("")
        names = data.table.input_names if data.table is not None else ()
        for axis, name in zip(("bottom", "left"), names or ("x₁", "x₂")):
            self.plot.getPlotItem().setLabel(axis, html.escape(shorten(name, 40)))
        k = max(data.full.n_classes, data.n_outputs)
        self._shades = np.array([palette.shade(palette.class_colour(c)) for c in range(k)])
        train = _show_points(self.train_points, data.train.X, data.train.y, hollow=False)
        test = _show_points(self.test_points, data.test.X, data.test.y, hollow=True)
        self.set_legend([
            ("point", palette.MUTED, translate("Views", "train") + train),
            *([("ring", palette.MUTED, translate("Views", "test") + test)]
              if data.test.n_samples else []),
        ])
        self.class_legend.setText("&nbsp;&nbsp; ".join(
            f'<span style="white-space:nowrap"><span style="color:{palette.class_colour(c)}">'
            f"●</span>&nbsp;{html.escape(shorten(name, 40))}</span>"
            for c, name in enumerate(class_names(data))))
        self.class_legend.show()
        self.plot.getPlotItem().setRange(
            xRange=(grid.xs[0], grid.xs[-1]), yRange=(grid.ys[0], grid.ys[-1]), padding=0
        )

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        if self._grid is None or snapshot.grid_outputs is None:
            return
        self.status_label.setText(number_format.score_text(snapshot.metrics, "accuracy"))
        outputs = self._grid.shape_outputs(snapshot.grid_outputs)
        binary = outputs.shape[2] == 1
        image = self.shade_probability(outputs[:, :, 0]) if binary else self.blend(outputs)
        if self.image.image is not None and np.array_equal(image, self.image.image):
            return  # looks the same: nothing to redraw
        self.image.setImage(image, levels=RGB_LEVELS, autoLevels=False)
        self.image.setRect(pixel_rect(self._grid))  # after setImage: the rect scales pixels
        if binary:
            boundary = contour_segments(outputs[:, :, 0], self._grid.xs, self._grid.ys, 0.5)
        else:
            boundary = _class_boundaries(outputs, self._grid)
        self.boundary.setData(*boundary)

    def shade_probability(self, probability: np.ndarray) -> np.ndarray:
        """Probabilities 0..1 (fixed levels) as blue-white-orange, ``(ny, nx, 3)`` uint8;
        NaN (outputs that overflowed) white."""
        index = np.rint(np.nan_to_num(probability, nan=0.5) * (len(self._lut) - 1))
        return self._lut[np.clip(index, 0, len(self._lut) - 1).astype(np.intp)]

    def blend(self, outputs: np.ndarray) -> np.ndarray:
        """Class shades weighted by the outputs taken as probabilities: ``(ny, nx, 3)`` uint8.

        Outputs that are not probabilities (no softmax) are clipped at 0 and normalised.
        """
        weights = np.clip(outputs, 0.0, None)
        total = weights.sum(axis=2, keepdims=True)
        weights = np.divide(
            weights, total, out=np.full(weights.shape, 1.0 / weights.shape[2]), where=total > 0
        )
        return (weights @ self._shades[: weights.shape[2]]).round().astype(np.uint8)

    def clear(self) -> None:
        """Forget the network's output; the data points stay until the data changes."""
        self.image.clear()
        self.boundary.setData([], [])
        self.status_label.setText("")

def _show_points(item: pg.ScatterPlotItem, X: np.ndarray, labels: np.ndarray, hollow: bool
                 ) -> str:
    """Points coloured by class, at most :data:`MAX_POINTS` of them (every k-th: the rows
    are in random order, so the classes keep their shares); what was left out, in words
    for the legend (``""``: nothing). One pen or brush per class, shared by its points:
    pyqtgraph renders a symbol per distinct object, and 100,000 points took 9 s with one
    each."""
    every = max(1, -(-len(labels) // MAX_POINTS))
    X, labels, n = X[::every], labels[::every], len(labels)
    shown = "" if every == 1 else translate("Views", " ({shown} of {all} shown)").format(
        shown=f"{len(labels):,}", all=f"{n:,}")
    classes = range(int(labels.max(initial=-1)) + 1)
    item.setSize(plot_style.point_size(len(labels)) + (1 if hollow else 0))
    if hollow:
        pens = [pg.mkPen(palette.class_colour(c), width=2) for c in classes]
        item.setData(X[:, 0], X[:, 1], pen=[pens[c] for c in labels])
    else:
        brushes = [pg.mkBrush(palette.class_colour(c)) for c in classes]
        item.setData(X[:, 0], X[:, 1], brush=[brushes[c] for c in labels])
    return shown


def _class_boundaries(outputs: np.ndarray, grid: PlotGrid) -> tuple[np.ndarray, np.ndarray]:
    """Where each class stops being the most likely: the zero line of its margin over the
    best other class (every boundary is found from both sides; the halves coincide)."""
    xs, ys = [], []
    order = np.sort(outputs, axis=2)
    best, second = order[:, :, -1], order[:, :, -2]
    for k in range(outputs.shape[2]):
        mine = outputs[:, :, k]
        margin = mine - np.where(mine >= best, second, best)
        x, y = contour_segments(margin, grid.xs, grid.ys, 0.0)
        xs.append(x)
        ys.append(y)
    return np.concatenate(xs), np.concatenate(ys)


def _why_no_regions(data: PreparedData, grid: PlotGrid | None) -> str:
    """Why the decision regions cannot be drawn for this data; ``""`` when they can."""
    if data.task != "classification":
        return translate("Views", "Decision regions are drawn for classification; this is a "
                         "regression task.")
    if grid is None or grid.kind != "plane":
        return translate("Views", "Decision regions need exactly two inputs to draw the plane; "
                         "this data has {inputs}.").format(inputs=data.n_inputs)
    return out_of_reach(translate("Views", "The inputs"), data.full.X)
