"""PlotGrid: the inputs a plot evaluates the network at."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

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


FLOAT_MAX = np.finfo(float).max


@pytest.mark.parametrize("columns", [1, 2])
def test_data_at_the_ends_of_the_float_range_gives_a_finite_grid(columns):
    """Inputs of ±1.797e308 overflowed max - min: the grid was all NaN and the plots failed."""
    X = np.array([[FLOAT_MAX] * columns, [-FLOAT_MAX] * columns, [0.0] * columns])
    with np.errstate(over="raise", invalid="raise"):  # not even a warning
        grid = PlotGrid.around(X, resolution=7)
    assert np.isfinite(grid.inputs).all()
    for axis in (grid.xs, grid.ys)[:columns]:
        assert (axis[0], axis[-1]) == (-FLOAT_MAX, FLOAT_MAX)
        assert np.all(np.diff(axis) > 0)


@pytest.mark.parametrize("value", [FLOAT_MAX, -FLOAT_MAX, 1e308])
def test_one_huge_value_gets_a_finite_neighbourhood(value):
    with np.errstate(over="raise", invalid="raise"):
        grid = PlotGrid.around(np.array([[value, 1.0]]), resolution=5)
    assert np.isfinite(grid.inputs).all()
    assert grid.xs[0] < value < grid.xs[-1] or value in (grid.xs[0], grid.xs[-1])
    assert grid.xs[-1] > grid.xs[0]


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=6))
def test_any_finite_data_gives_a_finite_grid_that_covers_it(values):
    X = np.array(values).reshape(-1, 1)
    with np.errstate(over="raise", invalid="raise"):
        grid = PlotGrid.around(X, resolution=4)
    assert np.isfinite(grid.xs).all()
    assert grid.xs[0] <= X.min() and X.max() <= grid.xs[-1]
    assert np.all(np.diff(grid.xs) >= 0)
