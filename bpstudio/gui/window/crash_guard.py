"""An exception nobody caught never ends the app: it is shown, and the document can be saved.

Python hands an uncaught exception to ``sys.excepthook``: one in a slot too (PySide6 passes
those on), and one in a thread to ``threading.excepthook``. Before this guard, an
``OverflowError`` while opening a file left the training thread running and Qt aborted the
process. The guard prints the traceback to stderr as Python would and shows the error over
the window: the message shortened, the traceback under "Show Details…", and a button to save
a copy of the document to a new file (never over the file it came from, which may be the
last good copy). The document stays open; the person decides what to do next.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox

from .errors import error_box

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate
ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class CrashGuard(QObject):
    """One per app, made in the GUI thread and :meth:`install`-ed; :attr:`window` is the
    window whose document "Save a Copy…" saves."""

    _raised = Signal(str, str)  # message, traceback: always delivered in the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window: MainWindow | None = None
        self.box: QMessageBox | None = None
        self._more = 0
        self._previous: tuple[ExceptHook, object] | None = None
        self._raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def handle(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        """Print the traceback and ask the GUI thread to show it; from any thread, and never
        raising (an exception here would have nowhere to go)."""
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(kind, error, tb)
            return
        try:
            details = "".join(traceback.format_exception(kind, error, tb))
            sys.stderr.write(details)
            self._raised.emit(_message(kind, error), details)
        except Exception:  # stderr closed, the guard deleted with the app: nothing to do
            pass

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str, str)
    def _show(self, message: str, details: str) -> None:
        """One box at a time: errors that follow while it is open are counted in it."""
        try:
            if self.box is not None and self.box.isVisible():
                self._more += 1
                self.box.setInformativeText(
                    translate("Errors", "1 more error since.") if self._more == 1 else
                    translate("Errors", "{count} more errors since.").format(
                        count=f"{self._more:,}"))
                return
            self._more = 0
            self.box = self._make_box(message, details)
            self.box.destroyed.connect(self._forget_box)
            self.box.show()
        except Exception:
            traceback.print_exc()  # the dialog itself failed: stderr is all that is left

    @Slot()
    def _forget_box(self) -> None:
        self.box = None

    def _make_box(self, message: str, details: str) -> QMessageBox:
        window = self.window
        keep = (translate("Errors", "Your network is still open: save a copy to keep it safe, "
                          "then go on or restart BP Studio.") if window is not None
                else translate("Errors", "Your network is still open."))
        box = error_box(
            window, translate("Errors", "Unexpected error"),
            translate("Errors", "BP Studio met an error it did not expect:\n\n{message}\n\n"
                      "{keep}").format(message=message, keep=keep),
            details, name="unexpectedErrorMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if window is not None:
            save = box.addButton(translate("Errors", "Save a Copy…"),
                                 QMessageBox.ButtonRole.ActionRole)
            save.setObjectName("saveCopyButton")
            save.clicked.connect(window.files.save_copy)  # the box closes, the dialog opens
        box.addButton(QMessageBox.StandardButton.Close)
        return box


def _message(kind: type[BaseException], error: BaseException) -> str:
    try:
        text = str(error)
    except Exception:
        text = ""
    return f"{kind.__name__}: {text}" if text else kind.__name__
