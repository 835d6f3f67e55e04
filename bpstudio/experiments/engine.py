"""Run a sweep on any ``concurrent.futures.Executor``: group its runs into stacks, hand the
groups out as tasks, gather the outcomes, report progress, and stop when cancelled.

Runs that differ only in what a stack lets differ (seeds, learning rate, momentum, L2) go in
one group; a group larger than :data:`MAX_STACK` networks, or too few groups for the
workers, is cut into pieces. The largest pieces go first, so the workers finish together.
Without an executor the sweep makes a local process pool with one worker per core (each
worker's BLAS on one thread: the processes are the parallelism) and shuts it down at the
end, whatever happens; on cancel the tasks not started are cancelled and the running ones
stop after the epoch they are in (:mod:`.tasks`), so every process has ended when
:func:`run_sweep` returns.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from dataclasses import dataclass, replace

from threadpoolctl import threadpool_limits

from ..core.optimizers import OPTIMIZER_KINDS
from ..session import Session
from .results import SweepResults
from .spec import PlannedRun, SweepSpec, plan
from .tasks import Channel, FileChannel, RunOutcome, Task, train_task

MAX_STACK = 64
"""Most networks one task trains in one stack: an epoch of a stack must stay short, as a
cancel waits for it."""
MIN_SPLIT = 4
"""Groups are cut for idle workers only into pieces of at least this many networks."""
POLL = 0.1
"""Seconds between two looks at the tasks, the cancel flag and the progress."""
START_METHOD = "forkserver"
"""How the local pool starts its workers: never ``fork`` (the app has threads: a forked
child may inherit a lock another thread held), and the fork server is started once, with
the training modules loaded, so a sweep's workers start in milliseconds."""


@dataclass(frozen=True)
class SweepProgress:
    """What a progress callback sees: network-epochs done of all, runs finished, seconds
    since the start and the estimated seconds left (``None`` before anything finished)."""

    done: int
    total: int
    runs_done: int
    runs: int
    elapsed: float
    eta: float | None

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0


ProgressCallback = Callable[[SweepProgress], object]


def run_sweep(
    base: Session,
    spec: SweepSpec,
    executor: Executor | None = None,
    *,
    jobs: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    channel: Channel | None = None,
) -> SweepResults:
    """Train every run of ``spec`` on ``base``'s data; returns the results so far.

    ``jobs`` is the number of workers (default: the executor's, or one per core); the
    sweep is cut into at least that many tasks. ``progress(SweepProgress)`` is called in
    this thread every :data:`POLL` seconds while something changed. Setting ``cancel`` (or a
    ``KeyboardInterrupt``) stops the sweep: the results hold the runs that ended, and those
    stopped part-way (status ``cancelled``), and ``results.cancelled`` is true. ``channel``
    is how tasks hear of a cancel and report progress (default: files in a temporary
    folder, which workers on this machine share; :mod:`.cluster` has one for Dask).
    """
    started = time.perf_counter()
    data = base.prepare_data()
    runs = plan(base, spec, data)
    workers = jobs or _workers(executor)
    own = executor is None
    if own:
        executor = local_executor(workers)
    assert executor is not None
    with tempfile.TemporaryDirectory(prefix="bpstudio-sweep-") as folder:
        if channel is None:
            channel = FileChannel(folder)
        tasks = make_tasks(runs, spec, base.data, workers)
        try:
            outcomes, cancelled = _gather(executor, tasks, channel, runs, started, progress,
                                          cancel or threading.Event())
        finally:
            if own:
                executor.shutdown(wait=True, cancel_futures=True)
    return SweepResults(spec, runs, outcomes, data.task, cancelled,
                        time.perf_counter() - started)


def _workers(executor: Executor | None) -> int:
    """The executor's workers where a standard pool tells them, else one per core."""
    count = getattr(executor, "_max_workers", None)
    return count if isinstance(count, int) and count > 0 else (os.cpu_count() or 1)


def local_executor(workers: int | None = None) -> ProcessPoolExecutor:
    """A process pool for sweeps: ``workers`` processes (default one per core), started by a
    fork server, each ignoring Ctrl+C (the sweep stops them) with BLAS on one thread."""
    context = multiprocessing.get_context(START_METHOD)
    context.set_forkserver_preload([__name__])
    return ProcessPoolExecutor(workers or os.cpu_count() or 1, mp_context=context,
                               initializer=_init_worker)


