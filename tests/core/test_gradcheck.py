import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bpstudio.core import LOSSES, Network
from bpstudio.core.gradcheck import gradient_check, numerical_gradient

HIDDEN = ["sigmoid", "tanh", "relu", "leaky_relu", "identity"]
OUTPUTS = {
    "mse": ["sigmoid", "tanh", "relu", "leaky_relu", "identity", "softmax"],
    "binary_cross_entropy": ["sigmoid"],
    "cross_entropy": ["softmax"],
}


@st.composite
def problems(draw):
    loss = draw(st.sampled_from(sorted(LOSSES)))
    out_act = draw(st.sampled_from(OUTPUTS[loss]))
    hidden = draw(st.lists(st.integers(1, 5), min_size=0, max_size=2))
    n_in = draw(st.integers(1, 4))
    n_out = draw(st.integers(2, 3)) if out_act == "softmax" else draw(st.integers(1, 3))
    acts = [draw(st.sampled_from(HIDDEN)) for _ in hidden] + [out_act]
    reduction = draw(st.sampled_from(["mean", "sum"]))
    seed = draw(st.integers(0, 2**16))
    n = draw(st.integers(1, 6))
    return loss, [n_in, *hidden, n_out], acts, reduction, seed, n


def _targets(loss, rng, n, n_out):
    if loss == "cross_entropy":
        return rng.integers(0, n_out, n)
    if loss == "binary_cross_entropy":
        return rng.random((n, n_out))
    return rng.normal(size=(n, n_out))


@settings(max_examples=150, deadline=None)
@given(problems())
def test_backprop_matches_finite_differences(problem):
    loss, sizes, acts, reduction, seed, n = problem
    rng = np.random.default_rng(seed)
    net = Network(sizes, acts, loss=loss, reduction=reduction, init="symmetric_uniform",
                  seed=seed)
    X = rng.normal(size=(n, sizes[0]))
    Y = _targets(loss, rng, n, sizes[-1])
    # no assumption about ReLU kinks: the check steps around them (test_gradcheck_kinks.py)
    # central differences carry a rounding error near 1e-16·|L|/ε ≈ 1e-10·|L|, so a relative
    # error below 1e-7 is only measurable for gradients that are not vanishingly small
    loss, dW, db = net.loss_and_gradients(X, Y)
    assume(min(np.linalg.norm(g) for g in dW + db) > 1e-2 * max(1.0, loss))
    errors = gradient_check(net, X, Y)
    assert max(errors.values()) < 1e-7, errors


def test_report_names_every_array_and_leaves_weights_alone(rng):
    net = Network([2, 3, 1], ["tanh", "sigmoid"], loss="binary_cross_entropy", seed=0)
    before = net.parameters.copy()
    report = gradient_check(net, rng.normal(size=(4, 2)), [1, 0, 1, 1])
    assert list(report) == ["W1", "W2", "b1", "b2"]
    np.testing.assert_array_equal(net.parameters, before)


def test_a_broken_gradient_is_caught(rng, monkeypatch):
    net = Network([2, 3, 1], ["tanh", "identity"], seed=0)
    X, Y = rng.normal(size=(4, 2)), rng.normal(size=(4, 1))
    numeric = numerical_gradient(net, X, Y)
    _, dW, db = net.loss_and_gradients(X, Y)
    np.testing.assert_allclose(np.concatenate([g.ravel() for g in dW + db]), numeric, atol=1e-8)
    # a backward pass that forgets the activation slope must fail the check
    from bpstudio.core import ACTIVATIONS
    monkeypatch.setattr(type(ACTIVATIONS["tanh"]), "vjp", lambda self, Z, A, G: G)
    assert gradient_check(net, X, Y)["W1"] > 1e-3
