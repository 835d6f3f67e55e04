"""The designer's learning-rate schedule (with its preview of η) and stopping rules, set
through the widgets like a person (issue #12 §2)."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from bpstudio.core.schedules import SCHEDULES, Schedule, preview
from bpstudio.core.stopping import StopRules

from .test_designer_input import enter


def pick(combo, name):
    combo.setCurrentIndex(combo.findData(name))


def tick(qtbot, check):
    """Click a check box on its box, as a person does."""
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def emitted(qtbot, panel, action):
    """The configs ``action`` emitted on ``spec_changed``."""
    seen = []
    panel.spec_changed.connect(seen.append)
    action()
    panel.spec_changed.disconnect(seen.append)
    return seen


def test_the_schedule_choice_lists_the_registry_by_its_labels(panel):
    combo = panel.training.schedule.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        k.label for k in SCHEDULES.values()]
    assert [combo.itemData(i) for i in range(combo.count())] == list(SCHEDULES)


def test_step_decay_every_50_by_half_is_emitted_and_previewed(qtbot, panel):
    schedule = panel.training.schedule
    enter(qtbot, panel.training.widgets["epoch_limit"], "300")
    configs = emitted(qtbot, panel, lambda: (
        pick(schedule.combo, "step"),
        enter(qtbot, schedule.fields["step"]["every"], "50"),
        enter(qtbot, schedule.fields["step"]["factor"], "0.5")))
    wanted = Schedule("step", {"every": 50, "factor": 0.5})
    assert configs[-1].schedule == wanted == panel.training_config().schedule
    assert panel.problem == ""
    eta0 = panel.training_config().learning_rate
    assert np.array_equal(schedule.sparkline.values, preview(wanted, 300, eta0))
    assert schedule.sparkline.values[49] == eta0 and schedule.sparkline.values[50] == eta0 / 2


def test_only_the_chosen_kinds_parameters_are_shown(panel):
    schedule = panel.training.schedule
    for name, kind in SCHEDULES.items():
        pick(schedule.combo, name)
        QApplication.processEvents()
        shown = {k for k, w in schedule.fields[name].items() if w.isVisibleTo(panel)}
        assert shown == {p.name for p in kind.params}
        others = [w for n, f in schedule.fields.items() if n != name for w in f.values()]
        assert not any(w.isVisibleTo(panel) for w in others)


def test_a_parameter_says_its_range_in_the_registrys_words(panel):
    fields = panel.training.schedule.fields
    assert fields["step"]["factor"].toolTip() == "Factor: a number in (0, 1]"
    assert fields["step"]["every"].toolTip() == (
        "Every (epochs): a whole number from 1 to 1,000,000,000")


def test_a_plateau_preview_is_flat_and_says_why(panel):
    pick(panel.training.schedule.combo, "plateau")
    values = panel.training.schedule.sparkline.values
    assert np.all(values == panel.training_config().learning_rate)
    assert "known only while training" in panel.training.schedule.sparkline.toolTip()


def test_a_preview_changes_with_the_learning_rate(qtbot, panel):
    pick(panel.training.schedule.combo, "exponential")
    enter(qtbot, panel.training.widgets["learning_rate"], "0.2")
    assert panel.training.schedule.sparkline.values[0] == 0.2


def test_a_factor_of_zero_is_refused_in_the_designers_words(qtbot, panel):
    schedule = panel.training.schedule
    pick(schedule.combo, "step")
    box = schedule.fields["step"]["factor"]
    enter(qtbot, box, "0")
    assert panel.problem.startswith("Factor: must be a number in (0, 1]"), panel.problem
    assert box.property("invalid") and "(0, 1]" in box.toolTip()
    assert panel.training_config().schedule == Schedule("step")  # not applied
    enter(qtbot, box, "0.25")
    assert panel.problem == "" and not box.property("invalid")


def test_a_number_out_of_a_fields_range_is_refused_out_loud(qtbot, panel):
    schedule = panel.training.schedule
    pick(schedule.combo, "step")
    enter(qtbot, schedule.fields["step"]["factor"], "2")
    assert panel.problem.startswith("Factor: 2 is not allowed"), panel.problem


def test_stopping_rules_are_emitted(qtbot, panel):
    stopping = panel.training.stopping
    assert not stopping.target_spin.isEnabled()
    enter(qtbot, panel.data.test_fraction_spin, "0.2")  # early stopping watches the test part
    tick(qtbot, stopping.target_check)
    enter(qtbot, stopping.target_spin, "0.01")
    tick(qtbot, stopping.early_check)
    enter(qtbot, stopping.patience_spin, "20")
    enter(qtbot, stopping.min_delta_spin, "0.001")
    tick(qtbot, stopping.restore_check)
    tick(qtbot, stopping.time_check)
    enter(qtbot, stopping.seconds_spin, "30")
    assert panel.training_config().stopping == StopRules(
        target_loss=0.01, patience=20, min_delta=0.001, restore_best=True, seconds=30.0)
    tick(qtbot, stopping.early_check)  # off: restore too
    assert panel.training_config().stopping == StopRules(
        target_loss=0.01, min_delta=0.001, seconds=30.0)
    assert not stopping.restore_check.isEnabled()


def test_a_time_limit_of_zero_is_refused(qtbot, panel):
    stopping = panel.training.stopping
    tick(qtbot, stopping.time_check)
    enter(qtbot, stopping.seconds_spin, "0")
    assert panel.problem.startswith("Seconds: 0 is not allowed"), panel.problem
    assert "from 0.1 to 1e+09" in panel.problem
    assert stopping.seconds_spin.property("invalid")
    assert panel.training_config().stopping.seconds == 60  # ticked: 60 s; 0 not applied


@pytest.mark.parametrize("fraction", ["0"])
def test_early_stopping_needs_a_test_part(qtbot, panel, fraction):
    stopping = panel.training.stopping
    enter(qtbot, panel.data.test_fraction_spin, "0.2")
    tick(qtbot, stopping.early_check)
    assert panel.training_config().stopping.patience == 50
    enter(qtbot, panel.data.test_fraction_spin, fraction)
    assert not stopping.early_check.isEnabled()
    assert "no test part" in stopping.early_check.toolTip()
    assert panel.training_config().stopping.patience is None  # switched off, emitted
    enter(qtbot, panel.data.test_fraction_spin, "0.2")
    assert stopping.early_check.isEnabled()


def test_tab_goes_through_the_schedule_and_stopping_in_order(qtbot, panel):
    chain = panel.training.focus_chain()
    start = chain.index(panel.training.widgets["epoch_limit"])
    assert chain[start + 1] is panel.training.schedule.combo
    epoch_limit = panel.training.widgets["epoch_limit"]
    assert epoch_limit.nextInFocusChain() is not None
    following = [w for w in chain[start + 1:] if w.isVisibleTo(panel) and w.isEnabled()]
    epoch_limit.setFocus()
    for widget in following[:3]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() in (widget, getattr(widget, "lineEdit", lambda: 0)())
