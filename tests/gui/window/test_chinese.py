"""The main window in Chinese (issue #15 §2): its menus, toolbar, status bar, dialogs and
docks show no English left, and a Chinese window still works end to end."""

import sys
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDockWidget, QMenu, QMessageBox, QToolButton

from bpstudio import io as bpnet
from bpstudio.core.doctor_curves import exploding_loss
from bpstudio.core.doctor_findings import Evidence
from bpstudio.core.snapshot import DOCTOR_FINDINGS
from bpstudio.core.trainer import History
from bpstudio.gui.widgets import LogSpinBox
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from english_left import english_left, english_words

from tests.gui.stepping import step_epochs as _step

left = english_left
said = english_words  # the English words of a message (file names and numbers aside)


def _menus(window) -> list[QMenu]:
    return [a.menu() for a in window.menuBar().actions() if a.menu() is not None]


def test_every_menu_and_the_toolbar_are_chinese(qtbot, zh_window):
    menus = _menus(zh_window)
    assert [m.title() for m in menus] == [
        "文件(&F)", "编辑(&E)", "训练(&T)", "视图(&V)", "课程(&L)", "帮助(&H)"]
    zh_window.files.recent_menu.aboutToShow.emit()  # "No recent files"
    for menu in menus:
        assert left(menu) == [], menu.title()
    assert left(zh_window.toolbar) == []
    texts = [zh_window.toolbar.widgetForAction(a).text() for a in zh_window.toolbar.actions()]
    assert texts == ["训练", "单步", "重置", "固定运行"]


def test_chinese_menu_entries_get_a_latin_letter_after_them(zh_window):
    view = next(m for m in _menus(zh_window) if m.objectName() == "viewMenu")
    texts = [a.text() for a in view.actions() if not a.isSeparator()]
    assert "设计器(&D)" in texts and "语言(&U)" in texts
    letters = [t[-2] for t in texts if t.endswith(")") and t[-4:-2] == "(&"]
    assert len(letters) == len(set(letters))  # each letter once in the menu


def test_the_status_bar_after_train_and_pause(qtbot, zh_window):
    train = zh_window.actions.train
    train.trigger()
    qtbot.waitUntil(lambda: zh_window.last_snapshot.epoch > 3, timeout=10000)
    assert train.text() == "暂停(&P)"
    train.trigger()
    qtbot.waitUntil(lambda: not zh_window.training.running, timeout=10000)
    assert train.text() == "训练(&T)"
    status = zh_window.statusBar()
    zh_window.frame_rate.action.setChecked(True)
    assert left(status) == []
    assert status.findChild(object, "epochLabel").text().startswith("第 ")
    assert "轮" in status.findChild(object, "lossLabel").toolTip()


def test_status_messages_of_the_window_are_chinese(qtbot, zh_window):
    _step(qtbot, zh_window, 2)
    zh_window.reset_weights()
    assert said(zh_window.statusBar().currentMessage()) == []  # 权重已重置为…
    zh_window.step_epoch()
    zh_window.undo.stack.undo()
    assert said(zh_window.statusBar().currentMessage()) == []  # 回到第 2 轮


def test_the_csv_import_dialog(qtbot, zh_window, tmp_path):
    path = tmp_path / "表.csv"
    rows = [f"{x:.2f},{x * x:.3f},{'a' if x < 0.5 else 'b'}" for x in np.linspace(0, 1, 40)]
    path.write_text("x,y,z\n" + "\n".join(rows) + "\n")
    dialog = zh_window.importing.import_file(str(path))
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=10000)
    assert left(dialog) == []
    assert dialog.columns.uses() == ["input", "input", "target"]  # codes, not words
    assert dialog.task_combo.currentData() == "classification"
    assert "个类别" in dialog.summary_label.text()
    dialog.columns.combo(1).setCurrentIndex(dialog.columns.combo(1).findData("left out"))
    assert dialog.columns.named("input") == ["x"]
    dialog.close()


def test_the_sweep_dialog_and_its_plot(qtbot, zh_window):
    zh_window.show_session(Session(
        network=NetworkSpec((LayerSpec(3, "tanh"),), "sigmoid", "binary_cross_entropy"),
        data=DataSpec("spiral", {"n": 40}, test_fraction=0.25),
        training=TrainingConfig("sgd", learning_rate=0.1)))
    dialog = zh_window.sweeps.show()
    assert left(dialog) == []
    dialog.configure(["hidden=2,3"], 1, 3)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=60000)
    assert dialog.metric_combo.currentData() == "final_test_accuracy"
    assert left(dialog) == []  # the plot's axes, the status, the metric names
    dialog.close()


