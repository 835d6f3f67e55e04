"""Showing text that came from outside (a file, a flag, a typed name) safely in a message.

A name read from a file may be 60 MB long or hold a terminal escape and a line break; a
message must stay one short line whatever it quotes. Every message that quotes such text
goes through :func:`quote`, and every message shown whole (a dialog, a line on stderr)
through :func:`shorten`.
"""

from __future__ import annotations

QUOTE_CHARS = 80
"""Quoted text longer than this is cut, with an ellipsis and its length."""
MESSAGE_CHARS = 2000
"""A message longer than this is cut in the middle."""


def quote(value: object, limit: int = QUOTE_CHARS) -> str:
    """``value`` as a quoted, escaped, one-line string of bounded length: ``'sigmod'``,
    ``'\\x1b[31mRED\\nb'``, ``'aaaa…' (60,000,000 characters)``."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"


def shorten(message: str, limit: int = MESSAGE_CHARS) -> str:
    """``message`` cut in the middle to at most about ``limit`` characters."""
    if len(message) <= limit:
        return message
    half = limit // 2
    return f"{message[:half]} … [{len(message) - limit:,} characters left out] … {message[-half:]}"
