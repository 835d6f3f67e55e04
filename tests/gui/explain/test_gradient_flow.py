"""Gradient flow: one log-scale gradient curve and one weight-band plot per layer."""

import itertools

import numpy as np
import pytest

from bpstudio.core import SGD, Network, Trainer
from bpstudio.core.diagnostics import mean_abs_gradients, weight_percentiles
from bpstudio.core.snapshot import make_snapshot
from bpstudio.gui.explain.gradient_flow import GradientFlowView


@pytest.fixture
def view(qtbot):
    v = GradientFlowView()
    qtbot.addWidget(v)
    v.resize(700, 600)
    v.show()
    return v


def _weights(rng, sizes=(2, 4, 3, 1)):
    return tuple(rng.normal(size=(a, b)) for a, b in itertools.pairwise(sizes))


def test_object_name_and_log_axis(view):
    assert view.objectName() == "gradientFlowPlot"
    assert view.grad_plot.getPlotItem().ctrl.logYCheck.isChecked()


def test_points_draw_gradients_and_weight_percentiles(view, rng):
    history = []
    for epoch in (1, 2, 3):
        weights = _weights(rng)
        grads = [10.0**-epoch, 2 * 10.0**-epoch, 0.5]
        view.add_point(epoch, grads, weights)
        history.append((grads, weight_percentiles(weights)))
    assert view.n_points == 3 and len(view.layer_items) == 3
    for l, items in enumerate(view.layer_items):
        x, y = items.grad.getData()
        np.testing.assert_array_equal(x, [1, 2, 3])
        # the curve holds log10 of the values on the log axis
        np.testing.assert_allclose(10**y, [g[l] for g, _ in history])
        for k, line in enumerate(items.lines):
            np.testing.assert_array_equal(line.getData()[1], [p[l, k] for _, p in history])
    assert "W₁ 1.0e-03" in view.legend_label.text()  # the latest value beside each key
    assert view.status_label.text() == "epoch 3"
    # weights: symmetric axes with ticks at the rounded largest |w| seen
    reach = max(abs(p[0, [0, -1]]).max() for _, p in history)
    ticks = view.layer_items[0].weight_plot.getAxis("left")._tickLevels[0]
    assert ticks[0][0] == -ticks[2][0] and reach <= ticks[2][0] < 2 * reach
    assert view.layer_items[0].reach_text.textItem.toPlainText() == f"±{ticks[2][0]:g}"


def test_a_reset_starts_the_curves_over(view, rng):
    for epoch in range(1, 6):
        view.add_point(epoch, [0.1, 0.1, 0.1], _weights(rng))
    view.add_point(2, [0.2, 0.2, 0.2], _weights(rng))  # a reset run reaches epoch 2 again
    assert view.n_points == 2
    np.testing.assert_array_equal(view.layer_items[0].grad.getData()[0], [1, 2])


def test_another_architecture_rebuilds_the_layers(view, rng):
    view.add_point(1, [0.1, 0.1, 0.1], _weights(rng))
    view.add_point(1, [0.1, 0.2], _weights(rng, (2, 5, 1)))
    assert len(view.layer_items) == 2 and view.n_points == 1
    assert len(view.weight_area.ci.items) == 2
    with pytest.raises(ValueError, match="mean_abs_grads"):
        view.add_point(2, [0.1], _weights(rng, (2, 5, 1)))


def test_a_deep_network_keys_its_layers_without_values(view, rng):
    sizes = (2, 8, 8, 8, 8, 8, 8, 1)  # seven weight layers: their values would not fit
    view.add_point(1, [1e-3] * 7, _weights(rng, sizes))
    legend = view.legend_label.text()
    assert "W₇" in legend and "e-03" not in legend


