"""The window's starting layout, and a way back to it.

The dock layout is saved on closing and restored on the next start. After a lesson that
layout is the lesson's (the Lesson tab in front of the designer, the inspector over the
plots), but the next start has no lesson open: an empty Lesson tab and the Network or Loss
hidden. A restored layout is kept only when it is useful (some plot shown, no lesson tab
without a lesson; a dock the person closed stays closed); else, and on View ▸ Reset Layout,
the starting layout comes back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from bpstudio.session import PreparedData

from .dock_area import DockArea, restore_state

PLOTS = ("fitDock", "decisionDock", "networkDock", "lossDock")
"""A useful layout shows at least one of these."""
LAYOUT_VERSION = 1


class StartingLayout:
    """The layout ``window`` had when it was built, before any saved one was restored.
    ``lesson_open()`` says whether a lesson is on screen; ``data()`` is the document's data
    (it picks the fit or the decision plot)."""

    def __init__(self, window: QMainWindow, dock_area: DockArea,
                 lesson_open: Callable[[], bool], data: Callable[[], PreparedData]) -> None:
        self._window, self._area = window, dock_area
        self._lesson_open, self._data = lesson_open, data
        self._state: QByteArray = window.saveState(LAYOUT_VERSION)

    def useful(self) -> bool:
        """Some plot shown, and the lesson tab only with a lesson."""
        docks, window = self._area.docks, self._window
        shown = any(docks[name].isVisibleTo(window) for name in PLOTS)
        lesson = docks.get("lessonDock")
        return shown and (lesson is None or not lesson.isVisibleTo(window)
                          or self._lesson_open())

    def reset(self) -> None:
        """Back to the starting layout (the size of the window stays)."""
        size = self._area.window_size()
        restore_state(self._window, self._state, LAYOUT_VERSION)
        self._area.show_task_docks(self._data())
        self._area.size_docks()
        self._area.keep_size(size)

    def keep_if_useful(self) -> None:
        if not self.useful():
            self.reset()

    def add_to(self, menu: QMenu) -> QAction:
        """View ▸ Reset Layout."""
        translate = QCoreApplication.translate  # "Lesson" needs one of L, e, s, o, n
        action = menu.addAction(translate("Layout", "Reset La&yout"))
        action.setObjectName("resetLayoutAction")
        action.setToolTip(
            translate("Layout", "Put the docks back where they were at the first start"))
        action.triggered.connect(self.reset)
        return action
