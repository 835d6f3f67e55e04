"""The designer's data and training fields: widgets in, frozen specs out.

Ranges come from :mod:`bpstudio.limits` where a file has a limit, else they are the
designer's own (noise up to 5, an L2 up to 1). The dataset list comes from the generator
registry; the training fields are in :mod:`.training_widgets`. A session may bring values
beyond the designer's own ranges, or finer than a field shows: :class:`ExactValues` shows
them and gives them back unchanged until the person edits the field.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QWidget,
)

from bpstudio.core.datasets import GENERATORS, make_dataset
from bpstudio.gui.widgets import BigSpinBox, RangeDoubleSpinBox, RangeSpinBox
from bpstudio.limits import MAX_CLASSES, MAX_SAMPLES, MAX_SEED
from bpstudio.session import TABLE, DataSpec

from ..vocabulary import vocabulary
from .refusals import with_range

Number = int | float
translate = QCoreApplication.translate


class ExactValues:
    """What a session's numbers were, for the fields that show them.

    A field shows a value rounded (noise 0.0001 at three decimals reads 0.000) or only after
    its range is widened (a batch of 2,147,483,648 where the designer offers 100,000);
    reading the field back would change the document without anyone asking. :meth:`show`
    widens the field's range to take the value and remembers it; :meth:`read` gives it back
    while the field still shows what it was set to, and the field's own value once the
    person has changed it.
    """

    def __init__(self) -> None:
        self._ranges: dict[QAbstractSpinBox, tuple[Number, Number]] = {}
        self._shown: dict[QAbstractSpinBox, tuple[Number, Number]] = {}

    def show(self, widget: QAbstractSpinBox, value: Number) -> None:
        low, high = self._ranges.setdefault(widget, (widget.minimum(), widget.maximum()))
        widget.setRange(min(low, value), max(high, value))
        widget.setValue(value)
        self._shown[widget] = (widget.value(), value)

    def read(self, widget: QAbstractSpinBox) -> Number:
        value = widget.value()
        shown, exact = self._shown.get(widget, (None, None))
        return exact if value == shown else value


def mark_invalid(widget: QWidget, invalid: bool, reason: str) -> None:
    """Show (or clear) a red frame and the reason as tool tip on ``widget``."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.setToolTip(reason if invalid else widget.property("plainToolTip") or "")
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def field_of(message: str) -> str:
    """The field a spec error names: ``"n: must be ..."`` -> ``"n"``."""
    match = re.match(r"\s*([A-Za-z_][\w.]*)\s*:", message)
    return match.group(1) if match else ""


def whole_field(
    minimum: int, maximum: int, name: str, tip: str, special: str = "", big: bool = False
) -> RangeSpinBox | BigSpinBox:
    """A whole-number field; ``big`` for numbers past 2³¹ − 1 (seeds, epoch limits)."""
    spin = BigSpinBox() if big else RangeSpinBox()
    spin.setRange(minimum, maximum)
    spin.setObjectName(name)
    spin.setKeyboardTracking(False)
    spin.setGroupSeparatorShown(True)
    if special:
        spin.setSpecialValueText(special)
    set_tip(spin, with_range(tip, spin))
    return spin


def decimal_field(
    maximum: float, step: float, decimals: int, name: str, tip: str, minimum: float = 0.0
) -> RangeDoubleSpinBox:
    spin = RangeDoubleSpinBox()
    spin.setRange(minimum, maximum)
    spin.setSingleStep(step)
    spin.setDecimals(decimals)
    spin.setObjectName(name)
    spin.setKeyboardTracking(False)
    set_tip(spin, with_range(tip, spin))
    return spin


def set_tip(widget: QWidget, tip: str) -> None:
    widget.setToolTip(tip)
    widget.setProperty("plainToolTip", tip)


