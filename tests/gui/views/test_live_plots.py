"""What every live plot does alike: legends, drawing each snapshot, clearing."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.gui.views import DecisionRegionView, FitPlotView, LossPlotView
from bpstudio.session import DataSpec
from tests.gui.views.runs import BINARY, SIN, Run, make_view, n_points


@pytest.mark.parametrize("cls", [LossPlotView, FitPlotView, DecisionRegionView])
def test_legends_name_test_data_only_when_there_is_some(qtbot, cls):
    network, name = (SIN, "sin") if cls is FitPlotView else (BINARY, "xor")
    view = make_view(qtbot, cls)
    for fraction, shown in ((0.25, True), (0.0, False)):
        run = Run(network, DataSpec(name, {"n": 40}, test_fraction=fraction))
        view.set_data(run.data, run.grid)
        assert ("train" in view.legend_label.text(), "test" in view.legend_label.text()) == (
            True, shown)


def _model_curve(view, snapshot=None):
    return view.model_curve.getData()[1] if snapshot is None else snapshot.grid_outputs[:, 0]


def _region_image(view, snapshot=None):
    if snapshot is None:
        return view.image.image
    return view.shade_probability(view._grid.shape_outputs(snapshot.grid_outputs)[:, :, 0])


@pytest.mark.parametrize(
    ("cls", "network", "data", "drawn"),
    [
        (FitPlotView, SIN, DataSpec("sin", {"n": 40}), _model_curve),
        (DecisionRegionView, BINARY, DataSpec("moons", {"n": 40}), _region_image),
    ],
)
def test_live_plots_draw_each_snapshot_at_once_and_clear_forgets_it(
        qtbot, cls, network, data, drawn):
    """How often they draw is the training controller's to pace
    (tests/gui/training/test_frames.py)."""
    run = Run(network, data)
    view = make_view(qtbot, cls, run)
    first = run.snapshot(1)
    view.show_snapshot(first)
    np.testing.assert_array_equal(drawn(view), drawn(view, first))
    second = run.snapshot(30)
    view.show_snapshot(second)  # right after: drawn too
    np.testing.assert_array_equal(drawn(view), drawn(view, second))
    view.show_snapshot(run.snapshot(5))
    view.clear()  # nothing brings the old network's output back
    qtbot.wait(50)
    assert n_points(view.model_curve if cls is FitPlotView else view.boundary) == 0
