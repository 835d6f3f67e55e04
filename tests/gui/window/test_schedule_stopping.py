"""The designer's schedule and stopping rules in the window: an edit is an undo step like any
training edit, and early stopping set in the designer ends training with its words in the
status bar and the best epoch marked on the loss plot."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolButton

from bpstudio.core.schedules import Schedule

from ..designer.test_designer_input import enter
from .test_undo import train_to, undo


def tick(qtbot, check):
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def test_a_schedule_edit_is_undone_like_any_training_edit(qtbot, window):
    schedule = window.designer.training.schedule
    schedule.combo.setCurrentIndex(schedule.combo.findData("exponential"))
    qtbot.waitUntil(lambda: window.undo.stack.count() == 1)
    assert window.session.training.schedule == Schedule("exponential")
    assert window.undo.stack.undoText() == (
        "Schedule constant → exponential (gamma=0.99) (weights kept)")
    train_to(qtbot, window, 5)
    undo(qtbot, window)
    assert window.session.training.schedule == Schedule()
    assert schedule.combo.currentData() == "constant"
    assert window.session.epoch >= 5  # a settings edit: the weights trained since are kept


def test_early_stopping_set_in_the_designer_stops_training_and_marks_the_best_epoch(
        qtbot, window):
    designer = window.designer
    combo = designer.data.dataset_combo
    combo.setCurrentIndex(combo.findData("moons"))
    qtbot.waitUntil(lambda: window.data.task == "classification")
    enter(qtbot, designer.data.test_fraction_spin, "0.25")
    stopping = designer.training.stopping
    tick(qtbot, stopping.early_check)
    enter(qtbot, stopping.patience_spin, "5")
    enter(qtbot, stopping.min_delta_spin, "0.5")  # no epoch betters the first by that much
    tick(qtbot, stopping.restore_check)
    rules = window.session.training.stopping
    assert (rules.patience, rules.min_delta, rules.restore_best) == (5, 0.5, True)
    qtbot.waitUntil(lambda: window.document.pending is None)  # the edits applied, rebuilt
    with qtbot.waitSignal(window.training.limit_reached, timeout=20000) as blocker:
        qtbot.mouseClick(window.findChild(QToolButton, "trainButton"),
                         Qt.MouseButton.LeftButton)
    assert blocker.args[0].reason.name == "EARLY_STOPPING"
    message = window.statusBar().currentMessage()
    assert message.startswith("Stopped at epoch 6: early stopping"), message
    assert "best test loss" in message and "at epoch 1" in message
    qtbot.waitUntil(lambda: window.loss_plot.best_mark.epoch == 1)
    assert "(restored)" in window.loss_plot.best_mark.line.label.toPlainText()
