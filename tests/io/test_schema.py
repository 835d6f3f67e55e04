"""resources/bpnet.schema.json describes what the app writes, and names what the app knows."""

import inspect
import json
from pathlib import Path

import pytest

from bpstudio.core import ACTIVATIONS, INITIALIZERS, LOSSES
from bpstudio.core.datasets import GENERATORS
from bpstudio.examples import EXAMPLES, example_path
from bpstudio.io import dumps
from bpstudio.session import OPTIMIZER_KINDS

from .conftest import moons_session, table_session, train

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "resources" /
                     "bpnet.schema.json").read_text())
DEFS = SCHEMA["$defs"]


@pytest.fixture(scope="module")
def validator():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_every_example_file_validates(validator, name):
    validator.validate(json.loads(example_path(name).read_text(encoding="utf-8")))


@pytest.mark.parametrize("make", [moons_session, table_session])
def test_trained_sessions_validate(validator, make):
    validator.validate(json.loads(dumps(train(make(), 3))))


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
    assert rules == {name: list(inspect.signature(g).parameters)
                     for name, g in GENERATORS.items()}
