"""The designer panel: widgets in, frozen specs out, invalid values shown in place."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QPushButton, QSpinBox

from bpstudio.examples import EXAMPLES
from bpstudio.gui.widgets import BigSpinBox, LogSpinBox
from bpstudio.limits import (
    MAX_CLASSES,
    MAX_DATA_VALUES,
    MAX_EPOCHS,
    MAX_PARAMETERS,
    MAX_SAMPLES,
    MAX_SEED,
)
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, TrainingConfig


def find(panel, cls, name):
    widget = panel.findChild(cls, name)
    assert widget is not None, name
    return widget


def of_type(kind):
    return lambda spec: isinstance(spec, kind)


def pick(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def test_datasets_are_offered_by_their_names(panel):
    combo = find(panel, QComboBox, "datasetCombo")
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["Sin fit", "8 points", "3×4 binary", "XOR", "Circles", "Moons",
                      "Gaussians", "Spiral", "Classification (20-D)"]


def test_picking_a_dataset_emits_its_data_spec_and_a_valid_output(qtbot, panel):
    emitted = []
    panel.spec_changed.connect(emitted.append)
    pick(find(panel, QComboBox, "datasetCombo"), "Spiral")
    data, network, training = emitted  # the spiral's starter changes all three
    assert data.name == "spiral" and data.params["n"] == 300  # the generator's defaults
    assert (network.output_activation, network.loss) == ("sigmoid", "binary_cross_entropy")
    assert network.init == "xavier_uniform" and training.optimizer == "adam"


def test_picking_a_dataset_applies_its_starter_and_says_so(qtbot, panel):
    """Issue #11, finding 1: New -> Spiral kept the sin example's uniform weights."""
    with qtbot.waitSignal(panel.adapted) as blocker:
        pick(find(panel, QComboBox, "datasetCombo"), "Spiral")
    session = panel.session()
    assert session.network.init == "xavier_uniform"
    assert session.network.hidden == (LayerSpec(16, "tanh"),) * 2
    assert session.data.test_fraction == 0.2 and session.data.standardize
    assert find(panel, QComboBox, "weightInitCombo").currentText() == "xavier_uniform"
    assert find(panel, QDoubleSpinBox, "testFractionSpin").value() == 0.2
    assert blocker.args[0].startswith("Adapted to Spiral: hidden layers 16, 16 tanh, init "
                                      "xavier_uniform")


def test_what_the_person_set_survives_a_dataset_switch(qtbot, panel):
    pick(find(panel, QComboBox, "weightInitCombo"), "he_normal")
    with qtbot.waitSignal(panel.adapted) as blocker:
        pick(find(panel, QComboBox, "datasetCombo"), "Moons")
    assert panel.session().network.init == "he_normal"
    assert panel.session().training.optimizer == "adam"  # not set by hand: adapted
    assert "kept what you set: init he_normal" in blocker.args[0]


def test_a_textbook_dataset_holds_out_nothing_after_a_test_fraction_was_set(qtbot, panel):
    """Issue #11, finding 1: after Sin with 0.20, the 3×4 binary example held out a row."""
    spin = find(panel, QDoubleSpinBox, "testFractionSpin")
    spin.setValue(0.2)
    assert panel.session().data.test_fraction == 0.2
    pick(find(panel, QComboBox, "datasetCombo"), "3×4 binary")
    assert panel.session().data.test_fraction == 0.0 and spin.value() == 0.0
    assert panel.session().data.load().test.n_samples == 0


def test_only_valid_output_pairs_are_offered(qtbot, panel):
    output = find(panel, QComboBox, "outputLossCombo")
    items = lambda: [output.itemText(i) for i in range(output.count())]  # noqa: E731
    assert items()[0] == "identity + MSE" and not any("cross" in t for t in items())
    pick(find(panel, QComboBox, "datasetCombo"), "Moons")
    assert items()[0] == "sigmoid + binary cross-entropy"
    assert not any("softmax" in t for t in items())
    with qtbot.waitSignal(panel.spec_changed, check_params_cb=of_type(NetworkSpec)) as blocker:
        pick(find(panel, QComboBox, "datasetCombo"), "Gaussians")
    assert (blocker.args[0].output_activation, blocker.args[0].loss) == ("softmax", "cross_entropy")


