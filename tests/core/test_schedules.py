"""Learning-rate schedules: each kind's η against its formula worked by hand, the registry's
parameters, properties over all of them, and the trainer setting η once per epoch."""

import math
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpstudio.core import SGD, Network, Trainer
from bpstudio.core.schedules import (
    SCHEDULES,
    SMALLEST_FACTOR,
    PlateauState,
    Schedule,
    preview,
)
from bpstudio.limits import MAX_EPOCHS


def etas(schedule, epochs, eta0=0.8):
    return [eta0 * schedule.factor(t) for t in range(1, epochs + 1)]


def test_constant_keeps_eta0():
    assert etas(Schedule(), 3) == [0.8, 0.8, 0.8]


def test_step_decay_halves_every_two_epochs():
    assert etas(Schedule("step", {"every": 2, "factor": 0.5}), 6) == [
        0.8, 0.8, 0.4, 0.4, 0.2, 0.2]


def test_exponential_multiplies_by_gamma_each_epoch():
    assert etas(Schedule("exponential", {"gamma": 0.5}), 4) == [0.8, 0.4, 0.2, 0.1]


def test_invscaling_is_scikit_learns_formula_with_t_counting_epochs():
    # scikit-learn: eta = eta0 / pow(t, power_t); here eta0 times the factor 1 / t^power_t,
    # which may differ from the quotient in the last bit
    schedule = Schedule("invscaling", {"power_t": 0.5})
    assert etas(schedule, 4) == [0.8 * (1 / t**0.5) for t in (1, 2, 3, 4)]
    assert etas(schedule, 4) == pytest.approx([0.8 / 1.0, 0.8 / 2**0.5, 0.8 / 3**0.5, 0.4],
                                              rel=1e-15, abs=0)
    assert Schedule("invscaling").params == {"power_t": 0.5}  # scikit-learn's default


def test_cosine_anneals_from_eta0_to_the_lowest_factor_and_stays():
    schedule = Schedule("cosine", {"period": 4, "min_factor": 0.1})
    expected = [0.1 + 0.9 * (1 + math.cos(math.pi * k / 4)) / 2 for k in (0, 1, 2, 3, 4, 4)]
    assert [schedule.factor(t) for t in range(1, 7)] == expected
    assert expected[0] == 1.0 and expected[2] == pytest.approx(0.55) and expected[4] == 0.1


def test_plateau_cuts_the_factor_after_patience_epochs_without_improvement():
    schedule = Schedule("plateau", {"factor": 0.5, "patience": 2, "threshold": 0.1,
                                    "min_factor": 0.2})
    state = schedule.start_state()
    seen = []
    for loss in (1.0, 0.95, 0.95, 0.5, 0.49, 0.48, 0.48, 0.48, 0.48):
        state = schedule.after_epoch(state, loss)
        seen.append((state.best, state.wait, state.factor))
    assert seen == [
        (1.0, 0, 1.0),  # the first loss improves on infinity
        (1.0, 1, 1.0),  # 0.95 is not below 1.0 * (1 - 0.1)
        (1.0, 0, 0.5),  # two epochs without: the factor halves, the count restarts
        (0.5, 0, 0.5),
        (0.5, 1, 0.5),
        (0.5, 0, 0.25),
        (0.5, 1, 0.25),
        (0.5, 0, 0.2),  # never below min_factor
        (0.5, 1, 0.2),
    ]
    assert schedule.factor(99, state) == 0.2


def test_stateless_kinds_keep_no_state():
    for name, kind in SCHEDULES.items():
        schedule = Schedule(name)
        assert (schedule.start_state() is not None) == kind.stateful == (name == "plateau")
        assert schedule.after_epoch(None, 1.0) is None


def test_parameters_left_out_take_their_defaults_and_each_is_checked_by_name():
    assert Schedule("step").params == {"every": 100, "factor": 0.5}
    with pytest.raises(ValueError, match=r"^schedule\.every: must be a whole number from 1 "):
        Schedule("step", {"every": 0})
    with pytest.raises(ValueError, match=r"^schedule\.factor: must be a number in \(0, 1\]"):
        Schedule("step", {"factor": 0.0})
    with pytest.raises(ValueError, match=r"^schedule\.gamma: the 'step' schedule takes every, "
                                         "factor"):
        Schedule("step", {"gamma": 0.5})
    with pytest.raises(ValueError, match=r"^schedule: unknown name 'stepp' \(did you mean "):
        Schedule("stepp")
    with pytest.raises(ValueError, match=r"^schedule\.every: "):
        Schedule("step", {"every": 2.0})  # a number of epochs is whole


