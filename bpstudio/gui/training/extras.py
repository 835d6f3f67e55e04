"""Extra numbers a snapshot can carry for the explaining views, made in the worker.

Each costs the worker a pass over the training set or a grid, so the worker makes only the
ones the window asks for (:meth:`TrainingWorker.set_extras`): those whose view is on screen.
"""

from __future__ import annotations

import numpy as np

from bpstudio.core.diagnostics import hidden_outputs, mean_abs_gradients
from bpstudio.core.network import Network
from bpstudio.core.snapshot import PlotGrid
from bpstudio.session import PreparedData

MEAN_ABS_GRAD = "mean_abs_grad"
"""Per weight layer, the mean |dW| on the training set (the gradient-flow view)."""
HIDDEN_OUTPUTS = "hidden_outputs"
"""Every hidden layer's outputs on :func:`neuron_grid` (the neuron view)."""
EXTRAS = frozenset({MEAN_ABS_GRAD, HIDDEN_OUTPUTS})

NEURON_GRID_RESOLUTION = 48
"""Coarse on purpose: a 48 × 48 plane of 100 hidden neurons is 230k numbers per snapshot."""


def neuron_grid(data: PreparedData) -> PlotGrid | None:
    """The grid the neuron view draws on; the worker evaluates the hidden layers at it."""
    return PlotGrid.around(data.full.X, resolution=NEURON_GRID_RESOLUTION)


class ExtrasMaker:
    """Makes the wanted extras for one run's network, training arrays and neuron grid."""

    def __init__(self) -> None:
        self.wanted: frozenset[str] = frozenset()
        self._X = self._Y = self._grid_inputs = None

    def use(self, X: np.ndarray, Y: np.ndarray, data: PreparedData) -> None:
        """A new run: its training arrays (as the network sees them) and its data."""
        grid = neuron_grid(data)
        self._X, self._Y = X, Y
        self._grid_inputs = None if grid is None else data.standardizer.transform(grid.inputs)

    def make(self, net: Network) -> dict[str, object]:
        extras: dict[str, object] = {}
        with np.errstate(over="ignore", under="ignore"):
            if MEAN_ABS_GRAD in self.wanted:
                extras[MEAN_ABS_GRAD] = mean_abs_gradients(net, self._X, self._Y)
            if HIDDEN_OUTPUTS in self.wanted and self._grid_inputs is not None:
                extras[HIDDEN_OUTPUTS] = tuple(hidden_outputs(net, self._grid_inputs))
        return extras
