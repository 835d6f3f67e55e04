"""The graph lab draws the bills' forward values and derivatives and recomputes on edits."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QGraphicsView

from bpstudio.gui.explain.graph_lab import GraphLabView


@pytest.fixture
def lab(qtbot):
    view = GraphLabView()
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    return view


def _texts(items):
    return {name: item.text() for name, item in items.items()}


def test_opens_on_the_one_fruit_bill_with_the_articles_numbers(lab):
    assert lab.objectName() == "graphLab"
    assert lab.findChild(QGraphicsView, "graphView") is not None
    # forward values above the edges, derivatives of the total below them
    assert _texts(lab.value_items) == {
        "apple_price": "10", "apple_count": "2", "tax": "1.1", "apples": "20", "total": "22",
    }
    assert _texts(lab.grad_items) == {
        "apple_price": "2.2", "apple_count": "11", "tax": "20", "apples": "1.1", "total": "1",
    }
    assert "22" in lab.total_label.text()


def test_switching_to_the_two_fruit_bill(qtbot, lab):
    combo = lab.findChild(QComboBox, "billCombo")
    combo.setCurrentIndex(combo.findData("apples_oranges"))
    assert lab.graph.bill.key == "apples_oranges"
    grads = _texts(lab.grad_items)
    assert grads["orange_price"] == "3.3" and grads["orange_count"] == "16.5"
    assert grads["tax"] == "65" and grads["apple_price"] == "2.2"
    assert grads["apple_count"] == "11" and grads["subtotal"] == "1.1"
    assert _texts(lab.value_items)["total"] == "71.5"
    assert lab.findChild(QDoubleSpinBox, "orange_countSpin") is not None
    assert set(lab.spins) == {"apple_price", "apple_count", "orange_price", "orange_count", "tax"}


def test_typing_a_new_input_recomputes_the_graph(qtbot, lab):
    spin = lab.findChild(QDoubleSpinBox, "apple_priceSpin")
    with qtbot.waitSignal(lab.graph_changed):
        spin.selectAll()
        qtbot.keyClicks(spin, "12")
        qtbot.keyClick(spin, Qt.Key.Key_Enter)
    # total = 12 · 2 · 1.1 = 26.4; ∂/∂count = 12 · 1.1 = 13.2; ∂/∂tax = 24
    assert lab.graph.total.value == pytest.approx(26.4)
    assert _texts(lab.value_items)["total"] == "26.4"
    assert _texts(lab.grad_items)["apple_count"] == "13.2"
    assert _texts(lab.grad_items)["tax"] == "24"
    assert "26.4" in lab.total_label.text()


def test_stepping_the_tax_changes_every_derivative_through_it(qtbot, lab):
    spin = lab.findChild(QDoubleSpinBox, "taxSpin")
    qtbot.keyClick(spin, Qt.Key.Key_Up)  # 1.1 -> 1.2
    assert lab.graph.derivative("apple_price") == pytest.approx(2.4)
    assert _texts(lab.grad_items)["apples"] == "1.2"


def test_hiding_the_backward_pass_for_an_exercise(qtbot, lab):
    qtbot.mouseClick(lab.backward_check, Qt.MouseButton.LeftButton)
    assert not any(item.isVisible() for item in lab.grad_items.values())
    assert all(item.isVisible() for item in lab.value_items.values())
    lab.set_bill("apples_oranges")  # stays hidden on the other bill
    assert not any(item.isVisible() for item in lab.grad_items.values())
    qtbot.mouseClick(lab.backward_check, Qt.MouseButton.LeftButton)
    assert all(item.isVisible() for item in lab.grad_items.values())


def test_rules_are_shown_beside_the_graph(lab):
    rules = lab.findChild(type(lab.total_label), "rulesLabel").text()
    assert "z = x + y" in rules and "z = x · y" in rules
    assert "∂L/∂z · y" in rules
