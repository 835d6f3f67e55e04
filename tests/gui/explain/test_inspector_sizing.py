"""The inspector's tables are sized from their numbers' text, not by measuring every cell:
wide enough for each number, and cheap for a 100 × 100 matrix."""

import numpy as np
import pytest

from bpstudio.examples import EXAMPLES
from bpstudio.gui.explain.inspector import InspectorView
from bpstudio.gui.explain.inspector.matrix_model import MatrixModel
from bpstudio.session import training_targets


@pytest.fixture
def sin_inspector(qtbot):
    bench = EXAMPLES["sin"]().build()  # 1-100-1: the hidden tables are 100 × 100
    data = bench.data
    view = InspectorView()
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.set_problem(bench.net, data.inputs(data.train), training_targets(data.train, 1), 0.05)
    return view


def _too_narrow(panel) -> list[tuple[int, int]]:
    table, model = panel.table, panel.model
    metrics = table.fontMetrics()
    return [(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
            if metrics.horizontalAdvance(model.text(r, c)) + 4 > table.columnWidth(c)]


def test_a_step_of_large_matrices_asks_for_few_cells(qtbot, sin_inspector, monkeypatch):
    calls = []
    real = MatrixModel.data
    monkeypatch.setattr(MatrixModel, "data", lambda *a, **k: calls.append(1) or real(*a, **k))
    sin_inspector.show_step(2)  # Z₁ and A₁, 100 × 100 each, and their sources
    qtbot.waitExposed(sin_inspector)
    sin_inspector.grab()  # paint it
    assert len(calls) < 50_000  # every cell measured on every change was 1.5 million


@pytest.mark.parametrize("precision, significant", [(3, False), (8, False), (3, True)])
def test_every_number_fits_its_column(qtbot, sin_inspector, precision, significant):
    sin_inspector.precision_spin.setValue(precision)
    sin_inspector.significant_check.setChecked(significant)
    for step in (1, 2, 7):
        sin_inspector.show_step(step)
        for key, panel in sin_inspector.page.panels.items():
            assert _too_narrow(panel) == [], key


def test_columns_widen_when_new_weights_need_more_room(qtbot, sin_inspector):
    sin_inspector.show_step(1)
    net = sin_inspector._net.copy()
    net.weights[0][...] = np.linspace(-12345.678, 2.0, net.weights[0].size).reshape(1, -1)
    trace = sin_inspector.trace
    sin_inspector.set_problem(net, trace["X"].value, trace["Y"].value, 0.05)
    assert _too_narrow(sin_inspector.panel("W1")) == []


def test_a_wrapped_note_sits_below_its_table(qtbot, sin_inspector):
    sin_inspector.resize(700, 360)  # a short dock: the page scrolls, squeezed to its minimum
    sin_inspector.show_step(0)  # inputs and targets: "the wanted output for each row of X"
    panels = [p for p in sin_inspector.page.panels.values() if p.note_label.text()]
    assert len(panels) == 2

    def below(panel):
        note, table = panel.note_label.geometry(), panel.table.geometry()
        return table.top() > 0 and note.top() > table.bottom() and note.bottom() <= panel.height()

    qtbot.waitUntil(lambda: all(below(p) for p in panels), timeout=3000)  # once laid out
    for panel in panels:
        note = panel.note_label.geometry()
        assert note.height() >= panel.note_label.heightForWidth(note.width())
        # squeezed by a shorter neighbour in its row, the panel still keeps the whole note
        needed = panel.table.height() + panel.note_label.heightForWidth(note.width())
        assert panel.minimumSizeHint().height() >= needed
