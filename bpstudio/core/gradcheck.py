"""Numerical gradient check: analytic backprop against central finite differences."""

from __future__ import annotations

from collections.abc import Generator

import numpy as np

from .network import QUIET, Network, run_steps


def numerical_gradient(net: Network, X: object, Y: object, eps: float = 1e-6) -> np.ndarray:
    """Central differences ``(L(θ + ε) − L(θ − ε)) / 2ε`` for every parameter, flat."""
    return run_steps(numerical_gradient_steps(net, X, Y, eps))


def numerical_gradient_steps(
    net: Network, X: object, Y: object, eps: float = 1e-6, every: int | None = None
) -> Generator[None, None, np.ndarray]:
    """:func:`numerical_gradient`, yielding after every ``every`` parameters (never, if
    ``None``): a long check can wait in between. It moves ``net``'s parameters while it
    runs, so check a copy of a network that others use meanwhile."""
    X = net.check_inputs(X)
    Y = net.check_targets(Y, X.shape[0])
    theta = net.parameters
    original = theta.copy()
    grad = np.empty_like(theta)
    try:
        for i in range(theta.size):
            if every and i and i % every == 0:
                yield
            with np.errstate(**QUIET):
                theta[i] = original[i] + eps
                plus = net.trace_loss(net.forward_unchecked(X), Y)
                theta[i] = original[i] - eps
                minus = net.trace_loss(net.forward_unchecked(X), Y)
                theta[i] = original[i]
                grad[i] = (plus - minus) / (2.0 * eps)
    finally:
        theta[...] = original
    return grad


def gradient_check(
    net: Network, X: object, Y: object, eps: float = 1e-6
) -> dict[str, float]:
    """Relative error ``‖g − ĝ‖ / max(‖g‖ + ‖ĝ‖, tiny)`` per parameter array.

    Keys are ``"W1"``, ``"b1"``, ``"W2"``, … (layers counted from 1, as the inspector shows
    them). Values below about 1e-7 mean the backward pass is right.
    """
    X = net.check_inputs(X)
    Y = net.check_targets(Y, X.shape[0])
    with np.errstate(**QUIET):
        analytic = net.trace_gradients(net.forward_unchecked(X), Y).vector
    return relative_errors(net, analytic, numerical_gradient(net, X, Y, eps))


def relative_errors(net: Network, analytic: np.ndarray, numeric: np.ndarray) -> dict[str, float]:
    """``‖g − ĝ‖ / (‖g‖ + ‖ĝ‖)`` per parameter array of two flat gradient vectors."""
    report = {}
    for name, part in parameter_slices(net):
        a, n = analytic[part], numeric[part]
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