def test_the_compare_dock_with_a_pinned_run(qtbot, zh_window):
    _step(qtbot, zh_window, 2)
    pin = zh_window.compare.pin()
    assert pin is not None and pin.name == "运行 1"
    assert said(zh_window.statusBar().currentMessage()) == []
    dock = zh_window.docks["compareDock"]
    assert dock.windowTitle() == "比较"
    assert left(dock) == []
    panel = zh_window.compare.panel
    assert panel.cell(0, "运行") == "当前" and panel.cell(1, "与当前运行的差异") == "无"
    zh_window.findChild(LogSpinBox, "learningRateSpin").setValue(0.2)
    _step(qtbot, zh_window)  # the state handed back refreshes the table
    qtbot.waitUntil(lambda: panel.cell(1, "与当前运行的差异") != "无", timeout=5000)
    differs = panel.cell(1, "与当前运行的差异")
    assert "学习率: 0.05 → 0.2" in differs and english_words(differs) == [], differs


def test_the_judging_dock_for_values_and_classes(qtbot, zh_window):
    dock = zh_window.docks["judgingDock"]
    dock.toggleViewAction().trigger()
    _step(qtbot, zh_window, 2)
    qtbot.waitUntil(lambda: zh_window.judging_view.judgements is not None, timeout=10000)
    assert dock.windowTitle() == "评估" and left(dock) == []
    zh_window.show_session(Session(
        network=NetworkSpec((LayerSpec(3, "tanh"),), "sigmoid", "binary_cross_entropy"),
        data=DataSpec("xor", {}), training=TrainingConfig("sgd", learning_rate=0.5)))
    _step(qtbot, zh_window, 2)
    qtbot.waitUntil(lambda: zh_window.judging_view.judgements is not None, timeout=10000)
    assert left(dock) == []  # the confusion matrix, its class names, the scores, the ROC


def test_about_the_guide_window_title_and_the_docks_titles(qtbot, zh_window):
    zh_window.help.show_about()
    about = zh_window.help.about
    qtbot.waitUntil(about.isVisible)
    assert left(about) == []
    zh_window.help.show_guide()
    assert zh_window.help.guide.windowTitle() == "用户指南"  # the guide itself is English
    titles = {name: dock.windowTitle() for name, dock in zh_window.docks.items()}
    assert titles["designerDock"] == "设计器" and titles["lossDock"] == "损失"
    assert [t for t in titles.values() if english_words(t)] == []
    assert all(not english_words(d.windowTitle())
               for d in zh_window.findChildren(QDockWidget))


class _Snap:
    def __init__(self, *findings):
        self.extras = {DOCTOR_FINDINGS: findings}


def test_the_doctors_note_says_a_real_finding_in_chinese(qtbot, zh_window):
    history = History()
    for epoch, loss in enumerate([1.0, 0.01, 0.5, 5.0, 50.0], start=1):
        history.append(epoch, loss)
    finding = exploding_loss(Evidence(history, learning_rate=2.0))
    assert finding is not None and "overshoots" in finding.seen  # the CLI's English
    note = zh_window.doctor_note
    note.show_snapshot(_Snap(finding))
    assert left(note) == []
    text = note.rows[0].label.text()
    assert "训练损失已增长到 50" in text and "（当前为 2）" in text


def test_an_error_dialog_and_the_unsaved_changes_question(qtbot, zh_window, dialogs, tmp_path):
    broken = tmp_path / "x.bpnet"
    broken.write_text("{ not json")
    zh_window.files.open_path(str(broken))
    qtbot.waitUntil(lambda: dialogs.kinds() == ["critical"], timeout=10000)
    name, reason, after = dialogs.calls[0][1].split("\n\n")
    assert said(name) == [] and said(after) == []  # io's reason stays English (a test's match)
    assert "无法打开" in name and reason
    _step(qtbot, zh_window)
    zh_window.files.new()
    question = next(text for kind, text in dialogs.calls if kind == "question")
    assert question == "保存对 未命名 的更改吗？"


