"""Each dataset's starting settings: complete, applied only where the person has not set
them, and good enough to learn the dataset."""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpstudio.core.datasets import GENERATORS
from bpstudio.core.outputs import output_choices
from bpstudio.examples import EXAMPLES
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, Table, TrainingConfig
from bpstudio.starters import FIELDS, STARTERS, adapt
from bpstudio.training import TrainingRun

SIN = EXAMPLES["sin"]()


def picked(name: str, session: Session = SIN, **data) -> Session:
    """What the designer holds after a dataset is picked: the new data, the rest as it was."""
    return replace(session, data=replace(session.data, name=name,
                                         params=GENERATORS[name].defaults, **data))


def test_every_generator_has_a_starter():
    assert list(STARTERS) == list(GENERATORS)


def test_the_issue_spiral_gets_weights_that_learn_and_the_message_says_so():
    adaptation = adapt(picked("spiral"))
    network, training = adaptation.session.network, adaptation.session.training
    assert network.init == "xavier_uniform" and network.hidden == (LayerSpec(16, "tanh"),) * 2
    assert (training.optimizer, training.learning_rate, training.batch_size) == ("adam", 0.01, 32)
    assert adaptation.session.data.test_fraction == 0.2 and adaptation.session.data.standardize
    assert adaptation.kept == ()
    assert adaptation.message("Spiral") == (
        "Adapted to Spiral: hidden layers 16, 16 tanh, init xavier_uniform, optimizer Adam, "
        "learning rate 0.01, batch size 32, test fraction 0.2, standardize on.")


def test_what_the_person_set_is_kept_and_named():
    session = replace(SIN, network=replace(SIN.network, init="he_normal"),
                      training=replace(SIN.training, learning_rate=0.3))
    adaptation = adapt(picked("moons", session), kept={"init", "learning_rate"})
    assert adaptation.session.network.init == "he_normal"
    assert adaptation.session.training.learning_rate == 0.3
    assert adaptation.kept == ("init he_normal", "learning rate 0.3")
    assert "kept what you set: init he_normal, learning rate 0.3." in adaptation.message("Moons")


def test_a_textbook_dataset_never_keeps_a_test_part():
    """The issue: after Sin with 0.20, the 3×4 binary example held out one of its rows."""
    session = picked("binary4", replace(SIN, data=replace(SIN.data, test_fraction=0.2)))
    adaptation = adapt(session, kept=set(FIELDS))
    assert adaptation.session.data.test_fraction == 0.0
    assert adaptation.changed == ("test fraction 0",)


def test_back_to_a_textbook_dataset_its_example_returns():
    for name in ("sin", "points8", "binary4"):
        example = EXAMPLES[name]()
        adapted = adapt(picked(name, adapt(picked("spiral")).session)).session
        assert adapted.network.hidden == example.network.hidden
        assert adapted.network.init == example.network.init
        assert adapted.training == replace(adapted.training, **{
            k: getattr(example.training, k) for k in ("optimizer", "learning_rate",
                                                       "batch_size")})


def test_nothing_to_adapt_says_nothing():
    adaptation = adapt(SIN)
    assert adaptation.changed == adaptation.kept == ()
    assert adaptation.message("Sin fit") == ""


def test_imported_rows_have_no_starter():
    table = Table(np.zeros((3, 1)), np.array([0, 1, 0]), "classification")
    session = replace(SIN, data=DataSpec("table", table=table))
    assert adapt(session).session is session


@given(st.sampled_from(list(GENERATORS)), st.sets(st.sampled_from(FIELDS)))
def test_kept_fields_never_change_unless_always(name, kept):
    before = picked(name)
    after = adapt(before, kept).session
    starter = STARTERS[name]
    values = lambda s: {"hidden": s.network.hidden, "init": s.network.init,  # noqa: E731
                        "optimizer": s.training.optimizer,
                        "learning_rate": s.training.learning_rate,
                        "batch_size": s.training.batch_size,
                        "test_fraction": s.data.test_fraction,
                        "standardize": s.data.standardize}
    old, new = values(before), values(after)
    for field in FIELDS:
        expected = getattr(starter, field)
        if field in kept and field not in starter.always:
            assert new[field] == old[field]
        else:
            assert new[field] == expected


EPOCHS = {"xor": 300, "circles": 300, "moons": 300, "gaussians": 300, "spiral": 1000,
          "classification": 100}


@pytest.mark.parametrize("name", list(EPOCHS))
def test_each_starter_learns_its_dataset(name):
    """A freshly picked dataset trains to at least 95 % training accuracy, where the sin
    example's settings (uniform weights, one layer of 100 sigmoid) do not all get there."""
    session = adapt(picked(name)).session
    data = session.data.load()
    activation, loss = output_choices(data.task, data.n_outputs)[0]
    session = replace(session, network=replace(session.network, output_activation=activation,
                                               loss=loss))
    run = TrainingRun(session, last_epoch=EPOCHS[name])
    run.train_for()
    assert run.measure()["train_accuracy"] >= 0.95


def test_the_issue_three_class_spiral_is_flat_from_the_sin_settings_and_learns_from_its_own():
    data = DataSpec("spiral", {"classes": 3})  # the sin example's split and scaling
    network = NetworkSpec((LayerSpec(32, "tanh"),) * 3, "softmax", "cross_entropy",
                          init="uniform")
    training = TrainingConfig("adam", learning_rate=0.01, batch_size=32)
    stuck = TrainingRun(Session(network=network, data=data, training=training), last_epoch=300)
    stuck.train_for()
    assert stuck.measure()["train_accuracy"] < 0.4
    adapted = adapt(Session(network=network, data=data, training=training),
                    kept={"hidden"}).session
    run = TrainingRun(adapted, last_epoch=300)
    run.train_for()
    assert adapted.network.init == "xavier_uniform" and run.measure()["train_accuracy"] > 0.9
