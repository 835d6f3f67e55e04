"""The fit plot draws the points, the true function and the network's curve."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.gui.views import FitPlotView
from bpstudio.session import DataSpec, Table
from tests.gui.views.runs import BINARY, SIN, Run, make_view, n_points, sin_run


def test_fit_draws_points_truth_and_the_network_curve(qtbot):
    run = sin_run()
    view = make_view(qtbot, FitPlotView, run)
    assert len(view.train_points.data) == run.data.train.n_samples == 30
    assert len(view.test_points.data) == run.data.test.n_samples == 10
    x, y = view.truth_curve.getData()
    np.testing.assert_array_equal(x, run.grid.xs)
    np.testing.assert_array_equal(y, np.sin(run.grid.xs))
    snap = run.snapshot(3)
    view.show_snapshot(snap)
    x, y = view.model_curve.getData()
    np.testing.assert_array_equal(x, run.grid.xs)
    np.testing.assert_array_equal(
        y, run.net.predict(run.data.standardizer.transform(run.grid.inputs))[:, 0]
    )
    view.clear()
    assert n_points(view.model_curve) == 0
    assert len(view.train_points.data) == 30


def test_fit_draws_the_first_of_several_outputs(qtbot):
    X = np.linspace(-1, 1, 20).reshape(-1, 1)
    table = Table(X, np.column_stack([X[:, 0] ** 2, -X[:, 0]]), "regression")
    run = Run(SIN, DataSpec("table", table=table))
    view = make_view(qtbot, FitPlotView, run)
    np.testing.assert_array_equal(view.train_points.data["y"], X[:, 0] ** 2)
    assert n_points(view.truth_curve) == 0
    snap = run.snapshot(2)
    view.show_snapshot(snap)
    np.testing.assert_array_equal(view.model_curve.getData()[1], snap.grid_outputs[:, 0])


@pytest.mark.parametrize("ys, note", [
    ([28.1, 34.6], "curve above the plot: ŷ 28.1 … 34.6"),
    ([-9.0, -3.0], "curve below the plot: ŷ -9 … -3"),
    ([-50.0, np.nan, 50.0], "curve outside the plot: ŷ -50 … 50"),
    ([0.5, 40.0], ""),
    ([np.nan, np.inf], ""),
    ([], ""),
])
def test_fit_names_where_a_curve_out_of_sight_is(ys, note):
    from bpstudio.gui.views.fit_plot import off_plot_note

    assert off_plot_note(np.array(ys), -2.0, 2.0) == note


def test_fit_says_when_the_network_curve_is_above_the_plot_until_it_is_in_sight(qtbot):
    run = sin_run()
    view = make_view(qtbot, FitPlotView, run)
    run.net.biases[-1] += 100.0  # far above the sine's -1..1, as the textbook's uniform start
    view.show_snapshot(run.snapshot(0))
    qtbot.waitUntil(lambda: "curve above the plot: ŷ" in view.status_label.text())
    high = view.plot.getPlotItem().viewRange()[1][1]
    assert high < 10 and view.model_curve.getData()[1].min() > high  # the data keep the frame
    view.plot.getPlotItem().setYRange(-5, 150, padding=0)  # the person zooms out: in sight
    qtbot.waitUntil(lambda: "curve" not in view.status_label.text())
    view.clear()
    assert view.status_label.text() == ""


def test_fit_explains_when_there_is_nothing_to_fit(qtbot):
    run = Run(BINARY, DataSpec("xor", {"n": 40}))
    view = make_view(qtbot, FitPlotView, run)
    assert "classification" in view.message
    view.show_snapshot(run.snapshot(1))
    assert n_points(view.model_curve) == 0
