"""A training run as a plain Python object: the app's worker, the command line and the tests
train, measure, record and make snapshots with it, the same way.

A :class:`TrainingRun` is built from a :class:`~bpstudio.session.Session` and its prepared
data. It owns the network and trainer, the arrays as the network sees them (standardized,
read-only, checked once), the history and every measurement: train and test loss and score
(:mod:`.scores`), the test loss between snapshots (:mod:`.sampling`), the plot grid's outputs
and the extras of the explaining views (:mod:`.extras`). Long work (a snapshot of a large
network, a gradient check) comes as generators that yield between chunks of work, so a caller
can stop between any two (:func:`work_until`).
"""

from __future__ import annotations

import time
from collections.abc import Generator
from dataclasses import replace
from typing import Any

import numpy as np

from bpstudio.core import History, TrainerState, network
from bpstudio.core.chunked import output_steps
from bpstudio.core.diagnostics import GradientCheckReport, check_gradient_steps
from bpstudio.core.doctor import diagnose
from bpstudio.core.doctor_findings import Finding
from bpstudio.core.network import run_steps
from bpstudio.core.snapshot import (
    HistoryFeed,
    PlotGrid,
    TrainingSnapshot,
    frozen_copy,
    make_snapshot,
)
from bpstudio.core.stopping import Stopped
from bpstudio.core.trainer import Callback
from bpstudio.core.unit_readings import read_units
from bpstudio.session import PreparedData, Session, TrainingConfig, training_targets

from .extras import ExtrasMaker
from .rules import RunRules
from .sampling import TestLossSampler
from .scores import Metrics, Scores

GRADIENT_CHECK_ROWS = 256
"""The gradient check uses the first rows of the training set: two passes per parameter."""
MAX_GRADIENT_CHECK_CHUNKS = 3000
"""A gradient check needing more chunks of work (a minute or more) is refused."""
GRID_CHUNK_ROWS = 2048
"""The plot grid is evaluated in blocks: 150 x 150 rows at once allocate megabyte arrays that
cost page faults on every snapshot (23 ms instead of 2 ms for a 2-16-16-1 network)."""
BATCH_OVERHEAD_FLOPS = 100_000
"""What a mini-batch costs beyond its arithmetic (Python, NumPy calls), as operations: ~20 µs."""


