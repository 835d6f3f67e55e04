"""Neuron views: one hidden neuron over the input plane or line, or all of them as tiles."""

import numpy as np
from PySide6.QtCore import QPointF, Qt

from bpstudio.core import Network
from bpstudio.core.diagnostics import hidden_outputs
from bpstudio.core.snapshot import PlotGrid, make_snapshot
from bpstudio.core.trainer import History
from bpstudio.gui.explain.neuron_view import GAP, NeuronView
from tests.gui.explain.conftest import prepared


def test_one_neuron_as_a_heatmap(plane):
    view, net, grid = plane
    hidden = hidden_outputs(net, grid.inputs)
    view.show_hidden(hidden)
    assert view.objectName() == "neuronView"
    assert view.neuron_combo.count() == 5  # 3 + 2 hidden neurons
    assert view.selected == (1, 0)
    # the outputs on the layer's own scale: its lowest 0, its highest 1
    lo, hi = hidden[0].min(), hidden[0].max()
    np.testing.assert_allclose(
        view.image.image, ((hidden[0][:, 0] - lo) / (hi - lo)).reshape(12, 12), rtol=1e-12)
    assert view.image.levels.tolist() == [0.0, 1.0]

    view.select_neuron(2, 1)
    lo, hi = hidden[1].min(), hidden[1].max()
    np.testing.assert_allclose(
        view.image.image, ((hidden[1][:, 1] - lo) / (hi - lo)).reshape(12, 12), rtol=1e-12)
    assert view.status_label.text().startswith("A₂[:, 1]")


def test_all_neurons_as_thumbnails(qtbot, plane):
    view, net, grid = plane
    hidden = hidden_outputs(net, grid.inputs)
    view.show_hidden(hidden)
    qtbot.mouseClick(view.all_check, Qt.MouseButton.LeftButton)
    assert view.mosaic.isVisible() and not view.single.isVisible()
    canvas = view.mosaic_image.image
    # layer 1 (3 neurons) on the first row, layer 2 (2 neurons) on the second
    assert canvas.shape == (2 * (12 + GAP), 3 * (12 + GAP))
    lo, hi = hidden[1].min(), hidden[1].max()
    tile = canvas[12 + GAP:2 * 12 + GAP, 12 + GAP:2 * 12 + GAP]
    expected = ((hidden[1][:, 1].reshape(12, 12) - lo) / (hi - lo))[::-1]  # high x₂ on top
    np.testing.assert_allclose(tile, expected)
    assert np.isnan(canvas[0, 12]) and np.isnan(canvas[12 + GAP, 2 * (12 + GAP)])
    assert view.status_label.text() == "5 hidden neurons"
    assert view.tile_at(12 + GAP + 3, 12 + GAP + 3) == (2, 1)
    assert view.tile_at(12.5 + 1, 3) is None  # in a gap


