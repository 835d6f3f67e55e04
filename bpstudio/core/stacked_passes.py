"""Forward pass, losses and backward pass of K networks of one architecture at once.

The parameters of the K networks are the rows of one ``(K, P)`` array laid out as
:class:`~bpstudio.core.network.Network` lays out its flat vector (weights, then biases), so a
layer's weights are a ``(K, n_in, n_out)`` view and ``np.matmul`` multiplies all K networks in
one call (it runs the same BLAS routine on each ``(n_in, n_out)`` slice as the 2-D product of
a lone network). Element-wise work runs once over ``(K, m, n)`` arrays, in reused buffers.

Every operation repeats, value for value, what the core's activations, losses and
``Network._backward`` do for one network, in the same order, so each network's numbers are
bit for bit those it would get alone (``tests/core/test_stacked.py`` checks every pair). A
batch larger than the network's :meth:`~bpstudio.core.network.Network.chunk_rows` is cut
into the same chunks as the Trainer cuts it, and added up in the same order.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .activations import LEAKY_SLOPE
from .losses import LOSSES
from .network import Network, chunks

Array = np.ndarray


# -- activations, in place ----------------------------------------------------------------------
# forward: (Z, out) -> A, the same operations as activations.py, written into ``out``


def _sigmoid(Z: Array, out: Array) -> Array:
    np.negative(Z, out=out)  # 1 / (1 + e^(−z)), step by step as activations._sigmoid
    np.exp(out, out=out)
    out += 1.0
    return np.divide(1.0, out, out=out)


def _leaky_relu(Z: Array, out: Array) -> Array:
    np.multiply(Z, LEAKY_SLOPE, out=out)
    np.copyto(out, Z, where=Z > 0)
    return out


def _softmax(Z: Array, out: Array) -> Array:
    np.subtract(Z, Z.max(axis=-1, keepdims=True), out=out)
    np.exp(out, out=out)
    out /= out.sum(axis=-1, keepdims=True)
    return out


FORWARD: dict[str, Callable[[Array, Array], Array]] = {
    "sigmoid": _sigmoid,
    "tanh": lambda Z, out: np.tanh(Z, out=out),
    "relu": lambda Z, out: np.maximum(Z, 0.0, out=out),
    "leaky_relu": _leaky_relu,
    "identity": lambda Z, out: Z,
    "softmax": _softmax,
}


# backward: (Z, A, G, scratch) -> None, G = ∂L/∂A becomes ∂L/∂Z in place


def _sigmoid_vjp(Z: Array, A: Array, G: Array, S: Array) -> None:
    np.subtract(1.0, A, out=S)  # slope A·(1 − A)
    np.multiply(A, S, out=S)
    G *= S


def _tanh_vjp(Z: Array, A: Array, G: Array, S: Array) -> None:
    np.multiply(A, A, out=S)  # slope 1 − A²
    np.subtract(1.0, S, out=S)
    G *= S


def _relu_vjp(Z: Array, A: Array, G: Array, S: Array) -> None:
    G *= Z > 0


def _leaky_relu_vjp(Z: Array, A: Array, G: Array, S: Array) -> None:
    S.fill(LEAKY_SLOPE)
    np.copyto(S, 1.0, where=Z > 0)
    G *= S


def _softmax_vjp(Z: Array, A: Array, G: Array, S: Array) -> None:
    np.multiply(G, A, out=S)  # A ⊙ (G − Σ_k G_k A_k), row by row
    G -= S.sum(axis=-1, keepdims=True)
    G *= A


VJP: dict[str, Callable[[Array, Array, Array, Array], None]] = {
    "sigmoid": _sigmoid_vjp,
    "tanh": _tanh_vjp,
    "relu": _relu_vjp,
    "leaky_relu": _leaky_relu_vjp,
    "identity": lambda Z, A, G, S: None,
    "softmax": _softmax_vjp,
}


# -- losses: one batch total per network, (Z, D = A − Y, Y, scratch, scratch) -> (K,) ---------


def _rows(a: Array) -> Array:
    """``(K, m, n)`` as ``(K, m·n)``: one row of numbers per network (a view)."""
    return a.reshape(a.shape[0], -1)


def _mse_totals(Z: Array, D: Array, Y: Array, S1: Array, S2: Array) -> Array:
    """½‖ŷ − y‖² per network from ``D = A − Y``: the same BLAS dot as ``np.dot`` of one net."""
    rows = _rows(D)
    dots = np.matmul(rows[:, None, :], rows[:, :, None])[:, 0, 0]
    return 0.5 * dots.astype(np.float64)


def _bce_totals(Z: Array, D: Array, Y: Array, S1: Array, S2: Array) -> Array:
    np.maximum(Z, 0, out=S1)  # max(z, 0) − y·z + log(1 + e^(−|z|)), as losses._bce
    np.multiply(Y, Z, out=S2)
    S1 -= S2
    np.abs(Z, out=S2)
    np.negative(S2, out=S2)
    np.exp(S2, out=S2)
    np.log1p(S2, out=S2)
    S1 += S2
    return _rows(S1).sum(axis=1).astype(np.float64)


def _cross_entropy_totals(Z: Array, D: Array, Y: Array, S1: Array, S2: Array) -> Array:
    top = Z.max(axis=-1, keepdims=True)  # Σ y_k · (logsumexp(z) − z_k), as losses._cross_entropy
    np.subtract(Z, top, out=S1)
    np.exp(S1, out=S1)
    lse = S1.sum(axis=-1, keepdims=True)
    np.log(lse, out=lse)
    lse += top
    np.subtract(lse, Z, out=S1)
    S1 *= Y
    return _rows(S1).sum(axis=1).astype(np.float64)


TOTALS: dict[str, Callable[[Array, Array, Array, Array, Array], Array]] = {
    "mse": _mse_totals,
    "binary_cross_entropy": _bce_totals,
    "cross_entropy": _cross_entropy_totals,
}
"""Batch total of each loss per network, from ``(Z, D = A − Y, Y, scratch, scratch)``."""


def _matmul(a: Array, b: Array, out: Array) -> Array:
    """``np.matmul(a, b, out=out)``, bit for bit, but a product over a length-1 axis in one
    multiply: NumPy computes ``(m, 1) @ (1, p)`` without BLAS, as ``0 + a·b`` element by
    element, and that loop is slow when called once per network."""
    if a.shape[-1] == 1 and not (a.shape[-2] == 1 and b.shape[-1] == 1):
        np.multiply(a, b, out=out)
        out += 0.0  # the loop's sum starts at +0, so a product of −0 ends as +0
        return out
    return np.matmul(a, b, out=out)


def _column_sums(D: Array, out: Array) -> None:
    """Each network's bias gradient, the sum of its delta's rows, as ``np.add.reduce(delta,
    axis=0)`` gives it for one network: for a width of 1 a pairwise sum along the batch,
    otherwise row after row, in order, which ``einsum`` does with longer inner loops."""
    if D.shape[-1] == 1:
        np.add.reduce(D, axis=1, out=out)
    else:
        np.einsum("kmn->kn", D, out=out)


class _Buffers:
    """Every array one step of K networks on batches of ``m`` rows writes."""

    def __init__(self, K: int, m: int, widths: tuple[int, ...], dtype: np.dtype) -> None:
        def new() -> list[Array]:
            return [np.empty((K, m, n), dtype) for n in widths]

        self.Z, self.A, self.G, self.S = new(), new(), new(), new()
        self.S2 = np.empty((K, m, widths[-1]), dtype)
        self.AT: list[Array] = []  # transposed views of the outputs, set by the first pass


class StackedPasses:
    """Forward and backward passes of K networks shaped like ``template``.

    ``parameters`` is the ``(K, P)`` array of their flat parameter vectors; it is used in
    place, never copied. :meth:`step` leaves the gradient of each network's batch loss in
    :attr:`grad` (same layout) and returns each network's batch loss.
    """

    def __init__(self, template: Network, parameters: Array) -> None:
        self.sizes = template.layer_sizes
        self.activations = template.activation_names
        self.loss_name = template.loss_name
        self.mean = template.reduction == "mean"
        self.bias = template.bias
        self.dtype = template.dtype
        # only MSE accepts other outputs than its canonical one, and its ∂L/∂A is A − Y
        self.canonical = LOSSES[self.loss_name].canonical == self.activations[-1]
        self.params = parameters
        self.grad = np.empty_like(parameters)
        self.W, self.b = self._views(self.params)
        self.WT = [np.swapaxes(W, -1, -2) for W in self.W]
        self.dW, self.db = self._views(self.grad)
        self.chunk_rows = template.chunk_rows()  # as the Trainer cuts a batch
        self._scratch: Array | None = None  # a chunk's gradient, after the first chunk's
        self._buffers: dict[int, _Buffers] = {}

    def _views(self, flat: Array) -> tuple[list[Array], list[Array]]:
        K, weights, biases, start = flat.shape[0], [], [], 0
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            weights.append(flat[:, start:start + n_in * n_out].reshape(K, n_in, n_out))
            start += n_in * n_out
        for n_out in self.sizes[1:] if self.bias else ():
            biases.append(flat[:, start:start + n_out])
            start += n_out
        return weights, biases

    def _buffers_for(self, m: int) -> _Buffers:
        buffers = self._buffers.get(m)
        if buffers is None:
            K = self.params.shape[0]
            buffers = self._buffers[m] = _Buffers(K, m, self.sizes[1:], self.dtype)
        return buffers

    def forward(self, X: Array, buffers: _Buffers) -> None:
        """``X`` is ``(m, n_in)`` shared by all networks or ``(K, m, n_in)``."""
        A = X
        for l, name in enumerate(self.activations):
            Z = _matmul(A, self.W[l], buffers.Z[l])
            if self.bias:
                Z += self.b[l][:, None, :]
            A = FORWARD[name](Z, buffers.A[l])
            if not buffers.AT:
                buffers.A[l] = A  # the identity's output is its Z
        if not buffers.AT:
            buffers.AT = [np.swapaxes(A, -1, -2) for A in buffers.A]

    def step(self, X: Array, Y: Array) -> Array:
        """Forward, losses, backward on one batch; returns the K batch losses (float64).

        ``X`` and ``Y`` are shared ``(m, n)`` arrays or ``(K, m, n)`` stacks of batches.
        """
        m = X.shape[-2]
        if m <= self.chunk_rows:
            totals = self._pass(X, Y, m, self.dW, self.db)
        else:  # as Network._gradient_steps: each chunk's total and gradient added in row order
            if self._scratch is None:
                self._scratch = np.empty_like(self.grad)
            scratch_W, scratch_b = self._views(self._scratch)
            totals = np.zeros(self.params.shape[0])
            for k, part in enumerate(chunks(m, self.chunk_rows)):
                dW, db = (scratch_W, scratch_b) if k else (self.dW, self.db)
                totals += self._pass(X[..., part, :], Y[..., part, :], m, dW, db)
                if k:
                    self.grad += self._scratch
        if self.mean:
            totals /= m
        return totals

    def _pass(self, X: Array, Y: Array, batch: int, dW: list[Array], db: list[Array]
              ) -> Array:
        """Forward and backward on rows of a batch of ``batch`` rows; gradients into ``dW``
        and ``db``; returns the K loss totals of these rows."""
        buffers = self._buffers_for(X.shape[-2])
        self.forward(X, buffers)
        last = len(self.activations) - 1
        Z, A, D = buffers.Z[last], buffers.A[last], buffers.G[last]
        S1, S2 = buffers.S[last], buffers.S2
        np.subtract(A, Y, out=D)  # ∂L/∂A of MSE, and ∂L/∂Z of every canonical pair
        totals = TOTALS[self.loss_name](Z, D, Y, S1, S2)
        if not self.canonical:
            VJP[self.activations[last]](Z, A, D, S1)
        if self.mean:
            D /= batch
        self._backward(X, buffers, dW, db)
        return totals

    def _backward(self, X: Array, buffers: _Buffers, dW: list[Array], db: list[Array]
                  ) -> None:
        for l in range(len(self.activations) - 1, -1, -1):
            D = buffers.G[l]
            _matmul(np.swapaxes(X, -1, -2) if l == 0 else buffers.AT[l - 1], D, dW[l])
            if self.bias:
                _column_sums(D, db[l])
            if l:
                G = _matmul(D, self.WT[l], buffers.G[l - 1])
                VJP[self.activations[l - 1]](buffers.Z[l - 1], buffers.A[l - 1], G,
                                             buffers.S[l - 1])
