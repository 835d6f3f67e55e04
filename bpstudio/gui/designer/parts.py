"""The designer's data and training fields: widgets in, frozen specs out."""

from __future__ import annotations

import inspect
import re
from dataclasses import replace

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from bpstudio.core.datasets import GENERATORS, make_dataset
from bpstudio.gui.widgets import LogSpinBox
from bpstudio.session import TABLE, DataSpec, TrainingConfig

from . import choices

MAX_SAMPLES = 100_000
MAX_SEED = 2**31 - 1


def mark_invalid(widget: QWidget, invalid: bool, reason: str) -> None:
    """Show (or clear) a red frame and the reason as tool tip on ``widget``."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.setToolTip(reason if invalid else widget.property("plainToolTip") or "")
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _field_of(message: str) -> str:
    """The field a spec error names: ``"n: must be ..."`` -> ``"n"``."""
    match = re.match(r"\s*([A-Za-z_][\w.]*)\s*:", message)
    return match.group(1) if match else ""


def _spin(minimum: int, maximum: int, name: str, tip: str, special: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setObjectName(name)
    spin.setKeyboardTracking(False)
    spin.setGroupSeparatorShown(True)
    if special:
        spin.setSpecialValueText(special)
    _tip(spin, tip)
    return spin


def _double(maximum: float, step: float, decimals: int, name: str, tip: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0.0, maximum)
    spin.setSingleStep(step)
    spin.setDecimals(decimals)
    spin.setObjectName(name)
    spin.setKeyboardTracking(False)
    _tip(spin, tip)
    return spin


def _tip(widget: QWidget, tip: str) -> None:
    widget.setToolTip(tip)
    widget.setProperty("plainToolTip", tip)


class DataWidgets:
    """Dataset, samples, noise, classes, test fraction, data seed, standardize."""

    def __init__(self) -> None:
        self.dataset_combo = QComboBox()
        self.dataset_combo.setObjectName("datasetCombo")
        for name, label in choices.DATASETS.items():
            self.dataset_combo.addItem(label, name)
        self.samples_spin = _spin(1, MAX_SAMPLES, "samplesSpin", "Number of data points")
        self.noise_spin = _double(5.0, 0.05, 3, "noiseSpin", "Standard deviation of the noise")
        self.classes_spin = _spin(2, 10, "classesSpin", "Number of classes")
        self.test_fraction_spin = _double(
            0.9, 0.05, 2, "testFractionSpin", "Share of the points held out for testing")
        self.data_seed_spin = _spin(
            0, MAX_SEED, "dataSeedSpin", "Seed of the data and of the train/test split")
        self.standardize_check = QCheckBox("Standardize inputs")
        self.standardize_check.setObjectName("standardizeCheck")
        _tip(self.standardize_check, "Scale inputs to mean 0, sd 1 (fitted on the train part)")
        self.form = QFormLayout()
        for label, widget in (
            ("Dataset", self.dataset_combo), ("Samples", self.samples_spin),
            ("Noise", self.noise_spin), ("Classes", self.classes_spin),
            ("Test fraction", self.test_fraction_spin), ("Data seed", self.data_seed_spin),
        ):
            self.form.addRow(label, widget)
        self.form.addRow(self.standardize_check)
        self._noise_key = "noise"
        self._imported: DataSpec | None = None  # the document's own rows, while it has them

    def fields(self) -> tuple[QWidget, ...]:
        return (self.samples_spin, self.noise_spin, self.classes_spin,
                self.test_fraction_spin, self.data_seed_spin)

    def edited_signals(self) -> list[SignalInstance]:
        return [
            self.samples_spin.valueChanged, self.noise_spin.valueChanged,
            self.classes_spin.valueChanged, self.test_fraction_spin.valueChanged,
            self.data_seed_spin.valueChanged, self.standardize_check.toggled,
        ]

    def widget_for(self, message: str) -> QWidget | None:
        field = _field_of(message)
        return {
            "n": self.samples_spin, "noise": self.noise_spin, "spread": self.noise_spin,
            "classes": self.classes_spin, "test_fraction": self.test_fraction_spin,
            "seed": self.data_seed_spin, "split_seed": self.data_seed_spin,
        }.get(field)

    def show_spec(self, spec: DataSpec) -> None:
        """Show ``spec``; imported rows get their own entry in the dataset list, and picking
        that entry again after trying a generator brings the same rows back."""
        self._imported = spec if spec.table is not None else None
        table_index = self.dataset_combo.findData(TABLE)
        if spec.table is not None and table_index < 0:
            self.dataset_combo.addItem("Imported table", TABLE)
        elif spec.table is None and table_index >= 0:
            self.dataset_combo.removeItem(table_index)
        self.dataset_combo.setCurrentIndex(self.dataset_combo.findData(spec.name))
        self._show_fields(spec)

    def show_imported(self) -> None:
        """The fields of the imported rows (their split seed, test fraction, scaling)."""
        if self._imported is not None:
            self._show_fields(self._imported)

    def _show_fields(self, spec: DataSpec) -> None:
        params = {} if spec.table is not None else {
            **choices.generator_defaults(spec.name), **spec.params}
        self.show_params(spec.name, params)
        if spec.table is not None:
            self.data_seed_spin.setValue(spec.split_seed)
            self.samples_spin.setValue(len(spec.table.X))  # shown, not editable: the rows
        self.test_fraction_spin.setValue(spec.test_fraction)
        self.standardize_check.setChecked(spec.standardize)

    def show_params(self, name: str, params: dict) -> None:
        """Fill the generator fields; fields the generator does not take are disabled."""
        self._noise_key = "spread" if "spread" in params else "noise"
        label = self.form.labelForField(self.noise_spin)
        label.setText("Spread" if self._noise_key == "spread" else "Noise")
        for widget, key in (
            (self.samples_spin, "n"), (self.noise_spin, self._noise_key),
            (self.classes_spin, "classes"), (self.data_seed_spin, "seed"),
        ):
            widget.setEnabled(key in params or (key == "seed" and name == TABLE))
            if key in params:
                widget.setValue(params[key])
        if "n" not in params and name != TABLE:  # a fixed set (8 points, 3×4 binary): its size
            self.samples_spin.setValue(make_dataset(name, **params).n_samples)

    def spec(self, previous: DataSpec) -> DataSpec:
        """A spec from the fields; parameters without a field are kept from ``previous``."""
        name = self.dataset_combo.currentData()
        seed = self.data_seed_spin.value()
        common = dict(
            test_fraction=round(self.test_fraction_spin.value(), 6), split_seed=seed,
            standardize=self.standardize_check.isChecked(),
        )
        if name == TABLE:
            imported = previous if previous.table is not None else self._imported
            return replace(imported, **common)
        accepted = inspect.signature(GENERATORS[name]).parameters
        params = dict(previous.params) if previous.name == name else {}
        for key, widget in (
            ("n", self.samples_spin), (self._noise_key, self.noise_spin),
            ("classes", self.classes_spin), ("seed", self.data_seed_spin),
        ):
            if key in accepted:
                params[key] = widget.value()
        return DataSpec(name=name, params=params, **common)


class TrainingWidgets:
    """Learning rate, optimizer, batch size, L2 and epoch limit."""

    def __init__(self) -> None:
        self.learning_rate_spin = LogSpinBox(1e-6, 10.0)
        self.learning_rate_spin.setObjectName("learningRateSpin")
        _tip(self.learning_rate_spin,
             "Step size η (1e-6 to 10); arrows step 1-2-5 per decade. Applies at the next step")
        self.optimizer_combo = QComboBox()
        self.optimizer_combo.setObjectName("optimizerCombo")
        for kind, label in choices.OPTIMIZERS.items():
            self.optimizer_combo.addItem(label, kind)
        self.batch_spin = _spin(
            0, MAX_SAMPLES, "batchSizeSpin", "Samples per update; 0 = the whole training set",
            special="Full batch")
        self.l2_spin = _double(1.0, 1e-4, 6, "l2Spin", "L2 weight decay λ (biases are not decayed)")
        self.epoch_limit_spin = _spin(
            0, 100_000_000, "epochLimitSpin", "Training stops after this many epochs",
            special="No limit")
        self.epoch_limit_spin.setSingleStep(100)
        self.form = QFormLayout()
        for label, widget in (
            ("Learning rate", self.learning_rate_spin), ("Optimizer", self.optimizer_combo),
            ("Batch size", self.batch_spin), ("L2", self.l2_spin),
            ("Epoch limit", self.epoch_limit_spin),
        ):
            self.form.addRow(label, widget)

    def fields(self) -> tuple[QWidget, ...]:
        return (self.learning_rate_spin, self.batch_spin, self.l2_spin, self.epoch_limit_spin)

    def edited_signals(self) -> list[SignalInstance]:
        return [
            self.learning_rate_spin.valueChanged, self.optimizer_combo.currentIndexChanged,
            self.batch_spin.valueChanged, self.l2_spin.valueChanged,
            self.epoch_limit_spin.valueChanged,
        ]

    def widget_for(self, message: str) -> QWidget | None:
        return {
            "learning_rate": self.learning_rate_spin, "batch_size": self.batch_spin,
            "l2": self.l2_spin, "epoch_limit": self.epoch_limit_spin,
        }.get(_field_of(message))

    def show_config(self, config: TrainingConfig) -> None:
        self.learning_rate_spin.setValue(config.learning_rate)
        self.optimizer_combo.setCurrentIndex(self.optimizer_combo.findData(config.optimizer))
        self.batch_spin.setValue(config.batch_size or 0)
        self.l2_spin.setValue(config.l2)
        self.epoch_limit_spin.setValue(config.epoch_limit or 0)

    def config(self, previous: TrainingConfig) -> TrainingConfig:
        """A config from the fields; momentum, shuffle and seed are kept from ``previous``."""
        return replace(
            previous,
            optimizer=self.optimizer_combo.currentData(),
            learning_rate=self.learning_rate_spin.value(),
            batch_size=self.batch_spin.value() or None,
            l2=self.l2_spin.value(),
            epoch_limit=self.epoch_limit_spin.value() or None,
        )
