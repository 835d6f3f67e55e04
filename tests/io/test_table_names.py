"""Embedded rows keep the names they came with (format version 4): what a table may be
given is what a file may hold, and the data's names fall back to plain ones."""

import json

import numpy as np
import pytest

from bpstudio.io import BPFileError, dumps, load, loads, save
from bpstudio.limits import MAX_CLASSES, MAX_COLUMN_NAMES, MAX_NAME_CHARS
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, Table

from .conftest import named_table_session, text_of, train

X3 = np.arange(6.0).reshape(3, 2)


def classes(**names):
    return Table(X3, np.array([0, 1, 2]), "classification", **names)


def test_names_round_trip_and_the_data_offers_them():
    session = train(named_table_session(), 2)
    again = loads(dumps(session))
    assert text_of(again) == text_of(session)
    prepared = again.prepare_data()
    assert prepared.class_names == ("setosa", "versi color", 'é;"x"')
    assert prepared.input_names == ("petal length", "petal;width")
    assert prepared.target_names == ("species",)


def test_data_without_names_gets_plain_ones():
    spiral = DataSpec("spiral", {"classes": 3}).load()
    assert spiral.class_names == ("class 0", "class 1", "class 2")
    assert spiral.input_names == ("x1", "x2") and spiral.target_names == ("y",)
    sin = DataSpec("sin").load()
    assert sin.class_names == () and sin.input_names == ("x1",) and sin.target_names == ("y",)
    two = DataSpec("table", table=Table(X3, X3 * 2, "regression")).load()
    assert two.target_names == ("y1", "y2")


# (names given to a table, the message; the file holding them says the same after its path)
REFUSED = [
    (classes(class_names=["a", "b"]),
     "table.class_names: expected 3 names, one per class, got 2; give one name per class, "
     "or none"),
    (classes(class_names=["a", "", "c"]),
     "table.class_names[1]: expected a name (text of at least one character), got ''"),
    (classes(class_names=["a", 7, "c"]),
     "table.class_names[1]: expected a name (text of at least one character), got 7"),
    (classes(class_names=["a", "b", "a"]),
     "table.class_names: 'a' names two classes; each class needs a name of its own"),
    (classes(input_names=["x", "y" * (MAX_NAME_CHARS + 1)]),
     f"table.input_names[1]: at most {MAX_NAME_CHARS} characters, got {MAX_NAME_CHARS + 1}; "
     "shorten the name"),
    (classes(target_names=["t", "u"]),
     "table.target_names: expected 1 names, one per target column, got 2"),
    (Table(X3, X3, "regression", class_names=["a"]),
     "table.class_names: a regression table has no classes; leave them out"),
]


def as_file(table):
    doc = json.loads(dumps(Session(data=DataSpec("table", table=Table(table.X, table.y,
                                                                        table.task)))))
    for key in ("class_names", "input_names", "target_names"):
        doc["data"]["table"][key] = list(getattr(table, key))
    return json.dumps(doc)


@pytest.mark.parametrize(("table", "message"), REFUSED, ids=[m[:40] for _, m in REFUSED])
def test_names_a_table_refuses_a_file_refuses_with_the_same_words(table, message):
    with pytest.raises(ValueError) as made:
        DataSpec("table", table=table)
    assert str(made.value).startswith(message), str(made.value)
    with pytest.raises(BPFileError) as read:
        loads(as_file(table))
    assert str(read.value).startswith(f"data.{message}"), str(read.value)


def test_names_must_be_a_list():
    with pytest.raises(ValueError, match=r"^class_names: expected a list of names, got 'abc'"):
        classes(class_names="abc")
    doc = json.loads(as_file(classes()))
    doc["data"]["table"]["input_names"] = "x1"
    with pytest.raises(BPFileError, match=r"^data\.table\.input_names: expected a list"):
        loads(json.dumps(doc))


def test_a_name_that_cannot_be_written_as_utf8_is_refused_when_read():
    text = as_file(classes(class_names=["a", "b", "c"])).replace('"c"', '"\\ud800"')
    with pytest.raises(BPFileError, match=r"^data\.table\.class_names\[2\]: contains an "
                                          r"invalid character"):
        loads(text)


def test_the_most_names_of_the_most_bytes_save_and_open(tmp_path):
    """1,000 classes and 10,000 columns, every name 100 control characters (6 bytes each
    in JSON): about 6.6 MB of names in a file that opens again."""
    longest = "\x01" * (MAX_NAME_CHARS - 5)
    inputs = MAX_COLUMN_NAMES - 1
    table = Table(np.zeros((1, inputs)), np.array([MAX_CLASSES - 1]), "classification",
                  class_names=[f"{k:05}{longest}" for k in range(MAX_CLASSES)],
                  input_names=[f"{i:05}{longest}" for i in range(inputs)],
                  target_names=["t" + longest])
    session = Session(NetworkSpec((LayerSpec(1, "tanh"),), "sigmoid", "mse"),
                      DataSpec("table", table=table))
    path = tmp_path / "names.bpnet"
    save(path, session)
    assert path.stat().st_size > (MAX_CLASSES + MAX_COLUMN_NAMES) * len(longest) * 6
    again = load(path).data.table
    assert again.class_names == table.class_names and again.input_names == table.input_names
