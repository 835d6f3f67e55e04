"""The designer's schedule and stopping rules: the learning-rate schedule with the
parameters of the chosen kind and a small preview of η, and the rules that end training
before the epoch limit.

The kinds, their labels, parameters and ranges are the registry's
(:data:`~bpstudio.core.schedules.SCHEDULES`); a value the specs refuse (a factor of 0, which
the registry excludes) comes back as ``schedule.factor: ...`` and is shown on its field.
"""

from __future__ import annotations

from itertools import chain

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt, SignalInstance
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QStackedWidget,
    QWidget,
)

from bpstudio.core.schedules import SCHEDULES, Param, Schedule, preview
from bpstudio.core.stopping import StopRules
from bpstudio.core.translatable import QT_TRANSLATE_NOOP
from bpstudio.gui.widgets import LogSpinBox
from bpstudio.limits import MAX_EPOCHS, MAX_SECONDS

from ..vocabulary import vocabulary
from .parts import ExactValues, decimal_field, set_tip, whole_field

PREVIEW_SPAN = 1000
"""Epochs the preview shows when there is no epoch limit."""
MOST_PREVIEW_EPOCHS = 100_000
"""The preview stops here for a longer epoch limit: a sparkline cannot show more."""
SPARK_COLOUR = "#7f7f7f"
"""The grey of the loss plot's η axis: the same quantity, the same colour."""
PLATEAU_WHY = QT_TRANSLATE_NOOP(
    "Designer", "Reduce on plateau cuts η when the training loss stops falling, which is "
    "known only while training: the preview stays at η0")

translate = QCoreApplication.translate


