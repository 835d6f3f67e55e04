"""Finding 5 of issue 11: the designer never changes or ignores a typed value without
saying so, and speaks in its own words."""

import pytest
from PySide6.QtCore import Qt

from bpstudio.gui.designer.refusals import in_designer_words
from bpstudio.session import LayerSpec


def enter(qtbot, box, text):
    line = box.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_600_neurons_are_600_not_60(qtbot, panel):
    enter(qtbot, panel.layers_table.cellWidget(0, 0), "600")
    assert panel.network_spec().hidden[0].size == 600
    assert panel.problem == ""


def test_too_many_neurons_are_refused_out_loud(qtbot, panel):
    box = panel.layers_table.cellWidget(0, 0)
    before = panel.network_spec().hidden[0].size
    enter(qtbot, box, "5000")
    assert panel.network_spec().hidden[0].size == before
    assert panel.problem.startswith("Neurons: 5000 is not allowed")
    assert "from 1 to 1,000" in panel.problem
    assert panel.layers_table.property("invalid")


@pytest.mark.parametrize("typed", ["0", "20"])
def test_a_learning_rate_out_of_range_is_refused_out_loud(qtbot, panel, typed):
    box = panel.training.widgets["learning_rate"]
    before = panel.training_config().learning_rate
    enter(qtbot, box, typed)
    assert panel.training_config().learning_rate == before
    assert panel.problem.startswith(f"Learning rate: {typed} is not allowed")
    assert "from 1e-06 to 10" in panel.problem
    assert box.property("invalid") and "not allowed" in box.toolTip()
    enter(qtbot, box, "0.2")  # a good value clears it
    assert panel.problem == "" and not box.property("invalid")
    assert panel.training_config().learning_rate == 0.2


def test_samples_below_a_generators_least_speak_of_samples(qtbot, panel):
    data = panel.data
    data.dataset_combo.setCurrentIndex(data.dataset_combo.findData("spiral"))
    enter(qtbot, data.classes_spin, "5")
    enter(qtbot, data.samples_spin, "3")
    assert panel.problem.startswith("Samples:"), panel.problem
    assert "n:" not in panel.problem
    assert data.samples_spin.property("invalid")


def test_a_field_says_its_range(panel):
    assert "(1 to 100,000)" in panel.data.samples_spin.toolTip()
    assert "(1 to 1,000)" in panel.layers_table.cellWidget(0, 0).toolTip()


def test_add_layer_is_disabled_when_another_layer_would_not_fit(qtbot, panel):
    panel.layers_table.set_layers((LayerSpec(800, "tanh"),))
    panel._sync_layer_buttons()
    assert panel.add_layer_button.isEnabled()
    panel.add_layer_button.click()
    assert len(panel.network_spec().hidden) == 2
    assert not panel.add_layer_button.isEnabled()  # a third 800 would pass 1,000,000
    assert "parameters" in panel.add_layer_button.toolTip()


@pytest.mark.parametrize("message, label, words", [
    ("n: must be a whole number >= 5", "Samples", "Samples: must be a whole number >= 5"),
    ("Neurons: 5 is not allowed", "Hidden layers", "Neurons: 5 is not allowed"),
    ("test_fraction: must be below 1", "", "test_fraction: must be below 1"),
])
def test_internal_names_become_labels(message, label, words):
    assert in_designer_words(message, label) == words


def pick_optimizer(panel, name):
    combo = panel.training.widgets["optimizer"]
    combo.setCurrentIndex(combo.findData(name))


def test_momentums_coefficient_is_set_in_the_designer(qtbot, panel):
    box = panel.training.widgets["momentum"]
    assert not box.isEnabled()  # plain SGD takes none
    pick_optimizer(panel, "momentum")
    assert box.isEnabled()
    enter(qtbot, box, "0.5")
    assert panel.training_config().momentum == 0.5
    assert panel.training_config().make_optimizer().momentum == 0.5


def test_adams_betas_are_under_advanced(qtbot, panel):
    training = panel.training
    assert not training.advanced.isVisibleTo(panel)
    qtbot.mouseClick(training.advanced_button, Qt.MouseButton.LeftButton)
    assert training.advanced.isVisibleTo(panel)
    beta1, beta2 = training.widgets["beta1"], training.widgets["beta2"]
    assert not beta1.isEnabled()
    pick_optimizer(panel, "adam")
    assert beta1.isEnabled() and beta2.isEnabled()
    enter(qtbot, beta1, "0.8")
    enter(qtbot, beta2, "0.99")
    config = panel.training_config()
    assert (config.beta1, config.beta2) == (0.8, 0.99)
    enter(qtbot, beta2, "1")
    assert panel.problem.startswith("β₂ (Adam): 1 is not allowed")
    assert panel.training_config().beta2 == 0.99
