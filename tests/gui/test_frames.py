"""The one step where snapshots are drawn: the controller merges and paces frames, the window
draws each frame at once into the views on screen; a view out of sight catches up when it
comes into sight."""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np

from bpstudio.core.snapshot import PlotGrid
from bpstudio.gui.pace import SMOOTH
from bpstudio.gui.training import TrainingController
from bpstudio.gui.training.controller import MAX_FRAME_INTERVAL
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session


def later(snapshot, epochs: int = 3):
    """``snapshot`` ``epochs`` further on, with the signs of its weights turned."""
    new = np.arange(snapshot.epoch + 1, snapshot.epoch + 1 + epochs)
    return replace(
        snapshot, epoch=int(new[-1]), new_epochs=new, new_train_losses=np.full(epochs, 0.5),
        new_test_losses=np.full(epochs, np.nan), kept_through=snapshot.epoch,
        weights=tuple(-w for w in snapshot.weights))


def drawn_weights(window):
    return window.network_view._weights


def test_a_frame_is_drawn_at_once_and_a_view_out_of_sight_catches_up(qtbot, window):
    frame = later(window.last_snapshot)
    window.training.snapshot_ready.emit(frame)  # drawn before the emission returns
    assert drawn_weights(window) is frame.weights
    assert window.last_snapshot is frame and window.isWindowModified()
    window.docks["networkDock"].hide()
    unseen = later(frame)
    window.training.snapshot_ready.emit(unseen)
    assert drawn_weights(window) is frame.weights  # out of sight: not drawn
    window.docks["networkDock"].show()
    qtbot.waitUntil(lambda: drawn_weights(window) is unseen.weights)  # the latest, once seen


def test_the_loss_plot_records_every_frame_seen_or_not(qtbot, window):
    window.docks["lossDock"].hide()
    before = window.loss_plot.train_series.n
    frame = later(window.last_snapshot, epochs=4)
    window.training.snapshot_ready.emit(frame)
    window.training.snapshot_ready.emit(later(frame, epochs=2))
    assert window.loss_plot.train_series.n == before + 6


def test_the_time_between_frames_counts_towards_a_frame(qtbot, qapp):
    """Painting happens after a frame is drawn, before the next: it is GUI time the next
    frame waits for as much as drawing (the views keep no budget of their own)."""
    session = Session(NetworkSpec((LayerSpec(6, "tanh"),), "sigmoid", "binary_cross_entropy"),
                      DataSpec("spiral", {"n": 60}))
    data = session.prepare_data()
    controller = TrainingController()
    try:
        controller.render_budget = SMOOTH.render_budget
        controller.reset(session, data, PlotGrid.around(data.full.X, resolution=20))
        with qtbot.waitSignal(controller.snapshot_ready, timeout=5000):
            controller.step()
        start = time.thread_time()
        while time.thread_time() - start < 0.040:  # a costly paint of the frame just drawn
            pass
        with qtbot.waitSignal(controller.snapshot_ready, timeout=5000):
            controller.step()
        wait_ms = controller._want_timer.interval()
    finally:
        controller.shutdown()
    assert 40 / SMOOTH.render_budget <= wait_ms <= 1000 * MAX_FRAME_INTERVAL
