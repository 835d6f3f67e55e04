"""The File menu: new, open, recent files, save, export, quit, and the unsaved-changes guard.

Opening is all or nothing: a file is read and prepared off the GUI thread
(:mod:`.opening`), the designer must accept it, and only then does the window change (title,
path, network, training). A file that cannot be opened is reported and changes nothing; a
running training goes on. Save first asks the worker for its state, so the file holds
exactly what is shown.
"""

from __future__ import annotations

import os
import traceback
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMenuBar, QMessageBox, QWidget

from bpstudio import io as bpnet
from bpstudio.core.text import quote
from bpstudio.session import Session

from .errors import show_error
from .export import FORMATS, export_plot, plot_in
from .opening import DocumentLoader, Opened, prepare, why

if TYPE_CHECKING:
    from .main_window import MainWindow

FILE_FILTER = "BP Studio networks (*.bpnet);;All files (*)"
Button = QMessageBox.StandardButton


def default_session() -> Session:
    """The sin-fit example that a new window starts with."""
    from bpstudio.examples import EXAMPLES

    return EXAMPLES["sin"]()


class FileCommands:
    """File actions of one main window; it keeps the path and the title in step."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.path: str | None = None
        self.loader = DocumentLoader(window)
        self.loader.opened.connect(self._on_opened)
        self.loader.failed.connect(self._on_open_failed)
        window.status_line.cancel_requested.connect(self.cancel_opening)
        actions = window.actions
        actions.new.triggered.connect(self.new)
        actions.open.triggered.connect(self.open)
        actions.save.triggered.connect(self.save)
        actions.save_as.triggered.connect(self.save_as)
        actions.export_png.triggered.connect(self.export_png)
        actions.export_svg.triggered.connect(self.export_svg)

    def build_menus(self, menu_bar: QMenuBar) -> None:
        actions = self.window.actions
        menu = menu_bar.addMenu("&File")
        menu.addActions([actions.new, actions.open])
        self.recent_menu = menu.addMenu("Open &Recent")
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        menu.addActions([actions.save, actions.save_as])
        menu.addSeparator()
        menu.addActions([actions.export_png, actions.export_svg])
        menu.addSeparator()
        menu.addAction(actions.quit)

    # -- commands ------------------------------------------------------------------------------

    def open_initial(self, path: str | None) -> None:
        """Start on the example, and open ``path`` (if given) once it is read."""
        self._set_path(None)
        self.window.show_session(default_session())
        if path is not None:
            self.open_path(path)

    def new(self) -> None:
        self.open_session(default_session())

    def open_session(self, session: Session) -> bool:
        """Make ``session`` (an example: small) the untitled document, if the one on screen
        may be dropped and the new one can be shown."""
        if not self.maybe_save():
            return False
        self.cancel_opening()
        try:
            opened = prepare(session)
        except ValueError as exc:
            self._report_open_failure("Untitled", why(exc))
            return False
        return self._adopt(opened)

    def open(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Open network", self._directory(), FILE_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        """Read ``path`` in the background and make it the document when it is ready; on any
        problem say so and keep the current one. The designer waits meanwhile (an edit would
        be lost), the rest of the window goes on."""
        self.loader.load(path)
        self.window.designer.setEnabled(False)
        self.window.status_line.show_busy(f"Opening {_file_name(path)}…")

    def cancel_opening(self) -> None:
        """Forget a file being opened; the document on screen stays."""
        if self.loader.busy:
            self.loader.cancel()
            self._end_busy()

    @property
    def opening(self) -> bool:
        return self.loader.busy

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        start = self.path or os.path.join(self._directory(), "network.bpnet")
        path, _ = QFileDialog.getSaveFileName(self.window, "Save network", start, FILE_FILTER)
        if not path:
            return False
        if not path.lower().endswith(".bpnet"):
            path += ".bpnet"
        return self._write(path)

    def export_png(self) -> None:
        self._export("png")

    def export_svg(self) -> None:
        self._export("svg")

    def maybe_save(self) -> bool:
        """``True`` if it is fine to drop the document: saved, unchanged or discarded."""
        if not self.window.isWindowModified():
            return True
        answer = QMessageBox.question(
            self.window, "Unsaved changes",
            f"Save the changes to {self.display_name}?",
            Button.Save | Button.Discard | Button.Cancel, Button.Save)
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    @property
    def display_name(self) -> str:
        return os.path.basename(self.path) if self.path else "Untitled"

    # -- details -------------------------------------------------------------------------------

    def _on_opened(self, opened: Opened) -> None:
        self._end_busy()
        self._adopt(opened)

    def _on_open_failed(self, path: str, reason: str) -> None:
        self._end_busy()
        self._report_open_failure(_file_name(path), reason)

    def _end_busy(self) -> None:
        self.window.designer.setEnabled(True)
        self.window.status_line.hide_busy()

    def _adopt(self, opened: Opened) -> bool:
        """Make ``opened`` the document, or report why the window could not show it (and
        change nothing)."""
        try:
            self.window.adopt(opened)
        except Exception as exc:  # the designer refused it: a bug, but the window is intact
            traceback.print_exc()
            self._report_open_failure(_file_name(opened.path) if opened.path else "Untitled",
                                      why(exc))
            return False
        self._set_path(opened.path)
        if opened.path is not None:
            self.window.settings.add_recent_file(opened.path)
        return True

    def _report_open_failure(self, name: str, reason: str) -> None:
        show_error(self.window, "Cannot open file",
                   f"{name} could not be opened.\n\n{reason}\n\n"
                   "The network on screen was left as it was.")

    def _write(self, path: str) -> bool:
        window = self.window
        window.training.sync()
        if not self._save(path, window.session):
            return False
        self._set_path(path)
        window.setWindowModified(False)
        window.settings.add_recent_file(path)
        window.status_line.showMessage(f"Saved {path} (epoch {window.session.epoch:,})", 5000)
        return True

    def _save(self, path: str, session: Session) -> bool:
        """Write ``session`` to ``path``; a read-only file is replaced only if the person says
        so. Problems are reported; ``False`` if nothing was written."""
        try:
            try:
                bpnet.save(path, session)
            except bpnet.BPFileError as exc:
                if "read-only" not in str(exc) or not self._replace_read_only(path):
                    raise
                bpnet.save(path, session, overwrite_read_only=True)
        except (bpnet.BPFileError, OSError) as exc:
            show_error(self.window, "Cannot save", f"Could not save {path}.\n\n{exc}")
            return False
        return True

    def _replace_read_only(self, path: str) -> bool:
        answer = QMessageBox.question(
            self.window, "Read-only file",
            f"{os.path.basename(path)} is read-only. Replace it anyway?",
            Button.Yes | Button.No, Button.No)
        return answer == Button.Yes

    def save_copy(self) -> bool:
        """Save the document to a new file, never over the one it came from (after an
        unexpected error that file may be the last good copy)."""
        base = os.path.splitext(self.display_name)[0]
        start = os.path.join(self._directory(), f"{base} (copy).bpnet")
        path, _ = QFileDialog.getSaveFileName(self.window, "Save a copy", start, FILE_FILTER)
        if not path:
            return False
        if not path.lower().endswith(".bpnet"):
            path += ".bpnet"
        if self.path is not None and _same_file(path, self.path):
            show_error(self.window, "Cannot save a copy",
                       f"A copy goes to a new file, not over {self.display_name}: "
                       "choose another name.")
            return False
        self.window.training.sync()
        if not self._save(path, self.window.session):
            return False
        self.window.status_line.showMessage(f"Saved a copy as {path}", 8000)
        return True

    def _export(self, fmt: str) -> None:
        view = self._current_plot()
        name = f"{view.objectName() or 'plot'}.{fmt}"
        start = os.path.join(self._directory(), name)
        path, _ = QFileDialog.getSaveFileName(
            self.window, f"Export plot as {fmt.upper()}", start, FORMATS[fmt])
        if not path:
            return
        self.window.flush_views()
        try:
            written = export_plot(view, path, fmt)
        except (OSError, ValueError) as exc:
            show_error(self.window, "Cannot export", f"Could not export.\n\n{exc}")
            return
        self.window.status_line.showMessage(f"Exported {written}", 5000)

    def _current_plot(self) -> QWidget:
        """The plot that has the keyboard focus, else the task's main plot (also when the
        focus is in a view without a plot, such as the step inspector)."""
        window = self.window
        focus = QApplication.focusWidget()
        for view in window.views:
            in_view = focus is not None and (view is focus or view.isAncestorOf(focus))
            if in_view and plot_in(view) is not None:
                return view
        regression = window.data is None or window.data.task == "regression"
        return window.fit_plot if regression else window.decision_plot

    def _fill_recent_menu(self) -> None:
        menu: QMenu = self.recent_menu
        menu.clear()
        files = self.window.settings.recent_files()
        for path in files:
            action = menu.addAction(os.path.basename(path))
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self._open_recent(p))
        if not files:
            menu.addAction("No recent files").setEnabled(False)

    def _open_recent(self, path: str) -> None:
        if self.maybe_save():
            self.open_path(path)

    def _set_path(self, path: str | None) -> None:
        self.path = path
        self.window.setWindowTitle(f"BP Studio — {self.display_name}[*]")

    def _directory(self) -> str:
        return os.path.dirname(self.path) if self.path else os.getcwd()


def _same_file(a: str, b: str) -> bool:
    if os.path.abspath(a) == os.path.abspath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist
        return False


def _file_name(path: str) -> str:
    """The file's name, quoted (it is text from outside: it may hold a line break)."""
    return quote(os.path.basename(path) or path)
