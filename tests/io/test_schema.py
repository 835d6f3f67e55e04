"""resources/bpnet.schema.json describes what the app writes, and names what the app knows."""

import inspect
import json
from dataclasses import replace

import pytest

from bpstudio.core import ACTIVATIONS, INITIALIZERS, LOSSES
from bpstudio.core.datasets import GENERATORS
from bpstudio.examples import EXAMPLES, example_path
from bpstudio.io import dumps
from bpstudio.package_data import schema_path
from bpstudio.session import OPTIMIZER_KINDS

from .conftest import moons_session, named_table_session, table_session, train

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads(schema_path().read_text(encoding="utf-8"))
DEFS = SCHEMA["$defs"]


@pytest.fixture(scope="module")
def validator():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_every_example_file_validates(validator, name):
    validator.validate(json.loads(example_path(name).read_text(encoding="utf-8")))


@pytest.mark.parametrize("make", [moons_session, table_session, named_table_session])
def test_trained_sessions_validate(validator, make):
    validator.validate(json.loads(dumps(train(make(), 3))))


def test_pinned_runs_validate(validator):
    from bpstudio.session import PinnedRun

    session = train(moons_session(), 2)
    given = replace(session, start=session.state.parameters.copy())
    doc = json.loads(dumps(replace(session, pinned=(
        PinnedRun("a", session, 1.5), PinnedRun("b", given, 0.0, "a")))))
    validator.validate(doc)
    doc["pinned"][0]["name"] = ""
    assert not validator.is_valid(doc)


def test_the_schema_refuses_what_the_app_refuses(validator):
    doc = json.loads(example_path("points8").read_text(encoding="utf-8"))
    doc["network"]["layers"][0]["activation"] = "sigmod"
    assert not validator.is_valid(doc)
    doc = json.loads(example_path("points8").read_text(encoding="utf-8"))
    doc["data"]["table"] = {"task": "regression", "X": [[1.0]], "y": [[1.0]]}
    assert not validator.is_valid(doc)  # a generator and a table at once


def test_the_schema_names_exactly_the_registries():
    network = DEFS["network"]["properties"]
    assert network["layers"]["items"]["properties"]["activation"]["enum"] == list(ACTIVATIONS)
    assert network["loss"]["enum"] == list(LOSSES)
    assert network["init"]["enum"] == list(INITIALIZERS)
    assert DEFS["data"]["properties"]["generator"]["enum"] == list(GENERATORS)
    assert DEFS["training"]["properties"]["optimizer"]["enum"] == list(OPTIMIZER_KINDS)
    rules = {rule["if"]["properties"]["generator"]["const"]:
             rule["then"]["properties"]["params"]["propertyNames"]["enum"]
             for rule in DEFS["data"]["allOf"]}
    assert rules == {name: list(inspect.signature(g.make).parameters)
                     for name, g in GENERATORS.items()}


def test_the_schema_s_maxima_are_the_limits():
    from bpstudio import limits

    network, data, state = (DEFS[k]["properties"] for k in ("network", "data", "state"))
    training = DEFS["training"]["properties"]
    pairs = [
        (SCHEMA["properties"]["title"]["maxLength"], limits.MAX_TITLE_CHARS),
        (SCHEMA["properties"]["notes"]["maxLength"], limits.MAX_NOTES_CHARS),
        (DEFS["seed"]["maximum"], limits.MAX_SEED),
        (network["layers"]["maxItems"], limits.MAX_LAYERS),
        (network["inputs"]["maximum"], limits.MAX_PARAMETERS),
        (DEFS["rows"]["maxItems"], limits.MAX_SAMPLES),
        (data["params"]["properties"]["n"]["maximum"], limits.MAX_SAMPLES),
        (data["params"]["properties"]["classes"]["maximum"], limits.MAX_CLASSES),
        (DEFS["table"]["properties"]["y"]["oneOf"][1]["items"]["maximum"],
         limits.MAX_CLASSES - 1),
        (DEFS["table"]["properties"]["class_names"]["maxItems"], limits.MAX_CLASSES),
        (DEFS["table"]["properties"]["input_names"]["maxItems"], limits.MAX_COLUMN_NAMES),
        (DEFS["table"]["properties"]["target_names"]["maxItems"], limits.MAX_COLUMN_NAMES),
        (DEFS["name"]["maxLength"], limits.MAX_NAME_CHARS),
        (training["batch_size"]["oneOf"][1]["maximum"], limits.MAX_SAMPLES),
        (training["epoch_limit"]["oneOf"][1]["maximum"], limits.MAX_EPOCHS),
        (state["epoch"]["maximum"], limits.MAX_EPOCHS),
        (state["optimizer_state"]["properties"]["t"]["maximum"], limits.MAX_STEPS),
        (state["history"]["properties"]["epoch"]["maxItems"], limits.MAX_HISTORY_ROWS),
        (DEFS["measures"]["maxItems"], limits.MAX_HISTORY_ROWS),
        (SCHEMA["properties"]["pinned"]["maxItems"], limits.MAX_PINNED_RUNS),
        (DEFS["pinned_run"]["properties"]["parameters"]["maxItems"],
         limits.MAX_PINNED_PARAMETERS),
        (DEFS["pinned_run"]["properties"]["start"]["oneOf"][1]["maxItems"],
         limits.MAX_PINNED_PARAMETERS),
    ]
    assert [schema for schema, _ in pairs] == [limit for _, limit in pairs]


def test_the_schema_refuses_names_the_app_refuses(validator):
    doc = json.loads(dumps(named_table_session()))
    assert validator.is_valid(doc)
    for change in (
        lambda t: t.update(class_names=["a", "a", "b"]),
        lambda t: t.update(input_names=["", "b"]),
        lambda t: t.update(target_names=["y" * 101]),
        lambda t: t.pop("class_names"),
    ):
        copy = json.loads(json.dumps(doc))
        change(copy["data"]["table"])
        assert not validator.is_valid(copy)


def test_the_schema_refuses_one_past_a_limit(validator):
    doc = json.loads(dumps(train(moons_session(), 2)))
    assert validator.is_valid(doc)
    for change in (
        lambda d: d["training"].update(batch_size=100_001),
        lambda d: d["training"].update(epoch_limit=10**9 + 1),
        lambda d: d["state"].update(epoch=10**9 + 1),
        lambda d: d["data"]["params"].update(n=100_001),
        lambda d: d.update(title="x" * 1001),
        lambda d: d.update(title="one\ntwo"),
        lambda d: d.update(notes="x" * 100_001),
    ):
        copy = json.loads(json.dumps(doc))
        change(copy)
        assert not validator.is_valid(copy)


def test_the_title_pattern_is_one_line_as_the_app_sees_it():
    import re

    pattern = re.compile(SCHEMA["properties"]["title"]["pattern"])
    for code in range(0x3000):
        text = f"a{chr(code)}b"
        assert bool(pattern.search(text)) == (text.splitlines() == [text]), hex(code)
