"""One palette and one look for every plot, so the views read as one tool.

Orange means positive / class 1 and blue negative / class 0 everywhere (weights, decision
shading, points), as in TensorFlow Playground; train is blue and test is orange.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .quiet_label import QuietLabel

BACKGROUND = "#ffffff"
FOREGROUND = "#222222"
MUTED = "#6b6b6b"
GRID_ALPHA = 0.15

BLUE = "#0877bd"
ORANGE = "#f59322"
TRAIN = BLUE
TEST = ORANGE
MODEL = "#c0392b"
TRUTH = "#555555"

CLASS_COLOURS = (
    BLUE, ORANGE, "#2ca02c", "#9467bd", "#d62728",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)
"""Class k is drawn in ``CLASS_COLOURS[k % 10]``; the first two match the binary shading."""

SHADE_STRENGTH = 0.55
"""How far a fully confident region moves from white towards its class colour."""

FONT_SIZE = 9

LEGEND_SYMBOLS = {"point": "●", "ring": "○", "line": "━", "dashed": "╌"}


_configured = False


def configure_plots() -> None:
    """pyqtgraph's global options, set once before the first plot: row-major images, white
    plots.

    Antialiasing is off by default: it made every frame about twice as expensive to paint
    (thick weight lines above all), and painting time is time the worker cannot train.
    A view may still turn it on for single items.
    """
    global _configured
    if not _configured:
        pg.setConfigOptions(
            imageAxisOrder="row-major", antialias=False, background="w", foreground="k"
        )
        _configured = True


def class_colour(k: int) -> str:
    return CLASS_COLOURS[k % len(CLASS_COLOURS)]


def rgb(colour: str) -> np.ndarray:
    """``"#rrggbb"`` as a float array ``[r, g, b]`` in 0..255."""
    c = QColor(colour)
    return np.array([c.red(), c.green(), c.blue()], dtype=float)


def shade(colour: str, strength: float = SHADE_STRENGTH) -> np.ndarray:
    """The colour mixed with white: what a region the network is sure about looks like."""
    return 255.0 + strength * (rgb(colour) - 255.0)


def diverging_lut(n: int = 256) -> np.ndarray:
    """Lookup table from blue (0) through white (0.5) to orange (1), ``(n, 3)`` uint8."""
    t = np.linspace(0.0, 1.0, n)[:, None]
    white = np.full(3, 255.0)
    low = white + (shade(BLUE) - white) * np.clip(1.0 - 2.0 * t, 0.0, 1.0)
    high = white + (shade(ORANGE) - white) * np.clip(2.0 * t - 1.0, 0.0, 1.0)
    return np.where(t < 0.5, low, high).round().astype(np.uint8)


def point_size(n_points: int) -> float:
    """Marker diameter in pixels: a textbook's eight points deserve bigger dots than 300."""
    return 13.0 if n_points <= 20 else 9.0 if n_points <= 150 else 8.0


def tick_font() -> QFont:
    font = QFont()
    font.setPointSize(FONT_SIZE)
    return font


def make_plot(
    x_label: str,
    y_label: str,
    axis_items: dict[str, pg.AxisItem] | None = None,
    view_box: pg.ViewBox | None = None,
) -> pg.PlotWidget:
    """A white plot with dark axes, readable labels and a faint grid.

    Each axis (its grid lines included) is kept as a picture and redrawn only when its range
    or size changes: replaying the lines and labels cost 3-7 ms per axis on every frame.
    """
    widget = pg.PlotWidget(background=BACKGROUND, axisItems=axis_items, viewBox=view_box)
    item = widget.getPlotItem()
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        keep_as_picture(axis)
        axis.setPen(pg.mkPen(FOREGROUND))
        axis.setTextPen(pg.mkPen(FOREGROUND))
        axis.setStyle(tickFont=tick_font())
        axis.enableAutoSIPrefix(False)
        axis.setStyle(maxTickLevel=1)  # major and minor grid: sub-minor lines triple the paint
        axis.setStyle(autoReduceTextSpace=False)  # narrower labels must not relayout the plot
    style = {"color": FOREGROUND, "font-size": f"{FONT_SIZE + 1}pt"}
    item.setLabel("bottom", x_label, **style)
    item.setLabel("left", y_label, **style)
    item.showGrid(x=True, y=True, alpha=GRID_ALPHA)
    item.setMenuEnabled(False)
    item.hideButtons()
    return widget


def keep_as_picture(*items: QGraphicsItem) -> None:
    """Items that change only with the data (points, the true function) are kept as pictures:
    every frame redraws the network's output over them, and a copied picture costs a tenth
    of pyqtgraph painting them again."""
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def make_readout() -> pg.TextItem:
    """The hover read-out: dark text on a pale box, kept above everything else."""
    text = pg.TextItem(
        color=FOREGROUND, fill=pg.mkBrush(255, 255, 255, 235), border=pg.mkPen("#999999"),
        anchor=(0, 1),
    )
    text.setFont(tick_font())
    text.setZValue(1000)
    text.hide()
    return text


