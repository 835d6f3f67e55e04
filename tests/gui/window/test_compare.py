"""Compare runs through the window: pin the live run, vary a setting, restart from the same
start, and read the numbers the Compare dock shows."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from bpstudio.examples import EXAMPLES
from bpstudio.experiments.pins import shown_number
from bpstudio.gui.widgets import LogSpinBox
from tests.gui.stepping import step_epochs as _step


def _pin(qtbot, window):
    qtbot.mouseClick(window.findChild(QToolButton, "pinRunButton"), Qt.MouseButton.LeftButton)


def test_pin_vary_and_same_start_show_the_numbers_of_each_run(qtbot, window):
    panel = window.compare.panel
    _step(qtbot, window, 15)
    _pin(qtbot, window)
    first = window.compare.board["run 1"].session.history
    assert panel.cell(1, "run") == "run 1" and panel.cell(1, "epochs") == "15"
    assert panel.cell(1, "final train loss") == shown_number(first.train_loss[-1])
    assert panel.cell(1, "best train loss") == shown_number(min(first.train_loss))
    assert panel.cell(1, "differs from the live run") == "nothing"
    assert [c.label for c in window.loss_plot.references.curves] == ["run 1"]
    assert len(window.fit_plot.references.items) == 1  # the pinned fit under the live one

    panel.choose("run 1")  # the same start, nothing changed: the same run again
    qtbot.mouseClick(panel.same_start_button, Qt.MouseButton.LeftButton)
    assert panel.cell(0, "run") == "live (same start as run 1)"
    _step(qtbot, window, 15)
    _pin(qtbot, window)
    assert panel.cell(2, "final train loss") == panel.cell(1, "final train loss")
    again = window.compare.board["run 2"].session
    assert again.history.train_loss == first.train_loss
    assert panel.cell(2, "differs from the live run").startswith("same start as run 1")

    window.findChild(LogSpinBox, "learningRateSpin").setValue(0.2)  # vary one setting
    panel.choose("run 1")
    qtbot.mouseClick(panel.same_start_button, Qt.MouseButton.LeftButton)
    assert np.array_equal(window.session.start, again.start)
    _step(qtbot, window, 15)
    _pin(qtbot, window)
    assert panel.cell(1, "differs from the live run") == "learning rate: 0.05 → 0.2"
    assert panel.cell(3, "differs from the live run") == "same start as run 1; nothing"
    assert panel.cell(3, "final train loss") != panel.cell(1, "final train loss")


def test_rename_and_remove_a_pin_in_the_table(qtbot, window):
    panel = window.compare.panel
    _step(qtbot, window, 3)
    _pin(qtbot, window)
    panel.table.item(1, 0).setText("wide")
    assert window.compare.board.names == ["wide"] and panel.cell(1, "run") == "wide"
    panel.choose("wide")
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert len(window.compare.board) == 0 and panel.table.rowCount() == 1
    assert window.loss_plot.references.curves == []


def test_a_pinned_runs_regions_beside_the_live_ones(qtbot, window):
    window.show_session(EXAMPLES["points8"]())
    qtbot.waitUntil(lambda: window.last_snapshot is not None, timeout=10000)
    _step(qtbot, window, 5)
    _pin(qtbot, window)
    window.compare.panel.choose("run 1")
    qtbot.mouseClick(window.compare.panel.regions_button, Qt.MouseButton.LeftButton)
    assert window.compare.regions_dock.isVisible()
    image = window.compare.regions.image.image
    assert image is not None and image.shape[:2] == window.decision_plot.image.image.shape[:2]
    np.testing.assert_array_equal(image, window.decision_plot.image.image)  # same weights
