"""The worked examples of the seed articles (shared/seeds), reproduced by the core."""

import numpy as np
import pytest

from bpstudio.core import SGD, Network, Trainer


def test_two_input_worked_example():
    """seeds/004: inputs (0.1, 0.3), weights (0.4, −0.2) then 0.1, target 1, η = 0.5."""
    net = Network([2, 1, 1], ["sigmoid", "sigmoid"], bias=False)
    net.weights[0][:] = [[0.4], [-0.2]]
    net.weights[1][:] = [[0.1]]
    X, Y = np.array([[0.1, 0.3]]), np.array([[1.0]])

    trace = net.forward(X)
    # h = 0.1·0.4 − 0.3·0.2 = −0.02, a = σ(−0.02) = 0.495
    assert trace.preactivations[0][0, 0] == pytest.approx(-0.02, abs=1e-15)
    assert round(trace.activations[1][0, 0], 3) == 0.495
    # ŷ = σ(0.1·0.495) = 0.512
    assert round(trace.output[0, 0], 3) == 0.512

    grads = net.backward(trace, Y)
    # δ° = (y − ŷ)·ŷ(1 − ŷ) = 0.488·0.512·0.488 = 0.122; our delta is ∂L/∂z, the negative
    assert round(-grads.deltas[1][0, 0], 3) == 0.122
    # δʰ = W·δ°·a(1 − a) = 0.1·0.122·0.495·0.505 = 0.003
    assert round(-grads.deltas[0][0, 0], 3) == 0.003

    lr = 0.5
    before = [w.copy() for w in net.weights]
    Trainer(net, SGD(lr)).step(X, Y)
    # ΔW = η·δ°·a = 0.5·0.122·0.495 = 0.0302
    assert round(net.weights[1][0, 0] - before[1][0, 0], 4) == 0.0302
    # Δw = η·δʰ·x = (0.5·0.003·0.1, 0.5·0.003·0.3) = (0.00015, 0.00045); the article rounds δʰ
    # to 0.003 first, unrounded it is 0.0030455, giving (0.000152, 0.000457)
    dw = (net.weights[0] - before[0]).ravel()
    np.testing.assert_allclose(dw, [0.00015, 0.00045], atol=1e-5)
    np.testing.assert_allclose(dw, 0.5 * 0.0030455 * np.array([0.1, 0.3]), rtol=1e-4)


def test_three_input_exercise_matches_the_articles_code():
    """seeds/004 exercise: x = (0.5, 0.1, −0.2), target 0.6, η = 0.5, given weights."""
    W1 = np.array([[0.5, -0.6], [0.1, -0.2], [0.1, 0.7]])
    W2 = np.array([[0.1], [-0.3]])
    x = np.array([0.5, 0.1, -0.2])
    net = Network([3, 2, 1], ["sigmoid", "sigmoid"], bias=False)
    net.weights[0][:], net.weights[1][:] = W1, W2
    Trainer(net, SGD(0.5)).step(x.reshape(1, -1), [[0.6]])

    # the article's solution, line by line
    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    hidden = sigmoid(x @ W1)
    out = sigmoid(hidden @ W2[:, 0])
    out_term = (0.6 - out) * out * (1 - out)
    hidden_term = out_term * W2[:, 0] * hidden * (1 - hidden)
    np.testing.assert_allclose(net.weights[1][:, 0] - W2[:, 0], 0.5 * out_term * hidden,
                               rtol=1e-12)
    np.testing.assert_allclose(net.weights[0] - W1, 0.5 * hidden_term * x[:, None], rtol=1e-12)


def test_binary_example_learns_targets_one_one_zero():
    """seeds/001: 3×4 binary inputs, 4-3-1 sigmoid, U[0,1) init, η = 0.1, 5000 epochs."""
    X = np.array([[1, 0, 1, 0], [1, 0, 1, 1], [0, 1, 0, 1]], dtype=float)
    Y = np.array([[1.0], [1.0], [0.0]])
    net = Network([4, 3, 1], ["sigmoid", "sigmoid"], init="uniform", reduction="sum", seed=0)
    Trainer(net, SGD(0.1)).fit(X, Y, 5000)
    out = net.predict(X).ravel()
    # the article reports [0.985, 0.970, 0.042] for its random start
    assert out[0] > 0.95 and out[1] > 0.95 and out[2] < 0.07


