"""An imported CSV table as the rows a document embeds, with the names it came with.

The header's names become the column names and the target's text labels the class names
(in label order), fitted to what a file keeps: a name longer than MAX_NAME_CHARS is cut
with an ellipsis (and, where cutting makes two class names equal, numbered so they stay
apart); an empty class name (an empty cell read as a label) is called ``(empty)``; a table
of more than MAX_COLUMN_NAMES columns keeps no column names, and the app calls its columns
``x1``, ``x2``, … as it does for generated data.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..limits import MAX_COLUMN_NAMES, MAX_NAME_CHARS
from ..session import Table
from .csv_table import ImportedTable

EMPTY_NAME = "(empty)"
"""The name of a class whose label is the empty text."""


def embedded_table(imported: ImportedTable) -> Table:
    """The rows of ``imported`` with its class and column names fitted to the limits."""
    columns = len(imported.input_names) + len(imported.target_names)
    named = columns <= MAX_COLUMN_NAMES
    return Table(
        imported.X, imported.y, imported.task,
        class_names=distinct(fitted(name or EMPTY_NAME) for name in imported.class_names),
        input_names=tuple(fitted(n) for n in imported.input_names) if named else (),
        target_names=tuple(fitted(n) for n in imported.target_names) if named else (),
    )


def fitted(name: str) -> str:
    """``name``, cut to MAX_NAME_CHARS characters with an ellipsis when longer."""
    return name if len(name) <= MAX_NAME_CHARS else name[: MAX_NAME_CHARS - 1] + "…"


def distinct(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` with any that repeats an earlier one numbered: ``'a…'``, ``'a… (2)'``
    (the number replaces the end, so the name stays within MAX_NAME_CHARS)."""
    seen: set[str] = set()
    result = []
    for name in names:
        unique, k = name, 1
        while unique in seen:
            k += 1
            suffix = f" ({k})"
            unique = name[: MAX_NAME_CHARS - len(suffix)] + suffix
        seen.add(unique)
        result.append(unique)
    return tuple(result)
