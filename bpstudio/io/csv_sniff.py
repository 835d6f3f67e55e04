"""Guessing how a CSV file is written from its first rows: delimiter, quote, decimal mark,
thousands separator, header row and line ends.

``csv.Sniffer`` guesses from character frequencies and is easily fooled by decimal commas
(``1,5;2,25``); here each delimiter is tried and the one that splits the rows into the most
consistent number of fields (two or more) wins; on ties, the one whose fields are more often
numbers, then tab, semicolon, comma, bar and whitespace in that order. So a semicolon file
with decimal commas is read as semicolons.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import islice

from .csv_cells import NUMBER_LIKE, NumberFormat
from .csv_source import WHITESPACE, CsvImportError, CsvOptions, records

SNIFF_ROWS = 1000
"""Records the guesses are made from."""
_CANDIDATES = ("\t", ";", ",", "|", WHITESPACE)
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_GROUPS = {
    sep: re.compile(rf"[+-]?[1-9]\d{{0,2}}(?:{chars}\d{{3}})+(?:[.,]\d*)?", re.ASCII)
    for sep, chars in ((",", ","), (".", r"\."), ("'", "'"), (" ", "[ \u00a0\u202f]"))
}
"""Numbers whose digits are grouped in threes by a separator: ``1,234`` or ``12 345,5``."""


def line_end(text: str) -> str:
    """The most common line end: ``"\\r\\n"`` (Windows), ``"\\n"`` (Unix) or ``"\\r"`` (old Mac)."""
    crlf = text.count("\r\n")
    counts = {"\r\n": crlf, "\n": text.count("\n") - crlf, "\r": text.count("\r") - crlf}
    return max(counts, key=lambda end: (counts[end], end == "\n"))


def detect(text: str, encoding: str) -> CsvOptions:
    """The options that read ``text`` (the first rows of a file) most plausibly."""
    delimiter = _delimiter(text)
    quotechar = _quotechar(text, delimiter)
    options = CsvOptions(encoding, delimiter, quotechar)
    rows = sample_rows(text, options)
    cells = [cell.strip() for row in rows for cell in row]
    decimal, thousands = _number_format(cells, delimiter)
    options = replace(options, decimal=decimal, thousands=thousands)
    return replace(options, header=_has_header(rows, options))


def sample_rows(text: str, options: CsvOptions) -> list[list[str]]:
    """The first :data:`SNIFF_ROWS` non-blank records of ``text``, up to the first one that
    cannot be read."""
    rows: list[list[str]] = []
    try:
        for fields in islice(records(text, options, partial=True), SNIFF_ROWS):
            if "".join(fields).strip():
                rows.append(fields)
    except CsvImportError:
        pass
    return rows


def _delimiter(text: str) -> str:
    """The candidate that splits the rows most consistently into two or more fields; on a
    tie the one whose fields are more often numbers (``1,5 2,5`` is two numbers with decimal
    commas, not ``1``, ``5 2`` and ``5``), then the earlier candidate."""
    best, best_score = ",", (0.0, 0.0, 0)
    for rank, delimiter in enumerate(_CANDIDATES):
        rows = sample_rows(text, CsvOptions(delimiter=delimiter))
        counts = Counter(map(len, rows))
        if not counts:
            continue
        fields, n = counts.most_common(1)[0]
        cells = [cell.strip() for row in rows for cell in row]
        numbers = sum(1 for cell in cells if _PLAIN_NUMBER.fullmatch(cell))
        score = (n / len(rows), numbers / len(cells), -rank)
        if fields >= 2 and score > best_score:
            best, best_score = delimiter, score
    return best


def _quotechar(text: str, delimiter: str) -> str:
    if '"' in text:
        return '"'
    d = r"\s" if delimiter == WHITESPACE else re.escape(delimiter)
    single = re.search(rf"(?:^|{d})'[^'\r\n]*'(?:{d}|$)", text, re.MULTILINE)
    return "'" if single else '"'


def _number_format(cells: list[str], delimiter: str) -> tuple[str, str | None]:
    """The decimal mark and thousands separator the number-like cells agree on.

    A cell with both marks settles it (the last one is the decimal mark), and so does
    ``1,5`` (decimal comma) or ``1,234,567`` (thousands commas). ``1,234`` could be either:
    alone it is read as a decimal comma, except in a comma-separated file (where it must
    have been quoted, as spreadsheets quote thousands)."""
    decimals: Counter[str] = Counter()
    separators: Counter[str] = Counter()
    ambiguous: Counter[str] = Counter()
    for cell in cells:
        if not NUMBER_LIKE.fullmatch(cell):
            continue
        comma, dot = cell.rfind(","), cell.rfind(".")
        grouped = next((sep for sep, pattern in _GROUPS.items() if pattern.fullmatch(cell)), None)
        if comma >= 0 and dot >= 0:
            decimals["," if comma > dot else "."] += 1
            separators["." if comma > dot else ","] += 1
        elif grouped in (",", ".") and cell.count(grouped) == 1:
            ambiguous[grouped] += 1
        elif grouped in (",", "."):
            separators[grouped] += 1
            decimals["." if grouped == "," else ","] += 1
        elif grouped is not None:
            separators[grouped] += 1
            if comma >= 0 or dot >= 0:
                decimals["," if comma >= 0 else "."] += 1
        elif comma >= 0 or dot >= 0:
            decimals["," if comma >= 0 else "."] += 1
    if decimals[","] > decimals["."] or (
        not decimals and ambiguous[","] and delimiter != ","
    ):
        decimal = ","
    else:
        decimal = "."
    other = "." if decimal == "," else ","
    separators[other] += ambiguous[other]
    del separators[decimal]
    best = separators.most_common(1)
    return decimal, best[0][0] if best and best[0][1] else None


def _has_header(rows: list[list[str]], options: CsvOptions) -> bool:
    """A first row without numbers over a column with numbers is a header; in a file of
    text only, a first row of distinct names that never recur below is one."""
    if not rows:
        return False
    number = NumberFormat(options.decimal, options.thousands, options.missing_markers)
    first, rest = rows[0], rows[1:]
    if any(number.number(cell) is not None for cell in first):
        return False
    for j, cell in enumerate(first):
        below = [row[j] for row in rest if j < len(row)]
        if not number.is_missing(cell) and any(number.number(c) is not None for c in below):
            return True
    if any(number.number(c) is not None for row in rest for c in row):
        return False
    names = [cell.strip() for cell in first]
    return (all(names) and len(set(names)) == len(names)
            and not any(j < len(row) and row[j].strip() == name
                        for row in rest for j, name in enumerate(names)))