def test_binary_example_is_bitwise_the_articles_loop():
    """Same start, same arithmetic: our update equals the article's `wout += h.T·d·lr` loop."""
    X = np.array([[1, 0, 1, 0], [1, 0, 1, 1], [0, 1, 0, 1]], dtype=float)
    y = np.array([[1.0], [1.0], [0.0]])
    net = Network([4, 3, 1], ["sigmoid", "sigmoid"], init="uniform", reduction="sum", seed=3)
    wh, wout = net.weights[0].copy(), net.weights[1].copy()
    bh, bout = net.biases[0].copy(), net.biases[1].copy()
    Trainer(net, SGD(0.1)).fit(X, y, 50)

    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    for _ in range(50):
        h = sigmoid(X @ wh + bh)
        out = sigmoid(h @ wout + bout)
        d_out = (y - out) * (out * (1 - out))
        d_h = (d_out @ wout.T) * (h * (1 - h))
        wout += (h.T @ d_out) * 0.1
        bout += d_out.sum(axis=0) * 0.1
        wh += (X.T @ d_h) * 0.1
        bh += d_h.sum(axis=0) * 0.1
    np.testing.assert_array_equal(net.weights[0], wh)
    np.testing.assert_array_equal(net.weights[1], wout)
    np.testing.assert_array_equal(net.biases[0], bh)
    np.testing.assert_array_equal(net.biases[1], bout)


def test_sin_fit_reaches_small_error_against_the_clean_sine():
    """seeds/000: 1-100-1 sigmoid/identity, η = 0.05, 3000 full-batch steps, x in [−3, 3]."""
    rng = np.random.default_rng(0)
    x = np.linspace(-3, 3, 100).reshape(-1, 1)
    y = np.sin(x) + rng.normal(0, 0.1, x.shape)
    net = Network([1, 100, 1], ["sigmoid", "identity"], init="uniform", seed=0)
    Trainer(net, SGD(0.05), shuffle=False).fit(x, y, 3000)
    assert np.mean((net.predict(x) - np.sin(x)) ** 2) < 0.01


def test_eight_point_classifier_gets_every_point_right():
    """seeds/000: 8 labelled points, 2-4-1 sigmoid, U[−1,1) weights, no bias, η = 0.1."""
    X = np.array([[3, 1], [2, 5], [1, 8], [6, 4], [5, 2], [3, 5], [4, 7], [4, -1]], float)
    y = np.array([0, 1, 1, 0, 0, 1, 1, 0])
    net = Network([2, 4, 1], ["sigmoid", "sigmoid"], init="symmetric_uniform", bias=False,
                  reduction="sum", seed=0)
    Trainer(net, SGD(0.1)).fit(X, y, 10000)
    assert ((net.predict(X).ravel() > 0.5).astype(int) == y).all()


def test_single_layer_linear_regression_converges_to_the_target():
    """seeds/003: x = (1, 2, 3), y = 1, no activation, C = (ŷ − y)², α = 0.001, 200 steps."""
    net = Network([3, 1], ["identity"], init="uniform", reduction="sum", seed=0)
    X, Y = np.array([[1.0, 2.0, 3.0]]), np.array([[1.0]])
    start = net.predict(X)[0, 0]
    # our MSE is ½(ŷ − y)², so η = 2α gives the article's step α·2(ŷ − y)
    trainer = Trainer(net, SGD(0.002))
    first = trainer.step(X, Y)
    assert first == pytest.approx(0.5 * (start - 1.0) ** 2)
    # one step shrinks the error by (1 − α·2·‖[1, x]‖²) = 1 − 0.002·15 = 0.97
    assert net.predict(X)[0, 0] - 1.0 == pytest.approx((start - 1.0) * 0.97)
    trainer.fit(X, Y, 199)
    assert abs(net.predict(X)[0, 0] - 1.0) < abs(start - 1.0) * 0.97**200 * 1.0001
