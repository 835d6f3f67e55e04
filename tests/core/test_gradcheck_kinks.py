"""The gradient check beside ReLU kinks: steps around them, never a false alarm, and a
wrong derivative is still caught (issue #11, finding 2)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.core import ACTIVATIONS, Activation, Network, Trainer, gradient_check, make_dataset
from bpstudio.core.diagnostics import check_gradients
from bpstudio.core.gradcheck import numerical_gradient, numerical_gradient_steps
from bpstudio.core.network import run_steps
from bpstudio.core.optimizers import SGD

EPS = 1e-6


def _plain_central_differences(net, X, Y, eps=EPS):
    """Central differences with no regard for kinks: the check as it was."""
    theta = net.parameters
    grad = np.empty_like(theta)
    for i in range(theta.size):
        keep = theta[i]
        theta[i] = keep + eps
        plus = net.loss(X, Y)
        theta[i] = keep - eps
        minus = net.loss(X, Y)
        theta[i] = keep
        grad[i] = (plus - minus) / (2 * eps)
    return grad


def _gaussians_relu_after(epochs):
    """The issue's network: Gaussians, 4 classes, one relu layer, he_normal, trained."""
    data = make_dataset("gaussians", classes=4)
    net = Network([2, 8, 4], ["relu", "softmax"], loss="cross_entropy", init="he_normal",
                  seed=0)
    Trainer(net, SGD(0.05), shuffle=False, seed=0).fit(data.X, data.y, epochs)
    return net, data.X, data.y


def test_the_issue_case_a_sample_beside_the_kink_is_not_a_false_alarm():
    net, X, Y = _gaussians_relu_after(500)
    Z = net.forward(X).preactivations[0]
    # one sample sits closer to the kink than a step of W1 moves its z (ε·|x|)
    reach = EPS * np.abs(X).max(axis=1, keepdims=True)
    assert np.min(np.abs(Z) / reach) < 1.0
    analytic = net.backward(net.forward(X), Y).vector
    plain = _plain_central_differences(net, X, Y)
    W1 = slice(0, 16)
    plain_error = np.linalg.norm(analytic[W1] - plain[W1]) / np.linalg.norm(analytic[W1])
    assert plain_error > 1e-5  # stepping across the kink: the old false alarm

    report = check_gradients(net, X, Y)
    assert report.all_agree and report.errors["W1"] < 1e-8
    assert report.not_comparable == 0  # stepped around on one side, not left out


def _one_hidden_relu(activation="relu"):
    net = Network([2, 3, 1], [activation, "identity"], init="symmetric_uniform", seed=3)
    X = np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5], [1.0, 1.0]])
    Y = np.array([[0.3], [-0.2], [0.8], [0.1]])
    return net, X, Y


@pytest.mark.parametrize("activation", ["relu", "leaky_relu"])
@pytest.mark.parametrize("offset", [0.0, 3e-7, -3e-7, 0.9e-6, -0.9e-6])
def test_a_unit_exactly_at_or_beside_its_kink_is_stepped_around(activation, offset):
    net, X, Y = _one_hidden_relu(activation)
    # put sample 1's z of unit 0 at `offset` from the kink: b1[0] moves it by exactly ε
    z = X[1] @ net.weights[0][:, 0] + net.biases[0][0]
    net.biases[0][0] += offset - z
    analytic = net.backward(net.forward(X), Y).vector
    steps = run_steps(numerical_gradient_steps(net, X, Y))
    assert not steps.at_kink.any()
    np.testing.assert_allclose(steps.gradient, analytic, rtol=1e-7, atol=1e-9)
    assert check_gradients(net, X, Y).all_agree


