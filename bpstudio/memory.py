"""How much memory training needs, and how much of it the machine can give.

Checked before training starts (:meth:`bpstudio.session.Session.build`, so the app, the
command line and the tests all refuse the same sessions): a session that fits every limit
may still need more than a small machine has, and running out of memory halfway helps no
one. The estimate is deliberately generous (a few copies of everything); the refusal names
the numbers.
"""

from __future__ import annotations

import math
import os
from typing import Protocol

import numpy as np

from .core import Network
from .core.dataset import Dataset
from .core.optimizers import OPTIMIZER_KINDS
from .core.stopping import StopRules
from .core.translatable import QT_TRANSLATE_NOOP, Refusal

MEMORY_SHARE = 0.5
"""Training may take at most this share of the memory the machine has available."""


class PreparedData(Protocol):
    """What the estimate reads of the session's prepared data (``session.PreparedData``;
    named by its shape, as the session imports this module)."""

    @property
    def full(self) -> Dataset: ...

    @property
    def train(self) -> Dataset: ...


class TrainingConfig(Protocol):
    """What the estimate reads of the session's ``TrainingConfig``."""

    @property
    def batch_size(self) -> int | None: ...

    @property
    def optimizer(self) -> str: ...

    @property
    def stopping(self) -> StopRules: ...


def check_training_memory(
    net: Network, data: PreparedData, training: TrainingConfig, available: int | None = None
) -> None:
    """``ValueError`` naming the numbers if training ``net`` on ``data`` would need more than
    :data:`MEMORY_SHARE` of the ``available`` bytes (by default what the machine has now;
    nothing is refused when that cannot be found out)."""
    available = available_memory() if available is None else available
    parts = training_memory(net, data, training)
    needed = sum(parts.values())
    if available is None or needed <= MEMORY_SHARE * available:
        return
    raise Refusal(QT_TRANSLATE_NOOP(
        "Limits", "training: needs about {needed} of memory (data {data}, activations "
        "{activations}, weights {weights}, plots {plots}) but this machine has {available} "
        "available, of which BP Studio takes at most {share}; use fewer samples, a smaller "
        "batch size or a smaller network"),
        needed=_bytes(needed), available=_bytes(available), share=f"{MEMORY_SHARE:.0%}",
        **{name: _bytes(size) for name, size in parts.items()})


def training_memory(net: Network, data: PreparedData, training: TrainingConfig) -> dict[str, int]:
    """Bytes training takes, by part: the data (raw, split, as the network takes it, and its
    outputs when measured), the activations of the rows one pass holds at once (a mini-batch
    or a chunk of a large one, see :meth:`Network.chunk_rows`), the weights with the copies
    the trainer, the optimizer and early stopping (the best weights) keep, and the plots'
    grids (decision regions, neuron view)."""
    f = np.dtype(np.float64).itemsize
    sizes = net.layer_sizes
    n_train, columns, width = data.train.n_samples, sizes[0] + sizes[-1], sum(sizes)
    batch = min(training.batch_size or n_train, n_train)
    rows = max(min(batch, net.chunk_rows()), min(n_train, net.chunk_rows(backward=False)))
    moments = OPTIMIZER_KINDS[training.optimizer].moments
    best = 3 if training.stopping.restore_best else 0  # early stopping's, its checkpoints'
    grid = 0 if sizes[0] > 2 else 300 if sizes[0] == 1 else 150 * 150
    return {
        "data": 4 * f * data.full.n_samples * columns,
        "activations": 4 * f * rows * width,
        "weights": (7 + 3 * moments + best) * f * net.n_params,
        "plots": f * (grid * (columns + 4 * width) + 48 * 48 * (width - columns)),
    }


def available_memory() -> int | None:
    """Bytes the machine can give without swapping (``MemAvailable``), else its free
    physical memory, else ``None`` (unknown)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None


def _bytes(n: float) -> str:
    """``1.5 GB``: decimal units, as system monitors show memory."""
    k = 0 if n < 1000 else min(int(math.log10(n) // 3), 3)
    return f"{n / 1000**k:,.{min(k, 1)}f} {('bytes', 'KB', 'MB', 'GB')[k]}"
