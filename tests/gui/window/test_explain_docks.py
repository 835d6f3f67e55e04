"""The explaining docks inside the real window, driven like a person would: the View and
Lessons menus, the inspector's buttons, the gradient check, live gradient flow and neurons."""

import threading

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
)

from bpstudio import io as bpnet
from bpstudio.core.expression import BILLS
from bpstudio.examples import EXAMPLES
from bpstudio.gui.widgets import BigSpinBox, LogSpinBox
from bpstudio.gui.window.dock_spec import on_screen
from bpstudio.gui.window.explain_docks import DOCKS
from bpstudio.lessons import LESSONS, get_lesson
from bpstudio.training.extras import DOCTOR_FINDINGS, HIDDEN_OUTPUTS, MEAN_ABS_GRAD
from tests.gui.window.test_main_window import click, epoch, shapes, train_until

VIEWS = {  # View menu entry: (dock, widget inside it)
    "Step inspector": ("inspectorDock", "inspectorView"),
    "Graph lab": ("graphLabDock", "graphLab"),
    "Gradient flow": ("gradientFlowDock", "gradientFlowPlot"),
    "Hidden neurons": ("neuronDock", "neuronView"),
    "Gradient check": ("gradientCheckDock", "gradientCheckPanel"),
    "Lesson": ("lessonDock", "lessonPanel"),
}




def view_action(window, title: str) -> QAction:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    return next(a for a in menu.actions() if a.text().replace("&", "") == title)


def open_view(qtbot, window, title: str):
    dock_name, widget_name = VIEWS[title]
    view_action(window, title).trigger()
    qtbot.waitUntil(window.docks[dock_name].isVisible)
    return window.findChild(type(window.docks[dock_name].widget()), widget_name)


def open_lesson(window, lesson_id: str) -> None:
    menu = window.findChild(QMenu, "lessonsMenu")
    menu.findChild(QAction, f"lesson_{lesson_id}Action").trigger()


def go_to_step_of(qtbot, inspector, key: str) -> None:
    target = next(i for i, s in enumerate(inspector.trace.steps) if key in s.keys)
    while inspector.current_step < target:
        qtbot.mouseClick(inspector.next_button, Qt.MouseButton.LeftButton)
    while inspector.current_step > target:
        qtbot.mouseClick(inspector.prev_button, Qt.MouseButton.LeftButton)


def shown_text(inspector, key: str, row: int, col: int) -> str:
    model = inspector.panel(key).table.model()
    return model.data(model.index(row, col))


# -- opening ---------------------------------------------------------------------------------


def test_each_view_opens_and_closes_from_the_view_menu(qtbot, window):
    for title, (dock_name, _) in VIEWS.items():
        dock = window.docks[dock_name]
        assert not dock.isVisible(), title  # hidden until asked for
        widget = open_view(qtbot, window, title)
        assert widget is dock.widget() and on_screen(widget), title  # in front of its tabs
        view_action(window, title).trigger()
        qtbot.waitUntil(lambda d=dock: not d.isVisible())


def test_inspector_tables_have_the_textbook_shapes_for_the_default_network(qtbot, window):
    inspector = open_view(qtbot, window, "Step inspector")
    qtbot.waitUntil(lambda: inspector.trace is not None)
    n = len(window.data.train.X)
    sizes = window.session.network.layer_sizes(1, 1)  # 1-100-1
    expected = {"X": (n, sizes[0]), "Y": (n, sizes[-1]), "E": (n, sizes[-1])}
    for l in range(1, len(sizes)):
        rows_of_w = (sizes[l - 1], sizes[l])
        for key in ("W", "dW", "step"):
            expected[f"{key}{l}"] = rows_of_w
        expected[f"W{l}_new"] = rows_of_w
        for key in ("b", "db"):
            expected[f"{key}{l}"] = (1, sizes[l])
        expected[f"b{l}_new"] = (1, sizes[l])
        for key in ("Z", "A", "fp", "delta"):
            expected[f"{key}{l}"] = (n, sizes[l])
        if l < len(sizes) - 1:
            expected[f"back{l}"] = (n, sizes[l])
    seen = {}
    qtbot.mouseClick(inspector.prev_button, Qt.MouseButton.LeftButton)
    while True:
        for key, panel in inspector.page.panels.items():
            seen[key] = (panel.model.rowCount(), panel.model.columnCount())
            rows, cols = seen[key]
            assert panel.shape_label.text() == f"{rows} × {cols}"
        if not inspector.next_button.isEnabled():
            break
        qtbot.mouseClick(inspector.next_button, Qt.MouseButton.LeftButton)
    assert seen == expected


