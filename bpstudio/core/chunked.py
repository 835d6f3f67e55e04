"""Passes over many rows in chunks of about equal work, with a pause between two chunks.

A full batch of 100,000 rows through a large network takes seconds. Cut into chunks of
:meth:`~bpstudio.core.network.Network.chunk_rows` rows, the work can stop between any two:
the trainer keeps a half-done step for its next call, and the GUI's worker answers commands
in between. A pass that fits in one chunk is the unchunked function itself, bit for bit; a
longer one adds its chunks up in row order, so it too gives the same numbers on every run.

The generators here yield once between two chunks (never before the first or after the
last) and return their result, for ``yield from``;
:func:`~bpstudio.core.network.run_steps` drives one to the end.
"""

from __future__ import annotations

from collections.abc import Generator

import numpy as np

from .dataset import Dataset
from .diagnostics import mean_abs_gradients
from .metrics import _class_targets, accuracy, evaluate, r2, score_name
from .network import QUIET, Network, chunks


def output_steps(net: Network, X: np.ndarray, rows: int) -> Generator[None, None, np.ndarray]:
    """The network's outputs at ``X`` (checked, transformed as it takes them)."""
    out = np.empty((len(X), net.layer_sizes[-1]), dtype=net.dtype)
    for k, part in enumerate(chunks(len(X), rows)):
        if k:
            yield
        with np.errstate(**QUIET):
            out[part] = net.forward_unchecked(X[part]).output
    return out


def hidden_output_steps(
    net: Network, X: np.ndarray, rows: int
) -> Generator[None, None, list[np.ndarray]]:
    """Every hidden layer's outputs at ``X``, one read-only ``(N, units)`` array each."""
    hidden = [np.empty((len(X), n), dtype=net.dtype) for n in net.layer_sizes[1:-1]]
    for k, part in enumerate(chunks(len(X), rows)):
        if k:
            yield
        with np.errstate(**QUIET):
            for H, A in zip(hidden, net.forward_unchecked(X[part]).activations[1:-1]):
                H[part] = A
    for H in hidden:
        H.setflags(write=False)
    return hidden


def evaluate_steps(net: Network, data: Dataset, rows: int) -> Generator[None, None, dict]:
    """:func:`~bpstudio.core.metrics.evaluate` in chunks of ``rows``: the same numbers when
    the data fits in one (one forward pass gives both the loss and the outputs)."""
    if data.n_samples == 0:
        return evaluate(net, data)
    X = net.check_inputs(data.X)
    targets = data.y if data.task == "regression" else _class_targets(data.y, net.layer_sizes[-1])
    return (yield from evaluate_checked_steps(net, X, net.check_targets(targets, len(X)), data,
                                              rows))


def evaluate_checked_steps(
    net: Network, X: np.ndarray, Y: np.ndarray, data: Dataset, rows: int
) -> Generator[None, None, dict]:
    """:func:`evaluate_steps` with ``X`` and ``Y`` as ``net.check_inputs`` and
    ``net.check_targets`` give them for ``data`` (not empty), for callers that checked once and
    measure often: nothing is checked here."""
    outputs = np.empty((len(X), net.layer_sizes[-1]), dtype=net.dtype)
    total = 0.0
    for k, part in enumerate(chunks(len(X), rows)):
        if k:
            yield
        with np.errstate(**QUIET):
            trace = net.forward_unchecked(X[part])
            total += net.trace_loss_total(trace, Y[part])
            outputs[part] = trace.output
    loss = total / len(X) if net.reduction == "mean" else total
    score = r2(data.y, outputs) if data.task == "regression" else accuracy(outputs, data.y)
    return {"loss": float(loss), score_name(data.task): score}


def mean_abs_gradient_steps(
    net: Network, X: np.ndarray, Y: np.ndarray, rows: int
) -> Generator[None, None, tuple[float, ...]]:
    """:func:`~bpstudio.core.diagnostics.mean_abs_gradients` on the whole of ``X``, ``Y`` in
    chunks of ``rows``: the same numbers when the data fits in one."""
    if len(X) <= rows:
        return mean_abs_gradients(net, X, Y)
    X = net.check_inputs(X)
    Y = net.check_targets(Y, len(X))
    grad = np.empty_like(net.parameters)
    yield from net.gradient_steps(X, Y, grad, np.empty_like(grad), rows)
    dW, _ = net.gradient_views(grad)
    return tuple(float(np.mean(np.abs(g))) for g in dW)
