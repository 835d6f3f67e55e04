"""Every session the designer accepts saves and opens again (#9: nothing can be made that
cannot be read). Hypothesis sets the designer's widgets anywhere in their ranges, edge values
included, as a person could; what the designer accepts must round-trip through a .bpnet
file, and what it refuses must be refused with the limit named and never applied."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpstudio.core.schedules import SCHEDULES
from bpstudio.examples import EXAMPLES
from bpstudio.gui.designer import DesignerPanel
from bpstudio.gui.designer.layers_table import MAX_HIDDEN_LAYERS, MAX_NEURONS
from bpstudio.io import dumps, loads
from bpstudio.limits import MAX_CLASSES, MAX_EPOCHS, MAX_SAMPLES, MAX_SECONDS, MAX_SEED


def edge_or(lo, hi):
    """A whole number in [lo, hi], the ends and their neighbours drawn often."""
    edges = sorted({lo, min(lo + 1, hi), max(hi - 1, lo), hi})
    return st.one_of(st.sampled_from(edges), st.integers(lo, hi))


@st.composite
def designs(draw):
    return {
        "dataset": draw(st.sampled_from(["sin", "xor", "circles", "moons", "gaussians",
                                         "spiral", "classification"])),
        "samples": draw(edge_or(1, MAX_SAMPLES)),
        "classes": draw(edge_or(2, MAX_CLASSES)),
        "test_fraction": draw(st.sampled_from([0.0, 0.05, 0.5, 0.9])),
        "data_seed": draw(edge_or(0, MAX_SEED)),
        "layers": draw(st.one_of(
            st.lists(edge_or(1, MAX_NEURONS), min_size=0, max_size=4),
            st.just([1] * MAX_HIDDEN_LAYERS), st.just([MAX_NEURONS] * 3))),
        "weight_seed": draw(edge_or(0, MAX_SEED)),
        "learning_rate": draw(st.sampled_from([1e-6, 0.05, 10.0])),
        "optimizer": draw(st.sampled_from(["SGD", "Momentum", "Adam"])),
        "batch": draw(edge_or(0, MAX_SAMPLES)),
        "epoch_limit": draw(edge_or(0, MAX_EPOCHS)),
        "schedule": (kind := draw(st.sampled_from(list(SCHEDULES)))),
        "schedule_params": {p.name: draw(st.sampled_from(
            [p.default, p.high, 1e-4 if p.low_open else p.low]))
            for p in SCHEDULES[kind].params},
        "target_loss": draw(st.sampled_from([None, 1e-12, 0.01, 1e6])),
        "patience": draw(st.one_of(st.none(), edge_or(1, MAX_EPOCHS))),
        "restore": draw(st.booleans()),
        "seconds": draw(st.sampled_from([None, 0.1, 60.0, float(MAX_SECONDS)])),
    }


def set_design(panel, d):
    """Set the widgets as a person would, one field after another."""
    data, training, table = panel.data, panel.training, panel.layers_table
    data.dataset_combo.setCurrentIndex(data.dataset_combo.findData(d["dataset"]))
    data.samples_spin.setValue(d["samples"])
    if data.classes_spin.isEnabled():
        data.classes_spin.setValue(d["classes"])
    data.test_fraction_spin.setValue(d["test_fraction"])
    data.data_seed_spin.setValue(d["data_seed"])
    while table.rowCount() > len(d["layers"]):
        panel.remove_layer_button.click()
    while table.rowCount() < len(d["layers"]):
        panel.add_layer_button.click()
    for row, size in enumerate(d["layers"]):
        table.cellWidget(row, 0).setValue(size)
    panel.weight_seed_spin.setValue(d["weight_seed"])
    training.widgets["learning_rate"].setValue(d["learning_rate"])
    optimizer = training.widgets["optimizer"]
    optimizer.setCurrentIndex(optimizer.findText(d["optimizer"]))
    training.widgets["batch_size"].setValue(d["batch"])
    training.widgets["epoch_limit"].setValue(d["epoch_limit"])
    schedule, stopping = training.schedule, training.stopping
    schedule.combo.setCurrentIndex(schedule.combo.findData(d["schedule"]))
    for key, value in d["schedule_params"].items():
        schedule.fields[d["schedule"]][key].setValue(value)
    for check, spin, value in ((stopping.target_check, stopping.target_spin, d["target_loss"]),
                               (stopping.early_check, stopping.patience_spin, d["patience"]),
                               (stopping.time_check, stopping.seconds_spin, d["seconds"])):
        if check.isEnabled():  # early stopping is not offered without a test part
            check.setChecked(value is not None)
        if value is not None:
            spin.setValue(value)
    if stopping.restore_check.isEnabled():
        stopping.restore_check.setChecked(d["restore"])


@pytest.fixture(scope="module")
def panel():
    p = DesignerPanel()
    p.set_session(EXAMPLES["sin"]())
    yield p
    p.deleteLater()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(design=designs())
def test_what_the_designer_accepts_opens_again(qtbot, panel, design):
    panel.set_session(EXAMPLES["sin"]())
    set_design(panel, design)
    session = panel.session()
    if panel.problem:  # refused in place: a limit named, the refused value not applied
        assert ("up to" in panel.problem or "at most" in panel.problem
                or panel.problem.startswith("Classes:")), panel.problem  # too many classes
    stamp = {"created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z"}
    text = dumps(session, **stamp)
    again = loads(text)
    assert again.network == session.network and again.training == session.training
    assert dumps(again, **stamp) == text  # the data's recipe too, its defaults filled in
