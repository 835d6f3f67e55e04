"""Stacked training and the Trainer's state: bounded histories, chunked batches, and the
states trainers are handed over in (every network still ends as its own Trainer would)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from bpstudio.core import History, Network, Trainer
from bpstudio.core import network as network_module
from bpstudio.core.stacked import EpochReport, StackedTrainer

from ..io.conftest import assert_states_identical
from .test_stacked import Setup, assert_same_trainer, check_stacked_equals_alone, train_alone


def _thinning_epochs(epochs: int) -> list[int]:
    """The epochs up to ``epochs`` whose row makes a history thin out (``History.MAX_ROWS``
    as it is set now)."""
    history, thinned = History(), []
    for epoch in range(1, epochs + 1):
        stride = history.stride
        history.append(epoch, 0.0)
        if history.stride != stride:
            thinned.append(epoch)
    return thinned


# -- histories that thin out while the stack trains ------------------------------------------


@pytest.mark.parametrize("max_rows", [2, 3, 7])
def test_histories_thin_out_as_they_would_alone(monkeypatch, max_rows):
    monkeypatch.setattr(History, "MAX_ROWS", max_rows)
    for setup in (Setup(optimizer="momentum"), Setup(batch_size=None, optimizer="adam")):
        check_stacked_equals_alone(setup, epochs=30, K=3)
    together = Setup().trainers(2)
    StackedTrainer(together).fit(*Setup().data(), 30)
    assert together[0].history.stride > 1 and len(together[0].history) <= max_rows


@pytest.mark.parametrize(("batch_size", "max_rows", "failed_in"), [
    (8, 11, 13),  # the replay's own epoch 12 thins the history out, then epoch 13 fails
    (8, 3, 13),  # the stack's epoch 13 (which the replay never finishes) thinned it out
    (None, 97, 99),  # the replay's epoch 98 thins it out; 99 fails at once: back to 97
    (None, 49, 99),  # the stack's epoch 99 thinned it out (a second time); back to 97
    (8, 100, 13),  # no thinning
])
def test_a_divergence_right_after_a_thinning_rolls_back_as_alone(
        monkeypatch, batch_size, max_rows, failed_in):
    monkeypatch.setattr(History, "MAX_ROWS", max_rows)
    setup = Setup(sizes=(1, 1), activations=("identity",), batch_size=batch_size,
                  optimizer="momentum", n=64)
    X = np.random.default_rng(0).normal(size=(64, 1)) * 30
    Y = X * 3.0
    alone, together = setup.trainers(3), setup.trainers(3)
    for group in (alone, together):
        for k, trainer in enumerate(group):
            trainer.optimizer.lr = 0.05 if k == 1 else 1e-4
    expected = train_alone(alone, X, Y, 150)
    assert f"diverged at epoch {failed_in}:" in str(expected[1])
    outcomes = StackedTrainer(together).fit(X, Y, 150)
    assert [str(o) for o in outcomes] == [str(e) for e in expected]
    for a, b in zip(alone, together):
        assert_same_trainer(a, b)
    thinned = set(_thinning_epochs(failed_in))
    assert bool(thinned & {failed_in - 1, failed_in}) == (max_rows != 100)


# -- batches larger than one chunk --------------------------------------------------------------


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of a few rows (the Trainer's and the stack's), as a large problem has them."""
    monkeypatch.setattr(network_module, "CHUNK_FLOPS", 2000.0)


@pytest.mark.parametrize("setup", [
    Setup(batch_size=None, optimizer="adam", l2=True),
    Setup(batch_size=None, sizes=(2, 5, 3), activations=("relu", "softmax"),
          loss="cross_entropy", reduction="sum", optimizer="nesterov"),
    Setup(batch_size=16, optimizer="momentum"),
    Setup(batch_size=9, shuffle=False, dtype=np.float32, sizes=(3, 4, 1),
          activations=("tanh", "sigmoid"), loss="binary_cross_entropy"),
])
def test_batches_of_many_chunks_add_up_as_the_trainers(small_chunks, setup):
    assert Network(setup.sizes, setup.activations, loss=setup.loss).chunk_rows() < 9
    check_stacked_equals_alone(setup, epochs=3, K=3)
    outcomes = check_stacked_equals_alone(replace(setup, wild=1e300), epochs=3, K=3)
    assert [o is None for o in outcomes] == [True, False, True]


