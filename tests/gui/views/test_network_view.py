"""The network diagram: weights as lines, biases in the neurons."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from bpstudio.gui.views import NetworkView, network_view, number_format, palette, weight_lines
from bpstudio.gui.views.parameter_edit import ParameterEdit
from bpstudio.session import DataSpec, LayerSpec
from tests.gui.views.runs import SIN, Run, click, hover, make_view, weights_run


def test_lines_are_coloured_by_sign_and_as_wide_as_the_magnitude(qtbot):
    run = weights_run((5,))
    W1, W2 = run.net.weights
    W1[0, :] = [2.0, -2.0, 0.1, -0.1, 1.0]
    W2[:, 0] = [0.5, -0.5, 0.05, -1.5, 0.0]
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(0))
    strong_pos, strong_neg = view.line_pen(1, 0, 0), view.line_pen(1, 0, 1)
    weak_pos, weak_neg = view.line_pen(1, 0, 2), view.line_pen(1, 0, 3)
    assert strong_pos.color().name() == palette.ORANGE
    assert strong_neg.color().name() == palette.BLUE
    for weak, strong in ((weak_pos, strong_pos), (weak_neg, strong_neg)):  # paler, same hue
        assert abs(weak.color().hue() - strong.color().hue()) <= 3
        assert weak.color().lightness() > strong.color().lightness()
    assert strong_pos.widthF() == strong_neg.widthF() > view.line_pen(1, 0, 4).widthF()
    assert view.line_pen(1, 0, 4).widthF() > weak_pos.widthF() == weak_neg.widthF()
    assert abs(view.line_pen(2, 3, 0).color().hue() - strong_neg.color().hue()) <= 3
    drawn = view.drawn_lines(1)
    assert drawn == 1 * 5


def test_lines_move_between_widths_as_the_weights_change(qtbot):
    """Only the widths whose lines changed are redrawn: what is drawn must still match."""
    run = weights_run((8, 6))
    view = make_view(qtbot, NetworkView, run)
    rng = np.random.default_rng(3)
    for _ in range(6):
        for W in run.net.weights:
            W += rng.normal(0, 0.3, W.shape)  # some lines change width or sign, most do not
        view.show_snapshot(run.snapshot(0))
        for index, keys in enumerate(view._keys):
            for key in range(2 * weight_lines.WIDTH_LEVELS):
                assert view._lines.count(index, key) == np.count_nonzero(keys == key)


def _middle(line) -> tuple[float, float]:
    (x0, x1), (y0, y1) = line
    return (x0 + x1) / 2, (y0 + y1) / 2


def test_hovering_a_line_names_the_weight(qtbot):
    run = weights_run((5,))
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(2))
    (x0, x1), _ = view._layout.line(2, 3, 0)
    hover(qtbot, view, *_middle(view._layout.line(2, 3, 0)))
    qtbot.waitUntil(view.readout.isVisible)
    value = number_format.format_value(run.net.weights[1][3, 0])
    assert view.readout.text() == f"W2[3,0] = {value}"
    np.testing.assert_array_equal(view.highlight.getData()[0], [x0, x1])


def test_hovering_a_neuron_names_its_bias(qtbot):
    run = weights_run((5,))
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(2))
    ys = view._layout.columns[1]
    hover(qtbot, view, 1.0, ys[2])
    qtbot.waitUntil(view.readout.isVisible)
    bias = number_format.format_value(run.net.biases[0][2])
    assert view.readout.text() == f"b1[2] = {bias}"


def test_the_readout_stays_inside_the_plot_beside_the_pointer(qtbot):
    """Near every corner of the diagram the box is wholly inside the plot widget, within a
    few dozen pixels of the pointer (it was drawn far off-screen in the inverted view)."""
    run = weights_run((5,))
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(2))
    widget = view.readout.parentWidget()
    for layer, unit in ((0, 0), (2, 0), (1, 0), (1, 4)):
        x, y = view._layout.neuron_positions()[0], view._layout.neuron_positions()[1]
        k = sum(view._layout.sizes[:layer]) + unit
        hover(qtbot, view, x[k], y[k])
        qtbot.waitUntil(view.readout.isVisible)
        box = view.readout.geometry()
        assert widget.rect().contains(box)
        pointer = widget.mapFromScene(view.plot.vb.mapViewToScene(QPointF(x[k], y[k])))
        assert box.adjusted(-40, -40, 40, 40).contains(pointer)


def test_hovering_a_neuron_without_a_bias_says_so(qtbot):
    run = Run(dict(SIN, bias=False), DataSpec("sin", {"n": 10}))
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(1))
    hover(qtbot, view, 1.0, view._layout.columns[1][2])  # was IndexError
    qtbot.waitUntil(view.readout.isVisible)
    assert view.readout.text() == "neuron 2 of layer 1 (no bias)"


def test_clicking_a_line_edits_its_weight_by_typing(qtbot):
    run = weights_run((5,))
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(2))
    click(qtbot, view, *_middle(view._layout.line(2, 3, 0)))
    qtbot.waitUntil(view.editor.isVisible)
    assert float(view.editor.text()) == pytest.approx(run.net.weights[1][3, 0], rel=1e-5)
    assert view.readout.parentWidget().rect().contains(view.editor.geometry())
    view.editor.selectAll()
    qtbot.keyClicks(view.editor, "abc")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert view.editor.isVisible()  # not a number: stays open, marked
    view.editor.clear()
    qtbot.keyClicks(view.editor, "-0.25")
    with qtbot.waitSignal(view.parameter_edited) as edited:
        qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert edited.args[0] == ParameterEdit("W", 2, (3, 0), -0.25)
    assert not view.editor.isVisible()


def test_escape_closes_the_editor_without_an_edit(qtbot):
    run = weights_run((5,))
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(2))
    click(qtbot, view, 1.0, view._layout.columns[1][2])
    qtbot.waitUntil(view.editor.isVisible)
    assert float(view.editor.text()) == pytest.approx(run.net.biases[0][2], rel=1e-5)
    with qtbot.assertNotEmitted(view.parameter_edited):
        qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    assert not view.editor.isVisible()
    click(qtbot, view, 1.0, view._layout.columns[1][2])
    qtbot.waitUntil(view.editor.isVisible)
    with qtbot.assertNotEmitted(view.parameter_edited):  # Enter on the shown, rounded value
        qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert not view.editor.isVisible()


def test_a_network_without_biases_fills_its_neurons_as_zero_biases(qtbot):
    network = dict(SIN, bias=False)
    run = Run(network, DataSpec("sin", {"n": 10}))
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(1))
    brushes = [brush.color().name() for brush in view.neurons.brushes()]
    zero = network_view._bias_brush(True, 0).color().name()
    assert brushes == [network_view._INPUT_BRUSH.color().name()] + [zero] * 7


def test_large_layers_draw_only_the_strongest_lines(qtbot):
    run = weights_run((100, 100))
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(0))
    drawn = view.drawn_lines(2)
    assert drawn == network_view.MAX_LINES
    W2 = np.abs(run.net.weights[1])
    weakest = np.unravel_index(np.argmin(W2), W2.shape)
    strongest = np.unravel_index(np.argmax(W2), W2.shape)
    assert view.line_pen(2, *weakest) is None
    assert view.line_pen(2, *strongest) is not None
    assert len(view.neurons) == 1 + 100 + 100 + 1


def test_network_follows_the_weights_and_clears(qtbot):
    run = weights_run((3,))
    view = make_view(qtbot, NetworkView, run)
    assert view.message
    run.net.weights[0][0, 0] = 5.0
    view.show_snapshot(run.snapshot(0))
    assert not view.message
    assert len(view.neurons) == 5
    assert view.line_pen(1, 0, 0).color().name() == palette.ORANGE
    run.net.weights[0][0, 0] = -5.0
    view.show_snapshot(run.snapshot(0))  # soon after the last one: drawn as well
    assert view.line_pen(1, 0, 0).color().name() == palette.BLUE
    view.show_snapshot(run.snapshot(0))
    view.clear()  # nothing brings the diagram back
    qtbot.wait(50)
    assert len(view.neurons) == 0 and view.drawn_lines(1) == 0
    assert view.message


def test_close_columns_get_short_captions_and_the_outputs_their_class_names(qtbot):
    """Issue #11, finding 8: at 8 × 64 the captions ran into each other, and the outputs
    were ŷ₁ … while the legend named the classes."""
    hidden = dict(hidden=tuple(LayerSpec(64, "relu") for _ in range(8)),
                  output_activation="softmax", loss="cross_entropy")
    run = Run(hidden, DataSpec("spiral", {"n": 90, "classes": 3}))
    view = make_view(qtbot, NetworkView, run)
    view.resize(470, 420)
    view.show_snapshot(run.snapshot(1))
    qtbot.waitUntil(lambda: [label.toPlainText() for label in view.labels.captions][1] == "h1\n64")
    captions = [label.toPlainText() for label in view.labels.captions]
    assert captions[0] == "in\n2" and captions[-1] == "out\n3"
    names = [label for label in view.labels.items if label.anchor.x() == 0.0]
    assert [label.toPlainText() for label in names] == ["class 0", "class 1", "class 2"]
    right = lambda: max(label.textItem.sceneBoundingRect().right() for label in names)  # noqa: E731
    qtbot.waitUntil(lambda: right() <= view.plot.vb.sceneBoundingRect().right() + 1)  # in view
    view.resize(1600, 420)  # room again: the long captions come back
    qtbot.waitUntil(lambda: view.labels.captions[1].toPlainText() == "hidden 1 (64)")


def test_neurons_are_painted_where_they_are_in_their_bias_colour(qtbot):
    """The circles are stamped at the neurons' pixels, filled by the bias, outlined, and
    follow the plot when it is resized."""
    run = weights_run((3,))
    run.net.biases[0][:] = [3.0, -3.0, 0.0]
    view = make_view(qtbot, NetworkView, run)
    view.resize(500, 400)
    view.show_snapshot(run.snapshot(0))
    for size in ((500, 400), (300, 260)):
        view.resize(*size)
        qtbot.wait(50)
        image, vb, widget = view.grab().toImage(), view.plot.vb, view.plot.getViewWidget()
        xs, ys = view._layout.neuron_positions()
        colours = []
        for x, y in zip(xs, ys):
            point = widget.mapTo(view, widget.mapFromScene(vb.mapViewToScene(QPointF(x, y))))
            colours.append(image.pixelColor(point).name())
        assert colours[1:4] == [b.color().name() for b in view.neurons.brushes()[1:4]]
        assert colours[1] != colours[2] and colours[3] == "#ffffff"  # orange, blue, zero
        edge = point + QPointF(view.neurons._size / 2, 0).toPoint()
        assert image.pixelColor(edge).lightness() < 200  # the outline
