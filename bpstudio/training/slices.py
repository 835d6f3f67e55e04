"""Training in short slices with commands answered between them: the app's worker without Qt.

Whoever drives it calls :meth:`SlicedTraining.work_slice` again and again while
:attr:`~SlicedTraining.needs_slices` (the app's worker: from a zero-interval timer) and calls
the commands (start, pause, step, reset, ...) between two slices. A slice works for about
``slice_seconds``: the run stops between mini-batches, and between the chunks of a batch, a
snapshot or a gradient check too large for one, so every command is answered within a slice
whatever the network and data. What the person must be told goes to :attr:`events` as
``(name, arguments)``, in order; the worker emits each as its Qt signal of that name. Every
event of a run carries the run id, so that what an earlier run left in a queue can be dropped.
"""

from __future__ import annotations

import time
from collections.abc import Generator

import numpy as np

from bpstudio.core import DivergenceError
from bpstudio.core.phrase import Phrase
from bpstudio.core.snapshot import PlotGrid
from bpstudio.core.text import shorten
from bpstudio.core.translatable import QT_TRANSLATE_NOOP, Refusal
from bpstudio.limits import MAX_EPOCHS
from bpstudio.session import PreparedData, Session, TrainingConfig

from .extras import known_extras
from .run import TrainingRun, work_until
from .throttle import MAX_SNAPSHOTS_PER_SECOND, SnapshotThrottle

SLICE_SECONDS = 0.010
PUBLISH_SECONDS = 0.02
"""A snapshot asked for by a command (pause, step, reset, ...) is made at once if it takes no
longer; a larger one is finished in later slices, and the state is handed back meanwhile."""

IDLE, RUNNING, STEPPING = "idle", "running", "stepping"

Event = tuple[str, tuple[object, ...]]


