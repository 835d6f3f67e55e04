"""SlicedTraining without Qt: what each command and slice tells, in order (the worker emits
these events as its signals; tests/gui/training/test_worker*.py check them through the thread)."""

from dataclasses import replace

import numpy as np

from bpstudio.session import LayerSpec
from bpstudio.training import SlicedTraining

from .sessions import spiral_session


def names(training: SlicedTraining) -> list[str]:
    return [name for name, _ in training.take_events()]


def reset(training: SlicedTraining, session, run_id: int = 1) -> None:
    training.reset(session, session.prepare_data(), None, run_id)


def test_a_reset_shows_and_hands_back_the_start_then_waits():
    training = SlicedTraining()
    reset(training, spiral_session())
    events = training.take_events()
    assert [name for name, _ in events] == ["snapshot_ready", "handed_back"]
    assert events[1][1][0] == 1 and events[1][1][1].epoch == 0
    assert not training.needs_slices


def test_training_runs_in_slices_until_the_limit_and_says_so_last():
    training = SlicedTraining(slice_seconds=0.002, max_snapshots_per_second=1e-6)
    reset(training, spiral_session(epoch_limit=30))
    training.take_events()
    training.start()
    assert training.needs_slices
    while training.needs_slices:
        training.work_slice()
    assert names(training) == ["snapshot_ready", "handed_back", "limit_reached"]
    assert training.run.epoch == 30
    training.start()  # at the limit: says so instead of training
    assert names(training) == ["limit_reached"] and not training.needs_slices


def test_a_step_of_a_small_network_is_done_at_once():
    training = SlicedTraining()
    reset(training, spiral_session())
    training.take_events()
    training.step()
    assert names(training) == ["snapshot_ready", "handed_back", "step_finished"]
    assert training.run.epoch == 1 and not training.needs_slices


def test_a_run_that_cannot_be_built_is_reported_and_nothing_trains():
    training = SlicedTraining()
    good = spiral_session()
    reset(training, good)
    training.step()
    state = training.run.state()
    wider = replace(good, network=replace(good.network, hidden=(LayerSpec(9, "tanh"),)))
    try:
        reset(training, replace(wider, state=state), run_id=2)
    except ValueError as exc:
        training.fail(exc)
    name, (run_id, message) = training.take_events()[-1]
    assert (name, run_id) == ("failed", 2) and "parameters" in message
    training.step()
    training.work_slice()
    assert names(training) == [] and training.run is None


def test_sync_hands_back_then_confirms_and_stop_finishes():
    training = SlicedTraining()
    reset(training, spiral_session())
    training.take_events()
    training.set_parameters(np.zeros_like(training.run.net.parameters))
    assert names(training) == ["snapshot_ready", "handed_back"]
    training.sync(7)
    events = training.take_events()
    assert [n for n, _ in events] == ["snapshot_ready", "handed_back", "synced"]
    assert events[-1][1] == (7,) and not events[1][1][1].parameters.any()
    training.stop()
    assert names(training) == ["finished"] and training.run is None
