"""The ``state`` section of a ``.bpnet`` file: where training stands.

Weights and biases are written per layer (a weight matrix as a list of rows); optimizer
arrays are flat, in the order of the parameter vector (every weight matrix row by row, then
every bias vector). The random generator's 128-bit integers are decimal strings, so no JSON
parser rounds them. ``progress`` is where training stands inside an epoch (``null`` between
epochs). In the history, ``null`` means "not measured" (NaN; a learning rate: not
recorded); its ``stride`` says which epochs it keeps. The schedule's and early stopping's
state: :mod:`.control_section`.
"""

from __future__ import annotations

import math
import re
from itertools import pairwise
from typing import Any

import numpy as np

from ..core import TrainerState, make_optimizer
from ..core.optimizers import CONFIG_KEYS, OPTIMIZERS
from ..core.trainer import EpochProgress
from ..limit_checks import count_parameters
from .control_section import (
    decode_early_stop,
    decode_plateau,
    decode_seconds,
    encode_early_stop,
    encode_plateau,
)
from .errors import BPFileError
from .fields import (
    array,
    at,
    choice,
    describe,
    fail,
    guard,
    integer,
    matrix,
    number,
    numbers,
    obj,
)
from .history_section import decode_history, decode_measure, encode_history, encode_measure

STATE_KEYS = (
    "epoch", "weights", "biases", "optimizer", "optimizer_state", "rng", "progress", "history",
    "plateau", "early_stop", "seconds",
)
PROGRESS_KEYS = ("samples", "loss_sum")
START_KEYS = ("weights", "biases")
RNG_KEYS = ("bit_generator", "state", "inc", "has_uint32", "uinteger")
_DECIMAL = re.compile(r"\d{1,39}")


def layer_shapes(sizes: list[int]) -> list[tuple[int, int]]:
    return list(pairwise(sizes))


def encode_parameters(path: str, params: np.ndarray, sizes: list[int], bias: bool
                      ) -> dict[str, list]:
    """``{"weights": [...], "biases": [...]}``: a flat parameter vector per layer."""
    params = np.asarray(params, dtype=np.float64)
    n = count_parameters(sizes, bias)
    if params.shape != (n,):
        raise BPFileError(
            f"{path}: the network has {n} parameters but {params.size} were given"
        )
    _check_finite(path, params)
    weights, biases = _split(params, sizes, bias)
    return {"weights": [W.tolist() for W in weights], "biases": [b.tolist() for b in biases]}


def decode_parameters(path: str, d: dict[str, Any], sizes: list[int], bias: bool) -> np.ndarray:
    """The flat parameter vector of ``d["weights"]`` and ``d["biases"]``, shapes checked."""
    weights = array(at(path, "weights"), d["weights"])
    shapes = layer_shapes(sizes)
    if len(weights) != len(shapes):
        raise fail(at(path, "weights"), f"expected {len(shapes)} matrices, found {len(weights)}")
    parts = [
        matrix(at(at(path, "weights"), l), W, i, o).reshape(-1)
        for l, (W, (i, o)) in enumerate(zip(weights, shapes))
    ]
    biases = array(at(path, "biases"), d["biases"])
    n_biases = len(shapes) if bias else 0
    if len(biases) != n_biases:
        hint = "" if bias else " (the network has no biases)"
        raise fail(at(path, "biases"), f"expected {n_biases} vectors, found {len(biases)}{hint}")
    parts += [numbers(at(at(path, "biases"), l), b, o) for l, (b, (_, o)) in enumerate(
        zip(biases, shapes))]
    return np.concatenate(parts)


def encode_state(state: TrainerState, sizes: list[int], bias: bool) -> dict[str, Any]:
    parameters = encode_parameters("state.parameters", state.parameters, sizes, bias)
    return {
        "epoch": int(state.epoch),
        **parameters,
        "optimizer": dict(state.optimizer),
        "optimizer_state": _encode_optimizer_state(state.optimizer_state, state.parameters.size),
        "rng": _encode_rng(state.rng_state),
        "progress": _encode_progress(state.progress),
        "history": encode_history(state.history),
        "plateau": encode_plateau(state.plateau),
        "early_stop": encode_early_stop(
            state.early_stop, lambda path, p: encode_parameters(path, p, sizes, bias)),
        "seconds": float(state.seconds),
    }


def decode_state(path: str, value: Any, sizes: list[int], bias: bool) -> TrainerState:
    d = obj(path, value, STATE_KEYS)
    epoch = integer(at(path, "epoch"), d["epoch"])
    params = decode_parameters(path, d, sizes, bias)
    optimizer, optimizer_state = _decode_optimizer(path, d, params.size)
    return TrainerState(
        parameters=params,
        optimizer=optimizer,
        optimizer_state=optimizer_state,
        rng_state=_decode_rng(at(path, "rng"), d["rng"]),
        epoch=epoch,
        history=decode_history(at(path, "history"), d["history"], epoch),
        progress=_decode_progress(at(path, "progress"), d["progress"]),
        plateau=decode_plateau(at(path, "plateau"), d["plateau"]),
        early_stop=decode_early_stop(at(path, "early_stop"), d["early_stop"],
                                     lambda where, p: decode_parameters(where, p, sizes, bias)),
        seconds=decode_seconds(at(path, "seconds"), d["seconds"]),
    )


