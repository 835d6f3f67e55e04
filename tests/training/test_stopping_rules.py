"""A TrainingRun applies the session's schedule and stopping rules: each rule stops training
and says why, rules combine, early stopping restores the best epoch's weights exactly, and
training across a save and a load stops where, and as, training straight through does."""

import math
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.core.schedules import Schedule
from bpstudio.core.stacked import StackedTrainer, stack_key
from bpstudio.core.stopping import StopReason, StopRules
from bpstudio.io import dumps, loads
from bpstudio.session import DataSpec, TrainingConfig
from bpstudio.training import TrainingRun
from tests.io.conftest import assert_states_identical

from .sessions import spiral_session

NO_RULES, CONSTANT = StopRules(), Schedule()


def ruled(stopping=NO_RULES, schedule=CONSTANT, limit=400, learning_rate=0.1, **training):
    session = spiral_session(stopping=stopping, schedule=schedule, epoch_limit=limit,
                             **training)
    return replace(session, training=replace(session.training, learning_rate=learning_rate))


def test_the_epoch_limit_is_a_reason_too():
    run = TrainingRun(ruled(limit=3))
    run.train_for()
    assert (run.epoch, run.stopped.reason) == (3, StopReason.EPOCH_LIMIT)
    assert run.at_limit and run.stopped.best_epoch is None


