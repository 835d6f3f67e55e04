"""A history thinned to its row limit reaches the loss plot whole: replaced, not appended to.

Across the worker thread, with the controller merging snapshots as the app does.
"""

import math
from dataclasses import replace

import numpy as np
import pytest

from bpstudio.core import History
from bpstudio.core.snapshot import PlotGrid, make_snapshot
from bpstudio.gui.training import TrainingController
from bpstudio.gui.training.frames import merge
from bpstudio.gui.views import LossPlotView
from tests.gui.training.test_worker import spiral_session


@pytest.fixture
def controller(qapp):
    c = TrainingController()
    yield c
    c.shutdown()


def test_the_loss_plot_shows_the_thinned_history(qtbot, controller, monkeypatch):
    monkeypatch.setattr(History, "MAX_ROWS", 40)
    session = spiral_session(epoch_limit=700)
    data = session.prepare_data()
    grid = PlotGrid.around(data.full.X, resolution=20)
    view = LossPlotView()
    qtbot.addWidget(view)
    view.set_data(data, grid)
    controller.snapshot_ready.connect(view.show_snapshot)
    states = []
    controller.state_handed_back.connect(states.append)
    controller.reset(session, data, grid)
    with qtbot.waitSignal(controller.limit_reached, timeout=30000):
        controller.start()
    assert controller.sync()
    history = states[-1].history
    assert history.stride == 32 and history.epoch[-1] == 700 and len(history) <= 40
    np.testing.assert_array_equal(view.train_series.x, history.epoch)
    np.testing.assert_array_equal(view.train_series.y, history.train_loss)
    measured = [i for i, v in enumerate(history.test_loss) if math.isfinite(v)]
    assert measured and measured[-1] == len(history) - 1
    np.testing.assert_array_equal(view.test_series.x, np.array(history.epoch)[measured])
    np.testing.assert_array_equal(view.test_series.y, np.array(history.test_loss)[measured])


def _snapshot_of(history: History, since: int):
    net = spiral_session().build().net
    return make_snapshot(net, history, since, run_id=1, epochs_per_second=0.0, metrics={})


def _history(epochs, stride=1):
    history = History(stride=stride)
    for epoch in epochs:
        history._push((epoch, float(epoch), math.nan, math.nan, math.nan))
    return history


def test_merged_snapshots_keep_what_the_later_one_keeps():
    # the receiver holds 1..4; the earlier snapshot adds 5, 6 (keeping 1..4), the later one
    # replaces 6 by 8 (a stride of 2 drops an odd newest epoch) and keeps 1..5
    earlier = _snapshot_of(_history([1, 2, 3, 4, 5, 6]), 4)
    later = _snapshot_of(_history([1, 2, 3, 4, 5, 8]), 5)
    assert (earlier.kept_through, later.kept_through) == (4, 5)
    merged = merge(earlier, later)
    assert merged.kept_through == 4
    np.testing.assert_array_equal(merged.new_epochs, [5, 8])
    np.testing.assert_array_equal(merged.new_train_losses, [5.0, 8.0])
    # every row's η (the loss plot appends them); an unrecorded one is NaN
    rated = [replace(s, new_learning_rates=np.array(r, dtype=float))
             for s, r in ((earlier, [0.5, 0.4]), (later, [0.25]))]
    np.testing.assert_array_equal(merge(*rated).new_learning_rates, [0.5, 0.25])
    unrated = replace(earlier, new_learning_rates=None)
    np.testing.assert_array_equal(merge(unrated, rated[1]).new_learning_rates, [np.nan, 0.25])
    assert merge(unrated, replace(later, new_learning_rates=None)).new_learning_rates is None
    # a thinned history replaces everything, whatever came before
    thinned = _snapshot_of(_history([2, 4, 6, 8], stride=2), 0)
    assert thinned.kept_through is None and merge(earlier, thinned) is thinned
    assert merge(thinned, later).kept_through is None
    np.testing.assert_array_equal(merge(thinned, later).new_epochs, [2, 4, 8])
