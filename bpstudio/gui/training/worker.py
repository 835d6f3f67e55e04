"""The training worker: a QObject that lives in its own thread and trains in short slices.

A child ``QTimer`` (it moves with the worker) fires :meth:`TrainingWorker._train_slice`, which
trains for about ``slice_seconds`` and returns to the thread's event loop, where queued
commands (start, pause, step, reset, learning rate, stop) are delivered between slices.
Snapshots are throttled here, at the source: at most ~10 per second (no view redraws
faster), and only once the GUI has drawn the previous one (:meth:`want_snapshot`), so a
slow GUI never makes the worker compute pictures nobody sees. The state is handed back on
every pause.
"""

from __future__ import annotations

import math
import time
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from bpstudio.core import DivergenceError
from bpstudio.core.datasets import Dataset
from bpstudio.core.diagnostics import check_gradients
from bpstudio.core.metrics import evaluate
from bpstudio.core.snapshot import TrainingSnapshot, frozen_copy, make_snapshot
from bpstudio.session import TrainingConfig, Workbench, training_targets

from .extras import EXTRAS, ExtrasMaker
from .setup import TrainingSetup
from .test_loss import TestLossSampler

SLICE_SECONDS = 0.010
MAX_SNAPSHOTS_PER_SECOND = 10.0
SNAPSHOT_BUDGET = 0.05
"""Share of the worker's time that making snapshots may take: a costly picture comes less often."""
GRADIENT_CHECK_ROWS = 256
"""The gradient check uses the first rows of the training set: two passes per parameter."""
GRID_CHUNK_ROWS = 2048
"""The plot grid is evaluated in blocks: 150 x 150 rows at once allocate megabyte arrays that
cost page faults on every snapshot (23 ms instead of 2 ms for a 2-16-16-1 network)."""


