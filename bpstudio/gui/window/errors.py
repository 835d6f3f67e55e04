"""Error dialogs: every message shown in one is shortened first.

A message may quote a file (a 60 MB name, a 30 MB table row): a dialog holding 30 MB of
text took over a minute to paint. Every error dialog of the app goes through here, so none
shows more than :data:`bpstudio.core.text.MESSAGE_CHARS` characters, and details (a
traceback) at most :data:`DETAILS_CHARS`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from bpstudio.core.text import shorten

DETAILS_CHARS = 20_000
"""A traceback is cut in the middle past this many characters."""


def show_error(parent: QWidget | None, title: str, message: str, *, warning: bool = False) -> None:
    """A modal error (or warning) dialog with ``message`` shortened."""
    show = QMessageBox.warning if warning else QMessageBox.critical
    show(parent, title, shorten(message))


def error_box(
    parent: QWidget | None, title: str, message: str, details: str = "", *, name: str = "",
    warning: bool = False,
) -> QMessageBox:
    """A message box to show without blocking (``box.show()``), its texts shortened;
    ``details`` go under "Show Details…"."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Critical
    box = QMessageBox(icon, title, shorten(message), parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # text from a file is never markup
    box.setObjectName(name)
    box.setModal(False)
    if details:
        box.setDetailedText(shorten(details, DETAILS_CHARS))
    return box
