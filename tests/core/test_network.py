import numpy as np
import pytest

from bpstudio.core import Network
from tests.steps import chunks_and_result


def test_shapes_and_trace(rng):
    net = Network([3, 5, 4, 2], ["tanh", "relu", "softmax"], loss="cross_entropy", seed=0)
    assert [w.shape for w in net.weights] == [(3, 5), (5, 4), (4, 2)]
    assert [b.shape for b in net.biases] == [(5,), (4,), (2,)]
    X = rng.normal(size=(7, 3))
    trace = net.forward(X)
    assert trace.activations[0] is not None and trace.activations[0].shape == (7, 3)
    assert [z.shape for z in trace.preactivations] == [(7, 5), (7, 4), (7, 2)]
    assert [a.shape for a in trace.activations] == [(7, 3), (7, 5), (7, 4), (7, 2)]
    np.testing.assert_allclose(trace.output.sum(axis=1), 1.0)
    np.testing.assert_array_equal(net.predict(X), trace.output)
    grads = net.backward(trace, rng.integers(0, 2, 7))
    assert [d.shape for d in grads.deltas] == [(7, 5), (7, 4), (7, 2)]
    assert [g.shape for g in grads.dW] == [(3, 5), (5, 4), (4, 2)]


def test_forward_is_the_layer_formula(rng):
    # Z₁ = X·W₁ + b₁, A₁ = tanh(Z₁), Z₂ = A₁·W₂ + b₂, ŷ = Z₂
    net = Network([2, 3, 1], ["tanh", "identity"], seed=1)
    net.biases[0][:] = [0.1, -0.2, 0.3]
    X = rng.normal(size=(4, 2))
    A1 = np.tanh(X @ net.weights[0] + net.biases[0])
    np.testing.assert_array_equal(net.predict(X), A1 @ net.weights[1] + net.biases[1])


def test_loss_and_gradients_agree_with_backward(rng):
    net = Network([2, 3, 1], ["sigmoid", "sigmoid"], loss="binary_cross_entropy", seed=2)
    X, Y = rng.normal(size=(5, 2)), rng.integers(0, 2, 5)
    loss, dW, db = net.loss_and_gradients(X, Y)
    grads = net.backward(net.forward(X), Y)
    assert loss == net.loss(X, Y)
    for a, b in zip(dW + db, grads.dW + grads.db):
        np.testing.assert_array_equal(a, b)


def test_the_unchecked_evaluation_gives_the_checked_numbers(rng):
    net = Network([3, 4, 2], ["tanh", "softmax"], loss="cross_entropy", seed=4)
    X, labels = rng.normal(size=(6, 3)), rng.integers(0, 2, 6)
    Xc, Yc = net.check_inputs(X), net.check_targets(labels, 6)
    trace = net.forward_unchecked(Xc)
    np.testing.assert_array_equal(trace.output, net.predict(X))
    assert net.trace_loss(trace, Yc) == net.loss(X, labels)
    assert net.trace_loss_total(trace, Yc) == pytest.approx(6 * net.loss(X, labels))
    checked = net.backward(net.forward(X), labels)
    np.testing.assert_array_equal(net.trace_gradients(trace, Yc).vector, checked.vector)
    grad = np.empty_like(net.parameters)
    deltas = net.backward_into(trace, Yc, grad)
    np.testing.assert_array_equal(grad, checked.vector)
    np.testing.assert_array_equal(deltas[-1], checked.deltas[-1])
    dW, db = net.gradient_views(grad)
    np.testing.assert_array_equal(dW[0], checked.dW[0])
    np.testing.assert_array_equal(db[1], checked.db[1])
    chunked = np.empty_like(grad)
    steps = net.gradient_steps(Xc, Yc, chunked, np.empty_like(grad), rows=2)
    chunks, total = chunks_and_result(steps)
    assert chunks == 3 and total == pytest.approx(6 * net.loss(X, labels), rel=1e-12)
    np.testing.assert_allclose(chunked, checked.vector, rtol=1e-12, atol=1e-15)
    assert [a.name for a in net.activation_functions] == ["tanh", "softmax"]
    assert net.loss_function.name == "cross_entropy"


