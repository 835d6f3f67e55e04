"""The explaining views in Chinese (issue #15 §2): every lesson opened from the Lessons menu,
the inspector stepped through a classification and a regression example, the gradient check
run, gradient flow, the graph lab's bills and the hidden neurons, with no English left; the
lessons still show the articles' numbers, and a translated control still works."""

import re

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QTableWidget

from bpstudio.core import Network
from bpstudio.gui.explain.inspector import InspectorView
from bpstudio.gui.explain.sample_dialog import SampleDialog
from bpstudio.lessons import LESSONS, get_lesson
from tests.gui.english_left import english_left, english_words
from tests.gui.window.test_explain_docks import go_to_step_of, shown_text
from tests.gui.window.test_main_window import click, epoch

BOOK_LESSONS = sorted(i for i, lesson in LESSONS.items() if lesson.book_numbers)


def open_lesson(window, lesson_id: str) -> None:
    """Through the Lessons menu, as a person picks it."""
    menu = window.findChild(QMenu, "lessonsMenu")
    menu.findChild(QAction, f"lesson_{lesson_id}Action").trigger()


def open_dock(qtbot, window, name: str):
    """Show a dock with its own View-menu action; its view."""
    dock = window.docks[name]
    if not dock.isVisible():
        dock.toggleViewAction().trigger()
    qtbot.waitUntil(dock.isVisible)
    return dock.widget()


def walk_steps(qtbot, inspector) -> list[tuple[str, list[str]]]:
    """From the first step to the last with the Next button: (step name, English left)."""
    while inspector.prev_button.isEnabled():
        qtbot.mouseClick(inspector.prev_button, Qt.MouseButton.LeftButton)
    seen = []
    while True:
        # a selected cell shows its arithmetic and its sources in Chinese too
        panel = next(iter(inspector.page.panels.values()))
        panel.select_cell(0, 0)
        seen.append((inspector.step_combo.currentText(), english_left(inspector)))
        if not inspector.next_button.isEnabled():
            return seen
        qtbot.mouseClick(inspector.next_button, Qt.MouseButton.LeftButton)


def test_the_lessons_menu_names_every_lesson_in_chinese(zh_window):
    menu = zh_window.findChild(QMenu, "lessonsMenu")
    assert menu.title() == "课程(&L)"
    assert english_left(menu) == []
    # a Chinese title gets its Alt letter after it, "(&L)" (gui/window/keyboard.py)
    titles = [re.sub(r"\(&\w\)$", "", a.text()).replace("&", "") for a in menu.actions()]
    assert "范例：两个输入，一个隐藏神经元" in titles and len(set(titles)) == len(LESSONS)


def test_every_lesson_reads_in_chinese(qtbot, zh_window):
    panel, inspector = zh_window.explain.lesson_panel, zh_window.explain.inspector
    left = {}
    for lesson_id, lesson in LESSONS.items():  # one after another, as a person might
        open_lesson(zh_window, lesson_id)
        qtbot.waitUntil(lambda i=lesson_id: panel.lesson is not None and panel.lesson.id == i)
        title = QCoreApplication.translate("Lessons", lesson.title)
        assert panel.title_label.text() == title != lesson.title
        left[lesson_id] = english_left(panel)
        if lesson.inspector is not None:
            qtbot.waitUntil(lambda: inspector.trace is not None)
            left[lesson_id] += english_left(inspector)
    assert left == {lesson_id: [] for lesson_id in LESSONS}


BINARY_STEPS = [
    "输入与目标值", "权重与偏置", "前向传播：第 1 隐藏层", "前向传播：输出层", "输出层的误差",
    "激活函数的斜率", "输出层的误差项", "反向传播到第 1 隐藏层", "第 2 层的梯度", "第 2 层的更新",
    "第 1 层的梯度", "第 1 层的更新",
]


