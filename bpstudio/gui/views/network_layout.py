"""Where the network diagram puts neurons and lines, and what lies under a point.

Pure geometry, no Qt: layer ``l`` is the column ``x = l``; a layer's neurons share the unit
height ``0..1`` (neuron 0 at the top of an inverted-y view), spaced at most
:data:`MAX_SPACING` apart so a small layer does not sprawl.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
from PySide6.QtCore import QCoreApplication

from bpstudio.core.digits import sub

translate = QCoreApplication.translate

MAX_SPACING = 0.22
LABELLED_NEURONS = 12
"""Inputs and outputs are named (x₁, ŷ₁ ...) when a layer has at most this many neurons."""


class NetworkLayout:
    """Positions for a network with ``sizes`` neurons per layer (input first)."""

    def __init__(self, sizes: tuple[int, ...]) -> None:
        self.sizes = tuple(int(n) for n in sizes)
        self.x_range = (-0.45, len(self.sizes) - 1 + 0.45)
        self.y_range = (-0.08, 1.2)

    @cached_property
    def columns(self) -> list[np.ndarray]:
        """The y of each neuron, one array per layer."""
        return [0.5 + (np.arange(n) - (n - 1) / 2) * self._spacing(n) for n in self.sizes]

    @staticmethod
    def _spacing(n: int) -> float:
        return MAX_SPACING if n < 2 else min(1.0 / (n - 1), MAX_SPACING)

    def neuron_positions(self) -> tuple[np.ndarray, np.ndarray]:
        xs = np.concatenate([np.full(len(ys), float(l)) for l, ys in enumerate(self.columns)])
        return xs, np.concatenate(self.columns)

    def neuron_pixels(self, pixels_per_unit_y: float) -> float:
        """A diameter that leaves a gap between neighbours in the most crowded layer."""
        tightest = min(self._spacing(n) for n in self.sizes)
        return float(np.clip(0.7 * tightest * pixels_per_unit_y, 4.0, 24.0))

    def segments(self, index: int) -> tuple[np.ndarray, np.ndarray]:
        """Ends of the lines from layer ``index`` to ``index + 1``: ``x`` and ``y``, each
        ``(n_in * n_out, 2)``, row ``i * n_out + j`` for weight ``[i, j]``."""
        return self._segments[index]

    @cached_property
    def _segments(self) -> list[tuple[np.ndarray, np.ndarray]]:
        out = []
        for l in range(len(self.sizes) - 1):
            y0, y1 = np.meshgrid(self.columns[l], self.columns[l + 1], indexing="ij")
            seg_y = np.column_stack([y0.ravel(), y1.ravel()])
            seg_x = np.broadcast_to(np.array([l, l + 1.0]), seg_y.shape)
            out.append((seg_x, seg_y))
        return out

    def line(self, layer: int, i: int, j: int) -> tuple[tuple[float, float], tuple[float, float]]:
        """The line of weight ``W{layer}[i, j]`` (``layer`` from 1) as ``(x0, x1), (y0, y1)``."""
        return (layer - 1.0, float(layer)), (
            float(self.columns[layer - 1][i]), float(self.columns[layer][j])
        )

    def caption(self, layer: int, compact: bool = False) -> str:
        """The caption under column ``layer``: ``hidden 1 (64)``, or in two short lines
        (``h1`` over ``64``) where the columns stand too close for the long one."""
        last, n = len(self.sizes) - 1, self.sizes[layer]
        if compact:
            name = (translate("Views", "in") if layer == 0 else
                    translate("Views", "out") if layer == last else
                    translate("Views", "h{layer}").format(layer=layer))
            return f"{name}\n{n}"
        name = (translate("Views", "input") if layer == 0 else
                translate("Views", "output") if layer == last else
                translate("Views", "hidden {layer}").format(layer=layer))
        return translate("Views", "{name} ({neurons})").format(name=name, neurons=n)

    def labels(
        self, output_names: tuple[str, ...] = ()
    ) -> list[tuple[float, float, str, tuple[float, float]]]:
        """Column captions under the columns (first, one per layer) and names beside small
        input/output layers: ``(x, y, text, anchor)``. ``output_names`` (one per output,
        e.g. the classes) replace ŷ₁, ŷ₂, …"""
        last = len(self.sizes) - 1
        out = [(float(l), 1.08, self.caption(l), (0.5, 0.0)) for l in range(len(self.sizes))]
        if self.sizes[0] <= LABELLED_NEURONS:
            for i, y in enumerate(self.columns[0]):
                out.append((-0.12, float(y), f"x{sub(i + 1)}", (1.0, 0.5)))
        if self.sizes[-1] <= LABELLED_NEURONS:
            single = self.sizes[-1] == 1
            named = len(output_names) == self.sizes[-1]
            for j, y in enumerate(self.columns[-1]):
                name = output_names[j] if named else "ŷ" if single else f"ŷ{sub(j + 1)}"
                out.append((last + 0.12, float(y), name, (0.0, 0.5)))
        return out

    def neuron_at(
        self, x: float, y: float, pixels: tuple[float, float]
    ) -> tuple[int, int] | None:
        """The ``(layer, neuron)`` whose circle contains the point, if any."""
        layer = round(x)
        if not 0 <= layer < len(self.sizes):
            return None
        radius = self.neuron_pixels(pixels[1]) / 2
        ys = self.columns[layer]
        j = int(np.argmin(np.abs(ys - y)))
        dx, dy = (x - layer) * pixels[0], (y - ys[j]) * pixels[1]
        return (layer, j) if dx * dx + dy * dy <= radius * radius else None

    def line_at(
        self, x: float, y: float, pixels: tuple[float, float], keys: list[np.ndarray],
        tolerance: float,
    ) -> tuple[int, int, int] | None:
        """The drawn line nearest to the point within ``tolerance`` pixels, as
        ``(layer, i, j)``; ``keys[l] < 0`` marks lines that are not drawn."""
        index = int(np.floor(x))
        if not 0 <= index < len(self.sizes) - 1 or index >= len(keys):
            return None
        seg_x, seg_y = self.segments(index)
        px, py = pixels
        ax, ay = seg_x[:, 0] * px, seg_y[:, 0] * py
        dx, dy = (seg_x[:, 1] - seg_x[:, 0]) * px, (seg_y[:, 1] - seg_y[:, 0]) * py
        t = np.clip(((x * px - ax) * dx + (y * py - ay) * dy) / (dx * dx + dy * dy), 0.0, 1.0)
        distance = np.hypot(ax + t * dx - x * px, ay + t * dy - y * py)
        distance[keys[index] < 0] = np.inf
        k = int(np.argmin(distance))
        if distance[k] > tolerance:
            return None
        return index + 1, *divmod(k, self.sizes[index + 1])
