"""The extras a snapshot may carry: known names only, on the neuron view's grid."""

import pytest

from bpstudio.session import DataSpec
from bpstudio.training.extras import EXTRAS, HIDDEN_OUTPUTS, known_extras, neuron_grid


def test_only_known_extras_may_be_wanted():
    assert known_extras([HIDDEN_OUTPUTS]) == frozenset({HIDDEN_OUTPUTS})
    assert known_extras(EXTRAS) == EXTRAS
    with pytest.raises(ValueError, match=r"keys: unknown extras \['mean_abs_grads'\]"):
        known_extras({"mean_abs_grads", HIDDEN_OUTPUTS})


def test_the_neuron_grid_is_coarse_and_only_for_one_or_two_inputs():
    plane = neuron_grid(DataSpec("spiral", {"n": 30}).load())
    assert plane.kind == "plane" and plane.inputs.shape == (48 * 48, 2)
    assert neuron_grid(DataSpec("sin", {"n": 10}).load()).kind == "curve"