class DataWidgets:
    """Dataset, samples, noise, classes, test fraction, data seed, standardize."""

    def __init__(self, exact: ExactValues) -> None:
        self.exact = exact
        self.dataset_combo = QComboBox()
        self.dataset_combo.setObjectName("datasetCombo")
        for name, generator in GENERATORS.items():
            self.dataset_combo.addItem(vocabulary(generator.label), name)
        self.samples_spin = whole_field(1, MAX_SAMPLES, "samplesSpin",
                                        translate("Designer", "Number of data points"))
        self.noise_spin = decimal_field(5.0, 0.05, 3, "noiseSpin",
                                        translate("Designer", "Standard deviation of the noise"))
        self.classes_spin = whole_field(2, MAX_CLASSES, "classesSpin",
                                        translate("Designer", "Number of classes"))
        self.test_fraction_spin = decimal_field(
            0.9, 0.05, 2, "testFractionSpin",
            translate("Designer", "Share of the points held out for testing"))
        self.data_seed_spin = whole_field(
            0, MAX_SEED, "dataSeedSpin",
            translate("Designer", "Seed of the data and of the train/test split"), big=True)
        self.data_seed_spin.setGroupSeparatorShown(False)  # a name, not a quantity
        self.standardize_check = QCheckBox(translate("Designer", "Standardize inputs"))
        self.standardize_check.setObjectName("standardizeCheck")
        set_tip(self.standardize_check, translate(
            "Designer", "Scale inputs to mean 0, sd 1 (fitted on the train part)"))
        self.form = QFormLayout()
        for label, widget in (
            (translate("Designer", "Dataset"), self.dataset_combo),
            (translate("Designer", "Samples"), self.samples_spin),
            (translate("Designer", "Noise"), self.noise_spin),
            (translate("Designer", "Classes"), self.classes_spin),
            (translate("Designer", "Test fraction"), self.test_fraction_spin),
            (translate("Designer", "Data seed"), self.data_seed_spin),
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
        field = field_of(message)
        return {
            "n": self.samples_spin, "noise": self.noise_spin, "spread": self.noise_spin,
            "classes": self.classes_spin, "n_informative": self.classes_spin,
            "test_fraction": self.test_fraction_spin,
            "seed": self.data_seed_spin, "split_seed": self.data_seed_spin,
        }.get(field)

    def show_spec(self, spec: DataSpec) -> None:
        """Show ``spec``; imported rows get their own entry in the dataset list, and picking
        that entry again after trying a generator brings the same rows back."""
        self._imported = spec if spec.table is not None else None
        table_index = self.dataset_combo.findData(TABLE)
        if spec.table is not None and table_index < 0:
            self.dataset_combo.addItem(translate("Designer", "Imported table"), TABLE)
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
            **GENERATORS[spec.name].defaults, **spec.params}
        self.show_params(spec.name, params)
        if spec.table is not None:
            self.exact.show(self.data_seed_spin, spec.split_seed)
            self.exact.show(self.samples_spin, len(spec.table.X))  # shown, not editable
        self.show_split(spec)

    def show_split(self, spec: DataSpec) -> None:
        """Show ``spec``'s test fraction and scaling (what a dataset's starter may change)."""
        self.exact.show(self.test_fraction_spin, spec.test_fraction)
        self.standardize_check.setChecked(spec.standardize)

    def show_params(self, name: str, params: dict) -> None:
        """Fill the generator fields; fields the generator does not take are disabled."""
        self._noise_key = "spread" if "spread" in params else "noise"
        label = self.form.labelForField(self.noise_spin)
        label.setText(translate("Designer", "Spread") if self._noise_key == "spread"
                      else translate("Designer", "Noise"))
        for widget, key in (
            (self.samples_spin, "n"), (self.noise_spin, self._noise_key),
            (self.classes_spin, "classes"), (self.data_seed_spin, "seed"),
        ):
            widget.setEnabled(key in params or (key == "seed" and name == TABLE))
            if key in params:
                self.exact.show(widget, params[key])
        if "n" not in params and name != TABLE:  # a fixed set (8 points, 3×4 binary): its size
            self.exact.show(self.samples_spin, make_dataset(name, **params).n_samples)

    def spec(self, previous: DataSpec) -> DataSpec:
        """A spec from the fields; parameters without a field are kept from ``previous``."""
        name = self.dataset_combo.currentData()
        seed = self.exact.read(self.data_seed_spin)
        common = dict(
            test_fraction=self.exact.read(self.test_fraction_spin), split_seed=seed,
            standardize=self.standardize_check.isChecked(),
        )
        if name == TABLE:
            imported = previous if previous.table is not None else self._imported
            return replace(imported, **common)
        accepted = GENERATORS[name].parameters
        params = dict(previous.params) if previous.name == name else {}
        for key, widget in (
            ("n", self.samples_spin), (self._noise_key, self.noise_spin),
            ("classes", self.classes_spin), ("seed", self.data_seed_spin),
        ):
            if key in accepted:
                params[key] = self.exact.read(widget)
        return DataSpec(name=name, params=params, **common)
