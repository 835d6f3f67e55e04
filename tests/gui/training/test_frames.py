"""The one step where snapshots are drawn: the controller merges what the worker sends, makes
frames of it and has each drawn, one view per pass of the event loop; it paces the frames by
what they cost. A view out of sight catches up when it comes into sight."""

from __future__ import annotations

import time
from dataclasses import replace
from types import SimpleNamespace

import numpy as np

from bpstudio.core.snapshot import PlotGrid, make_snapshot
from bpstudio.gui.training import TrainingController
from bpstudio.gui.training.frames import MAX_FRAME_INTERVAL
from bpstudio.gui.training.pace import SMOOTH, Pace
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session

SPIRAL = Session(NetworkSpec((LayerSpec(6, "tanh"),), "sigmoid", "binary_cross_entropy"),
                 DataSpec("spiral", {"n": 60}))


def later(snapshot, epochs: int = 3):
    """``snapshot`` ``epochs`` further on, with the signs of its weights turned."""
    new = np.arange(snapshot.epoch + 1, snapshot.epoch + 1 + epochs)
    return replace(
        snapshot, epoch=int(new[-1]), new_epochs=new, new_train_losses=np.full(epochs, 0.5),
        new_test_losses=np.full(epochs, np.nan), kept_through=snapshot.epoch,
        weights=tuple(-w for w in snapshot.weights))


def arrives(qtbot, window, snapshot) -> None:
    """``snapshot`` reaches the window as the worker's next one would, and is drawn."""
    window.training._on_snapshot(snapshot)
    qtbot.waitUntil(lambda: window.last_snapshot is snapshot
                    and window.training.frames._frame is None)


def drawn_weights(window):
    return window.network_view._weights


def test_a_frame_reaches_the_views_on_screen_and_one_out_of_sight_catches_up(qtbot, window):
    frame = later(window.last_snapshot)
    arrives(qtbot, window, frame)
    assert drawn_weights(window) is frame.weights
    assert window.last_snapshot is frame and window.isWindowModified()
    window.docks["networkDock"].hide()
    unseen = later(frame)
    arrives(qtbot, window, unseen)
    assert drawn_weights(window) is frame.weights  # out of sight: not drawn
    window.docks["networkDock"].show()
    qtbot.waitUntil(lambda: drawn_weights(window) is unseen.weights)  # the latest, once seen


def test_the_loss_plot_records_every_frame_seen_or_not(qtbot, window):
    window.docks["lossDock"].hide()
    before = window.loss_plot.train_series.n
    frame = later(window.last_snapshot, epochs=4)
    arrives(qtbot, window, frame)
    arrives(qtbot, window, later(frame, epochs=2))
    assert window.loss_plot.train_series.n == before + 6


def test_a_frame_is_drawn_a_step_per_pass_and_what_comes_meanwhile_waits(qtbot, qapp):
    controller = TrainingController()
    steps, frames = [], []
    controller.snapshot_ready.connect(frames.append)

    def drawer(snapshot):
        for view in ("loss", "fit", "network"):
            steps.append((snapshot.epoch, view))
            yield

    controller.draw_frames(drawer)
    bench = SPIRAL.build()
    first = make_snapshot(bench.net, bench.trainer.history, 0, run_id=controller.run_id,
                          epochs_per_second=0.0, metrics={})
    try:
        controller._on_snapshot(first)
        controller.frames._render()  # the pass the render timer would run
        assert frames == [first] and steps == [(0, "loss")]
        controller._on_snapshot(later(first))  # comes while the frame is drawn ...
        controller.frames._render()
        controller.frames._render()
        assert frames == [first] and steps[-1] == (0, "network")
        assert not controller.frames._want_timer.isActive()  # the worker waits for the frame
        controller.frames._render()  # the frame is done: the worker may send more
        assert controller.frames._want_timer.isActive()
        qtbot.waitUntil(lambda: len(steps) == 6)  # ... and makes the next frame
        assert frames[-1].epoch == 3 and [v for _, v in steps[3:]] == ["loss", "fit", "network"]
    finally:
        controller.shutdown()


def test_the_time_between_frames_counts_towards_a_frame(qtbot, qapp, monkeypatch):
    """Painting happens after a frame is drawn, before the next: it is GUI time the next
    frame waits for as much as drawing (the views keep no budget of their own). The wall
    clock stands still here: on a busy machine the time the frame took to come would be
    taken off the wait (as it should), and only this thread's CPU time is looked at."""
    from bpstudio.gui.training import frames

    still = time.perf_counter()
    monkeypatch.setattr(frames, "time", SimpleNamespace(
        perf_counter=lambda: still, thread_time=time.thread_time))
    data = SPIRAL.prepare_data()
    controller = TrainingController()
    try:
        controller.render_budget = SMOOTH.render_budget
        controller.reset(SPIRAL, data, PlotGrid.around(data.full.X, resolution=20))
        with qtbot.waitSignal(controller.snapshot_ready, timeout=5000):
            controller.step()
        start = time.thread_time()
        while time.thread_time() - start < 0.040:  # a costly paint of the frame just drawn
            pass
        with qtbot.waitSignal(controller.snapshot_ready, timeout=5000):
            controller.step()
        wait_ms = controller.frames._want_timer.interval()
    finally:
        controller.shutdown()
    assert 40 / SMOOTH.render_budget <= wait_ms <= 1000 * MAX_FRAME_INTERVAL


def test_a_view_behind_another_tab_does_not_draw_until_its_tab_is_chosen(qtbot, window):
    docks = window.docks
    window.tabifyDockWidget(docks["fitDock"], docks["networkDock"])
    docks["fitDock"].raise_()
    qtbot.waitUntil(lambda: window.network_view.visibleRegion().isEmpty())
    shown = window.last_snapshot
    behind = later(shown)
    arrives(qtbot, window, behind)
    assert drawn_weights(window) is not behind.weights  # behind a tab: not drawn
    assert window.fit_plot._shown is behind
    docks["networkDock"].raise_()
    qtbot.waitUntil(lambda: drawn_weights(window) is behind.weights)


def test_every_view_on_screen_shows_a_snapshot_within_its_frame(qtbot, window):
    """The fit curve and the network never lag the loss plot: one frame draws them all."""
    frame = later(window.last_snapshot, epochs=2)
    window.training._on_snapshot(frame)
    qtbot.waitUntil(lambda: window.training.frames._frame is None
                    and window.last_snapshot is frame)
    assert window.loss_plot.train_series.x[-1] == frame.epoch
    assert window.fit_plot._shown is frame
    assert drawn_weights(window) is frame.weights


def test_frames_come_at_most_frames_per_second(qtbot, qapp):
    """A worker that answers every request at once still gets at most the pace's frames."""
    controller = TrainingController()
    frames = []
    controller.snapshot_ready.connect(lambda s: frames.append(time.perf_counter()))
    bench = SPIRAL.build()
    snapshot = make_snapshot(bench.net, bench.trainer.history, 0, run_id=controller.run_id,
                             epochs_per_second=0.0, metrics={})
    renderer = controller.frames
    renderer.pace = Pace(render_budget=1.0, frames_per_second=10.0)
    renderer._ask_worker = lambda: renderer.add(snapshot)
    try:
        renderer.add(snapshot)
        qtbot.wait(1000)
    finally:
        controller.shutdown()
    assert 3 <= len(frames) <= 12
    assert min(np.diff(frames)) >= 0.1 / 2 - 0.01  # asked early by at most half an interval
