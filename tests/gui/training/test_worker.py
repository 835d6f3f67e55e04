"""The training worker and its controller, without any window.

First synchronously (slots called on the test thread, results compared bit for bit with the
headless core), then across the thread for the protocol: order, run ids, shutdown.
"""

import math
import time
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QThread

from bpstudio.core.snapshot import PlotGrid
from bpstudio.examples import EXAMPLES
from bpstudio.gui.training import TrainingController, TrainingSetup, TrainingWorker
from bpstudio.gui.training.frames import MAX_FRAME_INTERVAL
from bpstudio.session import (
    DataSpec,
    LayerSpec,
    NetworkSpec,
    Session,
    TrainingConfig,
    training_targets,
)


def spiral_session(**training) -> Session:
    return Session(
        network=NetworkSpec((LayerSpec(6, "tanh"),), "sigmoid", "binary_cross_entropy"),
        data=DataSpec("spiral", {"n": 60}, test_fraction=0.25, standardize=True),
        training=TrainingConfig("sgd", learning_rate=0.1, **training),
    )


def setup_of(session: Session, run_id: int = 1) -> TrainingSetup:
    data = session.prepare_data()
    return TrainingSetup(run_id, session, data, PlotGrid.around(data.full.X, resolution=20))


class Recorder:
    """Collects what a worker emits, in order, as (signal name, payload)."""

    def __init__(self, worker: TrainingWorker) -> None:
        self.events = []
        for name in ("snapshot_ready", "handed_back", "diverged", "limit_reached", "failed"):
            getattr(worker, name).connect(lambda *args, n=name: self.events.append((n, args)))

    def names(self):
        return [name for name, _ in self.events]

    def last(self, name):
        return next(args for n, args in reversed(self.events) if n == name)


@pytest.fixture
def worker(qapp):
    w = TrainingWorker()
    yield w
    w.stop()


def headless(session: Session):
    bench = session.build()
    X, Y = bench.train_arrays()
    return bench, X, Y


# -- synchronous -------------------------------------------------------------------------------


def test_reset_shows_and_hands_back_the_initial_weights(worker):
    rec = Recorder(worker)
    session = spiral_session()
    worker.reset(setup_of(session))
    assert rec.names() == ["snapshot_ready", "handed_back"]
    (snapshot,) = rec.last("snapshot_ready")
    run_id, state = rec.last("handed_back")
    fresh = session.build().net
    assert (snapshot.run_id, snapshot.epoch, run_id, state.epoch) == (1, 0, 1, 0)
    np.testing.assert_array_equal(state.parameters, fresh.parameters)
    for got, want in zip(snapshot.weights, fresh.weights):
        np.testing.assert_array_equal(got, want)
        assert not got.flags.writeable
    assert snapshot.grid_outputs.shape == (20 * 20, 1)


def test_step_trains_exactly_one_epoch_like_the_core(worker):
    rec = Recorder(worker)
    session = spiral_session(batch_size=16)
    worker.reset(setup_of(session))
    worker.step()
    worker.step()
    bench, X, Y = headless(session)
    bench.trainer.run_epoch(X, Y)
    bench.trainer.run_epoch(X, Y)
    _, state = rec.last("handed_back")
    assert state.epoch == rec.last("snapshot_ready")[0].epoch == 2
    np.testing.assert_array_equal(state.parameters, bench.net.parameters)
    assert state.history.train_loss == bench.trainer.history.train_loss


def test_learning_rate_applies_at_the_next_step(worker):
    rec = Recorder(worker)
    session = spiral_session()
    worker.reset(setup_of(session))
    worker.step()
    worker.set_learning_rate(0.5)
    worker.step()
    bench, X, Y = headless(session)
    bench.trainer.run_epoch(X, Y)
    bench.trainer.optimizer.lr = 0.5
    bench.trainer.run_epoch(X, Y)
    _, state = rec.last("handed_back")
    np.testing.assert_array_equal(state.parameters, bench.net.parameters)
    assert state.optimizer["lr"] == 0.5


