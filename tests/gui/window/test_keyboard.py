"""Finding 4 of issue 11: the keyboard reaches everything, and Space belongs to the focused
widget that uses it."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QPushButton

from bpstudio.gui.window.keyboard import _mnemonic


def focus(qtbot, window, widget):
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_space_on_a_checkbox_toggles_it_and_does_not_train(qtbot, window):
    check = window.findChild(QCheckBox, "standardizeCheck")
    focus(qtbot, window, check)
    qtbot.keyClick(check, Qt.Key.Key_Space)
    qtbot.wait(100)
    assert check.isChecked()
    assert not window.training.running


def test_space_on_a_button_presses_it_and_does_not_train(qtbot, window):
    add = window.findChild(QPushButton, "addLayerButton")
    focus(qtbot, window, add)
    qtbot.keyClick(add, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(window.session.network.hidden) == 2)
    assert not window.training.running


def test_space_elsewhere_still_trains(qtbot, window):
    focus(qtbot, window, window.loss_plot)
    qtbot.keyClick(window.loss_plot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.training.running)
    qtbot.keyClick(window.loss_plot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not window.training.running)


def tab_chain(qtbot, window, start, presses):
    focus(qtbot, window, start)
    seen = []
    for _ in range(presses):
        widget = QApplication.focusWidget()
        seen.append(widget.objectName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return seen


def test_tab_visits_every_designer_field_in_order_and_leaves_the_layers(qtbot, window):
    window.findChild(QPushButton, "addLayerButton").click()
    qtbot.waitUntil(lambda: len(window.session.network.hidden) == 2)
    seen = tab_chain(qtbot, window, window.findChild(QComboBox, "datasetCombo"), 20)
    expected = ["datasetCombo", "samplesSpin", "noiseSpin", "testFractionSpin", "dataSeedSpin",
                "standardizeCheck", "layerSizeSpin0", "layerActivationCombo0",
                "layerSizeSpin1", "layerActivationCombo1", "addLayerButton",
                "removeLayerButton", "outputLossCombo", "weightInitCombo", "weightSeedSpin",
                "learningRateSpin", "optimizerCombo", "batchSizeSpin"]
    visited = [name for name in seen if name in expected]
    assert visited[:len(expected)] == expected


@pytest.mark.parametrize("text, letter", [("&File", "f"), ("Save &As…", "a"), ("Plain", ""),
                                          ("R&&D", "")])
def test_mnemonic_of_a_menu_text(text, letter):
    assert _mnemonic(text) == letter


def test_every_menu_entry_has_a_mnemonic_or_a_shortcut(window):
    def entries(menu):
        for action in menu.actions():
            if action.menu() is not None:
                yield action
                yield from entries(action.menu())
            elif not action.isSeparator():
                yield action

    missing = [a.text() for top in window.menuBar().actions() for a in [top, *entries(top.menu())]
               if not _mnemonic(a.text()) and a.shortcut().isEmpty()]
    assert missing == []
    for menu_action in window.menuBar().actions():
        letters = [_mnemonic(a.text()) for a in menu_action.menu().actions()
                   if not a.isSeparator()]
        assert len(letters) == len(set(letters)), menu_action.text()
