"""Extra numbers a snapshot can carry for the explaining views.

Each costs a pass over the training set or a grid, so a run makes only the ones wanted (the
app's worker asks for those whose view is on screen, :meth:`TrainingWorker.set_extras`), and
in chunks of work (:mod:`bpstudio.core.chunked`), between which the worker answers commands.
"""

from __future__ import annotations

import time
from collections.abc import Generator

import numpy as np

from bpstudio.core.chunked import hidden_output_steps, mean_abs_gradient_steps
from bpstudio.core.doctor import diagnose
from bpstudio.core.network import Network
from bpstudio.core.snapshot import (
    DOCTOR_FINDINGS,
    HIDDEN_OUTPUTS,
    JUDGEMENTS,
    MEAN_ABS_GRAD,
    PlotGrid,
)
from bpstudio.core.snapshot import EXTRAS as EXTRAS  # the keys, where the views read them
from bpstudio.core.trainer import History
from bpstudio.core.unit_readings import READING_ROWS, UnitReadings, read_units
from bpstudio.session import PreparedData

from .judged_parts import JudgedParts

UNIT_READING_SECONDS = 3.0
"""The doctor reads the hidden units (a forward and a backward pass) this often, and sooner
while the epochs double since the last reading (early on a reading from epoch 0 says
little about epoch 500); its curve rules run on every snapshot (they only look at the
history)."""
UNIT_READING_WORK = 20_000_000
"""Rows × parameters a unit reading may cost, so that it stays a few tens of milliseconds
(a worker answers commands within 0.2 s): a network of a million parameters reads 20 rows."""


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
        self._units: UnitReadings | None = None
        self._units_read_at, self._units_epoch = -np.inf, 0
        self._grid_inputs = None if grid is None else data.standardizer.transform(grid.inputs)
        self._judged = JudgedParts(X, data)

    def make_steps(
        self, net: Network, history: History | None = None, learning_rate: float | None = None
    ) -> Generator[None, None, dict[str, object]]:
        """The wanted extras of ``net`` as it is (the doctor's also of the run's ``history``
        and ``learning_rate``), yielding between chunks of work."""
        extras: dict[str, object] = {}
        if DOCTOR_FINDINGS in self.wanted and history is not None:
            epoch = history.epoch[-1] if len(history) else 0
            extras[DOCTOR_FINDINGS] = diagnose(
                history, learning_rate, self._read_units(net, epoch))
            yield
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

    def _read_units(self, net: Network, epoch: int) -> UnitReadings | None:
        """The doctor's latest unit reading of ``net`` at ``epoch``, taken again when it is
        :data:`UNIT_READING_SECONDS` old or the epochs have doubled since (``None`` without
        training rows: nothing to read)."""
        now = time.monotonic()
        stale = (now - self._units_read_at >= UNIT_READING_SECONDS
                 or epoch >= 2 * max(self._units_epoch, 1))
        if stale and len(self._X):
            rows = max(1, min(READING_ROWS, UNIT_READING_WORK // max(net.n_params, 1)))
            self._units = read_units(net, self._X, self._Y, rows)
            self._units_read_at, self._units_epoch = now, epoch
        return self._units