def test_snapshots_record_test_loss_and_scores_in_the_history(worker):
    rec = Recorder(worker)
    worker.reset(setup_of(spiral_session()))
    for _ in range(3):
        worker.step()
    _, state = rec.last("handed_back")
    (snapshot,) = rec.last("snapshot_ready")
    h = state.history
    assert h.test_loss[-1] == snapshot.metrics["test_loss"]
    assert h.train_metric[-1] == snapshot.metrics["train_accuracy"]
    assert h.test_metric[-1] == snapshot.metrics["test_accuracy"]
    assert all(0.0 <= h.test_metric[i] <= 1.0 for i in range(3))
    assert set(snapshot.metrics) == {"train_loss", "test_loss", "train_accuracy", "test_accuracy"}


def test_a_slice_trains_and_snapshots_are_throttled(qapp):
    worker = TrainingWorker(slice_seconds=0.002, max_snapshots_per_second=1e-6)
    rec = Recorder(worker)
    worker.reset(setup_of(spiral_session()))
    worker.start()
    for _ in range(5):
        worker._train_slice()
    assert worker._training.run.trainer.epoch >= 5
    assert rec.names() == ["snapshot_ready", "handed_back"]  # only the reset's


def test_slices_measure_the_test_loss_between_snapshots(qapp):
    worker = TrainingWorker(slice_seconds=0.002, max_snapshots_per_second=1e-6)
    rec = Recorder(worker)
    session = spiral_session()
    worker.reset(setup_of(session))
    worker.start()
    for _ in range(20):
        worker._train_slice()
    assert rec.names() == ["snapshot_ready", "handed_back"]  # no snapshot measured these
    history = worker._training.run.trainer.history
    measured = [e for e, v in zip(history.epoch, history.test_loss) if math.isfinite(v)]
    assert len(measured) >= 5
    # the numbers are the test loss of the weights after that epoch, as the core gives it
    bench = session.build()
    data = bench.data
    X_test, Y_test = data.inputs(data.test), training_targets(data.test, 1)
    bench.trainer.fit(*bench.train_arrays(), measured[-1])
    assert history.test_loss[measured[-1] - 1] == bench.net.loss(X_test, Y_test)


def test_divergence_pauses_with_the_fix_and_finite_weights(worker):
    rec = Recorder(worker)
    session = EXAMPLES["sin"]()
    session = replace(session, training=replace(session.training, learning_rate=10.0))
    worker.reset(setup_of(session))
    worker.start()
    for _ in range(1000):
        if "diverged" in rec.names():
            break
        worker._train_slice()
    _, message = rec.last("diverged")
    assert "Lower the learning rate" in message
    assert not worker._timer.isActive()
    _, state = rec.last("handed_back")
    assert np.all(np.isfinite(state.parameters)) and state.epoch > 0
    assert rec.names()[-3:] == ["snapshot_ready", "handed_back", "diverged"]


def test_epoch_limit_stops_exactly_there(worker):
    rec = Recorder(worker)
    worker.reset(setup_of(spiral_session(epoch_limit=7)))
    worker.start()
    while "limit_reached" not in rec.names():
        worker._train_slice()
    run_id, stopped = rec.last("limit_reached")
    assert (run_id, stopped.epoch, stopped.reason.name) == (1, 7, "EPOCH_LIMIT")
    assert rec.last("handed_back")[1].epoch == 7
    worker.start()  # at the limit: says so again instead of training
    assert rec.names()[-1] == "limit_reached" and worker._training.run.trainer.epoch == 7
    worker.step()  # and so does a single step
    assert rec.names()[-1] == "limit_reached" and worker._training.run.trainer.epoch == 7


def test_reconfigure_keeps_weights_and_history(worker):
    rec = Recorder(worker)
    worker.reset(setup_of(spiral_session()))
    worker.step()
    before = rec.last("handed_back")[1]
    worker.reconfigure(TrainingConfig("adam", learning_rate=0.01, batch_size=8))
    after = rec.last("handed_back")[1]
    np.testing.assert_array_equal(after.parameters, before.parameters)
    assert (after.epoch, after.optimizer["name"]) == (1, "adam")
    worker.step()
    assert rec.last("handed_back")[1].epoch == 2


