"""The File menu: new, open, recent files, save, export, quit, and the unsaved-changes guard.

A file that cannot be read is reported and changes nothing: the session on screen stays.
Save first asks the worker for its state, so the file holds exactly what is shown.
"""

from __future__ import annotations

import os
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMenuBar, QMessageBox, QWidget

from bpstudio import io as bpnet
from bpstudio.session import Session

from .export import FORMATS, export_plot, plot_in

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
        """Start on ``path``, or on the example if there is none or it cannot be read."""
        self._set_path(None)
        self.window.show_session(default_session())
        if path is not None:
            self.open_path(path, report_later=True)

    def new(self) -> None:
        self.open_session(default_session())

    def open_session(self, session: Session) -> bool:
        """Make ``session`` the (untitled) document, if the one on screen may be dropped."""
        if not self.maybe_save():
            return False
        self._set_path(None)
        self.window.show_session(session)
        return True

    def open(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Open network", self._directory(), FILE_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str, report_later: bool = False) -> bool:
        """Load ``path`` as the document; on any problem say so and keep the current one.

        ``report_later`` shows the error once the event loop runs (over the shown window).
        """
        try:
            session = bpnet.load(path)
        except (bpnet.BPFileError, OSError) as exc:
            message = (f"{os.path.basename(path)} could not be opened.\n\n{exc}\n\n"
                       "The network on screen was left as it was.")
            report = partial(QMessageBox.critical, self.window, "Cannot open file", message)
            if report_later:
                QTimer.singleShot(0, report)
            else:
                report()
            return False
        self._set_path(path)
        self.window.show_session(session)
        self.window.settings.add_recent_file(path)
        return True

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

    def _write(self, path: str) -> bool:
        window = self.window
        window.training.sync()
        try:
            bpnet.save(path, window.session)
        except (bpnet.BPFileError, OSError) as exc:
            QMessageBox.critical(window, "Cannot save", f"Could not save {path}.\n\n{exc}")
            return False
        self._set_path(path)
        window.setWindowModified(False)
        window.settings.add_recent_file(path)
        window.status_line.showMessage(f"Saved {path} (epoch {window.session.epoch:,})", 5000)
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
            QMessageBox.critical(self.window, "Cannot export", f"Could not export.\n\n{exc}")
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
