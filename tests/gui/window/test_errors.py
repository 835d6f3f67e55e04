"""Error dialogs stay short, and Save asks before replacing a read-only file."""

import os
import time

import pytest
from PySide6.QtWidgets import QMessageBox

from bpstudio import io as bpnet
from bpstudio.core.text import MESSAGE_CHARS
from bpstudio.gui.window.errors import DETAILS_CHARS, error_box, show_error

HUGE = "row " + "9" * 30_000_000  # 30 MB: a dialog holding it took over 60 s to paint


def test_an_error_dialog_shows_a_huge_message_shortened(dialogs):
    show_error(None, "Cannot open file", HUGE)
    (kind, text), = dialogs.calls
    assert kind == "critical" and text.startswith("row 999") and len(text) <= MESSAGE_CHARS + 60


@pytest.mark.serial
def test_a_box_with_a_huge_message_and_details_paints_at_once(qtbot):
    box = error_box(None, "Unexpected error", HUGE, HUGE)
    qtbot.addWidget(box)
    start = time.perf_counter()
    box.show()
    box.grab()
    assert time.perf_counter() - start < 2.0
    assert len(box.text()) <= MESSAGE_CHARS + 60
    assert len(box.detailedText()) <= DETAILS_CHARS + 60


def recorded_save(monkeypatch):
    """``bpnet.save`` as it is, recording whether each call may replace a read-only file."""
    real = bpnet.save
    calls = []

    def save(path, session, *, overwrite_read_only=False):
        calls.append(overwrite_read_only)
        real(path, session, overwrite_read_only=overwrite_read_only)

    monkeypatch.setattr(bpnet, "save", save)
    return calls


def test_save_asks_before_replacing_a_read_only_file(
        qtbot, window, dialogs, tmp_path, monkeypatch):
    calls = recorded_save(monkeypatch)
    path = tmp_path / "locked.bpnet"
    dialogs.save_path = str(path)
    window.actions.save.trigger()
    os.chmod(path, 0o444)
    before = path.read_bytes()
    window.actions.step.trigger()
    qtbot.waitUntil(window.isWindowModified)
    dialogs.calls.clear()

    dialogs.answer = QMessageBox.StandardButton.No
    window.actions.save.trigger()
    assert dialogs.kinds() == ["question", "critical"]
    assert "read-only" in dialogs.calls[0][1] and "read-only" in dialogs.calls[1][1]
    assert path.read_bytes() == before and window.isWindowModified()

    dialogs.answer = QMessageBox.StandardButton.Yes
    window.actions.save.trigger()
    assert calls[-2:] == [False, True]
    assert bpnet.load(path).epoch == 1 and not window.isWindowModified()
