"""The main window, driven like a person would: buttons, keys, designer fields, file dialogs."""

from dataclasses import replace

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStatusBar,
    QTableWidget,
    QToolButton,
    QWidget,
)

from bpstudio import io as bpnet
from bpstudio.examples import example_path
from bpstudio.gui import MainWindow
from bpstudio.gui.widgets import BigSpinBox, LogSpinBox

NAMED = {
    "designerPanel": QWidget, "datasetCombo": QComboBox, "layersTable": QTableWidget,
    "addLayerButton": QPushButton, "removeLayerButton": QPushButton,
    "learningRateSpin": LogSpinBox, "optimizerCombo": QComboBox, "lossPlot": QWidget,
    "fitPlot": QWidget, "decisionPlot": QWidget, "networkView": QWidget,
    "trainButton": QToolButton, "stepButton": QToolButton, "resetButton": QToolButton,
    "statusBar": QStatusBar,
}


def button(window, name):
    widget = window.findChild(QToolButton, name)
    assert widget is not None, name
    return widget


def click(qtbot, window, name):
    qtbot.mouseClick(button(window, name), Qt.MouseButton.LeftButton)


def epoch(window):
    """The epoch on screen; -1 between a rebuild and its first snapshot."""
    return -1 if window.last_snapshot is None else window.last_snapshot.epoch


def loss_points(window):
    """Epochs the loss plot holds (the curve itself is downsampled to the pixel width)."""
    return window.loss_plot.train_series.n


def drawn(curve):
    x, _ = curve.getData()
    return 0 if x is None else len(x)


def shapes(window):
    shown = window.last_snapshot
    return [] if shown is None else [w.shape for w in shown.weights]


def train_until(qtbot, window, at_least):
    if not window.training.running:
        click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: epoch(window) >= at_least, timeout=20000)
    click(qtbot, window, "trainButton")
    assert window.training.sync()
    qtbot.waitUntil(lambda: window.last_snapshot.epoch == window.session.epoch)


def test_opens_with_every_named_widget(window):
    for name, cls in NAMED.items():
        assert window.findChild(cls, name) is not None, name
    assert window.objectName() == "mainWindow"
    assert window.windowTitle() == "Untitled[*] — BP Studio"
    assert window.findChild(QStatusBar, "statusBar").findChild(QWidget, "epochLabel").text() \
        == "Epoch 0"


def test_train_grows_epochs_and_loss_curve_and_pause_stops_them(qtbot, window):
    curve = window.loss_plot.train_curve
    click(qtbot, window, "trainButton")
    assert button(window, "trainButton").text() == "Pause"
    qtbot.waitUntil(lambda: epoch(window) >= 30, timeout=20000)
    before = loss_points(window)
    qtbot.waitUntil(lambda: loss_points(window) > before and drawn(curve) > 0, timeout=20000)
    click(qtbot, window, "trainButton")
    assert button(window, "trainButton").text() == "Train"
    assert window.training.sync()
    stopped_at, points = epoch(window), loss_points(window)
    qtbot.wait(300)  # nothing may move while paused
    assert (epoch(window), loss_points(window)) == (stopped_at, points) == (points, points)
    assert window.session.epoch == stopped_at
    status = window.findChild(QWidget, "epochLabel").text()
    assert status == f"Epoch {stopped_at:,}"
    assert window.isWindowModified()


def test_step_advances_exactly_one_epoch_and_reset_returns_to_zero(qtbot, window):
    initial = window.last_snapshot.weights
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: epoch(window) == 1)
    qtbot.keyClick(window, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: epoch(window) == 2)
    assert window.training.sync() and epoch(window) == 2 and window.session.epoch == 2
    assert loss_points(window) == 2
    click(qtbot, window, "resetButton")
    qtbot.waitUntil(lambda: epoch(window) == 0)
    for got, want in zip(window.last_snapshot.weights, initial):
        np.testing.assert_array_equal(got, want)
    assert loss_points(window) == 0