def test_zero_and_missing_gradients_do_not_break_the_log_axis(view, rng):
    view.add_point(1, [0.0, 1e-3, np.nan], _weights(rng))
    _, y = view.layer_items[0].grad.getData()
    assert y.tolist() == [-16.0]  # drawn at the floor, 1e-16
    x, _ = view.layer_items[2].grad.getData()
    assert x is None or len(x) == 0


def test_follows_snapshots_from_training(qtbot, view, rng):
    X = rng.normal(size=(30, 2))
    Y = (X[:, :1] > 0).astype(float)
    net = Network([2, 6, 6, 1], ["sigmoid", "sigmoid", "sigmoid"], seed=0)
    trainer = Trainer(net, SGD(0.5))
    since = 0
    for _ in range(5):
        trainer.fit(X, Y, 10)
        extras = {"mean_abs_grad": mean_abs_gradients(net, X, Y)}
        snapshot = make_snapshot(net, trainer.history, since, run_id=1, epochs_per_second=1.0,
                                 metrics={}, extras=extras)
        since = len(trainer.history)
        view.show_snapshot(snapshot)
    assert view.n_points == 5
    np.testing.assert_array_equal(view.layer_items[0].grad.getData()[0], [10, 20, 30, 40, 50])
    assert view.status_label.text().startswith("epoch 50")

    plain = make_snapshot(net, trainer.history, since, run_id=1, epochs_per_second=1.0,
                          metrics={})
    trainer.fit(X, Y, 1)
    view.show_snapshot(plain)  # no gradients in extras: the weights still move on
    assert view.n_points == 5  # same epoch 50 replaced
    assert len(view.layer_items[0].lines[3].getData()[0]) == 5

    view.clear()
    assert view.n_points == 0 and view.layer_items == []


def test_one_point_says_how_the_curves_come_and_shows_whole_epochs(qtbot, view, rng):
    view.add_point(29542, [0.1, 0.1, 0.1], _weights(rng))
    assert "grow while it trains" in view.status_label.text()
    for items in view.layer_items:  # one epoch is no line: a dot marks it
        assert items.grad.opts["symbol"] == "o" and items.lines[3].opts["symbol"] == "o"
    low, high = view.grad_plot.getPlotItem().vb.viewRange()[0]
    assert (low, high) == (29541.5, 29552)  # its dot whole, not cut by the edge
    for epoch in range(29543, 29600):
        view.add_point(epoch, [0.1, 0.1, 0.1], _weights(rng))
    assert view.status_label.text() == "epoch 29,599"
    assert all(items.grad.opts["symbol"] is None for items in view.layer_items)

    def follows():
        low, high = view.grad_plot.getPlotItem().vb.viewRange()[0]
        return low <= 29542 and high >= 29599

    qtbot.waitUntil(follows)  # the epochs are followed again


def test_the_gradient_axis_labels_never_crowd(view):
    # 0.8 … 20 over 200 px: pyqtgraph's own log axis labelled every one of 0.8, 0.9, 1, 2, … 9
    axis = view.grad_plot.getPlotItem().getAxis("left")
    shown = [text for spacing, values in axis.tickValues(-0.1, 1.3, 200)
             for text in axis.tickStrings(values, 1.0, spacing) if text]
    assert set(shown) <= {"1", "2", "5", "10", "20"} and "1" in shown


@pytest.mark.parametrize("value", [1e300, 1.797e308])
def test_weights_and_gradients_near_the_largest_float_are_framed(view, value):
    """A weight of 1.797e308 rounded the range up to ±inf ("Cannot set range")."""
    weights = [np.array([[value, -value], [1.0, 2.0]]), np.array([[1.0], [-value]])]
    for epoch in (1, 2):
        view.add_point(epoch, [value, 1.0], weights)
    view.grab()
    for items in view.layer_items:
        low, high = items.weight_plot.viewRange()[1]
        assert np.isfinite([low, high]).all() and high > low
    low, high = view.grad_plot.getPlotItem().viewRange()[1]
    assert np.isfinite([low, high]).all()
