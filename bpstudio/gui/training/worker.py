"""The training worker: a QObject in its own thread, a timer-and-slots shell around one
:class:`~bpstudio.training.TrainingRun`.

A child ``QTimer`` (it moves with the worker) fires :meth:`TrainingWorker._train_slice`, which
works for about ``slice_seconds`` and returns to the thread's event loop, where queued
commands (start, pause, step, reset, learning rate, stop) are delivered between slices. So
every command is answered within a slice, whatever the network and data: the run stops
between mini-batches, and between the chunks of a batch, a snapshot or a gradient check too
large for one. Snapshots while training are paced by one throttle
(:class:`~bpstudio.training.SnapshotThrottle`); one a command asks for is its answer. The
state is handed back on every pause. Whatever goes wrong in a slot reaches the person
through :attr:`~TrainingWorker.failed`. Its ~210 lines are the slots, one per command, and
the hand-back of snapshots made over several slices; everything else is the run's.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from bpstudio.core import DivergenceError
from bpstudio.core.snapshot import TrainingSnapshot
from bpstudio.core.text import shorten
from bpstudio.limits import MAX_EPOCHS
from bpstudio.session import TrainingConfig
from bpstudio.training import SnapshotThrottle, TrainingRun, work_until
from bpstudio.training.extras import known_extras
from bpstudio.training.throttle import MAX_SNAPSHOTS_PER_SECOND

from .setup import TrainingSetup

SLICE_SECONDS = 0.010
PUBLISH_SECONDS = 0.02
"""A snapshot asked for by a command (pause, step, reset, ...) is made at once if it takes no
longer; a larger one is finished in later slices, and the state is handed back meanwhile."""

IDLE, RUNNING, STEPPING = "idle", "running", "stepping"


def _reported(slot: Callable[..., None]) -> Callable[..., None]:
    """Any exception in ``slot`` stops training and reaches the person through ``failed``:
    Qt would only print it on stderr."""

    @functools.wraps(slot)
    def guarded(self: TrainingWorker, *args: Any) -> None:
        try:
            slot(self, *args)
        except Exception as exc:
            self._fail(exc)

    return guarded


class TrainingWorker(QObject):
    """Trains a private run; talks to the GUI only through signals.

    Every signal carries the run id it belongs to, so the controller can drop what a
    previous run still had in the queue.
    """

    snapshot_ready = Signal(object)  # TrainingSnapshot, at most ~10 per second
    handed_back = Signal(int, object)  # run id, TrainerState: everything Save needs
    diverged = Signal(int, str)  # run id, message naming the fix
    limit_reached = Signal(int, int)  # run id, epoch
    step_finished = Signal(int)  # run id: a step reached the end of its epoch
    failed = Signal(int, str)  # run id, why the setup could not be built or training stopped
    synced = Signal(int)  # token of a sync request, after its hand-back
    gradients_checked = Signal(int, object)  # run id, GradientCheckReport
    gradient_check_failed = Signal(int, str)  # run id, why the check could not run
    finished = Signal()

    def __init__(
        self,
        slice_seconds: float = SLICE_SECONDS,
        max_snapshots_per_second: float = MAX_SNAPSHOTS_PER_SECOND,
    ) -> None:
        super().__init__()  # no parent: the controller moves it to a thread
        self._slice_seconds = slice_seconds
        self._throttle = SnapshotThrottle(max_snapshots_per_second)
        self._timer = QTimer(self)  # a child moves with its parent
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._train_slice)
        self._run: TrainingRun | None = None
        self._run_id = 0
        self._mode = IDLE
        self._step_until = 0  # the epoch a step trains to
        self._extras: frozenset[str] = frozenset()  # wanted by the GUI, for every run
        self._job: Generator[None, None, TrainingSnapshot] | None = None  # a snapshot in making
        self._job_hands_back = False  # hand the state back when it is done
        self._job_cost = 0.0
        self._check_job: Generator[None, None, object] | None = None  # a gradient check

    # -- commands (slots, run in the worker thread) --------------------------------------------

    @Slot(object)
    @_reported
    def reset(self, setup: TrainingSetup) -> None:
        """Build the run; show and hand back its start."""
        self._check_thread()
        self._halt()
        self._run_id = setup.run_id
        self._run = self._check_job = None
        self._run = TrainingRun(setup.session, setup.data, setup.grid, run_id=setup.run_id)
        self._run.extras.wanted = self._extras
        self._throttle.restart(time.perf_counter())
        self._publish(since=0)

    @Slot()
    @_reported
    def start(self) -> None:
        self._check_thread()
        if self._run is None or self._mode == RUNNING or self._said_at_limit():
            return
        self._mode = RUNNING
        self._run.restart_clocks()
        self._timer.start()

    @Slot()
    @_reported
    def pause(self) -> None:
        """Stop after the current slice and hand the state back (even if already paused)."""
        self._check_thread()
        self._mode = IDLE
        if self._run is not None:
            self._publish()

    @Slot()
    @_reported
    def step(self) -> None:
        """Train to the end of the current epoch (a whole one between epochs), then pause; at
        the epoch limit say so, as Train does. A step of a small network is done at once, a
        longer one in slices (it can be paused like training)."""
        self._check_thread()
        if self._run is None or self._mode == STEPPING:
            return
        self._halt()
        if self._said_at_limit():
            return
        self._mode = STEPPING
        self._step_until = self._run.epoch + 1
        self._run.restart_clocks()
        if self._run.epoch_is_small():
            self._train(deadline=None)
        else:
            self._timer.start()

    @Slot(float)
    @_reported
    def set_learning_rate(self, learning_rate: float) -> None:
        """Takes effect at the next update; running training goes on."""
        if self._run is not None:
            self._run.set_learning_rate(learning_rate)

    @Slot(object)
    @_reported
    def set_epoch_limit(self, limit: int | None) -> None:
        if self._run is not None:
            self._run.last_epoch = MAX_EPOCHS if limit is None else min(limit, MAX_EPOCHS)

    @Slot(object)
    @_reported
    def reconfigure(self, config: TrainingConfig) -> None:
        """Rebuild the trainer for new settings, keeping weights, epochs and history; pauses."""
        self._check_thread()
        self._halt()
        if self._run is not None:
            self._run.reconfigure(config)
            self._throttle.restart(time.perf_counter())
            self._publish()

    @Slot(object)
    @_reported
    def set_extras(self, keys: object) -> None:
        """From now on every snapshot carries these extras (names in ``extras.EXTRAS``); when
        paused, a snapshot with a newly wanted one comes at once."""
        keys = known_extras(keys)
        new, self._extras = keys - self._extras, keys
        if self._run is not None:
            self._run.extras.wanted = keys
            if new and self._mode == IDLE:
                self._publish(hand_back=False)

    @Slot(object)
    @_reported
    def set_parameters(self, vector: object) -> None:
        """Put these weights and biases in the network (a step taken by hand); pauses."""
        self._check_thread()
        self._halt()
        if self._run is not None:
            self._run.set_parameters(vector)
            self._publish()

    @Slot()
    @_reported
    def check_gradients(self) -> None:
        """Backprop against central differences, in the next slices (training waits)."""
        self._check_thread()
        try:
            if self._run is None:
                raise ValueError("There is no network to check.")
            self._check_job = self._run.gradient_check()
        except ValueError as exc:
            self.gradient_check_failed.emit(self._run_id, str(exc))
            return
        self._timer.start()

    @Slot()
    def want_snapshot(self) -> None:
        """The GUI drew the last snapshot: the next may come (no more than ~10 per second)."""
        self._throttle.want()

    @Slot(int)
    @_reported
    def sync(self, token: int) -> None:
        """Hand back the state now without pausing, then confirm ``token``."""
        try:
            if self._run is not None:
                self._publish()
        finally:
            self.synced.emit(token)

    @Slot()
    def stop(self) -> None:
        """Stop for good; the controller quits the thread on :attr:`finished`."""
        self._halt()
        self._run = self._check_job = None
        self.finished.emit()

    # -- training ------------------------------------------------------------------------------

    @Slot()
    @_reported
    def _train_slice(self) -> None:
        """One slice of work: the snapshot in making first, then a gradient check, then
        training."""
        deadline = time.perf_counter() + self._slice_seconds
        if self._job is not None and not self._run_job(deadline):
            return
        if self._check_job is not None:
            try:
                done, report = work_until(self._check_job, deadline)
            except ValueError as exc:
                done, report = True, exc
            if not done:
                return
            self._check_job = None
            if isinstance(report, ValueError):
                self.gradient_check_failed.emit(self._run_id, str(report))
            else:
                self.gradients_checked.emit(self._run_id, report)
        if self._mode == IDLE or self._run is None:
            self._timer.stop()
            return
        self._train(deadline)

    def _train(self, deadline: float | None) -> None:
        """Train until ``deadline``, the epoch limit or the end of a step, and say so."""
        run = self._run
        epochs = None if self._mode == RUNNING else self._step_until - run.epoch
        try:
            run.train_for(epochs, None if deadline is None else deadline - time.perf_counter())
        except DivergenceError as exc:  # the run kept the last finite weights: show them
            self._halt()
            self._publish()
            self.diverged.emit(self._run_id, str(exc))
            return
        if run.at_limit:
            self._halt()
            self._publish()
            self.limit_reached.emit(self._run_id, run.epoch)
        elif self._mode == STEPPING and run.epoch >= self._step_until:
            self._halt()
            self._publish()
            self.step_finished.emit(self._run_id)
        elif self._mode == RUNNING and self._throttle.due(time.perf_counter()):
            self._start_job(None, hand_back=False)
        if (self._mode != IDLE or self._job is not None) and not self._timer.isActive():
            self._timer.start()  # not restarted while it runs: that cost the app ~10 % speed

    def _said_at_limit(self) -> bool:
        """At the epoch limit, Train and Step say so instead of training."""
        if self._run.at_limit:
            self.limit_reached.emit(self._run_id, self._run.epoch)
        return self._run.at_limit

    def _fail(self, exc: Exception) -> None:
        """Stop and say why: a slot raised (out of memory, a setup that cannot be built, ...)."""
        self._halt()
        if isinstance(exc, MemoryError):
            message = ("Training stopped: the computer ran out of memory. Use fewer samples, a "
                       "smaller batch size or a smaller network.")
        elif isinstance(exc, ValueError):
            message = str(exc)
        else:
            message = f"Training stopped: an unexpected error ({type(exc).__name__}: {exc})."
        self.failed.emit(self._run_id, shorten(message))

    def _halt(self) -> None:
        """No training and no snapshot in making from here on."""
        self._mode = IDLE
        self._job = None
        self._timer.stop()

    # -- snapshots -----------------------------------------------------------------------------

    def _publish(self, since: int | None = None, hand_back: bool = True) -> None:
        """A snapshot of now and (with ``hand_back``) the full state handed back: both at once
        if the snapshot takes at most :data:`PUBLISH_SECONDS` to make; else the state now,
        and the snapshot with the state again when later slices have finished it."""
        self._start_job(since, hand_back)
        if not self._run_job(time.perf_counter() + PUBLISH_SECONDS):
            if hand_back:
                self.handed_back.emit(self._run_id, self._run.state())
            self._timer.start()

    def _start_job(self, since: int | None, hand_back: bool) -> None:
        """Begin a snapshot of the weights as they are (training waits until it is done)."""
        self._job_hands_back = hand_back or (self._job is not None and self._job_hands_back)
        self._job = self._run.snapshot_steps(since, running=self._mode == RUNNING)
        self._job_cost = 0.0

    def _run_job(self, deadline: float) -> bool:
        """Work on the snapshot in making until it is done (then emit it: ``True``) or the
        clock passes ``deadline`` between two chunks."""
        started = time.perf_counter()
        try:
            done, snapshot = work_until(self._job, deadline)
        finally:
            self._job_cost += time.perf_counter() - started
        if not done:
            return False
        self._job = None
        self._throttle.made(time.perf_counter(), self._job_cost)
        self.snapshot_ready.emit(snapshot)
        if self._job_hands_back:
            self.handed_back.emit(self._run_id, self._run.state())
        return True

    def _check_thread(self) -> None:
        assert self.thread() is QThread.currentThread(), "worker slot called from another thread"
