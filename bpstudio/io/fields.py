"""Checks on values read from a file; each names where the value sits (``a.b[2].c``).

Everything read from a file passes through one of these before it reaches the core, so a
wrong type, a missing key or an out-of-range number becomes a :class:`BPFileError` that
says where it is instead of a ``TypeError`` deep inside NumPy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from ..core.text import clip, quote
from ..core.validation import suggestion
from .errors import BPFileError
from .jsonfmt import BadNumber

_FIELD_PREFIX = re.compile(r"[A-Za-z_][\w.\[\]]*: ")
FOREIGN_CHARS = 500
"""A message from below the checks (the core, NumPy) is cut to this length, on one line."""


def at(path: str, key: str | int) -> str:
    """The path of ``key`` inside ``path``: ``at("state", "epoch") == "state.epoch"``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def fail(path: str, message: str) -> BPFileError:
    return BPFileError(f"{path}: {message}" if path else message)


def describe(value: Any) -> str:
    """How a JSON value reads in a message, bounded: ``a list``, ``the text 'abc'``, ``NaN
    (JSON has no NaN or Infinity)``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, BadNumber):
        return f"{value.text} ({value.why})"
    if isinstance(value, int | float):
        return quote(value)
    if isinstance(value, str):
        return f"the text {quote(value)}"
    return "a list" if isinstance(value, list) else "an object"


def obj(path: str, value: Any, required: Iterable[str], optional: Iterable[str] = ()) -> dict:
    """``value`` if it is an object with every ``required`` key and no key beyond ``optional``."""
    if not isinstance(value, dict):
        raise fail(path, f"expected an object {{...}}, got {describe(value)}")
    required, allowed = list(required), [*required, *optional]
    for key in value:
        if key not in allowed:
            raise fail(path, f"unknown key {quote(key)}{suggestion(key, allowed)}")
    for key in required:
        if key not in value:
            raise fail(path, f"missing key '{key}'")
    return value


def array(path: str, value: Any, max_len: int | None = None) -> list:
    if not isinstance(value, list):
        raise fail(path, f"expected a list [...], got {describe(value)}")
    if max_len is not None and len(value) > max_len:
        raise fail(path, f"at most {max_len} entries are allowed, found {len(value)}")
    return value


def integer(path: str, value: Any, lo: int = 0, hi: int = 2**63 - 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(path, f"expected a whole number, got {describe(value)}")
    if not lo <= value <= hi:
        raise fail(path, f"must be between {lo} and {hi}, got {value}")
    return value


def optional_integer(path: str, value: Any, lo: int = 0, hi: int = 2**63 - 1) -> int | None:
    return None if value is None else integer(path, value, lo, hi)


def number(path: str, value: Any) -> float:
    """A finite float64; JSON integers are accepted and converted."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail(path, f"expected a finite number, got {describe(value)}")
    return float(value)


def boolean(path: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise fail(path, f"expected true or false, got {describe(value)}")
    return value


def text(path: str, value: Any, max_chars: int | None = None) -> str:
    if not isinstance(value, str):
        raise fail(path, f"expected text in quotes, got {describe(value)}")
    if max_chars is not None and len(value) > max_chars:
        raise fail(path, f"at most {max_chars} characters are allowed, found {len(value)}")
    check_text(path, value)
    return value


def check_text(path: str, value: str) -> None:
    """Refuse a lone surrogate (``"\\ud800"``): it cannot be written back as UTF-8."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise fail(path, "contains an invalid character (a lone UTF-16 surrogate)") from None


def choice(path: str, value: Any, valid: Iterable[str], what: str) -> str:
    """A name from a registry, with a hint for a near miss: ``unknown activation 'sigmod'``."""
    valid = list(valid)
    if not isinstance(value, str):
        article = "an" if what[0] in "aeiou" else "a"
        raise fail(path, f"expected the name of {article} {what}, got {describe(value)}")
    if value not in valid:
        raise fail(
            path, f"unknown {what} {quote(value)}{suggestion(value, valid)}; "
            f"valid names are {', '.join(valid)}"
        )
    return value


def numbers(path: str, value: Any, n: int, shape: str | None = None) -> np.ndarray:
    """Exactly ``n`` finite numbers from a flat list, as float64."""
    values = array(path, value)
    if len(values) != n:
        raise fail(path, f"expected {shape or n} numbers, found {len(values)}")
    for i, v in enumerate(values):
        if type(v) is not float and (type(v) is not int):
            number(at(path, i), v)
    return np.array(values, dtype=np.float64).reshape(-1)


def matrix(path: str, value: Any, rows: int, cols: int) -> np.ndarray:
    """A ``rows × cols`` float64 matrix from a list of rows."""
    value = array(path, value)
    if not all(isinstance(row, list) for row in value):
        bad = next(i for i, row in enumerate(value) if not isinstance(row, list))
        raise fail(at(path, bad), f"expected a row [...] of numbers, got {describe(value[bad])}")
    found = sum(len(row) for row in value)
    if found != rows * cols:
        raise fail(path, f"expected {rows}×{cols} numbers, found {found}")
    if len(value) != rows:
        raise fail(path, f"expected {rows} rows of {cols} numbers, found {len(value)} rows")
    out = np.empty((rows, cols), dtype=np.float64)
    for i, row in enumerate(value):
        out[i] = numbers(at(path, i), row, cols)
    return out


@contextmanager
def guard(path: str) -> Iterator[None]:
    """Turn a ``ValueError`` (or a type or range error) from the core into a file error at
    ``path``; ``"field: why"`` messages are joined as ``path.field: why``. The core quotes
    what it was given; a message from deeper down (NumPy's, Python's) is bounded here."""
    try:
        yield
    except BPFileError:
        raise
    except (ValueError, TypeError, OverflowError) as exc:
        message = clip(str(exc), FOREIGN_CHARS)
        if _FIELD_PREFIX.match(message):
            raise BPFileError(f"{path}.{message}" if path else message) from None
        raise fail(path, message) from None