def encode_start(start: np.ndarray, sizes: list[int], bias: bool) -> dict[str, list]:
    """The ``start`` section: given starting weights, laid out as the state's."""
    return encode_parameters("start", start, sizes, bias)


def decode_start(path: str, value: Any, sizes: list[int], bias: bool) -> np.ndarray:
    """The flat starting parameter vector of a ``start`` section, shapes checked."""
    return decode_parameters(path, obj(path, value, START_KEYS), sizes, bias)


def _split(params: np.ndarray, sizes: list[int], bias: bool):
    weights, start = [], 0
    for i, o in layer_shapes(sizes):
        weights.append(params[start:start + i * o].reshape(i, o))
        start += i * o
    biases = []
    for o in sizes[1:] if bias else []:
        biases.append(params[start:start + o])
        start += o
    return weights, biases


def _check_finite(path: str, values: np.ndarray) -> None:
    bad = np.flatnonzero(~np.isfinite(values))
    if bad.size:
        raise BPFileError(
            f"{path}: value {values[bad[0]]} at index {bad[0]} is not finite; "
            "only finite numbers can be saved"
        )


# -- optimizer ----------------------------------------------------------------------------


def _encode_optimizer_state(state: dict[str, Any], n: int) -> dict[str, Any]:
    out: dict[str, Any] = {"t": int(state["t"])}
    for name, arr in state.items():
        if name == "t":
            continue
        if arr is not None:
            arr = np.asarray(arr, dtype=np.float64).reshape(-1)
            if arr.size != n:
                raise BPFileError(
                    f"state.optimizer_state.{name}: expected {n} numbers, found {arr.size}"
                )
            _check_finite(f"state.optimizer_state.{name}", arr)
            arr = arr.tolist()
        out[name] = arr
    return out


def _decode_optimizer(path: str, d: dict, n: int) -> tuple[dict[str, Any], dict[str, Any]]:
    where = at(path, "optimizer")
    config = obj(where, d["optimizer"], ("name",), CONFIG_KEYS)
    choice(at(where, "name"), config["name"], OPTIMIZERS, "optimizer")
    for key, value in config.items():
        if key != "name" and not isinstance(value, bool):
            number(at(where, key), value)
    with guard(where):
        optimizer = make_optimizer(config)
    names = [k for k in optimizer.state() if k != "t"]
    where = at(path, "optimizer_state")
    raw = obj(where, d["optimizer_state"], ("t", *names))
    state: dict[str, Any] = {"t": integer(at(where, "t"), raw["t"])}
    for name in names:
        value = raw[name]
        state[name] = None if value is None else numbers(at(where, name), value, n)
    return optimizer.config(), state


# -- random generator ---------------------------------------------------------------------


def _encode_rng(state: dict[str, Any]) -> dict[str, Any]:
    return {
        "bit_generator": state["bit_generator"],
        "state": str(state["state"]["state"]),
        "inc": str(state["state"]["inc"]),
        "has_uint32": int(state["has_uint32"]),
        "uinteger": int(state["uinteger"]),
    }


def _decode_rng(path: str, value: Any) -> dict[str, Any]:
    d = obj(path, value, RNG_KEYS)
    choice(at(path, "bit_generator"), d["bit_generator"], ("PCG64",), "bit generator")
    big = {}
    for key in ("state", "inc"):
        text = d[key]
        if not isinstance(text, str) or not _DECIMAL.fullmatch(text) or int(text) >= 2**128:
            raise fail(
                at(path, key), f"expected a whole number 0 <= n < 2**128 written as a decimal "
                f"string, got {describe(text)}"
            )
        big[key] = int(text)
    state = {
        "bit_generator": "PCG64",
        "state": big,
        "has_uint32": integer(at(path, "has_uint32"), d["has_uint32"], 0, 1),
        "uinteger": integer(at(path, "uinteger"), d["uinteger"], 0, 2**32 - 1),
    }
    with guard(path):
        probe = np.random.PCG64(0)
        probe.state = state
    return state


# -- progress inside an epoch -------------------------------------------------------------


def _encode_progress(progress: EpochProgress | None) -> dict[str, Any] | None:
    if progress is None:
        return None
    return {"samples": int(progress.samples), "loss_sum": encode_measure(progress.loss_sum)}


def _decode_progress(path: str, value: Any) -> EpochProgress | None:
    if value is None:
        return None
    d = obj(path, value, PROGRESS_KEYS)
    samples = integer(at(path, "samples"), d["samples"], 1)
    loss_sum = decode_measure(at(path, "loss_sum"), d["loss_sum"])
    if math.isnan(loss_sum):
        raise fail(at(path, "loss_sum"), "expected the summed loss of the samples done, got null")
    return EpochProgress(samples, loss_sum)
