"""The network as a diagram: neurons in columns, weights as lines coloured by sign and as wide
as their magnitude, redrawn from each snapshot."""

from __future__ import annotations

import functools

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Signal
from PySide6.QtGui import QBrush, QPen
from PySide6.QtWidgets import QWidget

from bpstudio.core.digits import sub
from bpstudio.core.snapshot import PlotGrid, TrainingSnapshot
from bpstudio.session import PreparedData

from ..vocabulary import class_names
from . import number_format, palette, view_frame
from .network_labels import NetworkLabels
from .network_layout import NetworkLayout
from .neuron_dots import NeuronDots
from .parameter_edit import ParameterEdit
from .pointer_readout import PointerReadout, ValueEditor
from .weight_lines import PENS, SMOOTH_LINES, WIDTH_LEVELS, WeightLines

translate = QCoreApplication.translate

MAX_LINES = 2500
"""Per layer pair, only the strongest weights are drawn beyond this many (100 × 100 = 10k)."""

HOVER_PIXELS = 5.0

BIAS_SHADES = 8


@functools.cache
def _bias_brush(positive: bool, shade: int) -> QBrush:
    white = np.full(3, 255.0)
    colour = palette.rgb(palette.ORANGE if positive else palette.BLUE)
    return pg.mkBrush(*(white + (colour - white) * shade / BIAS_SHADES).round().astype(int))


_INPUT_BRUSH = pg.mkBrush("#f4f4f4")


