"""Issue 11, finding 7: 100,000 samples on a 2-D dataset froze the window for seconds; the
decision plot draws at most MAX_POINTS of a part and says so in its legend."""

import time

import pytest

from bpstudio.core.snapshot import PlotGrid
from bpstudio.gui.views import DecisionRegionView
from bpstudio.gui.views.decision_plot import MAX_POINTS
from bpstudio.session import DataSpec


@pytest.mark.serial
def test_a_hundred_thousand_points_are_thinned_fast_and_the_legend_says_so(qtbot):
    data = DataSpec("spiral", {"n": 100_000}, test_fraction=0.2).load()
    view = DecisionRegionView()
    qtbot.addWidget(view)
    started = time.perf_counter()
    view.set_data(data, PlotGrid.around(data.full.X))
    took = time.perf_counter() - started
    assert len(view.train_points.data) <= MAX_POINTS < data.train.n_samples
    assert len(view.test_points.data) == data.test.n_samples // 2  # 20,000: every 2nd
    assert f"of {data.train.n_samples:,} shown" in view.legend_label.text()
    assert took < 1.0, took  # 0.09-0.18 s here, 0.65-0.9 s drawing every point


def test_a_few_points_are_all_drawn_and_the_legend_says_nothing_of_it(qtbot):
    data = DataSpec("spiral", {"n": 300}).load()
    view = DecisionRegionView()
    qtbot.addWidget(view)
    view.set_data(data, PlotGrid.around(data.full.X))
    assert len(view.train_points.data) == data.train.n_samples
    assert "shown" not in view.legend_label.text()


def test_ten_classes_are_all_in_the_legend_by_name(qtbot):
    data = DataSpec("gaussians", {"n": 500, "classes": 10}).load()
    view = DecisionRegionView()
    qtbot.addWidget(view)
    view.resize(420, 400)
    view.show()
    view.set_data(data, PlotGrid.around(data.full.X))
    qtbot.wait(10)
    legend = view.class_legend
    for name in data.class_names:
        assert f"&nbsp;{name}</span>" in legend.text()
    assert legend.isVisible() and legend.width() <= view.width()
    assert legend.height() >= legend.heightForWidth(legend.width())  # wrapped, not cut
