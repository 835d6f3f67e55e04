import math

import numpy as np
import pytest

from bpstudio.core import Network
from bpstudio.core.dataset import Dataset
from bpstudio.core.datasets import points8
from bpstudio.core.metrics import accuracy, evaluate, mse, predict_classes, r2


def test_predict_classes_thresholds_one_column_at_one_half():
    # 0.5 itself is class 0 (strictly above the threshold is class 1)
    np.testing.assert_array_equal(predict_classes([[0.2], [0.5], [0.7]]), [0, 0, 1])
    assert predict_classes([[0.9]]).dtype == np.int64


def test_predict_classes_takes_the_largest_score_first_on_a_tie():
    np.testing.assert_array_equal(predict_classes([[1.0, 2.0, 0.0], [3.0, 3.0, 1.0]]), [1, 0])


@pytest.mark.parametrize(
    "labels",
    [[1, 0, 0, 1], [[1], [0], [0], [1]], [1.0, 0.0, 0.0, 1.0]],
)
def test_accuracy_of_sigmoid_outputs(labels):
    # predictions 1, 0, 1, 1 against 1, 0, 0, 1: three right of four
    assert accuracy([[0.9], [0.1], [0.6], [0.51]], labels) == 0.75


def test_accuracy_of_softmax_outputs_with_labels_or_one_hot():
    outputs = [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.5, 0.3]]  # argmax 0, 2, 1
    assert accuracy(outputs, [0, 2, 2]) == pytest.approx(2 / 3)
    one_hot = [[1, 0, 0], [0, 0, 1], [0, 0, 1]]
    assert accuracy(outputs, one_hot) == accuracy(outputs, [0, 2, 2])


def test_accuracy_of_nothing_is_nan():
    assert math.isnan(accuracy(np.zeros((0, 1)), np.zeros(0, dtype=int)))


@pytest.mark.parametrize(
    ("outputs", "labels", "match"),
    [
        ([[0.1], [0.9]], [1], r"^labels: has 1 rows but outputs has 2"),
        ([[0.1, 0.9]], [[0, 1, 0]], r"^labels: one-hot labels of shape \(1, 3\)"),
        ([[0.1], [0.9]], [0.5, 1.0], r"^labels: class labels must be whole numbers"),
        ([[math.nan]], [0], r"^outputs: contains nan"),
        (np.zeros((2, 2, 2)), [0, 1], r"^outputs: expected shape \(N, n_out\)"),
    ],
)
def test_bad_accuracy_input(outputs, labels, match):
    with pytest.raises(ValueError, match=match):
        accuracy(outputs, labels)


def test_mse_by_hand():
    # squared errors 0, 0, 4 -> mean 4/3
    assert mse([1.0, 2.0, 3.0], [1.0, 2.0, 5.0]) == pytest.approx(4 / 3)
    # squared errors [[1, 0], [0, 4]]: per-sample means 0.5 and 2 -> 1.25
    assert mse([[0.0, 0.0], [1.0, 1.0]], [[1.0, 0.0], [1.0, 3.0]]) == 1.25
    assert math.isnan(mse(np.zeros((0, 1)), np.zeros((0, 1))))


def test_r2_by_hand():
    # y = 1, 2, 3 (mean 2): SS_tot = 1 + 0 + 1 = 2; ŷ = 1, 2, 4: SS_res = 1 -> 1 − 1/2
    assert r2([1.0, 2.0, 3.0], [1.0, 2.0, 4.0]) == 0.5
    assert r2([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]) == 1.0
    assert r2([1.0, 2.0, 3.0], [2.0, 2.0, 2.0]) == 0.0  # predicting the mean explains nothing
    # a column vector and a (N, 1) matrix are the same thing
    assert r2([[1.0], [2.0], [3.0]], [1.0, 2.0, 4.0]) == 0.5


def test_r2_pools_the_outputs():
    y = [[1.0, 10.0], [3.0, 10.0], [5.0, 16.0]]
    # column means 3 and 12: SS_tot = (4 + 0 + 4) + (4 + 4 + 16) = 32
    # residuals 0, 0, 0 and 0, 2, −2: SS_res = 8 -> 1 − 8/32
    assert r2(y, [[1.0, 10.0], [3.0, 12.0], [5.0, 14.0]]) == 0.75


def test_r2_of_constant_targets_is_never_nan():
    y = np.full(10, 0.1)  # the float mean of ten 0.1s is not exactly 0.1
    assert r2(y, y) == 1.0
    assert r2(y, y + 0.01) == 0.0
    assert math.isnan(r2(np.zeros((0, 2)), np.zeros((0, 2))))


def test_r2_of_one_sample_is_not_defined():
    # a worked example's single row: no spread around the mean, so nothing to explain
    assert math.isnan(r2([[0.7]], [[0.7]])) and math.isnan(r2([2.0], [5.0]))
    assert r2([1.0, 3.0], [1.0, 3.0]) == 1.0