class TrainingWorker(QObject):
    """Trains a private network; talks to the GUI only through signals.

    Every signal carries the run id it belongs to, so the controller can drop what a
    previous run still had in the queue.
    """

    snapshot_ready = Signal(object)  # TrainingSnapshot, at most ~10 per second
    handed_back = Signal(int, object)  # run id, TrainerState: everything Save needs
    diverged = Signal(int, str)  # run id, message naming the fix
    limit_reached = Signal(int, int)  # run id, epoch
    failed = Signal(int, str)  # run id, why the setup could not be built
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
        self._wanted = True  # the GUI has drawn the previous snapshot and wants another
        self._snapshot_cost = 0.0  # seconds the last snapshot took to make
        self._bench: Workbench | None = None
        self._epoch_limit: int | None = None
        self._extras = ExtrasMaker()

    # -- commands (slots, run in the worker thread) --------------------------------------------

    @Slot(object)
    def reset(self, setup: TrainingSetup) -> None:
        """Build the network, trainer and arrays of a new run; show and hand back its start."""
        self._check_thread()
        self._timer.stop()
        self._run_id = setup.run_id
        self._bench = None
        try:
            bench = setup.session.build(setup.data)
        except ValueError as exc:
            self.failed.emit(setup.run_id, str(exc))
            return
        self._use(bench, setup)
        self._epoch_limit = setup.session.training.epoch_limit
        self._publish(since=0)

    @Slot()
    def start(self) -> None:
        self._check_thread()
        if self._bench is None or self._timer.isActive():
            return
        if self._at_limit():
            self.limit_reached.emit(self._run_id, self._trainer.epoch)
            return
        self._mark_rate()
        self._timer.start()

    @Slot()
    def pause(self) -> None:
        """Stop after the current slice and hand the state back (even if already paused)."""
        self._check_thread()
        self._timer.stop()
        if self._bench is not None:
            self._publish()

    @Slot()
    def step(self) -> None:
        """Train exactly one epoch, then pause (at the epoch limit: say so, as Train does)."""
        self._check_thread()
        self._timer.stop()
        if self._bench is None:
            return
        if self._at_limit():
            self.limit_reached.emit(self._run_id, self._trainer.epoch)
            return
        try:
            self._trainer.run_epoch(self._X, self._Y)
        except DivergenceError as exc:
            self._diverge(exc)
            return
        self._publish()

    @Slot(float)
    def set_learning_rate(self, learning_rate: float) -> None:
        """Takes effect at the next update; running training goes on."""
        if self._bench is not None:
            self._trainer.optimizer.lr = learning_rate

    @Slot(object)
    def set_epoch_limit(self, limit: int | None) -> None:
        self._epoch_limit = limit

    @Slot(object)
    def reconfigure(self, config: TrainingConfig) -> None:
        """Rebuild the trainer for new settings, keeping weights, epochs and history; pauses."""
        self._check_thread()
        self._timer.stop()
        if self._bench is None:
            return
        session = replace(self._setup.session, state=self._trainer.state()).with_training(config)
        setup = replace(self._setup, session=session)
        self._use(session.build(setup.data), setup)
        self._epoch_limit = config.epoch_limit
        self._publish()

    @Slot(object)
    def set_extras(self, keys: object) -> None:
        """From now on every snapshot carries these extras (names in ``extras.EXTRAS``); when
        paused, a snapshot with a newly wanted one comes at once."""
        keys = frozenset(keys)
        if not keys <= EXTRAS:
            raise ValueError(f"keys: unknown extras {sorted(keys - EXTRAS)}")
        new, self._extras.wanted = keys - self._extras.wanted, keys
        if new and self._bench is not None and not self._timer.isActive():
            self.snapshot_ready.emit(self._snapshot(running=False))

    @Slot(object)
    def set_parameters(self, vector: object) -> None:
        """Put these weights and biases (the flat parameter vector) in the network; pauses.

        The epoch count, history and optimizer state stay as they were: this is a step taken
        by hand (the inspector's "Apply step"), not an epoch of the optimizer.
        """
        self._check_thread()
        self._timer.stop()
        if self._bench is not None:
            self._bench.net.set_parameters(np.asarray(vector, dtype=float))
            self._publish()

    @Slot()
    def check_gradients(self) -> None:
        """Backprop against central differences on the first rows of the training set."""
        self._check_thread()
        if self._bench is None:
            self.gradient_check_failed.emit(self._run_id, "There is no network to check.")
            return
        rows = slice(0, GRADIENT_CHECK_ROWS)
        try:
            with np.errstate(over="ignore", under="ignore"):
                report = check_gradients(self._bench.net, self._X[rows], self._Y[rows])
        except ValueError as exc:
            self.gradient_check_failed.emit(self._run_id, str(exc))
            return
        self.gradients_checked.emit(self._run_id, report)

    @Slot()
    def want_snapshot(self) -> None:
        """The GUI drew the last snapshot: the next may come (no more than ~10 per second)."""
        self._wanted = True

    @Slot(int)
    def sync(self, token: int) -> None:
        """Hand back the state now without pausing, then confirm ``token``."""
        if self._bench is not None:
            self._publish()
        self.synced.emit(token)

    @Slot()
    def stop(self) -> None:
        """Stop for good; the controller quits the thread on :attr:`finished`."""
        self._timer.stop()
        self._bench = None
        self.finished.emit()

    # -- training ------------------------------------------------------------------------------

    @Slot()
    def _train_slice(self) -> None:
        started = time.perf_counter()
        deadline = started + self._slice_seconds
        limit, first, sampler = self._epoch_limit, self._trainer.epoch, self._test_loss

        def done(epoch: int, loss: float) -> bool:
            sampler.after_epoch(epoch, self._trainer.history)
            return time.perf_counter() >= deadline or (limit is not None and epoch >= limit)

        epochs = 1_000_000 if limit is None else max(limit - self._trainer.epoch, 0)
        try:
            self._trainer.fit(self._X, self._Y, epochs, callback=done)
        except DivergenceError as exc:
            self._diverge(exc)
            return
        trained = self._trainer.epoch - first
        sampler.adapt((time.perf_counter() - started) / max(trained, 1))
        if self._at_limit():
            self._timer.stop()
            self._publish()
            self.limit_reached.emit(self._run_id, self._trainer.epoch)
        elif self._wanted and time.perf_counter() - self._last_emit >= max(
            self._min_interval, self._snapshot_cost / SNAPSHOT_BUDGET
        ):
            self.snapshot_ready.emit(self._snapshot())

    def _diverge(self, exc: DivergenceError) -> None:
        """The trainer kept the last finite weights: show them, hand them back, explain."""
        self._timer.stop()
        self._publish()
        self.diverged.emit(self._run_id, str(exc))

    # -- details -------------------------------------------------------------------------------

    def _use(self, bench: Workbench, setup: TrainingSetup) -> None:
        data = setup.data
        self._setup = setup
        self._bench = bench
        self._trainer = bench.trainer
        n_out = bench.net.layer_sizes[-1]
        self._X = data.inputs(data.train)
        self._Y = training_targets(data.train, n_out)
        self._extras.use(self._X, self._Y, data)
        self._scored = tuple(_scaled(data.inputs(part), part) for part in (data.train, data.test))
        self._test_loss = TestLossSampler(
            bench.net, self._scored[1].X, training_targets(data.test, n_out))
        self._grid_inputs = (
            None if setup.grid is None else data.standardizer.transform(setup.grid.inputs)
        )
        self._sent = 0
        self._last_emit = time.perf_counter()
        self._mark_rate()

    def _publish(self, since: int | None = None) -> None:
        """Emit a snapshot now and hand the full state back (pause, step, reset, ...)."""
        self.snapshot_ready.emit(self._snapshot(since, running=self._timer.isActive()))
        self.handed_back.emit(self._run_id, self._trainer.state())

    def _snapshot(self, since: int | None = None, running: bool = True) -> TrainingSnapshot:
        """Measure test loss and scores, record them in the last history row, freeze a picture."""
        now = time.perf_counter()
        epoch = self._trainer.epoch
        rate = (epoch - self._rate_epoch) / max(now - self._rate_time, 1e-9) if running else 0.0
        metrics = self._measure()
        history = self._trainer.history
        if len(history):
            score = "accuracy" if "train_accuracy" in metrics else "r2"
            history.test_loss[-1] = metrics["test_loss"]
            history.train_metric[-1] = metrics[f"train_{score}"]
            history.test_metric[-1] = metrics[f"test_{score}"]
        snapshot = make_snapshot(
            self._bench.net, history, self._sent if since is None else since,
            run_id=self._run_id, epochs_per_second=rate, metrics=metrics,
            extras=self._extras.make(self._bench.net),
        )
        if self._grid_inputs is not None:
            snapshot = replace(snapshot, grid_outputs=frozen_copy(self._grid_outputs()))
        self._sent = len(history)
        self._last_emit = time.perf_counter()
        self._snapshot_cost = self._last_emit - now
        self._wanted = False
        self._rate_epoch, self._rate_time = epoch, now
        return snapshot

    def _grid_outputs(self) -> np.ndarray:
        net, inputs = self._bench.net, self._grid_inputs
        with np.errstate(over="ignore", under="ignore"):
            return np.concatenate([
                net._forward(inputs[i : i + GRID_CHUNK_ROWS]).output
                for i in range(0, len(inputs), GRID_CHUNK_ROWS)
            ])

    def _measure(self) -> dict[str, float]:
        """``train_loss``, ``test_loss`` and ``train_/test_`` accuracy or r2 at these weights."""
        out: dict[str, float] = {}
        for part, scored in zip(("train", "test"), self._scored):
            try:
                values = evaluate(self._bench.net, scored)
            except ValueError:  # outputs overflowed on this part: nothing to score
                values = {"loss": math.nan,
                          "accuracy" if scored.task == "classification" else "r2": math.nan}
            for key, value in values.items():
                out[f"{part}_{key}"] = float(value)
        return out

    def _mark_rate(self) -> None:
        self._rate_epoch = self._trainer.epoch if self._bench is not None else 0
        self._rate_time = time.perf_counter()

    def _at_limit(self) -> bool:
        return self._epoch_limit is not None and self._trainer.epoch >= self._epoch_limit

    def _check_thread(self) -> None:
        assert self.thread() is QThread.currentThread(), "worker slot called from another thread"


def _scaled(X: np.ndarray, part: Dataset) -> Dataset:
    """``part`` with its inputs as the network sees them (standardized), for scoring."""
    return Dataset(X, part.y, part.task, part.name, part.params, part.n_classes or None)

