"""Older files load through one migration step per version; newer ones are refused."""

import json
import math
from dataclasses import replace

import numpy as np
import pytest

from bpstudio.examples import EXAMPLES
from bpstudio.io import VERSION, BPFileError, dumps, loads
from bpstudio.io.data import NAME_KEYS
from bpstudio.io.migrations import (
    STEPS,
    migrate,
    migrate_0_to_1,
    migrate_1_to_2,
    migrate_2_to_3,
    migrate_3_to_4,
)

from .conftest import assert_states_identical, named_table_session, table_session, text_of, train


def as_version_3(doc):
    """Version 3 kept no names of embedded rows, had no schedule and no stopping rules
    beyond the epoch limit, and did not record the learning rate of a history row."""
    old = json.loads(json.dumps(doc))
    old["version"] = 3
    for key in NAME_KEYS:
        old["data"].get("table", {}).pop(key, None)
    assert old["training"].pop("schedule") == {"name": "constant"}
    assert old["training"].pop("stopping") == {"target_loss": None, "patience": None,
                                               "min_delta": 0.0, "restore_best": False,
                                               "seconds": None}
    if old["state"] is not None:
        assert [old["state"].pop(k) for k in ("plateau", "early_stop")] == [None, None]
        old["state"].pop("seconds")
        old["state"]["history"].pop("learning_rate")
    return old


def as_version_2(doc):
    """Version 2 stopped only between epochs and kept every epoch's history row."""
    old = as_version_3(doc)
    old["version"] = 2
    if old["state"] is not None:
        assert old["state"].pop("progress") is None
        assert old["state"]["history"].pop("stride") == 1
    return old


def as_version_1(doc):
    """Version 1 had no ``start``."""
    old = as_version_2(doc)
    old["version"] = 1
    del old["start"]
    return old


def as_version_0(doc):
    """The draft format: app version under another name, generator integers as numbers."""
    old = as_version_1(doc)
    old["version"] = 0
    old["bpstudio_version"] = old.pop("app_version")
    rng = old["state"]["rng"]
    rng["state"], rng["inc"] = int(rng["state"]), int(rng["inc"])
    return old


def test_every_older_version_has_a_step():
    assert sorted(STEPS) == list(range(VERSION))


def unrecorded(session):
    """``session`` as an older file keeps it: no learning rates in the history, no time."""
    history = session.state.history.copy()
    history.learning_rate = [math.nan] * len(history)
    return session.with_state(replace(session.state, history=history, seconds=0.0))


@pytest.mark.parametrize("as_old", [as_version_0, as_version_1, as_version_2, as_version_3])
def test_an_older_file_loads_into_the_same_session(trained, as_old):
    loaded = loads(json.dumps(as_old(json.loads(dumps(trained)))))
    assert_states_identical(loaded.state, unrecorded(trained).state)
    assert text_of(loaded) == text_of(unrecorded(trained))


def test_the_0_to_1_step_changes_only_what_version_1_changed(trained):
    doc = json.loads(dumps(trained))
    old = as_version_0(doc)
    assert '"state": "' not in json.dumps(old).split('"rng"')[1][:80]  # JSON numbers there
    new = migrate_0_to_1(old)
    assert new["app_version"] == doc["app_version"]
    assert new["state"]["rng"] == doc["state"]["rng"]
    assert {k: v for k, v in new.items() if k not in ("state", "version", "training")} == \
        {k: v for k, v in doc.items() if k not in ("state", "version", "start", "training")}
    assert old["state"]["rng"]["state"] != doc["state"]["rng"]["state"]  # input not modified


def test_a_version_0_file_without_state_migrates(trained):
    doc = json.loads(dumps(trained.with_state(None)))
    doc["version"] = 0
    doc["bpstudio_version"] = doc.pop("app_version")
    assert migrate(doc)["version"] == VERSION
    assert loads(json.dumps(doc)).state is None


