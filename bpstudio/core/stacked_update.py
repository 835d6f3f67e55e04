"""The optimizer step of K networks at once, each with its own learning rate, momentum and L2.

Repeats :class:`~bpstudio.core.optimizers.SGD` and :class:`~bpstudio.core.optimizers.Adam`
operation for operation on ``(K, P)`` arrays; the per-network settings are ``(K, 1)`` columns
in the parameters' dtype, which is what a Python float becomes when NumPy multiplies it with
an array of that dtype, so every network's numbers are those it would get alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .optimizers import SGD, Adam, Optimizer

Array = np.ndarray


def _usable(array: Array | None, size: int, dtype: np.dtype) -> Array:
    """A saved state array, or zeros where the optimizer would start afresh."""
    if array is None or array.shape != (size,) or array.dtype != dtype:
        return np.zeros(size, dtype)
    return array


def _column(values: Sequence[float], dtype: np.dtype) -> Array:
    return np.array(values, dtype=np.float64).astype(dtype).reshape(-1, 1)


class StackedUpdate:
    """Optimizer state and settings of K networks; :meth:`apply` takes one step for all.

    ``optimizers`` are the networks' own optimizers (all of one kind, their shared settings
    equal: see :func:`bpstudio.core.stacked.stack_key`); their state is read here and
    handed back by :meth:`state_of`, never changed.
    """

    def __init__(self, optimizers: Sequence[Optimizer], shape: tuple[int, int],
                 dtype: np.dtype, n_decayed: int) -> None:
        first = optimizers[0]
        self.kind = first.name
        self.dtype = dtype
        self.n_decayed = n_decayed
        self.lr = np.array([o.lr for o in optimizers], dtype=np.float64)
        self.decay = (
            _column([o.weight_decay for o in optimizers], dtype) if first.weight_decay else None
        )
        states = [o.state() for o in optimizers]
        self.names = tuple(name for name in states[0] if name != "t")
        self.t0 = np.array([s["t"] for s in states], dtype=np.int64)
        self.initial = states  # handed back while no step was taken
        self.steps = 0  # since t0, the same for every network
        self.arrays = {
            name: np.stack([_usable(s.get(name), shape[1], dtype) for s in states])
            for name in self.names
        }
        if isinstance(first, SGD):
            self.momentum = _column([o.momentum for o in optimizers], dtype)
            self.nesterov = first.nesterov
        else:
            assert isinstance(first, Adam)
            self.beta1, self.beta2, self.eps = first.beta1, first.beta2, first.eps
        self.scratch = np.empty(shape, dtype)
        self._settle()

    @property
    def t(self) -> Array:
        """Each network's step count, as its own optimizer counts them."""
        return self.t0 + self.steps

    def keep(self, rows: Array) -> None:
        """Drop every network but ``rows`` (indices into the current stack)."""
        self.lr, self.t0 = self.lr[rows], self.t0[rows]
        self.initial = [self.initial[r] for r in rows]
        self.arrays = {name: a[rows] for name, a in self.arrays.items()}
        if self.decay is not None:
            self.decay = self.decay[rows]
        if self.kind == "sgd":
            self.momentum = self.momentum[rows]
        self.scratch = np.empty((len(rows), self.scratch.shape[1]), self.dtype)
        self._settle()

    def _settle(self) -> None:
        self.lr_column = _column(self.lr, self.dtype)
        self.same_t = bool(np.all(self.t0 == self.t0[0])) if self.t0.size else True
        # Adam's rate η / (1 − β₁ᵗ) per network: in float64, as Python computes it, then
        # in the parameters' dtype, as NumPy takes a Python float
        self.lr64 = self.lr.reshape(-1, 1)
        self.rate64 = np.empty_like(self.lr64)
        self.rate = self.rate64 if self.dtype == np.float64 else self.lr_column.copy()

    def snapshot(self) -> dict[str, Array]:
        """A copy of the state of all K networks (step counts and arrays)."""
        return {"t": self.t.copy(), **{n: a.copy() for n, a in self.arrays.items()}}

    def state_of(self, row: int, snapshot: dict[str, Array] | None = None) -> dict[str, Any]:
        """Network ``row``'s optimizer state (now, or in a :meth:`snapshot`), as its own
        ``Optimizer.state()`` would give it."""
        source = snapshot if snapshot is not None else {"t": self.t, **self.arrays}
        if source["t"][row] == self.t0[row]:
            return self.initial[row]  # untouched: the state exactly as it was given
        return {"t": int(source["t"][row]), **{n: source[n][row].copy() for n in self.names}}

    def apply(self, params: Array, grads: Array) -> None:
        """One step on ``params`` from ``grads`` (overwritten, as a trainer lets its own be)."""
        if self.decay is not None:
            decayed = slice(0, self.n_decayed)
            np.multiply(params[:, decayed], self.decay, out=self.scratch[:, decayed])
            grads[:, decayed] += self.scratch[:, decayed]
        self.steps += 1
        if self.kind == "sgd":
            self._sgd(params, grads)
        else:
            self._adam(params, grads)

    def _sgd(self, params: Array, step: Array) -> None:
        step *= self.lr_column
        if not self.arrays:
            params -= step
            return
        v = self.arrays["velocity"]
        v *= self.momentum
        v -= step
        if self.nesterov:
            np.multiply(self.momentum, v, out=self.scratch)
            self.scratch -= step
            params += self.scratch
        else:
            params += v

    def _adam(self, params: Array, g: Array) -> None:
        m, v, S = self.arrays["m"], self.arrays["v"], self.scratch
        m *= self.beta1
        np.multiply(g, 1.0 - self.beta1, out=S)
        m += S
        np.multiply(g, g, out=g)
        g *= 1.0 - self.beta2
        v *= self.beta2
        v += g
        if self.same_t:  # the usual case: one Python number for all networks
            t = int(self.t0[0]) + self.steps
            np.divide(v, 1.0 - self.beta2**t, out=S)
            np.divide(self.lr64, 1.0 - self.beta1**t, out=self.rate64)
            rate = self.rate
            if rate is not self.rate64:
                rate[...] = self.rate64
        else:
            np.divide(v, _column([1.0 - self.beta2**int(t) for t in self.t], self.dtype), out=S)
            rate = _column(
                [lr / (1.0 - self.beta1**int(t)) for lr, t in zip(self.lr, self.t)], self.dtype
            )
        np.sqrt(S, out=S)
        S += self.eps
        np.multiply(m, rate, out=g)
        g /= S
        params -= g
