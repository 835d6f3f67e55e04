"""Many training runs from their settings at once: where a sweep hands its runs to the core.

A sweep point trains runs that share one recipe (architecture, loss, optimizer kind,
batching) and differ in seeds, learning rate, momentum or L2. :func:`train_runs` builds each
run's network and trainer as a lone run would be built, trains those that can share a stack
together (:func:`~bpstudio.core.stacked.stack_groups`) and returns, per run, the state its
own trainer would have reached and the divergence that stopped it, if any.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .network import Network
from .optimizers import OPTIMIZERS, SGD, Adam, Optimizer
from .stacked import Callback, EpochReport, StackedTrainer, stack_groups
from .trainer import DivergenceError, History, Trainer, TrainerState
from .validation import check_name


@dataclass(frozen=True)
class RunRecipe:
    """What every run of a stack shares. ``optimizer`` is ``"sgd"`` (with each run's
    momentum, 0 for plain SGD) or ``"adam"``; ``batch_size=None`` means full batch."""

    layer_sizes: tuple[int, ...]
    activations: tuple[str, ...]
    loss: str = "mse"
    reduction: str = "mean"
    init: str = "xavier_uniform"
    bias: bool = True
    optimizer: str = "sgd"
    batch_size: int | None = None
    shuffle: bool = True
    dtype: type = np.float64

    def __post_init__(self) -> None:
        check_name("optimizer", self.optimizer, OPTIMIZERS)


@dataclass(frozen=True)
class RunSettings:
    """What one run has of its own: the seed of its starting weights, the seed of its batch
    order, its learning rate, momentum (SGD only) and L2; ``start`` gives the starting
    weights (a flat parameter vector) instead of drawing them from ``seed``."""

    seed: int = 0
    shuffle_seed: int = 0
    learning_rate: float = 0.05
    momentum: float = 0.0
    l2: float = 0.0
    start: np.ndarray | None = None


@dataclass(frozen=True)
class RunResult:
    """Where one run ended: its trainer's full state, and the error that stopped it early."""

    state: TrainerState
    error: DivergenceError | None

    @property
    def parameters(self) -> np.ndarray:
        return self.state.parameters

    @property
    def history(self) -> History:
        return self.state.history


def build_trainer(recipe: RunRecipe, run: RunSettings) -> Trainer:
    """The network and trainer of one run, as training it alone would start."""
    net = Network(
        recipe.layer_sizes, recipe.activations, loss=recipe.loss, reduction=recipe.reduction,
        init=recipe.init, bias=recipe.bias, seed=run.seed, dtype=recipe.dtype,
    )
    if run.start is not None:
        net.set_parameters(run.start)
    optimizer: Optimizer
    if recipe.optimizer == "adam":
        if run.momentum:
            raise ValueError("momentum: Adam keeps its own moments; give 0 for an Adam run")
        optimizer = Adam(run.learning_rate, weight_decay=run.l2)
    else:
        optimizer = SGD(run.learning_rate, momentum=run.momentum, weight_decay=run.l2)
    return Trainer(net, optimizer, batch_size=recipe.batch_size, shuffle=recipe.shuffle,
                   seed=run.shuffle_seed)


def train_runs(
    recipe: RunRecipe,
    runs: Sequence[RunSettings],
    X: object,
    Y: object,
    epochs: int,
    *,
    per_network: bool = False,
    callback: Callback | None = None,
) -> list[RunResult]:
    """Train every run ``epochs`` epochs, stacked where they may be; one result per run.

    ``X``, ``Y`` are shared by all runs, or with ``per_network`` one set per run. The
    ``callback`` sees :class:`~bpstudio.core.stacked.EpochReport` objects whose positions
    index ``runs``; one stack at a time reports, so runs of different stacks (some with
    momentum or L2, some without) report in turn.
    """
    trainers = [build_trainer(recipe, run) for run in runs]
    errors: list[DivergenceError | None] = [None] * len(trainers)
    for group in stack_groups(trainers):
        positions = np.array(group)
        group_callback = None if callback is None else _renumbered(callback, positions)
        outcomes = StackedTrainer([trainers[i] for i in group]).fit(
            [X[i] for i in group] if per_network else X,
            [Y[i] for i in group] if per_network else Y,
            epochs, per_network=per_network, callback=group_callback,
        )
        for i, outcome in zip(group, outcomes):
            errors[i] = outcome
    return [RunResult(t.state(), e) for t, e in zip(trainers, errors)]


def _renumbered(callback: Callback, positions: np.ndarray) -> Callback:
    """``callback`` as it sees a group's reports: with positions among all runs."""

    def report(r: EpochReport) -> object:
        return callback(EpochReport(positions[r.positions], r.epochs, r.losses, r.parameters))

    return report
