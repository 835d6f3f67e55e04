"""The training worker: a QObject that lives in its own thread and works in short slices.

A child ``QTimer`` (it moves with the worker) fires :meth:`TrainingWorker._train_slice`, which
works for about ``slice_seconds`` and returns to the thread's event loop, where queued
commands (start, pause, step, reset, learning rate, stop) are delivered between slices. So
every command is answered within a slice, whatever the network and data: training stops
between mini-batches, and a batch too large for a slice between chunks of its rows (see
:meth:`bpstudio.core.Trainer.advance`); snapshots of a large network are made in chunks too
(:mod:`bpstudio.core.chunked`).

Snapshots are throttled here, at the source: at most ~10 per second (no view redraws
faster), and only once the GUI has drawn the previous one (:meth:`want_snapshot`), so a
slow GUI never makes the worker compute pictures nobody sees. The state is handed back on
every pause. Whatever goes wrong in a slot reaches the person through :attr:`failed`.
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Callable, Generator
from dataclasses import replace
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from bpstudio.core import DivergenceError, network
from bpstudio.core.chunked import evaluate_steps, output_steps
from bpstudio.core.datasets import Dataset
from bpstudio.core.diagnostics import check_gradient_steps, check_gradients
from bpstudio.core.snapshot import HistoryFeed, TrainingSnapshot, frozen_copy, make_snapshot
from bpstudio.core.text import shorten
from bpstudio.limits import MAX_EPOCHS
from bpstudio.session import TrainingConfig, Workbench, training_targets

from .extras import EXTRAS, ExtrasMaker
from .setup import TrainingSetup
from .test_loss import TestLossSampler

SLICE_SECONDS = 0.010
PUBLISH_SECONDS = 0.02
"""A snapshot asked for by a command (pause, step, reset, ...) is made at once if it takes no
longer; a larger one is finished in later slices, and the state is handed back meanwhile."""
MAX_SNAPSHOTS_PER_SECOND = 10.0
SNAPSHOT_BUDGET = 0.05
"""Share of the worker's time that making snapshots may take: a costly picture comes less often."""
GRADIENT_CHECK_ROWS = 256
"""The gradient check uses the first rows of the training set: two passes per parameter."""
MAX_GRADIENT_CHECK_CHUNKS = 3000
"""A gradient check needing more chunks of work (a minute or more) is refused."""
GRID_CHUNK_ROWS = 2048
"""The plot grid is evaluated in blocks: 150 x 150 rows at once allocate megabyte arrays that
cost page faults on every snapshot (23 ms instead of 2 ms for a 2-16-16-1 network)."""

