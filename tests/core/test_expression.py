"""The shopping-bill graphs of seeds/000: totals, derivatives, finite differences."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.core.expression import ADD, BILLS, MULTIPLY, Node, topological_order


def test_one_fruit_bill_matches_the_article():
    graph = BILLS["apples"].evaluate()
    # 2 apples · 10 · 1.1 = 22
    assert graph.total.value == pytest.approx(22.0)
    # ∂/∂price = count · tax = 2.2, ∂/∂count = price · tax = 11, ∂/∂tax = price · count = 20
    assert graph.derivative("apple_price") == pytest.approx(2.2)
    assert graph.derivative("apple_count") == pytest.approx(11.0)
    assert graph.derivative("tax") == pytest.approx(20.0)


def test_two_fruit_bill_matches_the_article():
    graph = BILLS["apples_oranges"].evaluate()
    # (2·10 + 3·15) · 1.1 = 65 · 1.1 = 71.5
    assert graph.total.value == pytest.approx(71.5)
    assert graph.derivative("orange_price") == pytest.approx(3.3)  # 3 · 1.1
    assert graph.derivative("orange_count") == pytest.approx(16.5)  # 15 · 1.1
    assert graph.derivative("tax") == pytest.approx(65.0)  # the subtotal
    assert graph.derivative("apple_price") == pytest.approx(2.2)
    assert graph.derivative("apple_count") == pytest.approx(11.0)


def test_intermediate_nodes_carry_their_derivatives():
    graph = BILLS["apples_oranges"].evaluate()
    by_name = {n.name: n for n in graph.nodes}
    # the add node passes 1.1 to both products; the subtotal gets the tax factor
    assert by_name["apples"].grad == pytest.approx(1.1)
    assert by_name["oranges"].grad == pytest.approx(1.1)
    assert by_name["subtotal"].value == pytest.approx(65.0)
    assert by_name["total"].grad == 1.0
    assert graph.nodes[-1] is graph.total


def test_editing_an_input_recomputes_everything():
    graph = BILLS["apples"].evaluate({"apple_price": 12.0, "tax": 1.2})
    assert graph.total.value == pytest.approx(2 * 12 * 1.2)
    assert graph.derivative("apple_count") == pytest.approx(12 * 1.2)


def test_unknown_input_is_named():
    with pytest.raises(ValueError, match="banana"):
        BILLS["apples"].evaluate({"banana": 1.0})


def test_reused_node_accumulates_its_derivatives():
    x = Node(3.0, "x")
    y = (x * x + x).named("y")  # dy/dx = 2x + 1 = 7
    y.backward()
    assert x.grad == 7.0
    assert topological_order(y).count(x) == 1


def test_backward_twice_gives_the_same_derivatives():
    graph = BILLS["apples"].evaluate()
    graph.total.backward()
    assert graph.derivative("tax") == pytest.approx(20.0)


def test_rules_name_both_operations():
    assert ADD.symbol == "+" and "∂L/∂z · 1" in ADD.backward_rule
    assert MULTIPLY.symbol == "×" and "∂L/∂z · y" in MULTIPLY.backward_rule


def _total(bill_key: str, values: dict[str, float]) -> float:
    return BILLS[bill_key].evaluate(values).total.value


finite = st.floats(min_value=-50, max_value=50, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(bill_key=st.sampled_from(sorted(BILLS)), data=st.data())
def test_derivatives_equal_central_differences(bill_key, data):
    bill = BILLS[bill_key]
    values = {i.key: data.draw(finite, label=i.key) for i in bill.inputs}
    graph = bill.evaluate(values)
    h = 1e-4
    for key in values:
        plus = _total(bill_key, {**values, key: values[key] + h})
        minus = _total(bill_key, {**values, key: values[key] - h})
        numeric = (plus - minus) / (2 * h)
        assert graph.derivative(key) == pytest.approx(numeric, rel=1e-6, abs=1e-6)
