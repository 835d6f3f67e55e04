"""The views that follow training, and the one place snapshots are drawn into them.

The training controller merges what the worker sends into one snapshot per frame and paces
the frames by what drawing costs (:mod:`.training.controller`); :meth:`LiveViews.show` draws
that frame at once into every view on screen, so its cost is the frame's cost. A view out of
sight skips frames and draws the latest one when it comes into sight; a view that records
every snapshot (the loss plot appends each row) gets them all.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QDockWidget, QWidget

from bpstudio.core.snapshot import PlotGrid, TrainingSnapshot
from bpstudio.session import PreparedData

from .dock_spec import on_screen


class LiveView(Protocol):
    """What a view that follows training offers (a ``QWidget``)."""

    def set_data(self, data: PreparedData, grid: PlotGrid | None) -> None: ...
    def show_snapshot(self, snapshot: TrainingSnapshot) -> None: ...
    def clear(self) -> None: ...


class LiveViews:
    """The live views of one window and the latest snapshot they were shown."""

    def __init__(self) -> None:
        self.views: list[QWidget] = []
        self.last_snapshot: TrainingSnapshot | None = None
        self._data: tuple[PreparedData, PlotGrid | None] | None = None
        self._every: set[QWidget] = set()

    def add(self, view: QWidget, dock: QDockWidget | None = None, *, every: bool = False) -> None:
        """Follow training with ``view`` from now on (in ``dock``: drawn when it comes into
        sight); ``every``: it is given every snapshot, on screen or not."""
        self.views.append(view)
        if every:
            self._every.add(view)
        if dock is not None:
            dock.visibilityChanged.connect(lambda visible: visible and self._catch_up(view))
        if self._data is not None:
            view.set_data(*self._data)
        if self.last_snapshot is not None:
            view.show_snapshot(self.last_snapshot)

    def reset(self, data: PreparedData, grid: PlotGrid | None) -> None:
        """A new run: every view forgets the last one and takes its data."""
        self._data, self.last_snapshot = (data, grid), None
        for view in self.views:
            view.clear()
            view.set_data(data, grid)

    def show(self, snapshot: TrainingSnapshot) -> None:
        """Draw ``snapshot`` now into the views on screen (and those that take every one)."""
        self.last_snapshot = snapshot
        for view in self.views:
            if view in self._every or on_screen(view):
                view.show_snapshot(snapshot)

    def _catch_up(self, view: QWidget) -> None:
        """A view coming into sight draws the latest snapshot it skipped."""
        if self.last_snapshot is not None:
            view.show_snapshot(self.last_snapshot)
