"""The document's rules without a window: what an edit resets, which weights a run starts
from, which hand-back is kept, when the data is made again, and when it is modified."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from bpstudio import io as bpnet
from bpstudio.document import Change, Document, Opened, new_session
from bpstudio.examples import EXAMPLES
from bpstudio.session import DataSpec, LayerSpec, Session


def document(session: Session | None = None, path: str | None = None) -> Document:
    return Document(Opened.prepare(session or new_session(), path))


def trained(session: Session, epochs: int = 3):
    """The state a run of ``session`` hands back after ``epochs``."""
    bench = session.build()
    bench.trainer.fit(*bench.train_arrays(), epochs)
    return bench.trainer.state()


def wider(session: Session, units: int = 7):
    return replace(session.network, hidden=(LayerSpec(units, "sigmoid"),))


def test_a_new_document_is_the_untitled_unmodified_example():
    doc = document()
    assert doc.session.title == EXAMPLES["sin"]().title
    assert (doc.path, doc.display_name, doc.modified) == (None, "Untitled", False)
    assert doc.pending is None and doc.data.full.n_samples == 100 and doc.grid.kind == "curve"


def test_learning_rate_and_epoch_limit_are_taken_live_and_wait_for_nothing():
    doc = document()
    config = replace(doc.session.training, learning_rate=0.2, epoch_limit=50)
    assert doc.apply(config) is Change.LIVE
    assert doc.session.training == config and doc.modified and doc.pending is None


def test_other_training_settings_wait_and_keep_the_weights():
    session = new_session()
    doc = document(session.with_state(trained(session)))
    weights = doc.session.state.parameters
    assert doc.apply(replace(doc.session.training, batch_size=10)) is Change.TRAINING
    assert doc.pending is Change.TRAINING
    np.testing.assert_array_equal(doc.session.state.parameters, weights)
    assert doc.apply(replace(doc.session.training, optimizer="adam")) is Change.TRAINING
    assert doc.session.state.optimizer["name"] == "adam"  # another kind starts afresh
    assert doc.session.state.optimizer_state == {"t": 0}
    assert doc.take_pending() is Change.TRAINING and doc.pending is None


def test_a_new_network_or_data_goes_back_to_epoch_zero():
    session = new_session()
    doc = document(session.with_state(trained(session)))
    assert doc.apply(wider(doc.session)) is Change.NETWORK
    assert doc.session.state is None and doc.session.epoch == 0
    assert doc.apply(replace(doc.session.data, test_fraction=0.25)) is Change.DATA
    assert doc.session.state is None and doc.pending is Change.DATA


@pytest.mark.parametrize("edits, pending", [
    (("training", "network"), Change.NETWORK),
    (("network", "training"), Change.NETWORK),
    (("network", "data"), Change.DATA),
    (("data", "network"), Change.DATA),
    (("data", "training", "network"), Change.DATA),
    (("training", "training"), Change.TRAINING),
])
def test_a_burst_of_edits_asks_for_the_most_any_of_them_asked_for(edits, pending):
    doc = document()
    specs = {
        "training": lambda: replace(doc.session.training, batch_size=5),
        "network": lambda: wider(doc.session),
        "data": lambda: replace(doc.session.data, split_seed=1),
    }
    for edit in edits:
        doc.apply(specs[edit]())
    assert doc.take_pending() is pending and doc.take_pending() is None


def test_a_textbook_example_starts_from_its_weights_while_its_network_and_data_stay():
    book = EXAMPLES["two_input"]()
    doc = document(book)
    doc.accept_state(trained(doc.session))
    doc.reset_weights()
    assert doc.modified and doc.session.epoch == 0
    np.testing.assert_array_equal(doc.session.state.parameters, book.state.parameters)
    assert doc.start_name == "the document's starting weights"
    doc.apply(DataSpec("spiral"))  # other data: the seed draws the weights
    assert doc.session.state is None and doc.session.start is None
    assert doc.start_name == "fresh weights from the seed"
    doc.apply(book.data)  # and back: the book's weights with its rows
    np.testing.assert_array_equal(doc.session.state.parameters, book.state.parameters)
    doc.apply(replace(doc.session.network, seed=5))  # another network: the seed's again
    doc.reset_weights()
    assert doc.session.state is None and doc.start_name == "fresh weights from the seed"


def test_a_hand_back_is_kept_unless_a_new_network_or_data_waits():
    session = new_session()
    doc = document(session)
    state = trained(session)
    doc.accept_state(state)
    assert doc.session.state is state and not doc.modified  # training marks it, not this
    doc.apply(replace(doc.session.training, optimizer="adam"))
    doc.accept_state(trained(session, 5))  # the outgoing run's state, under the new optimizer
    assert doc.session.epoch == 5 and doc.session.state.optimizer["name"] == "adam"
    doc.apply(wider(doc.session))
    doc.accept_state(trained(session, 6))  # would not fit the new network: dropped
    assert doc.session.state is None and doc.session.network.hidden[0].size == 7
    doc.take_pending()
    doc.accept_state(trained(doc.session, 2))
    assert doc.session.epoch == 2


def test_data_is_made_once_per_data_spec():
    doc = document()
    opened_data = doc.data
    doc.apply(wider(doc.session))
    doc.reset_weights()
    assert doc.start_run()[0] is opened_data  # a new network or a reset: the same data
    doc.apply(replace(doc.session.data, split_seed=3))
    data, grid = doc.start_run()
    assert data is not opened_data and data is doc.data and grid is doc.grid
    assert doc.start_run()[0] is data
    doc.apply(DataSpec("spiral"))
    assert doc.start_run()[1].kind == "plane"


def test_data_that_cannot_be_made_changes_nothing_and_is_tried_again(monkeypatch):
    doc = document()
    before = (doc.data, doc.grid)

    def refuse(self):
        raise ValueError("n: too many")

    monkeypatch.setattr(DataSpec, "load", refuse)
    doc.apply(replace(doc.session.data, split_seed=3))
    with pytest.raises(ValueError, match="too many"):
        doc.start_run()
    assert (doc.data, doc.grid) == before
    monkeypatch.undo()
    assert doc.start_run()[0] is not before[0]


def test_training_that_moves_the_epoch_modifies_the_document():
    session = new_session()
    doc = document(session.with_state(trained(session, 4)))
    doc.start_run()
    doc.trained_to(4)  # the run's first picture: where it started
    assert not doc.modified
    doc.trained_to(5)
    assert doc.modified


def test_save_names_the_document_and_a_copy_leaves_it_as_it_was(tmp_path):
    doc = document()
    told = []
    doc.listen(lambda: told.append((doc.display_name, doc.modified)))
    doc.apply(wider(doc.session))
    doc.save(str(tmp_path / "mine.bpnet"))
    assert told == [("Untitled", True), ("mine.bpnet", False)]
    assert doc.display_name == "mine.bpnet"
    assert bpnet.load(tmp_path / "mine.bpnet").network == doc.session.network
    doc.modified = True
    doc.save_copy(str(tmp_path / "copy.bpnet"))
    assert doc.path == str(tmp_path / "mine.bpnet") and doc.modified
    assert (tmp_path / "copy.bpnet").exists()
    doc.take(Opened.prepare(new_session(), str(tmp_path / "other.bpnet")))
    assert told[-1] == ("other.bpnet", False) and doc.pending is None

