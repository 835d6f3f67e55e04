"""The ``pinned`` section of a ``.bpnet`` file (version 5): the runs pinned for comparison.

A pinned run shares the document's data (it never embeds rows of its own): it keeps its
name, its network and training settings, the seconds it trained, the run whose start it
shares, its epoch, its history and its final weights and biases, and the weights it started
from when they were given. Its weights are one flat list in the order of the parameter
vector (every weight matrix row by row, then every bias vector), shorter than the state's
rows. It does not keep the optimizer's moments or the random generator: a pinned run is
compared, never trained further (opened, it carries a fresh optimizer state).

Totals bound the section, so the largest file stays under ``MAX_FILE_BYTES``: at most
``MAX_PINNED_RUNS`` runs, ``MAX_PINNED_PARAMETERS`` numbers of weights (and starts) and
``MAX_HISTORY_ROWS`` history rows, all runs together.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from ..limit_checks import at_most, count_parameters
from ..limits import (
    MAX_EPOCHS,
    MAX_HISTORY_ROWS,
    MAX_NAME_CHARS,
    MAX_PINNED_PARAMETERS,
    MAX_PINNED_RUNS,
)
from ..session import PinnedRun, PreparedData, Session
from .control_section import decode_seconds
from .errors import BPFileError
from .fields import array, at, fail, guard, integer, numbers, obj, text
from .history_section import decode_history, encode_history
from .network_section import check_sizes, decode_network, encode_network
from .training_section import decode_training, encode_training

PIN_KEYS = ("name", "seconds", "same_start_as", "network", "training", "epoch", "parameters",
            "start", "history")


def pinned_totals(runs: tuple[PinnedRun, ...], prepared: PreparedData) -> tuple[int, int]:
    """The numbers of weights (starts counted again) and of history rows of ``runs``, which
    the section's totals bound."""
    parameters = rows = 0
    for run in runs:
        sizes = run.session.network.layer_sizes(prepared.n_inputs, prepared.n_outputs)
        n = count_parameters(sizes, run.session.network.bias)
        parameters += n * (1 if run.session.start is None else 2)
        rows += len(run.session.history)
    return parameters, rows


def check_totals(path: str, count: int, parameters: int, rows: int) -> None:
    """``ValueError`` (``path: ...``) when the runs are more than a file keeps."""
    fix = "remove a pinned run"
    at_most(path, count, MAX_PINNED_RUNS, "pinned runs", fix)
    at_most(path, parameters, MAX_PINNED_PARAMETERS, "weights and starting weights of pinned "
            "runs together", fix)
    at_most(path, rows, MAX_HISTORY_ROWS, "history rows of pinned runs together", fix)


def encode_pinned(session: Session, prepared: PreparedData) -> list[dict[str, Any]]:
    """The section; ``BPFileError`` for a run on other data, untrained or beyond the totals."""
    runs = session.pinned
    with guard(""):
        check_totals("pinned", len(runs), *pinned_totals(runs, prepared))
    return [_encode_run(f"pinned[{i}]", run, session, prepared) for i, run in enumerate(runs)]


def _encode_run(path: str, run: PinnedRun, session: Session, prepared: PreparedData
                ) -> dict[str, Any]:
    pinned = run.session
    if pinned.data != session.data:
        raise BPFileError(f"{path}: trained on other data than the document's; only pinned "
                          "runs of the document's data are saved")
    if pinned.state is None:
        raise BPFileError(f"{path}: has not trained; only trained runs are pinned")
    sizes = pinned.network.layer_sizes(prepared.n_inputs, prepared.n_outputs)
    n = count_parameters(sizes, pinned.network.bias)
    return {
        "name": run.name,
        "seconds": float(run.seconds),
        "same_start_as": run.same_start_as,
        "network": encode_network(pinned.network, sizes),
        "training": encode_training(pinned.training),
        "epoch": int(pinned.epoch),
        "parameters": _flat(at(path, "parameters"), pinned.state.parameters, n),
        "start": None if pinned.start is None else _flat(at(path, "start"), pinned.start, n),
        "history": encode_history(pinned.history),
    }


def _flat(path: str, values: np.ndarray, n: int) -> list[float]:
    values = np.asarray(values, dtype=np.float64).reshape(-1)
    if values.size != n:
        raise BPFileError(f"{path}: the network has {n} parameters but {values.size} were given")
    if not np.isfinite(values).all():
        raise BPFileError(f"{path}: not every value is finite; only finite numbers can be saved")
    return values.tolist()


def decode_pinned(path: str, value: Any, session: Session, prepared: PreparedData
                  ) -> tuple[PinnedRun, ...]:
    """The pinned runs, on the document's ``session.data``; every run's network is checked
    against the data, its weights against its network, the totals before each run's weights
    and history are read."""
    items = array(path, value)
    with guard(""):
        check_totals(path, len(items), 0, 0)
    runs: list[PinnedRun] = []
    parameters = rows = 0
    for i, item in enumerate(items):
        where = at(path, i)
        d = obj(where, item, PIN_KEYS)
        name = _name(at(where, "name"), d["name"])
        if name in (run.name for run in runs):
            raise fail(at(where, "name"), f"a pinned run is already called '{name}'; every "
                       "pinned run needs its own name")
        same = None if d["same_start_as"] is None else _name(at(where, "same_start_as"),
                                                            d["same_start_as"])
        network, sizes = decode_network(at(where, "network"), d["network"])
        check_sizes(sizes, prepared, at(where, "network"))
        n = count_parameters(sizes, network.bias)
        given = d["start"] is not None
        parameters += n * (2 if given else 1)
        history = d["history"]
        rows += len(history["epoch"]) if isinstance(history, dict) and isinstance(
            history.get("epoch"), list) else 0
        with guard(""):
            check_totals(path, len(items), parameters, rows)
        training = decode_training(at(where, "training"), d["training"])
        epoch = integer(at(where, "epoch"), d["epoch"], 0, MAX_EPOCHS)
        weights = numbers(at(where, "parameters"), d["parameters"], n)
        start = numbers(at(where, "start"), d["start"], n) if given else None
        seconds = decode_seconds(at(where, "seconds"), d["seconds"])
        with guard(where):
            base = Session(network, session.data, training)
            state = replace(base.build(prepared, check_memory=False).trainer.state(),
                            parameters=weights, epoch=epoch,
                            history=decode_history(at(where, "history"), history, epoch),
                            seconds=seconds)
            pinned = replace(base, state=state, start=start)
        runs.append(PinnedRun(name, pinned, seconds, same))
    return tuple(runs)


def _name(path: str, value: Any) -> str:
    name = text(path, value, MAX_NAME_CHARS)
    if not name.strip():
        raise fail(path, "a pinned run needs a name, not an empty text")
    return name
