"""Immutable pictures of training in progress, made by the worker and drawn by the views.

A queued Qt signal hands the *same* Python object to the other thread, so a snapshot holds
read-only copies only: the views can keep it, the worker can go on training.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from .network import QUIET, Network
from .read_only import frozen_copy
from .stopping import Stopped
from .trainer import History

FLOAT_MAX = float(np.finfo(np.float64).max)


def _evenly(lo: float, hi: float, n: int) -> np.ndarray:
    """``n`` evenly spaced values from ``lo`` to ``hi``, also when ``hi - lo`` overflows."""
    with np.errstate(over="ignore"):
        if np.isfinite(hi - lo):
            return np.linspace(lo, hi, n)
    t = np.linspace(0.0, 1.0, n)
    return np.clip(lo * (1.0 - t) + hi * t, lo, hi)


@dataclass(frozen=True)
class PlotGrid:
    """Fixed raw inputs at which the network is evaluated for the fit or decision plot.

    ``kind`` is ``"curve"`` (1-D input: ``xs`` only) or ``"plane"`` (2-D input: ``xs`` by
    ``ys``; ``inputs`` rows run over ``xs`` fastest, so outputs reshape to ``(ny, nx)``).
    """

    kind: str
    xs: np.ndarray
    ys: np.ndarray | None
    inputs: np.ndarray

    @classmethod
    def around(cls, X: np.ndarray, resolution: int = 150, margin: float = 0.1) -> PlotGrid | None:
        """A grid covering the data ``X`` with a margin; ``None`` beyond two inputs.

        Where all points share one value (a single worked-example sample, say) the grid spans
        half a unit, or half the value, on either side, so there is a neighbourhood to see.
        Any finite data gives a finite grid: a span too wide for a float (inputs of ±1.8e308)
        is computed in halves, and the margin stops at the ends of the float range.
        """
        lo, hi = X.min(axis=0), X.max(axis=0)
        with np.errstate(over="ignore"):
            span = hi - lo
            wide = ~np.isfinite(span)
            pad = np.where(wide, (hi / 2 - lo / 2) * (2 * margin), span * margin)
            flat = ~wide & (span <= 1e-9 * np.maximum(np.abs(lo), 1.0))
            pad = np.where(flat, 0.5 * np.maximum(np.abs(lo), 1.0), pad)
            lo, hi = np.maximum(lo - pad, -FLOAT_MAX), np.minimum(hi + pad, FLOAT_MAX)
        if X.shape[1] == 1:
            xs = _evenly(lo[0], hi[0], max(resolution * 2, 2))
            return cls("curve", frozen_copy(xs), None, frozen_copy(xs.reshape(-1, 1)))
        if X.shape[1] == 2:
            xs = _evenly(lo[0], hi[0], resolution)
            ys = _evenly(lo[1], hi[1], resolution)
            gx, gy = np.meshgrid(xs, ys)
            inputs = np.column_stack([gx.ravel(), gy.ravel()])
            return cls("plane", frozen_copy(xs), frozen_copy(ys), frozen_copy(inputs))
        return None

    def shape_outputs(self, outputs: np.ndarray) -> np.ndarray:
        """Network outputs at :attr:`inputs` in plot layout: ``(nx, k)`` or ``(ny, nx, k)``."""
        if self.kind == "curve":
            return outputs
        return outputs.reshape(len(self.ys), len(self.xs), outputs.shape[1])


MEAN_ABS_GRAD = "mean_abs_grad"
"""Extra: per weight layer, the mean |dW| on the training set (the gradient-flow view)."""
HIDDEN_OUTPUTS = "hidden_outputs"
"""Extra: every hidden layer's outputs on the neuron view's grid (the neuron view)."""
DOCTOR_FINDINGS = "doctor_findings"
"""Extra: the training doctor's findings (:func:`bpstudio.core.doctor.diagnose`) on the run so
far (the note under the app's loss plot)."""
JUDGEMENTS = "judgements"
"""Extra: ``{"train": …, "test": …}``, a :mod:`bpstudio.core.judging` judgement of each part
that has samples (the judging view)."""
EXTRAS = frozenset({MEAN_ABS_GRAD, HIDDEN_OUTPUTS, JUDGEMENTS, DOCTOR_FINDINGS})
"""The keys a snapshot's ``extras`` may have: made only for the views that ask for them."""


@dataclass(frozen=True)
class TrainingSnapshot:
    """Training as it stands after ``epoch`` epochs of run ``run_id``.

    ``new_epochs``/``new_train_losses``/``new_test_losses`` are the history rows that changed
    since the previous snapshot: a view keeps the rows it holds up to epoch ``kept_through``
    (``None``: none of them, the history was replaced) and appends these, instead of redrawing
    everything. A test loss is NaN where it was not measured. ``metrics`` holds the latest
    measurements (``train_loss``, ``test_loss`` and ``train_accuracy``/``test_accuracy`` or
    ``train_r2``/``test_r2``), and ``score`` says which (``accuracy`` or ``r2``; ``None``
    when nothing was measured). ``grid_outputs`` is the network evaluated on the plot grid.
    ``new_learning_rates`` is the η each new row trained with (NaN: not recorded), for a
    second axis; ``stopped`` says why training stopped by itself (the status bar) and the
    best test epoch (a marker), ``None`` while no stopping rule holds.
    """

    run_id: int
    epoch: int
    new_epochs: np.ndarray
    new_train_losses: np.ndarray
    new_test_losses: np.ndarray
    metrics: Mapping[str, float]
    epochs_per_second: float
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    grid_outputs: np.ndarray | None = None
    extras: Mapping[str, object] = field(default_factory=dict)
    kept_through: int | None = None
    score: str | None = None
    new_learning_rates: np.ndarray | None = None
    stopped: Stopped | None = None

    def __post_init__(self) -> None:
        rows = {len(self.new_epochs), len(self.new_train_losses), len(self.new_test_losses)}
        if len(rows) != 1:
            raise ValueError(f"snapshot rows: epochs and losses differ in length ({rows})")

    @property
    def train_loss(self) -> float:
        return self.metrics.get("train_loss", math.nan)


def make_snapshot(
    net: Network,
    history: History,
    since: int,
    *,
    run_id: int,
    epochs_per_second: float,
    metrics: Mapping[str, float],
    grid_inputs: np.ndarray | None = None,
    extras: Mapping[str, object] | None = None,
    score: str | None = None,
    stopped: Stopped | None = None,
) -> TrainingSnapshot:
    """Freeze what the views need; the rows before ``since`` are those the receiver holds.

    ``grid_inputs`` are plot-grid inputs already transformed as the network's inputs are.
    """
    grid_outputs = None
    if grid_inputs is not None:
        with np.errstate(**QUIET):
            grid_outputs = frozen_copy(net.forward_unchecked(grid_inputs).output)
    epoch = history.epoch[-1] if history.epoch else 0
    since = min(since, len(history))
    return TrainingSnapshot(
        run_id=run_id,
        epoch=epoch,
        new_epochs=frozen_copy(np.asarray(history.epoch[since:], dtype=np.int64)),
        new_train_losses=frozen_copy(np.asarray(history.train_loss[since:], dtype=float)),
        new_test_losses=frozen_copy(np.asarray(history.test_loss[since:], dtype=float)),
        new_learning_rates=frozen_copy(np.asarray(history.learning_rate[since:], dtype=float)),
        metrics=dict(metrics),
        epochs_per_second=float(epochs_per_second),
        weights=tuple(frozen_copy(w) for w in net.weights),
        biases=tuple(frozen_copy(b) for b in net.biases),
        grid_outputs=grid_outputs,
        extras=dict(extras or {}),
        kept_through=history.epoch[since - 1] if since else None,
        score=score,
        stopped=stopped,
    )


class HistoryFeed:
    """Which history rows the receiver of snapshots holds, so that each snapshot carries only
    the rows that changed: new epochs, the newest row a later epoch replaced (a stride above
    1), the rows a divergence undid, or all of them after a thinning (a new stride)."""

    def __init__(self) -> None:
        self._epochs: list[int] = []
        self._stride = 0

    def unchanged_rows(self, history: History) -> int:
        """How many leading rows of ``history`` the receiver holds as they are."""
        if history.stride != self._stride:
            return 0
        held = self._epochs
        n = min(len(held), len(history))
        while n and held[n - 1] != history.epoch[n - 1]:
            n -= 1
        return n

    def sent(self, history: History) -> None:
        """The receiver now holds all of ``history``."""
        self._epochs = list(history.epoch)
        self._stride = history.stride
