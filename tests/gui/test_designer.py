"""The designer panel: widgets in, frozen specs out, invalid values shown in place."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QSpinBox

from bpstudio.examples import EXAMPLES
from bpstudio.gui.designer import DesignerPanel
from bpstudio.gui.widgets import LogSpinBox
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, TrainingConfig


@pytest.fixture
def panel(qtbot):
    p = DesignerPanel()
    qtbot.addWidget(p)
    p.set_session(EXAMPLES["sin"]())
    p.show()
    return p


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
                      "Gaussians", "Spiral"]


def test_picking_a_dataset_emits_its_data_spec_and_a_valid_output(qtbot, panel):
    emitted = []
    panel.spec_changed.connect(emitted.append)
    pick(find(panel, QComboBox, "datasetCombo"), "Spiral")
    data, network = emitted
    assert data.name == "spiral" and data.params["n"] == 300  # the generator's defaults
    assert (network.output_activation, network.loss) == ("sigmoid", "binary_cross_entropy")


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
    batch = find(panel, QSpinBox, "batchSizeSpin")
    assert batch.text() == "Full batch"
    with qtbot.waitSignal(panel.spec_changed) as b:
        batch.setValue(16)
    assert b.args[0].batch_size == 16
    with qtbot.waitSignal(panel.spec_changed) as b:
        find(panel, QSpinBox, "epochLimitSpin").setValue(500)
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
    assert panel.problem.startswith("n: must be a whole number >= 5")
    assert samples.property("invalid") is True and "n: must" in samples.toolTip()
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
