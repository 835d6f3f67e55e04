"""Extra numbers a snapshot can carry for the explaining views.

Each costs a pass over the training set or a grid, so a run makes only the ones wanted (the
app's worker asks for those whose view is on screen, :meth:`TrainingWorker.set_extras`), and
in chunks of work (:mod:`bpstudio.core.chunked`), between which the worker answers commands.
"""

from __future__ import annotations

from collections.abc import Generator

import numpy as np

from bpstudio.core.chunked import hidden_output_steps, mean_abs_gradient_steps
from bpstudio.core.network import Network
from bpstudio.core.snapshot import EXTRAS as EXTRAS  # the keys, where the views read them
from bpstudio.core.snapshot import HIDDEN_OUTPUTS, JUDGEMENTS, MEAN_ABS_GRAD, PlotGrid
from bpstudio.session import PreparedData

from .judged_parts import JudgedParts


def known_extras(keys: object) -> frozenset[str]:
    """``keys`` as a set of names from :data:`EXTRAS`, or ``ValueError`` naming the others."""
    keys = frozenset(keys)
    if not keys <= EXTRAS:
        raise ValueError(f"keys: unknown extras {sorted(keys - EXTRAS)}")
    return keys

NEURON_GRID_RESOLUTION = 48
"""Coarse on purpose: a 48 × 48 plane of 100 hidden neurons is 230k numbers per snapshot."""


def neuron_grid(data: PreparedData) -> PlotGrid | None:
    """The grid the neuron view draws on; a run evaluates the hidden layers at it."""
    return PlotGrid.around(data.full.X, resolution=NEURON_GRID_RESOLUTION)


class ExtrasMaker:
    """Makes the wanted extras for one run's network, training arrays (as the network sees
    them) and neuron grid."""

    def __init__(self, X: np.ndarray, Y: np.ndarray, data: PreparedData) -> None:
        grid = neuron_grid(data)
        self.wanted: frozenset[str] = frozenset()
        self._X, self._Y = X, Y
        self._grid_inputs = None if grid is None else data.standardizer.transform(grid.inputs)
        self._judged = JudgedParts(X, data)

    def make_steps(self, net: Network) -> Generator[None, None, dict[str, object]]:
        """The wanted extras of ``net`` as it is, yielding between chunks of work."""
        extras: dict[str, object] = {}
        if MEAN_ABS_GRAD in self.wanted:
            extras[MEAN_ABS_GRAD] = yield from mean_abs_gradient_steps(
                net, self._X, self._Y, net.chunk_rows())
        if HIDDEN_OUTPUTS in self.wanted and self._grid_inputs is not None:
            hidden = yield from hidden_output_steps(
                net, self._grid_inputs, net.chunk_rows(backward=False))
            extras[HIDDEN_OUTPUTS] = tuple(hidden)
        if JUDGEMENTS in self.wanted:
            extras[JUDGEMENTS] = yield from self._judged.judge_steps(net)
        return extras