def test_add_and_remove_layers(qtbot, panel):
    add = find(panel, QPushButton, "addLayerButton")
    remove = find(panel, QPushButton, "removeLayerButton")
    with qtbot.waitSignal(panel.spec_changed) as blocker:
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert blocker.args[0].hidden == (LayerSpec(100, "sigmoid"), LayerSpec(100, "sigmoid"))
    size = find(panel, QSpinBox, "layerSizeSpin1")
    with qtbot.waitSignal(panel.spec_changed) as blocker:
        size.setValue(5)
    assert [layer.size for layer in blocker.args[0].hidden] == [100, 5]
    activation = find(panel, QComboBox, "layerActivationCombo1")
    assert "softmax" not in [activation.itemText(i) for i in range(activation.count())]
    with qtbot.waitSignal(panel.spec_changed) as blocker:
        activation.setCurrentText("relu")
    assert blocker.args[0].hidden[1] == LayerSpec(5, "relu")
    for expected in (1, 0):
        with qtbot.waitSignal(panel.spec_changed) as blocker:
            qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
        assert len(blocker.args[0].hidden) == expected


def test_learning_rate_box_spans_decades_in_log_steps(qtbot, panel):
    spin = find(panel, LogSpinBox, "learningRateSpin")
    assert (spin.minimum(), spin.maximum()) == (1e-6, 10.0)
    with qtbot.waitSignal(panel.spec_changed, check_params_cb=of_type(TrainingConfig)) as b:
        spin.stepUp()
    assert b.args[0].learning_rate == 0.1  # 0.05 -> 0.1 on the 1-2-5 ladder
    spin.stepBy(-3)
    assert spin.value() == 0.01
    spin.lineEdit().selectAll()
    with qtbot.waitSignal(panel.spec_changed) as b:
        qtbot.keyClicks(spin.lineEdit(), "3e-4")
        qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert b.args[0].learning_rate == pytest.approx(3e-4)
    spin.setValue(1000.0)
    assert spin.value() == 10.0


def test_training_settings_become_a_config(qtbot, panel):
    optimizer = find(panel, QComboBox, "optimizerCombo")
    assert [optimizer.itemText(i) for i in range(optimizer.count())] == ["SGD", "Momentum", "Adam"]
    with qtbot.waitSignal(panel.spec_changed) as b:
        pick(optimizer, "Adam")
    assert b.args[0].optimizer == "adam"
    batch = find(panel, BigSpinBox, "batchSizeSpin")
    assert batch.text() == "Full batch"
    with qtbot.waitSignal(panel.spec_changed) as b:
        batch.setValue(16)
    assert b.args[0].batch_size == 16
    with qtbot.waitSignal(panel.spec_changed) as b:
        find(panel, BigSpinBox, "epochLimitSpin").setValue(500)
    assert b.args[0].epoch_limit == 500
    assert b.args[0].shuffle is False  # kept from the example: fields the panel lacks stay


def test_invalid_values_are_shown_in_place_and_not_emitted(qtbot, panel):
    pick(find(panel, QComboBox, "datasetCombo"), "Spiral")
    classes = find(panel, QSpinBox, "classesSpin")
    samples = find(panel, QSpinBox, "samplesSpin")
    classes.setValue(5)
    emitted = []
    panel.spec_changed.connect(emitted.append)
    samples.setValue(3)
    assert emitted == []
    assert panel.problem.startswith("Samples: must be a whole number >= 5")
    assert samples.property("invalid") is True and "Samples: must" in samples.toolTip()
    with qtbot.waitSignal(panel.spec_changed, check_params_cb=of_type(DataSpec)):
        samples.setValue(50)
    assert panel.problem == "" and not samples.property("invalid")


