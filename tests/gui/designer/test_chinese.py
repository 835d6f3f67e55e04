"""The designer in Chinese: every word a person reads is translated, and the translated
choices still set the codes the session holds."""

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QComboBox

from bpstudio.core.datasets import GENERATORS
from bpstudio.core.schedules import SCHEDULES
from bpstudio.examples import EXAMPLES
from bpstudio.gui.designer import DesignerPanel
from tests.gui.english_left import english_left, english_words

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def chinese_panel(qtbot):
    panel = DesignerPanel()  # made while the translators are installed, as the app does
    qtbot.addWidget(panel)
    panel.set_session(EXAMPLES["sin"]())
    panel.show()
    return panel


def combo(panel, name) -> QComboBox:
    return panel.findChild(QComboBox, name)


def pick_text(box: QComboBox, text: str) -> None:
    index = box.findText(text)
    assert index >= 0, f"{text!r} not in {[box.itemText(i) for i in range(box.count())]}"
    box.setCurrentIndex(index)


def test_every_dataset_schedule_and_stopping_rule_reads_in_chinese(chinese, qtbot):
    panel = chinese_panel(qtbot)
    qtbot.mouseClick(panel.training.advanced_button, Qt.MouseButton.LeftButton)
    assert panel.training.advanced.isVisible()
    for check in panel.training.stopping.checks():
        check.setChecked(True)  # every rule's fields enabled, the early-stopping tip shown
    left = []
    datasets, schedules = combo(panel, "datasetCombo"), panel.training.schedule.combo
    for i in range(datasets.count()):
        datasets.setCurrentIndex(i)
        schedules.setCurrentIndex(i % schedules.count())
        left += english_left(panel)
    for i in range(schedules.count()):  # each kind's parameters and the η preview's tip
        schedules.setCurrentIndex(i)
        left += english_left(panel) + [panel.training.schedule.sparkline.toolTip()] * bool(
            english_words(panel.training.schedule.sparkline.toolTip()))
    test_fraction = panel.data.test_fraction_spin
    test_fraction.setValue(0.0)  # no test part: early stopping explains why it is off
    assert CHINESE.search(panel.training.stopping.early_check.toolTip())
    left += english_left(panel)
    assert sorted(set(left)) == []


def test_combo_items_and_their_tips_are_translated(chinese, qtbot):
    panel = chinese_panel(qtbot)
    boxes = panel.findChildren(QComboBox)
    assert {b.objectName() for b in boxes} >= {
        "datasetCombo", "optimizerCombo", "scheduleCombo", "weightInitCombo",
        "outputLossCombo", "layerActivationCombo0"}
    for box in boxes:
        for i in range(box.count()):
            tip = box.itemData(i, Qt.ItemDataRole.ToolTipRole) or ""
            assert english_words(box.itemText(i)) == [], box.itemText(i)
            assert CHINESE.search(tip) or english_words(tip) == [], tip  # formulas: n_in
    activations = combo(panel, "layerActivationCombo0")
    assert "恒等" in [activations.itemText(i) for i in range(activations.count())]


def test_chinese_choices_set_the_codes_the_session_holds(chinese, qtbot):
    panel = chinese_panel(qtbot)
    pick_text(combo(panel, "datasetCombo"), "螺旋")
    assert panel.session().data.name == "spiral"
    pick_text(panel.layers_table.cellWidget(0, 1), "恒等")
    assert panel.session().network.hidden[0].activation == "identity"
    pick_text(combo(panel, "weightInitCombo"), "He 正态")
    assert panel.session().network.init == "he_normal"
    pick_text(combo(panel, "optimizerCombo"), "SGD + 动量")
    assert panel.session().training.optimizer == "momentum"
    pick_text(panel.training.schedule.combo, "阶梯衰减")
    assert panel.session().training.schedule.name == "step"
    pick_text(combo(panel, "outputLossCombo"), "sigmoid + 二元交叉熵")
    assert panel.session().network.loss == "binary_cross_entropy"
    labels = {g.label for g in GENERATORS.values()} | {k.label for k in SCHEDULES.values()}
    shown = [combo(panel, "datasetCombo").itemText(i) for i in range(9)]
    assert not labels & set(shown) - {"XOR"}  # each said in Chinese (XOR is a name)


def test_picking_a_dataset_says_what_it_adapted_in_chinese(chinese, qtbot):
    panel = chinese_panel(qtbot)
    with qtbot.waitSignal(panel.adapted) as said:
        pick_text(combo(panel, "datasetCombo"), "螺旋")
    words = said.args[0]
    assert words.startswith("已按螺旋调整：") and "Xavier 均匀" in words, words
    assert english_words(words) == [], words


def test_refusals_are_said_in_chinese_with_the_fields_label(chinese, qtbot):
    panel = chinese_panel(qtbot)
    pick_text(combo(panel, "datasetCombo"), "螺旋")
    # a number typed out of a field's range
    samples = panel.data.samples_spin
    samples.lineEdit().selectAll()
    qtbot.keyClicks(samples.lineEdit(), "0")
    qtbot.keyClick(samples.lineEdit(), Qt.Key.Key_Return)
    assert panel.problem.startswith("样本数：不能取 0"), panel.problem
    assert english_left(panel) == []
    # a value the generator refuses (fewer points than classes): the core's Refusal
    samples.setValue(1)
    assert panel.problem == "样本数：必须是 >= 2 的整数（2 个类别每类至少一个点），实际为 1"
    assert english_left(panel) == []
    samples.setValue(300)
    assert panel.problem == ""
    # a network too large to save
    size = panel.layers_table.cellWidget(0, 0)
    size.setMaximum(10**6)
    size.setValue(10**6)
    assert panel.problem.startswith("隐藏层：网络将至少有 18,000,033 个参数"), panel.problem
    assert english_words(panel.problem) == [], panel.problem
    assert english_left(panel) == []


def test_the_refusals_stay_english_without_the_translators(qtbot):
    panel = DesignerPanel()
    qtbot.addWidget(panel)
    panel.set_session(EXAMPLES["sin"]())
    pick_text(combo(panel, "datasetCombo"), "Spiral")
    panel.data.samples_spin.setValue(1)
    assert panel.problem == ("Samples: must be a whole number >= 2 (at least one point for "
                             "each of the 2 classes), got 1")


def test_every_field_of_the_designer_has_a_chinese_tip(chinese, qtbot):
    panel = chinese_panel(qtbot)
    for widget in (*panel.findChildren(QAbstractSpinBox), *panel.findChildren(QCheckBox)):
        tip = widget.toolTip()
        if tip:
            assert CHINESE.search(tip) and english_words(tip) == [], (widget.objectName(), tip)
