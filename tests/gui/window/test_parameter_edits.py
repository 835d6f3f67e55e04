"""A weight or bias typed into the network diagram reaches the run, the plots and the file."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpstudio.gui.views.parameter_edit import ParameterEdit
from bpstudio.gui.window.parameter_edits import parameter_offset
from tests.gui.views.runs import click


def test_offsets_follow_the_flat_parameter_vector():
    sizes = [2, 3, 1]  # W1 2x3, W2 3x1, b1 3, b2 1
    assert parameter_offset(sizes, True, ParameterEdit("W", 1, (0, 0), 0)) == 0
    assert parameter_offset(sizes, True, ParameterEdit("W", 1, (1, 2), 0)) == 5
    assert parameter_offset(sizes, True, ParameterEdit("W", 2, (2, 0), 0)) == 8
    assert parameter_offset(sizes, True, ParameterEdit("b", 1, (2,), 0)) == 11
    assert parameter_offset(sizes, True, ParameterEdit("b", 2, (0,), 0)) == 12
    for bad, bias in ((ParameterEdit("W", 3, (0, 0), 0), True),
                      (ParameterEdit("W", 1, (2, 0), 0), True),
                      (ParameterEdit("b", 1, (0,), 0), False)):
        with pytest.raises(ValueError, match=r"\]: the network has"):
            parameter_offset(sizes, bias, bad)


def test_typing_a_weight_changes_the_network_the_plots_and_marks_the_document(qtbot, window):
    window.step_epoch()
    assert window.training.sync()
    window.document.modified = False
    before = window.last_snapshot
    view = window.network_view
    (x0, x1), (y0, y1) = view._layout.line(1, 0, 5)
    click(qtbot, view, (x0 + x1) / 2, (y0 + y1) / 2)
    qtbot.waitUntil(view.editor.isVisible)
    view.editor.selectAll()
    qtbot.keyClicks(view.editor, "3.5")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.last_snapshot.weights[0][0, 5] == 3.5, timeout=5000)
    shown = window.last_snapshot
    assert shown.epoch == before.epoch and not window.training.running
    assert window.document.modified
    assert window.session.state.parameters[5] == 3.5
    # the fit curve and the loss follow the new weight at once
    assert not np.array_equal(shown.grid_outputs, before.grid_outputs)
    assert shown.metrics["train_loss"] != before.metrics["train_loss"]
    np.testing.assert_array_equal(window.fit_plot.model_curve.getData()[1],
                                  window.fit_plot._grid.shape_outputs(shown.grid_outputs)[:, 0])


def test_apply_returns_the_edit_that_undoes_it(qtbot, window):
    edits = window.parameter_edits
    old = float(window.session.state.parameters[-1])
    inverse = edits.apply(ParameterEdit("b", 2, (0,), -1.0))
    assert inverse == ParameterEdit("b", 2, (0,), old)
    assert window.training.sync() and window.session.state.parameters[-1] == -1.0
    edits.apply(inverse)
    assert window.training.sync() and window.session.state.parameters[-1] == old
    qtbot.waitUntil(lambda: window.last_snapshot.biases[-1][0] == old, timeout=5000)
