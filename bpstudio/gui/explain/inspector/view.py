"""The step inspector: one forward and backward pass, matrix by matrix, as the book draws it.

The numbers come from :func:`bpstudio.core.steptrace.trace_step`; this view only lays them
out. Selecting a cell colours the cells it was computed from. "Apply step" asks the window
to perform the shown update (``apply_step_requested``); the view never changes a network
the window owns: it traces a private copy.

Over 300 lines on purpose: the inspector's controls (batch, step, format, apply) all act on
the one trace it shows; the tables and the pages are in :mod:`.entry_panel`,
:mod:`.step_page` and :mod:`.matrix_model`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpstudio.core import Network
from bpstudio.core.cellmath import explain_cell
from bpstudio.core.snapshot import PlotGrid, TrainingSnapshot
from bpstudio.core.steptrace import StepTrace, format_number, trace_step
from bpstudio.core.text import shorten
from bpstudio.core.translatable import QT_TRANSLATE_NOOP
from bpstudio.lessons import InspectorPreset
from bpstudio.session import PreparedData

from ..translated import translated
from .entry_panel import EntryPanel
from .step_page import StepPage

BATCH_LABELS = {
    "all": QT_TRANSLATE_NOOP("Inspector", "Whole training set"),
    "sample": QT_TRANSLATE_NOOP("Inspector", "One sample"),
    "minibatch": QT_TRANSLATE_NOOP("Inspector", "Next mini-batch"),
    "point": QT_TRANSLATE_NOOP("Inspector", "Clicked point"),
}


class InspectorView(QWidget):
    """Walks through a :class:`StepTrace`; recomputes it when the batch or weights change."""

    apply_step_requested = Signal(object)  # the StepTrace whose update the window applies
    sample_wanted = Signal()  # "Choose…": the window offers a table of the samples

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorView")
        self._net: Network | None = None
        self._X = self._Y = None
        self._lr = 0.1
        self._minibatch: np.ndarray | None = None
        self._point: tuple[np.ndarray, np.ndarray] | None = None  # a clicked point's X, Y rows
        self._trace: StepTrace | None = None
        self._step = 0
        self._selected: tuple[str, int, int] | None = None
        self._build()
        self.clear()

    # -- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.batch_combo = QComboBox(objectName="batchCombo")
        for kind, label in BATCH_LABELS.items():
            self.batch_combo.addItem(QCoreApplication.translate("Inspector", label), kind)
        self.sample_spin = QSpinBox(objectName="sampleSpin", prefix=self.tr("sample "))
        self.choose_button = QPushButton(self.tr("Choose…"), objectName="chooseSampleButton")
        self.choose_button.setToolTip(self.tr("Pick the sample from a table of the training data"))
        self.follow_check = QCheckBox(self.tr("Follow training"), objectName="followCheck",
                                      checked=True)
        self.follow_check.setToolTip(
            self.tr("Re-trace with the latest weights while training runs"))
        self.precision_spin = QSpinBox(objectName="precisionSpin", minimum=0, maximum=12)
        self.precision_spin.setValue(3)
        self.significant_check = QCheckBox(self.tr("significant digits"),
                                           objectName="significantCheck")
        self.copy_button = QPushButton(self.tr("Copy as CSV"), objectName="copyCsvButton")
        self.copy_button.setToolTip(self.tr("Copy the selected matrix, every digit, as CSV"))
        top = QHBoxLayout()
        for w in (QLabel(self.tr("Batch:")), self.batch_combo, self.sample_spin, self.choose_button,
                  self.follow_check):
            top.addWidget(w)
        top.addStretch(1)
        for w in (QLabel(self.tr("Precision:")), self.precision_spin, self.significant_check,
                  self.copy_button):
            top.addWidget(w)

        self.prev_button = QPushButton(self.tr("◀ Previous"), objectName="previousStepButton")
        self.next_button = QPushButton(self.tr("Next ▶"), objectName="nextStepButton")
        self.step_combo = QComboBox(objectName="stepCombo")
        self.step_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # the step's name is never cut short; in a narrow dock the summary wraps instead
        self.step_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.summary_label = QLabel(objectName="summaryLabel", wordWrap=True)
        self.summary_label.setStyleSheet("color: #6b6b6b;")
        self.summary_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        nav = QHBoxLayout()
        for w in (self.prev_button, self.step_combo, self.next_button):
            nav.addWidget(w)
        nav.addWidget(self.summary_label, 1)

        self.page = StepPage()
        self.page.cell_selected.connect(self._on_cell_selected)
        scroll = QScrollArea(objectName="inspectorScroll", widgetResizable=True)
        scroll.setWidget(self.page)

        self.arithmetic_label = QLabel(objectName="arithmeticLabel", wordWrap=True)
        self.arithmetic_label.setStyleSheet("font-family: serif; font-size: 13pt;")
        self.arithmetic_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.message_label = QLabel(objectName="messageLabel", wordWrap=True)
        self.message_label.setStyleSheet("color: #6b6b6b;")
        self.apply_button = QPushButton(self.tr("Apply step"), objectName="applyStepButton")
        self.apply_button.setToolTip(self.tr("Perform this update (W ← W − η·dW) on the network"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(self.apply_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addLayout(nav)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.arithmetic_label)
        layout.addLayout(bottom)

        self.batch_combo.currentIndexChanged.connect(self._on_batch_changed)
        self.sample_spin.valueChanged.connect(self._retrace)
        self.precision_spin.valueChanged.connect(self._apply_format)
        self.significant_check.toggled.connect(self._apply_format)
        self.copy_button.clicked.connect(self.copy_csv)
        self.choose_button.clicked.connect(self.sample_wanted)
        self.prev_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        self.step_combo.activated.connect(self.show_step)
        self.apply_button.clicked.connect(self._on_apply)

    # -- what the window calls --------------------------------------------------------------------

    def set_problem(
        self, net: Network, X: np.ndarray, Y: np.ndarray, learning_rate: float,
        minibatch: np.ndarray | None = None,
    ) -> None:
        """Trace ``net`` (copied) on the training inputs ``X`` (as the network sees them) and
        targets ``Y``; ``minibatch`` are the rows of the trainer's next step, if known."""
        self._net = net.copy()
        self._X, self._Y = np.asarray(X), np.asarray(Y)
        self._lr = float(learning_rate)
        self._minibatch = None if minibatch is None else np.asarray(minibatch)
        if self._point is not None and self._point[0].shape[1] != self._X.shape[1]:
            self._point = None  # a point of other data
        self.sample_spin.blockSignals(True)
        self.sample_spin.setRange(0, max(len(self._X) - 1, 0))
        self.sample_spin.blockSignals(False)
        self._sync_batch_items()
        self._retrace()

    def set_learning_rate(self, learning_rate: float) -> None:
        self._lr = float(learning_rate)
        self._retrace()

    def set_minibatch(self, rows: np.ndarray | None) -> None:
        self._minibatch = None if rows is None else np.asarray(rows)
        self._sync_batch_items()
        if self.batch_kind == "minibatch":
            self._retrace()

    def set_point(self, X: np.ndarray | None, Y: np.ndarray | None = None) -> None:
        """Offer one point that is not a training sample (a click on a plot) as the batch
        "Clicked point": its inputs as the network sees them and a target, one row each;
        ``None``: no point (new data)."""
        self._point = None if X is None else (np.asarray(X, dtype=float).reshape(1, -1),
                                              np.asarray(Y, dtype=float).reshape(1, -1))
        self._sync_batch_items()
        if self.batch_kind == "point":
            self._retrace()

    def show_sample(self, row: int) -> None:
        """Trace training sample ``row`` alone (batch "One sample")."""
        self.sample_spin.setValue(row)
        self.batch_combo.setCurrentIndex(self.batch_combo.findData("sample"))

    def set_data(self, data: PreparedData, grid: PlotGrid | None) -> None:
        """Nothing to draw from the data alone: the window calls :meth:`set_problem`."""

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        """Take the snapshot's weights (same architecture only) and re-trace if following."""
        net = self._net
        if net is None or not self.follow_check.isChecked():
            return
        if [w.shape for w in snapshot.weights] != [w.shape for w in net.weights] or (
            len(snapshot.biases) != len(net.biases)
        ):
            return  # another architecture: the window calls set_problem after the rebuild
        for mine, theirs in zip(net.weights + net.biases, snapshot.weights + snapshot.biases):
            mine[...] = theirs
        if self.isVisible():
            self._retrace()

    def apply_preset(self, preset: InspectorPreset) -> None:
        """Open as a lesson asks: batch, sample, number format and step."""
        self.precision_spin.setValue(preset.precision)
        self.significant_check.setChecked(preset.significant)
        self.sample_spin.setValue(preset.sample)
        self.batch_combo.setCurrentIndex(self.batch_combo.findData(preset.batch))
        self.show_step(preset.step)

    def show_trace(self, trace: StepTrace) -> None:
        """Lay out ``trace``, keeping the current step and selected cell where they exist.

        A trace of the same layout (new weights while training) only refreshes the numbers.
        """
        old, self._trace = self._trace, trace
        if old is not None and _same_layout(old, trace) and self.page.panels:
            self.page.refresh(trace)
            self._show_summary(trace)
            self._show_arithmetic()
            return
        self.step_combo.clear()
        for i, step in enumerate(trace.steps, start=1):
            self.step_combo.addItem(self.tr("Step {number} of {count}: {title}").format(
                number=i, count=len(trace.steps), title=translated("Inspector", step.title)))
        self._show_summary(trace)
        self.message_label.setText("")
        titles = [step.title for step in trace.steps]
        if old is not None and old.steps[self._step].title in titles:
            self._step = titles.index(old.steps[self._step].title)  # same step, new layout
        self.show_step(min(self._step, len(trace.steps) - 1))

    def _show_summary(self, trace: StepTrace) -> None:
        n = trace["X"].shape[0]
        samples = self.tr("N = 1 sample") if n == 1 else self.tr("N = {n} samples").format(n=n)
        items = (self.tr("loss = {loss}").format(loss=f"{trace.loss:.6g}"),
                 f"η = {trace.learning_rate:g}", samples, self.tr("update: plain SGD, no L2"))
        # a narrow dock wraps the line between the items, never inside one
        self.summary_label.setText("   ".join(item.replace(" ", "\u00a0") for item in items))

    def clear(self) -> None:
        self._net, self._trace, self._selected = None, None, None
        self.sample_spin.setRange(0, 0)
        self.step_combo.clear()
        self.summary_label.setText("")
        self.page.clear()
        self._show_arithmetic()
        self.message_label.setText(
            self.tr("Open or build a network to see one backpropagation step."))
        self._sync_buttons()

    @property
    def trace(self) -> StepTrace | None:
        return self._trace

    @property
    def batch_kind(self) -> str:
        return self.batch_combo.currentData()

    @property
    def current_step(self) -> int:
        return self._step

    def panel(self, key: str) -> EntryPanel | None:
        return self.page.panels.get(key)

    # -- stepping ---------------------------------------------------------------------------------

    def show_step(self, index: int) -> None:
        if self._trace is None:
            self._step = max(index, 0)
            return
        self._step = int(np.clip(index, 0, len(self._trace.steps) - 1))
        self.step_combo.setCurrentIndex(self._step)
        self._build_page()
        self._sync_buttons()

    def next_step(self) -> None:
        self.show_step(self._step + 1)

    def previous_step(self) -> None:
        self.show_step(self._step - 1)

    # -- copying ----------------------------------------------------------------------------------

    def csv_text(self, key: str) -> str:
        """Entry ``key`` as CSV, one row per line, every digit (``repr`` of each float)."""
        value = self._trace[key].value
        return "\n".join(",".join(repr(float(v)) for v in row) for row in value) + "\n"

    def copy_csv(self) -> None:
        key = self.selected_key
        if key is not None:
            QGuiApplication.clipboard().setText(self.csv_text(key))
            self.message_label.setText(self.tr("Copied {matrix} as CSV.").format(
                matrix=translated("Inspector", self._trace[key].title)))

    @property
    def selected_key(self) -> str | None:
        """The entry of the selected cell, else the first entry computed in this step."""
        if self._selected is not None and self._selected[0] in self.page.panels:
            return self._selected[0]
        if self._trace is None:
            return None
        return self._trace.steps[self._step].keys[0]

    # -- internals --------------------------------------------------------------------------------

    def _rows(self) -> np.ndarray:
        kind, n = self.batch_kind, len(self._X)
        if kind == "sample":
            return np.array([min(self.sample_spin.value(), n - 1)])
        if kind == "minibatch" and self._minibatch is not None:
            return self._minibatch
        return np.arange(n)

    def _retrace(self) -> None:
        if self._net is None:
            return
        rows = self._rows()
        X, Y = self._point if self.batch_kind == "point" else (self._X[rows], self._Y[rows])
        try:
            trace = trace_step(self._net, X, Y, self._lr)
        except ValueError as error:
            self._trace = None
            self.page.clear()
            self.message_label.setText(shorten(str(error)))
            self._sync_buttons()
            return
        self.show_trace(trace)

    def _on_batch_changed(self) -> None:
        self.sample_spin.setVisible(self.batch_kind == "sample")
        self.choose_button.setVisible(self.batch_kind == "sample")
        self._retrace()

    def _sync_batch_items(self) -> None:
        for kind, possible in (("minibatch", self._minibatch is not None),
                               ("point", self._point is not None)):
            item = self.batch_combo.model().item(self.batch_combo.findData(kind))
            item.setEnabled(possible)
            if not possible and self.batch_kind == kind:
                self.batch_combo.setCurrentIndex(self.batch_combo.findData("all"))

    def _sync_buttons(self) -> None:
        has = self._trace is not None
        self.prev_button.setEnabled(has and self._step > 0)
        self.next_button.setEnabled(has and self._step < len(self._trace.steps) - 1)
        for w in (self.apply_button, self.copy_button, self.step_combo):
            w.setEnabled(has)
        self.sample_spin.setVisible(self.batch_kind == "sample")
        self.choose_button.setVisible(self.batch_kind == "sample")

    def _build_page(self) -> None:
        """Lay out the current step and restore the selected cell if it is still there."""
        self.page.show_step(self._trace, self._step)
        self._apply_format()
        if self._selected is not None and self._selected[0] in self.page.panels:
            key, row, col = self._selected
            shape = self._trace[key].shape
            if row < shape[0] and col < shape[1]:
                self.page.panels[key].select_cell(row, col)
                return
        self._selected = None
        self._show_arithmetic()

    def _apply_format(self) -> None:
        self.page.set_format(self.precision_spin.value(), self.significant_check.isChecked())
        self._show_arithmetic()

    def _format(self, value: float) -> str:
        return format_number(value, self.precision_spin.value(), self.significant_check.isChecked())

    def _show_arithmetic(self) -> None:
        """The selected cell worked out by hand, at the chosen precision."""
        selected = self._selected
        if self._trace is None or selected is None or selected[0] not in self.page.panels:
            self.arithmetic_label.setText(self.tr("Select a cell to see how it was computed."))
            return
        self.arithmetic_label.setText(
            translated("Inspector", explain_cell(self._trace, *selected, self._format)))

    def _on_cell_selected(self, key: str, row: int, col: int) -> None:
        self._selected = (key, row, col)
        masks = self.page.highlight(self._trace, key, row, col)
        self.message_label.setText(self._describe(key, row, col, masks))
        self._show_arithmetic()

    def _describe(self, key: str, row: int, col: int, masks: dict) -> str:
        entry = self._trace[key]
        parts = [f"{translated('Inspector', entry.title)}[{row}, {col}] = "
                 f"{float(entry.value[row, col])!r}"]
        if masks:
            names = self.tr(", ").join(
                self.tr("{matrix} ({n} cells)").format(
                    matrix=translated("Inspector", self._trace[k].title), n=int(m.sum()))
                for k, m in masks.items())
            parts.append(self.tr("computed from {matrices}").format(matrices=names))
        return "  —  ".join(parts)

    def _on_apply(self) -> None:
        if self._trace is not None:
            self.apply_step_requested.emit(self._trace)


def _same_layout(a: StepTrace, b: StepTrace) -> bool:
    return a.steps == b.steps and all(a[k].shape == b[k].shape for k in a.entries)


def make_inspector_dock(parent: QWidget | None = None) -> QDockWidget:
    """The dock the main window adds: objectName ``inspectorDock``, an :class:`InspectorView`
    inside (``dock.widget()``)."""
    dock = QDockWidget(QCoreApplication.translate("Inspector", "Step inspector"), parent)
    dock.setObjectName("inspectorDock")
    dock.setWidget(InspectorView(dock))
    return dock
