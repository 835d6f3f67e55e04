"""Unit readings: dead ReLUs, saturated sigmoid/tanh units and mean |dW| on training rows."""

import numpy as np
import pytest

from bpstudio.core import Network
from bpstudio.core.diagnostics import mean_abs_gradients
from bpstudio.core.unit_readings import (
    READING_ROWS,
    SATURATED_ROWS_SHARE,
    SATURATION_Z,
    LayerReading,
    read_units,
)


def test_relu_units_that_never_fire_are_dead(rng):
    net = Network([2, 4, 3, 1], ["relu", "relu", "identity"], init="he_normal", seed=0)
    X, Y = rng.normal(size=(50, 2)), rng.normal(size=(50, 1))
    net.biases[0][[0, 2]] = -100.0  # z ≤ 0 for every sample: units 0 and 2 of layer 1
    net.biases[0][[1, 3]] = 100.0
    net.weights[1][:] = np.abs(net.weights[1])  # layer 2 sees positive inputs only
    readings = read_units(net, X, Y)
    assert readings.hidden == (LayerReading("relu", 4, 2, 0), LayerReading("relu", 3, 0, 0))
    assert readings.init == "he_normal" and readings.rows == 50


def test_a_unit_firing_on_a_single_sample_is_alive():
    net = Network([1, 1, 1], ["relu", "identity"], bias=True, seed=0)
    net.weights[0][:] = 1.0
    net.biases[0][:] = 0.0
    X = np.array([[-3.0], [-2.0], [-1.0], [0.0], [1e-9]])
    readings = read_units(net, X, np.zeros(5))
    assert readings.hidden[0].dead == 0
    assert read_units(net, X[:4], np.zeros(4)).hidden[0].dead == 1  # z = 0 does not fire


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_a_unit_is_saturated_when_its_z_is_large_on_nearly_every_row(activation):
    n = 100
    net = Network([1, 2, 1], [activation, "identity"], seed=0)
    net.weights[0][:] = [[1.0, 1.0]]
    net.biases[0][:] = 0.0
    X = np.full((n, 1), SATURATION_Z + 1.0)
    X[::2] *= -1.0  # both flat ends count
    stuck = int(np.ceil(SATURATED_ROWS_SHARE * n))
    X[stuck:] = 0.0  # unit 0 and 1 both see the same z: saturated on `stuck` rows of n
    assert read_units(net, X, np.zeros(n)).hidden[0].saturated == 2
    X[stuck - 1] = 0.0
    assert read_units(net, X, np.zeros(n)).hidden[0].saturated == 0
    X[:] = SATURATION_Z  # not beyond it
    assert read_units(net, X, np.zeros(n)).hidden[0].saturated == 0


def test_other_activations_are_neither_dead_nor_saturated(rng):
    net = Network([2, 3, 3, 2], ["leaky_relu", "identity", "softmax"], loss="cross_entropy",
                  seed=0)
    net.biases[0][:] = -100.0
    net.biases[1][:] = 100.0
    readings = read_units(net, rng.normal(size=(20, 2)), rng.integers(0, 2, 20))
    assert [(r.dead, r.saturated) for r in readings.hidden] == [(0, 0), (0, 0)]


def test_mean_abs_gradients_are_those_of_the_rows_read(rng):
    net = Network([3, 5, 4, 2], ["tanh", "relu", "identity"], seed=1)
    X, Y = rng.normal(size=(10, 3)), rng.normal(size=(10, 2))
    readings = read_units(net, X, Y)
    assert readings.mean_abs_dW == pytest.approx(mean_abs_gradients(net, X, Y), rel=1e-12)
    every_third = read_units(net, X, Y, rows=4)  # 10 rows, at most 4: rows 0, 3, 6, 9
    assert every_third.rows == 4
    assert every_third.mean_abs_dW == pytest.approx(
        mean_abs_gradients(net, X[::3], Y[::3]), rel=1e-12)


def test_a_large_training_set_is_read_on_at_most_reading_rows(rng):
    net = Network([2, 3, 1], ["relu", "identity"], seed=0)
    n = 3 * READING_ROWS + 1
    readings = read_units(net, rng.normal(size=(n, 2)), rng.normal(size=(n, 1)))
    assert readings.rows <= READING_ROWS and readings.rows == len(range(0, n, 4))


def test_no_hidden_layer_reads_no_layers(rng):
    readings = read_units(Network([2, 1], ["identity"]), rng.normal(size=(4, 2)), np.zeros(4))
    assert readings.hidden == () and len(readings.mean_abs_dW) == 1


@pytest.mark.parametrize("rows", [0, -1, 1.5, True, "8"])
def test_rows_must_be_a_whole_number(rows, rng):
    with pytest.raises(ValueError, match="rows: must be a whole number >= 1"):
        read_units(Network([2, 1], ["identity"]), rng.normal(size=(4, 2)), np.zeros(4), rows)


def test_no_training_rows_is_refused():
    with pytest.raises(ValueError, match="X: needs at least one sample"):
        read_units(Network([2, 1], ["identity"]), np.zeros((0, 2)), np.zeros(0))
