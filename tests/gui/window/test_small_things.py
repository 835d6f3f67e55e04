"""Issue 11, finding 9: the small things a first hour runs into."""

import itertools

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QStatusBar

from bpstudio.gui import MainWindow
from bpstudio.gui.designer.choices import LONGEST_PAIR_LABEL


def test_the_title_names_the_app_once_and_last(window):
    title = window.windowTitle().replace("[*]", "")
    assert title == "Untitled — BP Studio"  # Qt appends the app's name unless it ends so


def test_a_lesson_switch_drops_the_last_documents_message(qtbot, window, dialogs):
    window.status_line.showMessage("Applied one step of plain gradient descent (η = 0.5)")
    window.findChild(QAction, "lesson_two_inputAction").trigger()
    qtbot.waitUntil(lambda: window.session.data.name != "sin")
    assert "Applied one step" not in window.statusBar().currentMessage()


def test_after_a_lesson_the_next_start_opens_on_a_useful_layout(qtbot, window, dialogs):
    window.findChild(QAction, "lesson_two_inputAction").trigger()
    qtbot.waitUntil(lambda: window.docks["lessonDock"].isVisible())
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    for name in ("designerDock", "networkDock", "lossDock"):
        assert again.docks[name].isVisible(), name
    assert not again.docks["lessonDock"].isVisible()  # no lesson is open
    again.close()


def test_view_reset_layout_brings_the_starting_layout_back(qtbot, window):
    window.docks["networkDock"].hide()
    window.docks["lessonDock"].show()
    window.findChild(QAction, "resetLayoutAction").trigger()
    assert window.docks["networkDock"].isVisible() and window.docks["lossDock"].isVisible()
    assert not window.docks["lessonDock"].isVisible()


def test_at_1000_by_700_the_output_choice_and_the_status_fields_fit(qtbot, window):
    window.resize(1000, 700)
    qtbot.wait(100)
    combo = window.findChild(QComboBox, "outputLossCombo")
    assert combo.width() > combo.fontMetrics().horizontalAdvance(LONGEST_PAIR_LABEL) + 20
    bar = window.findChild(QStatusBar, "statusBar")
    labels = [bar.findChild(type(bar.epoch_label), n) for n in
              ("epochLabel", "lossLabel", "metricLabel", "speedLabel")]
    for left, right in itertools.pairwise(labels):
        assert left.geometry().right() < right.geometry().left()
    for label in labels:
        assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
        assert "border-left" in label.styleSheet()


def test_many_samples_say_the_window_is_busy_while_they_are_prepared(qtbot, window,
                                                                     monkeypatch):
    """Issue 11, finding 7: anything over 0.2 s shows that it is working."""
    from PySide6.QtWidgets import QApplication

    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("spiral"))
    qtbot.waitUntil(lambda: window.data.task == "classification")
    seen = []
    real = window.live_views.reset

    def watching(*args):
        seen.append((window.statusBar().currentMessage(), QApplication.overrideCursor()))
        real(*args)

    monkeypatch.setattr(window.live_views, "reset", watching)
    window.designer.data.samples_spin.setValue(100_000)
    qtbot.waitUntil(lambda: window.data.full.n_samples == 100_000, timeout=20000)
    message, cursor = seen[-1]
    assert message == "Preparing 100,000 samples and their plots…" and cursor is not None
    assert QApplication.overrideCursor() is None
