"""A CSV file's bytes, text and records, read so that a wrong file costs little.

The size is checked before anything is read and binary content is recognised in a small
prefix, so a 1 GB video or an Excel workbook is refused in milliseconds, not after a full
read. Records come from Python's ``csv`` module (or a whitespace splitter), numbered as a
spreadsheet numbers rows: every record counts, blank ones and the header included.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeAlias

from ..core.translatable import QT_TRANSLATE_NOOP
from ..limits import MAX_CSV_BYTES
from .errors import BPFileError

Source: TypeAlias = "str | os.PathLike[str] | bytes"
"""A path to a CSV file, or the file's bytes."""

ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": QT_TRANSLATE_NOOP("Import", "UTF-8 with BOM"),
             "cp1252": "Windows-1252", "latin-1": "Latin-1"}
WHITESPACE = " "
"""The delimiter that means "runs of spaces and tabs"."""
DELIMITERS = {",": QT_TRANSLATE_NOOP("Import", "comma"),
              ";": QT_TRANSLATE_NOOP("Import", "semicolon"),
              "\t": QT_TRANSLATE_NOOP("Import", "tab"), "|": QT_TRANSLATE_NOOP("Import", "bar"),
              WHITESPACE: QT_TRANSLATE_NOOP("Import", "whitespace")}
"""Each delimiter's name (the import dialog shows it translated)."""
QUOTES = ('"', "'", None)
DECIMALS = (".", ",")
THOUSANDS = (None, ",", ".", " ", "'")
MISSING_MARKERS = ("", "NA", "N/A", "NaN", "null", "?", "#N/A")
"""Cells that mean "no value" (compared ignoring case and surrounding spaces)."""

TEXT_CHECK_BYTES = 64 * 1024
"""Binary content is looked for in this many bytes before a file is read on."""
_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (an Excel .xlsx or a LibreOffice .ods workbook is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document (an old Excel .xls workbook?)"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed: decompress it first"),
)
_TEXT_BYTES = bytes(range(32, 127)) + bytes(range(128, 256)) + b"\t\n\r\x0b\x0c"


class CsvImportError(BPFileError):
    """A CSV file cannot be imported as it is; the message says where and why, and the fix.

    Messages start with the place when there is one (``row 1,204, column 'age': ...``, rows
    numbered as a spreadsheet shows them, the header being row 1) and quote text from the
    file with :func:`bpstudio.core.text.quote`.
    """


@dataclass(frozen=True)
class CsvOptions:
    """How to read a CSV file: detected by :func:`bpstudio.io.csv_import.preview`, changeable.

    ``delimiter`` is ``","``, ``";"``, ``"\\t"``, ``"|"`` or ``" "`` (runs of spaces and
    tabs); ``quotechar`` ``None`` reads quotes as text; ``thousands`` is a separator allowed
    between groups of three digits (``1,234,567.5``), ``None`` for none.
    """

    encoding: str = "utf-8"
    delimiter: str = ","
    quotechar: str | None = '"'
    decimal: str = "."
    thousands: str | None = None
    header: bool = True
    missing_markers: tuple[str, ...] = MISSING_MARKERS

    def __post_init__(self) -> None:
        for name, value, allowed in (
            ("encoding", self.encoding, tuple(ENCODINGS)),
            ("delimiter", self.delimiter, tuple(DELIMITERS)),
            ("quotechar", self.quotechar, QUOTES),
            ("decimal", self.decimal, DECIMALS),
            ("thousands", self.thousands, THOUSANDS),
        ):
            if value not in allowed:
                raise ValueError(f"{name}: {value!r} is not one of {allowed}")
        if self.thousands == self.decimal:
            raise ValueError(f"thousands: cannot be the decimal mark {self.decimal!r} too")
        if self.decimal == self.delimiter and self.quotechar is None:
            raise ValueError("decimal: a decimal comma in comma-separated cells needs quotes")
        object.__setattr__(self, "header", bool(self.header))
        object.__setattr__(self, "missing_markers", tuple(map(str, self.missing_markers)))


def read_source(source: Source, head: int | None = None) -> tuple[bytes, int, bool]:
    """The first ``head`` bytes of ``source`` (all of it when ``head`` is None), the file's
    size, and whether those bytes are the whole file.

    Too large a file is refused from its size, a binary one from its first
    :data:`TEXT_CHECK_BYTES`, both before the rest is read.
    """
    want = MAX_CSV_BYTES + 1 if head is None else head + 1
    if isinstance(source, bytes | bytearray | memoryview):
        size = len(source)
        _check_size(size)
        _check_text(bytes(source[:TEXT_CHECK_BYTES]))
        data = bytes(source[:want])
    else:
        try:
            with open(source, "rb") as stream:
                size = os.fstat(stream.fileno()).st_size
                _check_size(size)
                data = stream.read(min(want, TEXT_CHECK_BYTES))
                _check_text(data)
                if len(data) < want:
                    data += stream.read(want - len(data))
        except OSError as exc:
            raise CsvImportError(f"cannot read the file ({exc.strerror or exc})") from None
        size = max(size, len(data))
        _check_size(size)
    _refuse_nul(data, TEXT_CHECK_BYTES)
    complete = len(data) < want
    return data if complete else data[: want - 1], size, complete


