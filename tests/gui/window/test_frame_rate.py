"""View ▸ Frame Rate in Status Bar: frames a second and training speed, remembered."""

from __future__ import annotations

import re

from bpstudio.gui import MainWindow


def test_the_frame_rate_readout_shows_frames_and_speed_and_is_remembered(qtbot, dialogs):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    label, action = first.frame_rate.label, first.frame_rate.action
    view_menu = next(a.menu() for a in first.menuBar().actions() if a.text() == "&View")
    assert action in view_menu.actions() and not action.isChecked()
    assert not label.isVisible()
    action.trigger()
    assert label.isVisible() and label.text() == "0 frames/s · paused"
    first.set_smooth_animation(True)
    first.training.start()
    qtbot.waitUntil(lambda: re.fullmatch(r"[1-9]\d* frames/s · [\d,]+ epochs/s", label.text())
                    is not None, timeout=10000)
    first.training.pause()
    first.document.modified = False
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.frame_rate.action.isChecked()
    second.frame_rate.action.trigger()
    second.close()
    third = MainWindow()
    qtbot.addWidget(third)
    assert not third.frame_rate.action.isChecked()
    third.close()
