"""The batch losses of K networks trained in a stack, taken many batches at a time.

A lone :class:`~bpstudio.core.trainer.Trainer` computes each batch's loss after its forward
pass. Nothing in the training reads it (the gradient starts from ``A − Y``), so a stack has
each batch's pass write its outputs into the rows of a block of the epoch
(:meth:`BlockLosses.store`) and computes the losses of the whole block at once
(:meth:`BlockLosses.of`): the same dozen element-wise operations as for one batch, once over
``(batches·K, m, n)`` arrays rather than once per batch, which on small networks was a tenth
of a step's time. Row by row these are the operations of the core's losses
(:mod:`~bpstudio.core.losses`), so every loss is bit for bit the lone one.
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


class BlockLosses:
    """The batch losses of a block of an epoch's batches, from the outputs kept meanwhile.

    :meth:`store` gives a ``(K, rows, n)`` array for the block; each batch's pass writes what
    the loss reads of the output layer into its rows, and :meth:`of` computes all the
    block's batch losses at once.
    """

    def __init__(self, loss: str, mean: bool, n_out: int, dtype: np.dtype) -> None:
        self.totals = TOTALS[loss]
        self.mean = mean
        self.n_out, self.dtype = n_out, dtype
        self._store = np.empty((0, 0, n_out), dtype)

    def store(self, K: int, rows: int) -> Array:
        """Where the outputs of a block of ``rows`` rows go (reused from block to block)."""
        if self._store.shape[:2] != (K, rows):
            self._store = np.empty((K, rows, self.n_out), self.dtype)
        return self._store

    def of(self, kept: Array, Y: Array, size: int) -> Array:
        """The ``(batches, K)`` losses (float64, each as the Trainer has it: the mean over
        the batch's rows, or their sum) of the block's batches of ``size`` rows (the last
        one may be shorter): ``kept`` from :meth:`store`, ``Y`` the block's targets,
        ``(K, rows, n)`` or shared ``(rows, n)``."""
        full, rest = divmod(kept.shape[1], size)
        parts = []
        if full:
            parts.append(self._losses(kept[:, :full * size], Y[..., :full * size, :], full).T)
        if rest:
            parts.append(self._losses(kept[:, full * size:], Y[..., full * size:, :], 1).T)
        return np.concatenate(parts) if len(parts) > 1 else parts[0]

    def _losses(self, kept: Array, Y: Array, batches: int) -> Array:
        """``(K, batches)`` losses of ``batches`` equal batches in a row."""
        K, rows, n = kept.shape
        m = rows // batches
        shape = (K * batches, m, n)
        out = kept.reshape(shape)
        Y = np.broadcast_to(Y, kept.shape).reshape(shape)
        totals = self.totals(out, Y, np.empty(shape, self.dtype), np.empty(shape, self.dtype))
        totals = totals.reshape(K, batches)
        if self.mean:
            totals /= m
        return totals
