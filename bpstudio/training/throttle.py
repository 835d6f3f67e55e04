"""The one throttle where snapshots are made: it decides when the next may come while
training, and makes each over as many slices of work as it takes.

A snapshot costs the training time (measuring, the plot grid, the extras), and a picture
nobody sees is wasted: so while training the next one waits until the receiver has drawn
the last (it says so with :meth:`SnapshotThrottle.want`), until at least ``1 /
max_per_second`` has passed (no view redraws faster), and until making them takes at most
:data:`SNAPSHOT_BUDGET` of the time (a costly picture comes less often). A snapshot a command
asks for (pause, step, reset) is not held back: it is the answer.
"""

from __future__ import annotations

import time
from collections.abc import Generator

from bpstudio.core.snapshot import TrainingSnapshot

from .run import TrainingRun, work_until

MAX_SNAPSHOTS_PER_SECOND = 10.0
SNAPSHOT_BUDGET = 0.05
"""Share of the training time that making snapshots may take."""


class SnapshotThrottle:
    """Paces and makes a run's snapshots; times are :func:`time.perf_counter` seconds."""

    def __init__(self, max_per_second: float = MAX_SNAPSHOTS_PER_SECOND) -> None:
        self._min_interval = 1.0 / max_per_second
        self._wanted = True  # the receiver has drawn the previous snapshot and wants another
        self._cost = 0.0  # seconds the last snapshot took to make
        self._last = 0.0  # when the last one was made
        self._job: Generator[None, None, TrainingSnapshot] | None = None  # one in making
        self._job_cost = 0.0
        self._hands_back = False

    def want(self) -> None:
        """The receiver drew the last snapshot: the next may come."""
        self._wanted = True

    def due(self, now: float) -> bool:
        """Whether a snapshot made now while training would come in time, not too soon nor
        too dear."""
        return self._wanted and now - self._last >= max(self._min_interval,
                                                        self._cost / SNAPSHOT_BUDGET)

    def made(self, now: float, cost: float) -> None:
        """A snapshot was made at ``now``; making it took ``cost`` seconds of this thread's CPU."""
        self._last, self._cost, self._wanted = now, cost, False

    def restart(self, now: float) -> None:
        """A new run starts at ``now``: its first snapshot while training waits a while."""
        self._last = now

    @property
    def making(self) -> bool:
        """Whether a snapshot is in making."""
        return self._job is not None

    def begin(self, run: TrainingRun, since: int | None, running: bool, hand_back: bool) -> None:
        """Start a snapshot of ``run`` as it is now (see :meth:`TrainingRun.snapshot_steps`),
        replacing one in making; ``hand_back``: the state is to go with it (also if the one
        replaced had to)."""
        self._hands_back = hand_back or (self._job is not None and self._hands_back)
        self._job = run.snapshot_steps(since, running)
        self._job_cost = 0.0

    def work(self, deadline: float) -> tuple[TrainingSnapshot, bool] | None:
        """Work on the snapshot in making until it is done, then ``(snapshot, hand_back)``,
        or until the clock passes ``deadline`` between two chunks of work: ``None``."""
        started = time.thread_time()  # CPU, not wall time: a busy machine is not a dear picture
        try:
            done, snapshot = work_until(self._job, deadline)
        finally:
            self._job_cost += time.thread_time() - started
        if not done:
            return None
        self._job = None
        self.made(time.perf_counter(), self._job_cost)
        return snapshot, self._hands_back

    def drop(self) -> None:
        """Forget the snapshot in making (training stopped, or the run changed)."""
        self._job = None
