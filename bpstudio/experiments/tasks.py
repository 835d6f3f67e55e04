"""The work one executor task does: train a group of a sweep's runs, stacked where the core
allows, and hand back each run's trainer state (weights, optimizer state, generator, history).

A task is a plain function of picklable values (:func:`train_task`), so any
``concurrent.futures.Executor`` runs it: a local process pool, a thread pool, a Dask cluster.
Runs the core can train in one stack (:func:`~bpstudio.core.stacked.stack_groups`) train
together with :class:`~bpstudio.core.stacked.StackedTrainer`; any other run trains alone in
its own :class:`~bpstudio.training.TrainingRun`. Either way each run ends bit for bit as
``TrainingRun(session, last_epoch=epochs).train_for(measure_every=every)`` leaves it: the
stack measures test loss and scores after the same epochs, on the same weights, with the
same :class:`~bpstudio.training.scores.Scores`.

Between epochs a task asks its :class:`Channel` whether the sweep was cancelled (a stack
stops after the epoch it is in, a lone run within :data:`ALONE_SLICE` seconds) and tells it
how far it got, so the sweep shows progress within long tasks.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from ..core import DivergenceError, History, TrainerState
from ..core.network import run_steps
from ..core.stacked import EpochReport, StackedTrainer, stack_groups
from ..session import DataSpec, PreparedData, Session
from ..training import TrainingRun

ALONE_SLICE = 0.2
"""Seconds a lone run trains between two looks at the channel."""
REPORT_EVERY = 0.2
"""Seconds between two progress reports (and two looks at the stop flag) of a task."""

DONE, DIVERGED, CANCELLED = "done", "diverged", "cancelled"


class Channel(Protocol):
    """How a running task hears of a cancel and tells how far it got (picklable)."""

    def should_stop(self) -> bool: ...

    def report(self, task: int, network_epochs: int) -> None: ...


@dataclass(frozen=True)
class Task:
    """Runs of one sweep to train ``epochs`` epochs, measured every ``measure_every``.

    ``runs`` holds each run's index in the sweep and its session; all share ``data``."""

    number: int
    data: DataSpec
    runs: tuple[tuple[int, Session], ...]
    epochs: int
    measure_every: int

    @property
    def network_epochs(self) -> int:
        return len(self.runs) * self.epochs


@dataclass(frozen=True)
class RunOutcome:
    """How one run ended: ``status`` is :data:`DONE`, :data:`DIVERGED` (``message`` says
    how) or :data:`CANCELLED`; ``state`` is its trainer's, as training it alone leaves it
    (a session with this state continues exactly); ``seconds`` is its share of its stack's
    time, ``cpu`` its share of the CPU seconds its worker spent on the stack (which a busy
    machine inflates far less than the time)."""

    index: int
    status: str
    message: str
    state: TrainerState
    score: str
    seconds: float
    cpu: float = 0.0

    @property
    def epochs(self) -> int:
        return self.state.epoch

    @property
    def history(self) -> History:
        return self.state.history

    @property
    def parameters(self) -> np.ndarray:
        return self.state.parameters


_prepared: dict[str, PreparedData] = {}
"""The data of this process's latest tasks: a sweep's tasks share one data spec."""


def prepared(spec: DataSpec) -> PreparedData:
    key = repr(spec) if spec.table is None else None
    if key is None:
        return spec.load()
    if key not in _prepared:
        _prepared.clear()
        _prepared[key] = spec.load()
    return _prepared[key]


def train_task(task: Task, channel: Channel) -> list[RunOutcome]:
    """Train every run of ``task``; one outcome per run that started."""
    data = prepared(task.data)
    runs = [TrainingRun(session, data, last_epoch=task.epochs) for _, session in task.runs]
    progress = _Progress(task.number, channel)
    groups = _groups(runs)
    outcomes: list[RunOutcome] = []
    for group in groups:
        if channel.should_stop():
            break
        members = [runs[i] for i in group]
        indices = [task.runs[i][0] for i in group]
        if len(group) == 1:
            outcomes.append(_alone(indices[0], members[0], task, progress))
        else:
            outcomes += _stacked(indices, members, task, progress)
    return outcomes


def _groups(runs: list[TrainingRun]) -> list[list[int]]:
    """Positions of the runs that train in one stack; every run alone when the stack cannot
    train them exactly: an optimizer or a learning-rate schedule it does not know, or
    stopping rules (a stack trains every network to the same epoch)."""
    if not any(run.rules.any for run in runs):
        try:
            return stack_groups([run.trainer for run in runs])
        except ValueError:
            pass
    return [[i] for i in range(len(runs))]


