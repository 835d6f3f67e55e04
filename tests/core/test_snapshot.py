"""PlotGrid: the inputs a plot evaluates the network at."""

import numpy as np
import pytest

from bpstudio.core.snapshot import PlotGrid


def test_the_grid_covers_the_data_with_a_margin():
    X = np.array([[0.0, -2.0], [10.0, 2.0]])
    grid = PlotGrid.around(X, resolution=11)
    assert grid.kind == "plane"
    assert (grid.xs[0], grid.xs[-1]) == (-1.0, 11.0)
    assert (grid.ys[0], grid.ys[-1]) == pytest.approx((-2.4, 2.4))
    assert grid.inputs.shape == (121, 2)


@pytest.mark.parametrize(
    "point, half_width", [((0.1, 0.3), (0.5, 0.5)), ((40.0, -3.0), (20.0, 1.5))]
)
def test_a_single_point_gets_a_neighbourhood_to_see(point, half_width):
    grid = PlotGrid.around(np.array([point]), resolution=5)
    for axis, centre, half in zip((grid.xs, grid.ys), point, half_width):
        assert axis[0] == pytest.approx(centre - half) and axis[-1] == pytest.approx(centre + half)


def test_one_input_gives_a_curve_and_three_give_none():
    curve = PlotGrid.around(np.array([[1.0], [3.0]]), resolution=4)
    assert curve.kind == "curve" and curve.xs[0] == pytest.approx(0.8)
    assert PlotGrid.around(np.zeros((2, 3))) is None


def test_a_snapshot_has_as_many_losses_as_epochs():
    import dataclasses

    from bpstudio.core import History, Network
    from bpstudio.core.snapshot import make_snapshot

    net = Network([1, 2, 1], ["tanh", "identity"], seed=0)
    history = History()
    history.append(1, 0.5, 0.6)
    snap = make_snapshot(net, history, 0, run_id=1, epochs_per_second=0.0, metrics={})
    assert snap.new_test_losses.tolist() == [0.6]
    with pytest.raises(ValueError, match="snapshot rows"):
        dataclasses.replace(snap, new_test_losses=np.empty(0))
