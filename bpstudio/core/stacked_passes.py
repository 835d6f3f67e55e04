"""Forward and backward passes of K networks of one architecture at once.

The parameters of the K networks are the rows of one ``(K, P)`` array laid out as
:class:`~bpstudio.core.network.Network` lays out its flat vector (weights, then biases), so a
layer's weights are a ``(K, n_in, n_out)`` view and ``np.matmul`` multiplies all K networks in
one call (it runs the same BLAS routine on each ``(n_in, n_out)`` slice as the 2-D product of
a lone network). Element-wise work runs once over ``(K, m, n)`` arrays, in reused buffers;
which product each matrix product takes at a batch's shapes is chosen once per batch size.
The batch losses are left to :mod:`~bpstudio.core.stacked_losses`, many batches at a time.

Every operation repeats, value for value, what the core's activations, losses and
``Network._backward`` do for one network, in the same order, so each network's numbers are
bit for bit those it would get alone (``tests/core/test_stacked.py`` checks every pair). A
batch larger than the network's :meth:`~bpstudio.core.network.Network.chunk_rows` is cut
into the same chunks as the Trainer cuts it, and added up in the same order.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import numpy as np

from .activations import LEAKY_SLOPE
from .losses import LOSSES
from .network import Network, chunks
from .stacked_losses import READS_ACTIVATION, TOTALS

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


def _outer(a: Array, b: Array, out: Array) -> Array:
    """``np.matmul(a, b, out=out)`` over a length-1 axis, bit for bit, in one multiply: NumPy
    computes ``(m, 1) @ (1, p)`` without BLAS, as ``0 + a·b`` element by element, and that
    loop is slow when called once per network."""
    np.multiply(a, b, out=out)
    out += 0.0  # the loop's sum starts at +0, so a product of −0 ends as +0
    return out


Product = Callable[[Array, Array, Array], Array]


def _product(a: tuple[int, ...], b: tuple[int, ...]) -> Product:
    """How :func:`_matmul` multiplies arrays of shapes ``a`` and ``b``."""
    return _outer if a[-1] == 1 and not (a[-2] == 1 and b[-1] == 1) else np.matmul


def _matmul(a: Array, b: Array, out: Array) -> Array:
    """``np.matmul(a, b, out=out)``, bit for bit (:func:`_outer` where that is faster)."""
    return _product(a.shape, b.shape)(a, b, out)


def _column_sums(D: Array, out: Array) -> None:
    """Each network's bias gradient, the sum of its delta's rows, as ``np.add.reduce(delta,
    axis=0)`` gives it for one network: for a width of 1 a pairwise sum along the batch,
    otherwise row after row, in order, which ``einsum`` does with longer inner loops."""
    if D.shape[-1] == 1:
        np.add.reduce(D, axis=1, out=out)
    else:
        np.einsum("kmn->kn", D, out=out)


class _Buffers:
    """Every array one step of K networks on batches of ``m`` rows writes, and which product
    (:func:`_product`) each of the step's matrix products takes at these shapes."""

    def __init__(self, K: int, m: int, sizes: tuple[int, ...], identity: list[bool],
                 dtype: np.dtype) -> None:
        def new() -> list[Array]:
            return [np.empty((K, m, n), dtype) for n in sizes[1:]]

        self.Z, self.A, self.G, self.S = new(), new(), new(), new()
        self.S2 = np.empty((K, m, sizes[-1]), dtype)
        self.A = [Z if same else A for Z, A, same in zip(self.Z, self.A, identity)]
        self.AT = [np.swapaxes(A, -1, -2) for A in self.A]
        pairs = list(pairwise(sizes))
        self.forward = [_product((m, n_in), (n_in, n_out)) for n_in, n_out in pairs]
        self.weights = [_product((n_in, m), (m, n_out)) for n_in, n_out in pairs]
        self.back = [_product((m, n_out), (n_out, n_in)) for n_in, n_out in pairs]


