"""The records of a CSV file as named columns, checked as they are read.

Every data row must have the header's number of fields (extra empty fields, as left by a
trailing delimiter, are ignored); rows whose cells are all empty are skipped like blank
lines but still counted, so row numbers stay those a spreadsheet shows. Reading stops as
soon as the rows or cells pass their limits.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

import numpy as np

from ..core.text import quote
from ..limits import MAX_CSV_CELLS, MAX_SAMPLES
from .csv_cells import ColumnBuilder, NumberFormat
from .csv_source import DELIMITERS, CsvImportError, CsvOptions, records
from .csv_table import ParsedCsv

CHUNK_CELLS = 1 << 16
"""Cells read and converted at a time: few enough that their Python strings stay small."""


class Tabulator:
    """Reads records into columns; after a problem, :meth:`result` still gives the rows
    read before it (the preview shows them)."""

    def __init__(self, options: CsvOptions, keep_rows: int = 0) -> None:
        self.options, self.keep_rows = options, keep_rows
        self.number = NumberFormat(options.decimal, options.thousands, options.missing_markers)
        self.names: tuple[str, ...] = ()
        self.warnings: list[str] = []
        self.builders: list[ColumnBuilder] = []
        self.rows: list[int] = []
        self.first_rows: list[tuple[str, ...]] = []
        self.blank = 0
        self.width_from = "the header has"

    def run(self, text: str, partial: bool = False) -> None:
        """Read every record of ``text``, a batch of rows at a time: a batch of rows that
        all have the right number of fields goes to the columns as it is."""
        fields_of = records(text, self.options, partial)
        row = 0
        for fields in fields_of:
            row += 1
            if not self._is_blank(row, fields):
                self._start(row, fields)
                if not self.options.header:
                    self._take([row], [fields])
                break
        width = len(self.builders)
        batch_rows = max(1, CHUNK_CELLS // max(width, 1))
        while batch := list(islice(fields_of, batch_rows)):
            first, row = row + 1, row + len(batch)
            if set(map(len, batch)) == {width} and all(map(str.strip, map("".join, batch))):
                self._take(range(first, row + 1), batch)
            else:
                self._take_checked(first, batch)

    def result(self) -> ParsedCsv:
        return ParsedCsv(self.options, self.names, np.array(self.rows, np.int64),
                         tuple(self.warnings), tuple(b.build() for b in self.builders))

    def _is_blank(self, row: int, fields: list[str]) -> bool:
        if fields and "".join(fields).strip():
            return False
        self.blank += 1
        if self.blank > MAX_SAMPLES:
            raise CsvImportError(f"row {row:,}: more than {MAX_SAMPLES:,} empty rows "
                                 "(MAX_SAMPLES): is this a CSV file?")
        return True

    def _start(self, row: int, fields: list[str]) -> None:
        width = len(fields)
        if width > MAX_CSV_CELLS:
            raise CsvImportError(f"row {row:,}: {width:,} fields are more than "
                                 f"{MAX_CSV_CELLS:,} cells (MAX_CSV_CELLS)")
        raw = [f.strip() for f in fields] if self.options.header else [""] * width
        self.names = tuple(_unique_names(raw, self.warnings))
        self.builders = [ColumnBuilder(self.number) for _ in range(width)]
        if not self.options.header:
            self.width_from = f"row {row:,} has"

    def _take_checked(self, first: int, batch: list[list[str]]) -> None:
        """Skip the blank rows of ``batch``, cut empty trailing fields, refuse a row with
        the wrong number of fields (the rows before it are taken first)."""
        width = len(self.builders)
        rows, kept = [], []
        for row, fields in enumerate(batch, start=first):
            if self._is_blank(row, fields):
                continue
            if len(fields) != width:
                if len(fields) < width or "".join(fields[width:]).strip():
                    self._take(rows, kept)
                    delimiter = DELIMITERS[self.options.delimiter]
                    raise CsvImportError(
                        f"row {row:,} has {len(fields):,} fields, but {self.width_from} "
                        f"{width:,}: check the delimiter (now {delimiter}) and the quotes on "
                        "that row")
                fields = fields[:width]
            rows.append(row)
            kept.append(fields)
        self._take(rows, kept)

    def _take(self, rows: Sequence[int], batch: list[list[str]]) -> None:
        n, width = len(self.rows) + len(batch), len(self.builders)
        if n > MAX_SAMPLES:
            raise CsvImportError(f"the file has more than {MAX_SAMPLES:,} rows of data; at most "
                                 f"{MAX_SAMPLES:,} can be imported (MAX_SAMPLES)")
        if n * width > MAX_CSV_CELLS:
            raise CsvImportError(
                f"the file has more than {MAX_CSV_CELLS:,} cells ({width:,} columns) "
                "(MAX_CSV_CELLS): import fewer columns or rows")
        if not batch:
            return
        self.rows.extend(rows)
        missing = self.keep_rows - len(self.first_rows)
        if missing > 0:
            self.first_rows.extend(map(tuple, batch[:missing]))
        for builder, cells in zip(self.builders, zip(*batch)):
            builder.add(cells)


def _unique_names(raw: list[str], warnings: list[str]) -> list[str]:
    """Header names made unique: an empty name becomes ``column 3``, a repeated one
    ``age (2)``, and the repeat is reported."""
    names: list[str] = []
    first: dict[str, int] = {}
    for j, name in enumerate(raw, start=1):
        wanted = name or f"column {j}"
        unique, k = wanted, 2
        while unique in first:
            unique, k = f"{wanted} ({k})", k + 1
        if name and unique != wanted:
            warnings.append(f"columns {first[wanted]:,} and {j:,} are both named "
                            f"{quote(wanted)}; column {j:,} is called {quote(unique)} here")
        first[unique] = j
        names.append(unique)
    return names
