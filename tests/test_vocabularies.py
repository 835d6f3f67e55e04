"""Every registry entry is offered by the command line and named by the schema, and each
registry's records say true things about what they make. (The designer: tests/gui/
test_designer_vocabularies.py.)"""

import inspect
import json

import numpy as np
import pytest

from bpstudio.cli import main
from bpstudio.cli.parser import build_parser
from bpstudio.control_fields import STOP_WORDS
from bpstudio.core import ACTIVATIONS, INITIALIZERS, LOSSES
from bpstudio.core.datasets import GENERATORS, make_dataset
from bpstudio.core.losses import REDUCTIONS
from bpstudio.core.optimizers import CONFIG_KEYS, OPTIMIZER_KINDS, OPTIMIZERS
from bpstudio.core.outputs import default_loss, default_output, output_choices
from bpstudio.core.schedules import SCHEDULES
from bpstudio.io import load
from bpstudio.package_data import schema_path
from bpstudio.session import DataSpec, NetworkSpec

SCHEMA = json.loads(schema_path().read_text(encoding="utf-8"))
DEFS = SCHEMA["$defs"]
KINDS_OF_DATA = [("regression", 1), ("classification", 1), ("classification", 3)]


def new_actions():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    return {a.dest: a for a in sub.choices["new"]._actions}


def test_the_command_line_offers_every_registry_entry():
    actions = new_actions()
    assert actions["data"].choices == list(GENERATORS)
    assert actions["optimizer"].choices == list(OPTIMIZER_KINDS)
    assert actions["loss"].choices == list(LOSSES)
    assert actions["reduction"].choices == list(REDUCTIONS)
    assert actions["init"].choices == list(INITIALIZERS)
    assert all(name in actions["activations"].help for name in ACTIVATIONS)
    assert all(name in actions["schedule"].help for name in SCHEDULES)
    assert all(word in actions["stop"].help for word in STOP_WORDS)


def test_the_schema_names_every_registry_entry():
    assert DEFS["training"]["properties"]["optimizer"]["enum"] == list(OPTIMIZER_KINDS)
    assert DEFS["data"]["properties"]["generator"]["enum"] == list(GENERATORS)
    network = DEFS["network"]["properties"]
    assert network["reduction"]["enum"] == list(REDUCTIONS)
    optimizer = DEFS["state"]["properties"]["optimizer"]
    assert optimizer["properties"]["name"]["enum"] == list(OPTIMIZERS)
    assert set(optimizer["properties"]) == {"name", *CONFIG_KEYS}
    schedules = DEFS["training"]["properties"]["schedule"]["oneOf"]
    assert [s["properties"]["name"]["const"] for s in schedules] == list(SCHEDULES)
    for rule, kind in zip(schedules, SCHEDULES.values(), strict=True):
        assert rule["required"] == ["name", *(p.name for p in kind.params)]
    stopping = DEFS["training"]["properties"]["stopping"]
    assert stopping["required"] == list(STOP_WORDS.values())


# -- optimizer kinds ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(OPTIMIZER_KINDS))
def test_each_kind_makes_its_optimizer_with_the_settings_it_takes(name):
    kind = OPTIMIZER_KINDS[name]
    optimizer = kind.make(0.5, 0.25, 0.125)
    assert type(optimizer) is kind.optimizer and optimizer.name in OPTIMIZERS
    config = optimizer.config()
    assert (config["lr"], config["weight_decay"]) == (0.5, 0.125)
    assert config.get("momentum", 0.0) == (0.0 if kind.momentum is None else 0.25)


@pytest.mark.parametrize("name", list(OPTIMIZER_KINDS))
def test_each_kinds_moments_are_the_arrays_its_optimizer_keeps(name):
    """The memory estimate counts on them."""
    kind = OPTIMIZER_KINDS[name]
    optimizer = kind.make(0.1, kind.momentum or 0.0, 0.0)
    optimizer.update(np.ones(3), np.ones(3))
    kept = [v for k, v in optimizer.state().items() if k != "t" and v is not None]
    assert len(kept) == kind.moments


def test_kinds_have_their_own_words():
    labels = [kind.label for kind in OPTIMIZER_KINDS.values()]
    assert len(set(labels)) == len(labels) and all(labels)


# -- data generators ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(GENERATORS))
def test_each_generators_record_says_what_it_makes(name):
    generator = GENERATORS[name]
    made = make_dataset(name)
    assert generator.name == name == made.name
    assert generator.task == made.task
    assert made.params == generator.defaults  # its defaults, each filled in
    parameters = inspect.signature(generator.make).parameters.values()
    assert all(p.kind is p.KEYWORD_ONLY and p.default is not p.empty for p in parameters)
    assert generator.parameters == tuple(p.name for p in parameters)


def test_generators_have_their_own_words():
    labels = [g.label for g in GENERATORS.values()]
    assert len(set(labels)) == len(labels) and all(labels)


# -- output pairs ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS_OF_DATA)
def test_the_first_pair_is_the_default_output_with_its_default_loss(kind):
    pairs = output_choices(*kind)
    assert pairs[0] == (default_output(*kind), default_loss(default_output(*kind)))
    for activation, loss in pairs:  # every pair offered makes a network
        NetworkSpec(output_activation=activation, loss=loss)


def test_the_default_loss_is_the_one_whose_canonical_output_it_is():
    assert {a: default_loss(a) for a in ACTIVATIONS} == {
        "sigmoid": "binary_cross_entropy", "tanh": "mse", "relu": "mse", "leaky_relu": "mse",
        "identity": "mse", "softmax": "cross_entropy"}


@pytest.mark.parametrize("data", ["sin", "moons", "gaussians"])
def test_new_starts_from_the_first_pair_for_its_data(tmp_path, capsys, data):
    out = tmp_path / "s.bpnet"
    assert main(["new", "-o", str(out), "--data", data]) == 0, capsys.readouterr().err
    prepared = DataSpec(data).load()
    network = load(out).network
    assert (network.output_activation, network.loss) == output_choices(
        prepared.task, prepared.n_outputs)[0]