def test_reset_returns_to_a_textbook_examples_starting_weights(qtbot, window):
    from bpstudio.examples import EXAMPLES

    book = EXAMPLES["two_input"]()
    window.show_session(book)
    qtbot.waitUntil(lambda: epoch(window) == 0)
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: epoch(window) == 1)
    click(qtbot, window, "resetButton")
    qtbot.waitUntil(lambda: epoch(window) == 0)
    np.testing.assert_array_equal(window.session.state.parameters, book.state.parameters)
    assert "starting weights" in window.statusBar().currentMessage()
    # other data and back: the book's rows come back, and with them its weights
    data_combo = window.findChild(QComboBox, "datasetCombo")
    data_combo.setCurrentIndex(data_combo.findText("Spiral"))
    qtbot.waitUntil(lambda: window.session.data.name == "spiral" and epoch(window) == 0)
    assert window.session.state is None
    data_combo.setCurrentIndex(data_combo.findText("Imported table"))
    qtbot.waitUntil(lambda: window.session.data == book.data and epoch(window) == 0)
    np.testing.assert_array_equal(window.session.state.parameters, book.state.parameters)
    np.testing.assert_array_equal(
        np.concatenate([w.ravel() for w in window.last_snapshot.weights]), book.state.parameters)
    # another weight seed is another network: from then on Reset draws from the seed
    window.findChild(BigSpinBox, "weightSeedSpin").setValue(5)
    qtbot.waitUntil(lambda: "rebuilt" in window.statusBar().currentMessage())
    click(qtbot, window, "resetButton")
    assert "from the seed" in window.statusBar().currentMessage()
    assert window.session.state is None


def test_another_optimizer_before_the_first_frame_keeps_the_weights(qtbot, window, dialogs):
    from bpstudio.examples import EXAMPLES

    book = EXAMPLES["two_input"]()
    window.show_session(book)  # and at once, before anything is drawn:
    optimizer = window.findChild(QComboBox, "optimizerCombo")
    optimizer.setCurrentIndex(optimizer.findData("adam"))
    qtbot.waitUntil(lambda: "settings changed" in window.statusBar().currentMessage())
    qtbot.waitUntil(lambda: window.last_snapshot is not None)
    assert dialogs.kinds() == []
    assert "weights were kept" in window.statusBar().currentMessage()
    assert window.session.training.optimizer == "adam"
    np.testing.assert_array_equal(window.session.state.parameters, book.state.parameters)
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: epoch(window) == 1)


def test_training_clears_the_last_message(qtbot, window):
    window.status_line.showMessage("Data changed: rebuilt with fresh weights (epoch 0).")
    click(qtbot, window, "trainButton")
    assert window.statusBar().currentMessage() == ""
    click(qtbot, window, "trainButton")