def test_set_session_shows_values_without_emitting(panel):
    emitted = []
    panel.spec_changed.connect(emitted.append)
    session = EXAMPLES["points8"]()
    panel.set_session(session)
    assert emitted == []
    assert find(panel, QComboBox, "datasetCombo").currentText() == "8 points"
    assert find(panel, QSpinBox, "samplesSpin").isEnabled() is False
    assert panel.network_spec() == session.network
    assert find(panel, QComboBox, "outputLossCombo").currentText() == "sigmoid + MSE"


def test_imported_rows_come_back_when_picked_again(qtbot, panel):
    book = EXAMPLES["two_input"]()
    panel.set_session(book)
    emitted = []
    panel.spec_changed.connect(emitted.append)
    combo = find(panel, QComboBox, "datasetCombo")
    pick(combo, "Spiral")
    pick(combo, "Imported table")
    data = [s for s in emitted if isinstance(s, DataSpec)]
    assert data[0].name == "spiral"
    assert data[-1] == book.data  # the same rows, split seed, test fraction and scaling
    samples = find(panel, QSpinBox, "samplesSpin")
    assert samples.value() == 1 and not samples.isEnabled()  # the book's one sample


def test_a_fixed_data_set_shows_its_size(panel):
    pick(find(panel, QComboBox, "datasetCombo"), "8 points")
    samples = find(panel, QSpinBox, "samplesSpin")
    assert samples.value() == 8 and not samples.isEnabled()
    pick(find(panel, QComboBox, "datasetCombo"), "3×4 binary")
    assert samples.value() == 3


# -- sizes: what the designer offers, what a file may bring -------------------------------------


def with_layers(session, *sizes):
    hidden = tuple(LayerSpec(n, "tanh") for n in sizes)
    return replace(session, network=replace(session.network, hidden=hidden), state=None,
                   start=None)


def test_ranges_come_from_the_limits(panel):
    assert find(panel, QSpinBox, "samplesSpin").maximum() == MAX_SAMPLES
    assert find(panel, QSpinBox, "classesSpin").maximum() == MAX_CLASSES
    assert find(panel, BigSpinBox, "batchSizeSpin").maximum() == MAX_SAMPLES
    assert find(panel, BigSpinBox, "epochLimitSpin").maximum() == MAX_EPOCHS
    for name in ("weightSeedSpin", "dataSeedSpin"):
        assert find(panel, BigSpinBox, name).maximum() == MAX_SEED


def test_a_network_over_the_parameter_limit_is_marked_and_never_applied(qtbot, panel):
    panel.set_session(with_layers(EXAMPLES["sin"](), 512, 512, 512, 512))  # 789,505
    add = find(panel, QPushButton, "addLayerButton")
    assert not add.isEnabled() and "1,052,161 parameters" in add.toolTip()  # a fifth 512
    emitted = []
    panel.spec_changed.connect(emitted.append)
    panel.layers_table.cellWidget(3, 0).setValue(1000)
    assert emitted == []
    assert "1,040,337 parameters" in panel.problem and f"{MAX_PARAMETERS:,}" in panel.problem
    assert panel.layers_table.property("invalid") is True
    assert panel.network_spec().hidden[3].size == 512  # what would be saved is the last good one
    panel.layers_table.cellWidget(3, 0).setValue(512)
    assert panel.problem == "" and not panel.layers_table.property("invalid")


def test_more_classes_that_would_make_the_network_too_large_are_not_applied(qtbot, panel):
    session = with_layers(EXAMPLES["sin"](), 512, 512, 512)
    session = replace(session, data=DataSpec("gaussians", {"n": 2000, "classes": 2}))
    panel.set_session(session)
    emitted = []
    panel.spec_changed.connect(emitted.append)
    classes = find(panel, QSpinBox, "classesSpin")
    classes.setValue(1000)  # 1000 outputs: 1,039,848 parameters
    assert emitted == [] and "1,039,848 parameters" in panel.problem
    assert panel.data_spec().params["classes"] == 2
    with qtbot.waitSignal(panel.spec_changed, check_params_cb=of_type(DataSpec)):
        classes.setValue(900)
    assert panel.problem == ""


