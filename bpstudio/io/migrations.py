"""Bring an older ``.bpnet`` document up to the current version, one step at a time.

Each step is a function ``migrate_N_to_M(doc) -> doc`` on the parsed JSON, registered in
:data:`STEPS` under the version it reads. A step changes only what its version changed and
leaves anything unexpected alone: the checks after migration report it with its path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import BPFileError
from .fields import describe

FORMAT = "bpstudio-network"
VERSION = 5
"""The version this app writes; it reads every version from 0 up to this one."""


def migrate_0_to_1(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (the draft format) named the app version ``bpstudio_version`` and wrote the
    random generator's 128-bit integers as JSON numbers, which many parsers round; version 1
    writes them as decimal strings."""
    doc = dict(doc)
    if "bpstudio_version" in doc:
        doc["app_version"] = doc.pop("bpstudio_version")
    state = doc.get("state")
    if isinstance(state, dict) and isinstance(state.get("rng"), dict):
        rng = dict(state["rng"])
        for key in ("state", "inc"):
            if isinstance(rng.get(key), int) and not isinstance(rng[key], bool):
                rng[key] = str(rng[key])
        doc["state"] = {**state, "rng": rng}
    return doc


def migrate_1_to_2(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 2 keeps the weights training started from when they were given (``start``).
    A version-1 file kept them only as long as it stayed at epoch 0, so such a state's
    weights are its start; any other file's start is ``null`` (the seed draws it)."""
    doc = dict(doc)
    state = doc.get("state")
    given = isinstance(state, dict) and state.get("epoch") == 0
    doc["start"] = {key: state.get(key) for key in ("weights", "biases")} if given else None
    return doc


def migrate_2_to_3(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 3 can stop inside an epoch (``state.progress``) and bounds the history by
    keeping every ``stride``-th epoch. A version-2 state stood between epochs, and its
    history kept every epoch: ``"progress": null`` and ``"stride": 1``."""
    doc = dict(doc)
    state = doc.get("state")
    if isinstance(state, dict):
        state = {**state, "progress": None}
        if isinstance(state.get("history"), dict):
            state["history"] = {**state["history"], "stride": 1}
        doc["state"] = state
    return doc


def _table_names_3_to_4(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 4 keeps the names of embedded rows' columns and classes (``data.table``'s
    ``input_names``, ``target_names``, ``class_names``); a version-3 table had none: ``[]``."""
    doc = dict(doc)
    data = doc.get("data")
    if isinstance(data, dict) and isinstance(data.get("table"), dict):
        names = {"input_names": [], "target_names": [], "class_names": []}
        doc["data"] = {**data, "table": {**names, **data["table"]}}
    return doc


def _training_control_3_to_4(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 4 has learning-rate schedules and stopping rules: the training section's
    ``schedule`` and ``stopping``, the state they keep (``plateau``, ``early_stop``,
    ``seconds``) and the learning rate of each history row. A version-3 file trained with a
    constant rate and no rules beyond its epoch limit; the rates of its rows were not
    recorded (``null``), and its time trained counts from 0."""
    doc = dict(doc)
    training = doc.get("training")
    if isinstance(training, dict):
        doc["training"] = {**training, "schedule": {"name": "constant"}, "stopping": {
            "target_loss": None, "patience": None, "min_delta": 0.0, "restore_best": False,
            "seconds": None}}
    state = doc.get("state")
    if isinstance(state, dict):
        state = {**state, "plateau": None, "early_stop": None, "seconds": 0.0}
        history = state.get("history")
        if isinstance(history, dict) and isinstance(history.get("epoch"), list):
            state["history"] = {**history, "learning_rate": [None] * len(history["epoch"])}
        doc["state"] = state
    return doc


def migrate_3_to_4(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 4: the names of embedded rows (:func:`_table_names_3_to_4`), learning-rate
    schedules and stopping rules (:func:`_training_control_3_to_4`)."""
    return _training_control_3_to_4(_table_names_3_to_4(doc))


def migrate_4_to_5(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 5 saves the runs pinned for comparison (``pinned``); a version-4 document
    had none: ``[]``."""
    return {**doc, "pinned": []}


STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: migrate_0_to_1, 1: migrate_1_to_2, 2: migrate_2_to_3, 3: migrate_3_to_4,
    4: migrate_4_to_5,
}


def file_version(doc: dict[str, Any]) -> int:
    """The checked ``version`` of a parsed document."""
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise BPFileError(f"version: expected a whole number >= 0, got {describe(version)}")
    if version > VERSION:
        raise BPFileError(
            f"version: made by a newer BP Studio (file version {version}, this app reads up "
            f"to {VERSION}); update BP Studio to open it"
        )
    return version


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` brought up to :data:`VERSION`."""
    version = file_version(doc)
    while version < VERSION:
        doc = STEPS[version](doc)
        version += 1
        doc["version"] = version
    return doc
