"""Passes in chunks: the numbers of the unchunked functions, bit for bit when the data fits in
one chunk, and up to rounding (row order kept) when it does not."""

import math

import numpy as np
import pytest

from bpstudio.core import Dataset, Network, evaluate
from bpstudio.core.chunked import evaluate_checked_steps, evaluate_steps
from bpstudio.core.network import run_steps
from tests.steps import chunks_and_result


@pytest.fixture
def classes(rng):
    X = rng.normal(size=(30, 2))
    return Dataset(X, (X[:, 0] > 0).astype(int) + (X[:, 1] > 0), "classification", "toy")


@pytest.fixture
def values(rng):
    X = rng.normal(size=(25, 3))
    return Dataset(X, np.sin(X[:, :2]), "regression", "toy")


def softmax_net():
    return Network([2, 5, 3], ["tanh", "softmax"], loss="cross_entropy", seed=1)


def test_evaluated_in_one_chunk_the_numbers_are_evaluates(classes, values):
    for net, data in ((softmax_net(), classes), (Network([3, 4, 2], ["tanh", "identity"]),
                                                 values)):
        chunks, got = chunks_and_result(evaluate_steps(net, data, rows=1000))
        assert chunks == 1 and got == evaluate(net, data)


def test_evaluated_in_chunks_the_numbers_agree_up_to_rounding(classes):
    net = softmax_net()
    chunks, got = chunks_and_result(evaluate_steps(net, classes, rows=7))
    expected = evaluate(net, classes)
    assert chunks == 5 and got["accuracy"] == expected["accuracy"]
    assert got["loss"] == pytest.approx(expected["loss"], rel=1e-12)


def test_checked_once_arrays_give_the_same_numbers(classes):
    net = softmax_net()
    X, Y = net.check_inputs(classes.X), net.check_targets(classes.y, len(classes.X))
    assert run_steps(evaluate_checked_steps(net, X, Y, classes, 1000)) == evaluate(net, classes)


def test_an_empty_set_scores_nan_and_outputs_that_overflow_refuse(values):
    net = Network([3, 4, 2], ["tanh", "identity"])
    empty = run_steps(evaluate_steps(net, values.subset([]), 1000))
    assert math.isnan(empty["loss"]) and math.isnan(empty["r2"])
    net.weights[1][...] = 1e308
    net.biases[1][...] = 1e308
    with pytest.raises(ValueError):
        run_steps(evaluate_steps(net, values, 1000))
