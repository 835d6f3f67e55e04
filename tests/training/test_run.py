"""TrainingRun without Qt: it trains as the core trainer does, bit for bit, however it is
sliced; it changes settings and weights as the app asks; it checks gradients."""

import math

import numpy as np
import pytest

from bpstudio.core import DivergenceError, Trainer
from bpstudio.core.diagnostics import check_gradients
from bpstudio.limits import MAX_EPOCHS
from bpstudio.session import TrainingConfig
from bpstudio.training import TrainingRun, work_until
from bpstudio.training import run as run_module

from .sessions import sin_session, spiral_session


def fitted(session, epochs: int) -> Trainer:
    """The core alone: the session's trainer after ``fit``."""
    bench = session.build()
    bench.trainer.fit(*bench.train_arrays(), epochs)
    return bench.trainer


@pytest.mark.parametrize("batch_size", [None, 7])
def test_training_in_slices_of_a_batch_equals_fit(batch_size):
    session = spiral_session(batch_size=batch_size)
    run = TrainingRun(session)
    calls = 0
    while run.epoch < 6:
        run.train_for(epochs=6 - run.epoch, seconds=0.0)  # one mini-batch per call
        calls += 1
    assert calls == (6 if batch_size is None else 6 * 7)  # 45 training rows: 7 batches
    trainer = fitted(session, 6)
    np.testing.assert_array_equal(run.net.parameters, trainer.net.parameters)
    assert run.history.epoch == trainer.history.epoch
    assert run.history.train_loss == trainer.history.train_loss


def test_train_for_stops_after_the_epochs_asked_or_at_the_last_epoch():
    run = TrainingRun(spiral_session(epoch_limit=5))
    assert run.last_epoch == 5 and not run.at_limit
    run.train_for(epochs=3)
    assert run.epoch == 3
    run.train_for(epochs=10)
    assert run.epoch == 5 and run.at_limit
    run.last_epoch = 8
    run.train_for()
    assert run.epoch == 8
    assert TrainingRun(spiral_session()).last_epoch == MAX_EPOCHS
    assert TrainingRun(spiral_session(epoch_limit=5), last_epoch=12).last_epoch == 12


def test_an_epoch_stopped_inside_is_finished_by_the_next_one():
    session = spiral_session(batch_size=10)
    run = TrainingRun(session)
    run.train_for(seconds=0.0)
    assert run.epoch == 0 and run.state().progress.samples == 10
    run.train_for(epochs=1)  # the epoch in progress counts as one
    assert run.epoch == 1 and run.state().progress is None
    np.testing.assert_array_equal(run.net.parameters, fitted(session, 1).net.parameters)


def test_every_epoch_calls_back_and_measure_every_fills_those_rows_and_the_last():
    run = TrainingRun(spiral_session())
    seen = []
    run.train_for(epochs=7, measure_every=3, callback=lambda epoch, loss: seen.append(epoch))
    assert seen == list(range(1, 8))
    h = run.history
    for column in (h.test_loss, h.train_metric, h.test_metric):
        assert [e for e, v in zip(h.epoch, column) if math.isfinite(v)] == [3, 6, 7]
    stopped = TrainingRun(spiral_session())
    stopped.train_for(epochs=10, callback=lambda epoch, loss: epoch == 4)  # True: stop
    assert stopped.epoch == 4


def test_the_learning_rate_applies_at_the_next_update():
    session = spiral_session()
    run = TrainingRun(session)
    run.train_for(epochs=1)
    run.set_learning_rate(0.5)
    run.train_for(epochs=1)
    bench = session.build()
    X, Y = bench.train_arrays()
    bench.trainer.run_epoch(X, Y)
    bench.trainer.optimizer.lr = 0.5
    bench.trainer.run_epoch(X, Y)
    np.testing.assert_array_equal(run.net.parameters, bench.net.parameters)
    assert run.state().optimizer["lr"] == 0.5


def test_reconfigure_keeps_weights_epochs_and_history():
    run = TrainingRun(spiral_session())
    run.train_for(epochs=2)
    before = run.state()
    run.reconfigure(TrainingConfig("adam", learning_rate=0.01, batch_size=8, epoch_limit=9))
    after = run.state()
    np.testing.assert_array_equal(after.parameters, before.parameters)
    assert (after.epoch, after.optimizer["name"], run.last_epoch) == (2, "adam", 9)
    assert after.history.train_loss == before.history.train_loss
    assert run.session.training.batch_size == 8
    run.train_for()
    assert run.epoch == 9


def test_set_parameters_changes_only_the_weights():
    run = TrainingRun(spiral_session())
    run.train_for(epochs=1)
    before = run.state()
    run.set_parameters(before.parameters + 0.25)
    after = run.state()
    np.testing.assert_array_equal(after.parameters, before.parameters + 0.25)
    assert after.epoch == 1 and after.history.train_loss == before.history.train_loss
    assert after.optimizer_state == before.optimizer_state


def test_divergence_keeps_the_last_finite_weights():
    run = TrainingRun(sin_session(optimizer="sgd", learning_rate=10.0))
    with pytest.raises(DivergenceError, match="Lower the learning rate"):
        run.train_for(epochs=1000)
    assert np.all(np.isfinite(run.net.parameters))


def test_to_session_holds_the_specs_and_the_state_now():
    session = spiral_session()
    run = TrainingRun(session)
    run.train_for(epochs=2)
    saved = run.to_session()
    assert (saved.network, saved.data, saved.training) == \
        (session.network, session.data, session.training)
    np.testing.assert_array_equal(saved.state.parameters, run.net.parameters)
    assert saved.epoch == 2 and session.state is None


def test_a_small_epoch_is_one_chunk_of_work(small_chunks):
    assert not TrainingRun(spiral_session()).epoch_is_small()


def test_an_epoch_of_a_small_network_is_small():
    assert TrainingRun(spiral_session()).epoch_is_small()


# -- gradient check ----------------------------------------------------------------------


def test_a_small_gradient_check_is_done_in_one_go_on_the_network():
    run = TrainingRun(spiral_session())
    done, report = work_until(run.gradient_check(), deadline=0.0)
    assert done
    rows = slice(0, run_module.GRADIENT_CHECK_ROWS)
    assert report.errors == check_gradients(run.net, run.X[rows], run.Y[rows]).errors
    assert report.all_agree


def test_a_long_gradient_check_runs_on_a_copy_between_chunks(small_chunks):
    session = spiral_session()
    run = TrainingRun(session)
    before = run.net.parameters.copy()
    steps = run.gradient_check()
    chunks = 1
    while True:
        done, report = work_until(steps, deadline=0.0)
        np.testing.assert_array_equal(run.net.parameters, before)
        if done:
            break
        chunks += 1
    assert chunks > 1
    rows = slice(0, run_module.GRADIENT_CHECK_ROWS)
    expected = check_gradients(session.build().net, run.X[rows], run.Y[rows])
    assert report.errors == expected.errors and report.all_agree


def test_a_gradient_check_too_long_for_the_network_is_refused(small_chunks, monkeypatch):
    monkeypatch.setattr(run_module, "MAX_GRADIENT_CHECK_CHUNKS", 10)
    with pytest.raises(ValueError, match="too long for this network"):
        TrainingRun(spiral_session()).gradient_check()


def test_work_until_stops_between_steps_once_the_deadline_passed():
    def steps():
        for _ in range(3):
            yield
        return "done"

    work = steps()
    assert work_until(work, deadline=0.0) == (False, None)  # one step, then out of time
    assert work_until(work, deadline=math.inf) == (True, "done")
