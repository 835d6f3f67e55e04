"""CSV import over a corpus of real-world shapes made here, and malformed files.

Each file is written out in the test (as bytes, or to tmp_path when the path matters), so
every expected number, name and row number can be checked by eye against its text.
"""

import codecs
import contextlib
import time

import numpy as np
import pytest

from bpstudio.io import BPFileError, csv_columns, csv_source, csv_table
from bpstudio.io.csv_import import (
    PREVIEW_BYTES,
    CsvImportError,
    CsvOptions,
    parse,
    preview,
    read_table,
)
from bpstudio.limits import MAX_CLASSES, MAX_CSV_BYTES, MAX_SAMPLES


def b(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def error(data: bytes, **kwargs) -> str:
    with pytest.raises(CsvImportError) as caught:
        read_table(data, kwargs.pop("options", None), **kwargs)
    return str(caught.value)


# -- real-world shapes ---------------------------------------------------------------------


def test_semicolons_with_decimal_commas():
    data = b("Länge;Breite;Klasse\n1,5;2,25;0\n-0,5;3;1\n12,75;-1,0;1\n")
    options = preview(data).options
    assert (options.delimiter, options.decimal, options.thousands) == (";", ",", None)
    table = read_table(data, options, target="Klasse")
    assert table.X.tolist() == [[1.5, 2.25], [-0.5, 3.0], [12.75, -1.0]]
    assert table.task == "classification"
    assert table.y.tolist() == [0, 1, 1] and table.class_names == ("0", "1")
    assert table.input_names == ("Länge", "Breite")


def test_headerless_decimal_commas_in_every_cell_are_still_semicolons():
    # split at commas each row would also have 3 fields: the numbers decide
    data = b("1,5;2,25\n3,5;4,75\n")
    options = preview(data).options
    assert (options.delimiter, options.decimal, options.header) == (";", ",", False)


def test_quoted_fields_hold_delimiters_quotes_and_line_breaks():
    data = b('note,x,label\n"a, b",1,yes\n"two\nlines",2,no\n"say ""hi""",3,yes\n'
             '"ok",4,no\n')
    p = preview(data)
    assert p.rows[0] == ("a, b", "1", "yes")
    assert p.rows[1][0] == "two\nlines"
    assert p.rows[2][0] == 'say "hi"'
    table = read_table(data, p.options, target="label")
    assert table.input_names == ("x",) and table.class_names == ("no", "yes")
    assert table.rows.tolist() == [2, 3, 4, 5]      # a record spanning two lines is one row
    bad = data.replace(b'"ok",4', b'"ok",four')
    assert error(bad, target="label") == (
        "row 5, column 'x': 'four' is not a number; correct it, or leave the column out of "
        "the inputs")


def test_a_byte_order_mark_is_not_part_of_the_first_name():
    data = codecs.BOM_UTF8 + b("x,y\n1,2\n3,4\n")
    p = preview(data)
    assert p.options.encoding == "utf-8-sig"
    assert p.columns == ("x", "y")
    assert read_table(data, p.options, target="y").X.tolist() == [[1.0], [3.0]]


def test_trailing_blank_lines_and_empty_rows_are_skipped():
    data = b("x;y\n1;2\n3;4\n\n;\n   \n\n")
    table = read_table(data, target="y")
    assert table.X.tolist() == [[1.0], [3.0]] and table.rows.tolist() == [2, 3]


def test_blank_lines_inside_count_as_rows_like_in_a_spreadsheet():
    data = b("x,y\n1,2\n\n3,oops\n")
    assert error(data, target="x", task="regression").startswith("row 4, column 'y': 'oops'")


def test_missing_values_refused_or_dropped():
    data = b("age,height,y\n31,1.62,0\n,1.80,1\n45,NA,1\nn/a,1.70,0\n50,1.75,1\n")
    assert error(data, target="y") == (
        "row 3, column 'age': the value is missing (3 rows with missing values): fill them "
        "in, or choose to drop those rows")
    table = read_table(data, target="y", missing="drop")
    assert table.X.tolist() == [[31.0, 1.62], [50.0, 1.75]]
    assert table.y.tolist() == [0, 1] and table.rows.tolist() == [2, 6]
    assert table.warnings == ("dropped 3 rows with missing values (rows 3, 4, 5)",)
    # only the chosen columns count: leave 'age' out and only row 4 has a gap
    table = read_table(data, target="y", inputs=["height"], missing="drop")
    assert table.warnings == ("dropped 1 row with missing values (row 4)",)


def test_text_labels_become_class_names_in_natural_order():
    data = b("x,kind\n1,class 10\n2,class 2\n3,Class 1\n4,class 2\n5,b\n")
    table = read_table(data, target="kind")
    assert table.class_names == ("b", "Class 1", "class 2", "class 10")
    assert table.y.tolist() == [3, 2, 1, 2, 0]
    assert table.y.dtype == np.int64


def test_whole_number_labels_keep_their_numbers_as_names():
    data = b("x,y\n0.5,3\n1.5,-1\n2.5,10\n3.5,3\n")
    table = read_table(data, target="y")
    assert table.task == "classification"
    assert table.class_names == ("-1", "3", "10") and table.y.tolist() == [1, 0, 2, 1]


def test_a_headerless_file_gets_numbered_column_names():
    data = b("1,2,0\n3,4,1\n5,6,1\n")
    p = preview(data)
    assert p.options.header is False
    assert p.columns == ("column 1", "column 2", "column 3")
    table = read_table(data, p.options, target="column 3")
    assert table.X.tolist() == [[1, 2], [3, 4], [5, 6]] and table.rows.tolist() == [1, 2, 3]


@pytest.mark.parametrize(("end", "name"), [("\r\n", "Windows"), ("\r", "old Mac"),
                                           ("\n", "Unix")])
def test_line_ends(end, name):
    data = b(end.join(["a,b,c", "1,2,x", '3,"4",y', "5,6,x", ""]))
    p = preview(data)
    assert p.line_end == end, name
    table = read_table(data, p.options, target="c")
    assert table.X.tolist() == [[1, 2], [3, 4], [5, 6]] and table.y.tolist() == [0, 1, 0]


def test_tabs():
    data = b("a\tb\tlabel\n1.5\t2\tred dog\n3\t-4e2\tblue cat\n")
    p = preview(data)
    assert p.options.delimiter == "\t"
    table = read_table(data, p.options, target="label")
    assert table.X.tolist() == [[1.5, 2.0], [3.0, -400.0]]
    assert table.class_names == ("blue cat", "red dog")


def test_whitespace_separated_with_quoted_labels():
    data = b('  sepal   petal   species\n 5.1  1.4 "Iris setosa"\n7.0\t4.7   "Iris versicolor"\n'
             '6.3 6.0  "Iris ""v."""\n')
    p = preview(data)
    assert p.options.delimiter == csv_source.WHITESPACE
    assert p.columns == ("sepal", "petal", "species")
    table = read_table(data, p.options, target="species")
    assert table.X.tolist() == [[5.1, 1.4], [7.0, 4.7], [6.3, 6.0]]
    assert table.class_names == ('Iris "v."', "Iris setosa", "Iris versicolor")


def test_whitespace_separated_decimal_commas():
    p = preview(b("1,5 2,5 3\n4,25 5 6,5\n"))
    assert (p.options.delimiter, p.options.decimal) == (csv_source.WHITESPACE, ",")


def test_latin1_with_accents_and_windows_1252_signs():
    data = b("Stadt;Preis\nZürich;1,5\nGenève;2\nZürich;3\n", "latin-1")
    p = preview(data)
    assert p.options.encoding == "cp1252"      # a superset of Latin-1's letters
    assert p.rows[1] == ("Genève", "2")
    table = read_table(data, p.options, target="Stadt")
    assert table.class_names == ("Genève", "Zürich")
    euro = b("x;Währung\n1;€\n2;£\n", "cp1252")
    assert read_table(euro, target="Währung").class_names == ("£", "€")


def test_utf8_that_turns_latin1_past_the_preview_names_the_line_and_the_fix():
    data = b("x,y\n" + "1,2\n" * 20_000) + b("3,Z\xfcrich\n", "latin-1")
    options = preview(data).options
    assert options.encoding == "utf-8"          # the first 64 KiB are plain ASCII
    assert error(data, options=options, target="y") == (
        "line 20,002: the bytes fc 72 69 63 are not UTF-8 text; choose the encoding Latin-1")
    table = read_table(data, CsvOptions(encoding="latin-1"), target="y")
    assert table.class_names == ("2", "Zürich")


def test_numbers_with_signs_exponents_and_no_leading_digit():
    cells = ["+1.5e3", "-2E-2", ".5", "5.", "-0", "1e+308", "-.25e-1", "  7  ", "0012"]
    data = b("x,y\n" + "".join(f"{c},{i}\n" for i, c in enumerate(cells)))
    table = read_table(data, target="y", task="regression")
    assert table.X[:, 0].tolist() == [1500.0, -0.02, 0.5, 5.0, -0.0, 1e308, -0.025, 7.0, 12.0]
    assert np.signbit(table.X[4, 0])


@pytest.mark.parametrize(("cell", "why"), [
    ("inf", "is not a number"), ("-Infinity", "is not a number"), ("0x10", "is not a number"),
    ("١٢", "is not a number"), ("1_000", "is not a number"),
    ("1.2.3", "is not a number (decimal mark '.', no thousands separator)"),
    ("1e999", "is too large a number (float64 holds up to about 1.8e308)"),
])
def test_what_python_would_read_but_a_spreadsheet_does_not_write_is_not_a_number(cell, why):
    data = b(f"x,y\n1,0\n{cell},1\n")
    assert error(data, target="y") == (
        f"row 3, column 'x': {cell!r} {why}; correct it, or leave the column out of the inputs")


def test_thousands_separators_when_unambiguous():
    comma = b('city,people,area\nA,"1,234,567.5",2\nB,"12,000",3\n')
    p = preview(comma)
    assert (p.options.decimal, p.options.thousands) == (".", ",")
    table = read_table(comma, p.options, target="area", inputs=["people"], task="regression")
    assert table.X[:, 0].tolist() == [1234567.5, 12000.0]
    german = b("Stadt;Einwohner;Fläche\nA;1.234.567,5;2\nB;12.000;3,5\n")
    p = preview(german)
    assert (p.options.decimal, p.options.thousands) == (",", ".")
    assert read_table(german, p.options, target="Fläche").X[:, 0].tolist() == [1234567.5, 12000]
    french = b("ville;habitants;y\nA;1\u202f234,5;1\nB;12 000;2\n")
    p = preview(french)
    assert (p.options.decimal, p.options.thousands) == (",", " ")
    assert read_table(french, p.options, target="y",
                      task="regression").X[:, 0].tolist() == [1234.5, 12000.0]


def test_thousands_in_the_wrong_place_or_unexpected_are_refused_with_the_format():
    data = b('x,y\n"1,234.5",1\n"12,34.5",2\n')
    assert error(data, target="y", task="regression") == (
        "row 3, column 'x': '12,34.5' is not a number (decimal mark '.', thousands separator "
        "','); correct it, or leave the column out of the inputs")
    data = b("x;y\n1.5;1\n2,5;2\n3.5;3\n")
    assert error(data, target="y", task="regression") == (
        "row 3, column 'x': '2,5' is not a number (decimal mark '.', no thousands "
        "separator); correct it, or leave the column out of the inputs")


def test_a_one_column_file_previews_but_has_no_inputs():
    data = b("y\n1\n2\n3\n")
    p = preview(data)
    assert p.columns == ("y",) and p.rows == (("1",), ("2",), ("3",))
    assert error(data, target="y") == (
        "inputs: no column of numbers is left for the inputs; the network needs at least one")


def test_several_targets_make_a_regression_table():
    data = b("a,b,t1,t2\n1,2,0.5,7\n3,4,1.5,8\n5,6,2.5,9\n")
    table = read_table(data, target=["t1", "t2"])
    assert table.task == "regression" and table.y.shape == (3, 2)
    assert table.y.tolist() == [[0.5, 7], [1.5, 8], [2.5, 9]]
    assert error(data, target=["t1", "t2"], task="classification").startswith(
        "target: classification learns one target column")


def test_the_task_is_guessed_and_can_be_changed():
    rows = "".join(f"{i},{i % 3},{i * 1.5},{i * 7}\n" for i in range(60))
    data = b("x,small,real,many\n" + rows)
    parsed = parse(data)
    assert parsed.guess_task("small") == "classification"       # 3 whole numbers
    assert parsed.guess_task("real") == "regression"
    assert parsed.guess_task("many") == "regression"            # 60 > CLASS_GUESS_MAX
    assert csv_table.CLASS_GUESS_MAX < 60
    table = parsed.table("small", ["x"], task="regression")
    assert table.y.dtype == np.float64 and table.y.shape == (60, 1)
    table = parsed.table("real", ["x"], task="classification")
    assert table.class_names[:3] == ("0", "1.5", "3") and len(table.class_names) == 60


def test_regression_on_text_is_refused_with_the_cell():
    data = b("x,species\n1,setosa\n2,virginica\n")
    assert error(data, target="species", task="regression") == (
        "row 2, column 'species': 'setosa' is not a number; correct it, or choose "
        "classification")


def test_default_inputs_leave_out_text_and_empty_columns_and_say_so():
    data = b("id,name,x,notes,y\n1,Ann,0.5,,0\n2,Bob,1.5,,1\n")
    table = read_table(data, target="y")
    assert table.input_names == ("id", "x")
    assert table.warnings == ("left out of the inputs: 'name' (text), 'notes' (empty)",)
    kinds = {s.name: (s.kind, s.missing, s.text) for s in preview(data).summaries}
    assert kinds == {"id": ("whole numbers", 0, 0), "name": ("text", 0, 2),
                     "x": ("numbers", 0, 0), "notes": ("empty", 2, 0),
                     "y": ("whole numbers", 0, 0)}


def test_a_mixed_column_is_kept_so_its_text_cell_is_reported():
    data = b("x,y\n1,0\n2,1\nabc,0\n")
    assert preview(data).summaries[0].kind == "mixed"
    assert error(data, target="y").startswith("row 4, column 'x': 'abc' is not a number")


def test_rows_with_an_extra_trailing_delimiter_are_read():
    table = read_table(b("x,y\n1,2,\n3,4,\n"), target="y")
    assert table.X.tolist() == [[1.0], [3.0]]


def test_preview_options_can_be_changed_without_reading_the_file_again(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(b("1;2,5;3\n4;5,5;6\n"))
    p = preview(path)
    assert (p.options.delimiter, p.options.decimal, p.options.header) == (";", ",", False)
    path.unlink()
    headed = p.with_options(header=True)
    assert headed.columns == ("1", "2,5", "3") and headed.rows == (("4", "5,5", "6"),)
    assert headed.with_options(header=False).rows == p.rows
    commas = p.with_options(delimiter=",", decimal=".")
    assert commas.columns == ("column 1", "column 2")
    assert commas.rows[0] == ("1;2", "5;3")
    assert commas.summaries[0].kind == "text"


def test_preview_reads_only_the_start_of_a_large_file(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    row = "1.25,2.5,3.75,0\n"
    path.write_text("a,b,c,y\n" + row * (8 * 2**20 // len(row)))
    read = spy_reads(monkeypatch)
    started = time.perf_counter()
    p = preview(path)
    elapsed = time.perf_counter() - started
    assert sum(read) <= PREVIEW_BYTES + 1
    assert not p.complete and p.size == path.stat().st_size
    assert p.columns == ("a", "b", "c", "y") and len(p.rows) == 20
    assert p.sample.rows[-1] == len(p.sample.rows) + 1   # the last cut row is left out
    assert p.problem is None
    print(f"preview of an 8 MiB file: {elapsed * 1000:.1f} ms")


def test_preview_of_a_cut_quoted_field_is_not_a_problem():
    data = b("x,note\n" + "".join(f'{i},"a\nb"\n' for i in range(8000)))
    p = preview(data)
    assert not p.complete and p.problem is None and len(p.sample.rows) > 1000


def test_preview_reports_the_first_problem_and_shows_the_rows_before_it():
    p = preview(b("a,b\n1,2\n3,4\n5\n7,8\n"))
    assert p.problem == ("row 4 has 1 fields, but the header has 2: check the delimiter "
                         "(now comma) and the quotes on that row")
    assert p.rows == (("1", "2"), ("3", "4"))


def test_a_forced_encoding_that_does_not_fit_is_the_previews_problem():
    data = b("Stadt,y\nZürich,1\nBern,2\n", "latin-1")
    p = preview(data, CsvOptions(encoding="utf-8"))
    assert p.problem == ("line 2: the bytes fc 72 69 63 are not UTF-8 text; choose the "
                         "encoding Latin-1")
    assert p.rows[0][0] == "Z\ufffdrich"
    fixed = p.with_options(encoding="latin-1")
    assert fixed.problem is None and fixed.rows[0][0] == "Zürich"


@pytest.mark.parametrize(("text", "header"), [
    ("city,country\nParis,France\nLyon,France\n", True),     # distinct names, not repeated
    ("yes,no\nyes,no\nno,yes\n", False),                   # the first row recurs below
    ("2019,2020\n1.5,2.5\n", False),                        # numbers are not names
    ("name,,x\nAnn,,1\n", True),
])
def test_header_detection(text, header):
    assert preview(b(text)).options.header is header


def test_single_quotes_or_none():
    data = b("name;x;y\n'a;b';1;0\n'c';2;1\n")
    p = preview(data)
    assert p.options.quotechar == "'" and p.rows[0] == ("a;b", "1", "0")
    literal = p.with_options(quotechar=None, delimiter=",")
    assert literal.rows[0] == ("'a;b';1;0",)


def test_a_target_of_numbers_and_text_sorts_naturally():
    data = b("x,grade\n1,10\n2,2\n3,A\n4,2\n5,b\n")
    table = read_table(data, target="grade")
    assert table.task == "classification"
    assert table.class_names == ("2", "10", "A", "b") and table.y.tolist() == [1, 0, 2, 0, 3]


def test_whole_numbers_up_to_class_guess_max_are_classes():
    limit = csv_table.CLASS_GUESS_MAX
    few = parse(b("x,y\n" + "".join(f"{i},{i}\n" for i in range(limit))))
    many = parse(b("x,y\n" + "".join(f"{i},{i}\n" for i in range(limit + 1))))
    assert (few.guess_task("y"), many.guess_task("y")) == ("classification", "regression")
    assert parse(b("x,y\n1,1.0\n2,2.0\n")).guess_task("y") == "classification"
    assert parse(b("x,y\n1,1.5\n2,2\n")).guess_task("y") == "regression"


# -- malformed files -----------------------------------------------------------------------


def test_a_ragged_row_names_its_row_and_the_delimiter():
    data = b("a;b;c\n1;2;3\n4;5\n6;7;8\n")
    assert error(data, target="c") == (
        "row 3 has 2 fields, but the header has 3: check the delimiter (now semicolon) and "
        "the quotes on that row")
    assert error(b("1,2,3\n4,5,6,7\n"), target="column 3") == (
        "row 2 has 4 fields, but row 1 has 3: check the delimiter (now comma) and the quotes "
        "on that row")


def test_quotes_left_open_or_followed_by_text():
    assert error(b('x,y\n1,2\n3,"4\n5,6\n'), target="y") == (
        "row 3: a quote opened on this row is never closed")
    assert error(b('x,y\n1,"2"3\n'), target="y") == (
        "row 2: a closing quote is followed by more text in the same field; quote whole fields")


@pytest.mark.parametrize(("data", "message"), [
    (b"", "the file is empty"),
    (b"\n\n \r\n", "the file is empty"),
    (b"x,y\n", "the file has a header row but no rows of data"),
    (b"x,y\n\n,\n", "the file has a header row but no rows of data"),
])
def test_empty_files(data, message):
    assert error(data, target="y") == message
    if data.strip():
        assert preview(data).problem == message
    else:
        with pytest.raises(CsvImportError, match=message):
            preview(data)


@pytest.mark.parametrize(("data", "message"), [
    (b"x,y\n1,2\n\x00\x00\x01", "the file is not text (byte 9 is a NUL byte): choose a CSV file"),
    (b"PK\x03\x04\x14\x00", "the file is a ZIP archive (an Excel .xlsx or a LibreOffice .ods "
                           "workbook is one), not CSV text: save it as CSV"),
    (codecs.BOM_UTF16_LE + "x,y\n".encode("utf-16-le"),
     "the file is UTF-16 text: save it as UTF-8 CSV and import that"),
    (bytes(range(1, 32)) * 10, "the file is not text (260 control characters in its first "
                               "310 bytes): choose a CSV file"),
])
def test_binary_files_are_refused(data, message):
    assert error(data, target="y") == message
    with pytest.raises(CsvImportError) as caught:
        preview(data)
    assert str(caught.value) == message


def test_a_binary_file_is_refused_from_a_small_prefix(tmp_path, monkeypatch):
    path = tmp_path / "movie.csv"
    with path.open("wb") as stream:
        stream.write(b"\x00" * 1000 + bytes(range(256)) * 40_000)   # 10 MB
    read = spy_reads(monkeypatch)
    with pytest.raises(CsvImportError, match="NUL byte"):
        read_table(path, CsvOptions(), target="y")
    assert sum(read) <= csv_source.TEXT_CHECK_BYTES


def test_a_nul_byte_past_the_prefix_is_still_refused():
    data = b("x,y\n" + "1,2\n" * 20_000 + "3,\x004\n")
    assert preview(data).problem is None
    assert error(data, options=CsvOptions(), target="y") == (
        "the file is not text (byte 80,007 is a NUL byte): choose a CSV file")


@pytest.mark.serial
def test_a_1_gb_file_is_refused_in_milliseconds(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as stream:
        stream.truncate(2**30)          # sparse: takes no disk space
    started = time.perf_counter()
    with pytest.raises(CsvImportError) as caught:
        read_table(path, CsvOptions(), target="y")
    elapsed = time.perf_counter() - started
    assert str(caught.value) == (
        f"the file is 1,024.0 MiB; CSV files of up to {MAX_CSV_BYTES // 2**20} MiB can be "
        "imported (MAX_CSV_BYTES): import a part of the rows or leave out columns")
    assert elapsed < 0.05
    started = time.perf_counter()
    with pytest.raises(CsvImportError, match="MAX_CSV_BYTES"):
        preview(path)
    assert time.perf_counter() - started < 0.05
    print(f"1 GiB file refused in {elapsed * 1000:.2f} ms")


def test_an_unreadable_path_is_an_import_error(tmp_path):
    with pytest.raises(CsvImportError, match="cannot read the file"):
        preview(tmp_path / "missing.csv")
    assert issubclass(CsvImportError, BPFileError)


def test_an_all_missing_column_chosen_as_input():
    data = b("x,gap,y\n1,,0\n2,,1\n")
    assert error(data, target="y", inputs=["x", "gap"]) == (
        "row 2, column 'gap': the value is missing (2 rows with missing values): fill them "
        "in, or choose to drop those rows")
    assert error(data, target="y", inputs=["x", "gap"], missing="drop") == (
        "every row has a missing value: there is nothing to import")


def test_duplicate_header_names_are_renamed_and_reported():
    data = b("x,x,,y,x\n1,2,3,0,5\n4,5,6,1,8\n")
    p = preview(data)
    assert p.columns == ("x", "x (2)", "column 3", "y", "x (3)")
    assert p.warnings == (
        "columns 1 and 2 are both named 'x'; column 2 is called 'x (2)' here",
        "columns 1 and 5 are both named 'x'; column 5 is called 'x (3)' here",
    )
    table = read_table(data, target="y", inputs=["x (2)", "x"])
    assert table.X.tolist() == [[2, 1], [5, 4]]
    assert table.warnings == p.warnings


def test_a_constant_target_is_refused_and_a_constant_input_reported():
    data = b("x,c,y,label\n1,7,2.5,a\n2,7,2.5,a\n3,7,2.5,a\n")
    assert error(data, target="y") == (
        "target: column 'y' has the value 2.5 in every row, so there is nothing to learn: "
        "choose another target")
    assert error(data, target="label") == (
        "target: column 'label' has the class 'a' in every row; classification needs at "
        "least two classes: choose another target")
    table = read_table(b("x,c,y\n1,7,0\n2,7,1\n"), target="y")
    assert table.warnings == ("input 'c' has the value 7 in every row; it cannot help the "
                              "network",)


def test_names_that_are_not_columns_list_the_columns():
    data = b("a,b,c\n1,2,3\n4,5,6\n")
    assert error(data, target="z") == (
        "target: the file has no column 'z'; its columns are 'a', 'b', 'c'")
    assert error(data, target="c", inputs=["a", "q"]).startswith("inputs: the file has no "
                                                                 "column 'q'")
    assert error(data, target="c", inputs=["a", "c"]) == (
        "inputs: column 'c' is the target; an input cannot be the target too")


def test_text_from_the_file_is_quoted_escaped_and_bounded():
    label = "\x1b[31m" + "A" * 10_000
    data = b(f'"x\x1b]0;pwn\x07",y\n"{label}\n",0\n2,1\n')
    message = error(data, target="y")
    assert "\x1b" not in message and "\n" not in message and len(message) < 300
    assert message.startswith("row 2, column 'x\\x1b]0;pwn\\x07': '\\x1b[31mAAAA")
    assert "(10,005 characters)" in message


def test_a_field_longer_than_the_csv_modules_limit():
    data = b("x,y\n1,2\n3,\"" + "a" * 200_000 + "\"\n")
    assert error(data, options=CsvOptions(), target="y") == (
        "row 3: a field is longer than 131,072 characters (is a quote left open?)")


def test_a_first_line_longer_than_the_preview_bytes_is_read_whole():
    names = [f"feature_{i:05d}" for i in range(6000)]      # an 84 KB header
    data = b(",".join(names) + "\n" + ",".join("1" * 6000) + "\n")
    p = preview(data)
    assert p.columns[-1] == "feature_05999" and p.rows == (tuple("1" * 6000),)


# -- limits --------------------------------------------------------------------------------


def test_more_rows_than_max_samples_are_refused():
    data = b("x,y\n" + "1,2\n" * (MAX_SAMPLES + 1))
    assert error(data, target="y") == (
        f"the file has more than {MAX_SAMPLES:,} rows of data; at most {MAX_SAMPLES:,} can be "
        "imported (MAX_SAMPLES)")
    assert len(parse(b("x,y\n" + "1,2\n" * MAX_SAMPLES)).rows) == MAX_SAMPLES


def test_more_classes_than_max_classes_are_refused():
    data = b("x,y\n" + "".join(f"{i},c{i}\n" for i in range(MAX_CLASSES + 1)))
    assert error(data, target="y") == (
        f"target: column 'y' has {MAX_CLASSES + 1:,} different values, more than "
        f"{MAX_CLASSES:,} classes (MAX_CLASSES): choose regression, or another target")


def test_table_cell_and_training_limits(monkeypatch):
    data = b("a,b,y\n" + "".join(f"{i},{i % 7},{i % 5}\n" for i in range(100)))
    monkeypatch.setattr(csv_table, "MAX_TABLE_VALUES", 299)
    assert error(data, target="y") == (
        "100 rows of 3 columns are 300 numbers; a table holds at most 299 "
        "(MAX_TABLE_VALUES): choose fewer inputs, or import fewer rows")
    monkeypatch.setattr(csv_table, "MAX_TABLE_VALUES", 300)
    monkeypatch.setattr(csv_table, "MAX_DATA_VALUES", 699)   # 100 × (2 inputs + 5 classes)
    assert error(data, target="y").startswith("100 rows × (2 inputs + 5 outputs) are 700 "
                                              "numbers; training holds at most 699")
    monkeypatch.setattr(csv_columns, "MAX_CSV_CELLS", 299)
    assert error(data, target="y") == (
        "the file has more than 299 cells (3 columns) (MAX_CSV_CELLS): import fewer columns "
        "or rows")


# -- options -------------------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "field"), [
    ({"delimiter": ":"}, "delimiter"), ({"encoding": "utf-16"}, "encoding"),
    ({"decimal": ";"}, "decimal"), ({"thousands": "."}, "thousands"),
    ({"quotechar": None, "decimal": ","}, "decimal"),
])
def test_options_are_checked(changes, field):
    with pytest.raises(ValueError, match=f"^{field}: "):
        CsvOptions(**{"decimal": ".", **changes})


def test_missing_markers_are_an_option():
    data = b("x,label\n1,NA\n2,EU\n3,NA\n")
    assert error(data, target="label").startswith("row 2, column 'label': the value is "
                                                   "missing")
    options = CsvOptions(missing_markers=("",))
    assert read_table(data, options, target="label").class_names == ("EU", "NA")


# -- speed ---------------------------------------------------------------------------------


def test_100000_rows_import_fast_and_exactly():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(MAX_SAMPLES, 4)) * 10.0 ** rng.integers(-5, 6, size=(MAX_SAMPLES, 4))
    labels = rng.integers(0, 3, MAX_SAMPLES)
    lines = ["a,b,c,d,label"] + [f"{r[0]!r},{r[1]!r},{r[2]!r},{r[3]!r},k{k}"
                                 for r, k in zip(X.tolist(), labels)]
    data = ("\n".join(lines) + "\n").encode()
    started = time.perf_counter()
    table = read_table(data, target="label")
    elapsed = time.perf_counter() - started
    assert table.X.tobytes() == X.tobytes()
    assert table.y.tolist() == labels.tolist()
    print(f"100,000 rows × 5 columns ({len(data) / 2**20:.1f} MiB): {elapsed:.2f} s")
    assert elapsed < 5.0        # 0.5-0.7 s measured on a loaded 2-core machine


# -- helpers -------------------------------------------------------------------------------


def spy_reads(monkeypatch) -> list[int]:
    """Record how many bytes every read of a file opened by the CSV reader returns."""
    sizes: list[int] = []

    class Spy:
        def __init__(self, stream):
            self.stream = stream

        def fileno(self):
            return self.stream.fileno()

        def read(self, n=-1):
            data = self.stream.read(n)
            sizes.append(len(data))
            return data

    @contextlib.contextmanager
    def spying_open(path, mode):
        with open(path, mode) as stream:
            yield Spy(stream)

    monkeypatch.setattr(csv_source, "open", spying_open, raising=False)
    return sizes
