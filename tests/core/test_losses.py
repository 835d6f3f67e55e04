import numpy as np
import pytest

from bpstudio.core import ACTIVATIONS, LOSSES
from bpstudio.core.losses import output_delta

PAIRS = [
    ("mse", "identity"), ("mse", "sigmoid"), ("mse", "tanh"), ("mse", "softmax"),
    ("binary_cross_entropy", "sigmoid"), ("cross_entropy", "softmax"),
]


def _targets(loss, rng, shape):
    if loss == "cross_entropy":
        return np.eye(shape[1])[rng.integers(0, shape[1], shape[0])]
    if loss == "binary_cross_entropy":
        return rng.integers(0, 2, shape).astype(float)
    return rng.normal(size=shape)


@pytest.mark.parametrize("loss_name, act_name", PAIRS)
def test_output_delta_matches_central_differences(loss_name, act_name, rng):
    loss, act = LOSSES[loss_name], ACTIVATIONS[act_name]
    Z = rng.normal(size=(4, 3))
    Y = _targets(loss_name, rng, Z.shape)

    def total(Zp):
        return loss.value(Zp, act.fn(Zp), Y)

    numeric = np.empty_like(Z)
    for idx in np.ndindex(Z.shape):
        plus, minus = Z.copy(), Z.copy()
        plus[idx] += 1e-6
        minus[idx] -= 1e-6
        numeric[idx] = (total(plus) - total(minus)) / 2e-6
    delta = output_delta(loss, act, Z, act.fn(Z), Y)
    np.testing.assert_allclose(delta, numeric, atol=1e-7)


@pytest.mark.parametrize("loss_name, act_name", PAIRS)
def test_grad_wrt_output_matches_central_differences(loss_name, act_name, rng):
    loss, act = LOSSES[loss_name], ACTIVATIONS[act_name]
    A = act.fn(rng.normal(size=(3, 2)))
    Y = _targets(loss_name, rng, A.shape)
    if loss_name == "mse":
        value = lambda Ap: loss.value(None, Ap, Y)  # noqa: E731
    elif loss_name == "binary_cross_entropy":
        value = lambda Ap: float(-np.sum(Y * np.log(Ap) + (1 - Y) * np.log(1 - Ap)))  # noqa: E731
    else:
        value = lambda Ap: float(-np.sum(Y * np.log(Ap)))  # noqa: E731
    numeric = np.empty_like(A)
    for idx in np.ndindex(A.shape):
        plus, minus = A.copy(), A.copy()
        plus[idx] += 1e-7
        minus[idx] -= 1e-7
        numeric[idx] = (value(plus) - value(minus)) / 2e-7
    np.testing.assert_allclose(loss.grad(A, Y), numeric, rtol=1e-5, atol=1e-7)


def test_mse_is_half_squared_norm_per_sample():
    # ½((1 − 3)² + (2 − 0)²) + ½(0²) = ½(4 + 4) = 4
    Y = np.array([[3.0, 0.0], [1.0, 1.0]])
    A = np.array([[1.0, 2.0], [1.0, 1.0]])
    assert LOSSES["mse"].value(A, A, Y) == 4.0


@pytest.mark.parametrize("z", [1e4, -1e4, 800.0, -800.0])
def test_cross_entropies_stay_finite_when_saturated(z):
    Z = np.array([[z]])
    with np.errstate(over="ignore"):
        A = ACTIVATIONS["sigmoid"].fn(Z)
        for y in (0.0, 1.0):
            Y = np.array([[y]])
            value = LOSSES["binary_cross_entropy"].value(Z, A, Y)
            assert np.isfinite(value)
            # a wrong, confident answer costs |z|; a right one costs about nothing
            expected = abs(z) if (z > 0) != (y == 1.0) else 0.0
            assert value == pytest.approx(expected, abs=1e-12)
        Z2 = np.array([[z, -z, 0.0]])
        A2 = ACTIVATIONS["softmax"].fn(Z2)
        value = LOSSES["cross_entropy"].value(Z2, A2, np.array([[0.0, 1.0, 0.0]]))
        # loss = logsumexp(z, −z, 0) − (−z) = |z| + z
        assert np.isfinite(value) and value == pytest.approx(abs(z) + z, abs=1e-9)
        assert np.all(np.isfinite(output_delta(LOSSES["cross_entropy"], ACTIVATIONS["softmax"],
                                               Z2, A2, np.array([[0.0, 1.0, 0.0]]))))
