import numpy as np
import pytest

from bpstudio.core import SGD, Adam, make_optimizer


def test_sgd_two_steps_by_hand():
    p, g = np.array([1.0, -2.0]), np.array([0.5, 1.0])
    opt = SGD(0.1)
    opt.update(p, g)
    # 1 − 0.1·0.5 = 0.95; −2 − 0.1·1 = −2.1
    np.testing.assert_allclose(p, [0.95, -2.1])
    opt.update(p, g)
    np.testing.assert_allclose(p, [0.9, -2.2])


def test_momentum_two_steps_by_hand():
    p, g = np.array([1.0]), np.array([1.0])
    opt = SGD(0.1, momentum=0.9)
    opt.update(p, g)  # v = −0.1, p = 0.9
    opt.update(p, g)  # v = 0.9·(−0.1) − 0.1 = −0.19, p = 0.71
    np.testing.assert_allclose(p, [0.71])
    np.testing.assert_allclose(opt.velocity, [-0.19])


def test_nesterov_two_steps_by_hand():
    p, g = np.array([1.0]), np.array([1.0])
    opt = SGD(0.1, momentum=0.9, nesterov=True)
    opt.update(p, g)  # v = −0.1; p += 0.9·(−0.1) − 0.1 = −0.19 → 0.81
    np.testing.assert_allclose(p, [0.81])
    opt.update(p, g)  # v = −0.19; p += 0.9·(−0.19) − 0.1 = −0.271 → 0.539
    np.testing.assert_allclose(p, [0.539])


def test_adam_two_steps_by_hand():
    p, g = np.array([1.0]), np.array([2.0])
    opt = Adam(lr=0.1)
    opt.update(p, g)
    # m = 0.2, v = 0.004; m̂ = 2, v̂ = 4 → step = 0.1·2/(2 + 1e-8) ≈ 0.1
    np.testing.assert_allclose(p, [0.9], rtol=1e-8)
    opt.update(p, g)
    # m = 0.38, v = 0.007996; m̂ = 2, v̂ = 4 again → another 0.1
    np.testing.assert_allclose(p, [0.8], rtol=1e-8)


def test_weight_decay_only_touches_the_decayed_part():
    p, g = np.array([2.0, 2.0]), np.zeros(2)
    SGD(0.5, weight_decay=0.1).update(p, g, n_decayed=1)
    # w ← w − η·λ·w = 2 − 0.5·0.1·2 = 1.9; the bias is left alone
    np.testing.assert_allclose(p, [1.9, 2.0])


@pytest.mark.parametrize("make", [
    lambda: SGD(0.05, momentum=0.8), lambda: SGD(0.05, momentum=0.5, nesterov=True),
    lambda: Adam(0.01),
])
def test_state_round_trip_is_bitwise(make, rng):
    grads = [rng.normal(size=5) for _ in range(6)]
    p1 = rng.normal(size=5)
    p2 = p1.copy()
    a, b = make(), make()
    for g in grads[:3]:
        a.update(p1, g)
        b.update(p2, g)
    c = make_optimizer(a.config())
    c.load_state(a.state())
    p3 = p1.copy()
    for g in grads[3:]:
        a.update(p1, g)
        c.update(p3, g)
    np.testing.assert_array_equal(p1, p3)


def test_state_is_a_copy(rng):
    opt = Adam(0.01)
    p = rng.normal(size=3)
    opt.update(p, np.ones(3))
    state = opt.state()
    state["m"][:] = 99.0
    assert not np.any(opt.m == 99.0)


def test_learning_rate_changes_between_steps():
    p = np.array([0.0])
    opt = SGD(0.1)
    opt.update(p, np.array([1.0]))
    opt.lr = 1.0
    opt.update(p, np.array([1.0]))
    np.testing.assert_allclose(p, [-1.1])


@pytest.mark.parametrize("make, match", [
    (lambda: SGD(0), "lr"), (lambda: SGD(-1), "lr"), (lambda: SGD(float("nan")), "lr"),
    (lambda: SGD(0.1, momentum=1.0), "momentum"), (lambda: SGD(0.1, nesterov=True), "nesterov"),
    (lambda: Adam(beta1=1.5), "beta1"), (lambda: Adam(beta2=-0.1), "beta2"),
    (lambda: Adam(eps=0), "eps"), (lambda: SGD(0.1, weight_decay=-1), "weight_decay"),
    (lambda: make_optimizer({"name": "adm", "lr": 0.1}), "did you mean 'adam'"),
    (lambda: make_optimizer({"name": "sgd", "lr": 0.1, "speed": 2}), "optimizer"),
])
def test_bad_settings_name_the_field(make, match):
    with pytest.raises(ValueError, match=match):
        make()


@pytest.mark.parametrize("config", [
    {"name": "sgd", "lr": 0.3},
    {"name": "sgd", "lr": 0.3, "momentum": 0.9},
    {"name": "sgd", "lr": 0.3, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01},
    {"name": "adam", "lr": 0.01, "weight_decay": 0.1},
])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_working_in_the_gradient_buffer_gives_the_same_numbers(config, dtype):
    rng = np.random.default_rng(3)
    start = rng.normal(size=40).astype(dtype)
    grads = [rng.normal(size=40).astype(dtype) for _ in range(4)]
    kept, overwritten = start.copy(), start.copy()
    a, b = make_optimizer(config), make_optimizer(config)
    for g in grads:
        before = g.copy()
        a.update(kept, g, 30)
        np.testing.assert_array_equal(g, before)  # without overwrite_grads they stay
        b.update(overwritten, g.copy(), 30, overwrite_grads=True)
    np.testing.assert_array_equal(kept, overwritten)  # bit for bit
    assert kept.dtype == dtype