class SlicedTraining:
    """One run at a time, trained slice by slice; tells what happened through :attr:`events`.

    The events: ``snapshot_ready(snapshot)``, ``handed_back(run_id, state)`` (everything Save
    needs), ``diverged(run_id, message)``, ``limit_reached(run_id, stopped)``,
    ``step_finished(run_id)``, ``failed(run_id, message)``, ``synced(token)``,
    ``gradients_checked(run_id, report)``, ``gradient_check_failed(run_id, message)`` and
    ``finished()``.
    """

    def __init__(
        self,
        slice_seconds: float = SLICE_SECONDS,
        max_snapshots_per_second: float = MAX_SNAPSHOTS_PER_SECOND,
    ) -> None:
        self.slice_seconds = slice_seconds
        self.throttle = SnapshotThrottle(max_snapshots_per_second)
        self.run: TrainingRun | None = None
        self.run_id = 0
        self.mode = IDLE
        self.events: list[Event] = []
        self._step_until = 0  # the epoch a step trains to
        self._extras: frozenset[str] = frozenset()  # wanted for every run
        self._check: Generator[None, None, object] | None = None  # a gradient check

    @property
    def needs_slices(self) -> bool:
        """Whether there is work for the next slices: training, a snapshot, a check."""
        return self.mode != IDLE or self.throttle.making or self._check is not None

    def take_events(self) -> list[Event]:
        events, self.events = self.events, []
        return events

    def _say(self, name: str, *args: object) -> None:
        self.events.append((name, args))

    # -- commands ------------------------------------------------------------------------------

    def reset(self, session: Session, data: PreparedData, grid: PlotGrid | None,
              run_id: int) -> None:
        """Build a new run from ``session``; show and hand back its start."""
        self.halt()
        self.run_id = run_id
        self.run = self._check = None
        self.run = TrainingRun(session, data, grid, run_id=run_id)
        self.run.extras.wanted = self._extras
        self.throttle.restart(time.perf_counter())
        self._publish(since=0)

    def start(self) -> None:
        if self.run is not None and self.mode != RUNNING and not self._said_at_limit():
            self.mode = RUNNING
            self.run.restart_clocks()

    def pause(self) -> None:
        """Stop after the current slice and hand the state back (even if already paused)."""
        self.mode = IDLE
        if self.run is not None:
            self._publish()

    def step(self) -> None:
        """Train to the end of the current epoch (a whole one between epochs), then pause; at
        the epoch limit say so, as Train does. A step of a small network is done at once, a
        longer one in slices (it can be paused like training)."""
        if self.run is None or self.mode == STEPPING:
            return
        self.halt()
        if self._said_at_limit():
            return
        self.mode = STEPPING
        self._step_until = self.run.epoch + 1
        self.run.restart_clocks()
        if self.run.epoch_is_small():
            self._train(deadline=None)

    def set_learning_rate(self, learning_rate: float) -> None:
        """Takes effect at the next update; running training goes on."""
        if self.run is not None:
            self.run.set_learning_rate(learning_rate)

    def set_epoch_limit(self, limit: int | None) -> None:
        if self.run is not None:
            self.run.last_epoch = MAX_EPOCHS if limit is None else min(limit, MAX_EPOCHS)

    def reconfigure(self, config: TrainingConfig) -> None:
        """Rebuild the trainer for new settings, keeping weights, epochs and history; pauses."""
        self.halt()
        if self.run is not None:
            self.run.reconfigure(config)
            self.throttle.restart(time.perf_counter())
            self._publish()

    def set_extras(self, keys: object) -> None:
        """From now on every snapshot carries these extras (names in ``extras.EXTRAS``); when
        paused, a snapshot with a newly wanted one comes at once."""
        keys = known_extras(keys)
        new, self._extras = keys - self._extras, keys
        if self.run is not None:
            self.run.extras.wanted = keys
            if new and self.mode == IDLE:
                self._publish(hand_back=False)

    def set_parameters(self, vector: np.ndarray) -> None:
        """Put these weights and biases in the network (a step taken by hand); pauses."""
        self.halt()
        if self.run is not None:
            self.run.set_parameters(vector)
            self._publish()

    def check_gradients(self) -> None:
        """Backprop against central differences, in the next slices (training waits)."""
        try:
            if self.run is None:
                raise ValueError("There is no network to check.")
            self._check = self.run.gradient_check()
        except ValueError as exc:
            self._say("gradient_check_failed", self.run_id, str(exc))

    def sync(self, token: int) -> None:
        """Hand back the state now without pausing, then confirm ``token``."""
        try:
            if self.run is not None:
                self._publish()
        finally:
            self._say("synced", token)

    def stop(self) -> None:
        """Stop for good."""
        self.halt()
        self.run = self._check = None
        self._say("finished")

    def fail(self, exc: Exception) -> None:
        """Stop and say why a command or slice raised (out of memory, a setup that cannot be
        built, ...)."""
        self.halt()
        if isinstance(exc, MemoryError):
            message = Phrase(QT_TRANSLATE_NOOP(
                "Training", "Training stopped: the computer ran out of memory. Use fewer "
                "samples, a smaller batch size or a smaller network."), "Training")
        elif isinstance(exc, Refusal):
            message = exc.words  # a Phrase: the window says it in its language
        elif isinstance(exc, ValueError):
            message = shorten(str(exc))
        else:
            message = Phrase(QT_TRANSLATE_NOOP(
                "Training", "Training stopped: an unexpected error ({error})."), "Training",
                error=shorten(f"{type(exc).__name__}: {exc}"))
        self._say("failed", self.run_id, message)

    def halt(self) -> None:
        """No training and no snapshot in making from here on."""
        self.mode = IDLE
        self.throttle.drop()

    # -- slices --------------------------------------------------------------------------------

    def work_slice(self) -> None:
        """One slice of work: the snapshot in making first, then a gradient check, then
        training."""
        deadline = time.perf_counter() + self.slice_seconds
        if self.throttle.making and not self._finish_snapshot(deadline):
            return
        if self._check is not None:
            try:
                done, report = work_until(self._check, deadline)
            except ValueError as exc:
                done, report = True, exc
            if not done:
                return
            self._check = None
            if isinstance(report, ValueError):
                self._say("gradient_check_failed", self.run_id, str(report))
            else:
                self._say("gradients_checked", self.run_id, report)
        if self.mode != IDLE and self.run is not None:
            self._train(deadline)

    def _train(self, deadline: float | None) -> None:
        """Train until ``deadline``, the epoch limit or the end of a step, and say so."""
        run = self.run
        epochs = None if self.mode == RUNNING else self._step_until - run.epoch
        try:
            run.train_for(epochs, None if deadline is None else deadline - time.perf_counter())
        except DivergenceError as exc:  # the run kept the last finite weights: show them
            self.halt()
            self._publish()
            self._say("diverged", self.run_id, exc.args[0])  # a Phrase: said in the GUI's words
            return
        if run.at_limit:
            self.halt()
            self._publish()
            self._say("limit_reached", self.run_id, run.stopped)
        elif self.mode == STEPPING and run.epoch >= self._step_until:
            self.halt()
            self._publish()
            self._say("step_finished", self.run_id)
        elif self.mode == RUNNING and self.throttle.due(time.perf_counter()):
            self.throttle.begin(run, None, running=True, hand_back=False)

    def _said_at_limit(self) -> bool:
        """At the epoch limit, Train and Step say so instead of training."""
        if self.run.at_limit:
            self._say("limit_reached", self.run_id, self.run.stopped)
        return self.run.at_limit

    # -- snapshots -----------------------------------------------------------------------------

    def _publish(self, since: int | None = None, hand_back: bool = True) -> None:
        """A snapshot of now and (with ``hand_back``) the full state handed back: both at once
        if the snapshot takes at most :data:`PUBLISH_SECONDS` to make; else the state now,
        and the snapshot with the state again when later slices have finished it."""
        self.throttle.begin(self.run, since, self.mode == RUNNING, hand_back)
        if not self._finish_snapshot(time.perf_counter() + PUBLISH_SECONDS) and hand_back:
            self._say("handed_back", self.run_id, self.run.state())

    def _finish_snapshot(self, deadline: float) -> bool:
        """Tell the snapshot in making (and the state, if it goes with it) if it is done by
        ``deadline``."""
        made = self.throttle.work(deadline)
        if made is not None:
            self._say("snapshot_ready", made[0])
            if made[1]:
                self._say("handed_back", self.run_id, self.run.state())
        return made is not None
