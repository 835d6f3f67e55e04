"""One look for every plot: pyqtgraph's options, white plots with readable axes, the
hover read-out and marker sizes."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem

from .palette import BACKGROUND, FOREGROUND, GRID_ALPHA

FONT_SIZE = 9

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
