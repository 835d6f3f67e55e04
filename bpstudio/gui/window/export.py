"""Plots to files: PNG through pyqtgraph's ImageExporter, SVG through Qt's SVG generator.

pyqtgraph 0.14's SVGExporter cannot parse the path data Qt 6.11 writes (it expects
``x,y`` pairs), so the SVG is painted directly: the same scene, still vector graphics.
"""

from __future__ import annotations

import os

import pyqtgraph as pg
import pyqtgraph.exporters as exporters
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

FORMATS = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)"}


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
    if fmt == "png":
        item = plot.getPlotItem()
        exporter = exporters.ImageExporter(item)
        exporter.parameters()["width"] = max(int(item.sceneBoundingRect().width()) * 2, 400)
        exporter.export(path)
    else:
        _write_svg(plot, path)
    if not os.path.isfile(path):
        raise OSError(f"could not write {path}")
    return path


def _write_svg(plot: pg.PlotWidget, path: str) -> None:
    size = plot.viewport().size()
    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setSize(QSize(size))
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(plot.window().windowTitle() or "BP Studio plot")
    painter = QPainter(generator)
    try:
        plot.render(painter)
    finally:
        painter.end()