def test_space_toggles_training(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: epoch(window) > 0, timeout=20000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.training.running


def test_editing_the_designer_changes_the_network_that_trains(qtbot, window):
    window.findChild(QSpinBox, "layerSizeSpin0").setValue(7)
    qtbot.waitUntil(lambda: shapes(window) == [(1, 7), (7, 1)])
    qtbot.mouseClick(window.findChild(QPushButton, "addLayerButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shapes(window)) == 3)
    train_until(qtbot, window, 5)
    assert [w.shape for w in window.last_snapshot.weights] == [(1, 7), (7, 7), (7, 1)]
    assert window.session.network.layer_sizes(1, 1) == [1, 7, 7, 1]


def test_changing_the_network_while_training_pauses_and_says_so(qtbot, window):
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: epoch(window) > 0, timeout=20000)
    window.findChild(QSpinBox, "layerSizeSpin0").setValue(4)
    qtbot.waitUntil(lambda: shapes(window)[:1] == [(1, 4)])
    assert not window.training.running and epoch(window) == 0
    assert "paused" in window.statusBar().currentMessage()


def test_learning_rate_change_takes_effect_while_training(qtbot, window):
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: epoch(window) > 0, timeout=20000)
    window.findChild(LogSpinBox, "learningRateSpin").setValue(0.02)
    assert window.training.running
    assert window.training.sync()
    assert window.session.state.optimizer["lr"] == 0.02
    assert window.training.running


def test_diverging_pauses_with_a_message_and_finite_weights(qtbot, window):
    window.findChild(LogSpinBox, "learningRateSpin").setValue(10.0)
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(
        lambda: (box := window.findChild(QMessageBox, "divergenceMessage")) is not None
        and box.isVisible(), timeout=20000)
    box = window.findChild(QMessageBox, "divergenceMessage")
    assert "Lower the learning rate" in box.text() and not box.isModal()
    assert not window.training.running
    assert window.training.sync()
    assert np.all(np.isfinite(window.session.state.parameters))
    assert all(np.all(np.isfinite(w)) for w in window.last_snapshot.weights)
    assert len(window.findChild(QWidget, "metricLabel").text()) < 40  # R² of a blown-up fit


def test_epoch_limit_stops_training(qtbot, window):
    window.findChild(BigSpinBox, "epochLimitSpin").setValue(25)
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: not window.training.running, timeout=20000)
    assert window.training.sync() and epoch(window) == 25
    assert "epoch limit" in window.statusBar().currentMessage()


def test_a_step_right_after_opening_marks_the_document_modified(qtbot, window):
    from bpstudio.examples import EXAMPLES

    window.show_session(EXAMPLES["points8"]())
    assert not window.isWindowModified()
    window.step_epoch()  # before the opened run's first picture is drawn
    assert window.training.sync()
    qtbot.waitUntil(lambda: window.last_snapshot is not None and window.last_snapshot.epoch == 1)
    assert window.isWindowModified()


def test_train_or_step_at_the_epoch_limit_leaves_a_saved_document_unmodified(
        qtbot, window, dialogs, tmp_path):
    window.findChild(BigSpinBox, "epochLimitSpin").setValue(3)
    with qtbot.waitSignal(window.training.limit_reached, timeout=20000):
        click(qtbot, window, "trainButton")
    assert window.training.sync()
    qtbot.waitUntil(lambda: window.last_snapshot.epoch == 3)
    dialogs.save_path = str(tmp_path / "limit")
    window.actions.save.trigger()
    assert not window.isWindowModified()
    for action in (window.actions.step, window.actions.train):
        with qtbot.waitSignal(window.training.limit_reached, timeout=10000):
            action.trigger()
        assert window.training.sync() and epoch(window) == 3
        assert not window.isWindowModified(), action.text()


def test_a_textbook_example_saved_after_training_resets_to_the_books_weights(
        qtbot, window, dialogs, tmp_path):
    from bpstudio.examples import EXAMPLES

    book = EXAMPLES["two_input"]()
    window.show_session(book)
    train_until(qtbot, window, 5)
    dialogs.save_path = str(tmp_path / "book")
    window.actions.save.trigger()
    window.actions.new.trigger()
    qtbot.waitUntil(lambda: window.session.start is None)
    dialogs.open_path = str(tmp_path / "book.bpnet")
    window.actions.open.trigger()
    qtbot.waitUntil(lambda: window.session.epoch >= 5 and epoch(window) >= 5)
    click(qtbot, window, "resetButton")
    qtbot.waitUntil(lambda: epoch(window) == 0)
    np.testing.assert_array_equal(window.session.state.parameters, book.state.parameters)
    assert "the document's starting weights" in window.statusBar().currentMessage()


