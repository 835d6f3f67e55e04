"""File ▸ Import Data…: a CSV file made here goes through the dialog as a person would take
it (menu, options, uses of the columns, Import) and becomes the document's data."""

import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from bpstudio.gui.window.import_dialog import ImportDialog
from bpstudio.io.csv_import import parse

IRIS_LIKE = (
    "länge;breite;art\r\n"
    "1,5;0,2;setosa\r\n"
    "1,4;0,25;setosa\r\n"
    "4,7;1,4;versicolor\r\n"
    "4,5;1,5;versicolor\r\n"
    "5,9;2,1;virginica\r\n"
    "6,0;2,5;virginica\r\n"
    "1,3;0,2;setosa\r\n"
    "4,6;1,3;versicolor\r\n"
    "5,8;2,2;virginica\r\n"
)


@pytest.fixture
def iris_csv(tmp_path):
    path = tmp_path / "blumen.csv"
    path.write_bytes(IRIS_LIKE.encode("cp1252"))
    return str(path)


def open_dialog(window, dialogs, qtbot, path) -> ImportDialog:
    dialogs.open_path = path
    window.findChild(type(window.importing.action), "importDataAction").trigger()
    dialog = window.importing.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.reader.busy, timeout=5000)
    return dialog


def test_import_semicolons_decimal_commas_and_text_labels(window, dialogs, qtbot, iris_csv):
    dialog = open_dialog(window, dialogs, qtbot, iris_csv)
    assert dialog.delimiter_combo.currentText() == "semicolon"
    assert dialog.decimal_combo.currentData() == ","
    assert dialog.encoding_combo.currentData() == "cp1252"
    assert dialog.header_check.isChecked()
    table = dialog.preview_table
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["länge", "breite", "art"]
    assert table.item(0, 0).text() == "1,5" and table.item(2, 2).text() == "versicolor"
    assert dialog.task_combo.currentText() == "classification"
    assert dialog.import_button.isEnabled(), dialog.problem_label.text()
    assert "9 rows, 2 inputs" in dialog.summary_label.text()
    assert "3 classes: 'setosa', 'versicolor', 'virginica'" in dialog.summary_label.text()
    assert not window.document.modified

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: window.data.table is not None, timeout=5000)
    data = window.data
    assert data.task == "classification"
    assert data.class_names == ("setosa", "versicolor", "virginica")
    assert data.input_names == ("länge", "breite")
    np.testing.assert_array_equal(data.full.X[:2], [[1.5, 0.2], [1.4, 0.25]])
    assert window.document.modified
    assert window.session.network.output_activation == "softmax"
    assert window.designer.data.dataset_combo.currentText() == "Imported table"
    legend = window.decision_plot.class_legend.text()
    assert "setosa" in legend and "virginica" in legend and "class 0" not in legend
    qtbot.waitUntil(lambda: window.last_snapshot is not None, timeout=10000)
    assert window.last_snapshot.grid_outputs.shape[-1] == 3


