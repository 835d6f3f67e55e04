"""Step the window's training an epoch at a time, as a person presses Step."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton


def step_epochs(qtbot, window, epochs: int = 1, timeout: int = 10000) -> None:
    """Press Step ``epochs`` times, each once the button is enabled again, and wait for each
    epoch's snapshot. The snapshot of a step can come before the step has been handed back,
    and a press while the button is disabled is ignored, for a test as for a person."""
    qtbot.waitUntil(lambda: window.last_snapshot is not None, timeout=timeout)
    start = window.last_snapshot.epoch
    button = window.findChild(QToolButton, "stepButton")
    for n in range(1, epochs + 1):
        qtbot.waitUntil(button.isEnabled, timeout=timeout)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda n=n: window.last_snapshot.epoch == start + n, timeout=timeout)
