"""The lessons menu and the panel that explains the open lesson.

:class:`LessonsMenu` is ``lessonsMenu``, built from :data:`bpstudio.lessons.LESSONS`; the
window connects ``lesson_chosen`` and does the loading (example, views, inspector preset).
:class:`LessonPanel` shows the lesson's explanation and, for the worked examples, the book's
numbers next to where the inspector shows them. Titles and texts are shown translated
(context "Lessons", where :mod:`bpstudio.lessons` marks them).
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QTextOption
from PySide6.QtWidgets import QLabel, QMenu, QTextBrowser, QVBoxLayout, QWidget

from bpstudio.core.digits import sub, sup
from bpstudio.lessons import LESSONS, Lesson

from .translated import translated


class LessonsMenu(QMenu):
    """``lessonsMenu``: one action per lesson (``lesson_<id>Action``); emits the lesson id."""

    lesson_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Lessons"), parent)
        self.setObjectName("lessonsMenu")
        for lesson in LESSONS.values():
            title = QCoreApplication.translate("Lessons", lesson.title)
            action = QAction(title, self)
            action.setObjectName(f"lesson_{lesson.id}Action")
            action.setToolTip(self.tr("Open the lesson “{title}”").format(title=title))
            action.setData(lesson.id)
            self.addAction(action)
        self.triggered.connect(self._on_triggered)

    def _on_triggered(self, action: QAction) -> None:
        self.lesson_chosen.emit(action.data())


class LessonPanel(QWidget):
    """``lessonPanel``: the open lesson's title, explanation and book-number table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self.title_label = QLabel(objectName="lessonTitle", wordWrap=True)
        self.title_label.setStyleSheet("font-size: 13pt; font-weight: 600; color: #222222;")
        self.text = QTextBrowser(objectName="lessonText")
        # a number is one word, never split ("0.00804"); the panel keeps the narrowest width
        # the lesson can be laid out in (see _fit_narrowest_line)
        self.text.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.text.setOpenExternalLinks(False)
        self.text.setStyleSheet("QTextBrowser { background: #ffffff; border: none; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text, 1)
        self.lesson: Lesson | None = None
        self.clear()

    def show_lesson(self, lesson: Lesson) -> None:
        self.lesson = lesson
        self.title_label.setText(QCoreApplication.translate("Lessons", lesson.title))
        printout = lesson.printout() if lesson.printout is not None else ""
        self.text.setHtml(translated("Lessons", lesson.explanation)
                          + translated("Lessons", printout) + _book_table(lesson))
        self._fit_narrowest_line()

    def _fit_narrowest_line(self) -> None:
        """No narrower than the text's widest unbreakable part (a number, the book table),
        so a narrow dock wraps the lesson instead of scrolling it sideways."""
        probe = self.text.document().clone(self)
        probe.setTextWidth(0)  # lays every line out as narrow as it goes
        margins = self.text.contentsMargins()
        scrollbar = self.text.verticalScrollBar().sizeHint().width()
        slack = math.ceil(2 * probe.documentMargin())  # the frame around the laid-out text
        self.text.setMinimumWidth(math.ceil(probe.idealWidth()) + margins.left()
                                  + margins.right() + scrollbar + slack)
        probe.deleteLater()

    def clear(self) -> None:
        self.lesson = None
        self.text.setMinimumWidth(0)
        self.title_label.setText(self.tr("Lessons"))
        self.text.setHtml(self.tr(
            "<p>Choose a lesson from the Lessons menu: it loads an example from the articles "
            "and opens the views that explain it.</p>"
        ))


_SYMBOLS = {"A": "A", "Z": "Z", "delta": "δ", "step": "ΔW", "dW": "dW", "W": "W", "b": "b"}


def _where(key: str) -> str:
    """``"delta2"`` → ``"δ₂"``: a trace key as the inspector's tables name it."""
    match = re.fullmatch(r"([A-Za-z]+)(\d+)", key)
    if match is None or match.group(1) not in _SYMBOLS:
        return key
    return _SYMBOLS[match.group(1)] + sub(int(match.group(2)))


def _cell(index: tuple[int, ...]) -> str:
    """``(0, 1)`` → ``"[0, 1]"`` that does not break at its space."""
    return "[" + ",&nbsp;".join(map(str, index)) + "]"


def _book_table(lesson: Lesson) -> str:
    """Four narrow columns that fit a side panel; why a number differs is a numbered note
    under the table, each note once however many numbers it explains."""
    if not lesson.book_numbers:
        return ""
    notes = list(dict.fromkeys(n.note for n in lesson.book_numbers if n.note))
    rows = "".join(
        f"<tr><td>{translated('Lessons', n.label).replace(', ', ',&nbsp;')}</td>"
        f"<td align='right'>{n.book}</td>"
        f"<td align='right'><b>{n.shown}</b>{_marker(notes, n.note)}</td>"
        f"<td>{_where(n.entry)}{_cell(n.cell)}</td></tr>"
        for n in lesson.book_numbers
    )
    footnotes = "".join(
        f"<p style='color:#6b6b6b; margin-top:2px'>{sup(i)}&nbsp;"
        f"{translated('Lessons', note)}</p>"
        for i, note in enumerate(notes, 1)
    )
    # 99 %: at 100 % Qt can round a column a pixel past the page (seen with Chinese labels),
    # and a sideways scroll bar appears
    head = QCoreApplication.translate(
        "Lessons",
        "<h4>The book's numbers in the inspector</h4>"
        "<table width='99%' cellspacing='0' cellpadding='3' border='1' "
        "style='border-color:#cccccc'>"
        "<tr><th align='left'>number</th><th>book</th><th>inspector</th>"
        "<th align='left'>where</th></tr>")
    return f"{head}{rows}</table>{footnotes}"


def _marker(notes: list[str], note: str) -> str:
    return f"&nbsp;{sup(notes.index(note) + 1)}" if note else ""
