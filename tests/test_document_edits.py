"""Undo steps without Qt: what undo and redo give back, and the words for an edit."""

from dataclasses import replace

from bpstudio.document import Document, Opened
from bpstudio.document_edits import Edit, describe
from bpstudio.examples import EXAMPLES
from bpstudio.session import LayerSpec, NetworkSpec
from bpstudio.training import TrainingRun


def trained(session, epochs=5):
    run = TrainingRun(session, session.prepare_data())
    run.train_for(epochs=epochs)
    return session.with_state(run.state())


def test_undoing_a_network_change_gives_back_the_trained_state_before_it():
    document = Document(Opened.prepare(trained(EXAMPLES["points8"]())))
    before = document.snapshot()
    document.apply(NetworkSpec(hidden=(LayerSpec(3, "tanh"),)))
    edit = Edit("net", before, document.snapshot())
    back = edit.undone(document.snapshot())
    assert back is before and back.session.epoch == 5
    document.restore(back)
    assert document.session is before.session and document.modified


def test_undoing_a_settings_change_keeps_the_weights_trained_since():
    document = Document(Opened.prepare(EXAMPLES["points8"]()))
    before = document.snapshot()
    config = replace(document.session.training, learning_rate=0.3)
    document.apply(config)
    edit = Edit("lr", before, document.snapshot())
    now = trained(document.session, 7)
    document.accept_state(now.state)
    back = edit.undone(document.snapshot())
    assert back.session.epoch == 7
    assert back.session.training == before.session.training
    redone = edit.redone(document.snapshot())
    assert redone.session.training.learning_rate == 0.3


def test_describe_says_what_undo_returns_to():
    session = trained(EXAMPLES["points8"]())
    other = replace(session, network=NetworkSpec(hidden=(LayerSpec(3, "tanh"),)), state=None)
    assert describe(session, other).endswith("(undo returns to epoch 5)")
    lr = session.with_training(replace(session.training, learning_rate=0.25))
    assert describe(session, lr).startswith("Learning rate")
    assert describe(session, lr).endswith("→ 0.25 (weights kept)")