def test_chunked_batches_of_each_networks_own_data(small_chunks):
    setup = Setup(batch_size=12, optimizer="adam")
    data = [setup.data(seed=k) for k in range(3)]
    X, Y = [d[0] for d in data], [d[1] for d in data]
    alone, together = setup.trainers(), setup.trainers()
    train_alone(alone, X, Y, 3, per_network=True)
    StackedTrainer(together).fit(X, Y, 3, per_network=True)
    for a, b in zip(alone, together):
        assert_same_trainer(a, b)


# -- the states trainers come in -----------------------------------------------------------------


def test_a_trainer_stopped_inside_an_epoch_is_refused_until_it_finishes_that_epoch():
    setup = Setup(optimizer="momentum")
    X, Y = setup.data()
    together = setup.trainers()
    together[0].fit(X, Y, 2)
    together[1].advance(X, Y, max_batches=2)  # 10 of 23 samples into its first epoch
    before = [t.state() for t in together]
    with pytest.raises(ValueError, match=r"^trainers\[1\]: stopped 10 samples into epoch 1, "
                                         r"but .* finish that epoch first, e\.g\. "
                                         r"trainers\[1\]\.advance\(X, Y, until_epoch=1\)$"):
        StackedTrainer(together).fit(X, Y, 3)
    for trainer, state in zip(together, before):  # nothing changed
        assert_states_identical(trainer.state(), state)
    together[1].advance(X, Y, until_epoch=1)
    alone = setup.trainers()
    alone[0].fit(X, Y, 2)
    alone[1].fit(X, Y, 1)
    _check_resumed_alone_and_stacked(alone, together, X, Y, 3)


def _check_resumed_alone_and_stacked(alone: list[Trainer], together: list[Trainer], X, Y,
                                     epochs: int) -> None:
    """``alone`` (each after a ``load_state`` of its own state) and ``together`` (stacked)
    train ``epochs`` epochs and end alike."""
    for trainer in alone:
        trainer.load_state(trainer.state())
    train_alone(alone, X, Y, epochs)
    StackedTrainer(together).fit(X, Y, epochs)
    for a, b in zip(alone, together):
        assert_same_trainer(a, b)


def test_a_batch_left_between_two_chunks_is_computed_again(small_chunks):
    # stopped between the chunks of an epoch's first batch: its order is drawn, nothing
    # changed yet (progress is None), and the state holds the generator before the draw
    setup = Setup(batch_size=16, optimizer="adam")
    X, Y = setup.data()
    alone, together = setup.trainers(2), setup.trainers(2)
    for group in (alone, together):
        group[1].fit(X, Y, 1)
        group[1].advance(X, Y, deadline=0.0)
        assert group[1].progress is None
    _check_resumed_alone_and_stacked(alone, together, X, Y, 3)


def test_optimizer_state_from_another_network_comes_back_on_a_rollback_to_the_start():
    # Adam's first step is about lr whatever the gradient: epoch 2's loss is infinite, and
    # the trainer goes back to where it started, moments of another network included
    def make() -> list[Trainer]:
        trainers = Setup(batch_size=None, optimizer="adam").trainers(2)
        trainers[1].optimizer.load_state({"t": 4, "m": np.ones(7), "v": np.ones(7)})
        trainers[1].optimizer.lr = 1e200
        return trainers

    X, Y = Setup().data()
    alone, together = make(), make()
    expected = train_alone(alone, X, Y, 3)
    assert "went back to the starting weights" in str(expected[1])
    assert alone[1].optimizer.m.shape == (7,)
    outcomes = StackedTrainer(together).fit(X, Y, 3)
    assert [str(o) for o in outcomes] == [str(e) for e in expected]
    for a, b in zip(alone, together):
        assert_same_trainer(a, b)


def test_the_trainers_are_left_alone_until_handed_back():
    setup = Setup()
    X, Y = setup.data()
    together = setup.trainers(2)
    before = [t.state() for t in together]
    generators = [t.rng for t in together]

    def look(report: EpochReport):
        for trainer, state in zip(together, before):
            assert_states_identical(trainer.state(), state)

    StackedTrainer(together).fit(X, Y, 2, callback=look)
    assert [t.rng for t in together] == generators  # the same objects, moved on
    assert [t.epoch for t in together] == [2, 2]