def test_save_then_open_restores_weights_and_history(qtbot, window, dialogs, tmp_path):
    train_until(qtbot, window, 20)
    dialogs.save_path = str(tmp_path / "trained")
    window.actions.save.trigger()
    assert window.windowTitle() == "trained.bpnet[*] — BP Studio" and not window.isWindowModified()
    saved = bpnet.load(tmp_path / "trained.bpnet")
    shown = window.last_snapshot
    assert saved.state.epoch == shown.epoch
    np.testing.assert_array_equal(saved.state.parameters, window.session.state.parameters)
    window.actions.new.trigger()
    qtbot.waitUntil(lambda: epoch(window) == 0)
    dialogs.open_path = str(tmp_path / "trained.bpnet")
    window.actions.open.trigger()
    qtbot.waitUntil(lambda: epoch(window) == saved.state.epoch)
    for got, want in zip(window.last_snapshot.weights, shown.weights):
        np.testing.assert_array_equal(got, want)
    for column in saved.state.history.COLUMNS:  # NaN where nothing was measured
        np.testing.assert_array_equal(getattr(window.session.state.history, column),
                                      getattr(saved.state.history, column))
    assert np.isfinite(saved.state.history.train_metric[-1])
    assert window.windowTitle() == "trained.bpnet[*] — BP Studio"
    assert window.settings.recent_files()[0] == str(tmp_path / "trained.bpnet")


def test_a_corrupt_file_is_reported_and_changes_nothing(qtbot, window, dialogs, tmp_path):
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: epoch(window) == 1)
    before = window.session
    bad = tmp_path / "broken.bpnet"
    bad.write_text('{"format": "bpnet", "version": 1, "network": [')
    dialogs.open_path = str(bad)
    window.actions.open.trigger()
    qtbot.waitUntil(lambda: dialogs.kinds() == ["question", "critical"])
    assert window.session is before and epoch(window) == 1
    assert window.windowTitle() == "Untitled[*] — BP Studio"


def test_unsaved_changes_ask_before_new_and_cancel_keeps_them(qtbot, window, dialogs):
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: epoch(window) == 1)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.actions.new.trigger()
    assert dialogs.kinds() == ["question"] and epoch(window) == 1
    dialogs.answer = QMessageBox.StandardButton.Discard
    window.actions.new.trigger()
    qtbot.waitUntil(lambda: epoch(window) == 0)
    assert not window.isWindowModified()


def test_classification_data_shows_the_decision_regions(qtbot, window):
    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findText("Spiral"))
    qtbot.waitUntil(lambda: shapes(window)[:1] == [(2, 16)])  # the spiral's starter
    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    assert docks["decisionDock"].isVisible() and not docks["fitDock"].isVisible()
    train_until(qtbot, window, 5)
    assert window.decision_plot.image.image is not None
    assert "Accuracy" in window.findChild(QWidget, "metricLabel").text()


def test_export_plot_as_png_and_svg(qtbot, window, dialogs, tmp_path):
    for fmt, action in (("png", window.actions.export_png), ("svg", window.actions.export_svg)):
        dialogs.save_path = str(tmp_path / f"fit.{fmt}")
        action.trigger()
        assert (tmp_path / f"fit.{fmt}").stat().st_size > 0
    assert (tmp_path / "fit.png").read_bytes()[:4] == b"\x89PNG"


def test_export_from_a_view_without_a_plot_takes_the_main_plot(
    qtbot, window, dialogs, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QApplication

    window.docks["inspectorDock"].show()
    inspector = window.explain.inspector
    # the offscreen platform gives no window the keyboard focus: say where it is
    monkeypatch.setattr(QApplication, "focusWidget", lambda: inspector.step_combo)
    assert window.files._current_plot() is window.fit_plot
    monkeypatch.setattr(QApplication, "focusWidget", lambda: window.loss_plot)
    assert window.files._current_plot() is window.loss_plot
    monkeypatch.setattr(QApplication, "focusWidget", lambda: inspector.step_combo)
    dialogs.save_path = str(tmp_path / "main.png")
    window.actions.export_png.trigger()
    assert dialogs.kinds() == []
    assert (tmp_path / "main.png").read_bytes()[:4] == b"\x89PNG"


def test_closing_while_training_stops_the_thread(qtbot, window):
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: epoch(window) > 0, timeout=20000)
    assert window.close()
    assert not window.training.worker_thread.isRunning()


