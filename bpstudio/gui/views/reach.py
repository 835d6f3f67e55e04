"""How far from zero a plot can draw.

pyqtgraph computes a view's span and its margins in float64: data at ±1.8e308 overflowed
them ("Cannot set range [nan, nan]") and aborted the app. A view whose data reaches further
than :data:`PLOT_LIMIT` shows a note in its place instead.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

PLOT_LIMIT = 1e300
"""Largest coordinate drawn. Measured: pyqtgraph frames data of ±1e300 (with the plot grid's
margin, ±1.2e300); a span of ±8e307 already overflows its auto-range."""


LOG_LIMITS = (-307.6, 308.2)
"""The lowest and highest log10 of a value pyqtgraph shows on a log axis (its own limits)."""


def out_of_reach(what: str, *arrays: np.ndarray) -> str:
    """``""`` when every finite value of ``arrays`` lies within ±:data:`PLOT_LIMIT`, else a
    note naming ``what`` (``"The inputs"``, said already) and how far it reaches."""
    reach = max((float(np.max(np.abs(a), initial=0.0, where=np.isfinite(a)))
                 for a in arrays), default=0.0)
    if reach <= PLOT_LIMIT:
        return ""
    return QCoreApplication.translate(
        "Views", "{what} reach ±{reach}: too far out to draw (plots show values up to "
        "±{limit}).").format(what=what, reach=f"{reach:.4g}", limit=f"{PLOT_LIMIT:.0e}")
