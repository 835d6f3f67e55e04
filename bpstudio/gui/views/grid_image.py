"""Where an image of a plot grid goes: the decision regions and each hidden neuron are drawn
as one pixel per grid point."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from bpstudio.core.snapshot import PlotGrid


def pixel_rect(grid: PlotGrid) -> QRectF:
    """Pixel (i, j) centred on grid point (xs[j], ys[i])."""
    dx = (grid.xs[-1] - grid.xs[0]) / max(len(grid.xs) - 1, 1)
    dy = (grid.ys[-1] - grid.ys[0]) / max(len(grid.ys) - 1, 1)
    return QRectF(
        grid.xs[0] - dx / 2, grid.ys[0] - dy / 2, dx * len(grid.xs), dy * len(grid.ys)
    )
