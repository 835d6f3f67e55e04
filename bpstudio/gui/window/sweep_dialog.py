"""The Sweep dialog: vary one setting (or two, for a grid) over several seeds, train every
run in the background on a process pool, and plot the results.

Values are typed as ``bpstudio sweep --vary`` takes them (a list ``2,4,8``, a range
``5:100:5``, or ``1e-3:1:log5`` for N values evenly spaced on a log scale) and read by the
same parser, so the app's sweep and the command line's are one sweep: the same inputs give
the same table. A click on a run's dot (or a grid cell) opens that run as the document.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpstudio.core.metrics import score_name
from bpstudio.core.text import shorten
from bpstudio.experiments import SweepProgress, SweepResults, SweepSpec, parse_vary
from bpstudio.headless import duration
from bpstudio.limits import MAX_SWEEP_EPOCHS, MAX_SWEEP_SEEDS
from bpstudio.session import Session

from ..vocabulary import refusal_words
from .export import export_plot
from .sweep_choices import example_values, settings_combo
from .sweep_plot import SweepPlot, metric_keys
from .sweep_runner import SweepRunner

translate = QCoreApplication.translate


class SweepDialog(QDialog):
    """``sweepDialog``. ``base()`` gives the session to sweep (the document's, at the moment
    Run is pressed); ``open_run(session)`` makes a run the document."""

    def __init__(self, base: Callable[[], Session], open_run: Callable[[Session], None],
                 parent: QWidget | None = None, runner: SweepRunner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sweepDialog")
        self.setWindowTitle(translate("Sweep", "Sweep"))
        self.base, self.open_run = base, open_run
        self.runner = runner or SweepRunner(self)
        self.runner.progressed.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.results: SweepResults | None = None
        self.references: list[tuple[str, float]] = []
        self.setting_combo = settings_combo("sweepSettingCombo")
        self.values_edit = QLineEdit(objectName="sweepValuesEdit")
        self.grid_check = QCheckBox(translate("Sweep", "and a second setting (a grid)"),
                                    objectName="sweepGridCheck")
        self.setting2_combo = settings_combo("sweepSetting2Combo")
        self.values2_edit = QLineEdit(objectName="sweepValues2Edit")
        for edit in (self.values_edit, self.values2_edit):
            edit.setToolTip(translate(
                "Sweep", "A list (2,4,8), a range START:STOP:STEP (5:100:5), or N values evenly "
                "spaced on a log scale START:STOP:logN (1e-3:1:log5)"))
        self.setting_combo.currentIndexChanged.connect(
            lambda: self.values_edit.setText(example_values(self._name(1))))
        self.setting2_combo.currentIndexChanged.connect(
            lambda: self.values2_edit.setText(example_values(self._name(2))))
        self.setting2_combo.setCurrentIndex(self.setting2_combo.findData("lr"))
        self.values_edit.setText(example_values("hidden"))
        self.grid_check.toggled.connect(self._sync)
        self.seeds_spin = QSpinBox(objectName="sweepSeedsSpin", minimum=1,
                                   maximum=MAX_SWEEP_SEEDS, value=3)
        self.epochs_spin = QSpinBox(objectName="sweepEpochsSpin", minimum=1,
                                    maximum=MAX_SWEEP_EPOCHS, value=100)
        self.target_edit = QLineEdit(objectName="sweepTargetEdit",
                                     placeholderText=translate("Sweep", "none"))
        self.target_edit.setToolTip(translate(
            "Sweep", "A train loss: the results report the first epoch at or below it"))
        self.run_button = QPushButton(translate("Sweep", "Run"), objectName="sweepRunButton")
        self.cancel_button = QPushButton(translate("Sweep", "Cancel"),
                                         objectName="sweepCancelButton")
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.full_button = QPushButton(translate("Sweep", "Full Study"),
                                       objectName="sweepFullButton")
        self.full_button.setToolTip(
            translate("Sweep", "Run the lesson's sweep at the study's own size (slower)"))
        self.full_button.hide()
        self._full_study: Callable[[], None] | None = None
        self.full_button.clicked.connect(lambda: self._full_study and self._full_study())
        self.progress = QProgressBar(objectName="sweepProgressBar")
        self.eta_label = QLabel(objectName="sweepEtaLabel")
        self.status_label = QLabel(objectName="sweepStatusLabel", wordWrap=True)
        self.metric_combo = QComboBox(objectName="sweepMetricCombo")
        self.metric_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.metric_combo.currentIndexChanged.connect(self._replot)
        self.plot = SweepPlot()
        self.plot.run_clicked.connect(self.open_index)
        self.csv_button, self.png_button, self.svg_button = (
            self._export_button(kind) for kind in ("csv", "png", "svg"))
        self._lay_out()
        self._sync()

    def _lay_out(self) -> None:
        form = QFormLayout()
        first = QHBoxLayout()
        first.addWidget(self.setting_combo)
        first.addWidget(self.values_edit, 1)
        second = QHBoxLayout()
        second.addWidget(self.setting2_combo)
        second.addWidget(self.values2_edit, 1)
        form.addRow(translate("Sweep", "Vary"), first)
        form.addRow(self.grid_check)
        form.addRow("", second)
        counts = QHBoxLayout()
        for label, widget in ((translate("Sweep", "seeds per point"), self.seeds_spin),
                              (translate("Sweep", "epochs"), self.epochs_spin),
                              (translate("Sweep", "target loss"), self.target_edit)):
            counts.addWidget(QLabel(label))
            counts.addWidget(widget)
        counts.addStretch(1)
        form.addRow(translate("Sweep", "Runs"), counts)
        running = QHBoxLayout()
        for widget in (self.run_button, self.cancel_button, self.full_button, self.progress,
                       self.eta_label):
            running.addWidget(widget)
        shown = QHBoxLayout()
        shown.addWidget(QLabel(translate("Sweep", "Show")))
        shown.addWidget(self.metric_combo)
        shown.addStretch(1)
        for widget in (self.csv_button, self.png_button, self.svg_button):
            shown.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(running)
        layout.addWidget(self.status_label)
        layout.addLayout(shown)
        layout.addWidget(self.plot, 1)
        self.resize(820, 640)

    # -- what it does ----------------------------------------------------------------------------

    def configure(self, vary: list[str], seeds: int, epochs: int,
                  target_loss: float | None = None) -> None:
        """Fill in the form (a lesson, a test): ``vary`` as ``NAME=VALUES`` texts."""
        for i, text in enumerate(vary):
            name, _, values = text.partition("=")
            combo, edit = ((self.setting_combo, self.values_edit) if i == 0
                           else (self.setting2_combo, self.values2_edit))
            combo.setCurrentIndex(combo.findData(name))
            edit.setText(values)
        self.grid_check.setChecked(len(vary) > 1)
        self.seeds_spin.setValue(seeds)
        self.epochs_spin.setValue(epochs)
        self.target_edit.setText("" if target_loss is None else repr(target_loss))

    def spec(self) -> SweepSpec:
        """The sweep the form describes; ``ValueError`` naming what to fix."""
        vary = [parse_vary(f"{self._name(1)}={self.values_edit.text()}")]
        if self.grid_check.isChecked():
            vary.append(parse_vary(f"{self._name(2)}={self.values2_edit.text()}"))
        target = self.target_edit.text().strip()
        try:
            target_loss = float(target) if target else None
        except ValueError:
            raise ValueError(f"target loss: expected a number, got {target!r}") from None
        return SweepSpec(tuple(vary), seeds=self.seeds_spin.value(),
                         epochs=self.epochs_spin.value(), target_loss=target_loss)

    def run(self) -> None:
        """Start the sweep the form describes, in the background."""
        if self.runner.running:
            return
        try:
            spec = self.spec()
            base = self.base()
        except ValueError as exc:
            self.status_label.setText(shorten(refusal_words(exc)))
            return
        self.progress.setValue(0)
        self.eta_label.setText(translate("Sweep", "starting…"))
        self.status_label.setText("")
        self.runner.start(base, spec)
        self._sync()

    def open_index(self, index: int) -> None:
        """Make run ``index`` of the results the document."""
        if self.results is not None and index in self.results.outcomes:
            self.open_run(self.results.session_of(index))

    def export(self, path: str, kind: str) -> str:
        """Write the run table (``csv``) or the plot (``png``, ``svg``) to ``path``."""
        if kind == "csv":
            self.results.write_csv(path)
            return path
        return export_plot(self.plot, path, kind)

    def offer_full_study(self, run_full: Callable[[], None]) -> None:
        """Show the Full Study button (a lesson's sweep at the study's own size)."""
        self._full_study = run_full
        self.full_button.show()

    def set_reference_lines(self, lines: list[tuple[str, float]]) -> None:
        self.references = list(lines)
        self.plot.set_reference_lines(self.references)

    def shutdown(self) -> None:
        """Cancel a running sweep and wait until it (and its processes) ended."""
        self.runner.shutdown()

    def closeEvent(self, event) -> None:
        self.runner.cancel()
        super().closeEvent(event)

    # -- replies ---------------------------------------------------------------------------------

    def _on_progress(self, progress: SweepProgress) -> None:
        self.progress.setValue(round(1000 * progress.fraction) // 10)
        left = "?" if progress.eta is None else duration(progress.eta)
        self.eta_label.setText(translate("Sweep", "{done}/{runs} runs, {left} left").format(
            done=progress.runs_done, runs=progress.runs, left=left))

    def _on_finished(self, results: SweepResults) -> None:
        self.results = results
        ended = sum(o.status != "cancelled" for o in results.outcomes.values())
        cancelled = (translate("Sweep", "; cancelled: the runs that ended are kept")
                     if results.cancelled else "")
        self.status_label.setText(translate(
            "Sweep", "{ended} of {runs} runs ended in {time}{cancelled}").format(
                ended=ended, runs=len(results.runs), time=duration(results.seconds),
                cancelled=cancelled))
        if not results.cancelled:
            self.progress.setValue(100)
        self.eta_label.setText("")
        keys = metric_keys(score_name(results.task), results.spec.target_loss is not None)
        chosen = self.metric_combo.currentData()
        self.metric_combo.blockSignals(True)
        self.metric_combo.clear()
        for label, key in keys.items():
            self.metric_combo.addItem(label, key)
        self.metric_combo.setCurrentIndex(max(self.metric_combo.findData(chosen), 0))
        self.metric_combo.blockSignals(False)
        self._replot()
        self._sync()

    def _on_failed(self, message: str) -> None:
        self.status_label.setText(shorten(
            translate("Sweep", "The sweep failed: {reason}").format(reason=message)))
        self.eta_label.setText("")
        self._sync()

    def _replot(self) -> None:
        if self.results is not None and self.results.outcomes and self.metric_combo.count():
            self.plot.show_results(self.results, self.metric_combo.currentData())

    def _export_button(self, kind: str) -> QPushButton:
        button = QPushButton(translate("Sweep", "Export {format}…").format(format=kind.upper()),
                             objectName=f"sweep{kind.title()}Button")
        button.clicked.connect(lambda: self._ask_and_export(kind))
        return button

    def _ask_and_export(self, kind: str) -> None:
        what = {"csv": translate("Sweep", "CSV table (*.csv)"),
                "png": translate("Sweep", "PNG image (*.png)"),
                "svg": translate("Sweep", "SVG drawing (*.svg)")}[kind]
        path, _ = QFileDialog.getSaveFileName(self, translate("Sweep", "Export"),
                                              f"sweep.{kind}", what)
        if path:
            try:
                self.export(path, kind)
            except (OSError, ValueError) as exc:
                self.status_label.setText(shorten(
                    translate("Sweep", "Cannot export: {reason}").format(reason=exc)))

    def _name(self, which: int) -> str:
        return (self.setting_combo if which == 1 else self.setting2_combo).currentData()

    def _sync(self) -> None:
        running = self.runner.running
        grid = self.grid_check.isChecked()
        self.setting2_combo.setEnabled(grid)
        self.values2_edit.setEnabled(grid)
        self.run_button.setEnabled(not running)
        self.full_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        has = self.results is not None and bool(self.results.outcomes)
        for button in (self.csv_button, self.png_button, self.svg_button):
            button.setEnabled(has and not running)

