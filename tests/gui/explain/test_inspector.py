"""The step inspector: tables in the book's order, highlighted sources, precision, CSV, apply."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

from bpstudio.core import SGD, Network, Trainer
from bpstudio.core.snapshot import make_snapshot
from bpstudio.core.steptrace import trace_step
from bpstudio.gui.explain.inspector import InspectorView, make_inspector_dock
from bpstudio.gui.explain.inspector.matrix_model import ACTIVE, SOURCE
from bpstudio.lessons import get_lesson

X4 = np.array([[1, 0, 1, 0], [1, 0, 1, 1], [0, 1, 0, 1]], float)
Y4 = np.array([[1.0], [1.0], [0.0]])


def _binary_net(seed=0):
    return Network([4, 3, 1], ["sigmoid", "sigmoid"], init="uniform", reduction="sum", seed=seed)


@pytest.fixture
def view(qtbot):
    v = InspectorView()
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    v.set_problem(_binary_net(), X4, Y4, 0.1)
    return v


def _click_cell(qtbot, view, key, row, col):
    table = view.panel(key).table
    rect = table.visualRect(table.model().index(row, col))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _go_to_step_of(qtbot, view, key):
    target = next(i for i, s in enumerate(view.trace.steps) if key in s.keys)
    while view.current_step < target:
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    while view.current_step > target:
        qtbot.mouseClick(view.prev_button, Qt.MouseButton.LeftButton)


def test_dock_has_the_name_the_window_uses(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = make_inspector_dock(window)
    assert dock.objectName() == "inspectorDock"
    assert isinstance(dock, QDockWidget) and isinstance(dock.widget(), InspectorView)
    assert window.findChild(QDockWidget, "inspectorDock") is dock


def test_walks_every_step_with_tables_of_the_right_shape(qtbot, view):
    expected = trace_step(_binary_net(), X4, Y4, 0.1)
    assert view.step_combo.count() == len(expected.steps) == 12
    assert not view.prev_button.isEnabled()
    for i, step in enumerate(expected.steps):
        assert view.current_step == i
        assert view.step_combo.currentText().endswith(step.title)
        for key in step.keys:
            model = view.panel(key).model
            assert (model.rowCount(), model.columnCount()) == expected[key].shape
            np.testing.assert_array_equal(model.value, expected[key].value)
            shape = view.panel(key).shape_label.text()
            assert shape == f"{expected[key].shape[0]} × {expected[key].shape[1]}"
            assert view.panel(key).formula_label.text() == expected[key].formula
        if i < len(expected.steps) - 1:
            qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert not view.next_button.isEnabled()
    qtbot.mouseClick(view.prev_button, Qt.MouseButton.LeftButton)
    assert view.current_step == len(expected.steps) - 2


def test_earlier_entries_a_step_uses_are_shown_above_it(qtbot, view):
    _go_to_step_of(qtbot, view, "Z1")
    for key in ("X", "W1", "b1", "Z1", "A1"):
        assert view.panel(key) is not None, key
    assert view.panel("Y") is None


def test_selecting_a_cell_highlights_its_sources(qtbot, view):
    _go_to_step_of(qtbot, view, "Z1")
    _click_cell(qtbot, view, "Z1", 1, 2)
    # Z₁[1, 2] = X[1, :]·W₁[:, 2] + b₁[2]
    assert view.panel("X").model.highlighted_sources() == [(1, k) for k in range(4)]
    assert view.panel("W1").model.highlighted_sources() == [(k, 2) for k in range(4)]
    assert view.panel("b1").model.highlighted_sources() == [(0, 2)]
    assert view.panel("A1").model.highlighted_sources() == []
    z_model, x_model = view.panel("Z1").model, view.panel("X").model
    assert z_model.data(z_model.index(1, 2), Qt.ItemDataRole.BackgroundRole).color() == ACTIVE
    assert x_model.data(x_model.index(1, 0), Qt.ItemDataRole.BackgroundRole).color() == SOURCE
    assert x_model.data(x_model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert "computed from" in view.message_label.text()
    # the cell worked out by hand, at the chosen precision
    X, W, b = view.trace["X"].value, view.trace["W1"].value, view.trace["b1"].value
    arithmetic = view.arithmetic_label.text()
    assert arithmetic.startswith(f"Z₁[1, 2] = {X[1, 0]:.3f}·{W[0, 2]:.3f}")
    assert arithmetic.endswith(f" + {b[0, 2]:.3f} = {view.trace['Z1'].value[1, 2]:.3f}")
    view.precision_spin.setValue(5)
    assert view.arithmetic_label.text().endswith(f"{view.trace['Z1'].value[1, 2]:.5f}")

    # another cell moves the highlight
    _click_cell(qtbot, view, "A1", 2, 0)
    assert view.panel("Z1").model.highlighted_sources() == [(2, 0)]
    assert view.panel("X").model.highlighted_sources() == []


def test_backward_cells_point_at_their_sources(qtbot, view):
    _go_to_step_of(qtbot, view, "dW1")
    _click_cell(qtbot, view, "dW1", 3, 1)
    # dW₁[3, 1] = Σ_n X[n, 3]·δ₁[n, 1]
    assert view.panel("X").model.highlighted_sources() == [(n, 3) for n in range(3)]
    assert view.panel("delta1").model.highlighted_sources() == [(n, 1) for n in range(3)]


def test_precision_and_significant_digits(qtbot, view):
    _go_to_step_of(qtbot, view, "Z1")
    model = view.panel("Z1").model
    value = model.value[0, 0]
    assert model.data(model.index(0, 0)) == f"{value:.3f}"
    view.precision_spin.setValue(6)
    assert model.data(model.index(0, 0)) == f"{value:.6f}"
    qtbot.mouseClick(view.significant_check, Qt.MouseButton.LeftButton)
    assert model.data(model.index(0, 0)) == f"{value:.6g}"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == repr(float(value))


def test_copy_as_csv_puts_every_digit_on_the_clipboard(qtbot, view):
    _go_to_step_of(qtbot, view, "Z1")
    _click_cell(qtbot, view, "W1", 0, 0)
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    rows = [[float(v) for v in line.split(",")] for line in text.strip().split("\n")]
    np.testing.assert_array_equal(np.array(rows), view.trace["W1"].value)
    assert len(rows) == 4 and len(rows[0]) == 3

    # with no cell selected it copies the step's first matrix
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == view.csv_text("Z2")


def test_apply_step_hands_the_trace_to_the_window(qtbot, view):
    with qtbot.waitSignal(view.apply_step_requested) as blocker:
        qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)
    stepped = _binary_net()
    Trainer(stepped, SGD(0.1)).step(X4, Y4)
    np.testing.assert_array_equal(blocker.args[0].updated_parameters(), stepped.parameters)


def test_batch_chooser_traces_one_sample_or_the_mini_batch(qtbot, view):
    assert view.trace["X"].shape == (3, 4)
    minibatch_index = view.batch_combo.findData("minibatch")
    assert not view.batch_combo.model().item(minibatch_index).isEnabled()

    view.batch_combo.setCurrentIndex(view.batch_combo.findData("sample"))
    assert view.sample_spin.isVisible()
    view.sample_spin.setValue(2)
    np.testing.assert_array_equal(view.trace["X"].value, X4[2:3])

    view.set_minibatch(np.array([2, 0]))
    assert view.batch_combo.model().item(minibatch_index).isEnabled()
    view.batch_combo.setCurrentIndex(minibatch_index)
    np.testing.assert_array_equal(view.trace["X"].value, X4[[2, 0]])
    np.testing.assert_array_equal(view.trace["Y"].value, Y4[[2, 0]])


def test_follows_training_snapshots_and_keeps_the_selection(qtbot, view):
    _go_to_step_of(qtbot, view, "Z1")
    _click_cell(qtbot, view, "Z1", 0, 1)
    net = _binary_net()
    trainer = Trainer(net, SGD(0.1))
    trainer.fit(X4, Y4, 20)
    snapshot = make_snapshot(net, trainer.history, 0, run_id=1, epochs_per_second=1.0,
                             metrics={})
    view.show_snapshot(snapshot)
    np.testing.assert_array_equal(view.trace["W1"].value, net.weights[0])
    np.testing.assert_array_equal(view.panel("Z1").model.value, net.forward(X4).preactivations[0])
    assert view.panel("W1").model.highlighted_sources() == [(k, 1) for k in range(4)]


def test_survives_architecture_changes_and_bad_data(qtbot, view):
    _go_to_step_of(qtbot, view, "delta1")
    other = Network([4, 5, 2, 1], ["tanh", "relu", "sigmoid"], seed=1)
    stale = make_snapshot(_binary_net(), Trainer(_binary_net(), SGD(0.1)).history, 0,
                          run_id=1, epochs_per_second=1.0, metrics={})
    view.set_problem(other, X4, Y4, 0.5)
    view.show_snapshot(stale)  # the old architecture's weights are ignored
    np.testing.assert_array_equal(view.trace["W1"].value, other.weights[0])
    assert view.trace["W3"].shape == (2, 1)
    assert view.step_combo.currentText().endswith("Back to hidden layer 1")  # same step
    assert view.panel("delta1").model.value.shape == (3, 5)

    view.set_problem(other, X4, np.ones((3, 2)), 0.5)  # targets of the wrong width
    assert view.trace is None
    assert "Y" in view.message_label.text()
    assert not view.apply_button.isEnabled()

    view.clear()
    assert view.trace is None and not view.next_button.isEnabled()


def test_lesson_preset_shows_the_books_numbers(qtbot):
    view = InspectorView()
    qtbot.addWidget(view)
    net = Network([2, 1, 1], ["sigmoid", "sigmoid"], bias=False)
    net.weights[0][:] = [[0.4], [-0.2]]
    net.weights[1][:] = [[0.1]]
    view.set_problem(net, np.array([[0.1, 0.3]]), np.array([[1.0]]), 0.5)
    lesson = get_lesson("two_input")
    view.apply_preset(lesson.inspector)
    _click_cell(qtbot, view, "A1", 0, 0)
    assert view.arithmetic_label.text() == "A₁[0, 0] = σ(-0.02) = 0.495"
    assert view.current_step == lesson.inspector.step
    for number in lesson.book_numbers:
        _go_to_step_of(qtbot, view, number.entry)
        assert view.panel(number.entry).model.text(*number.cell) == number.shown
