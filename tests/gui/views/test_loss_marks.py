"""The loss plot's learning-rate axis and the best-epoch line of early stopping, fed by
a real training run with a schedule and early stopping."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QCheckBox

from bpstudio.core.schedules import Schedule
from bpstudio.core.stopping import StopRules
from bpstudio.gui.views import LossPlotView
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig
from bpstudio.training import TrainingRun


@pytest.fixture
def stopped_run():
    """Moons, far too long, an exponential schedule, early stopping that keeps the best."""
    session = Session(
        NetworkSpec((LayerSpec(32, "tanh"),) * 2, "sigmoid", "binary_cross_entropy"),
        DataSpec("moons", {"n": 60, "noise": 0.4}, test_fraction=0.3, standardize=True),
        TrainingConfig("adam", learning_rate=0.05, batch_size=8, epoch_limit=2000,
                       schedule=Schedule("exponential", {"gamma": 0.99}),
                       stopping=StopRules(patience=20, restore_best=True)),
    )
    run = TrainingRun(session)
    run.train_for()
    assert run.stopped is not None and run.stopped.reason.name == "EARLY_STOPPING"
    return run


def test_eta_is_drawn_on_its_own_axis_only_when_asked(qtbot, stopped_run):
    view = LossPlotView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.show_snapshot(stopped_run.snapshot())
    rates = np.asarray(stopped_run.history.learning_rate)
    np.testing.assert_array_equal(view.eta.series.y, rates)
    assert rates[0] > rates[-1]  # the schedule decayed η
    assert not view.eta.visible and not len(view.eta.curve.xData)  # hidden: never drawn
    view.findChild(QCheckBox, "learningRateCheck").setChecked(True)
    assert view.eta.visible
    x, y = view.eta.curve.getData()  # steps: each epoch's η from the epoch before to it
    epochs = np.asarray(stopped_run.history.epoch)
    np.testing.assert_array_equal(x[::2], epochs)  # each epoch at its own η ...
    np.testing.assert_allclose(10 ** y[::2], rates)
    np.testing.assert_array_equal(x[1::2], epochs[:-1])  # ... held from the epoch before
    np.testing.assert_allclose(10 ** y[1::2], rates[1:])
    view.findChild(QCheckBox, "learningRateCheck").setChecked(False)
    assert not view.eta.visible


def test_the_best_epoch_is_marked_when_early_stopping_ended_training(qtbot, stopped_run):
    view = LossPlotView()
    qtbot.addWidget(view)
    snapshot = stopped_run.snapshot()
    view.show_snapshot(snapshot)
    best = stopped_run.stopped.best_epoch
    assert 0 < best < stopped_run.epoch and view.best_mark.epoch == best
    assert view.best_mark.line.label.toPlainText() == f"best test loss, epoch {best:,} (restored)"
    view.clear()
    assert view.best_mark.epoch is None