def test_sum_reduction_is_n_times_mean(rng):
    X, Y = rng.normal(size=(6, 2)), rng.normal(size=(6, 1))
    mean = Network([2, 3, 1], ["tanh", "identity"], seed=3)
    total = Network([2, 3, 1], ["tanh", "identity"], reduction="sum", seed=3)
    assert total.loss(X, Y) == pytest.approx(6 * mean.loss(X, Y))
    _, dW_mean, _ = mean.loss_and_gradients(X, Y)
    _, dW_sum, _ = total.loss_and_gradients(X, Y)
    np.testing.assert_allclose(dW_sum[0], 6 * dW_mean[0])


def test_no_bias_means_no_biases_and_no_updates(rng):
    net = Network([2, 2, 1], ["sigmoid", "sigmoid"], bias=False, seed=0)
    assert net.biases == []
    _, _, db = net.loss_and_gradients(rng.normal(size=(3, 2)), [[1.0], [0.0], [1.0]])
    assert db == []
    assert net.n_params == 6


def test_weights_can_be_edited_in_place_or_assigned(rng):
    net = Network([2, 2, 1], ["tanh", "identity"], seed=0)
    X = rng.normal(size=(3, 2))
    net.weights[1][:] = 0.0
    net.biases[1][:] = 0.5
    np.testing.assert_array_equal(net.predict(X), np.full((3, 1), 0.5))
    net.weights[1] = np.ones((2, 1))
    expected = np.tanh(X @ net.weights[0] + net.biases[0]).sum(axis=1, keepdims=True) + 0.5
    np.testing.assert_allclose(net.predict(X), expected)
    assert net.parameters[4:6].tolist() == [1.0, 1.0]
    net.weights[0] = np.ones((3, 3))
    with pytest.raises(ValueError, match=r"weights\[0\]: expected shape \(2, 2\)"):
        net.predict(X)


def test_copy_is_independent(rng):
    net = Network([2, 3, 1], ["relu", "identity"], seed=0)
    twin = net.copy()
    twin.weights[0][:] = 0.0
    assert not np.all(net.weights[0] == 0.0)
    np.testing.assert_array_equal(twin.biases[0], net.biases[0])


def test_seed_makes_init_repeatable():
    a = Network([3, 4, 2], ["tanh", "identity"], init="he_normal", seed=7)
    b = Network([3, 4, 2], ["tanh", "identity"], init="he_normal", seed=7)
    c = Network([3, 4, 2], ["tanh", "identity"], init="he_normal", seed=8)
    np.testing.assert_array_equal(a.parameters, b.parameters)
    assert not np.array_equal(a.parameters, c.parameters)


@pytest.mark.parametrize("init, low, high, bias_zero", [
    ("uniform", 0.0, 1.0, False),
    ("symmetric_uniform", -1.0, 1.0, False),
    ("xavier_uniform", -np.sqrt(6 / 30), np.sqrt(6 / 30), True),
])
def test_init_ranges(init, low, high, bias_zero):
    net = Network([20, 10], ["identity"], init=init, seed=0)
    assert net.weights[0].min() >= low and net.weights[0].max() < high
    assert np.all(net.biases[0] == 0.0) == bias_zero


def test_he_normal_scale():
    net = Network([400, 300], ["relu"], init="he_normal", seed=0)
    assert net.weights[0].std() == pytest.approx(np.sqrt(2 / 400), rel=0.02)


def test_float32_network_stays_float32(rng):
    net = Network([3, 4, 2], ["relu", "softmax"], loss="cross_entropy", dtype=np.float32, seed=0)
    X = rng.normal(size=(5, 3))
    trace = net.forward(X)
    assert all(a.dtype == np.float32 for a in trace.activations)
    _, dW, db = net.loss_and_gradients(X, [0, 1, 1, 0, 1])
    assert all(g.dtype == np.float32 for g in dW + db)


