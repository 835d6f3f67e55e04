"""A spin box for quantities that span decades, such as a learning rate."""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

NICE_MANTISSAS = (1.0, 2.0, 5.0)
"""Arrow steps visit 1, 2, 5 in every decade: 0.01 → 0.02 → 0.05 → 0.1."""


class LogSpinBox(QDoubleSpinBox):
    """Steps multiply (1-2-5 per decade) instead of add, and the text is compact (``1e-06``,
    ``0.05``), so one box covers 1e-6 to 10 without a dozen decimals on screen.

    Any value in range can be typed; only the arrow and page keys snap to the 1-2-5 ladder.
    A number out of range (0, 20) that is entered keeps the old value and emits
    ``refused(text)``.
    """

    refused = Signal(str)

    def __init__(
        self, minimum: float = 1e-6, maximum: float = 10.0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setDecimals(12)  # QDoubleSpinBox rounds stored values to this many decimals
        self.setRange(minimum, maximum)
        self.setKeyboardTracking(False)
        self.setAccelerated(True)
        self._ladder = _ladder(minimum, maximum)

    def textFromValue(self, value: float) -> str:
        return f"{value:.4g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        try:
            value = float(text)
        except ValueError:
            return QValidator.State.Intermediate, text, pos  # "1e-" on the way to "1e-4"
        if math.isfinite(value) and self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def fixup(self, text: str) -> str:
        try:
            float(text)
        except ValueError:
            pass
        else:
            self.refused.emit(text.strip())
        return self.textFromValue(self.value())

    def stepBy(self, steps: int) -> None:
        value = self.value()
        if steps > 0:
            above = [i for i, v in enumerate(self._ladder) if v > value * (1 + 1e-9)]
            index = (above[0] if above else len(self._ladder)) + steps - 1
        else:
            below = [i for i, v in enumerate(self._ladder) if v < value * (1 - 1e-9)]
            index = (below[-1] if below else -1) + steps + 1
        index = min(max(index, 0), len(self._ladder) - 1)
        self.setValue(self._ladder[index])


def _ladder(minimum: float, maximum: float) -> list[float]:
    """The 1-2-5 values from ``minimum`` to ``maximum``, both ends included."""
    values = {minimum, maximum}
    for exponent in range(math.floor(math.log10(minimum)), math.ceil(math.log10(maximum)) + 1):
        for m in NICE_MANTISSAS:
            v = float(f"{m}e{exponent}")
            if minimum <= v <= maximum:
                values.add(v)
    return sorted(values)
