"""The doctor's rules on loss curves, on histories made to show (or not show) each pattern."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.core import History
from bpstudio.core.doctor_curves import (
    EXPLOSION_FACTOR,
    FLAT_CHANGE,
    FLAT_MIN_EPOCHS,
    OSCILLATION_ROWS,
    OVERFIT_MIN_EPOCHS,
    OVERFIT_RISE,
    exploding_loss,
    flat_loss,
    oscillating_loss,
    overfitting,
)
from bpstudio.core.doctor_findings import CRITICAL, INFO, WARNING, Evidence
from bpstudio.core.unit_readings import LayerReading, UnitReadings


def history(train, test=None):
    """A history of epochs 1, 2, ... with these losses (test: NaN where not measured)."""
    h = History()
    test = [math.nan] * len(train) if test is None else test
    for epoch, (a, b) in enumerate(zip(train, test, strict=True), start=1):
        h.append(epoch, a, b)
    return h


def stuck(epochs, rng, start=1.45, level=1.1, noise=0.005):
    """The issue's spiral: a quick fall from ``start`` to ``level``, then noise around it."""
    loss = level * (1 + noise * rng.uniform(-1, 1, epochs))
    loss[:5] = np.linspace(start, level, 5)
    return loss


# -- flat ---------------------------------------------------------------------------------


def test_a_loss_stuck_after_a_quick_fall_is_flat(rng):
    finding = flat_loss(Evidence(history(stuck(2 * FLAT_MIN_EPOCHS, rng)), 0.01))
    assert finding is not None and finding.id == "flat_loss" and finding.severity == WARNING
    assert f"near 1.1 for the last {FLAT_MIN_EPOCHS} epochs" in finding.seen
    assert "76 % of the 1.45 at epoch 1" in finding.seen
    assert "raise the learning rate (now 0.01) tenfold" in finding.advice
    assert finding.explained_in == "guide.md#flat-loss"


def test_flat_needs_the_last_half_to_span_its_minimum(rng):
    assert flat_loss(Evidence(history(stuck(2 * FLAT_MIN_EPOCHS - 1, rng)))) is None


def test_a_slow_but_steady_fall_is_not_flat():
    # the 3×4 binary example's slow start: 1.4 % between epochs 50 and 100
    epochs = np.arange(1, 4 * FLAT_MIN_EPOCHS + 1)
    loss = 0.38 * (1 - 2 * FLAT_CHANGE) ** (epochs / FLAT_MIN_EPOCHS)
    assert flat_loss(Evidence(history(loss))) is None


def test_a_loss_that_fell_far_then_levelled_off_is_done_not_flat():
    loss = np.concatenate([np.geomspace(1.0, 0.3, 50), np.full(4 * FLAT_MIN_EPOCHS, 0.3)])
    assert flat_loss(Evidence(history(loss))) is None


def test_a_jumpy_loss_is_not_flat(rng):
    assert flat_loss(Evidence(history(stuck(4 * FLAT_MIN_EPOCHS, rng, noise=0.2)))) is None


def test_flat_advice_follows_the_units(rng):
    h = history(stuck(2 * FLAT_MIN_EPOCHS, rng))

    def reading(activation, dead, saturated, init="uniform"):
        layer = LayerReading(activation, 32, dead, saturated)
        return UnitReadings(init, (layer,), (1e-3, 1e-3), 100)

    saturated = flat_loss(Evidence(h, 0.01, reading("tanh", 0, 30))).advice
    assert "start again from xavier_uniform weights instead of uniform" in saturated
    dead = flat_loss(Evidence(h, 0.01, reading("relu", 30, 0, "xavier_uniform"))).advice
    assert "he_normal weights instead of xavier_uniform" in dead
    again = flat_loss(Evidence(h, 0.01, reading("tanh", 0, 30, "xavier_uniform"))).advice
    assert "reset the weights and train with a smaller learning rate (now 0.01)" in again
    fine = flat_loss(Evidence(h, 0.01, reading("tanh", 0, 2))).advice
    assert fine.startswith("The units are neither saturated nor dead: raise the learning")
    unknown = flat_loss(Evidence(h)).advice
    assert "If most units are saturated or dead" in unknown and "(now" not in unknown


