"""The network diagram's weight lines: a pen per sign and width, and one item that paints
them all (pyqtgraph's bookkeeping per item cost more than drawing the lines)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from . import palette
from .network_layout import NetworkLayout

WIDTH_LEVELS = 6
"""Lines are sorted into this many widths per sign: one path per (sign, width)."""

SMOOTH_LINES = 100
"""Qt antialiases a line wider than 1 px slowly (~0.1 ms each: 28 ms for the 304 lines of a
2-16-16-1 network). Networks with at most this many lines are drawn smooth; larger ones
smooth only their hairlines."""


def _bucket_pen(positive: bool, level: int) -> QPen:
    """Opaque (pre-mixed with white: Qt fills translucent wide lines ~4× slower), from a
    pale hairline for the weakest weights to a saturated 4.5 px line for the strongest."""
    white = np.full(3, 255.0)
    colour = palette.rgb(palette.ORANGE if positive else palette.BLUE)
    mixed = white + (colour - white) * (0.4 + 0.6 * level / WIDTH_LEVELS)
    width = 1.0 + 3.5 * (level - 1) / (WIDTH_LEVELS - 1)
    return pg.mkPen(*mixed.round().astype(int), width=width)


PENS = tuple(
    _bucket_pen(positive, level)
    for positive in (False, True) for level in range(1, WIDTH_LEVELS + 1)
)
"""The pen of each line key: ``WIDTH_LEVELS * positive + level - 1``."""


class WeightLines(pg.GraphicsObject):
    """Every weight line of the diagram in one item: a path per layer pair and key, painted
    weak to strong. One item instead of twelve per layer pair: pyqtgraph's bookkeeping per
    item (bounds, pixel sizes, paint set-up) took longer than drawing the lines."""

    def __init__(self, layout: NetworkLayout, smooth: bool) -> None:
        super().__init__()
        (x0, x1), (y0, y1) = layout.x_range, layout.y_range
        self._rect = QRectF(x0, y0, x1 - x0, y1 - y0)  # the lines stay well inside
        self._paths = [[QPainterPath() for _ in PENS] for _ in layout.sizes[1:]]
        self._smooth = smooth

    def set_lines(self, index: int, key: int, x: np.ndarray, y: np.ndarray) -> None:
        """Layer pair ``index``'s lines of ``key``: ends ``(x[2k], y[2k])``, ``(x[2k+1], ...)``."""
        self._paths[index][key] = pg.arrayToQPath(x, y, connect="pairs")
        self.update()

    def count(self, index: int, key: int | None = None) -> int:
        """How many lines are drawn between layer ``index`` and ``index + 1`` (of ``key``)."""
        paths = self._paths[index] if key is None else [self._paths[index][key]]
        return sum(path.elementCount() for path in paths) // 2

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None
    ) -> None:
        for level in range(WIDTH_LEVELS):
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, self._smooth or level == 0)
            for key in (level, WIDTH_LEVELS + level):
                painter.setPen(PENS[key])
                for paths in self._paths:
                    if not paths[key].isEmpty():
                        painter.drawPath(paths[key])