def test_the_inspector_steps_through_the_binary_example_in_chinese(qtbot, zh_window):
    open_lesson(zh_window, "binary4")
    inspector = zh_window.explain.inspector
    qtbot.waitUntil(lambda: inspector.trace is not None)
    seen = walk_steps(qtbot, inspector)
    n = len(BINARY_STEPS)
    assert [name for name, _ in seen] == [
        f"第 {i} 步（共 {n} 步）：{step}" for i, step in enumerate(BINARY_STEPS, 1)]
    assert [left for _, left in seen] == [[]] * n
    # the notes and formulas of the entries, in Chinese, formulas kept
    notes = {k: p.note_label.text() for k, p in inspector.page.panels.items()}
    assert notes["step1"] == "即书中的 ΔW = η·δ°·a"
    assert inspector.panel("W1_new").formula_label.text() == "W₁ ← W₁ − η·dW₁"
    go_to_step_of(qtbot, inspector, "X")
    assert inspector.panel("X").note_label.text() == "3 个样本，每行一个"
    go_to_step_of(qtbot, inspector, "W1")
    assert inspector.panel("W1").note_label.text() == "第 i 行：输入 i；第 j 列：第 1 层的神经元 j"
    go_to_step_of(qtbot, inspector, "Z1")
    inspector.panel("Z1").select_cell(0, 1)
    assert inspector.message_label.text().startswith("激活前的输入 Z₁[0, 1] = ")
    assert "由 输入 X（4 个单元格）、权重 W₁（4 个单元格）、偏置 b₁（1 个单元格） 计算而来" in (
        inspector.message_label.text())
    go_to_step_of(qtbot, inspector, "W1_new")
    inspector.panel("W1_new").select_cell(0, 0)
    assert inspector.arithmetic_label.text().startswith("新的 W₁[0, 0] = ")


def test_the_inspector_steps_through_a_regression_example_in_chinese(qtbot, zh_window):
    inspector = open_dock(qtbot, zh_window, "inspectorDock")  # sin(x): identity output, MSE
    qtbot.waitUntil(lambda: inspector.trace is not None)
    seen = walk_steps(qtbot, inspector)
    assert [left for _, left in seen] == [[]] * len(seen)
    go_to_step_of(qtbot, inspector, "delta2")
    assert inspector.step_combo.currentText().endswith("：输出层的误差项")
    assert inspector.panel("delta2").note_label.text() == (
        "恒等输出配合均方误差：f′ 与 ∂L/∂ŷ 相互抵消，所以 δ = ŷ − y，即 −E")
    assert "平均损失" in inspector.panel("delta2").formula_label.text()
    go_to_step_of(qtbot, inspector, "dW1")
    inspector.panel("dW1").select_cell(0, 0)  # a sum over the samples: cut short, in Chinese
    assert "项）" in inspector.arithmetic_label.text()
    assert english_left(inspector) == []


def test_a_translated_batch_choice_still_traces_one_sample(qtbot, zh_window):
    inspector = open_dock(qtbot, zh_window, "inspectorDock")
    qtbot.waitUntil(lambda: inspector.trace is not None)
    combo = inspector.batch_combo
    combo.setCurrentIndex(combo.findText("单个样本"))
    assert inspector.batch_kind == "sample"
    qtbot.waitUntil(lambda: inspector.trace["X"].shape[0] == 1)
    assert "N = 1 个样本" in inspector.summary_label.text().replace("\u00a0", " ")
    assert english_left(inspector) == []


@pytest.mark.parametrize("lesson_id", BOOK_LESSONS)
def test_the_lessons_book_numbers_hold_in_chinese(qtbot, zh_window, lesson_id):
    lesson = get_lesson(lesson_id)
    open_lesson(zh_window, lesson_id)
    inspector, panel = zh_window.explain.inspector, zh_window.explain.lesson_panel
    qtbot.waitUntil(lambda: inspector.trace is not None)
    text = panel.text.toPlainText()
    assert "书中的数值在逐步检查器中的位置" in text
    for width in (380, 460, 620):  # the table fits: no sideways scrolling at any width
        panel.text.resize(width, 600)
        qtbot.waitUntil(lambda w=width: panel.text.width() == w)
        assert panel.text.horizontalScrollBar().maximum() == 0, width
    for number in lesson.book_numbers:
        label = QCoreApplication.translate("Lessons", number.label)
        assert label in text.replace("\u00a0", " ") and number.book in text, number.label
        go_to_step_of(qtbot, inspector, number.entry)
        assert shown_text(inspector, number.entry, *number.cell) == number.shown, number.label
        assert f"{number.shown}" in text