class NetworkView(view_frame.ViewFrame):
    """Neurons as circles (input at the left), weights as lines: orange positive, blue
    negative, width proportional to ``|w|`` over the largest ``|w|`` in the network.

    Neuron fill shows the bias the same way. Hovering a line or a neuron names the number
    (``W2[3,0] = -0.412``, ``b1[3] = 0.05``), with indices as in ``Z = X @ W + b``, in a box
    beside the pointer. Clicking one opens a field beside the pointer to type a new value:
    Enter emits :attr:`parameter_edited` (a :class:`ParameterEdit`); the window applies it.

    ``neuron_hovered`` / ``neuron_clicked`` name a neuron by ``(layer, unit)``: layer 0 is
    the input, 1 the first hidden layer (``A₁``), units count from 0. Hovering emits once
    per neuron the mouse enters.
    """

    neuron_hovered = Signal(int, int)
    neuron_clicked = Signal(int, int)
    parameter_edited = Signal(object)  # ParameterEdit

    def __init__(self, parent: QWidget | None = None) -> None:
        widget = pg.PlotWidget(background=palette.BACKGROUND)
        super().__init__(translate("Views", "Network"), widget, parent)
        self.setObjectName("networkView")
        self.set_legend([("line", palette.ORANGE, translate("Views", "positive")),
                         ("line", palette.BLUE, translate("Views", "negative")),
                         ("", palette.MUTED, translate("Views", "width ∝ |w|, fill = bias"))])
        self.plot = widget.getPlotItem()
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.vb.invertY(True)
        self.neurons = NeuronDots()
        self.neurons.setZValue(10)
        self.highlight = pg.PlotCurveItem(pen=pg.mkPen("#111111", width=2.5))
        self.highlight.setZValue(9)
        self.readout = PointerReadout(widget)
        self.editor = ValueEditor(widget)
        self.editor.value_entered.connect(self._on_value_entered)
        self._editing: ParameterEdit | None = None
        for item in (self.neurons, self.highlight):
            self.plot.addItem(item)
        self._lines: WeightLines | None = None
        self._shades = np.zeros(0, dtype=int)
        self.labels = NetworkLabels(self.plot)
        self._output_names: tuple[str, ...] = ()
        self._layout: NetworkLayout | None = None
        self._weights: tuple[np.ndarray, ...] = ()
        self._biases: tuple[np.ndarray, ...] = ()
        self._keys: list[np.ndarray] = []
        self.plot.vb.sigResized.connect(self._resize_neurons)
        self.plot.vb.sigRangeChanged.connect(self._resize_neurons)
        self._hovered: tuple[int, int] | None = None
        widget.scene().sigMouseMoved.connect(self._on_mouse_moved)
        widget.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.clear()

    # -- the public surface -------------------------------------------------------------------

    def set_data(self, data: PreparedData, grid: PlotGrid | None) -> None:
        """The layer sizes come with the weights; the data names the outputs of a network
        with one per class (the names the decision plot's legend shows)."""
        names = class_names(data) if data.n_outputs > 1 else ()
        if names != self._output_names:
            self._output_names = names
            self._forget_drawing()  # built again, with the names, by the next snapshot

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        """Lines by the weights, neurons by the biases."""
        sizes = [w.shape[0] for w in snapshot.weights] + [snapshot.weights[-1].shape[1]]
        if self._layout is None or self._layout.sizes != tuple(sizes):
            self._build(NetworkLayout(tuple(sizes)))
        self._weights, self._biases = snapshot.weights, snapshot.biases
        scale = max(float(np.max(np.abs(w))) if w.size else 0.0 for w in snapshot.weights)
        scale = scale if scale > 0 else 1.0
        self._keys = [
            self._draw_lines(i, w, scale, self._keys[i] if i < len(self._keys) else None)
            for i, w in enumerate(snapshot.weights)
        ]
        self._colour_neurons(snapshot.biases)
        self.status_label.setText(
            translate("Views", "widest line |w| = {scale}").format(scale=f"{scale:.3g}"))

    def clear(self) -> None:
        self._forget_drawing()
        self.show_message(translate(
            "Views", "The network appears here when training starts (Train or Step)."))

    def _forget_drawing(self) -> None:
        self._layout = None
        self._weights, self._biases, self._keys = (), (), []
        if self._lines is not None:
            self.plot.removeItem(self._lines)
        self._lines = None
        self.labels.forget()
        self._shades = np.zeros(0, dtype=int)
        self.neurons.set_positions(np.zeros(0), np.zeros(0))
        self.highlight.setData([], [])
        self.readout.hide()
        self.editor.hide()
        self.status_label.setText("")

    def line_pen(self, layer: int, i: int, j: int) -> QPen | None:
        """The pen weight ``W{layer}[i, j]`` is drawn with (``layer`` from 1), or ``None``
        when it is not drawn (too weak to make the cut in a very large layer)."""
        key = int(self._keys[layer - 1][i * self._layout.sizes[layer] + j])
        return None if key < 0 else PENS[key]

    def drawn_lines(self, layer: int) -> int:
        """How many weight lines of ``W{layer}`` are drawn (``layer`` from 1)."""
        return 0 if self._lines is None else self._lines.count(layer - 1)

    # -- drawing ------------------------------------------------------------------------------

    def _build(self, layout: NetworkLayout) -> None:
        self._forget_drawing()
        self.show_message("")
        self._layout = layout
        lines = sum(min(a * b, MAX_LINES) for a, b in zip(layout.sizes, layout.sizes[1:]))
        self._lines = WeightLines(layout, smooth=lines <= SMOOTH_LINES)
        self.plot.addItem(self._lines)
        self.labels.build(layout, self._output_names)
        xs, ys = layout.neuron_positions()
        self.neurons.set_positions(xs, ys)
        self.plot.setRange(xRange=layout.x_range, yRange=layout.y_range, padding=0)
        self._resize_neurons()

    def _draw_lines(
        self, index: int, W: np.ndarray, scale: float, drawn: np.ndarray | None
    ) -> np.ndarray:
        """Sort the layer pair's lines into (sign, width) curves; returns each line's curve
        number (-1 for lines left out). Nothing is redrawn when that is as ``drawn``."""
        magnitude = np.abs(W).ravel() / scale
        level = np.clip(np.ceil(magnitude * WIDTH_LEVELS), 1, WIDTH_LEVELS).astype(int)
        keys = np.where(W.ravel() >= 0, WIDTH_LEVELS, 0) + level - 1
        if keys.size > MAX_LINES:
            weakest = np.argpartition(magnitude, keys.size - MAX_LINES)[: keys.size - MAX_LINES]
            keys[weakest] = -1
        if drawn is not None and np.array_equal(keys, drawn):
            return keys
        seg_x, seg_y = self._layout.segments(index)
        order = np.argsort(keys, kind="stable")
        bounds = np.searchsorted(keys[order], np.arange(2 * WIDTH_LEVELS + 1))
        changed = np.arange(2 * WIDTH_LEVELS) if drawn is None else np.unique(
            np.concatenate([keys[keys != drawn], drawn[keys != drawn]]))
        for key in changed[changed >= 0]:
            rows = order[bounds[key] : bounds[key + 1]]
            self._lines.set_lines(index, int(key), seg_x[rows].ravel(), seg_y[rows].ravel())
        return keys

    def _colour_neurons(self, biases: tuple[np.ndarray, ...]) -> None:
        """Fill = bias, in a few shades, so each shade's circle is rendered once; set
        only when a shade changed. A network without biases is drawn as if they were all 0."""
        scale = max((float(np.max(np.abs(b))) for b in biases if b.size), default=0.0) or 1.0
        values = np.concatenate(biases) if biases else np.zeros(sum(self._layout.sizes[1:]))
        shade = np.rint(np.minimum(np.abs(values) / scale, 1.0) * BIAS_SHADES).astype(int)
        shades = np.concatenate([np.full(self._layout.sizes[0], -1), 2 * shade + (values >= 0)])
        if len(shades) != len(self.neurons) or np.array_equal(shades, self._shades):
            return
        self._shades = shades
        self.neurons.set_brushes(
            [_INPUT_BRUSH if k < 0 else _bias_brush(bool(k % 2), int(k // 2)) for k in shades])

    def _resize_neurons(self, *_changed: object) -> None:
        """Neurons and words follow the plot's size."""
        if self._layout is None:
            return
        vb, rect = self.plot.vb, self.plot.vb.viewRect()
        unit = (rect.width() / max(vb.width(), 1), rect.height() / max(vb.height(), 1))
        self.neurons.set_size(self._layout.neuron_pixels(1 / unit[1]), unit)
        self.labels.fit(vb)

    # -- hover --------------------------------------------------------------------------------

    def parameter_at(self, pos: QPointF, pixels: tuple[float, float]) -> tuple | None:
        """What is under view position ``pos`` (``pixels`` per unit in x and y):
        ``(text, edit or None, line to highlight)``; an input neuron or a neuron without a
        bias has nothing to edit, a neuron no line."""
        layout = self._layout
        if layout is None or not self._weights:
            return None
        neuron = layout.neuron_at(pos.x(), pos.y(), pixels)
        if neuron is not None:
            layer, j = neuron
            if layer == 0:
                return translate("Views", "input x{index}").format(index=sub(j + 1)), None, ((), ())
            if layer > len(self._biases):  # a network without biases
                return (translate("Views", "neuron {neuron} of layer {layer} (no bias)").format(
                    neuron=j, layer=layer), None, ((), ()))
            edit = ParameterEdit("b", layer, (j,), float(self._biases[layer - 1][j]))
        else:
            line = layout.line_at(pos.x(), pos.y(), pixels, self._keys, HOVER_PIXELS)
            if line is None:
                return None
            layer, i, j = line
            edit = ParameterEdit("W", layer, (i, j), float(self._weights[layer - 1][i, j]))
        highlight = layout.line(layer, *edit.index) if edit.kind == "W" else ((), ())
        return f"{edit.name} = {number_format.format_value(edit.value)}", edit, highlight

    def hover_text(self, pos: QPointF, pixels: tuple[float, float]) -> tuple[str, tuple] | None:
        """The read-out's text at view position ``pos`` and the line to highlight."""
        found = self.parameter_at(pos, pixels)
        return None if found is None else (found[0], found[2])

    def neuron_at_scene(self, scene_pos: QPointF) -> tuple[int, int] | None:
        """The ``(layer, unit)`` drawn at scene position ``scene_pos``, if any."""
        vb = self.plot.vb
        if self._layout is None or not vb.sceneBoundingRect().contains(scene_pos):
            return None
        pos, rect = vb.mapSceneToView(scene_pos), vb.viewRect()
        pixels = (vb.width() / rect.width(), vb.height() / rect.height())
        return self._layout.neuron_at(pos.x(), pos.y(), pixels)

    def _found_at(self, scene_pos: QPointF) -> tuple | None:
        vb = self.plot.vb
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        pos, rect = vb.mapSceneToView(scene_pos), vb.viewRect()
        return self.parameter_at(pos, (vb.width() / rect.width(), vb.height() / rect.height()))

    def _pointer(self, scene_pos: QPointF) -> QPoint:
        """A scene position in the plot widget's pixels (where the read-out and editor live)."""
        return self.readout.parentWidget().mapFromScene(scene_pos)

    def _on_mouse_clicked(self, event) -> None:
        neuron = self.neuron_at_scene(event.scenePos())
        if neuron is not None:
            self.neuron_clicked.emit(*neuron)
        found = self._found_at(event.scenePos())
        if found is None or found[1] is None:
            return
        text, edit, _ = found
        self._editing = edit
        self.readout.hide()
        self.editor.edit(text, edit.value, self._pointer(event.scenePos()))

    def _on_value_entered(self, value: float) -> None:
        if self._editing is not None:
            edit, self._editing = self._editing, None
            self.parameter_edited.emit(ParameterEdit(edit.kind, edit.layer, edit.index, value))

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        neuron = self.neuron_at_scene(scene_pos)
        if neuron != self._hovered:
            self._hovered = neuron
            if neuron is not None:
                self.neuron_hovered.emit(*neuron)
        found = None if self.editor.isVisible() else self._found_at(scene_pos)
        if found is None:
            self.readout.hide()
            self.highlight.setData([], [])
            return
        text, _, (line_x, line_y) = found
        self.highlight.setData(list(line_x), list(line_y))
        self.readout.show_at(text, self._pointer(scene_pos))
