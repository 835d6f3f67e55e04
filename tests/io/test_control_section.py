"""The schedule, the stopping rules and their state in a file: read back exactly, and a file
the writer could not have made is refused, naming where and why."""

import json
from dataclasses import replace

import pytest

from bpstudio.core.schedules import Schedule
from bpstudio.core.stopping import StopRules
from bpstudio.io import BPFileError, dumps, loads
from bpstudio.training import TrainingRun

from .conftest import assert_states_identical, moons_session


@pytest.fixture(scope="module")
def doc():
    """A stopped session with every state there is: plateau, early stopping's best weights."""
    session = moons_session()
    session = session.with_training(replace(
        session.training, schedule=Schedule("plateau", {"patience": 2}),
        stopping=StopRules(patience=2, min_delta=1e3, restore_best=True)))
    run = TrainingRun(session)
    run.train_for()
    return json.loads(dumps(run.to_session()))


def test_every_state_reads_back_exactly(doc):
    session = loads(json.dumps(doc))
    assert session.training.schedule == Schedule("plateau", {"patience": 2})
    assert session.state.early_stop.best_epoch == 1 and session.state.plateau is not None
    assert_states_identical(loads(dumps(session)).state, session.state)
    assert doc["state"]["early_stop"]["best"].keys() == {"weights", "biases"}


def changed(doc, edit):
    copy = json.loads(json.dumps(doc))
    edit(copy)
    with pytest.raises(BPFileError) as info:
        loads(json.dumps(copy))
    return str(info.value)


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d["training"]["schedule"].update(name="stepp"),
     "training.schedule.name: unknown schedule 'stepp' (did you mean 'step'?)"),
    (lambda d: d["training"]["schedule"].pop("patience"),
     "training.schedule: missing key 'patience'"),
    (lambda d: d["training"]["schedule"].update(patience=0),
     "training.schedule.patience: must be a whole number from 1 to 1,000,000,000, got 0"),
    (lambda d: d["training"]["schedule"].update(patience=2.5),
     "training.schedule.patience: expected a whole number, got 2.5"),
    (lambda d: d["training"]["stopping"].update(patience=0),
     "training.stopping.patience: must be between 1 and 1000000000, got 0"),
    (lambda d: d["training"]["stopping"].update(restore_best="yes"),
     "training.stopping.restore_best: expected true or false"),
    (lambda d: d["training"].update(schedule={"name": "constant"}),
     "state.plateau: the 'constant' schedule keeps no plateau state; leave it null"),
    (lambda d: d["state"].update(plateau=None),
     "state.plateau: the 'plateau' schedule keeps a plateau state; give one"),
    (lambda d: d["state"]["plateau"].update(factor=0),
     "state.plateau.factor: expected a number in (0, 1], got 0.0"),
    (lambda d: d["state"]["early_stop"].update(best=None),
     "state.early_stop.best: the best weights are kept exactly when restore_best is on"),
    (lambda d: d["state"]["early_stop"]["best"]["weights"][0].pop(),
     "state.early_stop.best.weights[0]: expected"),
    (lambda d: d["state"]["early_stop"].update(best_epoch=99),
     "state.early_stop.best_epoch: 99 is after the epochs trained (3)"),
    (lambda d: d["training"]["stopping"].update(patience=None, restore_best=False),
     "state.early_stop: there is no early stopping (no patience) to keep a state for"),
    (lambda d: d["state"]["early_stop"].update(best_loss=-1),
     "state.early_stop.best_loss: expected a loss >= 0 or \"Infinity\", got -1.0"),
    (lambda d: d["state"]["history"]["learning_rate"].__setitem__(1, 0),
     "state.history.learning_rate[1]: expected a learning rate > 0 or null (not recorded), "
     "got 0.0"),
    (lambda d: d["state"]["history"]["learning_rate"].__setitem__(0, "Infinity"),
     "state.history.learning_rate[0]: expected a learning rate > 0 or null"),
    (lambda d: d["state"].update(seconds=-1),
     "state.seconds: expected the seconds trained, from 0 to 1,000,000,000, got -1.0"),
])
def test_a_file_the_writer_could_not_make_is_refused(doc, edit, message):
    assert message in changed(doc, edit)


def test_early_stopping_without_a_test_part_is_refused_when_read(doc):
    def no_test_part(d):
        d["data"]["test_fraction"] = 0.0

    assert "stopping.patience: early stopping watches the test loss, but the data has no test " \
        "part" in changed(doc, no_test_part)
