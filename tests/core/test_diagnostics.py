"""Gradient sizes, weight spreads, hidden outputs and the gradient check report."""

from dataclasses import replace

import numpy as np
import pytest

from bpstudio.core import Network, gradient_check
from bpstudio.core.diagnostics import (
    WEIGHT_PERCENTILES,
    check_gradients,
    hidden_outputs,
    mean_abs_gradients,
    weight_percentiles,
)


def _data(rng, n=12, n_in=2):
    X = rng.normal(size=(n, n_in))
    return X, (X[:, :1] * X[:, 1:2] > 0).astype(float)


def test_mean_abs_gradients_per_layer(rng):
    net = Network([2, 4, 3, 1], ["tanh", "relu", "sigmoid"], loss="binary_cross_entropy", seed=1)
    X, Y = _data(rng)
    _, dW, _ = net.loss_and_gradients(X, Y)
    got = mean_abs_gradients(net, X, Y)
    assert got == tuple(float(np.abs(g).mean()) for g in dW)
    assert len(got) == 3


def test_deep_sigmoid_gradients_vanish_towards_the_input(rng):
    net = Network([2, *[8] * 6, 1], ["sigmoid"] * 7, seed=0)
    X, Y = _data(rng, n=32)
    first, *_, last = mean_abs_gradients(net, X, Y)
    assert first < last / 20  # σ′ ≤ 0.25 per layer on the way back


def test_weight_percentiles():
    W1 = np.arange(11.0).reshape(1, 11)
    W2 = np.array([[-1.0], [1.0]])
    p = weight_percentiles((W1, W2))
    assert p.shape == (2, len(WEIGHT_PERCENTILES))
    assert p[0].tolist() == [0.0, 1.0, 2.5, 5.0, 7.5, 9.0, 10.0]
    assert p[1, 0] == -1.0 and p[1, 3] == 0.0 and p[1, -1] == 1.0


def test_hidden_outputs_are_the_forward_activations(rng):
    net = Network([2, 5, 3, 1], ["tanh", "sigmoid", "identity"], seed=2)
    grid = rng.uniform(-1, 1, size=(40, 2))
    out = hidden_outputs(net, grid)
    trace = net.forward(grid)
    assert [a.shape for a in out] == [(40, 5), (40, 3)]
    for a, expected in zip(out, trace.activations[1:-1]):
        np.testing.assert_array_equal(a, expected)
        assert not a.flags.writeable
    assert hidden_outputs(Network([2, 1], ["identity"]), grid) == []


def test_check_gradients_matches_gradient_check_and_passes(rng):
    net = Network([2, 4, 1], ["tanh", "sigmoid"], loss="binary_cross_entropy", seed=3)
    X, Y = _data(rng)
    report = check_gradients(net, X, Y)
    assert report.errors == gradient_check(net, X, Y)
    assert report.max_error < 1e-7
    assert report.worst_name in report.errors


def test_check_gradients_names_the_wrong_weight(rng, monkeypatch):
    net = Network([2, 3, 2], ["tanh", "identity"], seed=4)
    X, Y = rng.normal(size=(6, 2)), rng.normal(size=(6, 2))
    real_backward = net.backward
    # W2 has shape (3, 2); flat entry 6 + 3 is W2[1, 1] (W1 holds the first 6 numbers)
    corrupt = 6 + 3

    def broken_backward(trace, Y):
        grads = real_backward(trace, Y)
        vector = grads.vector.copy()
        vector[corrupt] += 0.5
        return replace(grads, vector=vector)

    monkeypatch.setattr(net, "backward", broken_backward)
    report = check_gradients(net, X, Y)
    assert report.worst_label == "W2[1, 1]"
    assert report.worst_analytic - report.worst_numeric == pytest.approx(0.5, abs=1e-6)
    assert report.errors["W2"] > 1e-3 and report.errors["W1"] < 1e-7
    assert report.max_error == report.errors["W2"]


def test_check_gradients_names_biases(rng, monkeypatch):
    net = Network([2, 3, 1], ["tanh", "identity"], seed=4)
    X, Y = rng.normal(size=(5, 2)), rng.normal(size=(5, 1))
    real_backward = net.backward

    def broken_backward(trace, Y):
        grads = real_backward(trace, Y)
        vector = grads.vector.copy()
        vector[-1] -= 1.0  # b2[0], the last parameter
        return replace(grads, vector=vector)

    monkeypatch.setattr(net, "backward", broken_backward)
    assert check_gradients(net, X, Y).worst_label == "b2[0]"


def test_a_gradient_that_is_zero_is_judged_by_its_difference_not_its_relative_error(rng):
    # identity output, MSE: dL/db2 is the mean residual; move b2 so that it is (nearly) 0
    net = Network([2, 3, 1], ["tanh", "identity"], seed=4)
    X, Y = rng.normal(size=(8, 2)), rng.normal(size=(8, 1))
    net.biases[1] += float(np.mean(Y - net.predict(X)))
    report = check_gradients(net, X, Y)
    assert abs(net.loss_and_gradients(X, Y)[2][1][0]) < 1e-12
    assert report.errors["b2"] > 1e-7  # finite-difference noise over a gradient of ~0
    assert report.differences["b2"] <= report.noise and report.agrees("b2")
    assert report.all_agree