class StackedPasses:
    """Forward and backward passes of K networks shaped like ``template``.

    ``parameters`` is the ``(K, P)`` array of their flat parameter vectors; it is used in
    place, never copied. :meth:`step` leaves the gradient of each network's batch loss in
    :attr:`grad` (same layout) and gives the batch's losses, or the outputs they come from.
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
        self.reads_activation = self.loss_name in READS_ACTIVATION
        # the identity's activation is its Z (the forward function writes nothing)
        self.keeps_z = not self.reads_activation or self.activations[-1] == "identity"
        self.forward_fns = [FORWARD[name] for name in self.activations]
        self.slopes = [VJP[name] for name in self.activations]
        self.params = parameters
        self.grad = np.empty_like(parameters)
        self.W, self.b = self._views(self.params)
        self.WT = [np.swapaxes(W, -1, -2) for W in self.W]
        self.B = [b[:, None, :] for b in self.b]  # each bias row, for every row of a batch
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
            identity = [name == "identity" for name in self.activations]
            buffers = self._buffers[m] = _Buffers(K, m, self.sizes, identity, self.dtype)
        return buffers

    def step(self, X: Array, Y: Array, keep: Array | None) -> Array | None:
        """Forward and backward on one batch; the gradient goes to :attr:`grad`.

        ``X`` and ``Y`` are shared ``(m, n)`` arrays or ``(K, m, n)`` stacks of batches. With
        ``keep`` (a ``(K, m, n_out)`` array), what the loss reads of the output layer is
        written into it, for :class:`~bpstudio.core.stacked_losses.BlockLosses`, and the
        result is ``None``; without, the K batch losses (float64) are returned. A batch
        cut into chunks always returns them (its chunks' losses are added as it goes, as
        the Trainer adds them).
        """
        m = X.shape[-2]
        if m <= self.chunk_rows:
            out = self._pass(X, Y, m, self.dW, self.db, keep)
            if keep is not None:
                return None
            totals = self._totals(out, Y, m)
            return totals / m if self.mean else totals
        # as Network._gradient_steps: each chunk's total and gradient added in row order
        if self._scratch is None:
            self._scratch = np.empty_like(self.grad)
        scratch_W, scratch_b = self._views(self._scratch)
        totals = np.zeros(self.params.shape[0])
        for k, part in enumerate(chunks(m, self.chunk_rows)):
            dW, db = (scratch_W, scratch_b) if k else (self.dW, self.db)
            Xc, Yc = X[..., part, :], Y[..., part, :]
            totals += self._totals(self._pass(Xc, Yc, m, dW, db, None), Yc, Xc.shape[-2])
            if k:
                self.grad += self._scratch
        if self.mean:
            totals /= m
        return totals

    def _totals(self, out: Array, Y: Array, rows: int) -> Array:
        buffers = self._buffers_for(rows)
        return TOTALS[self.loss_name](out, Y, buffers.S[-1], buffers.S2)

    def _pass(self, X: Array, Y: Array, batch: int, dW: list[Array], db: list[Array],
              keep: Array | None) -> Array:
        """Forward and backward on rows of a batch of ``batch`` rows; gradients into ``dW``
        and ``db``; returns what the loss reads of the output layer (its activation or its
        ``Z``), written into ``keep`` if given, else into a buffer the next pass of as
        many rows overwrites."""
        buffers = self._buffers_for(X.shape[-2])
        Zs, As = buffers.Z, buffers.A
        if keep is not None:  # the output layer's Z, or for MSE its activation, goes there
            if self.keeps_z:
                Zs = [*Zs[:-1], keep]
            else:
                As = [*As[:-1], keep]
        A, bias = X, self.bias
        for l, forward in enumerate(self.forward_fns):
            Z = buffers.forward[l](A, self.W[l], Zs[l])
            if bias:
                Z += self.B[l]
            A = forward(Z, As[l])
        D = buffers.G[-1]
        np.subtract(A, Y, out=D)  # ∂L/∂A of MSE, and ∂L/∂Z of every canonical pair
        if not self.canonical:
            self.slopes[-1](Z, A, D, buffers.S[-1])
        if self.mean:
            D /= batch
        self._backward(X, buffers, dW, db)
        return A if self.reads_activation else Z

    def _backward(self, X: Array, buffers: _Buffers, dW: list[Array], db: list[Array]
                  ) -> None:
        for l in range(len(self.activations) - 1, -1, -1):
            D = buffers.G[l]
            A = X.mT if l == 0 else buffers.AT[l - 1]
            buffers.weights[l](A, D, dW[l])
            if self.bias:
                _column_sums(D, db[l])
            if l:
                G = buffers.back[l](D, self.WT[l], buffers.G[l - 1])
                self.slopes[l - 1](buffers.Z[l - 1], buffers.A[l - 1], G, buffers.S[l - 1])
