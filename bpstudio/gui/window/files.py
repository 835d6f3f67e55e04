"""The File menu: new, open, recent files, save, export, quit, and the unsaved-changes guard.

Opening is all or nothing: a file is read and prepared off the GUI thread
(:mod:`.opening`), the designer must accept it, and only then does the window change (title,
path, network, training). A file that cannot be opened is reported and changes nothing; a
running training goes on. Save first asks the worker for its state, so the file holds
exactly what is shown.

Over 300 lines on purpose (about 320): the File menu's commands share the document, the
dialogs and the unsaved-changes guard, and every message they show is written out whole for
translation (a translator needs the sentence, not pieces of it).
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMenuBar, QMessageBox, QWidget

from bpstudio import io as bpnet
from bpstudio.core.text import quote
from bpstudio.document import Document, Opened, new_session
from bpstudio.session import Session

from ..training import TrainingController
from .actions import MainActions
from .errors import show_error
from .export import FORMATS, export_plot, plot_in
from .live_views import LiveViews
from .opening import DocumentLoader, prepare, why
from .settings import AppSettings
from .status_line import StatusLine

translate = QCoreApplication.translate
Button = QMessageBox.StandardButton


class FileCommands:
    """The File actions of one window, on its document.

    ``adopt`` makes an opened document the one on screen, or raises (and changes nothing);
    ``main_plot`` is the plot an export takes when no plot has the keyboard focus. Dialogs
    open over ``parent``.
    """

    def __init__(
        self, document: Document, parent: QWidget, *, actions: MainActions,
        status: StatusLine, designer: QWidget, settings: AppSettings,
        training: TrainingController, adopt: Callable[[Opened], None], views: LiveViews,
        main_plot: Callable[[], QWidget],
    ) -> None:
        self.document, self.parent, self.actions, self.status = document, parent, actions, status
        self.designer, self.settings, self.training = designer, settings, training
        self.adopt, self.views, self.main_plot = adopt, views, main_plot
        self.open_other: Callable[[str], bool] | None = None  # True: it took the path (CSV)
        self.loader = DocumentLoader(parent)
        self.loader.opened.connect(self._on_opened)
        self.loader.failed.connect(self._on_open_failed)
        status.cancel_requested.connect(self.cancel_opening)
        actions.new.triggered.connect(self.new)
        actions.open.triggered.connect(self.open)
        actions.save.triggered.connect(self.save)
        actions.save_as.triggered.connect(self.save_as)
        actions.export_png.triggered.connect(self.export_png)
        actions.export_svg.triggered.connect(self.export_svg)

    def build_menus(self, menu_bar: QMenuBar) -> None:
        actions = self.actions
        menu = self.menu = menu_bar.addMenu(translate("Files", "&File"))
        menu.setObjectName("fileMenu")
        menu.addActions([actions.new, actions.open])
        self.recent_menu = menu.addMenu(translate("Files", "Open &Recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        menu.addActions([actions.save, actions.save_as])
        menu.addSeparator()
        menu.addActions([actions.export_png, actions.export_svg])
        menu.addSeparator()
        menu.addAction(actions.quit)

    # -- commands ------------------------------------------------------------------------------

    def new(self) -> None:
        self.open_session(new_session())

    def open_session(self, session: Session) -> bool:
        """Make ``session`` (an example: small) the untitled document, if the one on screen
        may be dropped and the new one can be shown."""
        if not self.maybe_save():
            return False
        self.cancel_opening()
        try:
            opened = prepare(session)
        except ValueError as exc:
            self._report_open_failure(translate("Files", "Untitled"), why(exc))
            return False
        return self._show(opened)

    def open(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.parent, translate("Files", "Open network"), self._directory(), _file_filter())
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        """Read ``path`` in the background and make it the document when it is ready; on any
        problem say so and keep the current one. The designer waits meanwhile (an edit would
        be lost), the rest of the window goes on."""
        if self.open_other is not None and self.open_other(path):
            return
        self.loader.load(path)
        self.designer.setEnabled(False)
        self.status.show_busy(
            translate("Files", "Opening {name}…").format(name=_file_name(path)))

    def cancel_opening(self) -> None:
        """Forget a file being opened; the document on screen stays."""
        if self.loader.busy:
            self.loader.cancel()
            self._end_busy()

    @property
    def opening(self) -> bool:
        return self.loader.busy

    @property
    def path(self) -> str | None:
        return self.document.path

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        start = self.document.path or os.path.join(self._directory(), "network.bpnet")
        path = self._ask_save_path(translate("Files", "Save network"), start)
        return path is not None and self._write(path)

    def save_copy(self) -> bool:
        """Save the document to a new file, never over the one it came from (after an
        unexpected error that file may be the last good copy)."""
        name = self.document.display_name
        start = os.path.join(self._directory(), translate("Files", "{name} (copy).bpnet").format(
            name=os.path.splitext(name)[0]))
        path = self._ask_save_path(translate("Files", "Save a copy"), start)
        if path is None:
            return False
        if self.document.path is not None and _same_file(path, self.document.path):
            show_error(self.parent, translate("Files", "Cannot save a copy"), translate(
                "Files", "A copy goes to a new file, not over {name}: choose another name."
                ).format(name=name))
            return False
        self.training.sync()
        if not self._save(path, self.document.save_copy):
            return False
        self.status.showMessage(
            translate("Files", "Saved a copy as {path}").format(path=path), 8000)
        return True

    def export_png(self) -> None:
        self._export("png")

    def export_svg(self) -> None:
        self._export("svg")

    def maybe_save(self) -> bool:
        """``True`` if it is fine to drop the document: saved, unchanged or discarded."""
        if not self.document.modified:
            return True
        answer = QMessageBox.question(
            self.parent, translate("Files", "Unsaved changes"),
            translate("Files", "Save the changes to {name}?").format(name=self._shown_name()),
            Button.Save | Button.Discard | Button.Cancel, Button.Save)
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    # -- details -------------------------------------------------------------------------------

    def _on_opened(self, opened: Opened) -> None:
        self._end_busy()
        self._show(opened)

    def _on_open_failed(self, path: str, reason: str) -> None:
        self._end_busy()
        self._report_open_failure(_file_name(path), reason)

    def _end_busy(self) -> None:
        self.designer.setEnabled(True)
        self.status.hide_busy()

    def _show(self, opened: Opened) -> bool:
        """Make ``opened`` the document, or report why the window could not show it (and
        change nothing)."""
        try:
            self.adopt(opened)
        except Exception as exc:  # the designer refused it: a bug, but the window is intact
            traceback.print_exc()
            self._report_open_failure(
                _file_name(opened.path) if opened.path else translate("Files", "Untitled"),
                why(exc))
            return False
        if opened.path is not None:
            self.settings.add_recent_file(opened.path)
        return True

    def _report_open_failure(self, name: str, reason: str) -> None:
        show_error(self.parent, translate("Files", "Cannot open file"), translate(
            "Files", "{name} could not be opened.\n\n{reason}\n\nThe network on screen was "
            "left as it was.").format(name=name, reason=reason))

    def _write(self, path: str) -> bool:
        self.training.sync()
        if not self._save(path, self.document.save):
            return False
        self.settings.add_recent_file(path)
        self.status.showMessage(self.document.saved_message(path, translate), 8000)
        return True

    def _save(self, path: str, save: Callable[..., None]) -> bool:
        """``save(path)`` (the document's save or save_copy); a read-only file is replaced only
        if the person says so. Problems are reported; ``False`` if nothing was written."""
        try:
            try:
                save(path)
            except bpnet.BPFileError as exc:
                if "read-only" not in str(exc) or not self._replace_read_only(path):
                    raise
                save(path, overwrite_read_only=True)
        except (bpnet.BPFileError, OSError) as exc:
            show_error(self.parent, translate("Files", "Cannot save"), translate(
                "Files", "Could not save {path}.\n\n{reason}").format(path=path, reason=exc))
            return False
        return True

    def _replace_read_only(self, path: str) -> bool:
        answer = QMessageBox.question(
            self.parent, translate("Files", "Read-only file"),
            translate("Files", "{name} is read-only. Replace it anyway?").format(
                name=os.path.basename(path)),
            Button.Yes | Button.No, Button.No)
        return answer == Button.Yes

    def _ask_save_path(self, caption: str, start: str) -> str | None:
        """A file name for a network, ``.bpnet`` added if missing; ``None`` if cancelled."""
        path, _ = QFileDialog.getSaveFileName(self.parent, caption, start, _file_filter())
        if not path:
            return None
        return path if path.lower().endswith(".bpnet") else path + ".bpnet"

    def _export(self, fmt: str) -> None:
        view = self._current_plot()
        name = f"{view.objectName() or 'plot'}.{fmt}"
        start = os.path.join(self._directory(), name)
        path, _ = QFileDialog.getSaveFileName(
            self.parent, translate("Files", "Export plot as {format}").format(format=fmt.upper()),
            start, translate("Files", FORMATS[fmt]))
        if not path:
            return
        try:
            written = export_plot(view, path, fmt)
        except (OSError, ValueError) as exc:
            show_error(self.parent, translate("Files", "Cannot export"),
                       translate("Files", "Could not export.\n\n{reason}").format(reason=exc))
            return
        self.status.showMessage(
            translate("Files", "Exported {path}").format(path=written), 5000)

    def _current_plot(self) -> QWidget:
        """The plot that has the keyboard focus, else the task's main plot (also when the
        focus is in a view without a plot, such as the step inspector)."""
        focus = QApplication.focusWidget()
        for view in self.views.views:
            in_view = focus is not None and (view is focus or view.isAncestorOf(focus))
            if in_view and plot_in(view) is not None:
                return view
        return self.main_plot()

    def _fill_recent_menu(self) -> None:
        menu: QMenu = self.recent_menu
        menu.clear()
        files = self.settings.recent_files()
        for path in files:
            action = menu.addAction(os.path.basename(path))
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self._open_recent(p))
        if not files:
            menu.addAction(translate("Files", "No recent files")).setEnabled(False)

    def _open_recent(self, path: str) -> None:
        if self.maybe_save():
            self.open_path(path)

    def _shown_name(self) -> str:
        """The document's file name, or "Untitled" in the interface's language."""
        document = self.document
        return document.display_name if document.path else translate("Files", "Untitled")

    def _directory(self) -> str:
        path = self.document.path
        return os.path.dirname(path) if path else os.getcwd()


def _file_filter() -> str:
    return translate("Files", "BP Studio networks (*.bpnet);;All files (*)")


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
