"""Stopping rules: their checks, early stopping's bookkeeping, which rule holds, the words."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpstudio.core.stopping import (
    EarlyStopState,
    Stopped,
    StopReason,
    StopRules,
    rule_that_holds,
)


def test_rules_are_checked_by_name_with_the_fix():
    for kwargs, message in (
        ({"target_loss": -1}, r"^stopping\.target_loss: must be a finite number >= 0"),
        ({"patience": 0}, r"^stopping\.patience: must be a whole number from 1 "),
        ({"patience": 2.0}, r"^stopping\.patience: "),
        ({"min_delta": math.nan}, r"^stopping\.min_delta: must be a finite number >= 0"),
        ({"seconds": 0}, r"^stopping\.seconds: must be a finite number > 0"),
        ({"restore_best": 1}, r"^stopping\.restore_best: must be True or False"),
        ({"restore_best": True}, r"^stopping\.restore_best: only early stopping keeps the "
                                 r"best weights; give a patience too"),
    ):
        with pytest.raises(ValueError, match=message):
            StopRules(**kwargs)


def track(rules, losses):
    """Early stopping's state after each of these test losses, with weights [epoch]."""
    state, seen = EarlyStopState(), []
    for epoch, loss in enumerate(losses, start=1):
        state = state.after_epoch(rules, epoch, loss, np.array([float(epoch)]))
        seen.append(state)
    return seen


def test_early_stopping_counts_epochs_since_the_best_as_keras_does():
    rules = StopRules(patience=2, min_delta=0.1)
    seen = track(rules, [1.0, 0.95, 0.85, 0.8, 0.9])
    assert [(s.best_loss, s.best_epoch, s.wait) for s in seen] == [
        (1.0, 1, 0), (1.0, 1, 1), (0.85, 3, 0), (0.85, 3, 1), (0.85, 3, 2)]
    assert [s.exhausted(rules) for s in seen] == [False, False, False, False, True]
    assert all(s.best_parameters is None for s in seen)  # not kept without restore_best


def test_restore_best_keeps_a_read_only_copy_of_the_best_epochs_weights():
    weights = np.array([1.0, 2.0])
    state = EarlyStopState().after_epoch(StopRules(patience=1, restore_best=True), 4, 0.5,
                                         weights)
    weights[0] = 9.0  # training goes on in place
    assert state.best_parameters.tolist() == [1.0, 2.0]
    assert not state.best_parameters.flags.writeable


def test_a_nan_test_loss_is_never_an_improvement():
    (state,) = track(StopRules(patience=3), [math.nan])
    assert (state.best_epoch, state.wait) == (0, 1)


def test_the_first_rule_that_holds_is_named():
    early = EarlyStopState(0.5, 3, 5)
    rules = StopRules(target_loss=0.1, patience=5, seconds=10.0)
    assert rule_that_holds(rules, train_loss=0.1, early=early, seconds=11) is \
        StopReason.TARGET_LOSS
    assert rule_that_holds(rules, train_loss=0.2, early=early, seconds=11) is \
        StopReason.EARLY_STOPPING
    assert rule_that_holds(rules, train_loss=0.2, early=None, seconds=10.0) is \
        StopReason.TIME_LIMIT
    assert rule_that_holds(rules, train_loss=0.2, early=None, seconds=9.9) is None
    assert rule_that_holds(StopRules(), train_loss=0.0, early=early, seconds=1e9) is None


def test_the_words_say_why_and_where_the_best_epoch_was():
    assert Stopped(StopReason.EPOCH_LIMIT, 1000).words() == \
        "Stopped at epoch 1,000: reached the epoch limit"
    assert Stopped(StopReason.EARLY_STOPPING, 230, 180, 0.0123, restored=True).words() == (
        "Stopped at epoch 230: early stopping: the test loss stopped improving; best test "
        "loss 0.0123 at epoch 180 (its weights restored)")


def test_describe_lists_the_rules():
    assert StopRules().describe() == "none"
    assert StopRules(1e-3, 50, 0.0, True, 60.0).describe() == \
        "target loss 0.001, patience 50 (min_delta 0, restore best), 60 s"


@given(st.lists(st.floats(0, 10), min_size=1, max_size=50), st.integers(1, 20))
def test_with_no_min_delta_the_best_is_the_first_lowest_loss_and_wait_counts_since(losses,
                                                                                    patience):
    rules = StopRules(patience=patience)
    state = track(rules, losses)[-1]
    best = min(losses)
    assert state.best_loss == best and state.best_epoch == losses.index(best) + 1
    assert state.wait == len(losses) - state.best_epoch
    assert state.exhausted(rules) == (state.wait >= patience)
