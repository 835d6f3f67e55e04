"""Choosing the target and inputs of a read CSV file, and making the table a network learns.

Choosing is cheap (NumPy on columns already read), so an import dialog can call
:meth:`ParsedCsv.table` again whenever the person changes the target, the inputs, the task
or what to do with missing values. Problems that make the table impossible are errors;
those that only deserve a look (a constant input, a renamed header, dropped rows) are
``warnings`` on the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from ..core.text import quote
from ..core.translatable import QT_TRANSLATE_NOOP
from ..limits import MAX_CLASSES, MAX_DATA_VALUES, MAX_TABLE_VALUES
from .csv_cells import EMPTY, NUMBER_LIKE, TEXT, WHOLE, Column, NumberFormat
from .csv_source import CsvImportError, CsvOptions

TASKS = (QT_TRANSLATE_NOOP("Import", "classification"),
         QT_TRANSLATE_NOOP("Import", "regression"))
"""The tasks a table can be learnt for (the import dialog shows them translated)."""
MISSING = ("refuse", "drop")
CLASS_GUESS_MAX = 30
"""A target of whole numbers with more different values than this (counts, years, prices)
is guessed to be regression rather than classification."""


@dataclass(frozen=True)
class ColumnSummary:
    """What a column holds: its kind (numbers, whole numbers, text, mixed (numbers and
    text) or empty) and how many of its cells are missing or text."""

    name: str
    kind: str
    missing: int
    text: int


@dataclass(frozen=True, eq=False)
class ImportedTable:
    """The rows a network learns from: ``X`` float64 ``(N, d)``; ``y`` float64 ``(N, k)`` for
    regression or int64 class labels ``(N,)`` numbering ``class_names``; ``rows`` the
    spreadsheet row number each sample came from; ``warnings`` to show the person."""

    X: np.ndarray
    y: np.ndarray
    task: str
    input_names: tuple[str, ...]
    target_names: tuple[str, ...]
    class_names: tuple[str, ...]
    rows: np.ndarray
    warnings: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class ParsedCsv:
    """A CSV file read into columns with the options it was read with; :meth:`table` picks
    the target and inputs. ``rows`` holds each data row's spreadsheet row number."""

    options: CsvOptions
    columns: tuple[str, ...]
    rows: np.ndarray
    warnings: tuple[str, ...]
    cells: tuple[Column, ...] = field(repr=False)

    @cached_property
    def summaries(self) -> tuple[ColumnSummary, ...]:
        return tuple(ColumnSummary(name, c.kind(), int(c.missing.sum()), int(c.text.sum()))
                     for name, c in zip(self.columns, self.cells))

    def column(self, name: str, role: str = "column") -> Column:
        """The column called ``name``; a name the file does not have is an error that
        lists the names it has (``role`` says what the name was asked for as)."""
        try:
            return self.cells[self.columns.index(name)]
        except ValueError:
            names = ", ".join(quote(n, 40) for n in self.columns[:12])
            more = f" and {len(self.columns) - 12:,} more" if len(self.columns) > 12 else ""
            raise CsvImportError(
                f"{role}: the file has no column {quote(name)}; its columns are {names}{more}"
            ) from None

    def guess_task(self, target: str | Sequence[str]) -> str:
        """``classification`` for a target with text, or with whole numbers of at most
        :data:`CLASS_GUESS_MAX` different values; ``regression`` otherwise."""
        columns = [self.column(name, "target") for name in _names(target)]
        if any(c.codes is not None for c in columns):
            return "classification"
        if len(columns) == 1 and columns[0].kind() == WHOLE:
            values = columns[0].values
            if len(np.unique(values[~np.isnan(values)])) <= CLASS_GUESS_MAX:
                return "classification"
        return "regression"

    def table(self, target: str | Sequence[str], inputs: Sequence[str] | None = None,
              task: str | None = None, missing: str = "refuse") -> ImportedTable:
        """The table with ``target`` column(s) and ``inputs`` (by default every other column
        that holds numbers); ``task`` guessed when None; rows with missing values refused
        or dropped. Classes are the target's different values in natural order (``2`` before
        ``10``, ``b`` before ``C``), so the same data always numbers them the same way."""
        if task not in (None, *TASKS):
            raise ValueError(f"task: expected one of {TASKS} or None, got {task!r}")
        if missing not in MISSING:
            raise ValueError(f"missing: expected one of {MISSING}, got {missing!r}")
        targets = _names(target)
        if not targets:
            raise CsvImportError("target: choose the column the network should learn")
        warnings = list(self.warnings)
        inputs = self._inputs(targets, inputs, warnings)
        task = task or self.guess_task(targets)
        if task == "classification" and len(targets) > 1:
            raise CsvImportError("target: classification learns one target column; choose one "
                                 "or choose regression")
        numeric = inputs + (targets if task == "regression" else ())
        self._refuse_text(numeric, inputs)
        keep = self._kept_rows(inputs + targets, missing, warnings)
        n, d = len(keep), len(inputs)
        if n * (d + len(targets)) > MAX_TABLE_VALUES:
            raise CsvImportError(
                f"{n:,} rows of {d + len(targets):,} columns are {n * (d + len(targets)):,} "
                f"numbers; a table holds at most {MAX_TABLE_VALUES:,} (MAX_TABLE_VALUES): "
                "choose fewer inputs, or import fewer rows")
        X = np.column_stack([self.column(name).values[keep] for name in inputs])
        if task == "regression":
            y = np.column_stack([self.column(name).values[keep] for name in targets])
            class_names: tuple[str, ...] = ()
            outputs = len(targets)
            for name, values in zip(targets, y.T):
                if values.min() == values.max():
                    raise CsvImportError(
                        f"target: column {quote(name)} has the value {_name(values[0])} in "
                        "every row, so there is nothing to learn: choose another target")
        else:
            y, class_names = _classes(targets[0], self.column(targets[0]), keep)
            outputs = len(class_names)
        if n * (d + outputs) > MAX_DATA_VALUES:
            raise CsvImportError(
                f"{n:,} rows × ({d:,} inputs + {outputs:,} outputs) are {n * (d + outputs):,} "
                f"numbers; training holds at most {MAX_DATA_VALUES:,} (MAX_DATA_VALUES): "
                "choose fewer inputs, or import fewer rows")
        for name, values in zip(inputs, X.T):
            if values.min() == values.max():
                warnings.append(f"input {quote(name)} has the value {_name(values[0])} in every "
                                "row; it cannot help the network")
        return ImportedTable(X, y, task, inputs, targets, class_names, self.rows[keep],
                             tuple(warnings))

    def _inputs(self, targets: tuple[str, ...], inputs: Sequence[str] | None,
                warnings: list[str]) -> tuple[str, ...]:
        for name in targets:
            self.column(name, "target")
        if len(set(targets)) < len(targets):
            raise CsvImportError("target: a column is chosen twice")
        if inputs is None:
            kinds = {s.name: s.kind for s in self.summaries}
            others = [name for name in self.columns if name not in targets]
            chosen = tuple(name for name in others if kinds[name] not in (TEXT, EMPTY))
            left = [f"{quote(name, 40)} ({kinds[name]})" for name in others if name not in chosen]
            if left:
                more = f" and {len(left) - 5:,} more" if len(left) > 5 else ""
                warnings.append(f"left out of the inputs: {', '.join(left[:5])}{more}")
        else:
            chosen = _names(inputs)
            for name in chosen:
                self.column(name, "inputs")
                if name in targets:
                    raise CsvImportError(f"inputs: column {quote(name)} is the target; an "
                                         "input cannot be the target too")
            if len(set(chosen)) < len(chosen):
                raise CsvImportError("inputs: a column is chosen twice")
        if not chosen:
            raise CsvImportError("inputs: no column of numbers is left for the inputs; the "
                                 "network needs at least one")
        return chosen

    def _refuse_text(self, numeric: tuple[str, ...], inputs: tuple[str, ...]) -> None:
        """Text in a column that must hold numbers: the first such cell in reading order."""
        hits = []
        for name in numeric:
            hit = self.column(name).first_text()
            if hit is not None:
                hits.append((hit[0], self.columns.index(name), name, hit[1]))
        if not hits:
            return
        i, _, name, text = min(hits)
        fix = ("correct it, or leave the column out of the inputs" if name in inputs
               else "correct it, or choose classification")
        raise CsvImportError(f"row {self.rows[i]:,}, column {quote(name)}: "
                             f"{quote(text)} {self._why_not_a_number(text)}; {fix}")

    def _why_not_a_number(self, text: str) -> str:
        """"is not a number", with the number format when the text looks like a number in
        another format, or "is too large" when it is one."""
        decimal, separator = self.options.decimal, self.options.thousands
        if NumberFormat(decimal, separator).pattern.fullmatch(text):
            return "is too large a number (float64 holds up to about 1.8e308)"
        if not NUMBER_LIKE.fullmatch(text):
            return "is not a number"
        thousands = ("no thousands separator" if separator is None
                     else f"thousands separator {separator!r}")
        return f"is not a number (decimal mark {decimal!r}, {thousands})"

    def _kept_rows(self, selected: tuple[str, ...], missing: str,
                   warnings: list[str]) -> np.ndarray:
        gaps = np.zeros(len(self.rows), bool)
        for name in selected:
            gaps |= self.column(name).missing
        bad = np.flatnonzero(gaps)
        if len(bad) and missing == "refuse":
            name = min((n for n in selected if self.column(n).missing[bad[0]]),
                       key=self.columns.index)
            raise CsvImportError(
                f"row {self.rows[bad[0]]:,}, column {quote(name)}: the value is missing "
                f"({_rows(len(bad))} with missing values): fill them in, or choose to drop "
                "those rows")
        keep = np.flatnonzero(~gaps)
        if not len(keep):
            what = "every row has a missing value" if len(bad) else "the file has no rows of data"
            raise CsvImportError(f"{what}: there is nothing to import")
        if len(bad):
            shown = "row" + "s" * (len(bad) > 1) + " " + ", ".join(
                f"{r:,}" for r in self.rows[bad[:3]])
            warnings.append(f"dropped {_rows(len(bad))} with missing values ({shown}"
                            f"{', …' if len(bad) > 3 else ''})")
        return keep


