"""Session changes that keep or start the training state."""

from dataclasses import replace

import numpy as np
import pytest

from bpstudio.examples import EXAMPLES
from bpstudio.session import Session


def test_another_optimizer_keeps_the_weights_and_starts_its_own_moments():
    book = EXAMPLES["two_input"]()
    adam = book.with_training(replace(book.training, optimizer="adam"))
    assert adam.state.optimizer["name"] == "adam" and adam.state.optimizer_state == {"t": 0}
    np.testing.assert_array_equal(adam.state.parameters, book.state.parameters)
    adam.build().trainer.fit(*adam.build().train_arrays(), 1)  # the state fits the trainer
    faster = book.with_training(replace(book.training, learning_rate=0.1))
    assert faster.state is book.state  # same kind of optimizer: nothing to convert


def test_starting_from_puts_the_weights_at_epoch_0():
    book = EXAMPLES["two_input"]()
    fresh = replace(book, state=None)
    moved = fresh.starting_from(book.state.parameters + 1.0)
    assert moved.state.epoch == 0 and len(moved.state.history) == 0
    np.testing.assert_array_equal(moved.build().net.parameters, book.state.parameters + 1.0)
    np.testing.assert_array_equal(moved.start, book.state.parameters + 1.0)


def test_the_start_outlives_training_and_new_settings():
    book = EXAMPLES["two_input"]()
    bench = book.build()
    bench.trainer.fit(*bench.train_arrays(), 3)
    trained = book.with_state(bench.trainer.state()).with_training(
        replace(book.training, optimizer="adam"))
    assert trained.epoch == 3 and trained.start is book.start
    assert trained.state.parameters.tobytes() != trained.start.tobytes()
    assert Session().start is None


def test_without_a_state_training_begins_at_the_given_start():
    book = EXAMPLES["two_input"]()
    fresh = replace(book, state=None)  # a file that holds only its starting weights
    np.testing.assert_array_equal(fresh.build().net.parameters, book.start)
    assert fresh.build().trainer.epoch == 0
    with pytest.raises(ValueError, match=r"start: the network has 3 parameters but 4 were"):
        replace(fresh, start=np.ones(4)).build()


def test_data_specs_with_imported_rows_compare_by_the_rows_object():
    from bpstudio.session import TABLE, DataSpec, Table

    rows = Table(np.ones((3, 2)), np.ones(3), "regression")
    same = DataSpec(TABLE, table=rows)
    assert same == DataSpec(TABLE, table=rows)
    # equal numbers in another table: different, and no "truth value of an array" error
    assert same != DataSpec(TABLE, table=Table(np.ones((3, 2)), np.ones(3), "regression"))


def test_building_refuses_a_network_too_large_for_its_data_before_allocating_it():
    import tracemalloc

    from bpstudio.session import TABLE, DataSpec, LayerSpec, NetworkSpec, Table

    wide = DataSpec(TABLE, table=Table(np.zeros((2, 1001)), np.zeros((2, 1)), "regression"))
    session = Session(NetworkSpec((LayerSpec(1000, "tanh"),)), wide)  # fine for 1 input
    tracemalloc.start()
    try:
        with pytest.raises(ValueError, match=r"^hidden: the network would have 1,003,001 "
                                             r"parameters; BP Studio works with up to "
                                             r"1,000,000"):
            session.build()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2**20  # the 8 MB of weights were never made


def test_a_change_past_a_limit_is_refused_and_the_session_stays_as_it_was():
    from bpstudio.limits import MAX_EPOCHS

    book = EXAMPLES["two_input"]()
    at_the_end = replace(book, state=replace(book.state, epoch=MAX_EPOCHS))
    with pytest.raises(ValueError, match=r"^state.epoch: at most 1,000,000,000 epochs, got "
                                         r"1,000,000,001; reset training"):
        at_the_end.with_state(replace(book.state, epoch=MAX_EPOCHS + 1))
    with pytest.raises(ValueError, match=r"^title: must be one line"):
        replace(book, title="two\nlines")
    assert at_the_end.epoch == MAX_EPOCHS and "\n" not in book.title
