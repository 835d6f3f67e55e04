"""The table of training fields is what TrainingConfig, the file, the schema and the command
line are made of: each row appears in each, in the table's order, with its default and its
limit."""

import dataclasses
import json

import pytest

from bpstudio.cli.parser import build_parser
from bpstudio.control_fields import Structured
from bpstudio.core.optimizers import OPTIMIZER_KINDS
from bpstudio.core.schedules import Schedule
from bpstudio.core.stopping import StopRules
from bpstudio.io import dumps, loads
from bpstudio.io.training_section import encode_training
from bpstudio.package_data import schema_path
from bpstudio.session import Session, TrainingConfig
from bpstudio.training_fields import (
    ADVANCED_ROWS,
    DESIGNER_ROWS,
    TRAINING_FIELDS,
    Count,
    Number,
    defaults_for,
)

SCHEMA = json.loads(schema_path().read_text(encoding="utf-8"))
STAMP = {"created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z"}
OTHER = {"optimizer": "momentum", "learning_rate": 0.25, "momentum": 0.5, "batch_size": 16,
         "shuffle": False, "l2": 1e-4, "epoch_limit": 300, "seed": 7,
         "schedule": Schedule("step", {"every": 10, "factor": 0.25}),
         "stopping": StopRules(target_loss=0.01, seconds=60.0),
         "beta1": 0.8, "beta2": 0.99}
"""A value other than the default for every field."""
OTHER_IN_A_FILE = {**OTHER, "schedule": {"name": "step", "every": 10, "factor": 0.25},
                   "stopping": {"target_loss": 0.01, "patience": None, "min_delta": 0.0,
                                "restore_best": False, "seconds": 60.0}}
OTHER_AS_A_FLAG = {**OTHER, "schedule": "step:every=10,factor=0.25",
                   "stopping": "loss=0.01,time=60"}


def new_actions():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    return {a.dest: a for a in sub.choices["new"]._actions}


def test_the_table_is_the_configs_fields_in_order_with_their_defaults():
    fields = dataclasses.fields(TrainingConfig)
    assert [f.name for f in fields] == list(TRAINING_FIELDS)
    assert {f.name: f.default for f in fields} == {
        name: f.default for name, f in TRAINING_FIELDS.items()}
    assert set(OTHER) == set(TRAINING_FIELDS)
    assert all(OTHER[name] != f.default for name, f in TRAINING_FIELDS.items())


def test_the_default_learning_rate_and_momentum_are_the_optimizer_kinds():
    default = TRAINING_FIELDS["optimizer"].default
    assert TRAINING_FIELDS["learning_rate"].default == OPTIMIZER_KINDS[default].learning_rate
    assert TRAINING_FIELDS["momentum"].default == OPTIMIZER_KINDS["momentum"].momentum
    assert defaults_for("adam")["learning_rate"] == OPTIMIZER_KINDS["adam"].learning_rate == 0.01


@pytest.mark.parametrize("name", list(TRAINING_FIELDS))
def test_the_config_refuses_what_its_row_refuses_naming_the_field(name):
    for bad in ("x", None, -1, 1.5, 10**30, float("nan"), True):
        try:
            TRAINING_FIELDS[name].check(bad)
        except ValueError as exc:
            with pytest.raises(ValueError) as refused:
                TrainingConfig(**{name: bad})
            assert str(refused.value) == str(exc) and str(exc).startswith(f"{name}: ")
        else:
            assert getattr(TrainingConfig(**{name: bad}), name) == bad


def test_number_messages_say_the_range():
    messages = {}
    for name in ("learning_rate", "momentum", "l2"):
        with pytest.raises(ValueError) as exc:
            TrainingConfig(**{name: -1})
        messages[name] = str(exc.value)
    assert messages == {
        "learning_rate": "learning_rate: must be a finite number > 0, got -1",
        "momentum": "momentum: must be a number in [0, 1), got -1",
        "l2": "l2: must be a finite number >= 0, got -1",
    }


