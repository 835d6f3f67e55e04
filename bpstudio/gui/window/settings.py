"""App preferences (window geometry, dock layout, recent files, animation, language): the only
QSettings user.

The document itself lives in ``.bpnet`` files, never here. ``SETTINGS_VERSION`` guards the
saved dock layout: after a change of docks, an old layout is ignored rather than misapplied.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings
from PySide6.QtWidgets import QMainWindow

from .dock_area import restore_state

SETTINGS_VERSION = 1
MAX_RECENT_FILES = 8

KEY_VERSION = "version"
KEY_GEOMETRY = "mainWindow/geometry"
KEY_STATE = "mainWindow/state"
KEY_RECENT = "recentFiles"
KEY_SMOOTH = "view/smoothAnimation"
KEY_FRAME_RATE = "view/frameRate"
KEY_LANGUAGE = "view/language"


class AppSettings:
    """Typed reads and writes of the app's preferences."""

    def __init__(self) -> None:
        self._settings = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope,
            QCoreApplication.organizationName(), QCoreApplication.applicationName(),
        )

    def restore_window(self, window: QMainWindow) -> bool:
        """Geometry and dock layout as last saved; ``False`` if there was none to apply."""
        if self._settings.value(KEY_VERSION, 0, type=int) != SETTINGS_VERSION:
            return False
        geometry = self._settings.value(KEY_GEOMETRY, QByteArray(), type=QByteArray)
        state = self._settings.value(KEY_STATE, QByteArray(), type=QByteArray)
        restored = not geometry.isEmpty() and window.restoreGeometry(geometry)
        return bool(
            not state.isEmpty() and restore_state(window, state, SETTINGS_VERSION) and restored
        )

    def save_window(self, window: QMainWindow) -> None:
        self._settings.setValue(KEY_VERSION, SETTINGS_VERSION)
        self._settings.setValue(KEY_GEOMETRY, window.saveGeometry())
        self._settings.setValue(KEY_STATE, window.saveState(SETTINGS_VERSION))
        self._settings.sync()

    def recent_files(self) -> list[str]:
        """Most recent first; files that have disappeared are left out."""
        value = self._settings.value(KEY_RECENT, [], type=list)
        return [p for p in value if isinstance(p, str) and os.path.isfile(p)]

    def add_recent_file(self, path: str) -> None:
        path = os.path.abspath(path)
        files = [path, *(p for p in self.recent_files() if p != path)]
        self._settings.setValue(KEY_RECENT, files[:MAX_RECENT_FILES])
        self._settings.sync()

    def smooth_animation(self) -> bool:
        return self._settings.value(KEY_SMOOTH, False, type=bool)

    def set_smooth_animation(self, on: bool) -> None:
        self._settings.setValue(KEY_SMOOTH, on)
        self._settings.sync()

    def frame_rate_shown(self) -> bool:
        return self._settings.value(KEY_FRAME_RATE, False, type=bool)

    def set_frame_rate_shown(self, on: bool) -> None:
        self._settings.setValue(KEY_FRAME_RATE, on)
        self._settings.sync()

    def language(self) -> str:
        """The interface language chosen in View ▸ Language; "" to follow the system."""
        return self._settings.value(KEY_LANGUAGE, "", type=str)

    def set_language(self, code: str) -> None:
        self._settings.setValue(KEY_LANGUAGE, code)
        self._settings.sync()

    def clear_recent_files(self) -> None:
        self._settings.setValue(KEY_RECENT, [])