# -- lessons ---------------------------------------------------------------------------------


def test_two_input_lesson_shows_the_book_numbers(qtbot, window):
    open_lesson(window, "two_input")
    lesson = get_lesson("two_input")
    inspector = window.explain.inspector
    qtbot.waitUntil(lambda: inspector.trace is not None)
    for name in ("inspectorDock", "networkDock", "lessonDock"):
        assert window.docks[name].isVisible(), name
    assert window.session.data.table is not None and window.windowTitle().startswith("Untitled[*]")
    assert window.explain.lesson_panel.title_label.text() == lesson.title
    assert inspector.precision_spin.value() == 3 and inspector.significant_check.isChecked()
    assert inspector.current_step == lesson.inspector.step
    for number in lesson.book_numbers:
        go_to_step_of(qtbot, inspector, number.entry)
        assert shown_text(inspector, number.entry, *number.cell) == number.shown, number.label
    # the book's five: the same figures, up to the sign of δ and the book's rounding
    for book in ("0.495", "0.512", "0.122", "0.003", "0.0302"):
        number = next(n for n in lesson.book_numbers if n.book == book)
        go_to_step_of(qtbot, inspector, number.entry)
        shown = abs(float(shown_text(inspector, number.entry, *number.cell)))
        assert round(shown, len(book.split(".")[1])) == float(book), book


@pytest.mark.parametrize("lesson_id", sorted(LESSONS))
def test_every_lesson_opens_its_views_in_front(qtbot, window, lesson_id):
    lesson = get_lesson(lesson_id)
    open_lesson(window, lesson_id)
    wanted = {DOCKS[view] for view in lesson.views} | {"lessonDock"}
    for name in wanted:
        qtbot.waitUntil(lambda n=name: on_screen(window.docks[n].widget()))
    for name in set(DOCKS.values()) - wanted:
        assert not window.docks[name].isVisible(), name
    if lesson.example is not None:
        assert window.session.title == EXAMPLES[lesson.example]().title
    inspector = window.explain.inspector
    if lesson.inspector is not None:
        qtbot.waitUntil(lambda: inspector.trace is not None)
        assert inspector.current_step == lesson.inspector.step
        assert inspector.precision_spin.value() == lesson.inspector.precision


@pytest.mark.parametrize("width, height", [(1000, 700), (1600, 1000)])
def test_a_lesson_in_a_small_window_puts_a_squeezed_view_behind_as_a_tab(
        qtbot, window, width, height):
    from bpstudio.gui.window.dock_area import MIN_SIDE_BY_SIDE

    window.resize(width, height)
    open_lesson(window, "two_input")
    inspector, network = (window.docks[n] for n in ("inspectorDock", "networkDock"))
    qtbot.waitUntil(lambda: on_screen(inspector.widget()))
    assert window.width() == width  # not widened beyond the screen to fit both
    if width < 1600:  # too narrow for the network beside the inspector: it is the next tab
        assert network in window.tabifiedDockWidgets(inspector)
        assert not on_screen(network.widget())
    else:
        assert network not in window.tabifiedDockWidgets(inspector)
        assert on_screen(network.widget()) and network.width() >= MIN_SIDE_BY_SIDE


def test_a_lesson_asks_before_dropping_unsaved_changes(qtbot, window, dialogs):
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: epoch(window) == 1)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    open_lesson(window, "three_input")
    assert dialogs.kinds() == ["question"] and window.session.data.name == "sin"
    assert not window.docks["lessonDock"].isVisible()
    dialogs.answer = QMessageBox.StandardButton.Discard
    open_lesson(window, "three_input")
    qtbot.waitUntil(lambda: shapes(window) == [(3, 2), (2, 1)])
    assert window.docks["lessonDock"].isVisible() and not window.isWindowModified()


