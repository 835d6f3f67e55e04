"""The training doctor's rules on a unit reading (:mod:`bpstudio.core.unit_readings`):
dead ReLUs, saturated sigmoid or tanh layers, and gradients that vanish before they reach
the first layer. Each is silent when the evidence holds no reading."""

from __future__ import annotations

from .doctor_findings import (
    GUIDE,
    NOTHING,
    WARNING,
    Evidence,
    Finding,
    listed,
    number,
    share,
    words,
)
from .phrase import Phrase
from .translatable import QT_TRANSLATE_NOOP
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
    seen = words(QT_TRANSLATE_NOOP(
        "Doctor", "{layers} never fire on the training data: z ≤ 0 for every sample, so they "
        "pass no gradient and cannot recover."), layers=listed([
            words(QT_TRANSLATE_NOOP("Doctor", "{dead} of {units} ReLU units of layer {layer} "
                                    "({share})"), dead=layer.dead, units=layer.units,
                  layer=n, share=share(layer.dead / layer.units))
            for n, layer in dead]))
    advice = words(QT_TRANSLATE_NOOP(
        "Doctor", "Reset the weights, with he_normal initialisation{instead} and a smaller "
        "learning rate{rate}; or use leaky_relu, which keeps a small slope below 0."),
        instead=_instead(units, "he_normal"), rate=evidence.rate)
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
    seen = words(QT_TRANSLATE_NOOP(
        "Doctor", "{layers} are saturated: |z| > {z} for at least {share} of the samples, "
        "where the slope is nearly 0, so almost no gradient passes through them."),
        layers=listed([
            words(QT_TRANSLATE_NOOP("Doctor", "{saturated} of {units} {activation} units of "
                                    "layer {layer} ({share})"),
                  saturated=layer.saturated, units=layer.units, activation=layer.activation,
                  layer=n, share=share(layer.saturated / layer.units))
            for n, layer in saturated]),
        z=number(SATURATION_Z), share=share(SATURATED_ROWS_SHARE))
    if units.init == "uniform":
        cause = words(QT_TRANSLATE_NOOP(
            "Doctor", "The uniform U[0, 1) weights are all positive, so each unit's inputs add "
            "up to a large z. Start again from xavier_uniform weights."))
    else:
        cause = words(QT_TRANSLATE_NOOP(
            "Doctor", "Start again from xavier_uniform weights{instead}, standardize the "
            "inputs, or lower the learning rate{rate}: large steps grow large weights."),
            instead=_instead(units, "xavier_uniform"), rate=evidence.rate)
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
        words(QT_TRANSLATE_NOOP(
            "Doctor", "No gradient reaches the first layer (its mean |dW| is 0; the last "
            "layer's is {last}): the layers near the input do not learn."), last=number(last))
        if first == 0 else
        words(QT_TRANSLATE_NOOP(
            "Doctor", "The first layer's mean |dW| is {first}, {ratio} of the last layer's "
            "{last}: the layers near the input hardly learn."),
            first=number(first), ratio=number(first / last), last=number(last))
    )
    sigmoid = any(layer.activation == "sigmoid" for layer in units.hidden)
    advice = words(QT_TRANSLATE_NOOP(
        "Doctor", "Use tanh or relu hidden layers (sigmoid passes back at most a quarter of the "
        "gradient per layer), xavier_uniform (tanh) or he_normal (relu) weights, or fewer "
        "layers.")) if sigmoid else words(QT_TRANSLATE_NOOP(
            "Doctor", "Use xavier_uniform (tanh) or he_normal (relu) weights, or fewer layers."))
    return Finding("vanishing_gradients", WARNING, seen, advice,
                      GUIDE + "vanishing-gradients")


def _instead(units: UnitReadings, better: str) -> Phrase:
    if units.init == better:
        return NOTHING
    return words(QT_TRANSLATE_NOOP("Doctor", " (instead of {init})"), init=units.init)