def test_a_setup_that_cannot_be_built_is_reported(worker):
    rec = Recorder(worker)
    good = spiral_session()
    worker.reset(setup_of(good))
    worker.step()
    state = rec.last("handed_back")[1]
    wider = replace(good, network=replace(good.network, hidden=(LayerSpec(9, "tanh"),)))
    worker.reset(setup_of(replace(wider, state=state), run_id=2))
    run_id, message = rec.last("failed")
    assert run_id == 2 and "parameters" in message
    worker.step()  # nothing to train: no crash, nothing emitted
    assert rec.names()[-1] == "failed"


def test_class_labels_become_what_the_output_layer_takes():
    data = DataSpec("gaussians", {"n": 9, "classes": 3}).load()
    np.testing.assert_array_equal(training_targets(data.train, 3), np.eye(3)[data.train.y])
    binary = DataSpec("xor", {"n": 8}).load()
    assert training_targets(binary.train, 1).shape == (8, 1)


# -- across the thread -------------------------------------------------------------------------


@pytest.fixture
def controller(qapp):
    c = TrainingController()
    yield c
    c.shutdown()


def test_train_pause_hands_back_what_was_last_shown(qtbot, controller):
    session = spiral_session()
    shown = training_until(qtbot, controller, session, _data_and_grid(session), epoch=20)
    with qtbot.waitSignal(controller.state_handed_back, timeout=5000) as blocker:
        controller.pause()
    assert controller.sync()
    assert blocker.args[0].epoch == shown[-1].epoch
    assert not controller.running


def test_snapshots_of_an_old_run_are_dropped(qtbot, controller):
    session = spiral_session()
    data, grid = _data_and_grid(session)
    shown = training_until(qtbot, controller, session, (data, grid), epoch=1)
    controller.reset(session, data, grid)
    first_new = len(shown)
    assert controller.sync()
    qtbot.waitUntil(lambda: len(shown) > first_new, timeout=5000)
    assert {s.run_id for s in shown[first_new:]} == {2}
    assert shown[first_new].epoch == 0


def test_signal_order_when_the_epoch_limit_is_reached(qtbot, controller):
    session = spiral_session(epoch_limit=40)
    controller.reset(session, *_data_and_grid(session))
    with qtbot.waitSignals(
        [controller.running_changed, controller.running_changed, controller.limit_reached],
        check_params_cbs=[lambda on: on, lambda on: not on, lambda stop: stop.epoch == 40],
        order="strict", timeout=10000,
    ):
        controller.start()


@pytest.mark.serial
def test_shutdown_while_training_joins_the_thread_quickly(qtbot, controller):
    session = spiral_session()
    training_until(qtbot, controller, session, _data_and_grid(session), epoch=1)
    started = time.perf_counter()
    controller.shutdown()
    assert time.perf_counter() - started < 0.5
    assert not controller.worker_thread.isRunning()
    assert QThread.currentThread() is not controller.worker_thread


def test_merged_snapshots_keep_every_history_row(qtbot, controller):
    session = spiral_session()
    shown = training_until(qtbot, controller, session, _data_and_grid(session), epoch=50)
    controller.pause()
    assert controller.sync()
    qtbot.waitUntil(lambda: not controller.frames._render_timer.isActive())
    epochs = np.concatenate([s.new_epochs for s in shown])
    np.testing.assert_array_equal(epochs, np.arange(1, shown[-1].epoch + 1))
    assert all(math.isfinite(x) for s in shown for x in s.new_train_losses)


@pytest.mark.parametrize("drawing_ms", [4, 40])
def test_the_next_frame_waits_until_drawing_is_a_small_share_of_the_time(
    qtbot, controller, drawing_ms
):
    def draw(snapshot):  # a view whose drawing takes drawing_ms of this thread's CPU
        start = time.thread_time()
        while time.thread_time() - start < drawing_ms / 1000:
            pass

    session = spiral_session()
    controller.snapshot_ready.connect(draw)
    controller.reset(session, *_data_and_grid(session))
    with qtbot.waitSignal(controller.snapshot_ready, timeout=5000):
        controller.step()
    renderer = controller.frames
    pause_ms = renderer._want_timer.interval()
    since_ms = 1000 * (time.perf_counter() - renderer._frame_time)
    assert renderer._want_timer.isActive()
    # frames begin at least drawing / render_budget apart (the request goes out early by at
    # most half that, the time a snapshot took to come), never longer than MAX_FRAME_INTERVAL
    expected = min(drawing_ms / controller.render_budget, 1000 * MAX_FRAME_INTERVAL)
    assert expected / 2 - 1 <= pause_ms + since_ms and pause_ms <= 1000 * MAX_FRAME_INTERVAL
    assert expected - 1 <= pause_ms + since_ms + 1000 * renderer._latency


