"""When the next snapshot may be made while training: the one throttle where they are made.

A snapshot costs the training time (measuring, the plot grid, the extras), and a picture
nobody sees is wasted: so the next one waits until the receiver has drawn the last (it says
so with :meth:`SnapshotThrottle.want`), until at least ``1 / max_per_second`` has passed (no
view redraws faster), and until making them takes at most :data:`SNAPSHOT_BUDGET` of the time
(a costly picture comes less often). Snapshots a command asks for (pause, step, reset) are
not throttled: they are the answer.
"""

from __future__ import annotations

MAX_SNAPSHOTS_PER_SECOND = 10.0
SNAPSHOT_BUDGET = 0.05
"""Share of the training time that making snapshots may take."""


class SnapshotThrottle:
    """Paces the snapshots made while training; times are :func:`time.perf_counter` seconds."""

    def __init__(self, max_per_second: float = MAX_SNAPSHOTS_PER_SECOND) -> None:
        self._min_interval = 1.0 / max_per_second
        self._wanted = True  # the receiver has drawn the previous snapshot and wants another
        self._cost = 0.0  # seconds the last snapshot took to make
        self._last = 0.0  # when the last one was made

    def want(self) -> None:
        """The receiver drew the last snapshot: the next may come."""
        self._wanted = True

    def due(self, now: float) -> bool:
        """Whether a snapshot made now would come in time, not too soon nor too dear."""
        return self._wanted and now - self._last >= max(self._min_interval,
                                                        self._cost / SNAPSHOT_BUDGET)

    def made(self, now: float, cost: float) -> None:
        """A snapshot was made (and sent) at ``now``; making it took ``cost`` seconds."""
        self._last, self._cost, self._wanted = now, cost, False

    def restart(self, now: float) -> None:
        """A new run starts at ``now``: its first snapshot while training waits a while."""
        self._last = now
