"""The GUI-thread face of training: owns the worker thread, filters and coalesces its output.

Commands travel as this object's own signals, connected to the worker's slots (queued,
because the worker lives in another thread). Replies arrive in this object's slots, in the
GUI thread; anything from an older run id is dropped. The snapshots of the current run go to
its :class:`~.frames.FrameRenderer`, the one step where they are coalesced and drawn, which
tells the worker when it may send the next.
"""

from __future__ import annotations

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

from bpstudio.core.snapshot import PlotGrid, TrainingSnapshot
from bpstudio.core.stopping import Stopped
from bpstudio.session import PreparedData, Session, TrainingConfig

from .frames import Drawer, FrameRenderer
from .pace import WORKER_CEILING, Pace
from .setup import TrainingSetup
from .worker import TrainingWorker

SHUTDOWN_WAIT_MS = 500
SYNC_WAIT_MS = 3000


class TrainingController(QObject):
    """Start, pause, step, reset and retune training; emits what the views need."""

    snapshot_ready = Signal(object)  # the latest TrainingSnapshot, at most one per render
    running_changed = Signal(bool)
    state_handed_back = Signal(object)  # TrainerState of the current run
    diverged = Signal(object)  # the message: a str (a Phrase from the trainer)
    limit_reached = Signal(object)  # why it stopped (core.stopping.Stopped)
    failed = Signal(object)  # why: a str, or a Phrase (a refusal, out of memory)
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
        self._sync_token = 0
        self._synced_token = 0
        self.frames = FrameRenderer(self.snapshot_ready.emit, self._snapshot_wanted.emit, self)
        self.worker_thread = QThread()
        self.worker_thread.setObjectName("trainingThread")
        self._worker = worker or TrainingWorker(max_snapshots_per_second=WORKER_CEILING)
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
        self.frames.drop()
        self._ready = True
        self._set_running(False)
        self._reset_requested.emit(TrainingSetup(self._run_id, replace(session), data, grid))

    def start(self) -> None:
        if self._ready and not self._running:
            self.frames.restart_clock()
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
        self.frames.drawer = drawer

    @property
    def pace(self) -> Pace:
        """How often frames come and how much GUI time they may take (:mod:`.pace`)."""
        return self.frames.pace

    @pace.setter
    def pace(self, pace: Pace) -> None:
        self.frames.pace = pace

    @property
    def render_budget(self) -> float:
        """Share of wall time one frame's GUI-thread CPU may take (:mod:`.frames`)."""
        return self.frames.pace.render_budget

    @render_budget.setter
    def render_budget(self, share: float) -> None:
        self.frames.pace = replace(self.frames.pace, render_budget=share)

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
        self.frames.finish()
        return self._synced_token >= token

    def shutdown(self) -> None:
        """Stop the worker and join its thread (within ~0.5 s; a slice is ~10 ms)."""
        if not self.worker_thread.isRunning():
            return
        self.frames.stop()
        self._set_running(False)
        self._stop_requested.emit()
        if not self.worker_thread.wait(SHUTDOWN_WAIT_MS):
            self.worker_thread.quit()
            self.worker_thread.wait()

    # -- replies (GUI thread) ------------------------------------------------------------------

    @Slot(object)
    def _on_snapshot(self, snapshot: TrainingSnapshot) -> None:
        if snapshot.run_id == self._run_id:
            self.frames.add(snapshot)

    @Slot(int, object)
    def _on_handed_back(self, run_id: int, state: object) -> None:
        if run_id == self._run_id:
            self.state_handed_back.emit(state)

    @Slot(int, object)
    def _on_diverged(self, run_id: int, message: str) -> None:
        if run_id == self._run_id:
            self._set_running(False)
            self.diverged.emit(message)

    @Slot(int, object)
    def _on_limit_reached(self, run_id: int, stopped: Stopped) -> None:
        if run_id == self._run_id:
            self._set_running(False)
            self.limit_reached.emit(stopped)

    @Slot(int)
    def _on_step_finished(self, run_id: int) -> None:
        if run_id == self._run_id:
            self._set_running(False)

    @Slot(int, object)
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