def test_a_bad_cell_is_named_and_blocks_the_import_until_mended(window, dialogs, qtbot,
                                                                tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("a,b,c,y\n1,2,x,0\n2,3,y,1\n3,oops,z,0\n4,5,w,1\n")
    dialog = open_dialog(window, dialogs, qtbot, str(path))
    # column c is text: left out at first; b has one text cell: an input, so its error shows
    assert dialog.columns.uses() == ["input", "input", "left out", "target"]
    assert dialog.problem_label.text().startswith("row 4, column 'b': 'oops' is not a number")
    assert not dialog.import_button.isEnabled()
    marked = dialog.preview_table.currentItem()
    assert marked.isSelected() and marked.text() == "oops"
    assert dialog.preview_table.verticalHeaderItem(marked.row()).text() == "4"
    dialog.columns.combo(dialog.columns.row_of("b")).setCurrentText("left out")
    assert dialog.problem_label.isHidden()
    assert dialog.import_button.isEnabled()
    assert dialog.table.input_names == ("a",)


def test_missing_values_refused_or_their_rows_dropped(window, dialogs, qtbot, tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text("x,y\n1,0.5\n,0.7\n3,0.1\n4,NA\n5,0.9\n")
    dialog = open_dialog(window, dialogs, qtbot, str(path))
    assert dialog.task_combo.currentText() == "regression"
    assert [dialog.preview_table.verticalHeaderItem(r).text() for r in range(5)] == [
        "2", "3", "4", "5", "6"]
    assert "row 3, column 'x': the value is missing" in dialog.problem_label.text()
    assert not dialog.import_button.isEnabled()
    dialog.missing_combo.setCurrentIndex(dialog.missing_combo.findData("drop"))
    assert dialog.import_button.isEnabled()
    assert "dropped 2 rows with missing values (rows 3, 5)" in dialog.warnings_label.text()
    assert dialog.table.X[:, 0].tolist() == [1.0, 3.0, 5.0]


def test_changing_an_option_reads_the_preview_again(window, dialogs, qtbot, tmp_path):
    path = tmp_path / "points.csv"
    path.write_text("1,5;2,5;0\n2,5;3,5;1\n3,5;1,5;0\n0,5;0,5;1\n")
    dialog = open_dialog(window, dialogs, qtbot, str(path))
    assert not dialog.header_check.isChecked()
    assert dialog.columns.named("input") == ["column 1", "column 2"]
    dialog.decimal_combo.setCurrentIndex(dialog.decimal_combo.findData("."))
    qtbot.waitUntil(lambda: not dialog.reader.busy, timeout=5000)
    assert "'1,5' is not a number" in dialog.problem_label.text()
    assert not dialog.import_button.isEnabled()
    dialog.decimal_combo.setCurrentIndex(dialog.decimal_combo.findData(","))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)


def test_duplicate_and_constant_columns_are_reported(window, dialogs, qtbot, tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("x,x,k,y\n1,2,7,0\n2,1,7,1\n3,5,7,0\n4,4,7,1\n")
    dialog = open_dialog(window, dialogs, qtbot, str(path))
    warnings = dialog.warnings_label.text()
    assert "columns 1 and 2 are both named 'x'" in warnings
    assert "input 'k' has the value 7 in every row" in warnings
    assert dialog.import_button.isEnabled()


@pytest.mark.serial
def test_a_binary_file_is_refused_before_any_dialog(window, dialogs, qtbot, tmp_path):
    path = tmp_path / "book.csv"
    path.write_bytes(b"PK\x03\x04" + bytes(200_000))
    start = time.perf_counter()
    dialogs.open_path = str(path)
    window.importing.action.trigger()
    assert time.perf_counter() - start < 1.0
    assert window.importing.dialog is None
    assert dialogs.calls[-1][0] == "critical"
    assert "ZIP archive" in dialogs.calls[-1][1]


def test_open_offers_to_import_a_csv_file(window, dialogs, qtbot, iris_csv):
    dialogs.answer = dialogs.answer.Yes
    window.files.open_path(iris_csv)
    assert dialogs.calls[-1][0] == "question"
    assert "is a table, not a BP Studio network" in dialogs.calls[-1][1]
    dialog = window.importing.dialog
    assert dialog is not None and dialog.isVisible()
    assert not window.files.opening


def test_dropping_a_csv_file_opens_the_dialog(window, dialogs, qtbot, iris_csv):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(iris_csv)])
    where, how = QPoint(100, 100), Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, how, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    assert window.importing.dialog is None  # entering is not dropping
    QApplication.sendEvent(window, QDropEvent(QPointF(where), how, mime, buttons, keys))
    dialog = window.importing.dialog
    assert dialog is not None and dialog.path == iris_csv


@pytest.mark.serial
def test_a_very_large_file_is_refused_from_its_size(window, dialogs, qtbot, tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as f:
        f.truncate(2**30)  # sparse: 1 GiB that costs no disk
    start = time.perf_counter()
    dialogs.open_path = str(path)
    window.importing.action.trigger()
    assert time.perf_counter() - start < 1.0
    assert window.importing.dialog is None
    assert "CSV files of up to 64 MiB can be imported" in dialogs.calls[-1][1]


def test_the_whole_file_is_read_off_the_gui_thread(window, dialogs, qtbot, monkeypatch,
                                                   iris_csv):
    from bpstudio.gui.window import import_dialog

    threads = []

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return parse(*args, **kwargs)

    monkeypatch.setattr(import_dialog, "parse", recording)
    dialog = open_dialog(window, dialogs, qtbot, iris_csv)
    assert dialog.import_button.isEnabled()
    assert threads and threading.main_thread() not in threads
