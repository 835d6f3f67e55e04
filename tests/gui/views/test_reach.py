"""Data and losses at the ends of the float range are framed or named, never drawn as NaN."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.gui.views import DecisionRegionView, FitPlotView, LossPlotView
from bpstudio.session import DataSpec, Table
from tests.gui.views.runs import BINARY, SIN, Run, make_view, with_rows


def extreme_table(task: str, reach: float) -> DataSpec:
    if task == "classification":
        X = np.array([[reach, -reach], [-reach, reach], [0.0, 0.0], [1.0, 1.0]])
        return DataSpec("table", table=Table(X, np.array([0, 1, 0, 1]), task))
    X = np.array([[reach], [-reach], [0.0], [1.0]])
    return DataSpec("table", table=Table(X, np.arange(4.0).reshape(-1, 1), task))


@pytest.mark.parametrize("cls, network, task", [
    (FitPlotView, SIN, "regression"), (DecisionRegionView, BINARY, "classification"),
])
def test_data_too_far_out_to_draw_gets_a_note_instead(qtbot, cls, network, task):
    """Inputs of ±1.797e308 made pyqtgraph's range NaN ("Cannot set range [nan, nan]")."""
    from bpstudio.gui.explain.neuron_view import NeuronView

    run = Run(network, extreme_table(task, 1.797e308))
    for view_class in (cls, NeuronView):
        view = make_view(qtbot, view_class, run)
        view.show_snapshot(run.snapshot(1))
        view.grab()  # paints without an exception
        assert "reach ±1.797e+308: too far out to draw" in view.message


@pytest.mark.parametrize("cls, network, task", [
    (FitPlotView, SIN, "regression"), (DecisionRegionView, BINARY, "classification"),
])
def test_data_far_out_but_within_reach_is_drawn(qtbot, cls, network, task):
    run = Run(network, extreme_table(task, 1e299))
    view = make_view(qtbot, cls, run)
    view.show_snapshot(run.snapshot(1))
    view.grab()
    assert view.message == ""


@pytest.mark.parametrize("log_y", [True, False])
@pytest.mark.parametrize("top", [1e300, 1.7e308])
def test_losses_near_the_largest_float_are_framed(qtbot, log_y, top):
    """A log range rounded 1.7e308 up to 2e308 = inf ("Cannot set range [-inf, inf]")."""
    run = Run(SIN, DataSpec("sin"))
    view = make_view(qtbot, LossPlotView, run)
    view.log_check.setChecked(log_y)
    snap = run.snapshot(1)
    view.show_snapshot(with_rows(snap, np.array([1, 2, 3]), np.array([1.0, top / 2, top])))
    view.grab()
    (x_low, x_high), (y_low, y_high) = view.view_box.viewRange()
    assert np.isfinite([x_low, x_high, y_low, y_high]).all() and y_high > y_low
    assert view._follow  # pyqtgraph took the range as it was asked: within its limits
    top_in_view = np.log10(top) if log_y else top
    assert y_high >= min(top_in_view, 308.2 if log_y else 1e300)
