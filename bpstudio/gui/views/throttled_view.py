"""A view that draws the newest snapshot at most every :data:`theme.REDRAW_MS`."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from bpstudio.core.snapshot import TrainingSnapshot

from . import theme


class ThrottledView(theme.ViewFrame):
    """Snapshots that arrive while a drawing would come too soon replace the one waiting:
    the view draws the newest, and nobody follows more frames than that. Subclasses
    implement :meth:`draw`."""

    def __init__(self, title: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(title, content, parent)
        self._pending: TrainingSnapshot | None = None
        self._throttle = theme.Throttle(theme.REDRAW_MS, self)
        self._throttle.fired.connect(self._draw_pending)

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        """Draw now, or within :data:`theme.REDRAW_MS` of the last drawing."""
        self._pending = snapshot
        self._throttle.request()

    def draw(self, snapshot: TrainingSnapshot) -> None:
        raise NotImplementedError

    def drop_pending(self) -> None:
        """Forget a snapshot still waiting to be drawn (the view is being cleared)."""
        self._throttle.cancel()
        self._pending = None

    def _draw_pending(self) -> None:
        snapshot, self._pending = self._pending, None
        if snapshot is not None:
            self.draw(snapshot)
