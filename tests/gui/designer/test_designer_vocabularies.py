"""The designer offers every registry entry by its words and shows the training fields as
their table says; a generator it offers trains in the window with every view open."""

import pytest
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from bpstudio.core import ACTIVATIONS, INITIALIZERS
from bpstudio.core.datasets import GENERATORS
from bpstudio.core.optimizers import OPTIMIZER_KINDS
from bpstudio.core.outputs import output_choices, pair_label
from bpstudio.gui.designer import DesignerPanel
from bpstudio.training_fields import DESIGNER_ROWS, TRAINING_FIELDS, Count
from tests.gui.window.test_explain_docks import VIEWS, open_view
from tests.gui.window.test_main_window import train_until


@pytest.fixture
def panel(qtbot):
    p = DesignerPanel()
    qtbot.addWidget(p)
    return p


def items(combo: QComboBox) -> list[tuple[str, object]]:
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_every_generator_and_optimizer_kind_is_offered_by_its_label(panel):
    dataset = panel.findChild(QComboBox, "datasetCombo")
    assert items(dataset) == [(g.label, name) for name, g in GENERATORS.items()]
    optimizer = panel.findChild(QComboBox, "optimizerCombo")
    assert items(optimizer) == [(k.label, name) for name, k in OPTIMIZER_KINDS.items()]


def test_every_initializer_and_hidden_activation_is_offered(panel):
    init = panel.findChild(QComboBox, "weightInitCombo")
    assert [text for text, _ in items(init)] == list(INITIALIZERS)
    activation = panel.findChild(QComboBox, "layerActivationCombo0")
    assert [text for text, _ in items(activation)] == [
        name for name, a in ACTIVATIONS.items() if a.hidden_allowed]


def test_each_generator_offers_the_output_pairs_of_its_data(panel):
    dataset = panel.findChild(QComboBox, "datasetCombo")
    output = panel.findChild(QComboBox, "outputLossCombo")
    for name in GENERATORS:
        dataset.setCurrentIndex(dataset.findData(name))
        assert panel.problem == "", name
        data = panel.data_spec().load()
        assert data.full.name == name
        pairs = output_choices(data.task, data.n_outputs)
        assert [text for text, _ in items(output)] == [pair_label(p) for p in pairs], name
        assert (panel.network_spec().output_activation, panel.network_spec().loss) == pairs[0]


def field_tip(widget):
    """The table's tool tip of a designer field (a range may follow it)."""
    return next(f.widget.tooltip for f in TRAINING_FIELDS.values()
                if f.widget and f.widget.object_name == widget.objectName())


def test_the_training_fields_are_the_tables_rows_in_order(panel):
    form = panel.training.form
    rows = []
    for i in range(len(DESIGNER_ROWS)):  # then the Advanced fold
        label = form.itemAt(i, QFormLayout.ItemRole.LabelRole).widget().text()
        widget = form.itemAt(i, QFormLayout.ItemRole.FieldRole).widget()
        rows.append((label, widget.objectName(), widget.toolTip()[:len(field_tip(widget))]))
    assert rows == [(TRAINING_FIELDS[n].widget.label, TRAINING_FIELDS[n].widget.object_name,
                     TRAINING_FIELDS[n].widget.tooltip) for n in DESIGNER_ROWS]
    for name in DESIGNER_ROWS:
        field = TRAINING_FIELDS[name]
        widget = panel.findChild(QWidget, field.widget.object_name)
        assert widget is panel.training.widgets[name]
        if isinstance(field, Count):
            assert (widget.minimum(), widget.maximum()) == (0, field.maximum)
            assert widget.specialValueText() == field.widget.special


def test_a_refused_class_count_of_the_classification_data_marks_the_classes(qtbot, panel):
    dataset = panel.findChild(QComboBox, "datasetCombo")
    dataset.setCurrentIndex(dataset.findData("classification"))
    panel.data.classes_spin.setValue(3)  # 3 classes × 2 clusters > 2² vertices
    assert panel.problem.startswith("Classes:")  # the field's label, not n_informative
    assert panel.data.classes_spin.property("invalid") is True
    assert panel.data_spec().params["classes"] == 2  # not applied


def test_the_classification_generator_trains_in_the_window_with_every_view_open(
        qtbot, window, dialogs):
    for title in VIEWS:
        open_view(qtbot, window, title)
    dataset = window.findChild(QComboBox, "datasetCombo")
    dataset.setCurrentIndex(dataset.findData("classification"))
    qtbot.waitUntil(lambda: window.last_snapshot is not None
                    and window.last_snapshot.weights[0].shape[0] == 20, timeout=10000)
    train_until(qtbot, window, 3)
    assert window.session.epoch >= 3 and dialogs.calls == []