def test_dock_layout_and_geometry_persist(qtbot, dialogs):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.docks["networkDock"].hide()
    first.resize(700, 500)
    size = (first.width(), first.height())  # as far as the minimum sizes allow
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert not second.docks["networkDock"].isVisible()
    assert (second.width(), second.height()) == size and size[1] == 500
    second.close()


def test_smooth_animation_lets_drawing_take_more_and_is_remembered(qtbot, dialogs):
    from bpstudio.gui.training.pace import FASTEST, SMOOTH

    def pace(window):  # the one place frames are paced: the controller's render
        return window.training.render_budget

    first = MainWindow()
    qtbot.addWidget(first)
    view_menu = next(a.menu() for a in first.menuBar().actions() if a.text() == "&View")
    assert first.actions.smooth in view_menu.actions()
    assert pace(first) == FASTEST.render_budget < SMOOTH.render_budget
    first.actions.smooth.trigger()
    assert pace(first) == SMOOTH.render_budget
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.actions.smooth.isChecked()
    assert pace(second) == SMOOTH.render_budget
    second.actions.smooth.trigger()
    assert pace(second) == FASTEST.render_budget
    second.close()


def test_a_file_given_at_launch_is_opened(qtbot, dialogs):
    w = MainWindow(str(example_path("points8")))
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.windowTitle() == "points8.bpnet[*] — BP Studio")
    assert w.findChild(QComboBox, "datasetCombo").currentText() == "8 points"
    assert w.session.network.loss == "mse" and not w.isWindowModified()
    w.close()


def test_an_unreadable_file_at_launch_falls_back_to_the_example(qtbot, dialogs, tmp_path):
    w = MainWindow(str(tmp_path / "missing.bpnet"))
    qtbot.addWidget(w)
    assert w.windowTitle() == "Untitled[*] — BP Studio"
    qtbot.waitUntil(lambda: dialogs.kinds() == ["critical"])
    assert w.session.data.name == "sin"
    w.close()


def test_another_view_can_join_as_a_dock(qtbot, window):
    from bpstudio.gui.views import NetworkView
    from bpstudio.gui.window.dock_spec import DockSpec

    extra = NetworkView()
    extra.setObjectName("extraView")
    dock = window.add_view_dock(DockSpec(extra, "Extra", "extraDock"))
    dock.raise_()
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: epoch(window) == 1)
    assert extra in window.views
    qtbot.waitUntil(lambda: extra.message == "")  # it has drawn the network
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert dock.toggleViewAction() in view_menu.actions()


def test_the_status_bar_says_which_stopping_rule_held(qtbot, window):
    """A target loss stops training; the status bar names that rule, not the epoch limit."""
    from bpstudio.core.stopping import StopRules

    session = window.session
    rules = StopRules(target_loss=1e9)  # the first epoch already reaches it
    window.show_session(replace(session, training=replace(session.training, stopping=rules)))
    with qtbot.waitSignal(window.training.limit_reached, timeout=20000) as blocker:
        click(qtbot, window, "trainButton")
    assert blocker.args[0].reason.name == "TARGET_LOSS"
    message = window.statusBar().currentMessage()
    assert message.startswith("Stopped at epoch 1: reached the target training loss")
    assert message.endswith("Change the stopping rule to go on.")


def test_picking_a_dataset_says_what_its_starter_changed_after_the_rebuild(qtbot, window):
    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findText("Spiral"))
    qtbot.waitUntil(lambda: "rebuilt" in window.statusBar().currentMessage())
    message = window.statusBar().currentMessage()
    assert message.startswith("Data changed: ")
    assert "Adapted to Spiral: hidden layers 16, 16 tanh, init xavier_uniform" in message
