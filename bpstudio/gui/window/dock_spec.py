"""What the main window needs to add a dock (its widget, title, objectName and area), and
whether a docked view can be seen at all."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

Area = Qt.DockWidgetArea


@dataclass(frozen=True)
class DockSpec:
    """One dock: its widget, title, objectName (for the saved layout) and where it starts.
    The title is English, marked with ``QT_TRANSLATE_NOOP("Docks", …)``: the dock area shows
    it translated."""

    widget: QWidget
    title: str
    name: str
    area: Area = Area.RightDockWidgetArea


def on_screen(widget: QWidget) -> bool:
    """Shown and not behind another tab: Qt reports a dock in a tab group as visible even
    when another tab is in front (it moves it out of sight instead)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()
