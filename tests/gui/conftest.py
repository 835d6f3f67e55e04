"""GUI tests run offscreen and never touch the developer's real settings."""

import gc
import threading
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox

GUI_TESTS = Path(__file__).parent


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Python's cyclic collector stays off while a GUI test runs and collects between tests.

    A closed window is kept alive by reference cycles (slots bound to its children), and
    pytest-qt holds only a weak reference: the collector reclaims it, and if that happens
    inside the ``processEvents`` pytest-qt runs after a test, Qt is handed a widget tree that
    is being freed under it (a segfault in CI). Between tests no event is being dispatched.
    A conftest hook sees every test of the session: the others are left alone.
    """
    if GUI_TESTS not in item.path.parents:
        return (yield)
    gc.disable()
    try:
        return (yield)
    finally:
        gc.enable()
        gc.collect()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("BPStudioTests")
    QCoreApplication.setApplicationName("BPStudioTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path


class Dialogs:
    """Stand-ins for the modal dialogs: answers are set by the test, calls are recorded."""

    def __init__(self, monkeypatch) -> None:
        self.answer = QMessageBox.StandardButton.Discard
        self.open_path = self.save_path = ""
        self.calls = []
        monkeypatch.setattr(QMessageBox, "question", self._question)
        for kind in ("critical", "warning", "information"):
            monkeypatch.setattr(QMessageBox, kind, self._recorder(kind))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (self.open_path, ""))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (self.save_path, ""))

    def _question(self, *args, **kwargs):
        self.calls.append(("question", args[2] if len(args) > 2 else ""))
        return self.answer

    def _recorder(self, kind):
        def record(*args, **kwargs):
            self.calls.append((kind, args[2] if len(args) > 2 else ""))
            return QMessageBox.StandardButton.Ok
        return record

    def kinds(self):
        return [kind for kind, _ in self.calls]


@pytest.fixture
def dialogs(monkeypatch):
    return Dialogs(monkeypatch)


@pytest.fixture
def window(dialogs, qtbot):
    from bpstudio.gui import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.last_snapshot is not None, timeout=10000)
    yield w
    w.close()  # dialogs are still patched here, so an unsaved-changes question cannot block


@pytest.fixture
def gradient_check_threads(monkeypatch):
    """The threads the run's gradient checks ran in, recorded as they run."""
    from bpstudio.training import run as run_module

    threads = []
    real = run_module.check_gradient_steps

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(run_module, "check_gradient_steps", recording)
    return threads


@pytest.fixture
def chinese(qapp):
    """The Chinese translations installed for this test (and removed after it)."""
    from bpstudio.gui.window.language import install_translators, remove_translators

    translators = install_translators("zh_CN")
    assert len(translators) == 2, "bpstudio_zh_CN.qm or Qt's qtbase_zh_CN.qm did not load"
    yield
    remove_translators(translators)


@pytest.fixture
def zh_window(chinese, window):
    """The main window made while the Chinese translations are installed."""
    return window
