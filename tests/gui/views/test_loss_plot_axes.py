"""Issue 11, finding 9: the loss axis shows the loss there is at epoch 0, and a short
history gets whole epochs on its axis."""

import math

import numpy as np

from bpstudio.core.snapshot import TrainingSnapshot
from bpstudio.gui.views import LossPlotView


def snapshot(epoch, losses, metrics_loss):
    epochs = np.arange(1, len(losses) + 1) if losses else np.array([], dtype=np.int64)
    return TrainingSnapshot(
        run_id=0, epoch=epoch, new_epochs=epochs, new_train_losses=np.array(losses, float),
        new_test_losses=np.full(len(losses), math.nan), metrics={"train_loss": metrics_loss},
        epochs_per_second=0.0, weights=(), biases=())


def test_at_epoch_0_the_axis_shows_the_loss_there_is(qtbot):
    view = LossPlotView()
    qtbot.addWidget(view)
    view.show_snapshot(snapshot(0, [], 610.0))
    low, high = view.view_box.viewRange()[1]  # log10 of the loss
    assert low <= math.log10(610.0) <= high
    assert high - low < 3  # around 610, not 0.01 … 10


def test_one_epoch_of_history_gets_whole_epochs_on_its_axis(qtbot):
    view = LossPlotView()
    qtbot.addWidget(view)
    view.show_snapshot(snapshot(1, [0.5], 0.5))
    low, high = view.view_box.viewRange()[0]
    assert low == 0 and high >= 10
