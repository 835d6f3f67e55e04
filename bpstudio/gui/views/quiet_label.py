"""A line of text that changes many times a second without relaying out the window."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class QuietLabel(QWidget):
    """``setText`` / ``text`` like a QLabel, without the relayouts.

    Every ``QLabel.setText`` has Qt recompute the layouts from the label up to the main window
    (``QLayout.activate`` ends in ``updateGeometry`` of its widget, whatever changed): with
    a few live headers, ~30 relayouts of the whole dock area a second while training, about
    a third of the GUI thread's time per frame. Here the text is a child label of a widget
    without a layout, where that chain ends. The widget asks its layout for more room only
    when a text is wider than any before; :meth:`fit_text` lets it shrink again. A narrow
    layout clips the text instead of growing.
    """

    def __init__(
        self, alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._label = QLabel(self)
        self._label.setAlignment(alignment | Qt.AlignmentFlag.AlignVCenter)
        self._hint = QSize(0, self._label.sizeHint().height())
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._label.text()

    def setText(self, text: str) -> None:
        """Show ``text``; the layout hears of it only if it needs more room than ever."""
        self._label.setText(text)
        needed = self._label.sizeHint()
        if needed.width() > self._hint.width() or needed.height() > self._hint.height():
            self._hint = self._hint.expandedTo(needed)
            self.updateGeometry()

    def fit_text(self, text: str) -> None:
        """Show ``text`` and ask for just its room (rarely: the layout is recomputed)."""
        self._hint = QSize(0, 0)
        self.setText(text)

    def sizeHint(self) -> QSize:
        return self._hint

    def minimumSizeHint(self) -> QSize:
        return QSize(1, self._hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._label.resize(event.size())
