"""Undo and Redo through the widgets: designer edits, a dataset pick, Reset and a lesson are
steps; training is not, and undoing returns to the trained state before the edit."""

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QToolButton

from bpstudio.document_edits import describe
from bpstudio.examples import EXAMPLES
from bpstudio.session import LayerSpec, NetworkSpec


def click(qtbot, window, name, cls=QToolButton):
    qtbot.mouseClick(window.findChild(cls, name), Qt.MouseButton.LeftButton)


def train_to(qtbot, window, epochs):
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: window.last_snapshot.epoch >= epochs, timeout=20000)
    click(qtbot, window, "trainButton")
    assert window.training.sync()


def undo(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_undoing_a_layer_change_returns_to_the_trained_state_before_it(qtbot, window):
    train_to(qtbot, window, 20)
    trained = window.session.state
    click(qtbot, window, "addLayerButton", QPushButton)
    qtbot.waitUntil(lambda: window.undo.stack.count() == 1)  # a burst ends on the next turn
    assert len(window.session.network.hidden) == 2 and window.session.epoch == 0
    assert window.undo.stack.undoText().startswith(
        "Network: 100 sigmoid → 100 sigmoid × 100 sigmoid")
    assert f"returns to epoch {trained.epoch:,}" in window.undo.stack.undoText()
    undo(qtbot, window)
    assert len(window.session.network.hidden) == 1
    assert window.session.epoch == trained.epoch
    assert (window.session.state.parameters == trained.parameters).all()
    assert window.designer.layers_table.rowCount() == 1
    qtbot.waitUntil(lambda: window.last_snapshot is not None
                    and window.last_snapshot.epoch == trained.epoch)
    redo(qtbot, window)
    assert len(window.session.network.hidden) == 2 and window.session.epoch == 0
    assert window.designer.layers_table.rowCount() == 2


def test_a_dataset_pick_is_one_step_and_undo_brings_the_data_and_design_back(qtbot, window):
    before = window.session
    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("spiral"))
    qtbot.waitUntil(lambda: window.data.task == "classification")
    qtbot.waitUntil(lambda: window.undo.stack.count() == 1)
    assert window.undo.stack.undoText().startswith("Data: spiral")
    undo(qtbot, window)
    assert window.session.data == before.data and window.session.network == before.network
    assert combo.currentData() == "sin"
    qtbot.waitUntil(lambda: window.data.task == "regression")


def test_undoing_a_learning_rate_change_keeps_the_weights_trained_since(qtbot, window):
    box = window.designer.training.widgets["learning_rate"]
    box.setValue(0.2)
    qtbot.waitUntil(lambda: window.undo.stack.count() == 1)
    assert window.undo.stack.undoText() == "Learning rate 0.05 → 0.2 (weights kept)"
    train_to(qtbot, window, 10)
    trained = window.session.state
    undo(qtbot, window)
    assert window.session.training.learning_rate == 0.05
    assert window.session.epoch == trained.epoch  # the shapes allow: training is kept
    assert box.value() == 0.05


def test_reset_is_undoable(qtbot, window):
    train_to(qtbot, window, 10)
    epoch = window.session.epoch
    click(qtbot, window, "resetButton")
    assert window.session.epoch == 0
    assert window.undo.stack.undoText() == f"Reset (undo returns to epoch {epoch:,})"
    window.findChild(type(window.actions.new), "undoAction").trigger()
    assert window.session.epoch == epoch
    qtbot.waitUntil(lambda: window.last_snapshot is not None
                    and window.last_snapshot.epoch == epoch)


def test_a_lesson_is_undoable_and_opening_a_new_document_clears_the_history(
        qtbot, window, dialogs):
    window.findChild(type(window.actions.new), "lesson_two_inputAction").trigger()
    qtbot.waitUntil(lambda: window.session.network != EXAMPLES["sin"]().network)
    assert window.undo.stack.undoText().startswith("Open the lesson")
    undo(qtbot, window)
    assert window.session.network == EXAMPLES["sin"]().network
    window.actions.new.trigger()
    assert window.undo.stack.count() == 0


def test_the_edit_menu_has_undo_and_redo_after_file(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["&File", "&Edit"]
    undo_action = window.findChild(type(window.actions.new), "undoAction")
    assert undo_action.shortcut().toString() == "Ctrl+Z"
    assert not undo_action.isEnabled()  # nothing to undo yet


def test_describe_names_the_edit():
    sin = EXAMPLES["sin"]()
    wider = NetworkSpec(hidden=(LayerSpec(16, "tanh"),))
    assert describe(sin, replace(sin, network=wider)).startswith("Network: 100 sigmoid → 16 tanh")


def test_a_weight_typed_into_the_network_view_is_undoable(qtbot, window):
    from bpstudio.gui.views.parameter_edit import ParameterEdit

    window.step_epoch()
    qtbot.waitUntil(lambda: window.last_snapshot.epoch == 1, timeout=10000)
    assert window.training.sync()
    old = float(window.session.state.parameters[5])
    window.network_view.parameter_edited.emit(ParameterEdit("W", 1, (0, 5), 3.5))
    assert window.session.state.parameters[5] == 3.5
    assert window.undo.stack.undoText() == "W1[0,5] = 3.5"
    undo(qtbot, window)
    assert window.session.state.parameters[5] == old and window.session.epoch == 1
    qtbot.waitUntil(lambda: window.last_snapshot is not None
                    and window.last_snapshot.weights[0][0, 5] == old, timeout=10000)
    redo(qtbot, window)
    assert window.session.state.parameters[5] == 3.5
