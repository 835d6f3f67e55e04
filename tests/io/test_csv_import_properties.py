"""Properties of CSV import: what csv.writer writes reads back bit for bit, and no input
makes the importer fail with anything but CsvImportError."""

import csv
import io

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpstudio.io.csv_import import CsvImportError, CsvOptions, parse, preview, read_table
from bpstudio.io.csv_source import WHITESPACE

FINITE = st.floats(allow_nan=False, allow_infinity=False)
DIALECTS = st.fixed_dictionaries({
    "delimiter": st.sampled_from([",", ";", "\t", "|", WHITESPACE]),
    "decimal": st.sampled_from([".", ","]),
    "quoting": st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
    "lineterminator": st.sampled_from(["\r\n", "\n", "\r"]),
    "header": st.booleans(),
    "bom": st.booleans(),
})


@st.composite
def tables(draw) -> np.ndarray:
    columns = draw(st.integers(2, 5))
    rows = draw(st.integers(1, 8))
    values = draw(st.lists(FINITE, min_size=rows * columns, max_size=rows * columns))
    return np.array(values, dtype=np.float64).reshape(rows, columns)


def write(table: np.ndarray, dialect: dict) -> bytes:
    """``table`` as csv.writer writes it, every number as ``repr`` (with a decimal comma
    when the dialect has one)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=dialect["delimiter"], quoting=dialect["quoting"],
                        lineterminator=dialect["lineterminator"])
    if dialect["header"]:
        writer.writerow([f"c{j}" for j in range(table.shape[1])])
    for row in table.tolist():
        writer.writerow([repr(v).replace(".", dialect["decimal"]) for v in row])
    return (b"\xef\xbb\xbf" if dialect["bom"] else b"") + out.getvalue().encode()


def assert_read_back(data: bytes, table: np.ndarray, options: CsvOptions | None) -> None:
    parsed = parse(data, options)
    assert len(parsed.cells) == table.shape[1]
    for j, column in enumerate(parsed.cells):
        assert column.values.tobytes() == table[:, j].tobytes()


@settings(max_examples=300, deadline=None)
@given(tables(), DIALECTS)
def test_what_csv_writer_writes_reads_back_bit_for_bit(table, dialect):
    data = write(table, dialect)
    options = CsvOptions(
        encoding="utf-8-sig" if dialect["bom"] else "utf-8", delimiter=dialect["delimiter"],
        decimal=dialect["decimal"], header=dialect["header"])
    assert_read_back(data, table, options)


@settings(max_examples=300, deadline=None)
@given(tables(), DIALECTS.filter(lambda d: (d["delimiter"], d["decimal"]) != (",", ",")))
def test_the_dialect_is_detected(table, dialect):
    # a decimal comma in a comma-separated file is left out: "1,234" is then ambiguous
    data = write(table, dialect)
    p = preview(data)
    assert p.options.delimiter == dialect["delimiter"]
    assert p.options.header == dialect["header"]
    assert p.options.encoding == ("utf-8-sig" if dialect["bom"] else "utf-8")
    assert p.line_end == dialect["lineterminator"]
    assert p.problem is None
    assert_read_back(data, table, None)


CSVISH = st.text(alphabet=st.sampled_from(list('0123456789.,;\t |"\'eE+-_ab€\n\r\x00\x1b')),
                 max_size=200)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=200), CSVISH.map(str.encode),
                 CSVISH.map(lambda t: t.encode("latin-1", "replace"))),
       st.sampled_from(["refuse", "drop"]), st.sampled_from([None, "regression",
                                                             "classification"]))
def test_any_bytes_import_or_fail_with_a_csv_import_error(data, missing, task):
    try:
        p = preview(data)
        target = p.columns[-1] if p.columns else "anything"
        assert p.columns or p.problem
        table = read_table(data, p.options, target=target, missing=missing, task=task)
    except CsvImportError as exc:
        message = str(exc)
        assert message and "\n" not in message and "\x1b" not in message
        return
    assert p.problem is None
    assert table.X.dtype == np.float64 and np.isfinite(table.X).all()
    assert len(table.X) == len(table.y) == len(table.rows) > 0