class _Progress:
    """Network-epochs done in this task, told to the channel now and then."""

    def __init__(self, task: int, channel: Channel) -> None:
        self.task, self.channel = task, channel
        self.done, self.told = 0, time.monotonic()
        self.stop = False

    def add(self, network_epochs: int) -> bool:
        """Count them; returns whether the sweep was cancelled (looked at now and then)."""
        self.done += network_epochs
        now = time.monotonic()
        if now - self.told >= REPORT_EVERY:
            self.told = now
            self.channel.report(self.task, self.done)
            self.stop = self.stop or self.channel.should_stop()
        return self.stop


def _alone(index: int, run: TrainingRun, task: Task, progress: _Progress) -> RunOutcome:
    started, cpu, status, message = time.perf_counter(), time.process_time(), DONE, ""
    try:
        while not run.at_limit:
            before = run.epoch
            run.train_for(seconds=ALONE_SLICE, measure_every=task.measure_every)
            if progress.add(run.epoch - before) and not run.at_limit:
                status = CANCELLED
                break
    except DivergenceError as exc:
        status, message = DIVERGED, str(exc)
    return _outcome(index, run, status, message, time.perf_counter() - started,
                    time.process_time() - cpu)


def _stacked(indices: list[int], runs: list[TrainingRun], task: Task, progress: _Progress
             ) -> list[RunOutcome]:
    """Train ``runs`` in one stack, measuring each network after the epochs its own run
    would measure, and write those measurements into the histories it hands back."""
    started, cpu = time.perf_counter(), time.process_time()
    every, last = task.measure_every, task.epochs
    scratch = runs[0].net.copy()  # a network of the stack's shape to measure with
    scores = runs[0].scores
    measured: list[dict[int, dict[str, float]]] = [{} for _ in runs]
    stopped = np.zeros(len(runs), dtype=bool)

    def after_epoch(report: EpochReport) -> bool:
        for position, epoch, parameters in zip(report.positions, report.epochs,
                                               report.parameters):
            if epoch % every == 0 or epoch == last:
                scratch.set_parameters(parameters)
                measured[position][int(epoch)] = run_steps(scores.measure_steps(scratch))
        if progress.add(len(report.positions)):
            stopped[report.positions[report.epochs < last]] = True
            return True
        return False

    trainers = [run.trainer for run in runs]
    errors = StackedTrainer(trainers).fit(runs[0].X, runs[0].Y, last - trainers[0].epoch,
                                          callback=after_epoch)
    seconds = (time.perf_counter() - started) / len(runs)
    cpu = (time.process_time() - cpu) / len(runs)
    outcomes = []
    for k, (index, run, error) in enumerate(zip(indices, runs, errors)):
        _record(run, measured[k])
        status = DIVERGED if error is not None else CANCELLED if stopped[k] else DONE
        outcomes.append(_outcome(index, run, status, "" if error is None else str(error),
                                 seconds, cpu))
    return outcomes


def _record(run: TrainingRun, measured: dict[int, dict[str, float]]) -> None:
    """Write measurements into the rows of the epochs they were taken after (the rows a
    rollback dropped stay dropped, as they would alone)."""
    history, score = run.trainer.history, run.scores.score
    for row, epoch in enumerate(history.epoch):
        metrics = measured.get(epoch)
        if metrics is not None:
            history.test_loss[row] = metrics["test_loss"]
            history.train_metric[row] = metrics[f"train_{score}"]
            history.test_metric[row] = metrics[f"test_{score}"]


def _outcome(index: int, run: TrainingRun, status: str, message: str, seconds: float,
             cpu: float) -> RunOutcome:
    return RunOutcome(index, status, message, run.state(), run.scores.score, seconds, cpu)


@dataclass(frozen=True)
class FileChannel:
    """A channel through files in one folder: a ``stop`` file, and a file per task with
    the network-epochs it did. For executors whose workers share this machine's files (a
    local process or thread pool, a Dask cluster on this machine)."""

    folder: str

    def should_stop(self) -> bool:
        return os.path.exists(os.path.join(self.folder, "stop"))

    def report(self, task: int, network_epochs: int) -> None:
        path = os.path.join(self.folder, f"{task}.done")
        with open(path + ".tmp", "w") as f:
            f.write(str(network_epochs))
        os.replace(path + ".tmp", path)

    # -- the sweep's side -----------------------------------------------------------------

    def stop(self) -> None:
        open(os.path.join(self.folder, "stop"), "w").close()

    def reported(self, task: int) -> int:
        try:
            with open(os.path.join(self.folder, f"{task}.done")) as f:
                return int(f.read() or 0)
        except (OSError, ValueError):
            return 0
