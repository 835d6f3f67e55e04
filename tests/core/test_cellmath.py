"""Cells worked out by hand: the articles' arithmetic lines, from the trace's own numbers."""

import numpy as np
import pytest

from bpstudio.core import Network
from bpstudio.core.cellmath import MAX_TERMS, explain_cell
from bpstudio.core.steptrace import format_number, trace_step


def _fmt(value):
    return format_number(value, 3, significant=True)


@pytest.fixture
def two_input():
    """seeds/004: x = (0.1, 0.3), weights (0.4, −0.2) then 0.1, target 1, η = 0.5."""
    net = Network([2, 1, 1], ["sigmoid", "sigmoid"], bias=False)
    net.weights[0][:] = [[0.4], [-0.2]]
    net.weights[1][:] = [[0.1]]
    return trace_step(net, [[0.1, 0.3]], [[1.0]], 0.5)


@pytest.mark.parametrize(("key", "text"), [
    # h = 0.1·0.4 − 0.3·0.2 = −0.02, a = σ(h) = 0.495, ŷ = σ(0.1·a) = 0.512
    ("Z1", "Z₁[0, 0] = 0.1·0.4 + 0.3·(-0.2) = -0.02"),
    ("A1", "A₁[0, 0] = σ(-0.02) = 0.495"),
    ("Z2", "Z₂[0, 0] = 0.495·0.1 = 0.0495"),
    ("A2", "ŷ[0, 0] = σ(0.0495) = 0.512"),
    ("E", "E[0, 0] = y − ŷ = 1 − 0.512 = 0.488"),
    ("delta2", "δ₂[0, 0] = (ŷ − y)·f′ = (0.512 − 1)·0.25 = -0.122"),
    ("back1", "(δ₂·W₂ᵀ)[0, 0] = -0.122·0.1 = -0.0122"),
    ("delta1", "δ₁[0, 0] = -0.0122·0.25 = -0.00305"),
    ("dW2", "dW₂[0, 0] = 0.495·(-0.122) = -0.0603"),
    ("step2", "ΔW₂[0, 0] = −η·dW = −0.5·(-0.0603) = 0.0302"),
    ("W2_new", "new W₂[0, 0] = 0.1 − 0.5·(-0.0603) = 0.13"),
    ("step1", "ΔW₁[0, 0] = −η·dW = −0.5·(-0.000305) = 0.000152"),
])
def test_the_worked_example_line_by_line(two_input, key, text):
    assert explain_cell(two_input, key, 0, 0, _fmt) == text


def test_sums_use_minus_signs_biases_and_cut_long_sums(rng):
    net = Network([9, 3, 2], ["tanh", "identity"], seed=0)
    X = rng.normal(size=(4, 9))
    t = trace_step(net, X, rng.normal(size=(4, 2)), 0.1)
    text = explain_cell(t, "Z1", 2, 1, _fmt)
    assert f"… ({9 - MAX_TERMS + 1} more terms)" in text
    assert text.count("·") == MAX_TERMS - 1
    assert text.endswith(f" = {_fmt(t['Z1'].value[2, 1])}")
    b = t["b1"].value[0, 1]
    assert f"{'−' if b < 0 else '+'} {_fmt(abs(b))} = " in text
    assert " + -" not in text
    # the mean loss divides the output delta by N
    assert "/ 4" in explain_cell(t, "delta2", 0, 0, _fmt)


@pytest.mark.parametrize("arch", [
    ([3, 4, 3], ["tanh", "softmax"], "cross_entropy"),
    ([3, 4, 3], ["sigmoid", "softmax"], "mse"),
    ([2, 3, 2, 1], ["relu", "leaky_relu", "sigmoid"], "binary_cross_entropy"),
])
def test_every_cell_of_every_entry_has_its_line(rng, arch):
    sizes, acts, loss = arch
    net = Network(sizes, acts, loss=loss, seed=1)
    X = rng.normal(size=(3, sizes[0]))
    Y = np.eye(sizes[-1])[[0, 1, 0]] if sizes[-1] > 1 else np.array([[1.0], [0.0], [1.0]])
    t = trace_step(net, X, Y, 0.2)
    for key, entry in t.entries.items():
        for row, col in np.ndindex(entry.shape):
            text = explain_cell(t, key, row, col, _fmt)
            assert text.endswith(f" = {_fmt(entry.value[row, col])}"), text
    if acts[-1] == "softmax":
        assert "softmax(row 1 of Z₂)[2]" in explain_cell(t, "A2", 1, 2, _fmt)
