"""BigSpinBox: a QSpinBox for the whole numbers a file may hold (a QSpinBox stops at 2³¹ − 1)."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from bpstudio.gui.widgets import BigSpinBox
from bpstudio.limits import MAX_SEED


@pytest.fixture
def box(qtbot):
    spin = BigSpinBox()
    spin.setRange(0, MAX_SEED)
    spin.setKeyboardTracking(False)
    qtbot.addWidget(spin)
    spin.show()
    spin.setFocus()
    changes = []
    spin.valueChanged.connect(changes.append)
    spin.changes = changes
    return spin


def type_text(qtbot, box, text):
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)


def test_it_holds_seeds_beyond_32_bits(box):
    box.setValue(3_000_000_000)
    assert box.value() == 3_000_000_000 and box.text() == "3000000000"
    box.setValue(MAX_SEED)
    assert box.value() == MAX_SEED and box.changes == [3_000_000_000, MAX_SEED]
    assert all(type(v) is int for v in box.changes)


def test_values_outside_the_range_are_moved_into_it(box):
    box.setValue(MAX_SEED + 10)
    assert box.value() == MAX_SEED
    box.setValue(-5)
    assert box.value() == 0
    box.setRange(10, 20)
    assert box.value() == 10


def test_arrows_page_keys_and_the_wheel_step_like_a_spin_box(qtbot, box):
    box.setValue(MAX_SEED - 12)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.value() == MAX_SEED - 11
    qtbot.keyClick(box, Qt.Key.Key_PageUp)  # ten steps
    assert box.value() == MAX_SEED - 1
    qtbot.keyClick(box, Qt.Key.Key_PageUp)  # stops at the maximum
    assert box.value() == MAX_SEED
    assert not box.stepEnabled() & box.StepEnabledFlag.StepUpEnabled
    centre = QPointF(box.rect().center())
    wheel = QWheelEvent(centre, box.mapToGlobal(centre), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(box, wheel)
    assert box.value() == MAX_SEED - 1
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.value() == MAX_SEED - 2


def test_a_typed_number_counts_once_it_is_entered(qtbot, box):
    type_text(qtbot, box, str(MAX_SEED))
    assert box.changes == []  # no keyboard tracking: nothing yet
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == MAX_SEED and box.changes == [MAX_SEED]


def test_keyboard_tracking_takes_every_keystroke(qtbot, box):
    box.setKeyboardTracking(True)
    type_text(qtbot, box, "123")
    assert box.changes == [1, 12, 123] and box.value() == 123


def test_what_is_no_number_cannot_be_typed(qtbot, box):
    box.setRange(0, 1000)
    type_text(qtbot, box, "12x3-4")
    assert box.lineEdit().text() == "1234"  # x and - refused


def test_a_number_out_of_range_is_shown_as_typed_and_refused_out_loud(qtbot, box):
    box.setRange(0, 1000)
    box.setValue(7)
    refused = []
    box.refused.connect(refused.append)
    box.lineEdit().selectAll()
    type_text(qtbot, box, "10000")  # not cut to 1000
    assert box.lineEdit().text() == "10000"
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Enter)
    assert box.value() == 7 and refused == ["10000"]


def test_leaving_the_field_takes_the_number_and_an_unfinished_one_gives_way(qtbot, box):
    box.setRange(10, 100)
    type_text(qtbot, box, "5")  # on the way to 50: allowed while typing
    box.clearFocus()
    assert box.value() == 10 and box.text() == "10"
    box.setFocus()
    type_text(qtbot, box, "55")
    box.clearFocus()
    assert box.value() == 55


def test_special_text_and_group_separators(box):
    box.setRange(0, 2**40)
    box.setSpecialValueText("No limit")
    box.setGroupSeparatorShown(True)
    assert box.text() == "No limit"
    box.setValue(2**31)
    assert box.text() == "2,147,483,648"
    assert box.valueFromText("2,147,483,648") == 2**31
    assert box.valueFromText("No limit") == 0
    assert box.sizeHint().width() > box.fontMetrics().horizontalAdvance("1,099,511,627,776")
