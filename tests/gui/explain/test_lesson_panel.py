"""The lessons menu lists every lesson; the panel shows its explanation and book numbers."""

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from bpstudio.gui.explain.lesson_panel import LessonPanel, LessonsMenu
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
    # why they differ: numbered notes under the table
    notes = [n.note for n in get_lesson("two_input").book_numbers if n.note]
    footnotes = [line for line in text.splitlines() if line and line[0] in "¹²³⁴⁵"]
    assert footnotes == [f"{mark} {note}" for mark, note in zip("¹²³⁴", notes)]
    assert "-0.122 ¹" in text and "-0.00305 ²" in text and "0.000152 ³" in text


def test_the_book_numbers_fit_a_narrow_panel(qtbot):
    panel = LessonPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 600)
    panel.show()
    panel.show_lesson(get_lesson("two_input"))
    qtbot.waitUntil(lambda: panel.text.viewport().width() > 0)
    assert panel.text.horizontalScrollBar().maximum() == 0
    panel.resize(120, 600)  # narrower than the table: the panel keeps the table's width
    qtbot.waitUntil(lambda: panel.width() > 200)
    assert panel.text.horizontalScrollBar().maximum() == 0
    panel.clear()  # no lesson, no table: narrow is fine again
    assert panel.text.minimumWidth() == 0

    panel.show_lesson(get_lesson("computational_graph"))
    assert "book's numbers" not in panel.text.toPlainText()
    panel.clear()
    assert panel.lesson is None


def test_a_note_shared_by_two_numbers_is_written_once(qtbot):
    from dataclasses import replace

    from bpstudio.lessons import BookNumber

    shared = "rounded before use"
    lesson = replace(get_lesson("two_input"), book_numbers=(
        BookNumber("first", "A1", (0, 0), "0.1", "0.11", shared),
        BookNumber("second", "A2", (0, 0), "0.2", "0.2"),
        BookNumber("third", "A2", (0, 0), "0.3", "0.33", shared),
    ))
    panel = LessonPanel()
    qtbot.addWidget(panel)
    panel.show_lesson(lesson)
    text = panel.text.toPlainText()
    assert text.count(shared) == 1 and f"¹ {shared}" in text
    assert "0.11 ¹" in text and "0.33 ¹" in text and "0.2 ¹" not in text
