"""No tab bar is drawn where no tabs are.

Qt 6.11 makes a new tab group's tab bar twice and retires the first with ``deleteLater``;
restoring a layout retires the old layout's bars the same way. Until the event loop deletes
them they stay where they were drawn, and a screenshot taken before that (or a script that
only calls ``processEvents``, which never deletes) showed "Designer | Lesson" across the
designer and lines behind the plots. The window hides them at once; these tests look
before any event loop has run.
"""

import pytest
from PySide6.QtWidgets import QComboBox, QDockWidget, QTabBar

from bpstudio.gui import MainWindow
from tests.gui.window.test_explain_docks import open_lesson


def stray_tab_bars(window) -> list[list[str]]:
    """The tabs of every tab bar on the window that does not stand for docks shown together:
    each tab bar on screen names two or more docks, all of them shown."""
    shown = {d.windowTitle() for d in window.findChildren(QDockWidget) if d.isVisible()}
    stray = []
    for bar in on_screen_tab_bars(window):
        tabs = [bar.tabText(i) for i in range(bar.count())]
        if len(tabs) < 2 or not set(tabs) <= shown:
            stray.append(tabs)
    return stray


def on_screen_tab_bars(window) -> list[QTabBar]:
    """Qt parks the bar of a group with one dock shown outside the window."""
    return [bar for bar in window.findChildren(QTabBar) if bar.parent() is window
            and bar.isVisible() and bar.geometry().intersects(window.rect())]


def shown_window(qtbot, size: tuple[int, int]) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    return window


@pytest.mark.parametrize("size", [(1500, 940), (1000, 700)])
def test_no_tab_bar_over_the_designer_after_picking_a_dataset(qtbot, dialogs, size):
    window = shown_window(qtbot, size)
    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("spiral"))
    assert window.session.data.name == "spiral"
    assert stray_tab_bars(window) == []
    designer = window.docks["designerDock"].geometry()
    assert not any(bar.geometry().intersects(designer) for bar in on_screen_tab_bars(window))
    window.close()


def test_a_lesson_shows_its_tabs_and_closing_it_leaves_none(qtbot, dialogs):
    window = shown_window(qtbot, (1000, 700))  # the inspector goes behind the network here
    open_lesson(window, "binary4")
    assert window.docks["lessonDock"].isVisible()
    assert stray_tab_bars(window) == []
    tabs = sorted(sorted(bar.tabText(i) for i in range(bar.count()))
                  for bar in on_screen_tab_bars(window))
    assert tabs == [["Designer", "Lesson"], ["Network", "Step inspector"]]
    window.docks["lessonDock"].close()  # the window is laid out again when events run
    qtbot.waitUntil(lambda: stray_tab_bars(window) == [], timeout=2000)
    window.close()


def test_no_stray_tab_bar_after_a_saved_layout_is_restored(qtbot, dialogs):
    first = shown_window(qtbot, (1000, 700))
    open_lesson(first, "binary4")  # saved with the lesson tab: the next start resets it
    first.close()
    second = shown_window(qtbot, (1000, 700))
    assert second.docks["lossDock"].isVisible()
    assert stray_tab_bars(second) == []
    second.close()
