"""The training doctor's rules on a unit reading (:mod:`bpstudio.core.unit_readings`):
dead ReLUs, saturated sigmoid or tanh layers, and gradients that vanish before they reach
the first layer. Each is silent when the evidence holds no reading."""

from __future__ import annotations

from .doctor_findings import GUIDE, WARNING, Evidence, Finding, number, share
from .unit_readings import SATURATED_ROWS_SHARE, SATURATION_Z, LayerReading, UnitReadings

DEAD_SHARE = 0.5
"""A ReLU layer is reported when at least this share of its units never fire on the
training data. A trained ReLU network often has a few dead units; half of them is capacity
thrown away, and all of them a network whose output no longer depends on its input."""

SATURATED_SHARE = 0.5
"""A sigmoid or tanh layer is reported when at least this share of its units are
saturated (:data:`~bpstudio.core.unit_readings.SATURATION_Z`)."""

VANISHING_RATIO = 1e-6
"""The first weight layer's mean ``|dW|`` below this share of the last's: the layers near
the input learn a million times slower than the output layer, that is, not at all."""


def stuck_layers(units: UnitReadings) -> list[tuple[int, LayerReading]]:
    """Hidden layers (numbered from 1, as the inspector does) whose units are mostly dead
    (:data:`DEAD_SHARE`) or saturated (:data:`SATURATED_SHARE`)."""
    return [
        (number_, layer) for number_, layer in enumerate(units.hidden, start=1)
        if layer.dead >= DEAD_SHARE * layer.units
        or layer.saturated >= SATURATED_SHARE * layer.units
    ]


def dead_relus(evidence: Evidence) -> Finding | None:
    """Most ReLU units of a layer never fire (``z ≤ 0`` for every sample): no gradient
    reaches their weights, so they never come back."""
    units = evidence.units
    if units is None:
        return None
    dead = [(n, layer) for n, layer in stuck_layers(units) if layer.dead]
    if not dead:
        return None
    seen = "; ".join(
        f"{layer.dead} of {layer.units} ReLU units of layer {n} ({share(layer.dead / layer.units)})"
        for n, layer in dead
    ) + (
        " never fire on the training data: z ≤ 0 for every sample, so they pass no "
        "gradient and cannot recover."
    )
    advice = (
        f"Reset the weights, with he_normal initialisation{_instead(units, 'he_normal')} and "
        f"a smaller learning rate{evidence.rate}; or use leaky_relu, which keeps a small "
        f"slope below 0."
    )
    return Finding("dead_relus", WARNING, seen, advice, GUIDE + "dead-relus")


def saturated_units(evidence: Evidence) -> Finding | None:
    """Most sigmoid or tanh units of a layer sit on a flat end of their curve for nearly
    every sample, where the slope, and so the gradient through them, is nearly 0."""
    units = evidence.units
    if units is None:
        return None
    saturated = [(n, layer) for n, layer in stuck_layers(units) if layer.saturated]
    if not saturated:
        return None
    seen = "; ".join(
        f"{layer.saturated} of {layer.units} {layer.activation} units of layer {n} "
        f"({share(layer.saturated / layer.units)})"
        for n, layer in saturated
    ) + (
        f" are saturated: |z| > {number(SATURATION_Z)} for at least "
        f"{share(SATURATED_ROWS_SHARE)} of the samples, where the slope is nearly 0, so "
        f"almost no gradient passes through them."
    )
    if units.init == "uniform":
        cause = (
            "The uniform U[0, 1) weights are all positive, so each unit's inputs add up "
            "to a large z. Start again from xavier_uniform weights."
        )
    else:
        cause = (
            f"Start again from xavier_uniform weights{_instead(units, 'xavier_uniform')}, "
            f"standardize the inputs, or lower the learning rate{evidence.rate}: large "
            f"steps grow large weights."
        )
    return Finding("saturated_units", WARNING, seen, cause, GUIDE + "saturated-units")


def vanishing_gradients(evidence: Evidence) -> Finding | None:
    """The first weight layer's gradient is a vanishing share of the last's: each layer
    back multiplies it by slopes below 1 (at most ¼ for sigmoid)."""
    units = evidence.units
    if units is None or len(units.mean_abs_dW) < 2:
        return None
    first, last = units.mean_abs_dW[0], units.mean_abs_dW[-1]
    if not (last > 0 and first < VANISHING_RATIO * last):
        return None
    seen = (
        f"No gradient reaches the first layer (its mean |dW| is 0; the last layer's is "
        f"{number(last)}): the layers near the input do not learn."
        if first == 0 else
        f"The first layer's mean |dW| is {number(first)}, {number(first / last)} of the "
        f"last layer's {number(last)}: the layers near the input hardly learn."
    )
    sigmoid = any(layer.activation == "sigmoid" for layer in units.hidden)
    advice = (
        "Use tanh or relu hidden layers (sigmoid passes back at most a quarter of the "
        "gradient per layer), " if sigmoid else "Use "
    ) + "xavier_uniform (tanh) or he_normal (relu) weights, or fewer layers."
    return Finding("vanishing_gradients", WARNING, seen, advice, GUIDE + "vanishing-gradients")


def _instead(units: UnitReadings, better: str) -> str:
    return "" if units.init == better else f" (instead of {units.init})"