def test_data_too_large_to_train_on_is_not_applied(panel):
    panel.set_session(replace(EXAMPLES["sin"](), data=DataSpec("gaussians", {"classes": 1000})))
    emitted = []
    panel.spec_changed.connect(emitted.append)
    samples = find(panel, QSpinBox, "samplesSpin")
    samples.setValue(MAX_SAMPLES)
    assert emitted == []
    assert f"{MAX_DATA_VALUES:,}" in panel.problem and "100,200,000 numbers" in panel.problem
    assert samples.property("invalid") is True


def file_beyond_the_designer():
    """A session as a file may hold it, past every range the designer offers (and at the
    largest batch and epoch limit any session may have)."""
    session = with_layers(EXAMPLES["sin"](), *([600] + [8] * 9))
    return replace(
        session,
        network=replace(session.network, seed=3_000_000_000),
        data=DataSpec("sin", {"n": 50, "noise": 0.0001, "seed": MAX_SEED}, test_fraction=0.95),
        training=TrainingConfig(learning_rate=100.0, batch_size=MAX_SAMPLES, l2=5.0,
                                epoch_limit=MAX_EPOCHS, seed=7),
    )


def test_a_session_beyond_the_designers_ranges_is_shown_as_it_is(panel):
    session = file_beyond_the_designer()
    emitted = []
    panel.spec_changed.connect(emitted.append)
    panel.set_session(session)
    assert emitted == [] and panel.problem == ""
    assert find(panel, BigSpinBox, "weightSeedSpin").value() == 3_000_000_000
    assert find(panel, BigSpinBox, "dataSeedSpin").value() == MAX_SEED
    assert find(panel, BigSpinBox, "batchSizeSpin").text() == f"{MAX_SAMPLES:,}"
    assert find(panel, BigSpinBox, "epochLimitSpin").value() == MAX_EPOCHS
    assert panel.layers_table.rowCount() == 10
    assert panel.layers_table.cellWidget(0, 0).value() == 600
    assert find(panel, LogSpinBox, "learningRateSpin").value() == 100.0
    assert panel.network_spec() == session.network
    assert panel.training_config() == session.training


def test_editing_one_field_leaves_the_files_other_values_unchanged(qtbot, panel):
    session = file_beyond_the_designer()
    panel.set_session(session)
    with qtbot.waitSignal(panel.spec_changed) as config:
        pick(find(panel, QComboBox, "optimizerCombo"), "Adam")
    assert config.args[0] == replace(session.training, optimizer="adam")
    with qtbot.waitSignal(panel.spec_changed) as data:
        find(panel, QSpinBox, "samplesSpin").setValue(60)
    # noise 0.0001 shows as 0.000 but stays 0.0001; a test fraction past 0.9 stays
    assert data.args[0].params == {**session.data.params, "n": 60}
    assert data.args[0].test_fraction == 0.95
    with qtbot.waitSignal(panel.spec_changed) as network:
        pick(find(panel, QComboBox, "weightInitCombo"), "xavier_uniform")
    assert network.args[0] == replace(session.network, init="xavier_uniform")


def test_the_table_gets_its_tool_tip_back_when_a_size_problem_is_cleared(qtbot, panel):
    tip = panel.layers_table.toolTip()
    panel.set_session(with_layers(EXAMPLES["sin"](), 512, 512, 512, 512))
    panel.layers_table.cellWidget(3, 0).setValue(1000)
    assert "parameters" in panel.layers_table.toolTip()
    panel.layers_table.cellWidget(3, 0).setValue(512)
    assert panel.layers_table.toolTip() == tip


def test_a_64_bit_seed_typed_in_becomes_the_networks_seed(qtbot, panel):
    seed = find(panel, BigSpinBox, "weightSeedSpin")
    seed.setFocus()
    seed.lineEdit().selectAll()
    qtbot.keyClicks(seed.lineEdit(), str(MAX_SEED))
    with qtbot.waitSignal(panel.spec_changed, check_params_cb=of_type(NetworkSpec)) as network:
        qtbot.keyClick(seed.lineEdit(), Qt.Key.Key_Return)
    assert network.args[0].seed == MAX_SEED
