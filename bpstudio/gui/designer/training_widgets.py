"""The designer's training fields, built from the field table
(:data:`~bpstudio.training_fields.TRAINING_FIELDS`): a row's widget kind, range and tool tip
are the table's."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, SignalInstance
from PySide6.QtWidgets import QComboBox, QFormLayout, QToolButton, QWidget

from bpstudio.gui.widgets import LogSpinBox
from bpstudio.session import TrainingConfig
from bpstudio.training_fields import (
    ADVANCED_ROWS,
    DESIGNER_ROWS,
    OPTIMIZER_ROWS,
    TRAINING_FIELDS,
    Count,
    TrainingField,
)

from ..vocabulary import field_text, vocabulary
from .control_widgets import ScheduleWidgets, StoppingWidgets, edited_signals
from .parts import ExactValues, decimal_field, field_of, set_tip, whole_field


class TrainingWidgets:
    """The training fields the designer shows (learning rate, optimizer, momentum, batch
    size, L2, epoch limit), one per row of the field table it names in
    :data:`~bpstudio.training_fields.DESIGNER_ROWS`, and Adam's betas folded away under
    "Advanced" (:data:`~bpstudio.training_fields.ADVANCED_ROWS`); :attr:`widgets` by field
    name. A field only one optimizer uses is enabled while that one is picked."""

    def __init__(self, exact: ExactValues) -> None:
        self.exact = exact
        self.widgets: dict[str, QWidget] = {
            name: _training_widget(TRAINING_FIELDS[name])
            for name in (*DESIGNER_ROWS, *ADVANCED_ROWS)}
        self.form = QFormLayout()
        for name in DESIGNER_ROWS:
            self.form.addRow(field_text(TRAINING_FIELDS[name].widget.label), self.widgets[name])
        self.schedule = ScheduleWidgets(exact)
        self.form.addRow(QCoreApplication.translate("Designer", "Schedule"), self.schedule.row)
        self.form.addRow(self.schedule.pages)
        self.stopping = StoppingWidgets(exact)
        self.stopping.add_rows(self.form)
        self.advanced_button = QToolButton()
        self.advanced_button.setObjectName("advancedTrainingButton")
        self.advanced_button.setText(QCoreApplication.translate("Designer", "Advanced"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setAutoRaise(True)
        self.advanced_button.setToolTip(
            QCoreApplication.translate("Designer", "Show or hide the settings few runs need"))
        self.advanced = QWidget()
        self.advanced.setObjectName("advancedTrainingFields")
        advanced_form = QFormLayout(self.advanced)
        advanced_form.setContentsMargins(0, 0, 0, 0)
        for name in ADVANCED_ROWS:
            advanced_form.addRow(field_text(TRAINING_FIELDS[name].widget.label),
                                 self.widgets[name])
        self.advanced.hide()
        self.advanced_button.toggled.connect(self._fold)
        self.form.addRow(self.advanced_button)
        self.form.addRow(self.advanced)
        self.forms = (self.form, advanced_form, *self.schedule.forms)
        self.widgets["optimizer"].currentIndexChanged.connect(self._enable_optimizer_rows)
        self._enable_optimizer_rows()

    def _fold(self, open_: bool) -> None:
        self.advanced.setVisible(open_)
        self.advanced_button.setArrowType(
            Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)

    def _enable_optimizer_rows(self) -> None:
        optimizer = self.widgets["optimizer"].currentData()
        for name, kind in OPTIMIZER_ROWS.items():
            self.widgets[name].setEnabled(optimizer == kind)

    def fields(self) -> tuple[QWidget, ...]:
        """The number fields (each refuses what it cannot take)."""
        return (*(w for w in self.widgets.values() if not isinstance(w, QComboBox)),
                *self.schedule.spin_boxes(), *self.stopping.spin_boxes())

    def edited_signals(self) -> list[SignalInstance]:
        return [*(w.currentIndexChanged if isinstance(w, QComboBox) else w.valueChanged
                  for w in self.widgets.values()),
                *edited_signals(self.schedule, self.stopping)]

    def focus_chain(self) -> list[QWidget]:
        """The fields in the order a person tabs through them (as they are shown)."""
        return [*(self.widgets[name] for name in DESIGNER_ROWS), self.schedule.combo,
                *self.schedule.spin_boxes(), *self.stopping.focus_chain(),
                self.advanced_button, *(self.widgets[name] for name in ADVANCED_ROWS)]

    def widget_for(self, message: str) -> QWidget | None:
        field = field_of(message)
        return (self.widgets.get(field) or self.schedule.widget_for(field)
                or self.stopping.widget_for(field))

    def show_preview(self, config: TrainingConfig) -> None:
        """η of ``config``'s schedule over its epoch limit, beside the schedule's choice."""
        self.schedule.preview(config.schedule, config.learning_rate, config.epoch_limit)

    def show_config(self, config: TrainingConfig) -> None:
        for name, widget in self.widgets.items():
            value = getattr(config, name)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(widget.findData(value))
            else:  # a count's None (no limit, the full batch) is its 0
                self.exact.show(widget, 0 if value is None else value)
        self.schedule.show(config.schedule)
        self.stopping.show(config.stopping)
        self.show_preview(config)

    def config(self, previous: TrainingConfig) -> TrainingConfig:
        """A config from the fields; the fields not shown are kept from ``previous``."""
        return replace(previous, **{name: self._read(name) for name in self.widgets},
                       schedule=self.schedule.read(), stopping=self.stopping.read())

    def _read(self, name: str) -> object:
        widget = self.widgets[name]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        value = self.exact.read(widget)
        return (value or None) if isinstance(TRAINING_FIELDS[name], Count) else value


def _training_widget(field: TrainingField) -> QWidget:
    """The widget of a training field, as its row of the table describes it."""
    spec = field.widget
    if spec.kind == "combo":
        combo = QComboBox()
        combo.setObjectName(spec.object_name)
        for name, label in field.choices.items():
            combo.addItem(vocabulary(label), name)
        return combo
    if spec.kind == "log":
        spin = LogSpinBox(spec.low, spec.high)
        spin.setObjectName(spec.object_name)
        set_tip(spin, field_text(spec.tooltip))
        return spin
    if spec.kind == "count":
        spin = whole_field(0, field.maximum, spec.object_name, field_text(spec.tooltip),
                           special=field_text(spec.special), big=True)
        spin.setSingleStep(int(spec.step))
        return spin
    return decimal_field(spec.high, spec.step, spec.decimals, spec.object_name,
                         field_text(spec.tooltip))
