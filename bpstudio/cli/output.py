"""What the commands print: one escaped line each, messages shortened, and the exit codes."""

from __future__ import annotations

import sys

from ..core.text import QUOTE_CHARS, quote, shorten

INTERRUPTED = 130
"""The exit code after Ctrl-C."""


def escaped(text: str) -> str:
    """``text`` with each character a terminal would act on (a line break, an escape)
    written as its Python escape, so a printed line stays one harmless line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def shown(text: str, limit: int = QUOTE_CHARS) -> str:
    """Text from a file as it is when it is one printable line of at most ``limit``
    characters, else quoted and escaped (:func:`bpstudio.core.text.quote`)."""
    return text if text.isprintable() and len(text) <= limit else quote(text)


def show(line: str) -> None:
    print(escaped(line))


def say(message: str) -> None:
    """A message on stderr: one line, escaped, shortened."""
    print(shorten(escaped(message)), file=sys.stderr)


def fail(path: str, problem: object) -> int:
    say(f"bpstudio: {path}: {problem}")
    return 1
