"""The seed-002 lessons in the window: the hidden-size lesson sets up the study's data and
runs its sweep with the baseline drawn across it; the TensorFlow lesson prints its run's test
loss every 100 steps."""

from dataclasses import replace

from PySide6.QtWidgets import QMenu

from bpstudio import lessons
from bpstudio.experiments.seed002 import seed002_baseline
from bpstudio.experiments.seed002_lesson import final_test_score, tensorflow_printout


def _open_lesson(window, lesson_id):
    menu = window.findChild(QMenu, "lessonsMenu")
    next(a for a in menu.actions() if a.objectName() == f"lesson_{lesson_id}Action").trigger()


def test_hidden_size_lesson_runs_the_sweep_with_the_baseline(qtbot, window, monkeypatch):
    lesson = lessons.LESSONS["seed002_hidden"]
    quick = replace(lesson.sweep, vary=("hidden=5,10",), seeds=2, epochs=3)
    monkeypatch.setitem(lessons.LESSONS, "seed002_hidden", replace(lesson, sweep=quick))
    _open_lesson(window, "seed002_hidden")
    assert window.session.data.name == "classification"
    assert window.session.data.params["n_features"] == 20
    dialog = window.sweeps.dialog
    assert dialog.isVisible() and dialog.full_button.isVisible()
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=60000)
    points = dialog.results.point_rows()
    assert [p["hidden"] for p in points] == [5, 10] and points[0]["runs"] == 2
    assert dialog.references[0] == ("no hidden layer (logistic regression)",
                                    final_test_score(seed002_baseline(), 3))
    assert "flat and noisy" in window.explain.lesson_panel.text.toPlainText()


def test_tensorflow_lesson_prints_the_test_loss_every_100_steps(qtbot, window):
    _open_lesson(window, "seed002_tensorflow")
    text = window.explain.lesson_panel.text.toPlainText()
    for step, loss in tensorflow_printout():
        assert f"{step:,}" in text and f"{loss:.5f}" in text and f"{2 * loss:.5f}" in text
    assert window.session.training.epoch_limit == 1000
    assert window.session.network.loss == "mse"


def test_the_baseline_line_is_named_in_chinese_in_a_chinese_window(qtbot, zh_window, monkeypatch):
    lesson = lessons.LESSONS["seed002_hidden"]
    quick = replace(lesson.sweep, vary=("hidden=5",), seeds=1, epochs=2)
    monkeypatch.setitem(lessons.LESSONS, "seed002_hidden", replace(lesson, sweep=quick))
    _open_lesson(zh_window, "seed002_hidden")
    dialog = zh_window.sweeps.dialog
    label = dialog.references[0][0]
    assert label != "no hidden layer (logistic regression)" and "逻辑回归" in label, label
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=60000)
