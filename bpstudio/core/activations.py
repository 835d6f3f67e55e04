"""Activation functions, each stored next to its derivative in one name-keyed registry.

Derivatives are written in terms of the pre-activation ``Z`` and the output ``A`` so that the
backward pass reuses what the forward pass already computed (``σ'(z) = σ(z)(1 − σ(z))``).
Callers that may overflow (``exp`` of a large ``|z|``) run inside ``np.errstate(over="ignore")``;
every function here is exact in that limit (``σ(−1e4) = 0``, not NaN).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .translatable import QT_TRANSLATE_NOOP

Array = np.ndarray

LEAKY_SLOPE = 0.01


@dataclass(frozen=True)
class Activation:
    """One activation: its function, its slope and the formulas the inspector prints.

    ``kinks`` are the ``z`` where the slope jumps (relu's 0): there the function has no
    derivative, and a finite difference that steps across one measures neither side's
    slope (the gradient check steps around them).
    """

    name: str
    fn: Callable[[Array], Array]
    slope: Callable[[Array, Array], Array] | None
    formula: str
    slope_formula: str
    hidden_allowed: bool = True
    kinks: tuple[float, ...] = ()

    def vjp(self, Z: Array, A: Array, G: Array) -> Array:
        """Carry ``G = ∂L/∂A`` back through the activation: ``∂L/∂Z``.

        ``G`` is a temporary the caller gives up: the result may be written over it.
        """
        G *= self.slope(Z, A)
        return G


class _Identity(Activation):
    def vjp(self, Z: Array, A: Array, G: Array) -> Array:
        return G


class _Relu(Activation):
    def vjp(self, Z: Array, A: Array, G: Array) -> Array:
        G *= Z > 0  # a boolean mask: no float temporary for the slope
        return G


class _Softmax(Activation):
    def vjp(self, Z: Array, A: Array, G: Array) -> Array:
        # Jacobian-vector product of softmax: A ⊙ (G − Σ_k G_k A_k), row by row.
        G -= np.sum(G * A, axis=1, keepdims=True)
        G *= A
        return G


def _sigmoid(Z: Array) -> Array:
    return 1.0 / (1.0 + np.exp(-Z))


def _softmax(Z: Array) -> Array:
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def _leaky_relu(Z: Array) -> Array:
    return np.where(Z > 0, Z, LEAKY_SLOPE * Z)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation(
            "sigmoid", _sigmoid, lambda Z, A: A * (1.0 - A),
            "σ(z) = 1 / (1 + e^(−z))", "σ′(z) = σ(z)·(1 − σ(z))",
        ),
        Activation(
            "tanh", np.tanh, lambda Z, A: 1.0 - A * A,
            "tanh(z)", "tanh′(z) = 1 − tanh²(z)",
        ),
        _Relu(
            "relu", lambda Z: np.maximum(Z, 0.0), lambda Z, A: (Z > 0).astype(Z.dtype),
            "relu(z) = max(0, z)", "relu′(z) = 1 if z > 0 else 0", kinks=(0.0,),
        ),
        Activation(
            "leaky_relu", _leaky_relu,
            lambda Z, A: np.where(Z > 0, 1.0, LEAKY_SLOPE).astype(Z.dtype),
            "leaky_relu(z) = z if z > 0 else 0.01·z", "leaky_relu′(z) = 1 if z > 0 else 0.01",
            kinks=(0.0,),
        ),
        _Identity(
            QT_TRANSLATE_NOOP("Vocabulary", "identity"), lambda Z: Z, lambda Z, A: np.ones_like(Z),
            "id(z) = z", "id′(z) = 1",
        ),
        _Softmax(
            "softmax", _softmax, None,
            "softmax(z)_k = e^(z_k) / Σ_j e^(z_j)",
            "∂softmax_k/∂z_j = s_k·(δ_kj − s_j)", hidden_allowed=False,
        ),
    )
}
