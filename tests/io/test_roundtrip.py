"""Save and load keep everything, bit for bit; resuming from a file is exact."""

import json
import math
import shutil
import subprocess
import sys

import numpy as np
import pytest

from bpstudio.core import History
from bpstudio.examples import EXAMPLES, example_path
from bpstudio.io import dumps, load, load_info, loads, save
from bpstudio.io.migrations import VERSION
from bpstudio.session import Session

from .conftest import (
    assert_states_identical,
    moons_session,
    named_table_session,
    table_session,
    text_of,
    train,
)


@pytest.mark.parametrize("make", [Session, moons_session, table_session, named_table_session],
                         ids=lambda f: f.__name__)
@pytest.mark.parametrize("epochs", [0, 3])
def test_text_round_trip_is_exact(make, epochs):
    session = train(make(), epochs) if epochs else make()
    text = text_of(session)
    again = loads(text)
    assert text_of(again) == text
    if epochs:
        assert_states_identical(session.state, again.state)
    assert again.title == session.title and again.notes == session.notes


def test_every_float_survives_bit_for_bit(trained):
    special = np.array([0.1, -0.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                        1 / 3, -2.5e-17, 123456789.123456789])
    params = trained.state.parameters.copy()
    params[: special.size] = special
    state = trained.state
    adam_m = state.optimizer_state["m"].copy()
    adam_m[-special.size:] = special
    session = trained.with_state(type(state)(
        params, state.optimizer, {**state.optimizer_state, "m": adam_m}, state.rng_state,
        state.epoch, state.history,
    ))
    loaded = loads(dumps(session))
    assert loaded.state.parameters.tobytes() == params.tobytes()
    assert loaded.state.optimizer_state["m"].tobytes() == adam_m.tobytes()
    assert math.copysign(1.0, loaded.state.parameters[1]) == -1.0  # -0.0 kept its sign


def test_history_writes_nan_as_null_and_infinity_as_text(trained):
    history = History([1, 2, 3], [0.5, 0.25, 0.125], [math.nan, math.inf, -math.inf],
                      [0.9, math.nan, 1.0], [math.nan] * 3)
    state = trained.state
    session = trained.with_state(type(state)(
        state.parameters, state.optimizer, state.optimizer_state, state.rng_state, 3, history))
    doc = json.loads(dumps(session))
    assert doc["state"]["history"]["test_loss"] == [None, "Infinity", "-Infinity"]
    assert doc["state"]["history"]["train_metric"] == [0.9, None, 1.0]
    back = loads(dumps(session)).state.history
    assert back.test_loss[1:] == [math.inf, -math.inf] and math.isnan(back.test_loss[0])


def test_save_load_save_is_byte_identical_apart_from_modified(tmp_path, trained):
    path = tmp_path / "net.bpnet"
    save(path, trained)
    first = path.read_bytes()
    save(path, load(path))
    second = path.read_bytes()

    def without_modified(data):
        return [line for line in data.splitlines() if not line.strip().startswith(b'"modified"')]

    assert without_modified(first) == without_modified(second)
    assert len(first.splitlines()) == len(second.splitlines())


def test_created_is_kept_when_a_file_is_replaced(tmp_path, trained):
    path = tmp_path / "net.bpnet"
    path.write_text(dumps(trained, created="2020-05-06T07:08:09Z"))
    save(path, load(path))
    _, info = load_info(path)
    assert info.created == "2020-05-06T07:08:09Z"
    assert info.modified > info.created
    assert info.version == VERSION and info.app_version


def test_created_survives_save_as_to_a_new_path(tmp_path, trained):
    first = tmp_path / "first.bpnet"
    first.write_text(dumps(trained, created="2020-05-06T07:08:09Z"))
    save(tmp_path / "copy.bpnet", load(first))
    _, info = load_info(tmp_path / "copy.bpnet")
    assert info.created == "2020-05-06T07:08:09Z"


def test_the_file_is_strict_json_that_any_parser_reads(tmp_path, trained):
    path = tmp_path / "net.bpnet"
    save(path, trained)

    def refuse(token):
        raise AssertionError(f"non-standard token {token}")

    doc = json.loads(path.read_text(encoding="utf-8"), parse_constant=refuse)
    assert doc["format"] == "bpstudio-network" and isinstance(doc["version"], int)
    assert isinstance(doc["state"]["rng"]["state"], str)  # 128-bit: as decimal text
    tool = subprocess.run([sys.executable, "-m", "json.tool", str(path)], capture_output=True)
    assert tool.returncode == 0
    if shutil.which("jq"):
        out = subprocess.run(["jq", ".state.epoch", str(path)], capture_output=True, text=True)
        assert out.stdout.strip() == "4"


def _straight_and_resumed(session, n, m, tmp_path):
    straight = train(session, n + m)
    path = tmp_path / "resume.bpnet"
    save(path, train(session, n))
    return straight, train(load(path), m)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_resume_from_a_file_is_exactly_uninterrupted_training(tmp_path, optimizer):
    straight, resumed = _straight_and_resumed(moons_session(optimizer), 5, 6, tmp_path)
    assert_states_identical(straight.state, resumed.state)
    assert text_of(straight) == text_of(resumed)


def test_resume_of_embedded_rows_with_momentum_is_exact(tmp_path):
    straight, resumed = _straight_and_resumed(table_session(), 4, 3, tmp_path)
    assert_states_identical(straight.state, resumed.state)


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_resume_of_every_example_file_is_exact(tmp_path, name):
    session = load(example_path(name))
    straight, resumed = _straight_and_resumed(session, 7, 5, tmp_path)
    assert_states_identical(straight.state, resumed.state)
    assert straight.epoch == 12 + session.epoch


def test_resume_changes_the_weights(tmp_path):
    """Guard for the tests above: training really moves the parameters between saves."""
    session = moons_session()
    assert train(session, 2).state.parameters.tobytes() != \
        train(session, 3).state.parameters.tobytes()


def test_the_given_starting_weights_outlive_training():
    # a worked example trained and saved: its start is the article's weights, not the state's
    example = EXAMPLES["two_input"]()
    bench = example.build()
    bench.trainer.fit(*bench.train_arrays(), 5)
    again = loads(dumps(example.with_state(bench.trainer.state())))
    assert again.epoch == 5 and again.start.tobytes() == example.start.tobytes()
    assert again.state.parameters.tobytes() != again.start.tobytes()
    assert loads(dumps(Session())).start is None


def test_a_file_with_only_starting_weights_trains_from_them(tmp_path):
    from dataclasses import replace

    book = EXAMPLES["two_input"]()
    again = loads(dumps(replace(book, state=None)))
    assert again.state is None
    np.testing.assert_array_equal(again.build().net.parameters, book.start)
