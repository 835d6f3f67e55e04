"""Strict JSON in and out: exact floats, no NaN tokens, bounded numbers, readable layout.

Reading never fails on a number: a token that is not a finite float64 or a reasonably sized
integer (``NaN``, ``Infinity``, ``1e999``, a 500-digit integer) is kept as a
:class:`BadNumber`, so the check of the field that holds it can say where it is. Writing
uses ``float.__repr__``, the shortest text that reads back as the same float64.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

from .errors import BPFileError

MAX_INT_DIGITS = 40
"""Longer integers are refused (2**128, the largest we store, has 39 digits)."""


INLINE_WIDTH = 48
"""Objects of plain values up to this many characters are written on one line."""


class BadNumber:
    """A number token that cannot be used: non-finite, out of range or too long."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text if len(text) <= 24 else f"{text[:20]}…({len(text)} characters)"

    def __repr__(self) -> str:
        return self.text


def _parse_int(text: str) -> int | BadNumber:
    return int(text) if len(text.lstrip("-")) <= MAX_INT_DIGITS else BadNumber(text)


def _parse_float(text: str) -> float | BadNumber:
    value = float(text)
    return value if math.isfinite(value) else BadNumber(text)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        duplicate = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise BPFileError(f"duplicate key '{duplicate}': every key may appear once per object")
    return out


def parse(data: bytes | str) -> Any:
    """The JSON value in ``data`` (UTF-8 bytes or text); :class:`BPFileError` if not JSON."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BPFileError(f"byte {exc.start}: not valid UTF-8 text") from None
    data = data.removeprefix("\ufeff")
    try:
        return json.loads(
            data, parse_int=_parse_int, parse_float=_parse_float,
            parse_constant=BadNumber, object_pairs_hook=_unique_keys,
        )
    except json.JSONDecodeError as exc:
        raise BPFileError(
            f"line {exc.lineno}: not valid JSON ({exc.msg} at column {exc.colno})"
        ) from None
    except RecursionError:
        raise BPFileError("not valid JSON: lists or objects are nested too deeply") from None


def dump(value: Any) -> str:
    """Indented JSON. Lists of plain values stay on one line (a weight row is one line), and
    so do short objects of plain values (``{"size": 8, "activation": "tanh"}``)."""
    return _render(value, 0) + "\n"


def _render(value: Any, level: int) -> str:
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, dict):
        if _plain(value.values()):
            flat = "{" + ", ".join(f"{_scalar(k)}: {_scalar(v)}" for k, v in value.items()) + "}"
            if len(flat) <= INLINE_WIDTH:
                return flat
        items = (f"{inner}{_scalar(k)}: {_render(v, level + 1)}" for k, v in value.items())
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if _plain(value):
            return "[" + ", ".join(_scalar(v) for v in value) + "]"
        return "[\n" + ",\n".join(inner + _render(v, level + 1) for v in value) + "\n" + pad + "]"
    return _scalar(value)


def _plain(values: Iterable[Any]) -> bool:
    return not any(isinstance(v, dict | list) for v in values)


def _scalar(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write {value} as strict JSON")
        return float.__repr__(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    raise TypeError(f"cannot write a {type(value).__name__} as JSON")
