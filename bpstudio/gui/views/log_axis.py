"""A logarithmic axis whose labels never crowd, for losses and gradients.

pyqtgraph's own log axis labels every minor tick when a plot spans a decade or two
("0.8 0.9 1 2 3 … 9 10¹"); this one keeps to 1, 2 and 5, then to bare decades, then to every
few decades, as the pixels per decade shrink. It is as wide as its widest label from the start,
so a plot does not shift sideways as the labels change.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

from bpstudio.core.digits import sup

from . import plot_style

AXIS_LABELS = ("5·10⁻¹⁰", "0.005")
"""The widest loss labels: the axis is made this wide once, not resized as labels change."""

DECADE_PIXELS = 26
"""Below this many pixels per decade the log axis labels only some decades."""


class LogAxis(pg.AxisItem):
    """A log axis that never crowds: every decade with 2 and 5 between them where there is
    room, bare decades where there is less, every 2nd, 5th, ... decade where many decades
    share a short axis, and all of 1..9 when less than a decade is in view."""

    _minor_labels = "125"

    def __init__(self, orientation: str, **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        metrics = QFontMetrics(plot_style.tick_font())
        self.setWidth(max(metrics.horizontalAdvance(text) for text in AXIS_LABELS) + 8)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        if not self.logMode or not maxVal > minVal:
            return super().tickValues(minVal, maxVal, size)
        per_decade = size / (maxVal - minVal)
        decades = np.arange(math.ceil(minVal), math.floor(maxVal) + 1, dtype=float)
        if per_decade < DECADE_PIXELS:
            step = next((k for k in (2, 3, 5, 10, 20, 50) if k * per_decade >= DECADE_PIXELS), 100)
            keep = decades % step == 0
            self._minor_labels = ""
            return [(float(step), list(decades[keep])), (None, list(decades[~keep]))]
        first, last = math.floor(minVal), math.ceil(maxVal)
        minor = np.log10(np.arange(2, 10))[None, :] + np.arange(first, last)[:, None]
        minor = minor[(minor >= minVal) & (minor <= maxVal)]
        self._minor_labels = "125" if per_decade >= 3 * DECADE_PIXELS else ""
        if len(decades) + len(minor) < 2:
            return super().tickValues(minVal, maxVal, size)
        if len(decades) < 2 and per_decade >= 3 * DECADE_PIXELS:
            self._minor_labels = "123456789"  # less than a decade in view: label them all
        return [(1.0, list(decades)), (None, list(minor))]

    def logTickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        digits = self._minor_labels if spacing is None else "1"
        return [log_label(10.0 ** v * scale, digits) for v in values]


def log_label(value: float, digits: str = "125") -> str:
    """``0.02`` or ``5·10⁻⁶``: decimals near 1, powers of ten beyond; blank unless the
    leading digit is one of ``digits``."""
    mantissa, exponent = f"{value:.0e}".split("e")
    if mantissa not in digits:
        return ""
    if -3 <= int(exponent) <= 3:
        return f"{value:g}"
    power = f"10{sup(int(exponent))}"
    return power if mantissa == "1" else f"{mantissa}·{power}"
