"""The training worker: a QObject in its own thread, a timer-and-slots shell around
:class:`~bpstudio.training.slices.SlicedTraining` (one :class:`~bpstudio.training.TrainingRun`
trained in slices, without Qt).

A child ``QTimer`` (it moves with the worker) fires :meth:`TrainingWorker._train_slice` while
there is work; queued commands are delivered between two slices, so every command is
answered within a slice. Each slot hands its command on, then emits what it produced as the
signals of the same names, and runs or stops the timer. Whatever goes wrong in a slot reaches
the person through :attr:`~TrainingWorker.failed`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from bpstudio.session import TrainingConfig
from bpstudio.training.slices import SLICE_SECONDS, SlicedTraining
from bpstudio.training.throttle import MAX_SNAPSHOTS_PER_SECOND

from .setup import TrainingSetup


def _command(slot: Callable[..., None]) -> Callable[..., None]:
    """A slot that works in the worker's thread and then tells what it did; any exception
    stops training and reaches the person through ``failed`` (Qt would only print it)."""

    @functools.wraps(slot)
    def command(self: TrainingWorker, *args: Any) -> None:
        assert self.thread() is QThread.currentThread(), "worker slot called from another thread"
        try:
            slot(self, *args)
        except Exception as exc:
            self._training.fail(exc)
        self._deliver()

    return command


class TrainingWorker(QObject):
    """Trains a private run; talks to the GUI only through signals.

    Every signal of a run carries its id, so the controller can drop what a previous run
    still had in the queue.
    """

    snapshot_ready = Signal(object)  # TrainingSnapshot, at most ~10 per second
    handed_back = Signal(int, object)  # run id, TrainerState: everything Save needs
    diverged = Signal(int, object)  # run id, message naming the fix (a str, maybe a Phrase)
    limit_reached = Signal(int, object)  # run id, why it stopped (core.stopping.Stopped)
    step_finished = Signal(int)  # run id: a step reached the end of its epoch
    failed = Signal(int, object)  # run id, why the setup could not be built or training
    # stopped: a str, or a Phrase the window says in its language
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
        self._training = SlicedTraining(slice_seconds, max_snapshots_per_second)
        self._timer = QTimer(self)  # a child moves with its parent
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._train_slice)

    # -- commands (slots, run in the worker thread) --------------------------------------------

    @Slot(object)
    @_command
    def reset(self, setup: TrainingSetup) -> None:
        """A new run (training paused): its start is shown and handed back."""
        self._training.reset(setup.session, setup.data, setup.grid, setup.run_id)

    @Slot()
    @_command
    def start(self) -> None:
        self._training.start()

    @Slot()
    @_command
    def pause(self) -> None:
        """Stop after the current slice and hand the state back (even if already paused)."""
        self._training.pause()

    @Slot()
    @_command
    def step(self) -> None:
        """Train to the end of the current epoch, then pause."""
        self._training.step()

    @Slot(float)
    @_command
    def set_learning_rate(self, learning_rate: float) -> None:
        self._training.set_learning_rate(learning_rate)

    @Slot(object)
    @_command
    def set_epoch_limit(self, limit: int | None) -> None:
        self._training.set_epoch_limit(limit)

    @Slot(object)
    @_command
    def reconfigure(self, config: TrainingConfig) -> None:
        """Rebuild the trainer for new settings, keeping weights, epochs and history; pauses."""
        self._training.reconfigure(config)

    @Slot(object)
    @_command
    def set_extras(self, keys: object) -> None:
        """From now on every snapshot carries these extras (names in ``extras.EXTRAS``)."""
        self._training.set_extras(keys)

    @Slot(object)
    @_command
    def set_parameters(self, vector: object) -> None:
        """Put these weights and biases in the network (a step taken by hand); pauses."""
        self._training.set_parameters(vector)

    @Slot()
    @_command
    def check_gradients(self) -> None:
        """Backprop against central differences, in the next slices (training waits)."""
        self._training.check_gradients()

    @Slot()
    @_command
    def want_snapshot(self) -> None:
        """The GUI drew the last snapshot: the next may come (no more than ~10 per second)."""
        self._training.throttle.want()

    @Slot(int)
    @_command
    def sync(self, token: int) -> None:
        """Hand back the state now without pausing, then confirm ``token``."""
        self._training.sync(token)

    @Slot()
    @_command
    def stop(self) -> None:
        """Stop for good; the controller quits the thread on :attr:`finished`."""
        self._training.stop()

    @Slot()
    @_command
    def _train_slice(self) -> None:
        self._training.work_slice()

    def _deliver(self) -> None:
        """Emit what the last command or slice produced, in order; run the timer while
        there is work (it is not restarted while it runs: that cost the app ~10 % speed)."""
        for name, args in self._training.take_events():
            getattr(self, name).emit(*args)
        if not self._training.needs_slices:
            self._timer.stop()
        elif not self._timer.isActive():
            self._timer.start()
