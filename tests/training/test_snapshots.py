"""A run's snapshots carry what the views need: weights, the plot grid's outputs, the
measurements and which score they hold, the history rows that changed, the wanted extras."""

import numpy as np
import pytest

from bpstudio.core.diagnostics import hidden_outputs, mean_abs_gradients
from bpstudio.core.snapshot import PlotGrid
from bpstudio.training import TrainingRun
from bpstudio.training.extras import HIDDEN_OUTPUTS, MEAN_ABS_GRAD, neuron_grid
from tests.steps import chunks_and_result

from .sessions import sin_session, spiral_session


def run_with_grid(session, **kwargs) -> TrainingRun:
    data = session.prepare_data()
    return TrainingRun(session, data, PlotGrid.around(data.full.X, resolution=20), **kwargs)


def test_a_snapshot_holds_the_weights_grid_outputs_and_measurements():
    run = run_with_grid(spiral_session(), run_id=7)
    run.train_for(epochs=3)
    snapshot = run.snapshot()
    assert (snapshot.run_id, snapshot.epoch, snapshot.score) == (7, 3, "accuracy")
    assert set(snapshot.metrics) == {"train_loss", "test_loss", "train_accuracy",
                                     "test_accuracy"}
    assert snapshot.metrics == run.measure()
    for got, want in zip(snapshot.weights + snapshot.biases, run.net.weights + run.net.biases):
        np.testing.assert_array_equal(got, want)
        assert not got.flags.writeable
    grid = PlotGrid.around(run.data.full.X, resolution=20)
    expected = run.net.predict(run.data.standardizer.transform(grid.inputs))
    np.testing.assert_array_equal(snapshot.grid_outputs, expected)
    assert not snapshot.grid_outputs.flags.writeable
    assert snapshot.epochs_per_second == 0.0 and snapshot.extras == {}


def test_a_regression_snapshot_holds_r2():
    run = TrainingRun(sin_session())
    snapshot = run.snapshot()
    assert snapshot.score == "r2" and {"train_r2", "test_r2"} <= set(snapshot.metrics)
    assert snapshot.grid_outputs is None


def test_each_snapshot_carries_the_history_rows_that_changed():
    run = TrainingRun(spiral_session())
    run.train_for(epochs=4)
    first = run.snapshot(since=0)
    assert first.new_epochs.tolist() == [1, 2, 3, 4] and first.kept_through is None
    run.train_for(epochs=2)
    second = run.snapshot()
    assert second.new_epochs.tolist() == [5, 6] and second.kept_through == 4
    assert second.new_train_losses.tolist() == run.history.train_loss[4:]
    assert run.snapshot(since=0).new_epochs.tolist() == list(range(1, 7))


def test_a_snapshot_while_running_says_how_fast():
    run = TrainingRun(spiral_session())
    run.restart_clocks()
    run.train_for(epochs=20)
    assert run.snapshot(running=True).epochs_per_second > 0
    assert run.snapshot(running=False).epochs_per_second == 0.0


def test_wanted_extras_equal_the_core():
    session = spiral_session()
    run = TrainingRun(session)
    run.train_for(epochs=1)
    run.extras.wanted = frozenset({MEAN_ABS_GRAD, HIDDEN_OUTPUTS})
    extras = run.snapshot().extras
    bench = session.build()
    X, Y = bench.train_arrays()
    bench.trainer.run_epoch(X, Y)
    assert extras[MEAN_ABS_GRAD] == mean_abs_gradients(bench.net, X, Y)
    grid = neuron_grid(bench.data)
    expected = hidden_outputs(bench.net, bench.data.standardizer.transform(grid.inputs))
    assert len(extras[HIDDEN_OUTPUTS]) == 1 and extras[HIDDEN_OUTPUTS][0].shape == (48 * 48, 6)
    np.testing.assert_array_equal(extras[HIDDEN_OUTPUTS][0], expected[0])
    run.extras.wanted = frozenset({MEAN_ABS_GRAD})
    assert set(run.snapshot().extras) == {MEAN_ABS_GRAD}


def test_a_snapshot_made_in_chunks_is_the_same_picture(small_chunks):
    run = run_with_grid(spiral_session())
    run.train_for(epochs=2)
    run.extras.wanted = frozenset({MEAN_ABS_GRAD, HIDDEN_OUTPUTS})
    chunks, snapshot = chunks_and_result(run.snapshot_steps())
    assert chunks > 10
    grid = PlotGrid.around(run.data.full.X, resolution=20)
    expected = run.net.predict(run.data.standardizer.transform(grid.inputs))
    np.testing.assert_allclose(snapshot.grid_outputs, expected, rtol=1e-12)
    assert run.history.test_loss[-1] == snapshot.metrics["test_loss"]
    assert snapshot.metrics["test_loss"] == pytest.approx(run.measure()["test_loss"], rel=1e-12)
    assert set(snapshot.extras) == {MEAN_ABS_GRAD, HIDDEN_OUTPUTS}
