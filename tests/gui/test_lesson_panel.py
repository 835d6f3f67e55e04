"""The lessons menu lists every lesson; the panel shows its explanation and book numbers."""

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from bpstudio.gui.lesson_panel import LessonPanel, LessonsMenu
from bpstudio.lessons import LESSONS, get_lesson


def test_menu_has_one_action_per_lesson_and_names_the_choice(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = LessonsMenu(window)
    window.menuBar().addMenu(menu)
    assert window.findChild(QMenu, "lessonsMenu") is menu
    actions = [a for a in menu.actions() if isinstance(a, QAction)]
    assert [a.data() for a in actions] == list(LESSONS)
    action = window.findChild(QAction, "lesson_two_inputAction")
    with qtbot.waitSignal(menu.lesson_chosen) as blocker:
        action.trigger()
    assert blocker.args == ["two_input"]


def test_panel_shows_the_explanation_and_the_book_numbers(qtbot):
    panel = LessonPanel()
    qtbot.addWidget(panel)
    assert "Lessons menu" in panel.text.toPlainText()
    panel.show_lesson(get_lesson("two_input"))
    text = panel.text.toPlainText()
    assert panel.title_label.text() == get_lesson("two_input").title
    assert "a = σ(h) = 0.495" in text
    assert "The book's numbers in the inspector" in text
    assert "δ₂[0, 0]" in text and "ΔW₁[1, 0]" in text
    for number in get_lesson("two_input").book_numbers:
        assert number.book in text and number.shown in text

    panel.show_lesson(get_lesson("computational_graph"))
    assert "book's numbers" not in panel.text.toPlainText()
    panel.clear()
    assert panel.lesson is None
