"""The learning-rate schedule and stopping rules in a ``.bpnet`` file (format version 4): the
``training`` section's ``schedule`` and ``stopping`` objects, and the state they keep
(``state.plateau``, ``state.early_stop``, ``state.seconds``).

``early_stop.best`` holds the best epoch's weights (with ``restore_best``), laid out as the
state's own weights and biases; an infinite best loss (none yet) is ``"Infinity"``.
"""

from __future__ import annotations

import math
from typing import Any

from ..control_fields import STOP_WORDS
from ..core.schedules import SCHEDULES, PlateauState, Schedule
from ..core.stopping import EarlyStopState, StopRules
from ..limits import MAX_EPOCHS, MAX_SECONDS
from .fields import at, boolean, choice, fail, guard, integer, number, obj

PLATEAU_KEYS = ("best", "wait", "factor")
EARLY_STOP_KEYS = ("best_loss", "best_epoch", "wait", "best")


def _parent(path: str) -> str:
    return path.rpartition(".")[0]


def decode_schedule(path: str, value: Any) -> Schedule:
    """A schedule object: its name, then exactly the parameters that kind takes."""
    if not isinstance(value, dict):
        obj(path, value, ("name",))
    name = choice(at(path, "name"), value.get("name"), SCHEDULES, "schedule")
    kind = SCHEDULES[name]
    d = obj(path, value, ("name", *(p.name for p in kind.params)))
    params = {p.name: integer(at(path, p.name), d[p.name]) if p.whole
              else number(at(path, p.name), d[p.name]) for p in kind.params}
    with guard(_parent(path)):
        return Schedule(name, params)


def decode_stopping(path: str, value: Any) -> StopRules:
    d = obj(path, value, STOP_WORDS.values())

    def optional(key: str) -> float | None:
        return None if d[key] is None else number(at(path, key), d[key])

    patience = None if d["patience"] is None else integer(
        at(path, "patience"), d["patience"], 1, MAX_EPOCHS)
    with guard(_parent(path)):
        return StopRules(optional("target_loss"), patience, number(at(path, "min_delta"),
                         d["min_delta"]), boolean(at(path, "restore_best"),
                         d["restore_best"]), optional("seconds"))


# -- the state they keep ------------------------------------------------------------------


def encode_loss(value: float) -> float | str:
    return "Infinity" if math.isinf(value) else float(value)


def decode_loss(path: str, value: Any) -> float:
    """A finite loss >= 0, or ``"Infinity"`` (none yet)."""
    if value == "Infinity":
        return math.inf
    loss = number(path, value)
    if loss < 0:
        raise fail(path, f"expected a loss >= 0 or \"Infinity\", got {loss}")
    return loss


def encode_plateau(state: PlateauState | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {"best": encode_loss(state.best), "wait": int(state.wait),
            "factor": float(state.factor)}


def decode_plateau(path: str, value: Any) -> PlateauState | None:
    if value is None:
        return None
    d = obj(path, value, PLATEAU_KEYS)
    factor = number(at(path, "factor"), d["factor"])
    if not 0 < factor <= 1:
        raise fail(at(path, "factor"), f"expected a number in (0, 1], got {factor}")
    return PlateauState(decode_loss(at(path, "best"), d["best"]),
                        integer(at(path, "wait"), d["wait"], 0, MAX_EPOCHS), factor)


def encode_early_stop(state: EarlyStopState | None, encode_parameters: Any
                      ) -> dict[str, Any] | None:
    """``encode_parameters(path, vector)`` lays the best weights out as the state's."""
    if state is None:
        return None
    best = state.best_parameters
    return {
        "best_loss": encode_loss(state.best_loss),
        "best_epoch": int(state.best_epoch),
        "wait": int(state.wait),
        "best": None if best is None else encode_parameters("state.early_stop.best", best),
    }


def decode_early_stop(path: str, value: Any, decode_parameters: Any) -> EarlyStopState | None:
    """``decode_parameters(path, d)``: the flat vector of ``{"weights", "biases"}``."""
    if value is None:
        return None
    d = obj(path, value, EARLY_STOP_KEYS)
    best = None
    if d["best"] is not None:
        where = at(path, "best")
        best = decode_parameters(where, obj(where, d["best"], ("weights", "biases")))
        best.setflags(write=False)
    return EarlyStopState(
        decode_loss(at(path, "best_loss"), d["best_loss"]),
        integer(at(path, "best_epoch"), d["best_epoch"], 0, MAX_EPOCHS),
        integer(at(path, "wait"), d["wait"], 0, MAX_EPOCHS), best,
    )


def decode_seconds(path: str, value: Any) -> float:
    seconds = number(path, value)
    if not 0 <= seconds <= MAX_SECONDS:
        raise fail(path, f"expected the seconds trained, from 0 to {MAX_SECONDS:,}, got "
                   f"{seconds}")
    return seconds

