"""Cells of a CSV column as numbers, missing values or text, kept compactly.

A column of 100,000 cells becomes a float64 array (NaN where a cell is missing or text), a
mask of the missing cells and, only for columns that hold text, a code per cell into the
column's distinct texts: about 9 bytes a cell instead of a Python string each. A number is
what a spreadsheet writes: ASCII digits with an optional sign, decimal mark, exponent and,
when chosen, a thousands separator between groups of three digits; it must be finite.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..core.translatable import QT_TRANSLATE_NOOP

NUMBERS = QT_TRANSLATE_NOOP("Import", "numbers")
WHOLE = QT_TRANSLATE_NOOP("Import", "whole numbers")
TEXT = QT_TRANSLATE_NOOP("Import", "text")
MIXED = QT_TRANSLATE_NOOP("Import", "mixed")
EMPTY = QT_TRANSLATE_NOOP("Import", "empty")
"""The kinds of column: numbers, whole numbers only, text only, numbers and text, nothing
(the import dialog shows them translated)."""
_SPACES = "\u00a0\u202f"
"""No-break spaces that stand for a space thousands separator (as in French ``1 234,5``)."""
NUMBER_LIKE = re.compile(
    r"[+-]?[\d.,' \u00a0\u202f]*\d[\d.,' \u00a0\u202f]*(?:[eE][+-]?\d+)?", re.ASCII)
"""Text that looks like a number in some format: digits, marks, separators, an exponent."""


_MISSING = -2
_KNOWN_CELLS = 4096
"""Distinct text or missing cells a column remembers the meaning of."""


class NumberFormat:
    """Reads cells as numbers with one decimal mark and an optional thousands separator."""

    def __init__(self, decimal: str = ".", thousands: str | None = None,
                 missing_markers: Sequence[str] = ("",)) -> None:
        self.decimal, self.thousands = decimal, thousands
        self.missing = frozenset(m.strip().lower() for m in missing_markers)
        whole = r"\d+" if thousands is None else rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+|\d+"
        d = re.escape(decimal)
        self.pattern = re.compile(rf"[+-]?(?:(?:{whole})(?:{d}\d*)?|{d}\d+)(?:[eE][+-]?\d+)?",
                                  re.ASCII)

    def number(self, cell: str) -> float | None:
        """The cell's value, or None if it is not a finite number in this format."""
        s = cell.strip()
        if self.thousands == " ":
            s = s.translate({ord(c): " " for c in _SPACES})
        if not self.pattern.fullmatch(s):
            return None
        if self.thousands is not None:
            s = s.replace(self.thousands, "")
        value = float(s.replace(",", ".") if self.decimal == "," else s)
        return value if np.isfinite(value) else None

    def is_missing(self, cell: str) -> bool:
        return cell.strip().lower() in self.missing

    def fast_values(self, cells: Sequence[str]) -> np.ndarray | None:
        """The values of ``cells`` if all are plain finite numbers, else None: ``float`` on
        every cell, which accepts just our numbers once underscores, non-ASCII characters,
        a foreign decimal mark and non-finite results are ruled out."""
        joined = "".join(cells)
        if not joined.isascii() or "_" in joined or (self.thousands or "_") in joined:
            return None
        if self.decimal == ",":
            if "." in joined:
                return None
            cells = [c.replace(",", ".") for c in cells]
        try:
            values = np.fromiter(map(float, cells), np.float64, len(cells))
        except ValueError:
            return None
        return values if np.isfinite(values).all() else None


@dataclass(frozen=True, eq=False)
class Column:
    """One column's cells: ``values`` (NaN unless a number), ``missing``, and ``codes`` into
    ``texts`` (-1 unless text; ``None`` when the column holds no text)."""

    values: np.ndarray
    missing: np.ndarray
    codes: np.ndarray | None
    texts: tuple[str, ...]

    @property
    def text(self) -> np.ndarray:
        """Which cells hold text."""
        return np.zeros(len(self.values), bool) if self.codes is None else self.codes >= 0

    def kind(self) -> str:
        n_text = int(self.text.sum())
        numbers = self.values[~np.isnan(self.values)]
        if n_text:
            return MIXED if len(numbers) else TEXT
        if not len(numbers):
            return EMPTY
        return WHOLE if bool((numbers == np.round(numbers)).all()) else NUMBERS

    def first_text(self) -> tuple[int, str] | None:
        """The index of the first cell that holds text, and that text."""
        if self.codes is None:
            return None
        i = int(np.argmax(self.codes >= 0))
        return i, self.texts[self.codes[i]]


class ColumnBuilder:
    """Collects a column from chunks of cells."""

    def __init__(self, number: NumberFormat) -> None:
        self.number = number
        self.values: list[np.ndarray] = []
        self.missing: list[np.ndarray] = []
        self.codes: list[tuple[int, np.ndarray]] = []
        self.index: dict[str, int] = {}
        self.known: dict[str, int] = {}
        self.count = 0

    def add(self, cells: Sequence[str]) -> None:
        n = len(cells)
        values = self.number.fast_values(cells)
        if values is not None:
            self.values.append(values)
            self.missing.append(np.zeros(n, bool))
        else:
            self._add_slowly(cells)
        self.count += n

    def _add_slowly(self, cells: Sequence[str]) -> None:
        """Cell by cell; a text or missing cell seen before is looked up, not parsed again
        (class labels repeat)."""
        values = np.full(len(cells), np.nan)
        codes = np.full(len(cells), -1, np.int32)
        number, index, known = self.number, self.index, self.known
        for i, cell in enumerate(cells):
            code = known.get(cell)
            if code is None:
                if number.is_missing(cell):
                    code = _MISSING
                else:
                    value = number.number(cell)
                    if value is not None:
                        values[i] = value
                        continue
                    code = index.setdefault(cell.strip(), len(index))
                if len(known) < _KNOWN_CELLS:
                    known[cell] = code
            codes[i] = code
        missing = codes == _MISSING
        codes[missing] = -1
        self.values.append(values)
        self.missing.append(missing)
        if (codes >= 0).any():
            self.codes.append((self.count, codes))

    def build(self) -> Column:
        codes = None
        if self.codes:
            codes = np.full(self.count, -1, np.int32)
            for start, part in self.codes:
                codes[start : start + len(part)] = part
        values = np.concatenate(self.values) if self.values else np.zeros(0)
        missing = np.concatenate(self.missing) if self.missing else np.zeros(0, bool)
        return Column(values, missing, codes, tuple(self.index))
