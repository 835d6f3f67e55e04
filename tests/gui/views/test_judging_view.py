"""The Judging dock in the window: opened from the View menu, it shows what core/judging says
about the network on screen (read back from the cells and labels a person sees), and its
numbers are made only while it is on screen."""

import numpy as np
import pytest
from PySide6.QtWidgets import QDockWidget

from bpstudio.core.judging import judge_classes, judge_values
from bpstudio.core.snapshot import JUDGEMENTS
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig


def open_judging(window, qtbot):
    dock = window.findChild(QDockWidget, "judgingDock")
    assert not dock.isVisible()  # off by default
    toggle = dock.toggleViewAction()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert toggle in view_menu.actions()
    toggle.trigger()
    qtbot.waitUntil(lambda: window.judging_view.judgements is not None, timeout=10000)
    return window.judging_view


def step(window, qtbot):
    epoch = window.last_snapshot.epoch
    window.actions.step.trigger()
    qtbot.waitUntil(lambda: window.last_snapshot.epoch == epoch + 1
                    and JUDGEMENTS in window.last_snapshot.extras, timeout=10000)
    window.training.sync()


def network_outputs(window, part):
    bench = window.session.build(window.data)
    return bench.net.predict(window.data.inputs(part))


def three_classes():
    return Session(
        network=NetworkSpec((LayerSpec(8, "tanh"),), "softmax", "cross_entropy"),
        data=DataSpec("gaussians", {"n": 120, "classes": 3}, test_fraction=0.25,
                      standardize=True),
        training=TrainingConfig("adam", learning_rate=0.05))


def test_confusion_matrix_and_scores_shown_are_core_judging(window, qtbot):
    window.show_session(three_classes())
    view = open_judging(window, qtbot)
    for _ in range(3):
        step(window, qtbot)
    data = window.data
    expected = judge_classes(network_outputs(window, data.train), data.train.y, 3)
    matrix = view.classes.matrix
    names = [matrix.horizontalHeaderItem(j).text() for j in range(3)]
    assert names == ["class 0", "class 1", "class 2"]
    shown = [[int(matrix.item(i, j).text()) for j in range(3)] for i in range(3)]
    assert shown == expected.counts.tolist()
    assert view.classes.accuracy_label.text().startswith(f"Accuracy {expected.accuracy:.3f}")
    f1 = [float(view.classes.scores.item(i, 2).text()) for i in range(3)]
    np.testing.assert_allclose(f1, expected.f1, atol=5e-4)
    assert not view.classes.roc_box.isVisibleTo(view)  # three classes: no ROC curve

    view.normalised_check.click()
    shares = [[float(matrix.item(i, j).text()) for j in range(3)] for i in range(3)]
    np.testing.assert_allclose(shares, expected.normalised, atol=5e-3)

    view.normalised_check.click()
    view.part_combo.setCurrentIndex(view.part_combo.findData("test"))
    tested = judge_classes(network_outputs(window, data.test), data.test.y, 3)
    shown = [[int(matrix.item(i, j).text()) for j in range(3)] for i in range(3)]
    assert shown == tested.counts.tolist()
    assert tested.counts.sum() == data.test.n_samples != expected.counts.sum()


def test_two_classes_show_the_roc_curve_and_its_auc(window, qtbot):
    session = three_classes()
    window.show_session(Session(
        network=NetworkSpec((LayerSpec(6, "tanh"),), "sigmoid", "binary_cross_entropy"),
        data=DataSpec("moons", {"n": 80}, test_fraction=0.25, standardize=True),
        training=session.training))
    view = open_judging(window, qtbot)
    step(window, qtbot)
    expected = judge_classes(network_outputs(window, window.data.train), window.data.train.y, 2)
    assert view.classes.roc_box.isVisibleTo(view)
    assert view.classes.auc_label.text() == f"ROC curve, AUC {expected.roc.auc:.3f}"
    x, y = view.classes.roc_curve.getData()
    np.testing.assert_array_equal(x, expected.roc.fpr)
    np.testing.assert_array_equal(y, expected.roc.tpr)


def test_regression_shows_r2_and_mae(window, qtbot):
    view = open_judging(window, qtbot)  # the sin example
    step(window, qtbot)
    part = window.data.train
    expected = judge_values(network_outputs(window, part), part.y)
    text = view.values.scores_label.text()
    assert text.startswith(f"R² {expected.r2:.4f}    MAE {expected.mae:.4g}")
    assert not view.normalised_check.isVisibleTo(view)
    x, y = view.values.points.getData()
    assert len(x) == part.n_samples
    np.testing.assert_array_equal(y, expected.predicted.ravel())


@pytest.mark.parametrize("shown", [False, True])
def test_the_worker_judges_only_while_the_dock_is_on_screen(window, qtbot, shown):
    if shown:
        open_judging(window, qtbot)
    epoch = window.last_snapshot.epoch
    window.actions.step.trigger()
    qtbot.waitUntil(lambda: window.last_snapshot.epoch == epoch + 1, timeout=10000)
    assert (JUDGEMENTS in window.last_snapshot.extras) == shown
