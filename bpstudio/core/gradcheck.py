"""Numerical gradient check: analytic backprop against central finite differences.

A central difference over ``[θ − ε, θ + ε]`` measures a slope only where the loss is smooth
there. A ReLU (or leaky ReLU) unit whose ``z`` crosses its kink inside that step makes the
loss bend, and the difference then matches neither side's slope: a correct backward pass
would look wrong. So every step is checked for crossings (which units are on which side of
their kinks, against the unperturbed pass); where the central step crosses one, a one-sided
difference on a side that stays clear is taken instead, and where both sides cross, the
entry is not comparable and left out.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS
from .network import QUIET, Network, Trace, run_steps


@dataclass(frozen=True)
class FiniteDifferences:
    """The numerical gradient, flat, and ``at_kink``: the entries whose steps on both sides
    crossed a kink (their ``gradient`` is NaN: not comparable)."""

    gradient: np.ndarray
    at_kink: np.ndarray


def numerical_gradient(net: Network, X: object, Y: object, eps: float = 1e-6) -> np.ndarray:
    """Central differences ``(L(θ + ε) − L(θ − ε)) / 2ε`` for every parameter, flat; beside
    a kink one-sided, NaN where both sides cross one (:func:`numerical_gradient_steps`)."""
    return run_steps(numerical_gradient_steps(net, X, Y, eps)).gradient


def numerical_gradient_steps(
    net: Network, X: object, Y: object, eps: float = 1e-6, every: int | None = None
) -> Generator[None, None, FiniteDifferences]:
    """:func:`numerical_gradient` and where kinks got in the way, yielding after every
    ``every`` parameters (never, if ``None``): a long check can wait in between. It moves
    ``net``'s parameters while it runs, so check a copy of a network that others use
    meanwhile.

    Beside a kink it takes the one-sided difference ``±(−3L(θ) + 4L(θ ± ε) − L(θ ± 2ε))/2ε``
    (as accurate as the central one) on a side whose two steps cross none.
    """
    X = net.check_inputs(X)
    Y = net.check_targets(Y, X.shape[0])
    theta = net.parameters
    original = theta.copy()
    grad = np.empty_like(theta)
    at_kink = np.zeros(theta.shape, dtype=bool)
    with np.errstate(**QUIET):
        trace = net.forward_unchecked(X)
        sides = _KinkSides(net, trace)
        base = net.trace_loss(trace, Y)
    layer_of = np.empty(theta.size, dtype=np.int64)  # a parameter moves z from its layer on
    for name, part in parameter_slices(net):
        layer_of[part] = int(name[1:]) - 1

    def loss_at(i: int, value: float) -> tuple[float, bool]:
        """The loss with parameter ``i`` at ``value``; whether no unit crossed a kink."""
        theta[i] = value
        trace = net.forward_unchecked(X)
        return net.trace_loss(trace, Y), sides.same(trace, layer_of[i])

    def one_sided(i: int, plus: tuple[float, bool], minus: tuple[float, bool]) -> float:
        """The slope from the side whose steps cross no kink, or NaN if both do."""
        for sign, (near, clear) in ((1.0, plus), (-1.0, minus)):
            if clear:
                far, far_clear = loss_at(i, original[i] + 2.0 * sign * eps)
                if far_clear:
                    return sign * (4.0 * near - 3.0 * base - far) / (2.0 * eps)
        at_kink[i] = True
        return np.nan

    try:
        for i in range(theta.size):
            if every and i and i % every == 0:
                yield
            with np.errstate(**QUIET):
                plus = loss_at(i, original[i] + eps)
                minus = loss_at(i, original[i] - eps)
                if plus[1] and minus[1]:
                    grad[i] = (plus[0] - minus[0]) / (2.0 * eps)
                else:
                    grad[i] = one_sided(i, plus, minus)
                theta[i] = original[i]
    finally:
        theta[...] = original
    return FiniteDifferences(grad, at_kink)


class _KinkSides:
    """Which side of its kinks every unit of a kinked layer is on, in the unperturbed pass."""

    def __init__(self, net: Network, trace: Trace) -> None:
        self._layers = [
            (l, kink, trace.preactivations[l] > kink)
            for l, name in enumerate(net.activation_names)
            for kink in ACTIVATIONS[name].kinks
        ]

    def same(self, trace: Trace, first: int = 0) -> bool:
        """Whether every unit of ``trace`` from weight layer ``first`` on (0: the first) is
        on the same side of its kinks."""
        return all(np.array_equal(trace.preactivations[l] > kink, side)
                   for l, kink, side in self._layers if l >= first)


def gradient_check(
    net: Network, X: object, Y: object, eps: float = 1e-6
) -> dict[str, float]:
    """Relative error ``‖g − ĝ‖ / max(‖g‖ + ‖ĝ‖, tiny)`` per parameter array.

    Keys are ``"W1"``, ``"b1"``, ``"W2"``, … (layers counted from 1, as the inspector shows
    them). Values below about 1e-7 mean the backward pass is right. Entries not comparable
    at a kink are left out.
    """
    X = net.check_inputs(X)
    Y = net.check_targets(Y, X.shape[0])
    with np.errstate(**QUIET):
        analytic = net.trace_gradients(net.forward_unchecked(X), Y).vector
    numeric = run_steps(numerical_gradient_steps(net, X, Y, eps))
    return relative_errors(net, analytic, numeric.gradient, numeric.at_kink)


def relative_errors(
    net: Network, analytic: np.ndarray, numeric: np.ndarray, at_kink: np.ndarray | None = None
) -> dict[str, float]:
    """``‖g − ĝ‖ / (‖g‖ + ‖ĝ‖)`` per parameter array of two flat gradient vectors, over the
    entries not ``at_kink`` (0 for an array with none left)."""
    report = {}
    for name, part in parameter_slices(net):
        a, n = analytic[part], numeric[part]
        if at_kink is not None:
            a, n = a[~at_kink[part]], n[~at_kink[part]]
        scale = max(float(np.linalg.norm(a) + np.linalg.norm(n)), np.finfo(float).tiny)
        report[name] = float(np.linalg.norm(a - n)) / scale
    return report


def parameter_slices(net: Network) -> list[tuple[str, slice]]:
    """Names (``W1``, …, ``b1``, …) and slices of each array in the flat parameter vector."""
    out, start = [], 0
    shapes = list(zip(net.layer_sizes[:-1], net.layer_sizes[1:]))
    for l, (n_in, n_out) in enumerate(shapes, start=1):
        out.append((f"W{l}", slice(start, start + n_in * n_out)))
        start += n_in * n_out
    if net.bias:
        for l, (_, n_out) in enumerate(shapes, start=1):
            out.append((f"b{l}", slice(start, start + n_out)))
            start += n_out
    return out