STATUS_POSITION = 3
"""The status's place in a view header: after the title, the legend and the stretch."""


class ViewFrame(QWidget):
    """Title and status line above a content widget, or a message where there is nothing to
    draw (for instance a fit plot for data with two inputs)."""

    def __init__(self, title: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"ViewFrame {{ background: {BACKGROUND}; }}")
        self.title_label = QLabel(title)
        self.title_label.setStyleSheet(f"font-weight: 600; color: {FOREGROUND};")
        self.legend_label = QuietLabel()  # texts change with every frame: no relayouts
        self.legend_label.setObjectName("legendLabel")
        self.legend_label.setStyleSheet(f"color: {FOREGROUND};")
        self.status_label = QuietLabel(Qt.AlignmentFlag.AlignRight)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setStyleSheet(f"color: {MUTED};")
        self.header = QHBoxLayout()
        self.header.setContentsMargins(8, 4, 8, 0)
        self.header.addWidget(self.title_label)
        self.header.addWidget(self.legend_label)
        self.header.addStretch(1)
        self.header.addWidget(self.status_label)
        self.header.setSpacing(16)
        self.status_row = QHBoxLayout()  # the status, when it does not fit beside the legend
        self.status_row.setContentsMargins(8, 0, 8, 0)
        self.status_row.addStretch(1)
        self.message_label = QLabel()
        self.message_label.setObjectName("messageLabel")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(f"color: {MUTED}; background: {BACKGROUND};")
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.message_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.header)
        layout.addLayout(self.status_row)
        layout.addWidget(self.stack, 1)

    def showEvent(self, event: QShowEvent) -> None:
        """A dock already shows the title: then the header keeps only the status."""
        self.title_label.setVisible(not isinstance(self.parentWidget(), QDockWidget))
        super().showEvent(event)
        self._place_status()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_status()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a label asked for more room
            self._place_status()
        return super().event(event)

    def _place_status(self) -> None:
        """The status goes under the header's other widgets (legend, a view's own controls)
        when they do not all fit on one line (a narrow dock), and back when they do; clipped
        texts would run into each other."""
        margins, spacing = self.header.contentsMargins(), self.header.spacing()
        header = [self.header.itemAt(i).widget() for i in range(self.header.count())]
        others = [w for w in header if w is not None and w is not self.status_label
                  and w.isVisibleTo(self)]
        needed = (margins.left() + margins.right() + self.status_label.sizeHint().width()
                  + sum(w.sizeHint().width() + spacing for w in others))
        below, in_header = needed > self.width(), self.status_label in header
        if below and in_header:
            self.header.removeWidget(self.status_label)
            self.status_row.addWidget(self.status_label)
        elif not below and not in_header:
            self.status_row.removeWidget(self.status_label)
            self.header.insertWidget(STATUS_POSITION, self.status_label)

    def set_legend(self, entries: list[tuple[str, str, str]]) -> None:
        """The key above the plot, where it never hides data: ``(symbol, colour, text)``
        entries such as ``("●", TRAIN, "train")``; symbols are :data:`LEGEND_SYMBOLS`."""
        self.legend_label.fit_text("&nbsp;&nbsp;&nbsp;".join(
            f'<span style="color:{colour}; font-size:{FONT_SIZE + 3}pt">'
            f"{LEGEND_SYMBOLS.get(symbol, symbol)}</span>&nbsp;{text}"
            for symbol, colour, text in entries
        ))

    def show_message(self, text: str) -> None:
        """Replace the content by ``text``; ``""`` shows the content again."""
        self.message_label.setText(text)
        self.stack.setCurrentIndex(1 if text else 0)

    @property
    def message(self) -> str:
        return self.message_label.text() if self.stack.currentIndex() == 1 else ""


def score_text(metrics: Mapping[str, float], score: str) -> str:
    """``"accuracy  train 98.5 %  test 96.0 %"`` or ``"R²  train 0.981  test 0.975"`` from
    a snapshot's metrics; parts that were not measured are left out."""
    parts = []
    for part in ("train", "test"):
        value = metrics.get(f"{part}_{score}", math.nan)
        if math.isfinite(value):
            parts.append(f"{part} {100 * value:.1f} %" if score == "accuracy" else
                         f"{part} {format_r2(value)}")
    label = "R²" if score == "r2" else score
    return "   ".join([label, *parts]) if parts else ""


def format_r2(value: float) -> str:
    """R² to three decimals; a wildly negative one (a diverged fit) in short form."""
    if not math.isfinite(value):
        return "–"
    return f"{value:.3f}" if abs(value) < 1000 else f"{value:.3g}"


def format_value(value: float) -> str:
    """Four significant digits, the way losses and weights are read."""
    return f"{value:.4g}"
