"""The views that follow training, and how a frame is drawn into them.

The training controller merges what the worker sends into one snapshot per frame, has the
frame drawn and paces the frames by what drawing costs (:mod:`..training.frames`);
:meth:`LiveViews.frame` draws a frame into every view on screen, one view per step. A view
out of sight skips frames and draws the latest one when it comes into sight; a view that
records every snapshot (the loss plot appends each row) gets them all.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QDockWidget, QWidget

from bpstudio.core.snapshot import PlotGrid, TrainingSnapshot
from bpstudio.session import PreparedData

from .dock_spec import on_screen


class LiveViews:
    """The live views of one window and the latest snapshot they were shown."""

    def __init__(self) -> None:
        self.views: list[QWidget] = []
        self.last_snapshot: TrainingSnapshot | None = None
        self._data: tuple[PreparedData, PlotGrid | None] | None = None
        self._every: set[QWidget] = set()
        self._listeners: list = []

    def add(self, view: QWidget, dock: QDockWidget | None = None, *, every: bool = False) -> None:
        """Follow training with ``view`` (``set_data``, ``show_snapshot``, ``clear``) from now
        on; in ``dock``, it catches up when it comes into sight. ``every``: it is given every
        snapshot, on screen or not."""
        self.views.append(view)
        if every:
            self._every.add(view)
        if dock is not None:
            dock.visibilityChanged.connect(lambda visible: visible and self._catch_up(view))
        if self._data is not None:
            view.set_data(*self._data)
        if self.last_snapshot is not None:
            view.show_snapshot(self.last_snapshot)

    def listen(self, listener: object) -> None:
        """Give ``listener`` (not a widget: ``set_data``, ``show_snapshot``, ``clear``) every
        new data and every snapshot, from now on."""
        self._listeners.append(listener)

    def reset(self, data: PreparedData, grid: PlotGrid | None) -> None:
        """A new run: every view forgets the last one and takes its data."""
        self._data, self.last_snapshot = (data, grid), None
        for view in [*self.views, *self._listeners]:
            view.clear()
            view.set_data(data, grid)

    def frame(self, snapshot: TrainingSnapshot) -> Iterator[None]:
        """Draw ``snapshot`` into the views on screen (and those that take every one), one
        view per step."""
        self.last_snapshot = snapshot
        for listener in self._listeners:
            listener.show_snapshot(snapshot)
        for view in [v for v in self.views if v in self._every or on_screen(v)]:
            view.show_snapshot(snapshot)
            yield

    def _catch_up(self, view: QWidget) -> None:
        """A view coming into sight draws the latest snapshot it skipped."""
        if self.last_snapshot is not None and view not in self._every:
            view.show_snapshot(self.last_snapshot)
