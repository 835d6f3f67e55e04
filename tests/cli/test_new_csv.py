"""``bpstudio new --csv``: a session of a CSV file's rows, over real-world shapes of CSV.

Each file is written here as bytes, so every number, name and row number can be checked by
eye against its text.
"""

import json

import numpy as np
import pytest

from bpstudio.io import load

from .helpers import error_line, run


@pytest.fixture
def csv(tmp_path):
    def write(data: bytes, name: str = "data.csv"):
        path = tmp_path / name
        path.write_bytes(data)
        return path
    return write


def new(capsys, tmp_path, source, *flags):
    out = tmp_path / "out.bpnet"
    code, stdout, err = run(capsys, "new", "-o", out, "--csv", source, *flags)
    return code, stdout, err, out


def test_semicolons_decimal_commas_and_text_labels_become_a_named_classification(
        csv, tmp_path, capsys):
    source = csv("Länge;Breite;Art\n1,5;2,25;rot\n-0,5;3;blau\n12,75;-1,0;rot\n2;1;grün\n"
                 .encode())
    code, out, err, path = new(capsys, tmp_path, source, "--target", "Art")
    assert code == 0 and err == ""
    assert out.startswith(f"wrote {path}: 2-8-3 (tanh, softmax), loss cross_entropy")
    table = load(path).data.table
    assert table.class_names == ("blau", "grün", "rot") and table.y.tolist() == [2, 0, 2, 1]
    assert table.input_names == ("Länge", "Breite") and table.target_names == ("Art",)
    np.testing.assert_array_equal(table.X, [[1.5, 2.25], [-0.5, 3], [12.75, -1], [2, 1]])


def test_bom_crlf_and_quoted_delimiters(csv, tmp_path, capsys):
    source = csv(b'\xef\xbb\xbf"name, full",x,"y"\r\n"a, b",1.5,0.25\r\n"c",2,0.5\r\n'
                 b'"d ""e""",3,1\r\n\r\n')
    code, out, err, path = new(capsys, tmp_path, source, "--target", "y", "--inputs", "x")
    assert code == 0, err
    table = load(path).data.table
    assert table.task == "regression" and table.input_names == ("x",)
    assert table.target_names == ("y",)
    np.testing.assert_array_equal(table.X[:, 0], [1.5, 2, 3])
    np.testing.assert_array_equal(table.y[:, 0], [0.25, 0.5, 1])
    assert "1-8-1 (tanh, identity)" in out


def test_a_header_less_file_names_its_columns_by_number(csv, tmp_path, capsys):
    source = csv(b"0.5,1.5,0\n1.5,0.5,1\n2.5,2.0,0\n0.1,0.2,1\n")
    code, _, err, path = new(capsys, tmp_path, source, "--target", "column 3")
    assert code == 0, err
    table = load(path).data.table
    assert table.input_names == ("column 1", "column 2") and table.class_names == ("0", "1")


def test_the_task_inputs_and_several_regression_targets_can_be_chosen(csv, tmp_path, capsys):
    source = csv(b"a,b,c,d\n1,2,3,0\n2,1,5,1\n3,3,4,0\n4,0,1,1\n")
    code, out, err, path = new(capsys, tmp_path, source, "--target", "c", "--target", "d",
                               "--inputs", "a, b", "--task", "regression", "--layers", "2,5,2",
                               "--test-fraction", "0.25", "--seed", "3", "--standardize")
    assert code == 0, err
    session = load(path)
    assert session.data.table.target_names == ("c", "d")
    assert session.data.test_fraction == 0.25 and session.data.standardize
    assert session.data.split_seed == 3 and "2-5-2" in out


def test_missing_values_are_refused_with_row_and_column_or_dropped(csv, tmp_path, capsys):
    source = csv(b"age,size,label\n30,1.5,a\nNA,2.5,b\n40,,a\n50,3.5,b\n")
    code, _, err, path = new(capsys, tmp_path, source, "--target", "label")
    assert code == 1 and not path.exists()
    assert error_line(err) == (
        f"bpstudio: {source}: row 3, column 'age': the value is missing (2 rows with missing "
        "values): fill them in, or choose to drop those rows")
    code, _, err, path = new(capsys, tmp_path, source, "--target", "label", "--missing", "drop")
    assert code == 0
    assert err == f"bpstudio: {source}: dropped 2 rows with missing values (rows 3, 4)\n"
    assert load(path).data.table.X.tolist() == [[30, 1.5], [50, 3.5]]


def test_a_cell_that_is_not_a_number_is_named_by_row_and_column(csv, tmp_path, capsys):
    source = csv(b"x;y\n1,5;1\n2,5;2\nzwei;3\n4;5\n")
    code, _, err, path = new(capsys, tmp_path, source, "--target", "y", "--task", "regression")
    assert code == 1 and not path.exists()
    assert error_line(err).startswith(f"bpstudio: {source}: row 4, column 'x': 'zwei' is not "
                                      "a number")