@pytest.mark.parametrize(
    ("y_true", "y_pred", "match"),
    [
        ([1.0, 2.0], [1.0, 2.0, 3.0], r"^y_pred: has shape \(3, 1\) but y_true has \(2, 1\)"),
        ([math.inf, 2.0], [1.0, 2.0], r"^y_true: contains inf"),
        ([1.0, 2.0], [math.nan, 2.0], r"^y_pred: contains nan"),
        (np.zeros((2, 2, 2)), np.zeros((2, 2, 2)), r"^y_true: expected shape"),
    ],
)
@pytest.mark.parametrize("metric", [r2, mse])
def test_bad_regression_metric_input(metric, y_true, y_pred, match):
    with pytest.raises(ValueError, match=match):
        metric(y_true, y_pred)


# -- evaluate ---------------------------------------------------------------------------------


def _network(sizes, activations, loss, W, b):
    net = Network(sizes, activations, loss=loss, seed=0)
    for l, (w, bias) in enumerate(zip(W, b)):
        net.weights[l][...] = w
        net.biases[l][...] = bias
    return net


def test_evaluate_regression_by_hand():
    net = _network([1, 1], ["identity"], "mse", [[[1.0]]], [[0.0]])  # ŷ = x
    data = Dataset([[0.0], [1.0], [2.0]], [[0.0], [1.0], [4.0]], "regression", "custom")
    result = evaluate(net, data)
    # loss: mean of ½(ŷ − y)² = (0 + 0 + ½·4) / 3 = 2/3
    # r2: mean y = 5/3, SS_tot = 25/9 + 4/9 + 49/9 = 26/3, SS_res = 4 -> 1 − 12/26 = 7/13
    assert result.keys() == {"loss", "r2"}
    assert result["loss"] == pytest.approx(2 / 3, rel=1e-15)
    assert result["r2"] == pytest.approx(7 / 13, rel=1e-15)


def test_evaluate_sigmoid_classifier_by_hand():
    net = _network([2, 1], ["sigmoid"], "binary_cross_entropy", [[[1.0], [0.0]]], [[0.0]])
    data = Dataset([[2.0, 0.0], [-1.0, 0.0], [0.0, 0.0]], [1, 1, 0], "classification", "c")
    result = evaluate(net, data)
    # z = 2, −1, 0 -> σ = 0.88, 0.27, 0.5 -> classes 1, 0, 0 against 1, 1, 0: two of three
    assert result["accuracy"] == pytest.approx(2 / 3)
    # per sample log(1 + e^−z) for y = 1 and log(1 + e^z) for y = 0:
    # log(1 + e^−2) + log(1 + e^1) + log(1 + e^0), averaged over 3
    expected = (math.log1p(math.exp(-2)) + math.log1p(math.e) + math.log(2)) / 3
    assert result["loss"] == pytest.approx(expected, rel=1e-14)


def test_evaluate_softmax_classifier_matches_the_network():
    net = Network([2, 3, 2], ["tanh", "softmax"], loss="cross_entropy", seed=1)
    data = points8()
    result = evaluate(net, data)
    assert result["loss"] == net.loss(data.X, data.y)
    assert result["accuracy"] == accuracy(net.predict(data.X), data.y)


def test_evaluate_gives_one_hot_targets_to_an_mse_network_with_one_output_per_class():
    net = Network([2, 2], ["sigmoid"], loss="mse", seed=2)
    data = points8()
    one_hot = np.eye(2)[data.y]
    assert evaluate(net, data)["loss"] == net.loss(data.X, one_hot)


def test_evaluate_an_empty_set_is_nan():
    net = Network([2, 1], ["sigmoid"], loss="binary_cross_entropy", seed=0)
    result = evaluate(net, points8().subset([]))
    assert result.keys() == {"loss", "accuracy"}
    assert all(math.isnan(v) for v in result.values())
    regression = Dataset(np.zeros((0, 1)), np.zeros((0, 1)), "regression", "custom")
    assert math.isnan(evaluate(Network([1, 1], ["identity"]), regression)["r2"])


@pytest.mark.parametrize(
    ("sizes", "activations", "loss", "match"),
    [
        ([2, 1], ["sigmoid"], "binary_cross_entropy", r"^data\.y: labels go up to 2 .*one output"),
        ([2, 2], ["softmax"], "cross_entropy", r"^data\.y: labels go up to 2 but .* has 2"),
    ],
)
def test_evaluate_needs_an_output_per_class(sizes, activations, loss, match):
    data = Dataset([[0.0, 0.0]] * 3, [0, 1, 2], "classification", "three")
    with pytest.raises(ValueError, match=match):
        evaluate(Network(sizes, activations, loss=loss), data)


def test_evaluate_needs_a_dataset():
    with pytest.raises(ValueError, match=r"^data: expected a Dataset"):
        evaluate(Network([1, 1], ["identity"]), np.zeros((2, 1)))
