"""Importing a table from a CSV file: a cheap preview, then the whole table.

::

    preview = csv_import.preview(path)           # the first 64 KiB; options detected
    preview = preview.with_options(decimal=",")  # no file access: live in a dialog
    table = csv_import.read_table(path, preview.options, target="species")

To change the target, inputs, task or missing-value choice without reading the file
again, ``parsed = parse(path, options)`` once, then ``parsed.table(target=...)`` as often as
needed. Every problem with the file is a :class:`CsvImportError`; docs/csv-import.md
describes what is detected, the options, the limits and the messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .csv_columns import Tabulator
from .csv_sniff import detect, line_end
from .csv_source import (
    CsvImportError,
    CsvOptions,
    Source,
    decode,
    detect_encoding,
    read_source,
)
from .csv_table import ColumnSummary, ImportedTable, ParsedCsv

__all__ = [
    "ColumnSummary",
    "CsvImportError",
    "CsvOptions",
    "ImportedTable",
    "ParsedCsv",
    "Preview",
    "parse",
    "preview",
    "read_table",
]

PREVIEW_BYTES = 64 * 1024
"""The preview reads this much of a file (more only if its first line is longer)."""
PREVIEW_MAX_BYTES = 2**20
PREVIEW_ROWS = 20


@dataclass(frozen=True, eq=False)
class Preview:
    """The start of a CSV file read with ``options``: the first ``rows`` as text, and in
    ``sample`` every row of the start as columns (for kinds, missing counts and a task
    guess). ``problem`` is the first thing in those rows that would stop an import.

    ``complete`` says the start is the whole file; ``size`` is the file's size in bytes.
    """

    options: CsvOptions
    rows: tuple[tuple[str, ...], ...]
    sample: ParsedCsv
    problem: str | None
    line_end: str
    size: int
    complete: bool
    head: bytes = field(repr=False)
    wanted_rows: int = field(repr=False, default=PREVIEW_ROWS)

    @property
    def columns(self) -> tuple[str, ...]:
        return self.sample.columns

    @property
    def summaries(self) -> tuple[ColumnSummary, ...]:
        return self.sample.summaries

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.sample.warnings

    def guess_task(self, target: str | Sequence[str]) -> str:
        """The task :func:`read_table` would guess, judged from the sample rows."""
        return self.sample.guess_task(target)

    def with_options(self, **changes: Any) -> Preview:
        """The same start of the file read with some options changed (no file access)."""
        return _preview(self.head, self.size, self.complete, replace(self.options, **changes),
                        self.wanted_rows)


def preview(source: Source, options: CsvOptions | None = None,
            rows: int = PREVIEW_ROWS) -> Preview:
    """The first ``rows`` of ``source`` (a path or the file's bytes) with the options
    detected (or the ``options`` given), reading at most :data:`PREVIEW_BYTES` unless the
    first line is longer. A file that cannot be a CSV file is refused here already."""
    head, size, complete = read_source(source, PREVIEW_BYTES)
    if not complete and b"\n" not in head and b"\r" not in head:
        head, size, complete = read_source(source, PREVIEW_MAX_BYTES)
    if not complete:
        end = max(head.rfind(b"\n"), head.rfind(b"\r"))
        head = head[: end + 1] if end >= 0 else head
    return _preview(head, size, complete, options, rows)


def _preview(head: bytes, size: int, complete: bool, options: CsvOptions | None,
             rows: int) -> Preview:
    encoding = detect_encoding(head) if options is None else options.encoding
    problem = None
    try:
        text = decode(head, encoding)
    except CsvImportError as exc:
        text, problem = head.decode(encoding, errors="replace"), str(exc)
    if options is None:
        options = detect(text, encoding)
    tabulator = Tabulator(options, rows)
    try:
        tabulator.run(text, partial=not complete)
    except CsvImportError as exc:
        problem = problem or str(exc)
    sample = tabulator.result()
    if not sample.columns and problem is None:
        if complete:
            raise CsvImportError("the file is empty")
        problem = f"the first {len(head):,} bytes of the file hold no rows"
    if problem is None and options.header and not len(sample.rows) and complete:
        problem = "the file has a header row but no rows of data"
    return Preview(options, tuple(tabulator.first_rows), sample, problem, line_end(text), size,
                   complete, head, rows)


def parse(source: Source, options: CsvOptions | None = None) -> ParsedCsv:
    """Every row of ``source`` read into columns with ``options`` (detected when None).

    Refused: a file over MAX_CSV_BYTES (from its size, unread), a binary one (from its
    first 64 KiB), an empty one, a row with the wrong number of fields, more than
    MAX_SAMPLES rows or MAX_CSV_CELLS cells, text the encoding cannot read."""
    data, _, _ = read_source(source)
    if options is None:
        options = preview(data).options
    tabulator = Tabulator(options)
    tabulator.run(decode(data, options.encoding))
    parsed = tabulator.result()
    if not parsed.columns:
        raise CsvImportError("the file is empty")
    if not len(parsed.rows):
        raise CsvImportError("the file has a header row but no rows of data")
    return parsed


def read_table(source: Source, options: CsvOptions | None = None, *,
               target: str | Sequence[str], inputs: Sequence[str] | None = None,
               task: str | None = None, missing: str = "refuse") -> ImportedTable:
    """The table in ``source``: :func:`parse`, then :meth:`ParsedCsv.table`.

    ``target`` names the column(s) to learn; ``inputs`` defaults to every other column that
    holds numbers; ``task`` (``classification`` or ``regression``) is guessed when None;
    ``missing`` is ``refuse`` (a missing value is an error) or ``drop`` (those rows are
    left out, and a warning says how many)."""
    return parse(source, options).table(target, inputs, task, missing)
