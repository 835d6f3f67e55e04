"""What the main window needs to add a dock: its widget, title, objectName and area."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

Area = Qt.DockWidgetArea


@dataclass(frozen=True)
class DockSpec:
    """One dock: its widget, title, objectName (for the saved layout) and where it starts."""

    widget: QWidget
    title: str
    name: str
    area: Area = Area.RightDockWidgetArea
