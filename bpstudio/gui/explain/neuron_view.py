"""What the hidden neurons compute: one neuron's output over the input plane (a heatmap for
2-D data, a curve for 1-D data), or every hidden neuron at once as a mosaic of thumbnails.

The numbers are the hidden activations on the plot grid, computed off the GUI thread by
:func:`bpstudio.core.diagnostics.hidden_outputs` and delivered in
``snapshot.extras["hidden_outputs"]`` (or handed to :meth:`NeuronView.show_hidden`).
Colours run from blue (the layer's lowest output) through white to orange (its highest), the
same scale for every neuron of a layer so they can be compared.

Over 300 lines on purpose: the single neuron and the mosaic share the layer's colour scale,
the selection and the combo box; split, each would reach into the other's state.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QCheckBox, QComboBox, QSizePolicy, QStackedWidget, QWidget

from bpstudio.core.digits import sub
from bpstudio.core.snapshot import HIDDEN_OUTPUTS, PlotGrid, TrainingSnapshot
from bpstudio.session import PreparedData

from ..views import number_format, palette, plot_style, view_frame
from ..views.decision_plot import MAX_POINTS
from ..views.grid_image import pixel_rect
from ..views.reach import out_of_reach

translate = QCoreApplication.translate  # texts shown before the widget is made

EXTRAS_KEY = HIDDEN_OUTPUTS
TILE = 40.0
"""Side of a thumbnail of a 1-D neuron, in mosaic units (a 2-D one is one pixel per point)."""
GAP = 4
MAX_TILES = 256


class NeuronView(view_frame.ViewFrame):
    """One hidden neuron large, or all of them as thumbnails (``allNeuronsCheck``).

    ``neuron_selected(layer, unit)`` fires when a thumbnail is clicked; layers count from 1
    (the first hidden layer, whose outputs are ``A₁``), units from 0.
    """

    neuron_selected = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        self.single = plot_style.make_plot("x₁", "x₂")
        self.single.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(palette.diverging_lut())
        self.curve = self.single.plot(pen=pg.mkPen(palette.MODEL, width=2.5))
        self.points = pg.ScatterPlotItem(size=6, brush=pg.mkBrush("#333333"),
                                         pen=pg.mkPen("w", width=1))
        for z, item in enumerate((self.image, self.points)):
            item.setZValue(z)
            self.single.addItem(item)
        self.mosaic = pg.PlotWidget(background=palette.BACKGROUND)
        scale = translate("NeuronView",
                          "Blue: the layer's lowest output, white: halfway, orange: its highest.")
        self.single.setToolTip(scale)
        self.mosaic.setToolTip(
            scale + " " + translate("NeuronView", "Click a thumbnail to see it large."))
        self._build_mosaic()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.single)
        self.pages.addWidget(self.mosaic)
        super().__init__(translate("NeuronView", "Hidden neurons"), self.pages, parent)
        self.setObjectName("neuronView")
        self.neuron_combo = QComboBox(objectName="neuronCombo")
        self.neuron_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.neuron_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.all_check = QCheckBox(self.tr("All neurons"), objectName="allNeuronsCheck")
        self.all_check.setToolTip(self.tr("Show every hidden neuron as a thumbnail"))
        self.header.addWidget(self.neuron_combo)
        self.header.addWidget(self.all_check)
        self.neuron_combo.currentIndexChanged.connect(self._redraw)
        self.all_check.toggled.connect(self._on_all_toggled)
        self._grid: PlotGrid | None = None
        self._hidden: list[np.ndarray] = []
        self._tiles: list[tuple[int, int, int, int]] = []  # (layer, unit, row, col)
        self.clear()

    def _build_mosaic(self) -> None:
        plot = self.mosaic.getPlotItem()
        for side in ("left", "bottom"):
            plot.hideAxis(side)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.vb.invertY(True)
        plot.vb.setAspectLocked(True)
        plot.vb.setMouseEnabled(False, False)
        self.mosaic_image = pg.ImageItem(axisOrder="row-major")
        self.mosaic_image.setLookupTable(palette.diverging_lut())
        self.mosaic_curves = pg.PlotCurveItem(connect="finite",
                                              pen=pg.mkPen(palette.MODEL, width=1.5))
        self.frames = pg.PlotCurveItem(connect="finite", pen=pg.mkPen("#bbbbbb", width=1))
        self.selected_frame = pg.PlotCurveItem(connect="finite",
                                               pen=pg.mkPen(palette.FOREGROUND, width=2.5))
        for z, item in enumerate((self.mosaic_image, self.mosaic_curves, self.frames,
                                  self.selected_frame)):
            item.setZValue(z)
            plot.addItem(item)
        self._labels: list[pg.TextItem] = []
        self.mosaic.scene().sigMouseClicked.connect(self._on_mosaic_clicked)

    # -- the public surface -------------------------------------------------------------------

    def set_data(self, data: PreparedData, grid: PlotGrid | None) -> None:
        """``grid``: where the worker evaluates the hidden outputs (raw input coordinates)."""
        self.clear()
        self._grid = None
        if grid is None:
            self.show_message(self.tr("Neuron views need data with one or two inputs."))
            return
        too_far = out_of_reach(self.tr("The inputs"), data.full.X)
        if too_far:
            self.show_message(too_far)
            return
        self._grid = grid
        self.show_message("")
        if grid.kind == "plane":  # at most MAX_POINTS (every k-th): many froze the window
            X = data.train.X[::max(1, -(-len(data.train.X) // MAX_POINTS))]
            self.points.setData(X[:, 0], X[:, 1])
            self.single.getPlotItem().setLabel("left", "x₂")
        else:
            self.points.setData([], [])
            self.single.getPlotItem().setLabel("left", self.tr("neuron output"))
        self.image.setVisible(grid.kind == "plane")  # an empty image still spans its old place
        self.single.getPlotItem().enableAutoRange()  # the new data's range, not the last one's

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        hidden = snapshot.extras.get(EXTRAS_KEY)
        if hidden is not None:
            self.show_hidden(hidden)

    def show_hidden(self, hidden: list[np.ndarray]) -> None:
        """Every hidden layer's outputs at the grid's inputs, ``(n_points, n_units)`` each."""
        if self._grid is None:
            return
        n_points = len(self._grid.inputs)
        if any(A.shape[0] != n_points for A in hidden):
            return  # outputs for another grid: wait for the matching set_data
        sizes = [A.shape[1] for A in hidden]
        if sizes != [A.shape[1] for A in self._hidden]:
            self._hidden = list(hidden)
            self._fill_combo(sizes)
            self._layout_tiles(sizes)
        self._hidden = list(hidden)
        if not hidden:
            self.show_message(self.tr("This network has no hidden layer."))
            return
        self.show_message("")
        self._redraw()

    def select_neuron(self, layer: int, unit: int) -> None:
        """Show hidden neuron ``unit`` of hidden layer ``layer`` (from 1) large; if its outputs
        have not arrived yet (the view was just opened), as soon as they do."""
        if (layer, unit) not in self._choices:
            self._requested = (layer, unit)
            return
        self._requested = None
        self.neuron_combo.setCurrentIndex(self._choices.index((layer, unit)))
        self.all_check.setChecked(False)

    def clear(self) -> None:
        self._requested: tuple[int, int] | None = None
        self._hidden = []
        self._tiles = []
        self._choices: list[tuple[int, int]] = []
        self.neuron_combo.clear()
        self.image.clear()
        self.curve.setData([], [])
        self.mosaic_image.clear()
        for item in (self.mosaic_curves, self.frames, self.selected_frame):
            item.setData([], [])
        for label in self._labels:
            self.mosaic.removeItem(label)
        self._labels = []
        self.status_label.setText("")

    @property
    def selected(self) -> tuple[int, int] | None:
        """(layer, unit) of the neuron shown large."""
        index = self.neuron_combo.currentIndex()
        return self._choices[index] if 0 <= index < len(self._choices) else None

    # -- details ------------------------------------------------------------------------------

    def _fill_combo(self, sizes: list[int]) -> None:
        requested, self._requested = self._requested, None
        preferred = (requested, self.selected)
        self._choices = [(l, u) for l, n in enumerate(sizes, start=1) for u in range(n)]
        self.neuron_combo.blockSignals(True)
        self.neuron_combo.clear()
        self.neuron_combo.addItems([self.tr("layer {layer}, neuron {neuron}").format(
            layer=l, neuron=u) for l, u in self._choices])
        index = next((self._choices.index(p) for p in preferred if p in self._choices), 0)
        self.neuron_combo.setCurrentIndex(index)
        self.neuron_combo.blockSignals(False)
        if requested in self._choices:
            self.all_check.setChecked(False)

    def _layer_range(self, l: int) -> tuple[float, float]:
        """The lowest and highest finite output of hidden layer ``l``, at least a unit apart."""
        A = self._hidden[l - 1]
        finite = np.isfinite(A)
        lo = float(np.min(A, initial=np.inf, where=finite))
        hi = float(np.max(A, initial=-np.inf, where=finite))
        if not hi >= lo:  # nothing finite
            return -0.5, 0.5
        return (lo, hi) if hi > lo else (lo - 0.5, hi + 0.5)

    def _scaled(self, l: int, values: np.ndarray) -> np.ndarray:
        """``values`` of layer ``l`` from its range to 0..1 (halved first: ``hi - lo`` of
        outputs near ±1.8e308 would overflow); NaN where they are not finite."""
        lo, hi = self._layer_range(l)
        with np.errstate(invalid="ignore", over="ignore"):
            scaled = (values / 2 - lo / 2) / (hi / 2 - lo / 2)
        return np.where(np.isfinite(values), scaled, np.nan)

    def _redraw(self) -> None:
        if not self._hidden or self.selected is None:
            return
        if self.all_check.isChecked():
            self._draw_mosaic()
        else:
            self._draw_single(*self.selected)

    def _draw_single(self, layer: int, unit: int) -> None:
        values = self._hidden[layer - 1][:, unit]
        too_far = ""
        if self._grid.kind == "plane":
            image = self._scaled(layer, values).reshape(len(self._grid.ys), len(self._grid.xs))
            self.image.setImage(image, levels=(0.0, 1.0), autoLevels=False)
            self.image.setRect(pixel_rect(self._grid))
            self.curve.setData([], [])
        else:
            self.image.clear()
            too_far = out_of_reach(self.tr("outputs"), values)
            self.curve.setData(*(([], []) if too_far else (self._grid.xs, values)))
        self.status_label.setText(
            f"A{sub(layer)}[:, {unit}]: {_fmt(np.min(values))} … {_fmt(np.max(values))}"
            + (f"   ({too_far})" if too_far else "")
        )

    def _layout_tiles(self, sizes: list[int]) -> None:
        """Each layer starts a new row of thumbnails; at most ``MAX_TILES`` in all."""
        total = min(sum(sizes), MAX_TILES)
        cols = max(4, math.ceil(math.sqrt(total)))
        self._tiles, row = [], 0
        for l, n in enumerate(sizes, start=1):
            for u in range(n):
                if len(self._tiles) == MAX_TILES:
                    break
                self._tiles.append((l, u, row + u // cols, u % cols))
            row = (self._tiles[-1][2] + 1) if self._tiles else row
        for label in self._labels:
            self.mosaic.removeItem(label)
        self._labels = []
        for l in range(1, len(sizes) + 1):
            first = next((t for t in self._tiles if t[0] == l), None)
            if first is not None:
                label = pg.TextItem(f"A{sub(l)}", color=palette.FOREGROUND, anchor=(1.1, 0))
                label.setPos(*self._origin(first[2], 0))
                self.mosaic.addItem(label, ignoreBounds=True)
                self._labels.append(label)

    def _tile_size(self) -> tuple[float, float]:
        if self._grid.kind == "plane":
            return float(len(self._grid.xs)), float(len(self._grid.ys))
        return TILE, TILE

    def _origin(self, row: int, col: int) -> tuple[float, float]:
        w, h = self._tile_size()
        return col * (w + GAP), row * (h + GAP)

    def _draw_mosaic(self) -> None:
        w, h = self._tile_size()
        rows = max(t[2] for t in self._tiles) + 1
        cols = max(t[3] for t in self._tiles) + 1
        if self._grid.kind == "plane":
            canvas = np.full((int(rows * (h + GAP)), int(cols * (w + GAP))), np.nan)
            for l, u, r, c in self._tiles:
                x0, y0 = (int(v) for v in self._origin(r, c))
                tile = self._scaled(l, self._hidden[l - 1][:, u]).reshape(int(h), int(w))
                canvas[y0:y0 + int(h), x0:x0 + int(w)] = tile[::-1]
            self.mosaic_image.setImage(canvas, levels=(0.0, 1.0), autoLevels=False)
            self.mosaic_curves.setData([], [])
        else:
            xs = np.linspace(0.0, w, len(self._grid.xs))  # the grid's points are evenly spaced
            px, py = [], []
            for l, u, r, c in self._tiles:
                x0, y0 = self._origin(r, c)
                norm = self._scaled(l, self._hidden[l - 1][:, u])
                px += [x0 + xs, [np.nan]]
                py += [y0 + (1.0 - norm) * h, [np.nan]]
            self.mosaic_curves.setData(np.concatenate(px), np.concatenate(py))
            self.mosaic_image.clear()
        self.frames.setData(*self._frame_lines([(t[2], t[3]) for t in self._tiles]))
        selected = [(t[2], t[3]) for t in self._tiles if (t[0], t[1]) == self.selected]
        self.selected_frame.setData(*self._frame_lines(selected))
        self.mosaic.getPlotItem().vb.enableAutoRange()
        shown = len(self._tiles)
        total = sum(A.shape[1] for A in self._hidden)
        self.status_label.setText(
            self.tr("{shown} hidden neurons").format(shown=shown) if shown == total
            else self.tr("first {shown} of {total} neurons").format(shown=shown, total=total)
        )

    def _frame_lines(self, cells: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
        w, h = self._tile_size()
        xs, ys = [], []
        for r, c in cells:
            x0, y0 = self._origin(r, c)
            xs += [x0, x0 + w, x0 + w, x0, x0, np.nan]
            ys += [y0, y0, y0 + h, y0 + h, y0, np.nan]
        return np.array(xs, dtype=float), np.array(ys, dtype=float)

    def _on_all_toggled(self, on: bool) -> None:
        self.pages.setCurrentIndex(1 if on else 0)
        self.neuron_combo.setEnabled(not on)
        self._redraw()

    def _on_mosaic_clicked(self, event) -> None:
        if not self._tiles:
            return
        pos: QPointF = self.mosaic.getPlotItem().vb.mapSceneToView(event.scenePos())
        tile = self.tile_at(pos.x(), pos.y())
        if tile is not None:
            self.select_neuron(*tile)
            self.neuron_selected.emit(*tile)

    def tile_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The (layer, unit) of the thumbnail at mosaic coordinates ``(x, y)``, if any."""
        w, h = self._tile_size()
        for l, u, r, c in self._tiles:
            x0, y0 = self._origin(r, c)
            if x0 <= x <= x0 + w and y0 <= y <= y0 + h:
                return l, u
        return None


def _fmt(value: float) -> str:
    return number_format.format_value(float(value))