def test_the_gradient_check_reads_in_chinese(qtbot, zh_window):
    panel = open_dock(qtbot, zh_window, "gradientCheckDock")
    table = panel.findChild(QTableWidget, "gradientCheckTable")
    assert english_left(panel) == []
    qtbot.mouseClick(panel.findChild(QPushButton, "gradientCheckButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.rowCount() > 0, timeout=10000)
    assert "反向传播是正确的" in panel.verdict_label.text()
    verdicts = {table.item(r, 2).text() for r in range(table.rowCount())}
    assert verdicts <= {"✓ 一致", "✓ 在噪声范围内"}
    assert english_left(panel) == []


def test_gradient_flow_and_hidden_neurons_read_in_chinese(qtbot, zh_window):
    flow = open_dock(qtbot, zh_window, "gradientFlowDock")
    neurons = open_dock(qtbot, zh_window, "neuronDock")
    assert flow.status_label.text() in ("尚未训练", "第 0 轮：训练时曲线会逐渐延伸")
    click(qtbot, zh_window, "stepButton")
    qtbot.waitUntil(lambda: epoch(zh_window) == 1)
    qtbot.waitUntil(lambda: flow.status_label.text() == "第 1 轮")
    assert neurons.neuron_combo.itemText(0) == "第 1 层，神经元 0"
    assert english_left(flow) == [] and english_left(neurons) == []


def test_the_graph_lab_reads_in_chinese_for_each_bill(qtbot, zh_window):
    open_lesson(zh_window, "computational_graph")
    lab = zh_window.explain.graph_lab
    qtbot.waitUntil(lab.isVisible)
    combo = lab.bill_combo
    bills = (("2 个苹果，消费税 10%", "22"), ("2 个苹果和 3 个橙子，消费税 10%", "71.5"))
    for text, total in bills:
        combo.setCurrentIndex(combo.findText(text))  # chosen by its Chinese name
        assert lab.total_label.text() == f"<b>支付金额 = {total}</b>"
        assert english_left(lab) == []
    assert lab.graph.bill.key == "apples_oranges" and "橙子价格" in lab.derivatives_label.text()


def test_the_activations_worded_formulas_are_all_marked():
    from bpstudio.core.activations import ACTIVATIONS
    from bpstudio.core.steptrace import WORDED_FORMULAS

    worded = {text for a in ACTIVATIONS.values() for text in (a.formula, a.slope_formula)
              if english_words(text)}
    assert worded == set(WORDED_FORMULAS)


@pytest.mark.parametrize("hidden", ["relu", "leaky_relu"])
def test_the_inspector_of_other_activations_reads_in_chinese(qtbot, chinese, hidden):
    view = InspectorView()
    qtbot.addWidget(view)
    X = np.array([[0.5, -1.0], [1.5, 0.25]])
    view.set_problem(Network([2, 3, 3], [hidden, "softmax"], loss="cross_entropy", seed=0),
                     X, np.array([0, 2]), 0.1)
    seen = walk_steps(qtbot, view)
    assert [left for _, left in seen] == [[]] * len(seen)
    go_to_step_of(qtbot, view, "fp1")
    assert "否则" in view.panel("fp1").note_label.text()


def test_the_sample_chooser_reads_in_chinese(qtbot, chinese):
    from bpstudio.examples import EXAMPLES

    dialog = SampleDialog(EXAMPLES["binary4"]().prepare_data())
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "选择一个训练样本"
    assert english_left(dialog) == []
