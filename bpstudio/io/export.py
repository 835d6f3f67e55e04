"""Exports for other tools: every array of a session as ``.npz``, the history as CSV.

Both are written atomically, like ``.bpnet`` files. The ``.npz`` holds plain numeric arrays
only, so ``numpy.load(path, allow_pickle=False)`` reads it.
"""

from __future__ import annotations

import io
import math
import os

import numpy as np

from ..core import History
from ..core.loss_words import CSV_TRAIN_LOSS
from ..session import Session
from .atomic import write_atomic
from .errors import BPFileError


def session_arrays(session: Session) -> dict[str, np.ndarray]:
    """Named arrays: ``layer_sizes``, ``weights_0``, ``biases_0``, …, the standardizer,
    the optimizer's ``t`` and state arrays split per layer (``adam_m_weights_0``), and each
    history column (``history_train_loss``)."""
    try:
        bench = session.build()
    except ValueError as exc:
        raise BPFileError(f"the session cannot be built: {exc}") from None
    net = bench.net
    arrays: dict[str, np.ndarray] = {"layer_sizes": np.array(net.layer_sizes, dtype=np.int64)}
    arrays |= _per_layer("", net.weights, net.biases)
    scaler = bench.data.standardizer
    arrays |= {"standardizer_mean": scaler.mean, "standardizer_scale": scaler.scale}
    optimizer = bench.trainer.optimizer
    arrays[f"{optimizer.name}_t"] = np.array(optimizer.t, dtype=np.int64)
    for name, flat in optimizer.state().items():
        if isinstance(flat, np.ndarray):
            weights, biases = _views_like(net.weights, net.biases, flat)
            arrays |= _per_layer(f"{optimizer.name}_{name}_", weights, biases)
    history = bench.trainer.history
    for column in History.COLUMNS:
        dtype = np.int64 if column == "epoch" else np.float64
        arrays[f"history_{column}"] = np.array(getattr(history, column), dtype=dtype)
    return {name: np.array(a) for name, a in arrays.items()}


def export_npz(session: Session, path: str | os.PathLike[str]) -> list[str]:
    """Write :func:`session_arrays` to ``path``; returns the array names."""
    arrays = session_arrays(session)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    write_atomic(path, buffer.getvalue())
    return list(arrays)


def history_csv(session: Session, metric: str) -> str:
    """The history as CSV text; an empty cell means "not measured". The train loss is the
    epoch's mean over its mini-batches (:mod:`bpstudio.core.loss_words`), and says so."""
    history = session.history
    header = ["epoch", CSV_TRAIN_LOSS, "test_loss", f"train_{metric}", f"test_{metric}",
              "learning_rate"]
    lines = [",".join(header)]
    for row in zip(*(getattr(history, c) for c in History.COLUMNS)):
        lines.append(",".join([str(row[0]), *(_cell(v) for v in row[1:])]))
    return "\n".join(lines) + "\n"


def export_csv(session: Session, path: str | os.PathLike[str], metric: str) -> int:
    """Write the history to ``path`` as CSV; returns the number of rows."""
    write_atomic(path, history_csv(session, metric).encode("utf-8"))
    return len(session.history)


def _cell(value: float) -> str:
    return "" if math.isnan(value) else repr(float(value))


def _per_layer(prefix: str, weights, biases) -> dict[str, np.ndarray]:
    named = {f"{prefix}weights_{l}": W for l, W in enumerate(weights)}
    return named | {f"{prefix}biases_{l}": b for l, b in enumerate(biases)}


def _views_like(weights, biases, flat: np.ndarray):
    """Split a flat vector in parameter order into arrays shaped like the weights and biases."""
    parts, start = [], 0
    for a in [*weights, *biases]:
        parts.append(flat[start:start + a.size].reshape(a.shape))
        start += a.size
    return parts[:len(weights)], parts[len(weights):]