def _init_worker() -> None:
    """Each worker is one core's worth of work: with BLAS threads of its own it would wait for
    a core another worker (or process) holds, and a run took up to 50 times longer
    (bench/README.md)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threadpool_limits(limits=1, user_api="blas")


def group_key(session: Session) -> tuple:
    """Sessions with equal keys can share a stack (what :func:`bpstudio.core.stacked.stack_key`
    asks of their trainers, read from their specs)."""
    training = session.training
    takes_momentum = OPTIMIZER_KINDS[training.optimizer].momentum is not None
    return (replace(session.network, seed=0), training.optimizer,
            takes_momentum and training.momentum != 0, training.l2 != 0,
            training.batch_size, training.shuffle)


def make_tasks(runs: Sequence[PlannedRun], spec: SweepSpec, data: object, workers: int
               ) -> list[Task]:
    """The sweep's runs as tasks: groups of one stack, cut to at most :data:`MAX_STACK`
    networks, and cut further (down to :data:`MIN_SPLIT`) while workers would idle;
    the costliest first."""
    groups: dict[tuple, list[PlannedRun]] = {}
    for run in runs:
        groups.setdefault(group_key(run.session), []).append(run)
    pieces = [group[i:i + MAX_STACK] for group in groups.values()
              for i in range(0, len(group), MAX_STACK)]
    while len(pieces) < workers:
        largest = max(pieces, key=len)
        if len(largest) < 2 * MIN_SPLIT:
            break
        pieces.remove(largest)
        half = (len(largest) + 1) // 2
        pieces += [largest[:half], largest[half:]]
    pieces.sort(key=lambda p: -len(p) * _cost(p[0].session))
    return [Task(number, data, tuple((r.index, r.session) for r in piece), spec.epochs,
                 spec.measure_every) for number, piece in enumerate(pieces)]


def _cost(session: Session) -> int:
    """Weights per network: how a piece's work grows (the data is shared)."""
    sizes = [layer.size for layer in session.network.hidden]
    return sum(a * b for a, b in zip([1, *sizes], [*sizes, 1])) + 1


def _gather(
    executor: Executor, tasks: list[Task], channel: Channel, runs: Sequence[PlannedRun],
    started: float, progress: ProgressCallback | None, cancel: threading.Event,
) -> tuple[dict[int, RunOutcome], bool]:
    futures: dict[Future, Task] = {executor.submit(train_task, t, channel): t for t in tasks}
    pending = set(futures)
    outcomes: dict[int, RunOutcome] = {}
    finished_work = 0
    total = sum(t.network_epochs for t in tasks)
    shown = None
    try:
        while pending and not cancel.is_set():
            done, pending = wait(pending, timeout=POLL, return_when=FIRST_COMPLETED)
            for future in done:
                finished_work += futures[future].network_epochs
                outcomes.update((o.index, o) for o in future.result())
            if progress is not None:
                running = sum(_reported(channel, futures[f]) for f in pending)
                now = _progress(finished_work + running, total, len(outcomes), len(runs),
                                time.perf_counter() - started)
                if (now.done, now.runs_done) != shown:
                    shown = (now.done, now.runs_done)
                    progress(now)
    except BaseException as exc:  # a failed task, or Ctrl+C: stop the rest first
        _stop_all(executor, channel, pending, outcomes)
        if not isinstance(exc, KeyboardInterrupt):
            raise
        return outcomes, True
    if pending:
        _stop_all(executor, channel, pending, outcomes)
        return outcomes, True
    return outcomes, False


def _stop_all(executor: Executor, channel: Channel, pending: set[Future],
              outcomes: dict[int, RunOutcome]) -> None:
    """Cancel the tasks not started, let the running ones stop, keep what they hand back.

    Only the standard pools tell a running task from a waiting one (``cancel`` fails for a
    running task); another executor's futures (Dask's) are left to stop themselves: a task
    that starts after the stop flag returns at once."""
    stop = getattr(channel, "stop", None)
    if stop is not None:
        stop()
    if isinstance(executor, ProcessPoolExecutor | ThreadPoolExecutor):
        for future in pending:
            future.cancel()
    for future in wait(pending).done:
        if not future.cancelled() and future.exception() is None:
            outcomes.update((o.index, o) for o in future.result())


def _reported(channel: Channel, task: Task) -> int:
    reported = getattr(channel, "reported", None)
    return 0 if reported is None else min(reported(task.number), task.network_epochs)


def _progress(done: int, total: int, runs_done: int, runs: int, elapsed: float
              ) -> SweepProgress:
    eta = elapsed / done * (total - done) if done else None
    return SweepProgress(done, total, runs_done, runs, elapsed, eta)