def test_a_chinese_window_works_end_to_end(qtbot, zh_window, dialogs, tmp_path):
    zh_window.actions.new.trigger()
    assert zh_window.windowTitle().startswith("未命名")
    _step(qtbot, zh_window, 3)
    dialogs.save_path = str(tmp_path / "网络.bpnet")
    assert zh_window.files.save_as()
    assert zh_window.statusBar().currentMessage().startswith("已保存 ")
    assert bpnet.load(dialogs.save_path).epoch == 3
    zh_window.actions.new.trigger()
    assert zh_window.session.epoch == 0
    zh_window.files.open_path(dialogs.save_path)
    qtbot.waitUntil(lambda: zh_window.files.path == dialogs.save_path, timeout=10000)
    assert zh_window.session.epoch == 3
    assert zh_window.windowTitle().startswith("网络.bpnet")


def test_the_whole_window_with_every_dock_shown_after_training_and_a_pin(qtbot, zh_window):
    for dock in zh_window.docks.values():
        dock.show()
    zh_window.dock_area.show(["judgingDock"])  # in front of its tab group: it is judged
    _step(qtbot, zh_window, 2)
    zh_window.compare.pin()
    qtbot.waitUntil(lambda: zh_window.judging_view.judgements is not None, timeout=10000)
    assert [d for d in zh_window.findChildren(QDockWidget) if english_words(d.windowTitle())] == []
    assert left(zh_window) == []


def test_the_unexpected_error_box(qtbot, zh_window):
    from bpstudio.gui.window.crash_guard import CrashGuard

    guard = CrashGuard(zh_window)
    guard.window = zh_window
    guard._show("x", "")  # Python's own words (a type, a traceback) stay as Python says them
    box = guard.box
    assert left(box) == [] and box.windowTitle() == "意外错误"
    assert "BP Studio 遇到了一个意外错误" in box.text()
    guard._show("y", "")
    assert box.informativeText() == "此后又出现 1 个错误。"
    box.close()


def test_the_edit_menu_names_each_step_in_chinese(qtbot, zh_window):
    _step(qtbot, zh_window, 2)
    zh_window.findChild(LogSpinBox, "learningRateSpin").setValue(0.2)
    qtbot.waitUntil(lambda: zh_window.undo.stack.count() == 1, timeout=5000)
    undo = zh_window.findChild(QAction, "undoAction")
    assert undo.text() == "撤销(&U) 学习率 0.05 → 0.2（权重保留）"
    combo = zh_window.designer.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("spiral"))
    qtbot.waitUntil(lambda: zh_window.undo.stack.count() == 2, timeout=5000)
    assert english_words(undo.text()) == [], undo.text()  # 数据：螺旋（撤销可回到第 2 轮）


def test_the_divergence_box_and_message(qtbot, zh_window):
    zh_window.findChild(LogSpinBox, "learningRateSpin").setValue(10.0)
    zh_window.actions.train.trigger()
    qtbot.waitUntil(
        lambda: (box := zh_window.findChild(QMessageBox, "divergenceMessage")) is not None
        and box.isVisible(), timeout=20000)
    box = zh_window.findChild(QMessageBox, "divergenceMessage")
    assert box.windowTitle() == "训练发散" and "请降低学习率（当前为 10）" in box.text()
    assert left(box) == [] and said(zh_window.statusBar().currentMessage()) == []
    box.close()


def test_the_whole_window_with_every_dock_open_and_trained_reads_in_chinese(qtbot, zh_window):
    for dock in zh_window.findChildren(QDockWidget):
        dock.show()
    qtbot.mouseClick(zh_window.findChild(QToolButton, "stepButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: zh_window.last_snapshot.epoch >= 1, timeout=10000)
    assert left(zh_window) == []


def test_a_network_too_large_for_memory_is_refused_in_chinese(qtbot, chinese, dialogs,
                                                              monkeypatch):
    from bpstudio import memory
    from bpstudio.gui import MainWindow

    monkeypatch.setattr(memory, "available_memory", lambda: 10**5)  # 100 KB: far too little
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "warning" in dialogs.kinds(), timeout=10000)
    message = dict(dialogs.calls)["warning"]
    assert "内存" in message and "KB" in message and said(message) == [], message
    assert "内存" in window.statusBar().currentMessage()
    window.close()