def test_a_target_loss_stops_at_the_first_epoch_that_reaches_it():
    free = TrainingRun(ruled(limit=30))
    free.train_for()
    losses = free.history.train_loss
    target = sorted(losses)[len(losses) // 2]  # reached somewhere in the middle
    run = TrainingRun(ruled(StopRules(target_loss=target)))
    run.train_for()
    first = next(i for i, loss in enumerate(losses) if loss <= target) + 1
    assert (run.epoch, run.stopped.reason) == (first, StopReason.TARGET_LOSS)
    run.train_for()  # nothing is trained while a rule holds
    assert run.epoch == first


def test_early_stopping_stops_patience_epochs_after_the_best_and_restores_it_exactly():
    rules = StopRules(patience=3, restore_best=True)
    run = TrainingRun(ruled(rules, learning_rate=2.0))
    run.train_for()
    stopped = run.stopped
    assert stopped.reason is StopReason.EARLY_STOPPING and stopped.restored
    test_losses = run.history.test_loss
    assert not any(math.isnan(loss) for loss in test_losses)  # measured every epoch
    assert stopped.best_epoch == int(np.argmin(test_losses)) + 1
    assert stopped.epoch == stopped.best_epoch + 3 and stopped.best_loss == min(test_losses)
    plain = TrainingRun(ruled(learning_rate=2.0, limit=stopped.best_epoch))
    plain.train_for()  # no rules: the same training, stopped at the best epoch by hand
    assert run.net.parameters.tobytes() == plain.net.parameters.tobytes()
    assert "best test loss" in stopped.words() and "restored" in stopped.words()


def test_without_restore_best_the_last_weights_stay():
    run = TrainingRun(ruled(StopRules(patience=3), learning_rate=2.0))
    run.train_for()
    plain = TrainingRun(ruled(learning_rate=2.0, limit=run.epoch))
    plain.train_for()
    assert run.net.parameters.tobytes() == plain.net.parameters.tobytes()
    assert run.trainer.early_stop.best_parameters is None


def test_min_delta_asks_for_a_real_improvement():
    run = TrainingRun(ruled(StopRules(patience=2, min_delta=1e3)))
    run.train_for()
    assert (run.stopped.best_epoch, run.epoch) == (1, 3)


@pytest.mark.serial
def test_a_time_limit_stops_training_and_counts_across_calls():
    run = TrainingRun(ruled(StopRules(seconds=0.05), limit=10**8))
    run.train_for(seconds=0.02)
    assert run.stopped is None and 0.02 <= run.trainer.seconds < 0.05
    run.train_for()
    assert run.stopped.reason is StopReason.TIME_LIMIT and run.trainer.seconds >= 0.05


def test_rules_combine_and_the_first_that_holds_stops():
    rules = StopRules(target_loss=1e-12, patience=2, min_delta=1e3, seconds=60.0)
    run = TrainingRun(ruled(rules, limit=2))
    run.train_for()
    assert run.stopped.reason is StopReason.EPOCH_LIMIT  # before early stopping's epoch 3
    run.reconfigure(replace(run.session.training, epoch_limit=100))
    assert run.stopped is None
    run.train_for()
    assert (run.epoch, run.stopped.reason) == (3, StopReason.EARLY_STOPPING)


def test_early_stopping_without_a_test_part_is_refused_naming_the_field_and_the_fix():
    session = replace(ruled(StopRules(patience=5)), data=DataSpec("spiral", {"n": 60}))
    with pytest.raises(ValueError, match=r"^stopping\.patience: early stopping watches the "
                                         r"test loss, but the data has no test part; hold "
                                         r"some samples out \(test_fraction"):
        TrainingRun(session)


def test_snapshots_carry_the_reason_and_the_learning_rates():
    run = TrainingRun(ruled(schedule=Schedule("exponential", {"gamma": 0.5}), limit=3))
    assert run.snapshot().stopped is None
    run.train_for()
    snapshot = run.snapshot(since=0)
    assert snapshot.stopped.reason is StopReason.EPOCH_LIMIT
    assert snapshot.new_learning_rates.tolist() == [0.1, 0.05, 0.025]


def test_a_changed_schedule_or_rule_starts_its_tracking_afresh():
    run = TrainingRun(ruled(StopRules(patience=50), Schedule("plateau", {"patience": 1})))
    run.train_for(epochs=5)
    assert run.trainer.plateau.best < math.inf and run.trainer.early_stop.best_epoch
    run.reconfigure(replace(run.session.training, schedule=Schedule("plateau"),
                            stopping=StopRules(patience=40)))
    assert run.trainer.plateau.best == math.inf and run.trainer.early_stop is None
    assert run.epoch == 5


# -- exact resume -------------------------------------------------------------------------------


RESUMED = ruled(StopRules(patience=4, restore_best=True),
                Schedule("plateau", {"patience": 2, "factor": 0.5}), learning_rate=2.0,
                batch_size=8)


def straight():
    run = TrainingRun(RESUMED)
    run.train_for()
    return run


@pytest.mark.parametrize("cut", ["between epochs", "inside an epoch"])
def test_training_across_a_save_and_a_load_equals_training_straight_through(cut):
    whole = straight()
    assert whole.stopped.reason is StopReason.EARLY_STOPPING
    first = TrainingRun(RESUMED)
    first.train_for(epochs=whole.stopped.best_epoch + 1)
    if cut == "inside an epoch":
        first.trainer.advance(first.X, first.Y, max_batches=3)
        assert first.trainer.progress is not None
    resumed = TrainingRun(loads(dumps(first.to_session())))
    resumed.train_for()
    assert resumed.stopped == whole.stopped
    assert_states_identical(resumed.state(), whole.state())


def test_a_file_saved_after_an_early_stop_opens_stopped():
    run = straight()
    reopened = TrainingRun(loads(dumps(run.to_session())))
    assert reopened.stopped == run.stopped


# -- the stacked trainer cannot follow a schedule ----------------------------------------------


def test_the_stacked_trainer_refuses_a_scheduled_trainer():
    session = spiral_session(schedule=Schedule("step"))
    trainers = [session.build().trainer, spiral_session().build().trainer]
    with pytest.raises(ValueError, match=r"^trainers\[0\]: its learning rate follows the "
                                         r"'step' schedule, which stacked training cannot"):
        StackedTrainer(trainers)


def test_training_config_holds_the_rules():
    config = TrainingConfig(schedule=Schedule("cosine"), stopping=StopRules(seconds=5.0))
    assert config.schedule.params == {"period": 1000, "min_factor": 0.01}


def test_measuring_every_n_epochs_also_measures_the_epoch_a_rule_stopped_at():
    run = TrainingRun(ruled(StopRules(target_loss=10.0)))
    calls = []
    run.train_for(measure_every=50, callback=lambda epoch, loss: calls.append(epoch))
    assert run.epoch == 1 and calls == [1]
    assert not math.isnan(run.history.train_metric[-1])


@settings(max_examples=10, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 5)), min_size=1, max_size=3))
def test_any_number_of_saves_anywhere_stops_where_training_straight_through_does(cuts):
    whole = straight()
    run = TrainingRun(RESUMED)
    for epochs, batches in cuts:
        if epochs:
            run.train_for(epochs=epochs)
        if batches and run.stopped is None and run.trainer.progress is None:
            # fewer batches than an epoch has (45 rows in 8s: 6), so no epoch ends unwatched
            run.trainer.advance(run.X, run.Y, max_batches=batches)
        run = TrainingRun(loads(dumps(run.to_session())))
    run.train_for()
    assert run.stopped == whole.stopped
    assert_states_identical(run.state(), whole.state())


def test_a_scheduled_trainer_has_no_stack_key():
    with pytest.raises(ValueError, match=r"^schedule: stacked training cannot follow the "
                                         r"'exponential' schedule exactly; train such networks"):
        stack_key(spiral_session(schedule=Schedule("exponential")).build().trainer)