@pytest.mark.parametrize("name", [n for n, f in TRAINING_FIELDS.items() if isinstance(f, Count)])
def test_a_counts_maximum_is_its_limit_checks(name):
    field = TRAINING_FIELDS[name]
    field.check(field.maximum)
    with pytest.raises(ValueError, match=f"at most {field.maximum:,}"):
        field.check(field.maximum + 1)


def test_the_schemas_training_section_is_the_table():
    training = SCHEMA["$defs"]["training"]
    assert training["required"] == [n for n, f in TRAINING_FIELDS.items() if not f.optional]
    assert training["additionalProperties"] is False
    assert training["properties"] == {name: f.schema() for name, f in TRAINING_FIELDS.items()}


def test_a_file_holds_every_field_in_the_tables_order_and_reads_it_back():
    config = TrainingConfig(**OTHER)
    assert list(encode_training(config).items()) == list(OTHER_IN_A_FILE.items())
    session = Session(training=config)
    text = dumps(session, **STAMP)
    assert json.loads(text)["training"] == OTHER_IN_A_FILE
    assert loads(text).training == config


def test_numbers_are_written_as_floats_whatever_they_were_given_as():
    config = TrainingConfig(learning_rate=1, momentum=0, l2=0, beta1=0, beta2=0)
    assert [type(v) for v in encode_training(config).values()] == [
        float if isinstance(f, Number) else dict if isinstance(f, Structured)
        else type(getattr(config, n)) for n, f in TRAINING_FIELDS.items()]


def test_a_file_refuses_a_wrong_value_naming_where_it_is():
    doc = json.loads(dumps(Session(), **STAMP))
    for name, bad, why in (("optimizer", "adamw", "unknown optimizer 'adamw'"),
                           ("momentum", "0.5", "expected a finite number"),
                           ("shuffle", 1, "expected true or false"),
                           ("batch_size", 0, "must be a whole number >= 1"),
                           ("l2", -1.0, "must be a finite number >= 0")):
        changed = json.loads(json.dumps(doc))
        changed["training"][name] = bad
        with pytest.raises(ValueError, match=f"^training.{name}: {why}"):
            loads(json.dumps(changed))


def test_every_flagged_field_is_a_flag_of_new_that_sets_it(tmp_path, capsys):
    from bpstudio.cli import main

    actions = new_actions()
    flagged = {name: f for name, f in TRAINING_FIELDS.items() if f.flag is not None}
    for field in flagged.values():
        action = actions[field.flag.dest]
        assert action.option_strings == [field.flag.name] and action.help == field.help()
    assert actions["optimizer"].choices == list(OPTIMIZER_KINDS)
    argv = ["new", "-o", str(tmp_path / "s.bpnet")]
    for name, field in flagged.items():
        argv += [field.flag.name, str(OTHER_AS_A_FLAG[name])]
    assert main(argv) == 0, capsys.readouterr().err
    written = loads((tmp_path / "s.bpnet").read_text(encoding="utf-8")).training
    assert {name: getattr(written, name) for name in flagged} == {n: OTHER[n] for n in flagged}


def test_the_designers_rows_are_fields_with_a_widget():
    shown = (*DESIGNER_ROWS, *ADVANCED_ROWS)
    assert set(shown) == {n for n, f in TRAINING_FIELDS.items() if f.widget}
    assert len({TRAINING_FIELDS[n].widget.object_name for n in shown}) == len(shown)


def test_a_version_4_file_without_adams_betas_reads_with_their_defaults():
    text = dumps(Session(training=TrainingConfig(optimizer="adam", learning_rate=0.01)),
                 **STAMP)
    assert "beta1" not in text and "beta2" not in text  # written only when set
    config = loads(text).training
    assert (config.beta1, config.beta2) == OPTIMIZER_KINDS["adam"].betas == (0.9, 0.999)


def test_adams_betas_other_than_their_defaults_are_written_and_read():
    config = TrainingConfig(optimizer="adam", beta1=0.5, beta2=0.75)
    assert loads(dumps(Session(training=config), **STAMP)).training == config


def test_adams_betas_reach_the_optimizer():
    optimizer = TrainingConfig(optimizer="adam", beta1=0.5, beta2=0.75).make_optimizer()
    assert (optimizer.beta1, optimizer.beta2) == (0.5, 0.75)