def test_graph_lab_lesson_and_an_edited_input_recomputes_the_graph(qtbot, window, dialogs):
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: epoch(window) == 1)
    open_lesson(window, "computational_graph")
    assert dialogs.kinds() == []  # no example to load: the network stays
    lab = window.explain.graph_lab
    assert window.docks["graphLabDock"].isVisible() and lab.graph.bill.key == "apples"
    assert lab.total_label.text() == "<b>total = 22</b>"
    spin = lab.findChild(QDoubleSpinBox, "apple_priceSpin")
    spin.selectAll()
    qtbot.keyClicks(spin, "20")
    qtbot.keyClick(spin, Qt.Key.Key_Enter)
    want = BILLS["apples"].evaluate({k: s.value() for k, s in lab.spins.items()})
    assert spin.value() == 20 and want.total.value == pytest.approx(44)
    assert lab.total_label.text() == "<b>total = 44</b>"
    assert lab.grad_items["tax"].text() == f"{want.derivative('tax'):.6g}" == "40"


# -- apply step ------------------------------------------------------------------------------


def test_apply_step_sets_exactly_the_traced_update_and_keeps_the_epoch(qtbot, window):
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: epoch(window) == 1)
    inspector = open_view(qtbot, window, "Step inspector")
    assert window.training.sync()
    history = list(window.session.history.train_loss)
    trace = inspector.trace
    expected = trace.updated_parameters()
    assert not np.array_equal(window.session.state.parameters, expected)
    qtbot.mouseClick(inspector.findChild(QPushButton, "applyStepButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: np.array_equal(window.session.state.parameters, expected))
    assert window.session.epoch == 1 and window.session.history.train_loss == history
    assert "epoch count is unchanged" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: np.array_equal(inspector.trace["W1"].value,
                                           trace["W1_new"].value))  # traced afresh
    np.testing.assert_array_equal(window.last_snapshot.weights[1], trace["W2_new"].value)


def test_apply_step_while_training_pauses_first(qtbot, window):
    inspector = open_view(qtbot, window, "Step inspector")
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: epoch(window) > 20, timeout=20000)
    trace = inspector.trace
    qtbot.mouseClick(inspector.apply_button, Qt.MouseButton.LeftButton)
    assert not window.training.running
    qtbot.waitUntil(lambda: np.array_equal(window.session.state.parameters,
                                           trace.updated_parameters()))


# -- gradient check --------------------------------------------------------------------------


def test_gradient_check_of_the_default_network_runs_off_the_gui_thread(
    qtbot, window, gradient_check_threads
):
    panel = open_view(qtbot, window, "Gradient check")
    button = panel.findChild(QPushButton, "gradientCheckButton")
    table = panel.findChild(QTableWidget, "gradientCheckTable")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.rowCount() > 0, timeout=10000)
    threads = gradient_check_threads
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    errors = [float(table.item(r, 1).text()) for r in range(table.rowCount())]
    assert sorted(names) == ["W1", "W2", "b1", "b2"] and max(errors) < 1e-7
    assert "Backpropagation is right" in panel.verdict_label.text() and button.isEnabled()
    click(qtbot, window, "resetButton")  # a new run: the old verdict goes
    qtbot.waitUntil(lambda: table.rowCount() == 0)


# -- live views ------------------------------------------------------------------------------


def grads_drawn(flow) -> int:
    x, _ = flow.layer_items[0].grad.getData() if flow.layer_items else (None, None)
    return 0 if x is None else len(x)


def neuron_curve_points(neurons) -> int:
    x, _ = neurons.curve.getData()
    return 0 if x is None else len(x)


def test_a_view_behind_another_tab_gets_no_extras_until_its_tab_is_chosen(qtbot, window):
    flow = open_view(qtbot, window, "Gradient flow")
    qtbot.waitUntil(lambda: MEAN_ABS_GRAD in window.last_snapshot.extras, timeout=10000)
    window.docks["networkDock"].raise_()  # the network's tab in front of gradient flow
    assert flow.isVisible() and not on_screen(flow)  # Qt still calls it visible
    for n in (1, 2):  # the first step may be on its way before the worker hears of it
        click(qtbot, window, "stepButton")
        qtbot.waitUntil(lambda n=n: epoch(window) == n)
    assert MEAN_ABS_GRAD not in window.last_snapshot.extras
    window.docks["gradientFlowDock"].raise_()
    qtbot.waitUntil(lambda: MEAN_ABS_GRAD in window.last_snapshot.extras, timeout=10000)


