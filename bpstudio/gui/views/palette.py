"""One palette for every plot, so the views read as one tool.

Orange means positive / class 1 and blue negative / class 0 everywhere (weights, decision
shading, points), as in TensorFlow Playground; train is blue and test is orange.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

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
