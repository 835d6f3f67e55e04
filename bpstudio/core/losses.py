"""Loss functions per sample, their gradients, and which output activations they pair with.

Each loss returns the sum of its per-sample values over the batch; the network divides by
the batch size for ``reduction="mean"``. The two cross-entropies are computed from the
pre-activation ``Z`` so that ``log(0)`` never happens, however saturated the output
(``|z|`` up to 1e4 and beyond).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Array = np.ndarray


@dataclass(frozen=True)
class Loss:
    """One loss: its batch total, per-sample ``∂loss/∂A``, and the outputs it accepts.

    ``canonical`` names the output activation for which ``∂loss/∂Z`` simplifies to ``A − Y``
    (identity with MSE, sigmoid with binary cross-entropy, softmax with cross-entropy).
    """

    name: str
    value: Callable[[Array, Array, Array], float]
    grad: Callable[[Array, Array], Array]
    outputs: frozenset[str] | None
    canonical: str
    formula: str
    grad_formula: str


def _mse(Z: Array, A: Array, Y: Array) -> float:
    D = (A - Y).ravel()
    return 0.5 * float(np.dot(D, D))


def _bce(Z: Array, A: Array, Y: Array) -> float:
    # −[y log σ(z) + (1 − y) log(1 − σ(z))] = max(z, 0) − y·z + log(1 + e^(−|z|))
    return float(np.sum(np.maximum(Z, 0) - Y * Z + np.log1p(np.exp(-np.abs(Z)))))


def _cross_entropy(Z: Array, A: Array, Y: Array) -> float:
    # −Σ y_k log softmax(z)_k = Σ y_k · (logsumexp(z) − z_k)
    m = Z.max(axis=1, keepdims=True)
    lse = m + np.log(np.sum(np.exp(Z - m), axis=1, keepdims=True))
    return float(np.sum(Y * (lse - Z)))


def _tiny(A: Array) -> float:
    return float(np.finfo(A.dtype).tiny)


LOSSES: dict[str, Loss] = {
    loss.name: loss
    for loss in (
        Loss(
            "mse", _mse, lambda A, Y: A - Y, None, "identity",
            "L = ½‖ŷ − y‖²", "∂L/∂ŷ = ŷ − y",
        ),
        Loss(
            "binary_cross_entropy", _bce,
            lambda A, Y: (A - Y) / np.maximum(A * (1.0 - A), _tiny(A)),
            frozenset({"sigmoid"}), "sigmoid",
            "L = −Σ [y·log ŷ + (1 − y)·log(1 − ŷ)]", "∂L/∂ŷ = (ŷ − y) / (ŷ·(1 − ŷ))",
        ),
        Loss(
            "cross_entropy", _cross_entropy,
            lambda A, Y: -Y / np.maximum(A, _tiny(A)),
            frozenset({"softmax"}), "softmax",
            "L = −Σ_k y_k·log ŷ_k", "∂L/∂ŷ_k = −y_k / ŷ_k",
        ),
    )
}

REDUCTIONS = ("mean", "sum")


def output_delta(loss: Loss, activation, Z: Array, A: Array, Y: Array) -> Array:
    """``∂loss/∂Z`` of the output layer per sample, before reduction.

    For the canonical pairs the chain rule collapses to ``A − Y``
    (seeds/004: ``δ = (ŷ − y)·f′(z)`` with ``f′`` folded into the loss).
    """
    if activation.name == loss.canonical:
        return A - Y
    return activation.vjp(Z, A, loss.grad(A, Y))
