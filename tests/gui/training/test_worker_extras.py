"""The worker's explaining extras: made only when wanted, hand-set parameters, gradient check.

Slots are called on the test thread (as in test_worker.py), and the gradient check once across
the thread, to see that it runs in the worker and not in the GUI thread.
"""

import threading

import numpy as np
import pytest

from bpstudio.examples import EXAMPLES
from bpstudio.gui.explain import gradient_flow, neuron_view
from bpstudio.gui.training import TrainingController, TrainingWorker
from bpstudio.gui.views import judging_view
from bpstudio.training import TrainingRun
from bpstudio.training import run as run_module
from bpstudio.training.extras import EXTRAS, HIDDEN_OUTPUTS, MEAN_ABS_GRAD
from tests.gui.training.test_worker import Recorder, setup_of, spiral_session


@pytest.fixture
def worker(qapp):
    w = TrainingWorker()
    yield w
    w.stop()


def test_the_views_read_the_keys_the_worker_writes():
    from bpstudio.gui.window import doctor_note

    assert {gradient_flow.EXTRAS_KEY, neuron_view.EXTRAS_KEY, judging_view.EXTRAS_KEY,
            doctor_note.DOCTOR_FINDINGS} == EXTRAS


def test_snapshots_carry_no_extras_until_asked(worker):
    rec = Recorder(worker)
    worker.reset(setup_of(spiral_session()))
    worker.step()
    assert all(args[0].extras == {} for name, args in rec.events if name == "snapshot_ready")


def test_wanted_extras_come_at_once_when_paused_and_are_the_runs(worker):
    session = spiral_session()
    rec = Recorder(worker)
    worker.reset(setup_of(session))
    worker.step()
    n_before = len(rec.events)
    worker.set_extras({MEAN_ABS_GRAD, HIDDEN_OUTPUTS})
    assert rec.names()[n_before:] == ["snapshot_ready"]  # a picture, no hand-back
    extras = rec.last("snapshot_ready")[0].extras

    run = TrainingRun(session)  # tests/training checks the run's extras against the core
    run.train_for(epochs=1)
    run.extras.wanted = frozenset({MEAN_ABS_GRAD, HIDDEN_OUTPUTS})
    expected = run.snapshot().extras
    assert extras[MEAN_ABS_GRAD] == expected[MEAN_ABS_GRAD]
    np.testing.assert_array_equal(extras[HIDDEN_OUTPUTS][0], expected[HIDDEN_OUTPUTS][0])

    worker.set_extras({MEAN_ABS_GRAD})  # one fewer: nothing new to show, no snapshot
    assert len(rec.events) == n_before + 1
    worker.step()
    assert set(rec.last("snapshot_ready")[0].extras) == {MEAN_ABS_GRAD}
    worker.reset(setup_of(session, run_id=2))  # a new run keeps what the GUI wants
    assert set(rec.last("snapshot_ready")[0].extras) == {MEAN_ABS_GRAD}


def test_unknown_extras_are_refused(worker):
    rec = Recorder(worker)
    worker.set_extras({"mean_abs_grads"})
    assert "keys: unknown extras" in rec.last("failed")[1]


def test_set_parameters_changes_only_the_weights(worker):
    rec = Recorder(worker)
    worker.reset(setup_of(spiral_session()))
    worker.step()
    before = rec.last("handed_back")[1]
    vector = before.parameters + 0.25
    worker.set_parameters(vector)
    after = rec.last("handed_back")[1]
    np.testing.assert_array_equal(after.parameters, vector)
    assert after.epoch == before.epoch == 1
    assert after.history.train_loss == before.history.train_loss
    assert after.optimizer_state == before.optimizer_state
    snapshot = rec.last("snapshot_ready")[0]
    np.testing.assert_array_equal(snapshot.weights[0].ravel(), vector[: snapshot.weights[0].size])


def test_gradient_check_runs_in_the_worker_thread(qtbot, gradient_check_threads):
    controller = TrainingController()
    session = EXAMPLES["sin"]()
    data = session.prepare_data()
    controller.reset(session, data, None)
    with qtbot.waitSignal(controller.gradients_checked, timeout=10000) as blocker:
        controller.check_gradients()
    controller.shutdown()
    report = blocker.args[0]
    threads = gradient_check_threads
    assert threads and threads[0] is not threading.main_thread()
    assert set(report.errors) == {"W1", "W2", "b1", "b2"}
    assert report.max_error < 1e-7


def test_gradient_check_of_a_broken_setup_says_why(qtbot):
    controller = TrainingController()
    bad = spiral_session().with_state(EXAMPLES["two_input"]().state)  # 3 parameters: no fit
    controller.reset(bad, bad.prepare_data(), None)
    with qtbot.waitSignal(controller.gradient_check_failed, timeout=10000) as blocker:
        controller.check_gradients()
    controller.shutdown()
    assert "no network" in blocker.args[0]


def test_a_long_gradient_check_runs_in_slices_on_a_copy(qapp, monkeypatch):
    from bpstudio.core import network
    from bpstudio.core.diagnostics import check_gradients

    monkeypatch.setattr(network, "CHUNK_FLOPS", 3000.0)  # a chunk of work: one parameter
    worker = TrainingWorker(slice_seconds=0.0)  # a chunk per slice
    session = spiral_session()
    worker.reset(setup_of(session))
    checked = []
    worker.gradients_checked.connect(lambda run_id, report: checked.append(report))
    run = worker._training.run
    before = run.net.parameters.copy()
    worker.check_gradients()
    assert not checked and worker._training.needs_slices
    slices = 0
    while not checked:
        worker._train_slice()
        slices += 1
        np.testing.assert_array_equal(run.net.parameters, before)
    assert slices > 1
    rows = slice(0, run_module.GRADIENT_CHECK_ROWS)
    expected = check_gradients(session.build().net, run.X[rows], run.Y[rows])
    assert checked[0].errors == expected.errors and checked[0].all_agree
    worker.stop()


def test_a_gradient_check_too_long_for_the_network_is_refused(worker, monkeypatch):
    from bpstudio.core import network

    monkeypatch.setattr(network, "CHUNK_FLOPS", 3000.0)
    monkeypatch.setattr(run_module, "MAX_GRADIENT_CHECK_CHUNKS", 10)
    worker.reset(setup_of(spiral_session()))
    failed = []
    worker.gradient_check_failed.connect(lambda run_id, message: failed.append(message))
    worker.check_gradients()
    assert "too long for this network" in failed[0] and not worker._training.needs_slices