def test_a_newer_file_says_update():
    doc = {"format": "bpstudio-network", "version": VERSION + 1}
    with pytest.raises(BPFileError, match=rf"made by a newer BP Studio \(file version "
                                          rf"{VERSION + 1}, this app reads up to {VERSION}\)"):
        loads(json.dumps(doc))


def test_a_version_1_file_after_training_starts_from_the_seed(trained):
    doc = json.loads(dumps(trained))
    old = as_version_1(doc)
    assert migrate_1_to_2(old)["start"] is None and "start" not in old  # input not modified
    loaded = loads(json.dumps(old))
    assert loaded.start is None
    assert_states_identical(loaded.state, unrecorded(trained).state)


def test_a_version_1_file_at_epoch_0_keeps_its_given_weights_as_the_start():
    # a worked example saved by version 1: its state at epoch 0 held the article's weights
    example = EXAMPLES["two_input"]()
    loaded = loads(json.dumps(as_version_1(json.loads(dumps(example)))))
    assert loaded.start.tobytes() == example.start.tobytes() == \
        example.state.parameters.tobytes()


def test_the_2_to_3_step_changes_only_what_version_3_changed(trained):
    doc = json.loads(dumps(trained))
    old = as_version_2(doc)
    assert "progress" not in json.dumps(old) and '"stride"' not in json.dumps(old)
    new = migrate_2_to_3(old)
    assert {**new, "version": 3} == as_version_3(doc)
    loaded = loads(json.dumps(old))
    assert loaded.state.progress is None and loaded.state.history.stride == 1
    assert "progress" not in old["state"] and "stride" not in old["state"]["history"]  # as it was


def test_a_version_2_file_without_state_migrates(trained):
    old = as_version_2(json.loads(dumps(trained.with_state(None))))
    assert migrate_2_to_3(old)["state"] is None
    assert loads(json.dumps(old)).state is None


def test_the_3_to_4_step_adds_a_constant_rate_no_rules_and_unrecorded_rates(trained):
    doc = json.loads(dumps(trained))
    old = as_version_3(doc)
    new = migrate_3_to_4(old)
    assert "schedule" not in old["training"] and "plateau" not in old["state"]  # as it was
    assert new["training"] == doc["training"]
    assert new["state"]["history"]["learning_rate"] == [None] * 4
    assert {k: v for k, v in new["state"].items() if k not in ("history", "seconds")} == {
        k: v for k, v in doc["state"].items() if k not in ("history", "seconds")}
    assert new["state"]["seconds"] == 0.0


def test_a_version_3_file_without_state_migrates(trained):
    old = as_version_3(json.loads(dumps(trained.with_state(None))))
    assert migrate_3_to_4(old)["state"] is None
    assert loads(json.dumps(old)).training == trained.training


@pytest.mark.parametrize("make", [table_session, named_table_session])
def test_a_version_3_table_loads_without_names(make):
    session = train(make(), 2)
    old = as_version_3(json.loads(dumps(session)))
    assert not any(key in json.dumps(old) for key in NAME_KEYS)
    loaded = loads(json.dumps(old))
    assert_states_identical(loaded.state, unrecorded(session).state)
    table = loaded.data.table
    assert (table.class_names, table.input_names, table.target_names) == ((), (), ())
    np.testing.assert_array_equal(table.X, session.data.table.X)


def test_the_3_to_4_step_adds_only_empty_names_to_a_table(trained):
    doc = json.loads(dumps(table_session()))
    old = as_version_3(doc)
    new = migrate_3_to_4(old)
    assert {**new, "version": VERSION} == {**doc, "version": VERSION}
    assert new["data"]["table"] == {**old["data"]["table"], **{key: [] for key in NAME_KEYS}}
    assert "input_names" not in old["data"]["table"]  # input not modified
    generated = as_version_3(json.loads(dumps(trained)))
    assert migrate_3_to_4(generated)["data"] == generated["data"]
