import numpy as np
import pytest

from bpstudio.core import ACTIVATIONS

Z = np.linspace(-3.0, 3.0, 13).reshape(1, -1) + 0.05  # keep clear of relu's kink at 0


def _numeric_vjp(fn, Z, G, eps=1e-6):
    out = np.empty_like(Z)
    for idx in np.ndindex(Z.shape):
        plus, minus = Z.copy(), Z.copy()
        plus[idx] += eps
        minus[idx] -= eps
        out[idx] = np.sum(G * (fn(plus) - fn(minus))) / (2 * eps)
    return out


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_derivative_matches_central_differences(name, rng):
    act = ACTIVATIONS[name]
    Zb = np.vstack([Z, rng.normal(size=(2, 13))])
    G = rng.normal(size=Zb.shape)
    A = act.fn(Zb)
    np.testing.assert_allclose(act.vjp(Zb, A, G.copy()), _numeric_vjp(act.fn, Zb, G), atol=1e-8)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_no_overflow_or_nan_at_large_inputs(name):
    act = ACTIVATIONS[name]
    Zb = np.array([[-1e4, -50.0, 0.0, 50.0, 1e4]])
    with np.errstate(over="ignore"):
        A = act.fn(Zb)
        S = act.vjp(Zb, A, np.ones_like(Zb))
    assert np.all(np.isfinite(A)) and np.all(np.isfinite(S))


def test_known_values():
    # σ(−0.02) = 0.49500016666..., the hidden output of seeds/004's worked example
    assert ACTIVATIONS["sigmoid"].fn(np.array([-0.02]))[0] == pytest.approx(0.4950001666)
    assert ACTIVATIONS["leaky_relu"].fn(np.array([-2.0]))[0] == -0.02
    assert ACTIVATIONS["relu"].fn(np.array([-2.0, 3.0])).tolist() == [0.0, 3.0]
    s = ACTIVATIONS["softmax"].fn(np.array([[1.0, 2.0, 3.0], [1e4, 0.0, -1e4]]))
    np.testing.assert_allclose(s.sum(axis=1), 1.0)
    assert s[1].tolist() == [1.0, 0.0, 0.0]


def test_sigmoid_slope_at_most_a_quarter():
    # the vanishing-gradient remark of seeds/004: σ′ ≤ 0.25, reached at z = 0
    act = ACTIVATIONS["sigmoid"]
    zs = np.linspace(-10, 10, 2001)
    slopes = act.slope(zs, act.fn(zs))
    assert slopes.max() == 0.25


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu", "identity"])
def test_float32_stays_float32(name):
    act = ACTIVATIONS[name]
    Z32 = Z.astype(np.float32)
    A = act.fn(Z32)
    assert A.dtype == np.float32
    assert act.vjp(Z32, A, np.ones_like(Z32)).dtype == np.float32