class TrainingRun:
    """One run of training a session's network on its data.

    ``grid`` holds raw inputs at which snapshots evaluate the network (the fit or decision
    plot); ``last_epoch`` is where training stops (the session's epoch limit, else the most
    a session may reach). Use it from one thread at a time.
    """

    def __init__(
        self,
        session: Session,
        data: PreparedData | None = None,
        grid: PlotGrid | None = None,
        *,
        run_id: int = 0,
        last_epoch: int | None = None,
    ) -> None:
        data = session.prepare_data() if data is None else data
        self.data, self.run_id = data, run_id
        X = data.inputs(data.train)  # a new array: made read-only, the trainer checks it once
        X.setflags(write=False)
        self.X, self.Y = X, frozen_copy(training_targets(data.train, data.n_outputs))
        self.extras = ExtrasMaker(self.X, self.Y, data)
        self._grid_inputs = None if grid is None else data.standardizer.transform(grid.inputs)
        self._build(session)
        self.last_epoch = session.training.last_epoch if last_epoch is None else last_epoch

    def _build(self, session: Session) -> None:
        """The network and trainer of ``session`` (and what measures them), on this data."""
        bench = session.build(self.data)
        self.session, self.net, self.trainer = session, bench.net, bench.trainer
        self.scores = Scores(self.net, self.X, self.data)
        self.sampler = TestLossSampler(self.net, *self.scores.test_arrays)
        self.rules = RunRules(session.training.stopping, self.trainer, self.scores)
        self.feed = HistoryFeed()
        self.restart_clocks()

    # -- where it stands -----------------------------------------------------------------------

    @property
    def epoch(self) -> int:
        return self.trainer.epoch

    @property
    def history(self) -> History:
        return self.trainer.history

    @property
    def at_limit(self) -> bool:
        """Whether training stops here: the epoch limit or another stopping rule holds."""
        return self.stopped is not None

    @property
    def stopped(self) -> Stopped | None:
        """Why training stopped by itself, if a rule holds now (:mod:`.rules`)."""
        return self.rules.stopped(self.last_epoch)

    def state(self) -> TrainerState:
        """Everything Save needs to continue exactly (a copy)."""
        return self.trainer.state()

    def to_session(self) -> Session:
        """The session as it stands now: its specs with the current state."""
        return self.session.with_state(self.trainer.state())

    # -- training ------------------------------------------------------------------------------

    def train_for(
        self,
        epochs: int | None = None,
        seconds: float | None = None,
        *,
        measure_every: int | None = None,
        callback: Callback | None = None,
    ) -> None:
        """Train ``epochs`` more epochs (an epoch in progress counts as one), for ``seconds``,
        or until :attr:`last_epoch`, whichever comes first; ``None``: no such bound.

        A stop on time may fall inside an epoch (:meth:`Trainer.advance`). With
        ``measure_every`` everything is measured after the epochs that are multiples of it
        and after the epoch it trains to (the command line); without, the test loss is
        sampled between snapshots (the app). ``callback(epoch, loss)`` runs after every
        epoch; returning ``True`` stops training. Raises
        :class:`~bpstudio.core.DivergenceError` with the last finite weights kept.

        The session's stopping rules apply (:attr:`stopped` says which held): early stopping
        measures the test loss after every epoch (into the history) and, with
        ``restore_best``, puts the best epoch's weights back when it stops training; the
        time limit bounds ``seconds``. Nothing is trained while a rule holds.
        """
        trainer = self.trainer
        if self.stopped is not None:
            return
        until = self.last_epoch if epochs is None else min(trainer.epoch + epochs,
                                                           self.last_epoch)
        seconds = self.rules.seconds(seconds)
        started = time.perf_counter()
        deadline = None if seconds is None else started + seconds
        if measure_every is not None or callback is not None or self.rules.any:
            after_epoch = self._after_epoch_measuring(until, measure_every, callback, started)
        else:
            after_epoch = self._sample_test_loss
        try:
            trainer.advance(self.X, self.Y, deadline=deadline, until_epoch=until,
                            callback=after_epoch)
        finally:
            self.rules.count(started)
        if trainer.epoch > self._adapted_epoch:  # seconds per epoch, over slices if need be
            now, done = time.perf_counter(), trainer.epoch - self._adapted_epoch
            self.sampler.adapt((now - self._adapted_time) / done)
            self._adapted_epoch, self._adapted_time = trainer.epoch, now

    def _sample_test_loss(self, epoch: int, loss: float) -> None:
        self.sampler.after_epoch(epoch, self.trainer.history)

    def _after_epoch_measuring(
        self, last: int, every: int | None, callback: Callback | None, started: float
    ) -> Callback:
        early_stopping = self.rules.rules.early_stopping

        def after_epoch(epoch: int, loss: float) -> bool | None:
            reason = self.rules.after_epoch(epoch, loss, started)
            if every is None:
                if not early_stopping:  # else measured every epoch already
                    self._sample_test_loss(epoch, loss)
            elif epoch % every == 0 or epoch == last or reason is not None:
                self.measure()  # the last epoch's weights, before the best come back
            self.rules.restore_best(reason)
            wanted = None if callback is None else callback(epoch, loss)
            return True if reason is not None else wanted

        return after_epoch

    def restart_clocks(self) -> None:
        """Training (re)starts now: speeds are measured from here, time paused does not
        count."""
        self._rate_epoch = self._adapted_epoch = self.trainer.epoch
        self._rate_time = self._adapted_time = time.perf_counter()

    def epoch_is_small(self) -> bool:
        """Whether an epoch is about a chunk of work (:data:`~bpstudio.core.network.CHUNK_FLOPS`)
        at most: its passes over the rows, and per mini-batch the update and its overhead."""
        net, n = self.net, len(self.X)
        batches = -(-n // min(self.trainer.batch_size or n, n))
        per_batch = 10 * net.n_params + BATCH_OVERHEAD_FLOPS
        return n / net.chunk_rows() + batches * per_batch / network.CHUNK_FLOPS <= 1

    # -- changes -------------------------------------------------------------------------------

    def set_learning_rate(self, learning_rate: float) -> None:
        """Takes effect at the next update (times the schedule's factor for the epoch)."""
        self.trainer.set_learning_rate(learning_rate)

    def reconfigure(self, config: TrainingConfig) -> None:
        """Rebuild the trainer for new settings, keeping weights, epochs and history."""
        self._build(replace(self.session, state=self.trainer.state()).with_training(config))
        self.last_epoch = config.last_epoch

    def set_parameters(self, vector: object) -> None:
        """Put these weights and biases (the flat parameter vector) in the network.

        The epoch count, history and optimizer state stay as they were: this is a step taken
        by hand (the inspector's "Apply step"), not an epoch of the optimizer.
        """
        state = self.trainer.state()
        self.trainer.load_state(replace(state, parameters=np.asarray(vector, dtype=float)))

    # -- measurements and snapshots ------------------------------------------------------------

    def measure(self) -> Metrics:
        """Measure test loss and scores now and record them in the newest history row."""
        metrics = run_steps(self.scores.measure_steps(self.net))
        self.scores.record(self.trainer.history, metrics)
        return metrics

    def snapshot(self, since: int | None = None, running: bool = False) -> TrainingSnapshot:
        """:meth:`snapshot_steps` at once."""
        return run_steps(self.snapshot_steps(since, running))

    def snapshot_steps(
        self, since: int | None = None, running: bool = False
    ) -> Generator[None, None, TrainingSnapshot]:
        """Measure, record in the newest history row and freeze a picture of now, yielding
        between chunks of work. It carries the history rows from ``since`` (``None``: those
        that changed since the last snapshot) and, ``running``, the epochs per second since
        the last."""
        now = time.perf_counter()
        epoch, net = self.trainer.epoch, self.net
        rate = (epoch - self._rate_epoch) / max(now - self._rate_time, 1e-9) if running else 0.0
        self._rate_epoch, self._rate_time = epoch, now
        metrics = yield from self.scores.measure_steps(net)
        grid = None
        if self._grid_inputs is not None:
            rows = min(GRID_CHUNK_ROWS, net.chunk_rows(backward=False))
            grid = yield from output_steps(net, self._grid_inputs, rows)
        extras = yield from self.extras.make_steps(
            net, self.trainer.history, self.trainer.optimizer.lr)
        history = self.trainer.history
        self.scores.record(history, metrics)
        snapshot = make_snapshot(
            net, history, self.feed.unchanged_rows(history) if since is None else since,
            run_id=self.run_id, epochs_per_second=rate, metrics=metrics, extras=extras,
            score=self.scores.score, stopped=self.stopped,
        )
        if grid is not None:
            snapshot = replace(snapshot, grid_outputs=frozen_copy(grid))
        self.feed.sent(history)
        return snapshot

    def diagnose(self, units: bool = True) -> tuple[Finding, ...]:
        """The training doctor's findings on this run: its history and learning rate and,
        unless ``units`` is false, a reading of its hidden units (a forward and a backward
        pass over at most :data:`~bpstudio.core.unit_readings.READING_ROWS` training rows)."""
        reading = read_units(self.net, self.X, self.Y) if units else None
        return diagnose(self.trainer.history, self.trainer.optimizer.lr, reading)

    def gradient_check(self) -> Generator[None, None, GradientCheckReport]:
        """Backprop against central differences on the first rows of the training set: for a
        small network in one go (the generator never yields), else on a copy of the network
        yielding between chunks of work. ``ValueError`` at once if it would take too long."""
        net, rows = self.net, slice(0, GRADIENT_CHECK_ROWS)
        X, Y = self.X[rows], self.Y[rows]
        every = max(net.chunk_rows(backward=False) // (2 * len(X)), 1)  # parameters per chunk
        chunks = -(-net.n_params // every)
        if chunks > MAX_GRADIENT_CHECK_CHUNKS:
            raise ValueError(
                f"The gradient check takes two passes over {len(X)} samples for each of the "
                f"{net.n_params:,} parameters: too long for this network. Check a smaller "
                f"network built the same way.")
        if chunks == 1:
            return check_gradient_steps(net, X, Y)
        return check_gradient_steps(net.copy(), X, Y, every=every)


def work_until(steps: Generator[None, None, Any], deadline: float) -> tuple[bool, Any]:
    """Work on ``steps`` until it is done, ``(True, result)``, or the clock
    (:func:`time.perf_counter`) passes ``deadline`` between two of its steps,
    ``(False, None)``."""
    try:
        while True:
            next(steps)
            if time.perf_counter() >= deadline:
                return False, None
    except StopIteration as finished:
        return True, finished.value