def views(window):
    """The extras of the views (the doctor's findings always come)."""
    return set(window.last_snapshot.extras) - {DOCTOR_FINDINGS}


def test_extras_are_made_only_while_their_views_are_on_screen(qtbot, window):
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: epoch(window) > 10, timeout=20000)
    assert set(window.last_snapshot.extras) == {DOCTOR_FINDINGS}
    open_view(qtbot, window, "Gradient flow")
    qtbot.waitUntil(lambda: views(window) == {MEAN_ABS_GRAD}, timeout=10000)
    open_view(qtbot, window, "Hidden neurons")
    qtbot.waitUntil(lambda: views(window) == {MEAN_ABS_GRAD, HIDDEN_OUTPUTS},
                    timeout=10000)
    for title in ("Gradient flow", "Hidden neurons"):
        view_action(window, title).trigger()
    qtbot.waitUntil(lambda: set(window.last_snapshot.extras) == {DOCTOR_FINDINGS}, timeout=10000)


def test_gradient_flow_and_neurons_follow_training_reset_load_and_rebuilds(
    qtbot, window, dialogs, tmp_path
):
    flow = open_view(qtbot, window, "Gradient flow")
    neurons = open_view(qtbot, window, "Hidden neurons")
    qtbot.waitUntil(lambda: neurons.neuron_combo.count() == 100)  # extras come when paused
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: grads_drawn(flow) > 3, timeout=20000)
    shown = neurons.curve.getData()[1].copy()
    qtbot.waitUntil(lambda: not np.array_equal(neurons.curve.getData()[1], shown),
                    timeout=20000)  # the neuron's curve moves while it learns
    assert np.isfinite(flow.layer_items[1].grad.getData()[1]).all()

    click(qtbot, window, "resetButton")
    qtbot.waitUntil(lambda: epoch(window) == 0)
    qtbot.waitUntil(lambda: neurons.neuron_combo.count() == 100)  # cleared, then drawn again
    assert flow.n_points <= 1

    window.findChild(QSpinBox, "layerSizeSpin0").setValue(7)  # architecture change
    qtbot.waitUntil(lambda: neurons.neuron_combo.count() == 7, timeout=10000)
    qtbot.mouseClick(window.findChild(QPushButton, "addLayerButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: neurons.neuron_combo.count() == 14, timeout=10000)
    train_until(qtbot, window, 10)
    qtbot.waitUntil(lambda: len(flow.layer_items) == 3 and grads_drawn(flow) > 0)

    combo = window.findChild(QComboBox, "datasetCombo")  # data change: a plane
    combo.setCurrentIndex(combo.findText("Spiral"))
    qtbot.waitUntil(lambda: shapes(window)[:1] == [(2, 7)], timeout=10000)
    qtbot.waitUntil(lambda: neurons.image.image is not None
                    and neurons.image.image.shape == (48, 48), timeout=10000)

    dialogs.save_path = str(tmp_path / "spiral")
    window.actions.save.trigger()
    window.actions.new.trigger()
    qtbot.waitUntil(lambda: neurons.neuron_combo.count() == 100, timeout=10000)
    dialogs.open_path = str(tmp_path / "spiral.bpnet")
    window.actions.open.trigger()  # load
    qtbot.waitUntil(lambda: neurons.neuron_combo.count() == 14, timeout=10000)
    assert bpnet.load(tmp_path / "spiral.bpnet").data.name == "spiral"
    train_until(qtbot, window, window.session.epoch + 5)
    qtbot.waitUntil(lambda: flow.n_points > 0 and grads_drawn(flow) > 0)


def test_hovering_or_clicking_a_hidden_neuron_shows_it(qtbot, window):
    window.docks["networkDock"].raise_()
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: epoch(window) == 1)
    network = window.network_view
    qtbot.waitUntil(lambda: network._layout is not None)
    viewport = network.plot.scene().views()[0].viewport()

    def point(layer, unit):
        at = QPointF(float(layer), float(network._layout.columns[layer][unit]))
        return viewport.parentWidget().mapFromScene(network.plot.vb.mapViewToScene(at))

    neurons = window.explain.neurons
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point(1, 42))
    qtbot.waitUntil(lambda: neurons.selected == (1, 42), timeout=10000)  # opened on it
    assert window.docks["neuronDock"].isVisible()

    wiggle = iter(range(10**6))

    def hovered():  # pyqtgraph takes ~60 moves a second: keep moving until one lands
        qtbot.mouseMove(viewport, point(1, 7) + QPoint(next(wiggle) % 2, 0))
        return neurons.selected == (1, 7)

    qtbot.waitUntil(hovered)


