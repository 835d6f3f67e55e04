"""The doctor's rules on unit readings, and diagnose() running every rule in order."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.core import History
from bpstudio.core.doctor import RULES, diagnose
from bpstudio.core.doctor_findings import SEVERITIES, Evidence, Finding, number, share
from bpstudio.core.doctor_units import (
    DEAD_SHARE,
    SATURATED_SHARE,
    VANISHING_RATIO,
    dead_relus,
    saturated_units,
    stuck_layers,
    vanishing_gradients,
)
from bpstudio.core.unit_readings import LayerReading, UnitReadings


def reading(*layers, grads=(1e-3, 1e-3), init="xavier_uniform"):
    return UnitReadings(init, tuple(LayerReading(*layer) for layer in layers), grads, 200)


def test_rules_on_units_need_a_reading():
    evidence = Evidence(History())
    assert dead_relus(evidence) is None
    assert saturated_units(evidence) is None
    assert vanishing_gradients(evidence) is None


def test_a_mostly_dead_relu_layer_is_reported():
    units = reading(("relu", 32, 20, 0), ("relu", 16, 16, 0), ("relu", 8, 3, 0), init="uniform")
    finding = dead_relus(Evidence(History(), 0.5, units))
    assert finding.id == "dead_relus" and finding.explained_in == "guide.md#dead-relus"
    assert finding.seen.startswith(
        "20 of 32 ReLU units of layer 1 (62 %); 16 of 16 ReLU units of layer 2 (100 %) never "
        "fire on the training data")
    assert "he_normal initialisation (instead of uniform)" in finding.advice
    assert "smaller learning rate (now 0.5)" in finding.advice and "leaky_relu" in finding.advice


def test_dead_share_is_the_threshold():
    just = math.ceil(DEAD_SHARE * 32)
    assert dead_relus(Evidence(History(), None, reading(("relu", 32, just, 0)))) is not None
    assert dead_relus(Evidence(History(), None, reading(("relu", 32, just - 1, 0)))) is None


def test_a_mostly_saturated_layer_is_reported_with_the_cause_of_a_uniform_init():
    units = reading(("tanh", 32, 0, 5), ("tanh", 32, 0, 32), init="uniform")
    finding = saturated_units(Evidence(History(), 0.01, units))
    assert finding.seen.startswith(
        "32 of 32 tanh units of layer 2 (100 %) are saturated: |z| > 5 for at least 99 % of "
        "the samples")
    assert "U[0, 1) weights are all positive" in finding.advice
    assert "xavier_uniform" in finding.advice
    other = saturated_units(Evidence(History(), 0.01, reading(("sigmoid", 4, 0, 2))))
    assert "lower the learning rate (now 0.01)" in other.advice
    assert "(instead of" not in other.advice  # already xavier_uniform


def test_saturated_share_is_the_threshold():
    just = math.ceil(SATURATED_SHARE * 10)
    assert saturated_units(Evidence(History(), None, reading(("tanh", 10, 0, just))))
    assert saturated_units(Evidence(History(), None, reading(("tanh", 10, 0, just - 1)))) is None


def test_stuck_layers_are_numbered_from_one():
    units = reading(("tanh", 4, 0, 0), ("relu", 4, 4, 0), ("sigmoid", 2, 0, 1))
    assert [n for n, _ in stuck_layers(units)] == [2, 3]


def test_a_first_layer_gradient_below_a_millionth_of_the_last_vanishes():
    units = reading(("sigmoid", 8, 0, 0), ("sigmoid", 8, 0, 0), grads=(3e-12, 1e-9, 4e-3))
    finding = vanishing_gradients(Evidence(History(), None, units))
    assert finding.seen == (
        "The first layer's mean |dW| is 3e-12, 7.5e-10 of the last layer's 0.004: the layers "
        "near the input hardly learn.")
    assert finding.advice.startswith("Use tanh or relu hidden layers (sigmoid passes back")
    tanh = reading(("tanh", 8, 0, 0), grads=(0.0, 4e-3))
    zero = vanishing_gradients(Evidence(History(), None, tanh))
    assert zero.seen.startswith("No gradient reaches the first layer (its mean |dW| is 0;")
    assert zero.advice.startswith("Use xavier_uniform (tanh)")


def test_what_is_not_a_vanishing_gradient():
    ratio = VANISHING_RATIO
    for grads in [(1.01 * ratio, 1.0), (0.0, 0.0), (1e-30, 0.0), (1.0,)]:
        units = reading(grads=grads)
        assert vanishing_gradients(Evidence(History(), None, units)) is None, grads


# -- diagnose ------------------------------------------------------------------------------


def everything_wrong():
    """A history and a reading on which every rule speaks."""
    h = History()
    rng = np.random.default_rng(0)
    for e in range(1, 601):
        h.append(e, 1.1 * (1 + 0.004 * rng.uniform(-1, 1)), 0.5 + 0.01 * max(e - 100, 0))
    units = reading(("relu", 8, 8, 0), ("tanh", 8, 0, 8), grads=(0.0, 1.0, 1.0))
    return h, units


def test_diagnose_runs_every_rule_in_a_stable_order():
    h, units = everything_wrong()
    found = diagnose(h, 0.01, units)
    assert [f.id for f in found] == ["saturated_units", "dead_relus", "vanishing_gradients",
                                     "flat_loss"]
    h.append(601, 1e4)  # and now it explodes, above a test loss still rising: overfitting no more
    ids = [f.id for f in diagnose(h, 0.01, units)]
    assert ids[0] == "exploding_loss"
    ranks = [RULES.index(next(r for r in RULES if r.__name__ == i)) for i in ids]
    assert ranks == sorted(ranks)
    assert diagnose(h) == tuple(f for f in diagnose(h, None, None))


def test_diagnose_of_nothing_finds_nothing():
    assert diagnose(History()) == ()
    assert diagnose(History(), 0.1, reading(("tanh", 8, 0, 0))) == ()


@settings(max_examples=150)
@given(
    losses=st.lists(st.floats(0.0, 1e300), max_size=400),
    tests=st.lists(st.one_of(st.just(math.nan), st.floats(0.0, 1e10)), max_size=400),
    rate=st.one_of(st.none(), st.floats(1e-8, 1e3)),
)
def test_diagnose_takes_any_history(losses, tests, rate):
    h = History()
    for e, loss in enumerate(losses, start=1):
        h.append(e, loss, tests[e - 1] if e <= len(tests) else math.nan)
    found = diagnose(h, rate)
    ids = [f.id for f in found]
    assert len(set(ids)) == len(ids)
    assert all(isinstance(f, Finding) and f.severity in SEVERITIES for f in found)
    assert all(f.explained_in.startswith("guide.md#") for f in found)


def test_a_finding_has_a_known_severity():
    with pytest.raises(ValueError, match="severity: expected one of info, warning, critical"):
        Finding("x", "fatal", "", "", "")


@pytest.mark.parametrize("x, text", [
    (1.1, "1.1"), (0.0123, "0.0123"), (1.51e8, "1.51e8"), (6.4e-14, "6.4e-14"), (611.0, "611"),
    (0.0, "0"), (math.inf, "over 1e308"), (-math.inf, "below -1e308"), (math.nan, "not a number"),
])
def test_numbers_read_as_a_person_writes_them(x, text):
    assert number(x) == text


def test_shares_are_percentages():
    assert share(0.62) == "62 %" and share(0.003) == "0.3 %" and share(1.0) == "100 %"
