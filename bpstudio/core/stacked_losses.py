"""The batch losses of K networks trained in a stack, taken many batches at a time.

A lone :class:`~bpstudio.core.trainer.Trainer` computes each batch's loss after its forward
pass. Nothing in the training reads it (the gradient starts from ``A − Y``), so a stack keeps
each batch's outputs and targets (:meth:`BatchLosses.keep`) and computes the losses of a whole
block of batches at once (:meth:`BatchLosses.take`): the same dozen element-wise operations
as for one batch, once over ``(batches·K, m, n)`` arrays rather than once per batch, which on
small networks was a tenth of a step's time. Row by row these are the operations of the
core's losses (:mod:`~bpstudio.core.losses`), so every loss is bit for bit the lone one.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Array = np.ndarray


# -- one batch total per row, (out, Y, scratch, scratch) -> (R,) float64 ------------------------
# ``out`` is what the loss reads of the output layer: its activation A for MSE, else its Z


def _rows(a: Array) -> Array:
    """``(R, m, n)`` as ``(R, m·n)``: one row of numbers per batch of a network (a view)."""
    return a.reshape(a.shape[0], -1)


def _mse_totals(A: Array, Y: Array, S1: Array, S2: Array) -> Array:
    """½‖ŷ − y‖² per row: the same BLAS dot as ``np.dot`` of one network."""
    np.subtract(A, Y, out=S1)
    rows = _rows(S1)
    dots = np.matmul(rows[:, None, :], rows[:, :, None])[:, 0, 0]
    return 0.5 * dots.astype(np.float64)


def _bce_totals(Z: Array, Y: Array, S1: Array, S2: Array) -> Array:
    np.maximum(Z, 0, out=S1)  # max(z, 0) − y·z + log(1 + e^(−|z|)), as losses._bce
    np.multiply(Y, Z, out=S2)
    S1 -= S2
    np.abs(Z, out=S2)
    np.negative(S2, out=S2)
    np.exp(S2, out=S2)
    np.log1p(S2, out=S2)
    S1 += S2
    return _rows(S1).sum(axis=1).astype(np.float64)


def _cross_entropy_totals(Z: Array, Y: Array, S1: Array, S2: Array) -> Array:
    top = Z.max(axis=-1, keepdims=True)  # Σ y_k · (logsumexp(z) − z_k), as losses._cross_entropy
    np.subtract(Z, top, out=S1)
    np.exp(S1, out=S1)
    lse = S1.sum(axis=-1, keepdims=True)
    np.log(lse, out=lse)
    lse += top
    np.subtract(lse, Z, out=S1)
    S1 *= Y
    return _rows(S1).sum(axis=1).astype(np.float64)


TOTALS: dict[str, Callable[[Array, Array, Array, Array], Array]] = {
    "mse": _mse_totals,
    "binary_cross_entropy": _bce_totals,
    "cross_entropy": _cross_entropy_totals,
}
"""Batch total of each loss per row of ``(out, Y, scratch, scratch)``."""
READS_ACTIVATION = frozenset({"mse"})
"""The losses whose ``out`` is the output layer's activation rather than its ``Z``."""


class BatchLosses:
    """The losses of the batches K networks trained since the last :meth:`take`, in order.

    A batch is either kept (its outputs and targets, the loss computed at :meth:`take`) or
    added with its losses already computed (a batch cut into chunks computes them chunk by
    chunk, as the Trainer does).
    """

    def __init__(self, loss: str, mean: bool) -> None:
        self.totals = TOTALS[loss]
        self.mean = mean
        self._batches: list[tuple[Array, Array] | Array] = []

    def keep(self, out: Array, Y: Array) -> None:
        """A batch's ``(K, m, n)`` output (copied) and its targets, ``(K, m, n)`` or shared
        ``(m, n)`` (not copied: they must stay as they are until :meth:`take`)."""
        self._batches.append((out.copy(), Y))

    def add(self, losses: Array) -> None:
        """A batch's K losses, computed already."""
        self._batches.append(losses)

    def take(self) -> Array:
        """The ``(batches, K)`` losses (float64, each as the Trainer has it: the mean over the
        batch's rows, or their sum) of the batches since the last call; forgets them."""
        batches, self._batches = self._batches, []
        if not batches:
            return np.empty((0, 0))
        first = batches[0]
        K = (first[0] if isinstance(first, tuple) else first).shape[0]
        losses = np.empty((len(batches), K))
        kept: dict[int, list[int]] = {}  # rows of a batch: where its batches are
        for i, batch in enumerate(batches):
            if isinstance(batch, tuple):
                kept.setdefault(batch[0].shape[-2], []).append(i)
            else:
                losses[i] = batch
        for where in kept.values():
            losses[where] = self._losses([batches[i] for i in where])  # type: ignore[misc]
        return losses

    def _losses(self, batches: list[tuple[Array, Array]]) -> Array:
        """The losses of batches of one size, all in one go: ``(batches, K)``."""
        out = np.stack([o for o, _ in batches])
        c, K, m, n = out.shape
        Y = np.stack([y for _, y in batches])
        if Y.ndim == 3:  # shared by all networks
            Y = Y[:, None]
        Y = np.broadcast_to(Y, out.shape).reshape(c * K, m, n)
        out = out.reshape(c * K, m, n)
        totals = self.totals(out, Y, np.empty_like(out), np.empty_like(out)).reshape(c, K)
        if self.mean:
            totals /= m
        return totals
