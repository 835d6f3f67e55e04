"""The network diagram's neurons: a circle each, a fixed number of pixels wide whatever the zoom,
filled by a brush that changes with nearly every frame while training.

One item that stamps a pre-rendered circle per neuron. pyqtgraph's ``ScatterPlotItem`` took
~1 ms of the GUI thread per frame only to take the new brushes (its per-point bookkeeping),
and as long again to paint; stamping 100 circles takes a few hundredths of that.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

OUTLINE = pg.mkPen("#444444", width=1.2)


class NeuronDots(pg.GraphicsObject):
    """Circles ``size`` pixels wide at view positions, each with its own brush."""

    def __init__(self, outline: QPen = OUTLINE) -> None:
        super().__init__()
        self._outline = outline
        self._xy = np.zeros((0, 2))
        self._brushes: list[QBrush] = []
        self._size = 8.0
        self._pad = np.zeros(2)  # view units the circles reach beyond their centres
        self._rect = QRectF()
        self._stamps: dict[tuple, QPixmap] = {}  # (colour, size, pixel ratio) -> a circle

    def __len__(self) -> int:
        return len(self._xy)

    def set_positions(self, xs: np.ndarray, ys: np.ndarray) -> None:
        """Where the neurons are (their brushes are forgotten: white until told)."""
        self.prepareGeometryChange()
        self._xy = np.column_stack([xs, ys]).astype(float)
        self._brushes = [pg.mkBrush("w")] * len(self._xy)
        self._update_rect()
        self.update()

    def set_brushes(self, brushes: list[QBrush]) -> None:
        """One brush per neuron, in the order of the positions."""
        self._brushes = list(brushes)
        self.update()

    def brushes(self) -> list[QBrush]:
        return list(self._brushes)

    def set_size(self, pixels: float, units_per_pixel: tuple[float, float]) -> None:
        """The circles' diameter in pixels, and a pixel's size in view units (the item's
        bounds reach that far beyond the centres)."""
        self.prepareGeometryChange()
        self._size = pixels
        self._pad = (pixels / 2 + 2) * np.asarray(units_per_pixel)
        self._update_rect()
        self.update()

    def _update_rect(self) -> None:
        if not len(self._xy):
            self._rect = QRectF()
            return
        (x0, y0), (x1, y1) = self._xy.min(axis=0) - self._pad, self._xy.max(axis=0) + self._pad
        self._rect = QRectF(x0, y0, x1 - x0, y1 - y0)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None
    ) -> None:
        if not len(self._xy):
            return
        t = painter.transform()  # view units to device pixels: scale and shift
        px = t.m11() * self._xy[:, 0] + t.m21() * self._xy[:, 1] + t.dx()
        py = t.m12() * self._xy[:, 0] + t.m22() * self._xy[:, 1] + t.dy()
        size = max(round(self._size), 1)
        corner = np.column_stack([px, py]) - (size + 2) / 2
        ratio = painter.device().devicePixelRatioF()  # stamps as sharp as the screen
        painter.resetTransform()
        for (x, y), brush in zip(corner.tolist(), self._brushes):
            painter.drawPixmap(QPointF(x, y), self._stamp(brush, size, ratio))
        painter.setTransform(t)

    def _stamp(self, brush: QBrush, size: int, ratio: float) -> QPixmap:
        key = (brush.color().rgba(), size, ratio)
        stamp = self._stamps.get(key)
        if stamp is None:
            pixels = round((size + 2) * ratio)
            stamp = QPixmap(pixels, pixels)
            stamp.setDevicePixelRatio(ratio)
            stamp.fill(Qt.GlobalColor.transparent)
            p = QPainter(stamp)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(self._outline)
            p.setBrush(brush)
            p.drawEllipse(QRectF(1, 1, size, size))
            p.end()
            self._stamps[key] = stamp
        return stamp
