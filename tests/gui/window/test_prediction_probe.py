"""Clicking a plot asks the network about that point; the step inspector takes the point, or
a sample picked from a table, as its batch."""

import numpy as np
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtWidgets import QApplication

from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig


def click_at(qtbot, view, x, y):
    """A left click where the data point (x, y) is drawn."""
    plot = view.plot
    scene = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton,
                     pos=plot.mapFromScene(scene))


def network_outputs(window, X):
    window.training.sync()
    bench = window.session.build(window.data)
    return bench.net.predict(window.data.standardizer.transform(np.asarray(X, dtype=float)))


def moons():
    return Session(
        network=NetworkSpec((LayerSpec(6, "tanh"),), "sigmoid", "binary_cross_entropy"),
        data=DataSpec("moons", {"n": 80}, test_fraction=0.25, standardize=True),
        training=TrainingConfig("adam", learning_rate=0.05))


def test_clicking_the_fit_plot_reads_the_network_there(window, qtbot):
    window.actions.step.trigger()
    qtbot.waitUntil(lambda: window.last_snapshot.epoch == 1, timeout=10000)
    readout = window.probe.readouts["fit"]
    assert not readout.isVisible()
    click_at(qtbot, window.fit_plot, 1.0, 0.5)
    assert readout.isVisible()
    text = readout.textItem.toPlainText()
    x = readout.pos().x()  # the read-out sits at the point asked about
    assert abs(x - 1.0) < 0.05  # where the pointer was, to the pixel
    assert text.startswith(f"x = {x:.4g}\n")
    shown = float(text.split("\n")[1].split("= ")[1])
    assert shown == float(f"{network_outputs(window, [[x]])[0, 0]:.4g}")

    window.actions.step.trigger()  # live: the next epoch's network answers
    qtbot.waitUntil(lambda: window.last_snapshot.epoch == 2, timeout=10000)
    again = float(readout.textItem.toPlainText().split("\n")[1].split("= ")[1])
    assert again == float(f"{network_outputs(window, [[x]])[0, 0]:.4g}")


def test_a_clicked_point_of_the_plane_is_the_inspectors_batch(window, qtbot):
    window.show_session(moons())
    qtbot.waitUntil(lambda: window.last_snapshot is not None, timeout=10000)
    qtbot.waitUntil(window.decision_plot.isVisible, timeout=5000)
    text = window.probe.probe("decision", 0.5, 0.25)
    p1 = network_outputs(window, [[0.5, 0.25]])[0, 0]
    assert f"class 1: {100 * p1:.1f} %" in text and f"class 0: {100 * (1 - p1):.1f} %" in text
    window.dock_area.show(["inspectorDock"])
    inspector = window.explain.inspector
    qtbot.waitUntil(lambda: inspector.trace is not None, timeout=5000)
    inspector.batch_combo.setCurrentIndex(inspector.batch_combo.findData("point"))
    X = inspector.trace["X"].value
    np.testing.assert_allclose(X, window.data.standardizer.transform(np.array([[0.5, 0.25]])))
    train = window.data.train
    nearest = train.y[np.argmin(((train.X - [0.5, 0.25]) ** 2).sum(axis=1))]
    assert inspector.trace["Y"].value.tolist() == [[float(nearest)]]
    window.dock_area.show(["decisionDock"])
    qtbot.waitUntil(window.decision_plot.isVisible, timeout=5000)
    click_at(qtbot, window.decision_plot, -0.5, 0.75)  # a person's click moves the point
    assert window.probe.readouts["decision"].isVisible()
    np.testing.assert_allclose(inspector.trace["X"].value,
                               window.data.standardizer.transform(np.array([[-0.5, 0.75]])),
                               atol=0.05)
    window.show_session(moons())  # new data: the point was of the old
    point = inspector.batch_combo.model().item(inspector.batch_combo.findData("point"))
    assert not point.isEnabled() and inspector.batch_kind == "all"
    assert not window.probe.readouts["decision"].isVisible()


def test_a_sample_chosen_from_the_table_is_traced_alone(window, qtbot):
    window.dock_area.show(["inspectorDock"])
    inspector = window.explain.inspector
    qtbot.waitUntil(lambda: inspector.trace is not None, timeout=5000)
    inspector.batch_combo.setCurrentIndex(inspector.batch_combo.findData("sample"))
    assert inspector.choose_button.isVisible()

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog.objectName() == "sampleDialog"
        table = dialog.table
        assert table.model().rowCount() == window.data.train.n_samples
        assert table.model().index(3, 0).data() == f"{window.data.train.X[3, 0]:.4g}"
        table.selectRow(3)
        dialog.findChild(type(dialog.table), "samplesTable").doubleClicked.emit(
            table.model().index(3, 0))

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(inspector.choose_button, Qt.MouseButton.LeftButton)
    assert inspector.sample_spin.value() == 3
    X = window.data.inputs(window.data.train)[3:4]
    np.testing.assert_array_equal(inspector.trace["X"].value, X)