def test_the_inspector_follows_the_learning_rate_and_training(qtbot, window):
    inspector = open_view(qtbot, window, "Step inspector")
    qtbot.waitUntil(lambda: inspector.trace is not None)
    window.findChild(LogSpinBox, "learningRateSpin").setValue(0.02)
    qtbot.waitUntil(lambda: inspector.trace.learning_rate == 0.02)
    before = inspector.trace["W1"].value.copy()
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: not np.array_equal(inspector.trace["W1"].value, before),
                    timeout=20000)


def test_the_inspector_follows_reset_rebuilds_batches_and_loads(qtbot, window, dialogs,
                                                               tmp_path):
    inspector = open_view(qtbot, window, "Step inspector")
    qtbot.waitUntil(lambda: inspector.trace is not None)
    initial = inspector.trace["W1"].value.copy()
    train_until(qtbot, window, 5)
    qtbot.waitUntil(lambda: not np.array_equal(inspector.trace["W1"].value, initial))
    click(qtbot, window, "resetButton")
    qtbot.waitUntil(lambda: inspector.trace is not None
                    and np.array_equal(inspector.trace["W1"].value, initial))

    window.findChild(QSpinBox, "layerSizeSpin0").setValue(7)  # architecture
    qtbot.waitUntil(lambda: inspector.trace is not None and inspector.trace["W1"].shape == (1, 7))
    combo = window.findChild(QComboBox, "datasetCombo")  # data
    combo.setCurrentIndex(combo.findText("Spiral"))
    qtbot.waitUntil(lambda: inspector.trace is not None and inspector.trace["X"].shape[1] == 2)
    n = inspector.trace["X"].shape[0]

    batch = inspector.findChild(QComboBox, "batchCombo")
    minibatch = batch.model().item(batch.findData("minibatch"))
    batch_size = window.findChild(BigSpinBox, "batchSizeSpin")
    assert minibatch.isEnabled() and batch_size.value() == 32  # the spiral's starter
    batch_size.setValue(0)  # full batch: no mini-batch to show
    qtbot.waitUntil(lambda: not minibatch.isEnabled())
    batch_size.setValue(10)
    qtbot.waitUntil(minibatch.isEnabled)
    batch.setCurrentIndex(batch.findData("minibatch"))
    assert inspector.trace["X"].shape == (10, 2) and n > 10

    dialogs.save_path = str(tmp_path / "spiral")
    window.actions.save.trigger()
    view_action(window, "Step inspector").trigger()  # hidden while another file opens
    window.actions.new.trigger()
    dialogs.open_path = str(tmp_path / "spiral.bpnet")
    window.actions.open.trigger()
    open_view(qtbot, window, "Step inspector")
    qtbot.waitUntil(lambda: inspector.trace is not None and inspector.trace["X"].shape[1] == 2)
    np.testing.assert_array_equal(inspector.trace["W1"].value.ravel(),
                                  window.session.state.parameters[:14])


def test_a_late_hand_back_does_not_undo_a_network_edit(qtbot, window):
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: epoch(window) == 1)
    outgoing = window.session.state
    window.findChild(QSpinBox, "layerSizeSpin0").setValue(7)
    window.training.state_handed_back.emit(outgoing)  # the old run's reply, still under way
    qtbot.waitUntil(lambda: shapes(window) == [(1, 7), (7, 1)])
    assert window.session.epoch == 0 and window.training.sync()
    assert window.session.state.parameters.size == 7 + 7 + 7 + 1


def test_closing_while_training_with_every_view_open(qtbot, window):
    for title in VIEWS:
        open_view(qtbot, window, title)
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: epoch(window) > 5, timeout=20000)
    qtbot.mouseClick(window.explain.gradient_check.button, Qt.MouseButton.LeftButton)
    assert window.close()
    assert not window.training.worker_thread.isRunning()
