"""The gradient check panel: asks for a check, shows per-array errors and the worst entry."""

from dataclasses import replace

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from bpstudio.core.diagnostics import check_gradients
from bpstudio.gui.explain.gradcheck_panel import BAD, GOOD, GradientCheckPanel
from bpstudio.session import Session


def _panel(qtbot):
    panel = GradientCheckPanel()
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_button_asks_for_a_check_and_waits(qtbot):
    panel = _panel(qtbot)
    button = panel.findChild(QPushButton, "gradientCheckButton")
    with qtbot.waitSignal(panel.check_requested):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.isEnabled()
    assert "Checking" in panel.verdict_label.text()


def test_default_network_passes_in_green(qtbot):
    bench = Session().build()
    X, Y = bench.train_arrays()
    report = check_gradients(bench.net, X, Y)
    panel = _panel(qtbot)
    panel.set_running(True)
    panel.show_report(report)
    assert panel.button.isEnabled()
    assert panel.table.rowCount() == len(report.errors) == 4  # W1, W2, b1, b2
    for row in range(4):
        assert panel.table.item(row, 1).background().color() == GOOD
        assert float(panel.table.item(row, 1).text()) < 1e-7
    assert "Backpropagation is right" in panel.verdict_label.text()
    assert report.worst_label in panel.worst_label.text()


def test_a_wrong_gradient_is_red_and_named(qtbot):
    bench = Session().build()
    X, Y = bench.train_arrays()
    good = check_gradients(bench.net, X, Y)
    bad = replace(good, errors={**good.errors, "W2": 0.3}, worst_name="W2", worst_index=(4, 0),
                  worst_analytic=0.5, worst_numeric=0.2,
                  differences={**good.differences, "W2": 0.3})
    panel = _panel(qtbot)
    panel.show_report(bad)
    names = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    row = names.index("W2")
    assert panel.table.item(row, 1).background().color() == BAD
    assert panel.table.item(row, 2).text().startswith("✗")
    assert "Gradients differ" in panel.verdict_label.text()
    assert "W2[4, 0]" in panel.worst_label.text()

    panel.show_error("X: no training data")
    assert "no training data" in panel.verdict_label.text()
    assert panel.table.rowCount() == 4
    panel.clear()
    assert panel.table.rowCount() == 0


def test_a_tiny_gradient_within_noise_still_agrees(qtbot):
    bench = Session().build()
    X, Y = bench.train_arrays()
    good = check_gradients(bench.net, X, Y)
    # right backprop, a bias whose gradient is almost 0: relative error high, difference tiny
    tiny = replace(good, errors={**good.errors, "b2": 2e-6},
                   differences={**good.differences, "b2": good.noise / 10})
    panel = _panel(qtbot)
    panel.show_report(tiny)
    names = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    row = names.index("b2")
    assert panel.table.item(row, 2).text() == "✓ within noise"
    assert panel.table.item(row, 1).background().color() == GOOD
    assert "Backpropagation is right" in panel.verdict_label.text()
    assert "b2 differs by less than" in panel.verdict_label.text()


def test_the_issues_relu_network_is_right_and_entries_at_a_kink_are_named(qtbot):
    """Issue 11, finding 2: Gaussians, 4 classes, one relu layer, he_normal, trained: no false
    alarm; an entry whose steps cross a kink on both sides reads "not comparable"."""
    from tests.core.test_gradcheck_kinks import _gaussians_relu_after, _one_hidden_relu

    net, X, Y = _gaussians_relu_after(500)
    panel = _panel(qtbot)
    panel.show_report(check_gradients(net, X, Y))
    assert "Backpropagation is right" in panel.verdict_label.text()
    net, X, Y = _one_hidden_relu()
    W, b = net.weights[0], net.biases[0]  # samples 0 and 1 straddle unit 0's kink
    X[1] = X[0] + np.array([1e-6 / W[0, 0], 0.0])
    b[0] = -(X[0] @ W[:, 0]) - 0.5e-6
    panel.show_report(check_gradients(net, X, Y))
    assert "Backpropagation is right" in panel.verdict_label.text()
    assert "not comparable at a kink" in panel.verdict_label.text()
    names = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    assert panel.table.item(names.index("b1"), 2).text().endswith(
        "1 not comparable at a kink")
