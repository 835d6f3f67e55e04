"""Pinned runs: the board's rules, the differences in words, and "same start", which
restarts a variant from exactly the reference's weights and order of samples."""

import math
from dataclasses import replace

import numpy as np
import pytest

from bpstudio.experiments.pins import PinBoard, differences, same_start, shown_number
from bpstudio.limits import MAX_PINNED_RUNS
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig
from bpstudio.training import TrainingRun


def _session(**training) -> Session:
    return Session(
        network=NetworkSpec((LayerSpec(5, "tanh"),), "sigmoid", "binary_cross_entropy", seed=3),
        data=DataSpec("spiral", {"n": 60}, test_fraction=0.25, standardize=True),
        training=TrainingConfig(**{"optimizer": "sgd", "learning_rate": 0.1,
                                   "batch_size": 8, "seed": 7, **training}),
    )


def _trained(session: Session, epochs: int = 5) -> Session:
    run = TrainingRun(session, last_epoch=session.epoch + epochs)
    run.train_for(measure_every=1)
    return run.to_session()


def test_board_names_renames_removes_and_holds_at_most_the_limit():
    board = PinBoard()
    for _ in range(MAX_PINNED_RUNS):
        board.pin(_session())
    assert board.names == [f"run {n}" for n in range(1, MAX_PINNED_RUNS + 1)]
    with pytest.raises(ValueError, match="pinned runs: at most 8"):
        board.pin(_session())
    board.remove("run 2")
    assert board.pin(_session()).name == "run 2"  # the first free number
    with pytest.raises(ValueError, match="already called 'run 3'"):
        board.rename("run 1", "run 3")
    board.remove("run 3")
    board.pin(_session(), name="b", same_start_as="run 1")
    board.rename("run 1", "baseline")
    assert board["b"].same_start_as == "baseline"
    with pytest.raises(ValueError, match="needs a name"):
        board.rename("baseline", " ")


def test_differences_list_only_the_changed_settings_in_words():
    a = _session()
    b = replace(_session(learning_rate=0.5, batch_size=None),
                network=replace(a.network, hidden=(LayerSpec(16, "relu"),)))
    assert differences(a, a) == []
    assert differences(a, b) == [
        "hidden layers: 5 tanh → 16 relu", "learning rate: 0.1 → 0.5",
        "batch size: 8 → none"]
    c = replace(a, data=replace(a.data, params={"n": 80}, split_seed=2))
    assert differences(a, c) == ["data n: 60 → 80", "split seed: 0 → 2"]


def test_same_start_with_nothing_changed_retraces_the_reference_exactly():
    reference = _trained(_session())
    board = PinBoard()
    pin = board.pin(reference)
    live = _trained(replace(_session(), network=replace(_session().network, seed=99),
                            training=replace(_session().training, seed=42)))
    variant = same_start(live, pin)
    assert variant.epoch == 0
    again = _trained(variant)
    assert np.array_equal(again.state.parameters, reference.state.parameters)
    assert again.history.train_loss == reference.history.train_loss


def test_same_start_changes_only_what_the_person_changed():
    reference = _trained(_session())
    pin = PinBoard().pin(reference)
    start = TrainingRun(_session()).state().parameters
    live = _session(learning_rate=0.5)
    variant = same_start(live, pin)
    assert np.array_equal(variant.start, start)  # the reference's very weights
    assert variant.training.learning_rate == 0.5 and variant.training.seed == 7
    assert _trained(variant).history.train_loss != reference.history.train_loss
    wider = replace(live, network=replace(live.network, hidden=(LayerSpec(9, "tanh"),), seed=0))
    other = same_start(wider, pin)  # other shapes: the reference's seed draws the weights
    assert other.start is None and other.network.seed == 3 and other.state is None


def test_a_pin_reports_final_and_best_numbers_of_its_history():
    pin = PinBoard().pin(_trained(_session(), epochs=6), seconds=1.5)
    numbers = pin.numbers("classification")
    history = pin.session.history
    assert pin.epochs == 6
    assert numbers["final_train_loss"] == history.train_loss[-1]
    assert numbers["best_train_loss"] == min(history.train_loss)
    assert numbers["best_test_accuracy"] == max(history.test_metric)
    assert shown_number(math.nan) == "–" and shown_number(0.123456) == "0.1235"