BAD_NETWORKS = [
    (([2, 0, 1], ["tanh", "identity"]), {}, r"layer_sizes\[1\]"),
    (([2, -3, 1], ["tanh", "identity"]), {}, r"layer_sizes\[1\]"),
    (([2, 2.5, 1], ["tanh", "identity"]), {}, r"layer_sizes\[1\]"),
    (([2], []), {}, "layer_sizes"),
    (([2, 3, 1], ["tanh"]), {}, "activations: expected 2 names"),
    (([2, 3, 1], ["sigmod", "identity"]), {}, r"activations\[0\].*did you mean 'sigmoid'"),
    (([2, 3, 1], ["softmax", "identity"]), {}, r"activations\[0\].*last layer"),
    (([2, 3, 1], ["tanh", "identity"]), {"loss": "mes"}, "loss.*did you mean 'mse'"),
    (([2, 3, 1], ["tanh", "identity"]), {"reduction": "avg"}, "reduction"),
    (([2, 3, 1], ["tanh", "identity"]), {"init": "xavier"}, "init.*did you mean"),
    (([2, 3, 1], ["tanh", "identity"]), {"loss": "binary_cross_entropy"}, r"activations\[-1\]"),
    (([2, 3, 2], ["tanh", "sigmoid"]), {"loss": "cross_entropy"}, r"activations\[-1\]"),
    (([2, 3, 1], ["tanh", "softmax"]), {"loss": "cross_entropy"}, r"layer_sizes\[-1\]"),
    (([2, 3, 1], ["tanh", "identity"]), {"dtype": np.int32}, "dtype"),
]


@pytest.mark.parametrize("args, kwargs, match", BAD_NETWORKS)
def test_bad_networks_name_the_field(args, kwargs, match):
    with pytest.raises(ValueError, match=match):
        Network(*args, **kwargs)


@pytest.mark.parametrize("X, match", [
    (np.zeros((4, 3)), r"X: expected shape \(N, 2\), got \(4, 3\)"),
    (np.zeros(2), r"X: .*reshape"),
    (np.zeros((0, 2)), "X: needs at least one sample"),
    ([[1.0, np.nan]], r"X: contains nan at index \(0, 1\)"),
    ([[np.inf, 1.0]], r"X: contains inf"),
    ([["a", "b"]], "X: expected numbers"),
])
def test_bad_inputs_name_x(X, match):
    net = Network([2, 3, 1], ["tanh", "identity"], seed=0)
    with pytest.raises(ValueError, match=match):
        net.predict(X)
    with pytest.raises(ValueError, match=match):
        net.loss_and_gradients(X, np.zeros((1, 1)))


@pytest.mark.parametrize("loss, act, n_out, Y, match", [
    ("mse", "identity", 1, np.zeros((3, 2)), r"Y: expected shape \(N, 1\)"),
    ("mse", "identity", 1, np.zeros((4, 1)), "Y: has 4 rows but X has 3"),
    ("mse", "identity", 1, [[0.0], [np.nan], [1.0]], "Y: contains nan"),
    ("mse", "identity", 1, [[0.0], [np.inf], [1.0]], "Y: contains inf"),
    ("binary_cross_entropy", "sigmoid", 1, [[0.0], [2.0], [1.0]], r"Y: .*\[0, 1\]"),
    ("binary_cross_entropy", "sigmoid", 1, [[0.0], [-1.0], [1.0]], r"Y: .*\[0, 1\]"),
    ("cross_entropy", "softmax", 3, [0, 3, 1], r"Y: class labels must lie in 0\.\.2"),
    ("cross_entropy", "softmax", 3, [0, -1, 1], "Y: class labels"),
    ("cross_entropy", "softmax", 3, [0.5, 1, 1], "Y: class labels must be whole"),
    ("cross_entropy", "softmax", 3, np.full((3, 3), 0.5), "Y: cross_entropy targets must be"),
])
def test_bad_targets_name_y(loss, act, n_out, Y, match):
    net = Network([2, 3, n_out], ["tanh", act], loss=loss, seed=0)
    with pytest.raises(ValueError, match=match):
        net.loss_and_gradients(np.zeros((3, 2)), Y)


def test_backward_needs_a_trace():
    net = Network([2, 1], ["identity"])
    with pytest.raises(ValueError, match="trace"):
        net.backward(np.zeros((1, 2)), [[1.0]])


def test_integer_labels_equal_one_hot(rng):
    net = Network([2, 4, 3], ["tanh", "softmax"], loss="cross_entropy", seed=0)
    X, labels = rng.normal(size=(6, 2)), np.array([0, 2, 1, 1, 0, 2])
    assert net.loss(X, labels) == net.loss(X, np.eye(3)[labels])
