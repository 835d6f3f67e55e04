"""What the hidden units do on the training data, for the training doctor: how many ReLUs
never fire, how many sigmoid or tanh units sit saturated, and how large each layer's
gradient is.

One reading costs a forward and a backward pass over at most :data:`READING_ROWS` training
rows, so a caller takes one every few seconds, not every epoch (the curve rules of the
doctor need only the history, which is free).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .network import Network
from .text import quote

READING_ROWS = 2048
"""Training rows a reading looks at, evenly spaced over the training set: all of a small
set; of a large one, enough that a unit seen silent on all of them is silent on nearly all
the rest, at a cost that does not grow with the data."""

SATURATION_Z = 5.0
"""A sigmoid or tanh unit whose pre-activation ``|z|`` exceeds this is saturated: its slope
is below ``σ′(5) = 6.6e-3`` (sigmoid) or ``tanh′(5) = 1.8e-4``, so almost no gradient
passes back through it."""

SATURATED_ROWS_SHARE = 0.99
"""A unit counts as saturated when ``|z| > SATURATION_Z`` on at least this share of the
rows read: then it is stuck for (nearly) every sample, not a unit that steps sharply from
one class to the other, which a trained classifier may well use."""

SATURATING = ("sigmoid", "tanh")
"""Activations that flatten out on both sides."""


@dataclass(frozen=True)
class LayerReading:
    """One hidden layer: its activation, its unit count, how many of its ReLU units never
    fire (``z ≤ 0`` on every row read; 0 for other activations) and how many of its
    sigmoid or tanh units are saturated (0 for other activations)."""

    activation: str
    units: int
    dead: int
    saturated: int


@dataclass(frozen=True)
class UnitReadings:
    """One reading of a network on (part of) its training data.

    ``hidden`` has one :class:`LayerReading` per hidden layer, from the input side;
    ``mean_abs_dW`` the mean ``|dW|`` of every weight layer (hidden and output) on the
    rows read; ``init`` the network's initialiser, which the doctor names in its advice.
    """

    init: str
    hidden: tuple[LayerReading, ...]
    mean_abs_dW: tuple[float, ...]
    rows: int


def read_units(
    net: Network, X: object, Y: object, rows: int = READING_ROWS
) -> UnitReadings:
    """A forward and a backward pass of ``net`` over at most ``rows`` of the training
    inputs ``X`` and targets ``Y``, evenly spaced (every k-th row, from the first)."""
    if isinstance(rows, bool) or not isinstance(rows, int) or rows < 1:
        raise ValueError(f"rows: must be a whole number >= 1, got {quote(rows)}")
    X = net.check_inputs(X)
    Y = net.check_targets(Y, X.shape[0])
    step = -(-X.shape[0] // rows)
    X, Y = X[::step], Y[::step]
    trace = net.forward(X)
    grads = net.backward(trace, Y)
    hidden = tuple(
        _layer(name, Z)
        for name, Z in zip(net.activation_names[:-1], trace.preactivations[:-1])
    )
    mean_abs = tuple(float(np.mean(np.abs(g))) for g in grads.dW)
    return UnitReadings(net.init_name, hidden, mean_abs, X.shape[0])


def _layer(activation: str, Z: np.ndarray) -> LayerReading:
    units = Z.shape[1]
    dead = saturated = 0
    if activation == "relu":
        dead = int(np.count_nonzero(~np.any(Z > 0.0, axis=0)))
    elif activation in SATURATING:
        share = np.mean(np.abs(Z) > SATURATION_Z, axis=0)
        saturated = int(np.count_nonzero(share >= SATURATED_ROWS_SHARE))
    return LayerReading(activation, units, dead, saturated)
