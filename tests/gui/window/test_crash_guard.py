"""An exception nobody catches is shown in a dialog, the app goes on and the work can be saved."""

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from bpstudio import io as bpnet
from bpstudio.core.text import MESSAGE_CHARS
from bpstudio.gui.window.crash_guard import CrashGuard

pytestmark = pytest.mark.qt_no_exception_capture  # the guard, not pytest-qt, takes them here


@pytest.fixture
def guard(window):
    g = CrashGuard(window)
    g.window = window
    g.install()
    yield g
    g.uninstall()
    if g.box is not None:
        g.box.close()


def error_box(window):
    return window.findChild(QMessageBox, "unexpectedErrorMessage")


def failing_button(window, error):
    def fail():
        raise error

    button = QPushButton("fail", window)
    button.clicked.connect(fail)
    button.show()
    return button


def test_an_exception_in_a_slot_is_shown_and_the_app_goes_on(qtbot, window, guard, capsys):
    button = failing_button(window, RuntimeError("boom " + "x" * 5_000_000))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: error_box(window) is not None and error_box(window).isVisible())
    box = error_box(window)
    assert "RuntimeError: boom" in box.text() and "still open" in box.text()
    assert len(box.text()) < MESSAGE_CHARS + 300  # shortened: 5 MB would take long to paint
    assert "Traceback" in box.detailedText() and "in fail" in box.detailedText()
    assert "RuntimeError: boom" in capsys.readouterr().err  # and stderr has it whole
    # the document and training are untouched
    epoch = window.session.epoch
    window.actions.step.trigger()
    qtbot.waitUntil(lambda: window.last_snapshot.epoch == epoch + 1)


def test_more_errors_while_the_box_is_open_are_counted_in_it(qtbot, window, guard):
    button = failing_button(window, ValueError("again"))
    for _ in range(3):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "2 more errors" in (error_box(window).informativeText()
                                                if error_box(window) else ""))
    assert len(window.findChildren(QMessageBox, "unexpectedErrorMessage")) == 1


def test_an_exception_in_another_thread_is_shown_too(qtbot, window, guard):
    def fail():
        raise KeyError("in a thread")

    thread = threading.Thread(target=fail)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: error_box(window) is not None)
    assert "KeyError" in error_box(window).text()


def test_save_a_copy_writes_a_new_file_and_never_the_original(
        qtbot, window, guard, dialogs, tmp_path):
    original = tmp_path / "mine.bpnet"
    dialogs.save_path = str(original)
    window.actions.save.trigger()
    before = original.read_bytes()
    window.actions.step.trigger()
    qtbot.waitUntil(lambda: window.isWindowModified())
    qtbot.mouseClick(failing_button(window, RuntimeError("boom")), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: error_box(window) is not None)

    dialogs.calls.clear()  # "over the original" is refused
    error_box(window).findChild(QPushButton, "saveCopyButton").click()
    assert dialogs.kinds() == ["critical"] and original.read_bytes() == before

    qtbot.mouseClick(failing_button(window, RuntimeError("boom")), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: error_box(window) is not None and error_box(window).isVisible())
    dialogs.save_path = str(tmp_path / "mine (copy)")
    error_box(window).findChild(QPushButton, "saveCopyButton").click()
    copy = bpnet.load(tmp_path / "mine (copy).bpnet")
    assert copy.epoch == window.session.epoch == 1
    assert original.read_bytes() == before
    assert window.files.path == str(original) and window.isWindowModified()  # still the doc
