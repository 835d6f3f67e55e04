"""The application object: names, plot defaults, and running the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication  # PySide6 first: pyqtgraph takes the loaded binding

from ...desktop_entry import APP_ID
from ...package_data import ICON_SIZES, icon_path
from .language import chosen_language, install_translators, missing_font_note
from .settings import AppSettings

from ..views.plot_style import configure_plots  # isort: skip  (after PySide6: pyqtgraph)

SWITCH_INTERVAL = 0.001
"""Seconds a Python thread may hold the GIL while another waits (Python's default is 5 ms).
The training thread is mostly Python for small networks; a shorter turn lets the GUI thread
paint without waiting for it (STACK.md measured p99 lateness 267 ms -> 18 ms)."""

_translators: list[QTranslator] = []  # kept alive for the application's life (Qt does not own them)

ORGANIZATION = "BP Studio"
APPLICATION = "BP Studio"


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication, with organisation and app names set before any QSettings is read."""
    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName(APP_ID)  # the task bar matches windows to bpstudio.desktop
    app.setWindowIcon(app_icon())
    sys.setswitchinterval(SWITCH_INTERVAL)
    configure_plots()
    if not _translators:  # the language chosen in View ▸ Language, or the system's
        _translators.extend(install_translators(chosen_language(AppSettings().language())))
    return app


def app_icon() -> QIcon:
    """The application icon: its PNG renderings (crisp at the small sizes), then the SVG."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_path(size)))
    icon.addFile(str(icon_path()))
    return icon


def run_app(path: str | None = None) -> int:
    """Open the main window (on ``path`` if given) and run until it closes; the exit code.

    From the first line on, an exception nobody catches is shown instead of ending the app
    (:class:`~.crash_guard.CrashGuard`).
    """
    app = create_app()
    from .crash_guard import CrashGuard
    from .main_window import MainWindow

    guard = CrashGuard(app)
    guard.install()
    try:
        try:
            window = MainWindow(path)
        except Exception:  # no window to work in: show why, and end once that is read
            guard.handle(*sys.exc_info())
            app.exec()
            return 1
        guard.window = window
        window.show()
        note = missing_font_note(chosen_language(AppSettings().language()))
        if note is not None:
            print(f"bpstudio: {note}", file=sys.stderr)
            window.statusBar().showMessage(note)
        return app.exec()
    finally:
        guard.uninstall()