def test_clicking_a_thumbnail_selects_that_neuron(qtbot, plane):
    view, net, grid = plane
    view.show_hidden(hidden_outputs(net, grid.inputs))
    view.all_check.setChecked(True)
    qtbot.waitUntil(lambda: view.mosaic.getPlotItem().vb.viewRange()[0][1] > 40)
    vb = view.mosaic.getPlotItem().vb
    scene_pos = vb.mapViewToScene(QPointF(2 * (12 + GAP) + 6, 6))  # layer 1, unit 2
    pos = view.mosaic.mapFromScene(scene_pos)
    with qtbot.waitSignal(view.neuron_selected) as blocker:
        qtbot.mouseClick(view.mosaic.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [1, 2]
    assert view.selected == (1, 2) and not view.all_check.isChecked()


def test_one_input_shows_curves(qtbot, rng):
    X = np.linspace(-3, 3, 30).reshape(-1, 1)
    data = prepared(X, np.sin(X), "regression")
    grid = PlotGrid.around(X, resolution=20)
    net = Network([1, 6, 1], ["sigmoid", "identity"], seed=1)
    view = NeuronView()
    qtbot.addWidget(view)
    view.set_data(data, grid)
    hidden = hidden_outputs(net, grid.inputs)
    view.show_hidden(hidden)
    x, y = view.curve.getData()
    np.testing.assert_array_equal(x, grid.xs)
    np.testing.assert_array_equal(y, hidden[0][:, 0])
    view.all_check.setChecked(True)
    x, y = view.mosaic_curves.getData()
    assert np.isnan(x).sum() == 6  # one curve per neuron, separated by gaps
    assert view.mosaic_image.image is None


def test_follows_snapshots_and_survives_changes(qtbot, plane):
    view, net, grid = plane
    extras = {"hidden_outputs": hidden_outputs(net, grid.inputs)}
    snapshot = make_snapshot(net, History(), 0, run_id=1, epochs_per_second=1.0, metrics={},
                             extras=extras)
    view.select_neuron(1, 0)
    view.show_snapshot(snapshot)
    view.select_neuron(1, 2)
    assert view.selected == (1, 2)

    other = Network([2, 5, 1], ["relu", "sigmoid"], seed=2)  # architecture change
    view.show_hidden(hidden_outputs(other, grid.inputs))
    assert view.neuron_combo.count() == 5 and view.selected == (1, 2)
    view.all_check.setChecked(True)
    assert view.status_label.text() == "5 hidden neurons"

    view.show_hidden(hidden_outputs(other, grid.inputs[:10]))  # another grid: ignored
    assert view.neuron_combo.count() == 5

    view.show_hidden(hidden_outputs(Network([2, 1], ["sigmoid"]), grid.inputs))
    assert "no hidden layer" in view.message

    view.set_data(prepared(np.ones((4, 3)), np.zeros(4, int)), None)
    assert "one or two inputs" in view.message


def test_a_curve_after_a_plane_gets_its_own_range(qtbot, plane, rng):
    view, net, grid = plane
    view.show_hidden(hidden_outputs(net, grid.inputs))
    X = np.linspace(-3, 3, 30).reshape(-1, 1)
    line = PlotGrid.around(X, resolution=20)
    view.set_data(prepared(X, np.sin(X), "regression"), line)
    curve_net = Network([1, 6, 1], ["sigmoid", "identity"], seed=1)
    hidden = hidden_outputs(curve_net, line.inputs)
    view.show_hidden(hidden)
    values = hidden[0][:, 0]

    def fits():
        (x0, x1), (y0, y1) = view.single.getPlotItem().vb.viewRange()
        return (x0 <= -3 and x1 >= 3 and x1 - x0 < 10 and y0 <= values.min()
                and y1 >= values.max() and y1 - y0 < 2 * (values.max() - values.min()) + 0.1)

    qtbot.waitUntil(fits)  # the curve's range, not the plane's x₂ range


def test_a_curve_range_moves_in_steps_not_with_every_frame(qtbot, rng):
    """A slightly different curve keeps the range (the axes are not redrawn); one that leaves
    it gets a new one that holds it."""
    X = np.linspace(-3, 3, 30).reshape(-1, 1)
    grid = PlotGrid.around(X, resolution=20)
    view = NeuronView()
    qtbot.addWidget(view)
    view.set_data(prepared(X, np.sin(X), "regression"), grid)
    hidden = hidden_outputs(Network([1, 6, 1], ["sigmoid", "identity"], seed=1), grid.inputs)
    view.show_hidden(hidden)
    vb = view.single.getPlotItem().vb
    shown = vb.viewRange()
    view.show_hidden([hidden[0] * 1.0001])
    assert vb.viewRange() == shown
    view.show_hidden([hidden[0] * 3])
    (x0, x1), (_, y1) = vb.viewRange()
    assert y1 >= 3 * hidden[0][:, 0].max() > shown[1][1] and x0 < -3 and x1 > 3
