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

from ..core.text import clip, quote
from .errors import BPFileError

MAX_INT_DIGITS = 40
"""Longer integers are refused (2**128, the largest we store, has 39 digits)."""
TOKEN_CHARS = 24
"""A bad number token is shown in messages up to this many characters."""


INLINE_WIDTH = 48
"""Objects of plain values up to this many characters are written on one line."""


class BadNumber:
    """A number token that cannot be used (non-finite, out of range or too long): its text,
    cut to :data:`TOKEN_CHARS`, and why it cannot be used."""

    __slots__ = ("text", "why")

    def __init__(self, text: str, why: str = "JSON has no NaN or Infinity") -> None:
        self.text = clip(text, TOKEN_CHARS)
        self.why = why

    def __repr__(self) -> str:
        return self.text


def _parse_int(text: str) -> int | BadNumber:
    if len(text.lstrip("-")) <= MAX_INT_DIGITS:
        return int(text)
    return BadNumber(text, f"whole numbers have at most {MAX_INT_DIGITS} digits")


def _parse_float(text: str) -> float | BadNumber:
    value = float(text)
    return value if math.isfinite(value) else BadNumber(text, "too large for a float64")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        duplicate = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise BPFileError(
            f"duplicate key {quote(duplicate)}: every key may appear once per object"
        )
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
        # json's own words end in "at" where they name a place ("Unterminated string
        # starting at"); the column completes them
        what = exc.msg.removesuffix(" at")
        raise BPFileError(f"line {exc.lineno}: not valid JSON ({what} at column {exc.colno})"
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
