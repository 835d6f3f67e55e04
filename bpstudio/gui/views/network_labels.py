"""The network diagram's words: a caption under each column and names beside small input
and output layers, fitted to the plot's size (two-line captions where columns stand close,
room on the right for the output names)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

from . import palette, plot_style
from .network_layout import NetworkLayout

CAPTION_PIXELS = 90
"""Columns closer than this many pixels get two-line captions (``h1`` over ``64``): the
long ones (``hidden 1 (64)``) would run into each other."""


class NetworkLabels:
    """The text items of one layout in one plot."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.items: list[pg.TextItem] = []
        self._layout: NetworkLayout | None = None

    def build(self, layout: NetworkLayout, output_names: tuple[str, ...]) -> None:
        self.forget()
        self._layout = layout
        for x, y, text, anchor in layout.labels(output_names):
            label = pg.TextItem(text, color=palette.MUTED, anchor=anchor)
            label.setFont(plot_style.tick_font())
            label.setPos(x, y)
            self.plot.addItem(label)
            self.items.append(label)

    def forget(self) -> None:
        for item in self.items:
            self.plot.removeItem(item)
        self.items, self._layout = [], None

    @property
    def captions(self) -> list[pg.TextItem]:
        return self.items[: len(self._layout.sizes)] if self._layout else []

    def fit(self, view_box: pg.ViewBox) -> None:
        """Captions short or long by the pixels between columns; then the view widened on
        the right until the output names fit."""
        if self._layout is None:
            return
        column_pixels = view_box.width() / max(view_box.viewRect().width(), 1e-9)
        for layer, label in enumerate(self.captions):
            text = self._layout.caption(layer, column_pixels < CAPTION_PIXELS)
            if label.toPlainText() != text:
                label.setText(text)
        self._make_room_for_names(view_box)

    def _make_room_for_names(self, view_box: pg.ViewBox) -> None:
        """Widen the view on either side until the input and output names fit beside their
        columns (each name sits 0.12 columns off its neurons)."""
        width = view_box.width()
        names = self.items[len(self._layout.sizes):]
        if not names or width <= 0:
            return
        metrics = QFontMetrics(plot_style.tick_font())

        def room(anchor_x: float) -> float:
            texts = [label.toPlainText() for label in names if label.anchor.x() == anchor_x]
            return max((metrics.horizontalAdvance(t) + 8 for t in texts), default=0)

        left_room, right_room = room(1.0), room(0.0)
        if left_room + right_room >= width / 2:
            return
        low, high = self._layout.x_range
        last = len(self._layout.sizes) - 1
        # columns 0..last plus 0.12 on each named side, and the names' pixels
        span = (last + 0.24) / (1 - (left_room + right_room) / width)
        per_pixel = span / width
        new_low = min(low, -0.12 - left_room * per_pixel)
        new_high = max(high, last + 0.12 + right_room * per_pixel)
        if np.abs(np.subtract(view_box.viewRange()[0], (new_low, new_high))).max() > 1e-6:
            view_box.setXRange(new_low, new_high, padding=0)
