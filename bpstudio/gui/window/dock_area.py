"""The docks of the main window: where each starts, how big, and which are in front.

The window's panels and those added later (the explaining docks) are arranged through one
:class:`DockArea`, so that code adding a dock needs the dock area, not the window.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTabBar

from bpstudio.session import PreparedData

from .dock_spec import Area, DockSpec, on_screen

MIN_SIDE_BY_SIDE = 240
"""Pixels below which a dock beside another is of no use and goes behind it as a tab."""
PLOTS = ("fitDock", "decisionDock", "networkDock", "lossDock")
_AWAY = QRect(-20_000, -20_000, 1, 1)
"""Where a new tab bar is put to see whether the layout places it (see :func:`tabify`)."""


class DockArea:
    """The docks of ``window`` by objectName (:attr:`docks`) and how they are arranged."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self.docks: dict[str, QDockWidget] = {}
        self._menu: QMenu | None = None
        self._menu_end: QAction | None = None

    def add_panels(self, specs: list[DockSpec]) -> None:
        """The window's own docks; the plots start as [fit | network] above [loss], the
        decision regions behind the fit."""
        for spec in specs:
            self._add(spec)
        if set(PLOTS) <= self.docks.keys():
            self.split("fitDock", "lossDock", Qt.Orientation.Vertical)
            self.split("fitDock", "networkDock", Qt.Orientation.Horizontal)
            self.tabify("fitDock", "decisionDock")

    def list_in(self, menu: QMenu, before: QAction) -> None:
        """Docks added from now on are listed in ``menu`` above ``before``."""
        self._menu, self._menu_end = menu, before

    def add(self, spec: DockSpec) -> QDockWidget:
        """A dock added later, listed in the View menu; on the right it starts as a tab next
        to the network view."""
        dock = self._add(spec)
        if spec.area == Area.RightDockWidgetArea and "networkDock" in self.docks:
            tabify(self._window, self.docks["networkDock"], dock)
        toggle = dock.toggleViewAction()
        toggle.triggered.connect(lambda checked: checked and dock.raise_())  # in front, not behind
        if self._menu is not None:
            self._menu.insertAction(self._menu_end, toggle)
        return dock

    def tabify(self, first: str, second: str) -> None:
        tabify(self._window, self.docks[first], self.docks[second])

    def split(self, first: str, second: str, orientation: Qt.Orientation) -> None:
        self._window.splitDockWidget(self.docks[first], self.docks[second], orientation)

    def show(self, names: list[str]) -> None:
        """Show and raise these docks; of two sharing a tab group, the first named is on top."""
        for name in reversed(names):
            dock = self.docks[name]
            dock.show()
            dock.raise_()

    def hide(self, names: list[str]) -> None:
        for name in names:
            self.docks[name].hide()

    def settle(self) -> None:
        """Let the layout measure again (its minimum size follows the docks shown)."""
        self._window.layout().activate()

    def window_size(self) -> QSize:
        return self._window.size()

    def keep_size(self, size: QSize) -> None:
        """Back to ``size`` (as far as the docks shown allow) after showing docks side by side
        may have widened the window beyond the screen; a maximized window stays so."""
        window = self._window
        if not (window.isMaximized() or window.isFullScreen()):
            self.settle()
            window.resize(size.expandedTo(window.minimumSizeHint()))

    def size_docks(
        self, top_left: str = "fitDock", top_right: str = "networkDock", bottom: str = "lossDock"
    ) -> None:
        """Plots at their starting sizes, [top left | top right] above [bottom]; the designer
        gets the rest. Docks that are not shown are left out. When the window is too narrow
        for the top right one to be of use beside the top left (a lesson's inspector in a
        small window), it becomes a tab behind it."""
        d, window = self.docks, self._window
        for pair, sizes, orientation in (
            ((top_left, bottom), [620, 300], Qt.Orientation.Vertical),
            ((top_left, top_right), [640, 480], Qt.Orientation.Horizontal),
        ):
            if all(d[name].isVisibleTo(window) for name in pair):
                window.resizeDocks([d[name] for name in pair], sizes, orientation)
        right, left = d[top_right], d[top_left]
        if right.isVisibleTo(window) and left.isVisibleTo(window) and right not in (
                window.tabifiedDockWidgets(left)):
            self.settle()
            if right.width() < MIN_SIDE_BY_SIDE:
                tabify(window, left, right)
                left.raise_()

    def show_task_docks(self, data: PreparedData) -> None:
        """The task's plot replaces the other one; a tab in front of it (the inspector, say)
        stays in front."""
        regression = data.task == "regression"
        names = ("fitDock", "decisionDock") if regression else ("decisionDock", "fitDock")
        shown, hidden = (self.docks[name] for name in names)
        window = self._window
        group = {*window.tabifiedDockWidgets(shown), *window.tabifiedDockWidgets(hidden)}
        in_front = next((d for d in group if on_screen(d) and d is not hidden), shown)
        hidden.hide()
        shown.show()
        in_front.raise_()

    def _add(self, spec: DockSpec) -> QDockWidget:
        # titles are marked QT_TRANSLATE_NOOP("Docks", …) where the specs are written
        dock = QDockWidget(QCoreApplication.translate("Docks", spec.title), self._window)
        dock.setObjectName(spec.name)
        dock.toggleViewAction().setObjectName(f"{spec.name}Action")  # its mnemonic's letter
        dock.setWidget(spec.widget)
        self._window.addDockWidget(spec.area, dock)
        self.docks[spec.name] = dock
        return dock


def tabify(window: QMainWindow, first: QDockWidget, second: QDockWidget) -> None:
    """``window.tabifyDockWidget(first, second)``, without the stray tab bar Qt leaves.

    Qt 6.11 makes two tab bars for a new tab group when the window has one already (its
    ``getTabBar`` lays the window out, which asks for the group's bar, and then makes
    another) and retires the first with ``deleteLater``. Until the event loop deletes it, it
    stays where it was drawn, with the tabs it had, over whatever dock is there (the
    "Designer | Lesson" tabs across the designer in a screenshot, for ever in a script that
    only calls ``processEvents``, which never deletes). It is hidden at once; the group's
    bar is the one made last, never hidden (the layout does not place the bar of a group
    with no dock shown, and would not show it again).
    """
    before = set(_tab_bars(window))
    window.tabifyDockWidget(first, second)
    new = [bar for bar in _tab_bars(window) if bar not in before]
    _hide_unplaced(window, new[:-1])


def restore_state(window: QMainWindow, state: QByteArray, version: int) -> bool:
    """``window.restoreState(state, version)``, without the old layout's tab bars: Qt 6.11
    gives the restored layout new ones and retires the old ones as :func:`tabify` says."""
    before = _tab_bars(window)
    if not window.restoreState(state, version):
        return False
    _hide_unplaced(window, before)
    return True


def _hide_unplaced(window: QMainWindow, bars: list[QTabBar]) -> None:
    """Hide those of ``bars`` the layout has forgotten: it places every bar it uses."""
    if not bars:
        return
    for bar in bars:
        bar.setGeometry(_AWAY)
    window.layout().invalidate()
    window.layout().activate()
    for bar in bars:
        if bar.geometry() == _AWAY:
            bar.hide()


def _tab_bars(window: QMainWindow) -> list[QTabBar]:
    return window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
