"""Plots to files, as a person would put them in a report: the view's title, its legend and
status line, the plot, and no hover read-out.

The whole view is painted (the plot alone had no legend): PNG at twice the screen's pixels,
SVG through Qt's SVG generator (pyqtgraph 0.14's SVGExporter cannot parse the path data Qt
6.11 writes). Within a dock the view hides its title (the dock shows it); for the file it is
shown, and what follows the pointer (read-out, marker) is hidden, both put back after.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from bpstudio.core.translatable import QT_TRANSLATE_NOOP

FORMATS = {"png": QT_TRANSLATE_NOOP("Files", "PNG image (*.png)"),
           "svg": QT_TRANSLATE_NOOP("Files", "SVG drawing (*.svg)")}
PNG_SCALE = 2
"""A PNG has twice the pixels of the view on screen (sharp in a printed report)."""
READOUT_Z = 1000
"""Text items this high up are hover read-outs (:func:`..views.plot_style.make_readout`)."""


def plot_in(view: QWidget) -> pg.PlotWidget | None:
    """The pyqtgraph plot a view shows, if it has one."""
    return view if isinstance(view, pg.PlotWidget) else view.findChild(pg.PlotWidget)


def export_plot(view: QWidget, path: str, fmt: str) -> str:
    """Write the plot inside ``view`` to ``path`` (the extension is added if missing).

    Returns the path written. ``OSError`` if the file cannot be written, ``ValueError`` if
    ``view`` holds no pyqtgraph plot.
    """
    plot = plot_in(view)
    if plot is None:
        raise ValueError(f"view: {view.objectName() or 'this view'} has no plot to export")
    if not path.lower().endswith(f".{fmt}"):
        path = f"{path}.{fmt}"
    with _for_a_report(view, plot) as frame:
        (_write_png if fmt == "png" else _write_svg)(frame, path)
    if not os.path.isfile(path):
        raise OSError(f"could not write {path}")
    return path


@contextmanager
def _for_a_report(view: QWidget, plot: pg.PlotWidget) -> Iterator[QWidget]:
    """The widget to paint (the view with its title, or the bare plot), with the hover
    read-out and marker hidden; everything as it was afterwards."""
    title = getattr(view, "title_label", None)
    hover = [item for item in plot.getPlotItem().items
             if isinstance(item, pg.TextItem) and item.zValue() >= READOUT_Z]
    hover += [getattr(view, "marker", None)] if hasattr(view, "marker") else []
    shown = [(item, item.isVisible()) for item in hover if item is not None]
    title_shown = title is not None and title.isVisible()
    try:
        for item, _ in shown:
            item.hide()
        if title is not None:
            title.show()
            view.layout().activate()
        yield view if title is not None else plot
    finally:
        for item, visible in shown:
            item.setVisible(visible)
        if title is not None:
            title.setVisible(title_shown)
            view.layout().activate()


def _write_png(widget: QWidget, path: str) -> None:
    image = QImage(widget.size() * PNG_SCALE, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(PNG_SCALE)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        QWidget.render(widget, painter, QPoint())  # a plot widget's own render() scales
    finally:
        painter.end()
    if not image.save(path, "PNG"):
        raise OSError(f"could not write {path}")


def _write_svg(widget: QWidget, path: str) -> None:
    size = widget.size()
    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setSize(QSize(size))
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(widget.window().windowTitle() or "BP Studio plot")
    painter = QPainter(generator)
    try:
        QWidget.render(widget, painter, QPoint())  # a plot widget's own render() scales
    finally:
        painter.end()