def test_an_entry_whose_steps_cross_kinks_on_both_sides_is_not_comparable():
    net, X, Y = _one_hidden_relu()
    # samples 0 and 1 straddle unit 0's kink by half a step: moving b1[0] by +ε switches
    # sample 0 on, by −ε switches sample 1 off; no side of b1[0] is clear
    W, b = net.weights[0], net.biases[0]
    X[1] = X[0] + np.array([1e-6 / W[0, 0], 0.0])
    b[0] = -(X[0] @ W[:, 0]) - 0.5e-6
    Z = net.forward(X).preactivations[0][:, 0]
    assert Z[0] < 0 < Z[1] < EPS
    b1 = net.n_weight_params  # b1[0], the first bias
    steps = run_steps(numerical_gradient_steps(net, X, Y))
    assert steps.at_kink[b1] and np.isnan(steps.gradient[b1])
    assert np.isnan(numerical_gradient(net, X, Y)[b1])
    report = check_gradients(net, X, Y)
    assert report.at_kink["b1"] == 1 and report.not_comparable >= 1
    assert report.all_agree and report.worst_label != "b1[0]"
    assert np.isfinite(gradient_check(net, X, Y)["b1"])


def test_a_wrong_relu_derivative_is_still_caught_beside_a_kink(monkeypatch):
    net, X, Y = _gaussians_relu_after(500)
    relu = type(ACTIVATIONS["relu"])

    def half_slope(self, Z, A, G):
        G *= 0.5 * (Z > 0)
        return G

    monkeypatch.setattr(relu, "vjp", half_slope)
    report = check_gradients(net, X, Y)
    assert not report.all_agree
    assert report.worst_name in ("W1", "b1") and report.errors["W1"] > 0.1


def test_a_wrong_slope_below_the_kink_is_caught_with_a_sample_at_the_kink(monkeypatch):
    # leaky_relu's slope below 0 taken as 0.02 instead of 0.01; sample 2 sits at unit 1's kink
    net, X, Y = _one_hidden_relu("leaky_relu")
    z = X[2] @ net.weights[0][:, 1] + net.biases[0][1]
    net.biases[0][1] -= z + 2e-7
    assert check_gradients(net, X, Y).all_agree

    def wrong_slope(self, Z, A, G):  # Activation.vjp serves leaky_relu (identity has its own)
        G *= np.where(Z > 0, 1.0, 0.02)
        return G

    monkeypatch.setattr(Activation, "vjp", wrong_slope)
    report = check_gradients(net, X, Y)
    assert not report.all_agree and report.worst_name in ("W1", "b1")


@st.composite
def relu_problems(draw):
    """A random ReLU network with some samples put within a step of a kink."""
    hidden = draw(st.lists(st.integers(1, 5), min_size=1, max_size=3))
    acts = [draw(st.sampled_from(["relu", "leaky_relu"])) for _ in hidden]
    n_in, n = draw(st.integers(1, 3)), draw(st.integers(1, 6))
    loss, out = draw(st.sampled_from([("mse", "identity"), ("cross_entropy", "softmax"),
                                      ("mse", "relu")]))
    n_out = draw(st.integers(2, 3))
    seed = draw(st.integers(0, 2**16))
    offsets = draw(st.lists(st.sampled_from([0.0, 1e-7, -1e-7, 5e-7, -5e-7, 2e-6, -2e-6]),
                            min_size=1, max_size=4))
    init = draw(st.sampled_from(["he_normal", "symmetric_uniform"]))
    reduction = draw(st.sampled_from(["mean", "sum"]))
    return [n_in, *hidden, n_out], [*acts, out], loss, n, seed, offsets, init, reduction


@settings(max_examples=120, deadline=None)
@given(relu_problems())
def test_a_correct_relu_backprop_is_never_called_wrong(problem):
    sizes, acts, loss, n, seed, offsets, init, reduction = problem
    rng = np.random.default_rng(seed)
    net = Network(sizes, acts, loss=loss, reduction=reduction, init=init, seed=seed)
    X = rng.normal(size=(n, sizes[0]))
    Y = rng.integers(0, sizes[-1], n) if loss == "cross_entropy" else rng.normal(
        size=(n, sizes[-1]))
    # move biases so that chosen samples sit at chosen distances from a unit's kink
    for offset in offsets:
        layer = int(rng.integers(0, len(sizes) - 2))
        unit, row = int(rng.integers(0, sizes[layer + 1])), int(rng.integers(0, n))
        z = net.forward(X).preactivations[layer][row, unit]
        net.biases[layer][unit] += offset - z
    report = check_gradients(net, X, Y)
    assert report.all_agree, (report.errors, report.differences, report.noise)
