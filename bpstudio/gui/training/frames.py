"""The one step where snapshots are coalesced and drawn, in the GUI thread.

Snapshots of the current run are merged into one pending snapshot and rendered by a
zero-delay timer, so a busy GUI thread never works off a backlog. Rendering one makes a
frame: the controller announces it (``snapshot_ready``), and the drawer the window gave
draws it into the views on screen, one view per pass of the event loop, so that no pass keeps
the window from answering for long (painting comes in between). Snapshots that arrive
meanwhile wait for the next frame.

After each frame the worker is told it may send the next snapshot, later if drawing is
expensive: the GUI thread's CPU time per frame (drawing it, and painting and everything else
since the last one) is kept below the pace's ``render_budget`` of the wall time, and frames
come at most ``frames_per_second`` (see :mod:`bpstudio.gui.training.pace`). The request goes
out early by the time a snapshot took to arrive after the last request, so frames come on
time. The renderer also counts the frames drawn in the last second (:attr:`fps`). Both
threads share the GIL, so time spent drawing is time the worker cannot train.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject, QTimer, Slot

from bpstudio.core.read_only import frozen_copy
from bpstudio.core.snapshot import TrainingSnapshot

from .pace import FASTEST, Pace

MAX_FRAME_INTERVAL = 0.5
"""However slow drawing is, the plots still move at least twice a second."""

Drawer = Callable[[TrainingSnapshot], Iterable[None]]
"""Draws a frame: each ``yield`` ends one step, and the next step comes in the next pass."""


class FrameRenderer(QObject):
    """Frames of the snapshots :meth:`add` is given: ``announce(snapshot)`` as each begins,
    ``drawer`` draws it, ``ask()`` when the worker may send the next snapshot."""

    def __init__(
        self, announce: Callable[[TrainingSnapshot], None], ask: Callable[[], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._announce = announce
        self.drawer: Drawer = _no_drawing
        self.pace: Pace = FASTEST
        self._asked = self._frame_time = time.perf_counter()
        self._latency = 0.0  # from asking for a snapshot to its frame
        self._frame_times: list[float] = []  # when the frames of the last second began
        self._pending: TrainingSnapshot | None = None
        self._frame: Iterator[None] | None = None  # the steps of the frame being drawn
        self._render_timer = QTimer(self, singleShot=True, interval=0)
        self._render_timer.timeout.connect(self._render)
        self._want_timer = QTimer(self, singleShot=True)
        self._ask_worker = ask
        self._want_timer.timeout.connect(self._ask)
        self._frame_cpu = time.thread_time()

    @property
    def fps(self) -> float:
        """Frames begun in the last second (0 when none came for a second)."""
        now = time.perf_counter()
        return sum(1 for t in self._frame_times if now - t <= 1.0)

    def add(self, snapshot: TrainingSnapshot) -> None:
        """A snapshot of the current run: merged into the pending one, drawn soon."""
        self._pending = snapshot if self._pending is None else merge(self._pending, snapshot)
        if not self._render_timer.isActive():
            self._render_timer.start()

    def drop(self) -> None:
        """A new run: forget what the last one sent and the frame being drawn of it."""
        self._pending = self._frame = None
        self.restart_clock()

    def restart_clock(self) -> None:
        """What the GUI thread did until now (before a run, while paused) is not drawing."""
        self._frame_cpu = time.thread_time()

    def finish(self) -> None:
        """Draw now the frame being drawn and the pending snapshot."""
        self._render_timer.stop()
        while self._frame is not None or self._pending is not None:
            self._render()

    def stop(self) -> None:
        self._render_timer.stop()
        self._want_timer.stop()
        self._frame = None

    @Slot()
    def _render(self) -> None:
        """One pass: a step of the frame being drawn, or a new frame of the pending snapshot."""
        if self._frame is None:
            snapshot, self._pending = self._pending, None
            if snapshot is None:
                return
            self._begin_frame()
            self._announce(snapshot)
            self._frame = iter(self.drawer(snapshot))
        if next(self._frame, _DRAWN) is not _DRAWN:
            self._render_timer.start()  # the next step, after what waits (a paint, a command)
            return
        self._frame = None
        self._pace()
        if self._pending is not None:  # came while the frame was drawn
            self._render_timer.start()

    def _begin_frame(self) -> None:
        now = time.perf_counter()
        if self._asked > self._frame_time:  # this snapshot answers the last request
            self._latency = min(now - self._asked, MAX_FRAME_INTERVAL)
        self._frame_time = now
        self._frame_times = [t for t in self._frame_times if now - t <= 1.0] + [now]

    def _pace(self) -> None:
        """Tell the worker when it may send the next snapshot: at once if the frame was cheap
        and the last one long enough ago."""
        # CPU this thread used since the last frame: drawing it, painting, everything else
        cpu = time.thread_time()
        busy = cpu - self._frame_cpu
        self._frame_cpu = cpu
        # frames begin render_budget of this CPU apart, and 1 / frames_per_second at least;
        # asked for early by the time the last snapshot took to come after it was asked for
        since = time.perf_counter() - self._frame_time
        interval = max(busy / self.pace.render_budget, 1.0 / self.pace.frames_per_second)
        wait = interval - since - min(self._latency, interval / 2)
        wait = min(wait, MAX_FRAME_INTERVAL)
        self._want_timer.start(max(int(wait * 1000), 0))

    @Slot()
    def _ask(self) -> None:
        self._asked = time.perf_counter()
        self._ask_worker()


_DRAWN = object()


def _no_drawing(snapshot: TrainingSnapshot) -> Iterable[None]:
    return ()


def merge(earlier: TrainingSnapshot, later: TrainingSnapshot) -> TrainingSnapshot:
    """``later`` carrying the history rows of both (losses and η), so views that append lose
    no points: the rows of ``earlier`` that ``later`` keeps, then its own."""
    if later.kept_through is None:
        return later
    keep = earlier.new_epochs <= later.kept_through
    kept = earlier.kept_through
    columns = ["new_epochs", "new_train_losses", "new_test_losses", "new_learning_rates"]
    if earlier.new_learning_rates is None and later.new_learning_rates is None:
        columns.pop()  # η not recorded
    return replace(
        later,
        kept_through=None if kept is None else min(kept, later.kept_through),
        **{name: frozen_copy(np.concatenate([_column(earlier, name)[keep],
                                             _column(later, name)]))
           for name in columns},
    )


def _column(snapshot: TrainingSnapshot, name: str) -> np.ndarray:
    """A column of the snapshot's new rows; η unrecorded is NaN (so every column of a merged
    snapshot has a value per row, as the views that append them expect)."""
    values = getattr(snapshot, name)
    return np.full(len(snapshot.new_epochs), np.nan) if values is None else values