def _rows(n: int) -> str:
    return f"{n:,} row{'s' * (n != 1)}"


def _names(value: str | Sequence[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _name(value: float) -> str:
    """A number as a class name or in a message: ``3`` for whole numbers, else ``repr``."""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)


def _natural(name: str) -> tuple[list[object], str]:
    parts = re.split(r"([0-9]+)", name)
    return [int(p) if i % 2 else p.casefold() for i, p in enumerate(parts)], name


def _classes(name: str, column: Column, keep: np.ndarray) -> tuple[np.ndarray, tuple[str, ...]]:
    """Class labels 0 … K−1 for the kept rows and the K class names (text as written,
    numbers as :func:`_name` writes them): numbers ascending, text in natural order."""
    values = column.values[keep]
    is_number = ~np.isnan(values)
    numbers, inverse = np.unique(values[is_number], return_inverse=True)
    texts = column.texts
    tokens = np.empty(len(keep), np.int64)
    tokens[is_number] = len(texts) + inverse
    if column.codes is not None:
        tokens[~is_number] = column.codes[keep][~is_number]
    used = np.unique(tokens)
    names = [*texts, *map(_name, numbers)]
    if len(used) > MAX_CLASSES:
        raise CsvImportError(
            f"target: column {quote(name)} has {len(used):,} different values, more than "
            f"{MAX_CLASSES:,} classes (MAX_CLASSES): choose regression, or another target")
    if len(used) < 2:
        raise CsvImportError(
            f"target: column {quote(name)} has the class {quote(names[used[0]])} in every "
            "row; classification needs at least two classes: choose another target")
    chosen = [names[t] for t in used]
    order = np.arange(len(used))
    if used[0] < len(texts):
        order = np.array(sorted(range(len(used)), key=lambda k: _natural(chosen[k])))
    position = np.empty(len(names), np.int64)
    position[used[order]] = np.arange(len(used))
    return position[tokens], tuple(chosen[k] for k in order)