@pytest.mark.parametrize("name", list(SCHEDULES))
def test_every_default_is_within_its_own_range(name):
    for param in SCHEDULES[name].params:
        assert param.check("p", param.default) == param.default
        assert param.schema()["maximum"] == param.high


def test_kinds_have_their_own_words():
    labels = [kind.label for kind in SCHEDULES.values()]
    assert len(set(labels)) == len(labels) and all(labels)


def test_preview_is_eta_over_the_epochs_and_plateau_previews_flat():
    assert preview(Schedule("exponential", {"gamma": 0.5}), 3, 0.8).tolist() == [0.8, 0.4, 0.2]
    assert preview(Schedule("plateau"), 3, 0.8).tolist() == [0.8] * 3


def test_a_factor_never_underflows_to_zero():
    assert Schedule("exponential", {"gamma": 0.5}).factor(MAX_EPOCHS) == SMALLEST_FACTOR


# -- properties ---------------------------------------------------------------------------------


@st.composite
def schedules(draw):
    name = draw(st.sampled_from(list(SCHEDULES)))
    params = {}
    for p in SCHEDULES[name].params:
        if p.whole:
            params[p.name] = draw(st.integers(int(p.low), min(int(p.high), 10**6)))
        else:
            value = draw(st.floats(p.low, p.high, exclude_min=p.low_open))
            params[p.name] = value
    return Schedule(name, params)


EPOCHS = st.integers(1, MAX_EPOCHS)


@given(schedules(), EPOCHS, st.floats(1e-6, 10.0))
def test_eta_is_positive_and_finite(schedule, epoch, eta0):
    eta = eta0 * schedule.factor(epoch, schedule.start_state())
    assert math.isfinite(eta) and eta > 0


@given(schedules(), EPOCHS, EPOCHS)
def test_the_decaying_kinds_never_rise_and_never_pass_eta0(schedule, a, b):
    a, b = sorted((a, b))
    first, later = schedule.factor(a), schedule.factor(b)
    assert later <= first <= 1.0


@given(st.lists(st.floats(0, 10), max_size=40), schedules())
def test_plateaus_factor_only_falls_and_stays_above_its_floor(losses, schedule):
    schedule = Schedule("plateau", {k: v for k, v in schedule.params.items()
                                    if k in ("factor", "patience", "threshold",
                                             "min_factor")} if schedule.name == "plateau"
                        else {})
    state, factors = schedule.start_state(), [1.0]
    for loss in losses:
        state = schedule.after_epoch(state, loss)
        factors.append(state.factor)
    assert all(b <= a for a, b in pairwise(factors))
    assert all(f >= min(schedule.params["min_factor"], 1.0) for f in factors)


# -- the trainer sets η once per epoch ----------------------------------------------------------


def make_trainer(schedule, batch_size=2):
    net = Network([1, 3, 1], ["tanh", "identity"], seed=1)
    return Trainer(net, SGD(0.1), batch_size=batch_size, seed=0, schedule=schedule)


X = np.linspace(-1, 1, 8).reshape(-1, 1)
Y = np.sin(3 * X)


def test_the_trainer_sets_eta_before_each_epoch_and_records_it():
    trainer = make_trainer(Schedule("step", {"every": 2, "factor": 0.5}))
    trainer.fit(X, Y, 5)
    assert trainer.history.learning_rate == [0.1, 0.1, 0.05, 0.05, 0.025]
    assert trainer.optimizer.lr == 0.025  # the sixth epoch's
    trainer.set_learning_rate(1.0)
    assert trainer.optimizer.lr == 0.25  # a new eta0, the schedule's shape kept


def test_a_scheduled_trainer_trains_as_one_given_each_epochs_rate_by_hand():
    schedule = Schedule("invscaling", {"power_t": 1.0})
    scheduled = make_trainer(schedule)
    scheduled.fit(X, Y, 4)
    by_hand = make_trainer(None)
    for t in range(1, 5):
        by_hand.optimizer.lr = 0.1 / t
        by_hand.fit(X, Y, 1)
    assert scheduled.net.parameters.tobytes() == by_hand.net.parameters.tobytes()


def test_a_constant_schedule_is_no_schedule():
    trainer = make_trainer(Schedule())
    assert trainer.schedule is None and trainer.plateau is None


def test_plateau_state_travels_with_the_trainers_state():
    trainer = make_trainer(Schedule("plateau", {"patience": 1, "factor": 0.5}))
    trainer.fit(X, Y, 3)
    state = trainer.state()
    assert isinstance(state.plateau, PlateauState) and state.plateau.best < math.inf
    other = make_trainer(Schedule("plateau", {"patience": 1, "factor": 0.5}))
    other.load_state(state)
    assert other.plateau == state.plateau and other.optimizer.lr == trainer.optimizer.lr
