"""An imported CSV table becomes embedded rows with its names, fitted to the limits."""

from dataclasses import replace

import numpy as np

from bpstudio.io import dumps, loads
from bpstudio.io.csv_embed import EMPTY_NAME, distinct, embedded_table, fitted
from bpstudio.io.csv_import import CsvOptions, ImportedTable, read_table
from bpstudio.limits import MAX_COLUMN_NAMES, MAX_NAME_CHARS
from bpstudio.session import DataSpec, Session


def test_text_labels_become_class_names_in_label_order_and_the_header_column_names():
    data = b"len;wid;species\n1,5;2;versicolor\n2;3,25;setosa\n0,5;1;versicolor\n"
    table = embedded_table(read_table(data, target="species"))
    assert table.class_names == ("setosa", "versicolor")
    assert table.y.tolist() == [1, 0, 1]
    assert table.input_names == ("len", "wid") and table.target_names == ("species",)
    np.testing.assert_array_equal(table.X, [[1.5, 2.0], [2.0, 3.25], [0.5, 1.0]])
    spec = DataSpec("table", table=table)
    again = loads(dumps(Session(data=spec))).data.table
    assert again.class_names == table.class_names and again.input_names == table.input_names


def test_a_regression_import_keeps_its_target_names_and_no_classes():
    table = embedded_table(read_table(b"a,b,c\n1,2,3.5\n2,1,0.25\n3,3,1\n", target=["b", "c"],
                                      task="regression"))
    assert table.class_names == () and table.target_names == ("b", "c")
    assert table.y.shape == (3, 2)


def test_long_names_are_cut_and_stay_apart():
    long = "x" * (MAX_NAME_CHARS + 20)
    assert fitted(long) == "x" * (MAX_NAME_CHARS - 1) + "…"
    assert fitted("short") == "short"
    names = distinct([fitted(long + "a"), fitted(long + "b"), fitted(long + "c"), "y"])
    assert len(set(names)) == 4 and max(map(len, names)) == MAX_NAME_CHARS
    assert names[1].endswith(" (2)") and names[2].endswith(" (3)")
    data = f"v,label\n1,{long}a\n2,{long}b\n3,{long}a\n".encode()
    table = embedded_table(read_table(data, target="label"))
    assert table.class_names == names[:2] and table.y.tolist() == [0, 1, 0]


def test_an_empty_label_is_a_class_called_empty():
    options = CsvOptions(missing_markers=("NA",))
    table = embedded_table(read_table(b"v,label\n1,\n2,b\n3,b\n", options, target="label"))
    assert table.class_names == (EMPTY_NAME, "b")


def test_more_columns_than_names_a_table_keeps_gives_plain_names():
    inputs = MAX_COLUMN_NAMES  # and one target: one column too many
    imported = ImportedTable(np.arange(2.0 * inputs).reshape(2, inputs), np.array([[1.0], [2.0]]),
                             "regression", tuple(f"c{i}" for i in range(inputs)), ("t",), (),
                             np.array([2, 3]), ())
    table = embedded_table(imported)
    assert table.input_names == () and table.target_names == ()
    prepared = DataSpec("table", table=table).load()
    assert prepared.input_names[:2] == ("x1", "x2") and prepared.target_names == ("y",)
    fewer = replace(imported, X=imported.X[:, 1:], input_names=imported.input_names[1:])
    assert embedded_table(fewer).input_names == imported.input_names[1:]
