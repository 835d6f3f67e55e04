"""The step trace shows the core's own numbers, bit for bit, in the textbook's order."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.core import SGD, Network, Trainer
from bpstudio.core.digits import sub
from bpstudio.core.steptrace import format_number, next_batch_indices, trace_step

ARCHITECTURES = [
    # (layer sizes, activations, loss, reduction, bias)
    ([2, 1, 1], ["sigmoid", "sigmoid"], "mse", "mean", False),
    ([4, 3, 1], ["sigmoid", "sigmoid"], "mse", "sum", True),
    ([1, 5, 1], ["tanh", "identity"], "mse", "mean", True),
    ([2, 4, 3, 1], ["relu", "leaky_relu", "sigmoid"], "binary_cross_entropy", "mean", True),
    ([3, 4, 3], ["tanh", "softmax"], "cross_entropy", "mean", True),
    ([3, 4, 3], ["sigmoid", "softmax"], "mse", "sum", True),
    ([3, 2], ["identity"], "mse", "mean", True),
]


def _problem(sizes, acts, loss, reduction, bias, n=5, seed=0):
    rng = np.random.default_rng(seed)
    net = Network(sizes, acts, loss=loss, reduction=reduction, bias=bias, seed=seed)
    X = rng.normal(size=(n, sizes[0]))
    if loss == "cross_entropy":
        Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], n)]
    elif loss == "binary_cross_entropy":
        Y = rng.integers(0, 2, (n, sizes[-1])).astype(float)
    else:
        Y = rng.normal(size=(n, sizes[-1]))
    return net, X, Y


def _assert_trace_is_the_core(net, X, Y, lr):
    before = net.parameters.copy()
    t = trace_step(net, X, Y, lr)
    np.testing.assert_array_equal(net.parameters, before)  # tracing changes nothing

    trace = net.forward(X)
    grads = net.backward(trace, Y)
    L = len(net.weights)
    np.testing.assert_array_equal(t["X"].value, X)
    np.testing.assert_array_equal(t["Y"].value, net.check_targets(Y, len(X)))
    np.testing.assert_array_equal(t["E"].value, t["Y"].value - trace.output)
    assert t.loss == net.loss(X, Y)
    for l in range(1, L + 1):
        np.testing.assert_array_equal(t[f"W{l}"].value, net.weights[l - 1])
        np.testing.assert_array_equal(t[f"Z{l}"].value, trace.preactivations[l - 1])
        np.testing.assert_array_equal(t[f"A{l}"].value, trace.activations[l])
        np.testing.assert_array_equal(t[f"delta{l}"].value, grads.deltas[l - 1])
        np.testing.assert_array_equal(t[f"dW{l}"].value, grads.dW[l - 1])
        if net.bias:
            np.testing.assert_array_equal(t[f"b{l}"].value[0], net.biases[l - 1])
            np.testing.assert_array_equal(t[f"db{l}"].value[0], grads.db[l - 1])
        if l < L:  # hidden delta = carried error ⊙ slope, exactly
            np.testing.assert_array_equal(
                t[f"back{l}"].value * t[f"fp{l}"].value, t[f"delta{l}"].value
            )
        np.testing.assert_array_equal(t[f"W{l}_new"].value, t[f"W{l}"].value + t[f"step{l}"].value)

    stepped = net.copy()
    Trainer(stepped, SGD(lr)).step(X, Y)
    np.testing.assert_array_equal(t.updated_parameters(), stepped.parameters)
    return t


@pytest.mark.parametrize("arch", ARCHITECTURES, ids=lambda a: "-".join(a[1]) + "-" + a[2])
def test_every_number_is_the_cores(arch):
    net, X, Y = _problem(*arch)
    _assert_trace_is_the_core(net, X, Y, 0.1)


@settings(max_examples=25, deadline=None)
@given(
    hidden=st.lists(st.integers(1, 5), min_size=0, max_size=3),
    act=st.sampled_from(["sigmoid", "tanh", "relu", "leaky_relu", "identity"]),
    n=st.integers(1, 6),
    seed=st.integers(0, 1000),
    lr=st.floats(1e-3, 2.0),
)
def test_random_networks_trace_bit_for_bit(hidden, act, n, seed, lr):
    sizes = [3, *hidden, 2]
    net, X, Y = _problem(sizes, [act] * len(hidden) + ["identity"], "mse", "mean", True, n, seed)
    _assert_trace_is_the_core(net, X, Y, lr)


def test_shapes_and_textbook_order():
    net, X, Y = _problem([4, 3, 1], ["sigmoid", "sigmoid"], "mse", "sum", True, n=3)
    t = trace_step(net, X, Y, 0.1)
    order = [k for step in t.steps for k in step.keys]
    assert order == [
        "X", "Y", "W1", "b1", "W2", "b2", "Z1", "A1", "Z2", "A2", "E", "fp2", "fp1",
        "delta2", "back1", "delta1", "dW2", "db2", "step2", "W2_new", "b2_new",
        "dW1", "db1", "step1", "W1_new", "b1_new",
    ]
    assert sorted(order) == sorted(t.entries)
    expected = {"X": (3, 4), "W1": (4, 3), "b1": (1, 3), "Z1": (3, 3), "A2": (3, 1),
                "back1": (3, 3), "dW1": (4, 3), "db2": (1, 1), "W1_new": (4, 3)}
    for key, shape in expected.items():
        assert t[key].shape == shape, key
    assert not t["Z1"].value.flags.writeable


def test_formulas_follow_the_book():
    net, X, Y = _problem([4, 3, 1], ["sigmoid", "sigmoid"], "mse", "mean", True, n=3)
    t = trace_step(net, X, Y, 0.1)
    assert t["Z1"].formula == "Z₁ = X·W₁ + b₁"
    assert t["A1"].formula == "A₁ = σ(Z₁)"
    assert t["Z2"].formula == "Z₂ = A₁·W₂ + b₂"
    assert t["delta2"].formula.startswith("δ₂ = (ŷ − y) ⊙ f′(Z₂) / N")
    assert t["back1"].formula == "δ₂·W₂ᵀ"
    assert t["delta1"].formula == "δ₁ = (δ₂·W₂ᵀ) ⊙ f′(Z₁)"
    assert t["dW1"].formula == "dW₁ = Xᵀ·δ₁"
    assert t["W2_new"].formula == "W₂ ← W₂ − η·dW₂"


@pytest.mark.parametrize(("arch", "key"), [(ARCHITECTURES[3], "delta3"),
                                           (ARCHITECTURES[4], "delta2")])
def test_canonical_pairs_say_so(arch, key):
    net, X, Y = _problem(*arch)
    delta = trace_step(net, X, Y, 0.1)[key]
    assert delta.formula.startswith(f"δ{sub(int(key[-1]))} = ŷ − y")
    assert "f′ cancels" in delta.note


def test_softmax_slope_is_explained_as_not_elementwise():
    net, X, Y = _problem(*ARCHITECTURES[4])
    t = trace_step(net, X, Y, 0.1)
    assert "not elementwise" in t["fp2"].note
    A = t["A2"].value
    np.testing.assert_array_equal(t["fp2"].value, A * (1 - A))
    masks = t.source_cells("A2", 1, 0)
    assert masks["Z2"][1].all() and not masks["Z2"][0].any()


def test_selected_cells_point_at_their_sources():
    net, X, Y = _problem([4, 3, 2], ["sigmoid", "identity"], "mse", "mean", True, n=5)
    t = trace_step(net, X, Y, 0.1)
    # Z₁[i, j] = Σ_k X[i, k] W₁[k, j] + b₁[j]: row i of X, column j of W₁, b₁[j]
    m = t.source_cells("Z1", 2, 1)
    assert set(m) == {"X", "W1", "b1"}
    np.testing.assert_array_equal(np.argwhere(m["X"]), [[2, k] for k in range(4)])
    np.testing.assert_array_equal(np.argwhere(m["W1"]), [[k, 1] for k in range(4)])
    np.testing.assert_array_equal(np.argwhere(m["b1"]), [[0, 1]])
    # dW₁[i, j] = Σ_n X[n, i] δ₁[n, j]: column i of X, column j of δ₁
    m = t.source_cells("dW1", 3, 2)
    np.testing.assert_array_equal(np.argwhere(m["X"]), [[n, 3] for n in range(5)])
    np.testing.assert_array_equal(np.argwhere(m["delta1"]), [[n, 2] for n in range(5)])
    # (δ₂·W₂ᵀ)[i, j] = Σ_k δ₂[i, k] W₂[j, k]: row i of δ₂, row j of W₂
    m = t.source_cells("back1", 4, 2)
    np.testing.assert_array_equal(np.argwhere(m["delta2"]), [[4, 0], [4, 1]])
    np.testing.assert_array_equal(np.argwhere(m["W2"]), [[2, 0], [2, 1]])
    # elementwise: the same cell
    m = t.source_cells("delta1", 1, 1)
    assert {k: np.argwhere(v).tolist() for k, v in m.items()} == {
        "back1": [[1, 1]], "fp1": [[1, 1]]
    }
    assert t.source_cells("X", 0, 0) == {}


def test_source_masks_are_really_the_dependencies():
    """Perturbing an input cell outside the mask leaves the selected Z₁ cell unchanged."""
    net, X, Y = _problem([3, 4, 1], ["tanh", "identity"], "mse", "mean", True, n=4)
    t = trace_step(net, X, Y, 0.1)
    mask = t.source_cells("Z1", 1, 2)["X"]
    for i, k in np.argwhere(~mask):
        Xp = X.copy()
        Xp[i, k] += 1.0
        assert trace_step(net, Xp, Y, 0.1)["Z1"].value[1, 2] == t["Z1"].value[1, 2]
    for i, k in np.argwhere(mask):
        Xp = X.copy()
        Xp[i, k] += 1.0
        assert trace_step(net, Xp, Y, 0.1)["Z1"].value[1, 2] != t["Z1"].value[1, 2]


def test_two_input_worked_example():
    """seeds/004: x = (0.1, 0.3), weights (0.4, −0.2) then 0.1, target 1, η = 0.5."""
    net = Network([2, 1, 1], ["sigmoid", "sigmoid"], bias=False)
    net.weights[0][:] = [[0.4], [-0.2]]
    net.weights[1][:] = [[0.1]]
    t = trace_step(net, [[0.1, 0.3]], [[1.0]], 0.5)

    def shown(key, decimals, significant=False, cell=(0, 0)):
        return format_number(t[key].value[cell], decimals, significant)

    # h = 0.1·0.4 − 0.3·0.2 = −0.02, a = σ(−0.02) = 0.495, ŷ = σ(0.1·0.495) = 0.512
    assert shown("Z1", 3) == "-0.020"
    assert shown("A1", 3) == "0.495"
    assert shown("A2", 3) == "0.512"
    # δ° = (1 − 0.512)·0.512·(1 − 0.512) = 0.122; our δ = ∂L/∂z is its negative
    assert shown("E", 3) == "0.488"
    assert shown("delta2", 3) == "-0.122"
    # δʰ = 0.1·0.122·0.495·(1 − 0.495) = 0.003 (0.0030455 unrounded)
    assert shown("delta1", 3) == "-0.003"
    assert shown("delta1", 3, significant=True) == "-0.00305"
    # ΔW = η·δ°·a = 0.5·0.122·0.495 = 0.0302
    assert shown("step2", 4) == "0.0302"
    # Δw = η·δʰ·x: the book rounds δʰ to 0.003 first, giving (0.00015, 0.00045);
    # with every digit kept it is (0.000152, 0.000457)
    assert [shown("step1", 3, True, (i, 0)) for i in (0, 1)] == ["0.000152", "0.000457"]
    book_delta_h = round(-t["delta1"].value[0, 0], 3)
    book = 0.5 * book_delta_h * t["X"].value[0]
    assert [format_number(v, 5) for v in book] == ["0.00015", "0.00045"]


def test_next_batch_indices_predict_the_trainers_next_mini_batch():
    net, X, Y = _problem([2, 3, 1], ["tanh", "identity"], "mse", "mean", True, n=7)
    trainer = Trainer(net, SGD(0.1), batch_size=3, seed=5)
    trainer.run_epoch(X, Y)  # move the generator on, so the prediction is not trivial
    first = next_batch_indices(trainer, len(X))
    assert len(first) == 3 and first.tolist() != [0, 1, 2]

    seen = []
    real_step = trainer._step
    trainer._step = lambda Xb, Yb: seen.append(Xb.copy()) or real_step(Xb, Yb)
    trainer.run_epoch(X, Y)  # the prediction did not advance the generator
    np.testing.assert_array_equal(seen[0], X[first])


def test_next_batch_is_everything_for_full_batch_or_no_shuffle():
    net = _problem([2, 3, 1], ["tanh", "identity"], "mse", "mean", True, n=7)[0]
    assert next_batch_indices(Trainer(net, SGD(0.1)), 7).tolist() == list(range(7))
    no_shuffle = Trainer(net, SGD(0.1), batch_size=2, shuffle=False)
    assert next_batch_indices(no_shuffle, 7).tolist() == [0, 1]


@pytest.mark.parametrize("lr", [0.0, -1.0, float("nan"), float("inf")])
def test_bad_learning_rate_is_named(lr):
    net, X, Y = _problem(*ARCHITECTURES[0])
    with pytest.raises(ValueError, match="learning_rate"):
        trace_step(net, X, Y, lr)


def test_bad_batch_is_named():
    net, _, Y = _problem(*ARCHITECTURES[0])
    with pytest.raises(ValueError, match="X"):
        trace_step(net, np.ones((2, 5)), Y[:2], 0.1)


@pytest.mark.parametrize(
    ("value", "precision", "significant", "text"),
    [(0.49500017, 3, False, "0.495"), (-0.0001, 3, False, "0.000"), (0.000152, 3, True, "0.000152"),
     (-0.12183, 2, True, "-0.12"), (1234.5, 1, False, "1234.5"), (-0.0, 2, False, "0.00")],
)
def test_format_number(value, precision, significant, text):
    assert format_number(value, precision, significant) == text