def _data_and_grid(session):
    data = session.prepare_data()
    return data, PlotGrid.around(data.full.X, resolution=20)


def training_until(qtbot, controller, session, data_and_grid, epoch: int) -> list:
    """Start ``session`` on ``controller`` and wait for a snapshot of ``epoch`` or later;
    the snapshots shown, recorded as they come."""
    shown = []
    controller.snapshot_ready.connect(shown.append)
    controller.reset(session, *data_and_grid)
    controller.start()
    qtbot.waitUntil(lambda: bool(shown) and shown[-1].epoch >= epoch, timeout=10000)
    return shown


# -- large problems: slices, chunks, errors ------------------------------------------------


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of a few rows: the small spiral is worked on as a large problem would be."""
    from bpstudio.core import network

    monkeypatch.setattr(network, "CHUNK_FLOPS", 3000.0)


def test_a_long_step_runs_in_slices_and_can_be_paused(qapp, small_chunks):
    worker = TrainingWorker(slice_seconds=0.0)  # a mini-batch per slice
    rec = Recorder(worker)
    session = spiral_session(batch_size=5)
    worker.reset(setup_of(session))
    n_events = len(rec.events)
    worker.step()
    assert len(rec.events) == n_events and worker._timer.isActive()  # not done at once
    worker._train_slice()
    worker.pause()
    paused = rec.last("handed_back")[1]
    assert paused.epoch == 0 and 0 < paused.progress.samples < 45
    finished = []
    worker.step_finished.connect(finished.append)
    worker.step()  # the rest of the epoch
    while not finished:
        worker._train_slice()
    state = rec.last("handed_back")[1]
    assert (state.epoch, state.progress, finished) == (1, None, [1])
    bench, X, Y = headless(session)
    bench.trainer.run_epoch(X, Y)
    np.testing.assert_array_equal(state.parameters, bench.net.parameters)
    worker.stop()


def test_a_costly_snapshot_comes_after_the_hand_back(worker, small_chunks, monkeypatch):
    from bpstudio.training import slices

    monkeypatch.setattr(slices, "PUBLISH_SECONDS", 0.0)
    rec = Recorder(worker)
    worker.reset(setup_of(spiral_session()))
    assert rec.names() == ["handed_back"]  # the state at once, the picture later
    while "snapshot_ready" not in rec.names():
        worker._train_slice()
    assert rec.names() == ["handed_back", "snapshot_ready", "handed_back"]
    snapshot = rec.last("snapshot_ready")[0]
    assert snapshot.epoch == 0 and snapshot.grid_outputs.shape == (20 * 20, 1)
    assert math.isfinite(snapshot.metrics["test_loss"])


def test_an_error_while_training_reaches_the_person(worker, monkeypatch):
    rec = Recorder(worker)
    worker.reset(setup_of(spiral_session()))
    worker.start()

    def out_of_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(worker._training.run.trainer, "advance", out_of_memory)
    worker._train_slice()
    run_id, message = rec.last("failed")
    assert run_id == 1 and "ran out of memory" in message
    assert not worker._timer.isActive() and worker._training.mode == "idle"


def test_without_an_epoch_limit_training_stops_at_the_most_a_session_may_reach(worker):
    from bpstudio.limits import MAX_EPOCHS

    worker.reset(setup_of(spiral_session()))
    assert worker._training.run.last_epoch == MAX_EPOCHS
    worker.set_epoch_limit(5)
    worker.set_epoch_limit(None)
    assert worker._training.run.last_epoch == MAX_EPOCHS