class EtaSparkline(QWidget):
    """η over the epochs, on a logarithmic scale; :attr:`values` is what it draws."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("schedulePreview")
        self.values = np.ones(1)
        self.setMinimumSize(QSize(50, 24))

    def sizeHint(self) -> QSize:
        return QSize(90, 26)

    def show_values(self, values: np.ndarray, why: str = "") -> None:
        self.values = values
        span = translate("Designer", "η from {first} to {last} over {epochs} epochs").format(
            first=f"{values[0]:.3g}", last=f"{values[-1]:.3g}", epochs=f"{len(values):,}")
        self.setToolTip(translate("Designer", "{span}. {why}").format(span=span, why=why)
                        if why else span)
        self.update()

    def paintEvent(self, event: object) -> None:
        logs = np.log10(self.values)
        low, high = float(logs.min()), float(logs.max())
        w, h, pad = self.width() - 2, self.height() - 2, 2
        x = 1 + np.linspace(0, w, len(logs)) if len(logs) > 1 else np.array([1.0, w + 1.0])
        if len(logs) == 1:
            logs = np.repeat(logs, 2)
        y = (1 + h / 2 if high - low < 1e-12
             else 1 + pad + (h - 2 * pad) * (high - logs) / (high - low))
        y = np.broadcast_to(y, x.shape)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(SPARK_COLOUR), 1.5))
        painter.drawPolyline(QPolygonF([QPointF(a, b) for a, b in zip(x, y, strict=True)]))
        painter.end()


class ScheduleWidgets:
    """The schedule combo, a page of parameter fields per kind (only the chosen kind's is
    shown) and the preview."""

    def __init__(self, exact: ExactValues) -> None:
        self.exact = exact
        self.combo = QComboBox()
        self.combo.setObjectName("scheduleCombo")
        self.combo.setSizeAdjustPolicy(  # elided rather than widen a narrow designer
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(6)
        for kind in SCHEDULES.values():
            self.combo.addItem(vocabulary(kind.label), kind.name)
            self.combo.setItemData(self.combo.count() - 1, vocabulary(kind.formula),
                                   Qt.ItemDataRole.ToolTipRole)
        self.sparkline = EtaSparkline()
        self.row = QWidget()
        row = QHBoxLayout(self.row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.sparkline)
        self.fields: dict[str, dict[str, QAbstractSpinBox]] = {}
        self.pages = QStackedWidget()
        self.forms: list[QFormLayout] = []
        for kind in SCHEDULES.values():
            page = QWidget()
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            self.fields[kind.name] = {p.name: _param_field(kind.name, p) for p in kind.params}
            for param in kind.params:
                form.addRow(vocabulary(param.label), self.fields[kind.name][param.name])
            self.pages.addWidget(page)
            self.forms.append(form)
        self.combo.currentIndexChanged.connect(self._show_page)
        for kind in SCHEDULES.values():
            for p in kind.params:
                self.exact.show(self.fields[kind.name][p.name], p.default)

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        page = self.pages.currentWidget()
        self.pages.setVisible(bool(SCHEDULES[self.combo.currentData()].params))
        self.pages.setFixedHeight(max(0, page.sizeHint().height()))

    def spin_boxes(self) -> list[QAbstractSpinBox]:
        return [w for fields in self.fields.values() for w in fields.values()]

    def show(self, schedule: Schedule) -> None:
        self.combo.setCurrentIndex(self.combo.findData(schedule.name))
        self._show_page(self.combo.currentIndex())
        for key, value in schedule.params.items():
            self.exact.show(self.fields[schedule.name][key], value)

    def read(self) -> Schedule:
        name = self.combo.currentData()
        return Schedule(name, {key: self.exact.read(w) for key, w in self.fields[name].items()})

    def widget_for(self, field: str) -> QWidget | None:
        key = field.removeprefix("schedule.")
        return self.fields[self.combo.currentData()].get(key) if key != field else None

    def preview(self, schedule: Schedule, eta0: float, epoch_limit: int | None) -> None:
        """Draw η over the epoch limit (or :data:`PREVIEW_SPAN` epochs without one)."""
        epochs = min(epoch_limit or PREVIEW_SPAN, MOST_PREVIEW_EPOCHS)
        why = translate("Designer", PLATEAU_WHY) if schedule.kind.stateful else ""
        self.sparkline.show_values(preview(schedule, epochs, eta0), why)


def _param_field(kind: str, param: Param) -> QAbstractSpinBox:
    name = f"{kind}{param.name.title().replace('_', '')}Spin"
    if param.whole:
        spin = whole_field(int(param.low), int(param.high), name, "", big=True)
    else:
        spin = decimal_field(param.high, 0.05 if param.high <= 1 else 0.1, 4, name, "",
                             minimum=param.low)
    set_tip(spin, translate("Designer", "{label}: {range}").format(  # the registry's (0, 1]
        label=vocabulary(param.label), range=param.range_words().said(translate)))
    return spin


NO_TEST_PART = QT_TRANSLATE_NOOP(
    "Designer", "Early stopping watches the test loss, but the data has no test part: set a "
    "test fraction above 0 to use it")
EARLY_TIP = QT_TRANSLATE_NOOP("Designer",
                              "Stop when the test loss has not improved for this many epochs")


class StoppingWidgets:
    """Target training loss, early stopping (patience, least improvement, restore the best
    weights) and a time limit; each on or off with its check box."""

    def __init__(self, exact: ExactValues) -> None:
        self.exact = exact
        self.target_check = _check(
            translate("Designer", "Stop at a training loss"), "targetLossCheck",
            translate("Designer", "Stop once an epoch's training loss is at most this"))
        self.target_spin = LogSpinBox(1e-12, 1e6)
        self.target_spin.setObjectName("targetLossSpin")
        set_tip(self.target_spin,
                translate("Designer", "The training loss to stop at (1e-12 to 1e+06)"))
        self.early_check = _check(translate("Designer", "Early stopping"), "earlyStoppingCheck",
                                  translate("Designer", EARLY_TIP))
        self.patience_spin = whole_field(
            1, MAX_EPOCHS, "patienceSpin",
            translate("Designer", "Epochs without a better test loss"), big=True)
        self.min_delta_spin = decimal_field(
            10.0, 0.001, 4, "minDeltaSpin",
            translate("Designer", "How much lower a test loss must be to count"))
        self.restore_check = _check(
            translate("Designer", "Restore the best weights"), "restoreBestCheck",
            translate("Designer", "On an early stop, go back to the best epoch's weights"))
        self.time_check = _check(translate("Designer", "Time limit"), "timeLimitCheck",
                                 translate("Designer", "Stop after this much training time"))
        self.seconds_spin = LogSpinBox(0.1, MAX_SECONDS)
        self.seconds_spin.setObjectName("secondsSpin")
        set_tip(self.seconds_spin, translate(
            "Designer", "Seconds of training (0.1 to {most})").format(most=f"{MAX_SECONDS:,}"))
        self.target_spin.setValue(1e-3)
        self.patience_spin.setValue(50)
        self.seconds_spin.setValue(60)
        self._has_test = True
        for check in (self.target_check, self.early_check, self.time_check):
            check.toggled.connect(self._enable)

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.target_check)
        form.addRow(translate("Designer", "Target loss"), self.target_spin)
        form.addRow(self.early_check)
        form.addRow(translate("Designer", "Patience"), self.patience_spin)
        form.addRow(translate("Designer", "Better by"), self.min_delta_spin)
        form.addRow(self.restore_check)
        form.addRow(self.time_check)
        form.addRow(translate("Designer", "Seconds"), self.seconds_spin)

    def spin_boxes(self) -> list[QAbstractSpinBox]:
        return [self.target_spin, self.patience_spin, self.min_delta_spin, self.seconds_spin]

    def checks(self) -> list[QCheckBox]:
        return [self.target_check, self.early_check, self.restore_check, self.time_check]

    def focus_chain(self) -> list[QWidget]:
        return [self.target_check, self.target_spin, self.early_check, self.patience_spin,
                self.min_delta_spin, self.restore_check, self.time_check, self.seconds_spin]

    def _enable(self) -> None:
        early = self._has_test and self.early_check.isChecked()
        self.early_check.setEnabled(self._has_test)
        self.early_check.setToolTip(translate("Designer", EARLY_TIP) if self._has_test
                                    else translate("Designer", NO_TEST_PART))
        self.target_spin.setEnabled(self.target_check.isChecked())
        for widget in (self.patience_spin, self.min_delta_spin, self.restore_check):
            widget.setEnabled(early)
        self.seconds_spin.setEnabled(self.time_check.isChecked())

    def set_has_test(self, has_test: bool) -> None:
        """Early stopping is offered only while the data has a test part; without one it
        is switched off (the caller emits the change)."""
        self._has_test = has_test
        if not has_test:
            self.early_check.setChecked(False)
        self._enable()

    def show(self, rules: StopRules) -> None:
        self.target_check.setChecked(rules.target_loss is not None)
        self.early_check.setChecked(rules.patience is not None)
        self.restore_check.setChecked(rules.restore_best)
        self.time_check.setChecked(rules.seconds is not None)
        for spin, value in ((self.target_spin, rules.target_loss),
                            (self.patience_spin, rules.patience),
                            (self.seconds_spin, rules.seconds)):
            if value is not None:
                self.exact.show(spin, value)
        self.exact.show(self.min_delta_spin, rules.min_delta)
        self._enable()

    def read(self) -> StopRules:
        early = self._has_test and self.early_check.isChecked()
        target = self.target_check.isChecked()
        return StopRules(
            target_loss=self.exact.read(self.target_spin) if target else None,
            patience=self.exact.read(self.patience_spin) if early else None,
            min_delta=self.exact.read(self.min_delta_spin),
            restore_best=early and self.restore_check.isChecked(),
            seconds=self.exact.read(self.seconds_spin) if self.time_check.isChecked() else None,
        )

    def widget_for(self, field: str) -> QWidget | None:
        return {"stopping.target_loss": self.target_spin, "stopping.patience": self.patience_spin,
                "stopping.min_delta": self.min_delta_spin,
                "stopping.seconds": self.seconds_spin}.get(field)


def _check(text: str, name: str, tip: str) -> QCheckBox:
    check = QCheckBox(text)
    check.setObjectName(name)
    set_tip(check, tip)
    return check


def edited_signals(schedule: ScheduleWidgets, stopping: StoppingWidgets) -> list[SignalInstance]:
    """Every signal of an edit to the schedule or the stopping rules."""
    return [schedule.combo.currentIndexChanged,
            *(w.valueChanged for w in chain(schedule.spin_boxes(), stopping.spin_boxes())),
            *(c.toggled for c in stopping.checks())]
