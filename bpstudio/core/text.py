"""Showing text that came from outside (a file, a flag, a typed name) safely in a message.

A name read from a file may be 60 MB long or hold a terminal escape, a bidi override or a
line break; a message must stay one short line whatever it quotes, and building it must
cost little. Every message that quotes such text goes through :func:`quote`, and every
message shown whole (a dialog, a line on stderr) through :func:`shorten`.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable
from typing import Any

QUOTE_CHARS = 80
"""Quoted text longer than this is cut, with an ellipsis and its length."""
MESSAGE_CHARS = 2000
"""A message longer than this is cut in the middle."""
_DEPTH = 3
"""Containers nested deeper than this are shown as ``[…]``."""


def quote(value: object, limit: int = QUOTE_CHARS) -> str:
    """``value`` as a quoted, escaped, one-line string of bounded length: ``'sigmod'``,
    ``'\\x1b[31mRED\\nb'``, ``'aaaa'… (60,000,000 characters)``.

    Text (and a path) is escaped as :func:`repr` does (control characters, line breaks,
    bidi overrides and lone surrogates become ``\\x1b``, ``\\n``, ``\\u202e``, ``\\ud800``)
    and cut where its escaped form passes ``limit`` characters, with an ellipsis and its
    full length. Any other value
    is shown as its ``repr`` (``12``, ``None``, ``[1, 2]``), made cheaply and just as
    bounded: a container by its first items and its length, a huge whole number by its
    number of digits.
    """
    return _shown(value, limit, depth=0)


def _shown(value: object, limit: int, depth: int) -> str:
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if isinstance(value, str):
        return _cut(value, limit, repr)
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        digits = math.floor(value.bit_length() * math.log10(2)) + 1
        return f"{'-' if value < 0 else ''}a whole number of about {digits:,} digits"
    if isinstance(value, bytes | bytearray):
        return _cut(value, limit, lambda part: repr(bytes(part)), "bytes")
    if isinstance(value, list | tuple | dict):
        return _container(value, limit, depth)
    return _cut(_one_line(repr(value)), limit, str)


def shorten(message: str, limit: int = MESSAGE_CHARS) -> str:
    """``message`` cut in the middle to at most about ``limit`` characters, with anything
    that could move the cursor, reorder or break a line or fail to print shown escaped
    (``\\x1b``, ``\\u202e``, ``\\ud800``); line breaks and tabs stay. Costs little however
    long ``message`` is."""
    if len(message) > limit:
        half = limit // 2
        left_out = f" … [{len(message) - 2 * half:,} characters left out] … "
        message = f"{message[:half]}{left_out}{message[-half:]}"
    return _escaped(message, keep="\n\t")


def clip(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` on one line and cut like :func:`quote`, without the quotes: for text that is
    not a name, such as a number token from a file (``1111… (60 characters)``)."""
    return _cut(text, limit, _one_line)


def _cut(text: str | bytes | bytearray, limit: int, show: Callable[[Any], str],
         unit: str = "characters") -> str:
    """``show(text)`` if its escaped form fits in ``limit`` characters, else ``show`` of the
    longest start that does, an ellipsis and the whole length."""
    width, end = 0, min(len(text), limit)
    for i, item in enumerate(text[:limit]):
        width += _width(item)
        if width > limit:
            end = i
            break
    if end == len(text):
        return show(text)
    return f"{show(text[:end])}… ({len(text):,} {unit})"


def _width(item: str | int) -> int:
    """How many characters a character (or a byte) may take once escaped (``'`` is, when
    the text holds ``"`` too)."""
    if isinstance(item, int):
        return 2 if item in b"\\'" else 1 if 32 <= item < 127 else 4
    if item in "\\'":
        return 2
    return 1 if item.isprintable() else len(repr(item)) - 2


def _one_line(text: str) -> str:
    return _escaped(text, keep="")


def _escaped(text: str, keep: str) -> str:
    """``text`` with every character :func:`repr` would escape shown escaped, but ``keep``."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c in keep else repr(c)[1:-1] for c in text)


def _container(value: list | tuple | dict, limit: int, depth: int) -> str:
    """A container's ``repr`` made from its first items only, until ``limit`` is passed, and
    its first :data:`_DEPTH` levels only."""
    if depth == _DEPTH and value:
        return "[…]" if isinstance(value, list) else "(…)" if isinstance(value, tuple) else "{…}"
    items: Iterable[str] = (
        (f"{_shown(k, limit, depth + 1)}: {_shown(v, limit, depth + 1)}"
         for k, v in value.items())
        if isinstance(value, dict) else (_shown(v, limit, depth + 1) for v in value)
    )
    parts, length = [], 0
    for part in items:
        if length > limit:
            parts.append("…")
            break
        parts.append(part)
        length += len(part) + 2
    inside = ", ".join(parts) + ("," if isinstance(value, tuple) and len(value) == 1 else "")
    brackets = "[]" if isinstance(value, list) else "()" if isinstance(value, tuple) else "{}"
    shown = f"{brackets[0]}{inside}{brackets[1]}"
    return shown if parts[-1:] != ["…"] else f"{shown} ({len(value):,} items)"
