"""The history in a ``.bpnet`` file's state: one list per column of
:class:`~bpstudio.core.History` (``null`` where a value was not measured, NaN; the strings
``"Infinity"``/``"-Infinity"`` for one that overflowed) and the ``stride`` that says which
epochs it keeps."""

from __future__ import annotations

import math
from typing import Any

from ..core import History
from ..limit_checks import check_history_rows
from ..limits import MAX_EPOCHS
from .fields import array, at, describe, fail, guard, integer, obj

HISTORY_KEYS = (*History.COLUMNS, "stride")
_INFINITIES = {"Infinity": math.inf, "-Infinity": -math.inf}


def encode_history(history: History) -> dict[str, Any]:
    out: dict[str, Any] = {"epoch": [int(e) for e in history.epoch]}
    for column in History.COLUMNS[1:]:
        out[column] = [encode_measure(v) for v in getattr(history, column)]
    out["stride"] = int(history.stride)
    return out


def encode_measure(value: float) -> float | str | None:
    value = float(value)
    if math.isnan(value):
        return None
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def decode_history(path: str, value: Any, epoch: int) -> History:
    d = obj(path, value, HISTORY_KEYS)
    stride = integer(at(path, "stride"), d["stride"], 1, MAX_EPOCHS)
    if stride & (stride - 1):
        raise fail(at(path, "stride"), f"expected a power of two (1, 2, 4, ...), got {stride}")
    columns = [array(at(path, c), d[c]) for c in History.COLUMNS]
    length = len(columns[0])
    with guard(""):  # before a single row is read
        check_history_rows(path, length)
    for name, column in zip(History.COLUMNS, columns):
        if len(column) != length:
            raise fail(
                at(path, name), f"has {len(column)} entries but epoch has {length}; "
                "every column needs one entry per row"
            )
    epochs = [integer(at(at(path, "epoch"), i), e, 0, epoch) for i, e in enumerate(columns[0])]
    decoded = [
        [decode_measure(at(at(path, name), i), v) for i, v in enumerate(column)]
        for name, column in zip(History.COLUMNS[1:], columns[1:])
    ]
    for i, rate in enumerate(decoded[-1]):  # as an optimizer takes it, or not recorded
        if not (math.isnan(rate) or 0 < rate < math.inf):
            raise fail(at(at(path, "learning_rate"), i),
                       f"expected a learning rate > 0 or null (not recorded), got {rate}")
    return History(epochs, *decoded, stride=stride)


def decode_measure(path: str, value: Any) -> float:
    if value is None:
        return math.nan
    if isinstance(value, str) and value in _INFINITIES:
        return _INFINITIES[value]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail(
            path, f"expected a number, null (not measured) or \"Infinity\", got {describe(value)}"
        )
    return float(value)
