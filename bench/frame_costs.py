"""Where a frame's GUI-thread time goes, for ``gui_bench.py``: per view, its
``show_snapshot`` and its paint; per frame, the GUI thread's CPU from one frame to the next.

It wraps methods of one window's views while :meth:`FrameCosts.recording`. Painting is timed
by a wrapper of pyqtgraph's ``GraphicsView.paintEvent`` that :func:`install` puts in place
before the first window is made (PySide6 looks up a Python override of a Qt virtual once).
"""

from __future__ import annotations

import contextlib
import statistics
import time
from collections import defaultdict
from collections.abc import Iterator

_paint_sink: list = [None]  # while recording: called with (widget, CPU ms) after each paint


def install() -> None:
    """Time every pyqtgraph paint from now on (a no-op wrapper unless recording)."""
    import pyqtgraph as pg

    paint = pg.GraphicsView.paintEvent

    def timed_paint(widget, event) -> None:
        start = time.thread_time()
        paint(widget, event)
        if _paint_sink[0] is not None:
            _paint_sink[0](widget, 1000 * (time.thread_time() - start))

    pg.GraphicsView.paintEvent = timed_paint


class FrameCosts:
    """Per-frame CPU milliseconds of the GUI thread, split by view."""

    def __init__(self, window) -> None:
        self.window = window
        self.frames: list[float] = []  # GUI-thread CPU ms from one frame's end to the next
        self.parts: list[dict[str, float]] = []  # per frame: "view: draw/paint" -> ms

    def _name_of(self, widget) -> str | None:
        views = {id(v): v for v in self.window.views}
        while widget is not None:
            if id(widget) in views:
                return widget.objectName() or type(widget).__name__
            widget = widget.parentWidget()
        return None

    @contextlib.contextmanager
    def recording(self) -> Iterator[None]:
        from bpstudio.gui.training.frames import FrameRenderer

        renderer = self.window.training.frames
        originals = []
        frame_parts: dict[str, float] = defaultdict(float)
        drawers = [*self.window.views, *self.window.live_views._listeners,
                   self.window.status_line]  # the listeners (Compare, probe): every frame
        for view in drawers:
            name = view.objectName() or type(view).__name__
            show = view.show_snapshot

            def timed(snapshot, _show=show, _name=name) -> None:
                start = time.thread_time()
                _show(snapshot)
                frame_parts[f"{_name}: draw"] += 1000 * (time.thread_time() - start)

            view.show_snapshot = timed
            originals.append(view)
        owners: dict[int, str | None] = {}

        def painted(widget, ms: float) -> None:
            if id(widget) not in owners:
                owners[id(widget)] = self._name_of(widget)
            frame_parts[f"{owners[id(widget)] or 'other plots'}: paint"] += ms

        pace = FrameRenderer._pace
        last = [time.thread_time()]

        def timed_pace(renderer_self) -> None:
            if renderer_self is renderer:
                now = time.thread_time()
                self.frames.append(1000 * (now - last[0]))
                last[0] = now
                self.parts.append(dict(frame_parts))
                frame_parts.clear()
            pace(renderer_self)

        _paint_sink[0] = painted
        FrameRenderer._pace = timed_pace
        try:
            yield
        finally:
            _paint_sink[0] = None
            FrameRenderer._pace = pace
            for view in originals:
                del view.show_snapshot

    def summary(self) -> list[tuple[str, float, float]]:
        """``(part, median ms, p95 ms)`` per frame, the whole frame first and the rest of it
        (Qt's own work: widgets, layouts, events; timers, snapshots arriving) last; a part
        missing from a frame counts as 0 there."""
        rows = [("whole frame (GUI thread CPU)", *_median_p95(self.frames))]
        for key in sorted({key for parts in self.parts for key in parts}):
            rows.append((key, *_median_p95([parts.get(key, 0.0) for parts in self.parts])))
        rest = [whole - sum(parts.values()) for whole, parts in zip(self.frames, self.parts)]
        rows.append(("rest (Qt, events, timers)", *_median_p95(rest)))
        return rows


def _median_p95(values: list[float]) -> tuple[float, float]:
    if not values:
        return float("nan"), float("nan")
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(int(0.95 * len(ordered)), len(ordered) - 1)]
