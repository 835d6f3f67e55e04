"""Spin boxes that say so when a typed number is outside their range, instead of dropping it.

A QSpinBox refuses the keystroke that would leave its range (typing 600 in a box up to 512
gives 60), and on Enter quietly puts the old value back for a number it cannot take (a
learning rate of 0). These boxes let any number be typed; when one outside the range is
entered they keep the old value and emit ``refused(text)``, so the form can say why
(:func:`range_text` gives the range in words).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QSpinBox

State = QValidator.State


def typed_number(box: QAbstractSpinBox, text: str) -> float | None:
    """The finite number ``text`` shows in ``box`` (prefix, suffix and group separators
    aside), ``None`` if it shows none."""
    clean = text.strip()
    for part in (getattr(box, "prefix", str)(), getattr(box, "suffix", str)()):
        if part:
            clean = clean.replace(part, "")
    clean = clean.replace(box.locale().groupSeparator(), "").replace(",", "").strip()
    try:
        value = float(clean)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def outside(box: QAbstractSpinBox, text: str) -> bool:
    """``text`` is a number, and not one ``box`` can take."""
    value = typed_number(box, text)
    return value is not None and not box.minimum() <= value <= box.maximum()


def range_text(box: QAbstractSpinBox) -> str:
    """``"from 1 to 512"`` in the box's own number format (and the interface's language)."""
    return QCoreApplication.translate("Widgets", "from {low} to {high}").format(**_ends(box))


def range_span(box: QAbstractSpinBox) -> str:
    """``"1 to 512"``: :func:`range_text` after a word that says what is in the range."""
    return QCoreApplication.translate("Widgets", "{low} to {high}").format(**_ends(box))


def _ends(box: QAbstractSpinBox) -> dict[str, str]:
    low, high = box.minimum(), box.maximum()
    if isinstance(low, float) or isinstance(high, float):
        return {"low": f"{low:g}", "high": f"{high:g}"}
    return {"low": f"{low:,}", "high": f"{high:,}"}


class _Refusing:
    """What both boxes add to their Qt base: a number out of range may be typed (Qt would
    refuse the keystroke), and entering it is refused out loud."""

    refused: Signal

    def validate(self, text: str, pos: int) -> tuple[State, str, int]:
        state, text, pos = super().validate(text, pos)  # type: ignore[misc]
        if state == State.Invalid and outside(self, text):
            state = State.Intermediate
        return state, text, pos

    def fixup(self, text: str) -> str:
        if outside(self, text):
            self.refused.emit(text.strip())
        return super().fixup(text)  # type: ignore[misc]


class RangeSpinBox(_Refusing, QSpinBox):
    """A QSpinBox that emits ``refused(text)`` for an entered number out of range."""

    refused = Signal(str)


class RangeDoubleSpinBox(_Refusing, QDoubleSpinBox):
    """A QDoubleSpinBox that emits ``refused(text)`` for an entered number out of range."""

    refused = Signal(str)
