"""Pinned runs are saved with the document: pin, save, open again, and the Compare dock
shows the same runs with the same numbers."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from bpstudio import io as bpnet
from bpstudio.experiments.pins import shown_number
from bpstudio.gui.window.compare_panel import columns

from .test_compare import _pin, _step


def _rows(panel):
    """Every cell of the pinned runs' rows, as shown."""
    table = panel.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(1, table.rowCount())]


def test_pins_saved_and_opened_show_the_same_numbers(qtbot, window, dialogs, tmp_path):
    panel = window.compare.panel
    _step(qtbot, window, 4)
    _pin(qtbot, window)
    _step(qtbot, window, 3)
    _pin(qtbot, window)
    panel.table.item(2, 0).setText("later ✓")
    shown = _rows(panel)
    histories = [pin.session.history for pin in window.compare.board]
    dialogs.save_path = str(tmp_path / "pinned")
    window.actions.save.trigger()
    saved = bpnet.load(tmp_path / "pinned.bpnet")
    assert [run.name for run in saved.pinned] == ["run 1", "later ✓"]

    window.actions.new.trigger()
    window.compare.board.clear()
    window.compare.refresh()
    assert panel.table.rowCount() == 1
    dialogs.open_path = str(tmp_path / "pinned.bpnet")
    window.actions.open.trigger()
    qtbot.waitUntil(lambda: window.document.path == str(tmp_path / "pinned.bpnet"))
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3)
    assert _rows(panel) == shown
    assert [pin.session.history.train_loss for pin in window.compare.board] == [
        h.train_loss for h in histories]
    assert "2 pinned runs are in the Compare dock" in window.statusBar().currentMessage()
    assert [c.label for c in window.loss_plot.references.curves if c.label] == [
        "run 1", "later ✓"]

    window.actions.save.trigger()  # Save keeps them
    assert [run.name for run in bpnet.load(tmp_path / "pinned.bpnet").pinned] == [
        "run 1", "later ✓"]


def test_the_live_row_follows_the_snapshots(qtbot, window):
    panel = window.compare.panel
    _step(qtbot, window, 2)
    button = window.findChild(QToolButton, "stepButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.last_snapshot.epoch == 3)
    snapshot = window.last_snapshot
    assert panel.cell(0, "epochs") == "3"
    assert panel.cell(0, "final train loss") == shown_number(snapshot.new_train_losses[-1])
    score = columns(snapshot.score)[8]  # final train accuracy or R²
    assert panel.cell(0, score) == shown_number(snapshot.metrics[f"train_{snapshot.score}"])


def test_a_pin_of_other_data_stays_unsaved_until_undo_brings_its_data_back(
        qtbot, window, dialogs, tmp_path):
    from PySide6.QtWidgets import QComboBox

    from .test_undo import undo

    _step(qtbot, window, 2)
    _pin(qtbot, window)
    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("spiral"))
    qtbot.waitUntil(lambda: window.data.task == "classification")
    qtbot.waitUntil(lambda: window.undo.stack.count() == 1)
    dialogs.save_path = str(tmp_path / "other")
    window.actions.save.trigger()
    assert bpnet.load(tmp_path / "other.bpnet").pinned == ()
    assert window.compare.board.names == ["run 1"]  # it stays in the window
    assert "not saved: the pinned runs 'run 1'" in window.statusBar().currentMessage()
    undo(qtbot, window)
    qtbot.waitUntil(lambda: window.data.task == "regression")
    window.actions.save.trigger()
    assert [run.name for run in bpnet.load(tmp_path / "other.bpnet").pinned] == ["run 1"]