# -- explosion -----------------------------------------------------------------------------


def test_a_loss_growing_by_orders_of_magnitude_explodes():
    h = history([611.0, 1.51e8])  # the sin example at learning rate 100
    finding = exploding_loss(Evidence(h, 100.0))
    assert finding.id == "exploding_loss" and finding.severity == CRITICAL
    assert finding.seen.startswith(
        "The training loss has grown to 1.51e8, 2.47e5 times its lowest (611 at epoch 1) and "
        "above the 611 at epoch 1")
    assert "Lower the learning rate (now 100) to a tenth" in finding.advice


def test_an_explosion_needs_both_the_factor_and_the_start_passed():
    assert exploding_loss(Evidence(history([1.0, 0.5, 0.99 * EXPLOSION_FACTOR * 0.5]))) is None
    # Adam's spikes near the end of a good run: far above the lowest, far below the start
    assert exploding_loss(Evidence(history([1.0, 1e-6, 1e-3]))) is None
    assert exploding_loss(Evidence(history([1.0, 0.5, EXPLOSION_FACTOR * 0.5]))) is not None


def test_an_exact_fit_then_growth_explodes():
    finding = exploding_loss(Evidence(history([1.0, 0.0, 2.0])))
    assert "infinitely many times its lowest (0 at epoch 2)" in finding.seen


@given(growth=st.floats(1.01, 1e6), start=st.floats(1e-6, 1e6))
def test_geometric_growth_is_flagged_while_the_loss_is_finite(growth, start):
    h, epoch = History(), 0
    while True:
        epoch += 1
        loss = start * growth ** (epoch - 1)
        assert math.isfinite(loss), "overflowed before the doctor said anything"
        h.append(epoch, loss)
        if exploding_loss(Evidence(h)) is not None:
            break
    assert loss < EXPLOSION_FACTOR * start * growth


# -- oscillation ---------------------------------------------------------------------------