def _check_size(size: int) -> None:
    if size > MAX_CSV_BYTES:
        raise CsvImportError(
            f"the file is {size / 2**20:,.1f} MiB; CSV files of up to "
            f"{MAX_CSV_BYTES // 2**20} MiB can be imported (MAX_CSV_BYTES): import a part "
            "of the rows or leave out columns"
        )


def _check_text(prefix: bytes) -> None:
    """Refuse ``prefix`` if it is the start of a binary file, or of text that is not CSV."""
    if prefix.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CsvImportError("the file is UTF-16 text: save it as UTF-8 CSV and import that")
    for magic, what in _MAGIC:
        if prefix.startswith(magic):
            raise CsvImportError(f"the file is {what}, not CSV text: save it as CSV")
    _refuse_nul(prefix)
    controls = len(prefix.translate(None, _TEXT_BYTES))
    if controls > 4 and controls * 100 > len(prefix):
        raise CsvImportError(
            f"the file is not text ({controls:,} control characters in its first "
            f"{len(prefix):,} bytes): choose a CSV file")


def _refuse_nul(data: bytes, start: int = 0) -> None:
    nul = data.find(b"\0", start)
    if nul >= 0:
        raise CsvImportError(
            f"the file is not text (byte {nul + 1:,} is a NUL byte): choose a CSV file")


def detect_encoding(data: bytes) -> str:
    """``utf-8-sig`` after a BOM, ``utf-8`` if ``data`` decodes so, else Windows-1252 (which
    Latin-1 files are read as too) or, when even that fails, Latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    for encoding in ("utf-8", "cp1252"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    return "latin-1"


def decode(data: bytes, encoding: str) -> str:
    """``data`` as text; a byte the encoding cannot read is reported with its line."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1 if b"\n" in before else before.count(b"\r") + 1
        bad = data[exc.start : exc.start + 4].hex(" ")
        raise CsvImportError(
            f"line {line:,}: the bytes {bad} are not {ENCODINGS[encoding]} text; choose the "
            "encoding Latin-1"
        ) from None


def records(text: str, options: CsvOptions, partial: bool = False) -> Iterator[list[str]]:
    """The fields of every record of ``text`` (``[]`` for a blank line), in file order.

    A quote left open, or text after a closing quote, is a :class:`CsvImportError` naming
    the row (counting records as a spreadsheet counts rows). When ``text`` is only the
    start of a file (``partial``), a record cut off inside quotes just ends the records."""
    if options.delimiter == WHITESPACE:
        yield from _whitespace_records(text, options.quotechar)
        return
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=options.delimiter,
        quotechar=options.quotechar or '"', skipinitialspace=True, strict=True,
        quoting=csv.QUOTE_NONE if options.quotechar is None else csv.QUOTE_MINIMAL,
    )
    row = 0
    try:
        for fields in reader:
            row += 1
            yield fields
    except csv.Error as exc:
        if partial and "unexpected end of data" in str(exc):
            return
        raise CsvImportError(f"row {row + 1:,}: {_csv_problem(str(exc))}") from None


def _csv_problem(message: str) -> str:
    if "unexpected end of data" in message:
        return "a quote opened on this row is never closed"
    if "expected after" in message:
        return "a closing quote is followed by more text in the same field; quote whole fields"
    if "field limit" in message:
        return (f"a field is longer than {csv.field_size_limit():,} characters (is a quote "
                "left open?)")
    return message


def _whitespace_records(text: str, quotechar: str | None) -> Iterator[list[str]]:
    """Fields separated by runs of spaces and tabs; a quoted field may hold spaces (doubling
    the quote escapes it) but not a line break."""
    if quotechar is None:
        for line in io.StringIO(text, newline=""):
            yield line.split()
        return
    q = re.escape(quotechar)
    token = re.compile(f"{q}((?:[^{q}]|{q}{q})*){q}|(\\S+)")
    for line in io.StringIO(text, newline=""):
        if quotechar not in line:
            yield line.split()
        else:
            yield [plain if quoted is None else quoted.replace(quotechar * 2, quotechar)
                   for quoted, plain in (m.group(1, 2) for m in token.finditer(line))]