BATCH_OVERHEAD_FLOPS = 100_000
"""What a mini-batch costs beyond its arithmetic (Python, NumPy calls), as operations: ~20 µs."""

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
    """Trains a private network; talks to the GUI only through signals.

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
        self._min_interval = 1.0 / max_snapshots_per_second
        self._timer = QTimer(self)  # a child moves with its parent
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._train_slice)
        self._run_id = 0
        self._mode = IDLE
        self._step_until = 0  # the epoch a step trains to
        self._wanted = True  # the GUI has drawn the previous snapshot and wants another
        self._snapshot_cost = 0.0  # seconds the last snapshot took to make
        self._job: Generator[None, None, TrainingSnapshot] | None = None  # a snapshot in making
        self._job_hands_back = False  # hand the state back when it is done
        self._job_cost = 0.0
        self._check_job: Generator[None, None, object] | None = None  # a long gradient check
        self._bench: Workbench | None = None
        self._epoch_limit = MAX_EPOCHS
        self._extras = ExtrasMaker()
        self._feed = HistoryFeed()

    # -- commands (slots, run in the worker thread) --------------------------------------------

    @Slot(object)
    @_reported
    def reset(self, setup: TrainingSetup) -> None:
        """Build the network, trainer and arrays of a new run; show and hand back its start."""
        self._check_thread()
        self._halt()
        self._run_id = setup.run_id
        self._bench = self._check_job = None
        self._use(setup.session.build(setup.data), setup)
        self._epoch_limit = setup.session.training.last_epoch
        self._publish(since=0)

    @Slot()
    @_reported
    def start(self) -> None:
        self._check_thread()
        if self._bench is None or self._mode == RUNNING:
            return
        if self._at_limit():
            self.limit_reached.emit(self._run_id, self._trainer.epoch)
            return
        self._mode = RUNNING
        self._mark_rate()
        self._timer.start()

    @Slot()
    @_reported
    def pause(self) -> None:
        """Stop after the current slice and hand the state back (even if already paused)."""
        self._check_thread()
        self._mode = IDLE
        if self._bench is not None:
            self._publish()

    @Slot()
    @_reported
    def step(self) -> None:
        """Train to the end of the current epoch (a whole one between epochs), then pause; at
        the epoch limit say so, as Train does. A step of a small network is done at once, a
        longer one in slices (it can be paused like training)."""
        self._check_thread()
        if self._bench is None or self._mode == STEPPING:
            return
        self._halt()
        if self._at_limit():
            self.limit_reached.emit(self._run_id, self._trainer.epoch)
            return
        self._mode = STEPPING
        self._step_until = self._trainer.epoch + 1
        self._mark_rate()
        if self._epoch_is_small():
            self._train(deadline=None)
        else:
            self._timer.start()

    @Slot(float)
    @_reported
    def set_learning_rate(self, learning_rate: float) -> None:
        """Takes effect at the next update; running training goes on."""
        if self._bench is not None:
            self._trainer.optimizer.lr = learning_rate

    @Slot(object)
    @_reported
    def set_epoch_limit(self, limit: int | None) -> None:
        self._epoch_limit = MAX_EPOCHS if limit is None else min(limit, MAX_EPOCHS)

    @Slot(object)
    @_reported
    def reconfigure(self, config: TrainingConfig) -> None:
        """Rebuild the trainer for new settings, keeping weights, epochs and history; pauses."""
        self._check_thread()
        self._halt()
        if self._bench is None:
            return
        session = replace(self._setup.session, state=self._trainer.state()).with_training(config)
        setup = replace(self._setup, session=session)
        self._use(session.build(setup.data), setup)
        self._epoch_limit = config.last_epoch
        self._publish()

    @Slot(object)
    @_reported
    def set_extras(self, keys: object) -> None:
        """From now on every snapshot carries these extras (names in ``extras.EXTRAS``); when
        paused, a snapshot with a newly wanted one comes at once."""
        keys = frozenset(keys)
        if not keys <= EXTRAS:
            raise ValueError(f"keys: unknown extras {sorted(keys - EXTRAS)}")
        new, self._extras.wanted = keys - self._extras.wanted, keys
        if new and self._bench is not None and self._mode == IDLE:
            self._publish(hand_back=False)

    @Slot(object)
    @_reported
    def set_parameters(self, vector: object) -> None:
        """Put these weights and biases (the flat parameter vector) in the network; pauses.

        The epoch count, history and optimizer state stay as they were: this is a step taken
        by hand (the inspector's "Apply step"), not an epoch of the optimizer.
        """
        self._check_thread()
        self._halt()
        if self._bench is not None:
            state = self._trainer.state()
            self._trainer.load_state(replace(state, parameters=np.asarray(vector, dtype=float)))
            self._publish()

    @Slot()
    @_reported
    def check_gradients(self) -> None:
        """Backprop against central differences on the first rows of the training set: at
        once for a small network, else on a copy of it in slices (training waits)."""
        self._check_thread()
        if self._bench is None:
            self.gradient_check_failed.emit(self._run_id, "There is no network to check.")
            return
        net, rows = self._bench.net, slice(0, GRADIENT_CHECK_ROWS)
        X, Y = self._X[rows], self._Y[rows]
        every = max(net.chunk_rows(backward=False) // (2 * len(X)), 1)  # parameters per chunk
        chunks = -(-net.n_params // every)
        if chunks > MAX_GRADIENT_CHECK_CHUNKS:
            self.gradient_check_failed.emit(self._run_id, (
                f"The gradient check takes two passes over {len(X)} samples for each of the "
                f"{net.n_params:,} parameters: too long for this network. Check a smaller "
                f"network built the same way."))
            return
        if chunks == 1:
            try:
                report = check_gradients(net, X, Y)
            except ValueError as exc:
                report = exc
            self._report_check(report)
        else:
            self._check_job = check_gradient_steps(net.copy(), X, Y, every=every)
            self._timer.start()

    def _report_check(self, report: object) -> None:
        """The gradient check's report, or why it could not run (a ``ValueError``)."""
        if isinstance(report, ValueError):
            self.gradient_check_failed.emit(self._run_id, str(report))
        else:
            self.gradients_checked.emit(self._run_id, report)

    @Slot()
    def want_snapshot(self) -> None:
        """The GUI drew the last snapshot: the next may come (no more than ~10 per second)."""
        self._wanted = True

    @Slot(int)
    @_reported
    def sync(self, token: int) -> None:
        """Hand back the state now without pausing, then confirm ``token``."""
        try:
            if self._bench is not None:
                self._publish()
        finally:
            self.synced.emit(token)

    @Slot()
    def stop(self) -> None:
        """Stop for good; the controller quits the thread on :attr:`finished`."""
        self._halt()
        self._bench = self._check_job = None
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
                done, report = _work_until(self._check_job, deadline)
            except ValueError as exc:
                done, report = True, exc
            if not done:
                return
            self._check_job = None
            self._report_check(report)
        if self._mode == IDLE or self._bench is None:
            if self._job is None and self._check_job is None:
                self._timer.stop()
            return
        self._train(deadline)

    def _train(self, deadline: float | None) -> None:
        """Train until ``deadline``, the epoch limit or the end of a step, and say so."""
        trainer = self._trainer
        until = self._epoch_limit if self._mode == RUNNING else self._step_until
        try:
            trainer.advance(self._X, self._Y, deadline=deadline, until_epoch=until,
                            callback=self._after_epoch)
        except DivergenceError as exc:
            self._diverge(exc)
            return
        if trainer.epoch > self._adapted_epoch:  # seconds per epoch, over slices if need be
            now, epochs = time.perf_counter(), trainer.epoch - self._adapted_epoch
            self._test_loss.adapt((now - self._adapted_time) / epochs)
            self._adapted_epoch, self._adapted_time = trainer.epoch, now
        if self._at_limit():
            self._halt()
            self._publish()
            self.limit_reached.emit(self._run_id, trainer.epoch)
        elif self._mode == STEPPING and trainer.epoch >= self._step_until:
            self._halt()
            self._publish()
            self.step_finished.emit(self._run_id)
        elif self._mode == RUNNING and self._wanted and time.perf_counter() - self._last_emit \
                >= max(self._min_interval, self._snapshot_cost / SNAPSHOT_BUDGET):
            self._start_job(None, hand_back=False)
        if (self._mode != IDLE or self._job is not None) and not self._timer.isActive():
            self._timer.start()  # not restarted while it runs: that cost the app ~10 % speed

    def _after_epoch(self, epoch: int, loss: float) -> None:
        self._test_loss.after_epoch(epoch, self._trainer.history)

    def _diverge(self, exc: DivergenceError) -> None:
        """The trainer kept the last finite weights: show them, hand them back, explain."""
        self._halt()
        self._publish()
        self.diverged.emit(self._run_id, str(exc))

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
                self.handed_back.emit(self._run_id, self._trainer.state())
            self._timer.start()

    def _start_job(self, since: int | None, hand_back: bool) -> None:
        """Begin a snapshot of the weights as they are (training waits until it is done)."""
        self._job_hands_back = hand_back or (self._job is not None and self._job_hands_back)
        self._job = self._snapshot_steps(since, running=self._mode == RUNNING)
        self._job_cost = 0.0

    def _run_job(self, deadline: float) -> bool:
        """Work on the snapshot in making until it is done (then emit it: ``True``) or the
        clock passes ``deadline`` between two chunks."""
        started = time.perf_counter()
        try:
            done, snapshot = _work_until(self._job, deadline)
        finally:
            self._job_cost += time.perf_counter() - started
        if not done:
            return False
        self._job = None
        self._snapshot_cost = self._job_cost
        self.snapshot_ready.emit(snapshot)
        if self._job_hands_back:
            self.handed_back.emit(self._run_id, self._trainer.state())
        return True

    def _snapshot_steps(
        self, since: int | None, running: bool
    ) -> Generator[None, None, TrainingSnapshot]:
        """Measure test loss and scores, record them in the newest history row, freeze a
        picture; in chunks of work, yielding between them."""
        now = time.perf_counter()
        epoch, net = self._trainer.epoch, self._bench.net
        rate = (epoch - self._rate_epoch) / max(now - self._rate_time, 1e-9) if running else 0.0
        self._rate_epoch, self._rate_time = epoch, now
        metrics = yield from self._measure_steps()
        grid = None
        if self._grid_inputs is not None:
            rows = min(GRID_CHUNK_ROWS, net.chunk_rows(backward=False))
            grid = yield from output_steps(net, self._grid_inputs, rows)
        extras = yield from self._extras.make_steps(net)
        history = self._trainer.history
        if len(history):
            score = "accuracy" if "train_accuracy" in metrics else "r2"
            history.test_loss[-1] = metrics["test_loss"]
            history.train_metric[-1] = metrics[f"train_{score}"]
            history.test_metric[-1] = metrics[f"test_{score}"]
        snapshot = make_snapshot(
            net, history, self._feed.unchanged_rows(history) if since is None else since,
            run_id=self._run_id, epochs_per_second=rate, metrics=metrics, extras=extras,
        )
        if grid is not None:
            snapshot = replace(snapshot, grid_outputs=frozen_copy(grid))
        self._feed.sent(history)
        self._last_emit = time.perf_counter()
        self._wanted = False
        return snapshot

    def _measure_steps(self) -> Generator[None, None, dict[str, float]]:
        """``train_loss``, ``test_loss`` and ``train_/test_`` accuracy or r2 at these weights."""
        out: dict[str, float] = {}
        net = self._bench.net
        for part, scored in zip(("train", "test"), self._scored):
            try:
                values = yield from evaluate_steps(net, scored, net.chunk_rows(backward=False))
            except ValueError:  # outputs overflowed on this part: nothing to score
                values = {"loss": math.nan,
                          "accuracy" if scored.task == "classification" else "r2": math.nan}
            for key, value in values.items():
                out[f"{part}_{key}"] = float(value)
        return out

    # -- details -------------------------------------------------------------------------------

    def _use(self, bench: Workbench, setup: TrainingSetup) -> None:
        data = setup.data
        self._setup = setup
        self._bench = bench
        self._trainer = bench.trainer
        n_out = bench.net.layer_sizes[-1]
        X = data.inputs(data.train)  # a new array: made read-only, the trainer checks it once
        X.setflags(write=False)
        self._X, self._Y = X, frozen_copy(training_targets(data.train, n_out))
        self._extras.use(self._X, self._Y, data)
        self._scored = (_scaled(X, data.train), _scaled(data.inputs(data.test), data.test))
        self._test_loss = TestLossSampler(
            bench.net, self._scored[1].X, training_targets(data.test, n_out))
        self._grid_inputs = (
            None if setup.grid is None else data.standardizer.transform(setup.grid.inputs)
        )
        self._feed = HistoryFeed()
        self._last_emit = time.perf_counter()
        self._mark_rate()

    def _mark_rate(self) -> None:
        epoch = self._trainer.epoch if self._bench is not None else 0
        self._rate_epoch = self._adapted_epoch = epoch
        self._rate_time = self._adapted_time = time.perf_counter()

    def _epoch_is_small(self) -> bool:
        """Whether an epoch is about a chunk of work (:data:`~bpstudio.core.network.CHUNK_FLOPS`)
        at most: its passes over the rows, and per mini-batch the update and its overhead."""
        net, n = self._bench.net, len(self._X)
        batches = -(-n // min(self._trainer.batch_size or n, n))
        per_batch = 10 * net.n_params + BATCH_OVERHEAD_FLOPS
        return n / net.chunk_rows() + batches * per_batch / network.CHUNK_FLOPS <= 1

    def _at_limit(self) -> bool:
        return self._trainer.epoch >= self._epoch_limit

    def _check_thread(self) -> None:
        assert self.thread() is QThread.currentThread(), "worker slot called from another thread"


def _work_until(steps: Generator[None, None, Any], deadline: float) -> tuple[bool, Any]:
    """Work on ``steps`` until it is done, ``(True, result)``, or the clock passes
    ``deadline`` between two of its steps, ``(False, None)``."""
    try:
        while True:
            next(steps)
            if time.perf_counter() >= deadline:
                return False, None
    except StopIteration as finished:
        return True, finished.value


def _scaled(X: np.ndarray, part: Dataset) -> Dataset:
    """``part`` with its inputs as the network sees them (standardized), for scoring."""
    return Dataset(X, part.y, part.task, part.name, part.params, part.n_classes or None)
