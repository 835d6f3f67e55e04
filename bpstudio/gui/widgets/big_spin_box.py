"""A spin box for whole numbers beyond 32 bits: seeds up to 2⁶³ − 1, epoch limits, batch sizes.

QSpinBox holds a C ``int``: showing a file's seed of 3,000,000,000 raised ``OverflowError``
and aborted the app. This box keeps a Python ``int`` and behaves as a QSpinBox does: arrows,
Page Up/Down and the wheel step, typing is checked as it goes, Enter or leaving the field
takes the typed number, and a special text can stand for the minimum.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QStyle, QStyleOptionSpinBox, QWidget

MAX_DIGITS = 40
"""Typed text longer than this is refused before it is parsed."""
_WHOLE = re.compile(r"-?\d+")
State = QValidator.State


class _TypedText(QValidator):
    """Lets the line edit take only what can still become a number in range."""

    def __init__(self, box: BigSpinBox) -> None:
        super().__init__(box)
        self._box = box

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return self._box.text_state(text), text, pos

    def fixup(self, text: str) -> str:
        """Back to the value; a whole number out of range is refused out loud."""
        if self._box.valueFromText(text) is not None:
            self._box.refused.emit(text.strip())
        return self._box.textFromValue(self._box.value())


class BigSpinBox(QAbstractSpinBox):
    """A QSpinBox for any Python ``int`` in ``[minimum, maximum]``.

    ``valueChanged`` carries the ``int`` (a Qt ``int`` signal would overflow too). With
    keyboard tracking off, as the designer uses it, a typed number counts once it is entered.
    """

    valueChanged = Signal(object)
    refused = Signal(str)
    """A whole number out of range was entered (the value stays as it was)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._minimum, self._maximum, self._value, self._step = 0, 99, 0, 1
        self._special = ""
        self._grouped = False
        self.lineEdit().setValidator(_TypedText(self))
        self.lineEdit().textEdited.connect(self._on_text_edited)
        self.editingFinished.connect(self._take_typed)
        self._show_value()

    # -- QSpinBox's surface --------------------------------------------------------------------

    def value(self) -> int:
        return self._value

    def setValue(self, value: int) -> None:
        """Set ``value``, moved into range; ``valueChanged`` if it changed."""
        self._set(int(value))

    def minimum(self) -> int:
        return self._minimum

    def maximum(self) -> int:
        return self._maximum

    def setMinimum(self, minimum: int) -> None:
        self.setRange(minimum, max(minimum, self._maximum))

    def setMaximum(self, maximum: int) -> None:
        self.setRange(min(self._minimum, maximum), maximum)

    def setRange(self, minimum: int, maximum: int) -> None:
        self._minimum, self._maximum = int(minimum), max(int(minimum), int(maximum))
        self.updateGeometry()
        self._set(self._value)

    def singleStep(self) -> int:
        return self._step

    def setSingleStep(self, step: int) -> None:
        self._step = int(step)

    def specialValueText(self) -> str:
        return self._special

    def setSpecialValueText(self, text: str) -> None:
        """Shown instead of the minimum (``"No limit"`` for an epoch limit of 0)."""
        self._special = text
        self.updateGeometry()
        self._show_value()

    def isGroupSeparatorShown(self) -> bool:
        return self._grouped

    def setGroupSeparatorShown(self, shown: bool) -> None:
        self._grouped = shown
        self.updateGeometry()
        self._show_value()

    def textFromValue(self, value: int) -> str:
        if self._special and value == self._minimum:
            return self._special
        if not self._grouped:
            return str(value)
        return f"{value:,}".replace(",", self.locale().groupSeparator())

    def valueFromText(self, text: str) -> int | None:
        """The number ``text`` shows, ``None`` if it shows none."""
        if self._special and text == self._special:
            return self._minimum
        clean = text.replace(self.locale().groupSeparator(), "").replace(",", "").strip()
        if len(clean) > MAX_DIGITS or not _WHOLE.fullmatch(clean):
            return None
        return int(clean)

    def text_state(self, text: str) -> QValidator.State:
        """Acceptable for a number in range; Intermediate for what typing may still make one
        (``""``, ``"-"``) and for a number out of range (entering it is refused out loud);
        Invalid for anything else."""
        value = self.valueFromText(text)
        if value is None:
            clean = text.strip()
            starting = clean == "" or (clean == "-" and self._minimum < 0)
            return State.Intermediate if starting else State.Invalid
        if self._minimum <= value <= self._maximum:
            return State.Acceptable
        return State.Intermediate  # typed as meant; refused out loud when entered

    # -- what QAbstractSpinBox asks of a subclass ----------------------------------------------

    def stepBy(self, steps: int) -> None:
        self._take_typed()
        self._set(self._value + steps * self._step)
        self.selectAll()

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.isReadOnly():
            return flags
        if self._value < self._maximum:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self._value > self._minimum:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags

    def sizeHint(self) -> QSize:
        """Wide enough for the longest of the minimum, the maximum and the special text."""
        return self._size_for(max(
            (self.textFromValue(v) for v in (self._minimum, self._maximum)), key=len))

    def minimumSizeHint(self) -> QSize:
        return self._size_for(self.textFromValue(self._minimum))

    # -- details -------------------------------------------------------------------------------

    def _set(self, value: int) -> None:
        old, self._value = self._value, min(max(value, self._minimum), self._maximum)
        self._show_value()
        if self._value != old:
            self.valueChanged.emit(self._value)

    def _show_value(self) -> None:
        text = self.textFromValue(self._value)
        if self.lineEdit().text() != text:
            self.lineEdit().setText(text)
        self.update()  # the arrows' enabled state

    def _take_typed(self) -> None:
        """The typed number becomes the value; anything else gives way to the value."""
        text = self.lineEdit().text()
        if self.text_state(text) == State.Acceptable:
            self._set(self.valueFromText(text))
        self._show_value()

    def _on_text_edited(self, text: str) -> None:
        """With keyboard tracking every acceptable keystroke is a value (the text stays as
        typed, so the cursor does not jump)."""
        if self.keyboardTracking() and self.text_state(text) == State.Acceptable:
            old, self._value = self._value, self.valueFromText(text)
            if self._value != old:
                self.valueChanged.emit(self._value)

    def _size_for(self, text: str) -> QSize:
        self.ensurePolished()
        metrics = self.fontMetrics()
        longest = max(text, self._special, key=len)
        width = max(metrics.horizontalAdvance(longest + " "), metrics.horizontalAdvance("999"))
        height = self.lineEdit().sizeHint().height()
        option = QStyleOptionSpinBox()
        self.initStyleOption(option)
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_SpinBox, option, QSize(width + 2, height), self)
