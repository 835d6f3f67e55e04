"""The GUI-thread face of training: owns the worker thread, filters and coalesces its output.

Commands travel as this object's own signals, connected to the worker's slots (queued,
because the worker lives in another thread). Replies arrive in this object's slots, in the
GUI thread; anything from an older run id is dropped.

Snapshots are merged into one pending snapshot and rendered by a zero-delay timer, so a busy
GUI thread never works off a backlog: this is the one place where snapshots are coalesced for
drawing. Rendering one makes a frame: ``snapshot_ready`` is emitted, and the drawer the window
gave (:meth:`TrainingController.draw_frames`) draws it into the views on screen, one view per
pass of the event loop, so that no pass keeps the window from answering for long (painting
comes in between). Snapshots that arrive meanwhile wait for the next frame.

After each frame the worker is told it may send the next snapshot, later if drawing is
expensive: the GUI thread's CPU time per frame (drawing it, and painting and everything else
since the last one) is kept below :attr:`render_budget` of the wall time (see
:mod:`bpstudio.gui.pace`). Both threads share the GIL, so time spent drawing is time the
worker cannot train.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

import numpy as np
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)

from bpstudio.core.snapshot import PlotGrid, TrainingSnapshot, frozen_copy
from bpstudio.session import PreparedData, Session, TrainingConfig

from ..pace import FASTEST
from .setup import TrainingSetup
from .worker import TrainingWorker

SHUTDOWN_WAIT_MS = 500
SYNC_WAIT_MS = 3000
MAX_FRAME_INTERVAL = 0.5
"""However slow drawing is, the plots still move at least twice a second."""

Drawer = Callable[[TrainingSnapshot], Iterable[None]]
"""Draws a frame: each ``yield`` ends one step, and the next step comes in the next pass."""


class TrainingController(QObject):
    """Start, pause, step, reset and retune training; emits what the views need."""

    snapshot_ready = Signal(object)  # the latest TrainingSnapshot, at most one per render
    running_changed = Signal(bool)
    state_handed_back = Signal(object)  # TrainerState of the current run
    diverged = Signal(str)
    limit_reached = Signal(int)
    failed = Signal(str)
    gradients_checked = Signal(object)  # GradientCheckReport of the current run
    gradient_check_failed = Signal(str)

    _reset_requested = Signal(object)
    _start_requested = Signal()
    _pause_requested = Signal()
    _step_requested = Signal()
    _learning_rate_requested = Signal(float)
    _epoch_limit_requested = Signal(object)
    _reconfigure_requested = Signal(object)
    _sync_requested = Signal(int)
    _snapshot_wanted = Signal()
    _stop_requested = Signal()
    _extras_requested = Signal(object)
    _parameters_requested = Signal(object)
    _gradient_check_requested = Signal()

    def __init__(self, parent: QObject | None = None, worker: TrainingWorker | None = None):
        super().__init__(parent)
        self._run_id = 0
        self._running = False
        self._ready = False
        self._pending: TrainingSnapshot | None = None
        self._drawer: Drawer = _no_drawing
        self._frame: Iterator[None] | None = None  # the steps of the frame being drawn
        self._sync_token = 0
        self._synced_token = 0
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._render)
        self._want_timer = QTimer(self)
        self._want_timer.setSingleShot(True)
        self._want_timer.timeout.connect(self._snapshot_wanted)
        self._frame_cpu = time.thread_time()
        self.render_budget = FASTEST.render_budget
        """Share of wall time one frame's GUI-thread CPU may take before frames are spaced."""
        self.worker_thread = QThread()
        self.worker_thread.setObjectName("trainingThread")
        self._worker = worker or TrainingWorker()
        self._worker.moveToThread(self.worker_thread)
        self._wire(self._worker)
        app = QCoreApplication.instance()
        if app is not None:  # a window that was never closed must not outlive its thread
            app.aboutToQuit.connect(self.shutdown)
        self.worker_thread.start()

    def _wire(self, worker: TrainingWorker) -> None:
        for signal, slot in (
            (self._reset_requested, worker.reset), (self._start_requested, worker.start),
            (self._pause_requested, worker.pause), (self._step_requested, worker.step),
            (self._learning_rate_requested, worker.set_learning_rate),
            (self._epoch_limit_requested, worker.set_epoch_limit),
            (self._reconfigure_requested, worker.reconfigure),
            (self._sync_requested, worker.sync), (self._stop_requested, worker.stop),
            (self._snapshot_wanted, worker.want_snapshot),
            (self._extras_requested, worker.set_extras),
            (self._parameters_requested, worker.set_parameters),
            (self._gradient_check_requested, worker.check_gradients),
        ):
            signal.connect(slot)
        worker.snapshot_ready.connect(self._on_snapshot)
        worker.handed_back.connect(self._on_handed_back)
        worker.diverged.connect(self._on_diverged)
        worker.limit_reached.connect(self._on_limit_reached)
        worker.step_finished.connect(self._on_step_finished)
        worker.failed.connect(self._on_failed)
        worker.synced.connect(self._on_synced)
        worker.gradients_checked.connect(self._on_gradients_checked)
        worker.gradient_check_failed.connect(self._on_gradient_check_failed)
        # finished comes from the worker thread; quit must not wait for the (blocked) GUI thread
        worker.finished.connect(self.worker_thread.quit, Qt.ConnectionType.DirectConnection)
        self.worker_thread.finished.connect(worker.deleteLater)

    # -- commands ------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    @property
    def run_id(self) -> int:
        return self._run_id

    def reset(self, session: Session, data: PreparedData, grid: PlotGrid | None) -> None:
        """Start a new run from ``session`` (its state, if any); training is paused."""
        self._run_id += 1
        self._pending = self._frame = None
        self._ready = True
        self._frame_cpu = time.thread_time()  # what the window did before is not drawing
        self._set_running(False)
        self._reset_requested.emit(TrainingSetup(self._run_id, replace(session), data, grid))

    def start(self) -> None:
        if self._ready and not self._running:
            self._frame_cpu = time.thread_time()  # nor is what the person did while paused
            self._set_running(True)
            self._start_requested.emit()

    def pause(self) -> None:
        self._set_running(False)
        self._pause_requested.emit()

    def toggle(self) -> None:
        if self._running:
            self.pause()
        else:
            self.start()

    def step(self) -> None:
        """Train to the end of the epoch, then pause: running until then, so a long step can
        be paused like training."""
        if self._ready:
            self._set_running(True)
        self._step_requested.emit()

    def set_learning_rate(self, learning_rate: float) -> None:
        self._learning_rate_requested.emit(float(learning_rate))

    def set_epoch_limit(self, limit: int | None) -> None:
        self._epoch_limit_requested.emit(limit)

    def reconfigure(self, config: TrainingConfig) -> None:
        """New optimizer, batch size or L2: pauses, keeps the weights."""
        self._set_running(False)
        self._reconfigure_requested.emit(config)

    def draw_frames(self, drawer: Drawer) -> None:
        """Frames are drawn by ``drawer(snapshot)``, one step per pass of the event loop; the
        next frame waits until the steps are done."""
        self._drawer = drawer

    def set_extras(self, keys: frozenset[str]) -> None:
        """Which extras (``extras.EXTRAS``) snapshots carry: those of the views on screen."""
        self._extras_requested.emit(frozenset(keys))

    def set_parameters(self, vector: np.ndarray) -> None:
        """Pause and give the network these parameters; the state is handed back."""
        self._set_running(False)
        self._parameters_requested.emit(np.array(vector, dtype=float))

    def check_gradients(self) -> None:
        """Run a gradient check in the worker: ``gradients_checked`` or ``…_failed`` follows."""
        self._gradient_check_requested.emit()

    def sync(self, timeout_ms: int = SYNC_WAIT_MS) -> bool:
        """Wait until the worker has handed back its current state; ``False`` on timeout.

        Everything the worker emitted before the reply has been delivered, and the pending
        snapshot drawn, by then: the session holds exactly what the views show.
        """
        if not self.worker_thread.isRunning():
            return False
        self._sync_token += 1
        token = self._sync_token
        loop = QEventLoop()
        self._sync_loop = loop
        QTimer.singleShot(timeout_ms, loop.quit)
        self._sync_requested.emit(token)
        if self._synced_token < token:
            loop.exec()
        self._sync_loop = None
        self._render_timer.stop()
        while self._frame is not None or self._pending is not None:
            self._render()
        return self._synced_token >= token

    def shutdown(self) -> None:
        """Stop the worker and join its thread (within ~0.5 s; a slice is ~10 ms)."""
        if not self.worker_thread.isRunning():
            return
        self._render_timer.stop()
        self._want_timer.stop()
        self._frame = None
        self._set_running(False)
        self._stop_requested.emit()
        if not self.worker_thread.wait(SHUTDOWN_WAIT_MS):
            self.worker_thread.quit()
            self.worker_thread.wait()

    # -- replies (GUI thread) ------------------------------------------------------------------

    @Slot(object)
    def _on_snapshot(self, snapshot: TrainingSnapshot) -> None:
        if snapshot.run_id != self._run_id:
            return
        self._pending = snapshot if self._pending is None else merge(self._pending, snapshot)
        if not self._render_timer.isActive():
            self._render_timer.start()

    @Slot()
    def _render(self) -> None:
        """One pass: a step of the frame being drawn, or a new frame of the pending snapshot."""
        if self._frame is None:
            snapshot, self._pending = self._pending, None
            if snapshot is None:
                return
            self.snapshot_ready.emit(snapshot)
            self._frame = iter(self._drawer(snapshot))
        if next(self._frame, _DRAWN) is not _DRAWN:
            self._render_timer.start()  # the next step, after what waits (a paint, a command)
            return
        self._frame = None
        self._pace()
        if self._pending is not None:  # came while the frame was drawn
            self._render_timer.start()

    def _pace(self) -> None:
        """Tell the worker when it may send the next snapshot: at once if the frame was cheap."""
        # CPU this thread used since the last frame: drawing it, painting, everything else
        cpu = time.thread_time()
        busy = cpu - self._frame_cpu
        self._frame_cpu = cpu
        # the next frame waits until this one's CPU is render_budget of the time between them
        wait = min(busy / self.render_budget, MAX_FRAME_INTERVAL)
        self._want_timer.start(max(int(wait * 1000), 0))

    @Slot(int, object)
    def _on_handed_back(self, run_id: int, state: object) -> None:
        if run_id == self._run_id:
            self.state_handed_back.emit(state)

    @Slot(int, str)
    def _on_diverged(self, run_id: int, message: str) -> None:
        if run_id == self._run_id:
            self._set_running(False)
            self.diverged.emit(message)

    @Slot(int, int)
    def _on_limit_reached(self, run_id: int, epoch: int) -> None:
        if run_id == self._run_id:
            self._set_running(False)
            self.limit_reached.emit(epoch)

    @Slot(int)
    def _on_step_finished(self, run_id: int) -> None:
        if run_id == self._run_id:
            self._set_running(False)

    @Slot(int, str)
    def _on_failed(self, run_id: int, message: str) -> None:
        if run_id == self._run_id:
            self._ready = False
            self._set_running(False)
            self.failed.emit(message)

    @Slot(int, object)
    def _on_gradients_checked(self, run_id: int, report: object) -> None:
        if run_id == self._run_id:
            self.gradients_checked.emit(report)

    @Slot(int, str)
    def _on_gradient_check_failed(self, run_id: int, message: str) -> None:
        if run_id == self._run_id:
            self.gradient_check_failed.emit(message)

    @Slot(int)
    def _on_synced(self, token: int) -> None:
        self._synced_token = max(self._synced_token, token)
        loop = getattr(self, "_sync_loop", None)
        if loop is not None and self._synced_token >= self._sync_token:
            loop.quit()

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self.running_changed.emit(running)


_DRAWN = object()


def _no_drawing(snapshot: TrainingSnapshot) -> Iterable[None]:
    return ()


def merge(earlier: TrainingSnapshot, later: TrainingSnapshot) -> TrainingSnapshot:
    """``later`` carrying the history rows of both, so views that append lose no points: the
    rows of ``earlier`` that ``later`` keeps, then its own."""
    if later.kept_through is None:
        return later
    keep = earlier.new_epochs <= later.kept_through
    kept = earlier.kept_through
    return replace(
        later,
        kept_through=None if kept is None else min(kept, later.kept_through),
        **{name: frozen_copy(np.concatenate([getattr(earlier, name)[keep],
                                             getattr(later, name)]))
           for name in ("new_epochs", "new_train_losses", "new_test_losses")},
    )
