"""Dimmer, labelled curves of other runs (pinned runs) drawn under a plot's live curves.

:class:`ReferenceCurves` owns its items on one plot: :meth:`set` replaces them all, and a
label at each curve's end names it. The loss and fit plots take them through their
``set_reference_curves``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from .palette import CLASS_COLOURS
from .plot_style import tick_font

DIM_ALPHA = 120
"""How opaque a reference curve is (of 255): behind the live curves, still readable."""


def reference_colour(k: int) -> str:
    """The ``k``-th pinned run's colour: past the train/test blue and orange."""
    return CLASS_COLOURS[2 + k % (len(CLASS_COLOURS) - 2)]


@dataclass(frozen=True)
class ReferenceCurve:
    """One curve of another run: its label (``""``: none), points, colour and whether it
    is dashed."""

    label: str
    x: np.ndarray
    y: np.ndarray
    colour: str
    dashed: bool = False


class ReferenceCurves:
    """The reference curves on ``plot``, drawn below z-order ``below``."""

    def __init__(self, plot: pg.PlotWidget, below: float = 0.0) -> None:
        self.plot, self.below = plot, below
        self.curves: list[ReferenceCurve] = []
        self.items: list[pg.PlotCurveItem] = []
        self.labels: list[pg.TextItem] = []

    def set(self, curves: Sequence[ReferenceCurve],
            to_view: Callable[[np.ndarray], np.ndarray] = lambda y: y) -> None:
        """Draw ``curves`` (replacing those drawn), y through ``to_view`` (a log scale)."""
        self.curves = list(curves)
        self.redraw(to_view)

    def redraw(self, to_view: Callable[[np.ndarray], np.ndarray] = lambda y: y) -> None:
        for item in [*self.items, *self.labels]:
            self.plot.removeItem(item)
        self.items, self.labels = [], []
        for curve in self.curves:
            colour = pg.mkColor(curve.colour)
            colour.setAlpha(DIM_ALPHA)
            style = Qt.PenStyle.DashLine if curve.dashed else Qt.PenStyle.SolidLine
            item = pg.PlotCurveItem(pen=pg.mkPen(colour, width=1.5, style=style))
            y = np.asarray(to_view(np.asarray(curve.y, dtype=float)))
            item.setData(np.asarray(curve.x, dtype=float), y)
            item.setZValue(self.below - 1)
            self.plot.addItem(item, ignoreBounds=True)
            self.items.append(item)
            finite = np.flatnonzero(np.isfinite(y))
            if len(finite) and curve.label:
                label = pg.TextItem(curve.label, color=curve.colour, anchor=(1, 1))
                label.setFont(tick_font())
                label.setPos(float(curve.x[finite[-1]]), float(y[finite[-1]]))
                self.plot.addItem(label, ignoreBounds=True)
                self.labels.append(label)

    def points(self) -> tuple[np.ndarray, np.ndarray]:
        """Every drawn point, for a range that should include them."""
        if not self.items:
            return np.empty(0), np.empty(0)
        data = [item.getData() for item in self.items]
        return (np.concatenate([d[0] for d in data]), np.concatenate([d[1] for d in data]))
