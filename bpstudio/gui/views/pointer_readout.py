"""A read-out and a value editor beside the mouse pointer, as child widgets of a plot.

They are placed in the plot widget's own pixels and kept inside it, whatever the view's
range or orientation: a text item in the scene (pyqtgraph's ``TextItem``) follows the view's
transform and could land far off-screen in an inverted view.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from .palette import FOREGROUND
from .plot_style import tick_font

GAP = 12
"""Pixels between the pointer and the box beside it."""


def place_beside(box: QWidget, pointer: QPoint) -> None:
    """Move ``box`` to the right of and above ``pointer`` (to the left / below where it would
    leave its parent), always wholly inside the parent."""
    parent = box.parentWidget()
    size = box.sizeHint()
    box.resize(size)
    x = pointer.x() + GAP
    if x + size.width() > parent.width():
        x = pointer.x() - GAP - size.width()
    y = pointer.y() - GAP - size.height()
    if y < 0:
        y = pointer.y() + GAP
    x = min(max(x, 0), max(parent.width() - size.width(), 0))
    y = min(max(y, 0), max(parent.height() - size.height(), 0))
    box.move(x, y)


class PointerReadout(QLabel):
    """Dark text on a pale box beside the pointer; never takes the mouse."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pointerReadout")
        self.setFont(tick_font())
        self.setStyleSheet(f"color: {FOREGROUND}; background: rgba(255, 255, 255, 235); "
                           "border: 1px solid #999999; padding: 2px 4px;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def show_at(self, text: str, pointer: QPoint) -> None:
        self.setText(text)
        place_beside(self, pointer)
        self.show()
        self.raise_()


class ValueEditor(QLineEdit):
    """A number typed beside the pointer: Enter emits :attr:`value_entered` (nothing when the
    shown value was left as it was: it is rounded to 6 digits), Escape or leaving the field
    closes it unchanged. Anything but a finite number gets a red frame and
    a tooltip that says so, and the field stays open."""

    value_entered = Signal(float)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("valueEditor")
        self.setFont(tick_font())
        self.setMinimumWidth(120)
        self._shown = ""
        self.returnPressed.connect(self._enter)
        self.hide()

    def edit(self, label: str, value: float, pointer: QPoint) -> None:
        """Open on ``value`` (``label`` as the tooltip and placeholder), all of it selected."""
        self.setToolTip(QCoreApplication.translate(
            "Views", "{name}: type a value, Enter to apply, Esc to cancel").format(name=label))
        self.setPlaceholderText(label)
        self.setStyleSheet("")
        self._shown = f"{float(value):.6g}"
        self.setText(self._shown)
        place_beside(self, pointer)
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.selectAll()

    def _enter(self) -> None:
        if self.text() == self._shown:  # unchanged: the value stays exactly as it was
            self.hide()
            return
        try:
            value = float(self.text().strip().replace(",", "."))
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.setStyleSheet("border: 2px solid #d62728;")
            self.setToolTip(QCoreApplication.translate(
                "Views", "{name}: type a number such as 0 or -0.25").format(
                    name=self.placeholderText()))
            return
        self.hide()
        self.value_entered.emit(value)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