def bounce(rows, best=0.25, low=0.5, high=0.9):
    """A fall to ``best``, then a loss jumping between ``low`` and ``high``."""
    return np.concatenate([np.linspace(1.6, best, 20), np.tile([low, high], rows // 2)])


def test_a_loss_jumping_up_and_down_above_its_best_oscillates():
    finding = oscillating_loss(Evidence(history(bounce(OSCILLATION_ROWS + 10)), 0.1))
    assert finding.id == "oscillating_loss" and finding.severity == WARNING
    assert finding.seen == (
        f"Over the last {OSCILLATION_ROWS} epochs the loss jumped up 15 times and down 15 "
        "times by more than 10 %, around 0.9, 3.6 times the 0.25 it reached at epoch 20: the "
        "steps are too large to settle.")
    assert "Lower the learning rate (now 0.1)" in finding.advice


def test_oscillation_after_an_exact_zero_loss_is_said_without_a_ratio():
    """Found by hypothesis: a loss that once reached 0 then bounced divided by zero."""
    loss = bounce(OSCILLATION_ROWS + 10, best=0.0)
    finding = oscillating_loss(Evidence(history(loss), 0.1))
    assert finding is not None and "around 0.9, above the 0 it reached at epoch 20" in finding.seen


def test_what_is_not_oscillation():
    assert oscillating_loss(Evidence(history(bounce(OSCILLATION_ROWS - 4)))) is None  # short
    assert oscillating_loss(Evidence(history(bounce(40, low=0.5, high=0.52)))) is None  # calm
    # jumping around its best, or making new lows: mini-batch noise near a minimum
    assert oscillating_loss(Evidence(history(bounce(40, best=0.4, low=0.3, high=0.5)))) is None
    # bouncing at 1 % of the start, as Adam may at the end of a good run
    tail = np.tile([0.005, 0.012], 20)
    assert oscillating_loss(Evidence(history(np.concatenate([[1.05, 0.002], tail])))) is None
    # a steady explosion goes up only
    assert oscillating_loss(Evidence(history(np.geomspace(1, 1e40, 60)))) is None


# -- overfitting ---------------------------------------------------------------------------


def overfit(epochs=200, low_at=80, every=1):
    """Training loss falling throughout; test loss falling to epoch ``low_at``, then rising;
    the test loss measured every ``every`` epochs."""
    e = np.arange(1, epochs + 1)
    train = 0.7 * np.exp(-e / 40)
    test = 0.2 + 0.5 * np.exp(-e / 20) + 0.002 * np.maximum(e - low_at, 0)
    test[e % every != 0] = np.nan
    return train, test


def test_a_test_loss_rising_as_the_training_loss_falls_is_overfitting():
    finding = overfitting(Evidence(history(*overfit())))
    assert finding.id == "overfitting" and finding.severity == INFO
    assert "The test loss rose from 0.2" in finding.seen and "to 0.44 (+" in finding.seen
    assert "Stop near epoch" in finding.advice


def test_overfitting_with_the_test_loss_measured_now_and_then():
    assert overfitting(Evidence(history(*overfit(every=7)))) is not None
    train, test = overfit(every=60)  # two measurements after the lowest: too few to say
    assert overfitting(Evidence(history(train, test))) is None


def test_what_is_not_overfitting():
    train, test = overfit()
    assert overfitting(Evidence(history(train))) is None  # no test data
    assert overfitting(Evidence(history(np.full(200, 0.1), test))) is None  # train not falling
    assert overfitting(Evidence(history(train, test * 0 + np.linspace(1, 0.5, 200)))) is None
    # the rise is too recent, or too small
    assert overfitting(Evidence(history(*overfit(low_at=200 - OVERFIT_MIN_EPOCHS + 1)))) is None
    small = np.minimum(test, (1 + 0.9 * OVERFIT_RISE) * test.min())
    assert overfitting(Evidence(history(train, small))) is None
    # the training loss above the test loss: no learning by heart
    assert overfitting(Evidence(history(train + 1.0, test))) is None
    # a training loss bouncing about, with no new low since the test loss was lowest
    bouncing = np.where(np.arange(200) % 2, 0.05, 0.5)
    assert overfitting(Evidence(history(bouncing, test))) is None


# -- thinned histories ---------------------------------------------------------------------


def test_rules_read_a_thinned_history_by_epoch(monkeypatch, rng):
    monkeypatch.setattr(History, "MAX_ROWS", 64)
    h = history(stuck(1000, rng))
    assert h.stride > 1 and len(h) <= 64
    finding = flat_loss(Evidence(h))  # the rows of epochs 1-15 are gone: it starts at 16
    assert finding is not None and f"of the 1.1 at epoch {h.stride}:" in finding.seen
    assert f"for the last {1000 - 512} epochs" in finding.seen
    train, test = overfit(epochs=1000, low_at=300)
    thinned = history(train, test)
    assert overfitting(Evidence(thinned)) is not None


# -- healthy curves ------------------------------------------------------------------------


@settings(max_examples=200)
@given(
    start=st.floats(1e-3, 1e3), floor=st.floats(0.0, 0.4), tau=st.floats(2.0, 100.0),
    epochs=st.integers(1, 600), noise=st.floats(0.0, 0.02), seed=st.integers(0, 2**16),
)
def test_a_converging_loss_raises_no_curve_finding(start, floor, tau, epochs, noise, seed):
    """A loss falling towards a floor well below its start, with a little noise (mini-batch
    losses), whatever the stopping epoch: no flat, exploding, oscillating or overfit note."""
    e = np.arange(epochs)
    wobble = 1 + noise * np.random.default_rng(seed).uniform(-1, 1, epochs)
    train = start * (floor + (1 - floor) * np.exp(-e / tau)) * wobble
    test = train * 1.05
    evidence = Evidence(history(train, test))
    for rule in (flat_loss, exploding_loss, oscillating_loss, overfitting):
        assert rule(evidence) is None, rule.__name__


@pytest.mark.parametrize("rule", [flat_loss, exploding_loss, oscillating_loss, overfitting])
def test_empty_and_one_row_histories_say_nothing(rule):
    assert rule(Evidence(History())) is None
    assert rule(Evidence(history([1.0], [2.0]))) is None