@pytest.mark.parametrize(("flags", "message"), [
    (["--target", "nope"], "target: the file has no column 'nope'; its columns are 'x', 'y'"),
    (["--target", "y", "--inputs", "z"], "the file has no column 'z'"),
])
def test_a_column_the_file_lacks_is_refused_with_its_columns(csv, tmp_path, capsys, flags,
                                                             message):
    source = csv(b"x,y\n1,0\n2,1\n")
    code, _, err, path = new(capsys, tmp_path, source, *flags)
    assert code == 1 and message in error_line(err) and not path.exists()


@pytest.mark.parametrize(("flags", "message"), [
    (["--csv", "data.csv"], "--csv needs --target COLUMN"),
    (["--csv", "data.csv", "--target", "y", "--data", "xor"], "--csv cannot be combined with "
     "--data"),
    (["--csv", "data.csv", "--target", "y", "--param", "n=3"], "--csv cannot be combined with "
     "--param"),
    (["--target", "y"], "--target is about reading a CSV file; give it with --csv"),
    (["--missing", "drop"], "--missing is about reading a CSV file"),
    (["--decimal", "comma"], "--decimal is about reading a CSV file"),
    (["--example", "sin", "--csv", "data.csv"], "--example cannot be combined with --csv"),
    (["--csv", "data.csv", "--target", "y", "--layers", "3,4,1"],
     "--layers: the data 'data.csv' has 1 inputs and 1 outputs"),
])
def test_flags_that_cannot_work_with_a_csv_are_usage_errors(csv, tmp_path, capsys,
                                                            monkeypatch, flags, message):
    csv(b"x,y\n1,0\n2,1\n3,0\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "new", "-o", tmp_path / "out.bpnet", *flags)
    assert code == 2 and message in error_line(err), err
    assert not (tmp_path / "out.bpnet").exists()


def test_a_missing_or_binary_csv_file_is_one_line_and_exit_1(csv, tmp_path, capsys):
    code, _, err, _ = new(capsys, tmp_path, tmp_path / "absent.csv", "--target", "y")
    assert code == 1 and error_line(err).startswith(f"bpstudio: {tmp_path / 'absent.csv'}: ")
    zipped = csv(b"PK\x03\x04" + bytes(200), "book.csv")
    code, _, err, _ = new(capsys, tmp_path, zipped, "--target", "y")
    assert code == 1 and "ZIP archive" in error_line(err)


def test_a_session_made_from_a_csv_trains(csv, tmp_path, capsys):
    rows = "\n".join(f"{i / 10},{(i * 7) % 10 / 10},{'hoch' if i % 2 else 'tief'}"
                     for i in range(40))
    source = csv(f"a,b,level\n{rows}\n".encode())
    code, _, err, path = new(capsys, tmp_path, source, "--target", "level",
                             "--test-fraction", "0.25")
    assert code == 0, err
    code, _out, err = run(capsys, "train", path, "--epochs", "3")
    assert code == 0, err
    assert load(path).state.epoch == 3


def test_info_shows_the_names_the_rows_came_with(csv, tmp_path, capsys):
    labels = [f"k{i}" for i in range(10)]
    rows = "".join(f"{i},{i % 3},{labels[i]}\n" for i in range(10))
    source = csv(f"a,\x1b[31mb,kind\n{rows}".encode())
    path = new(capsys, tmp_path, source, "--target", "kind")[3]
    code, out, _ = run(capsys, "info", path)
    assert code == 0
    lines = dict(line.split(maxsplit=1) for line in out.splitlines())
    assert lines["inputs"] == "'a', '\\x1b[31mb'" and lines["targets"] == "'kind'"
    assert lines["classes"] == "'k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7' and 2 more"
    data = json.loads(run(capsys, "info", path, "--json")[1])["data"]
    assert data["class_names"] == labels and data["input_names"] == ["a", "\x1b[31mb"]


def test_the_reading_options_can_replace_what_is_detected(csv, tmp_path, capsys):
    # one column per row of "1,5" read with a comma delimiter: two columns, decimal points
    source = csv(b"x,y\n1,5\n2,6\n3,5\n")
    code, _, err, path = new(capsys, tmp_path, source, "--target", "y")
    assert code == 0, err
    assert load(path).data.table.X[:, 0].tolist() == [1, 2, 3]
    code, _, err, path = new(capsys, tmp_path, source, "--target", "column 2", "--header", "no",
                             "--task", "classification", "--force")
    assert code == 1 and "row 1, column 'column 1': 'x' is not a number" in error_line(err)
    semicolons = csv("a;b\n1,5;0\n2,5;1\n".encode("cp1252"), "semi.csv")
    code, _, err, path = new(capsys, tmp_path, semicolons, "--target", "b", "--inputs", "a",
                             "--decimal", "point", "--force")
    assert code == 1 and "'1,5' is not a number (decimal mark '.'" in error_line(err)
    code, _, err, path = new(capsys, tmp_path, semicolons, "--target", "b", "--delimiter",
                             "semicolon", "--encoding", "cp1252", "--force")
    assert code == 0 and load(path).data.table.X[:, 0].tolist() == [1.5, 2.5]
