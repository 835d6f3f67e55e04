"""The gradient check's result: relative error per parameter array, green below 1e-7 or
within the noise of finite differences, and the single worst parameter named. The check itself
runs in the worker (:func:`bpstudio.core.diagnostics.check_gradients`); this panel asks for it
and shows it."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpstudio.core.diagnostics import RELATIVE_TOLERANCE, GradientCheckReport
from bpstudio.core.text import shorten

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
GOOD = QColor("#d8f0d8")
BAD = QColor("#f8d0c8")


class GradientCheckPanel(QWidget):
    """A button that asks for a gradient check (``check_requested``) and the result table."""

    check_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradientCheckPanel")
        self.button = QPushButton(self.tr("Check gradients"), objectName="gradientCheckButton")
        self.button.setToolTip(self.tr(
            "Compare backpropagation with central finite differences on the training data"
        ))
        self.verdict_label = QLabel(objectName="verdictLabel", wordWrap=True)
        self.worst_label = QLabel(objectName="worstLabel", wordWrap=True)
        self.worst_label.setStyleSheet("color: #444444;")
        self.table = QTableWidget(0, 3, objectName="gradientCheckTable")
        self.table.setHorizontalHeaderLabels([self.tr("array"), self.tr("relative error"), ""])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.button)
        top.addWidget(self.verdict_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.worst_label)
        self.button.clicked.connect(self._on_clicked)
        self.clear()

    def set_running(self, running: bool) -> None:
        """While the worker checks: the button is disabled and the verdict says so."""
        self.button.setEnabled(not running)
        if running:
            self.verdict_label.setText(self.tr("Checking… (two forward passes per parameter)"))

    def show_report(self, report: GradientCheckReport) -> None:
        self.set_running(False)
        self.table.setRowCount(len(report.errors))
        for row, (name, error) in enumerate(report.errors.items()):
            ok = report.agrees(name)
            verdict = self.tr("✗ differs") if not ok else (
                self.tr("✓ agrees") if error < RELATIVE_TOLERANCE else self.tr("✓ within noise"))
            if report.at_kink.get(name):
                verdict += self.tr("; {n} not comparable at a kink").format(n=report.at_kink[name])
            cells = (name, f"{error:.2e}", verdict)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setBackground(QBrush(GOOD if ok else BAD))
                if col == 1:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(row, col, item)
        worst = report.max_error
        noisy = [n for n, e in report.errors.items() if e >= RELATIVE_TOLERANCE]
        if report.all_agree:
            also = ""
            if noisy:
                also = (self.tr("; {arrays} differs by less than {noise}, the noise of finite "
                                "differences (tiny gradients)") if len(noisy) == 1 else
                        self.tr("; {arrays} differ by less than {noise}, the noise of finite "
                                "differences (tiny gradients)")
                        ).format(arrays=", ".join(noisy), noise=f"{report.noise:.0e}")
            self.verdict_label.setText(self.tr(
                "<span style='color:#1e7b1e'><b>Backpropagation is right</b></span>: "
                "relative errors below {tolerance}{also}.{kinks}").format(
                    tolerance=f"{RELATIVE_TOLERANCE:g}", also=also, kinks=_kinks(report)))
        else:
            self.verdict_label.setText(self.tr(
                "<span style='color:#b03a2e'><b>Gradients differ</b></span>: the largest "
                "relative error is {worst}, above {tolerance}, by more than "
                "finite differences can explain.{kinks}").format(
                    worst=f"{worst:.1e}", tolerance=f"{RELATIVE_TOLERANCE:g}",
                    kinks=_kinks(report)))
        difference = abs(report.worst_analytic - report.worst_numeric)
        self.worst_label.setText(self.tr(
            "Worst parameter: <b>{parameter}</b>: backprop {analytic}, finite differences "
            "{numeric} (difference {difference})").format(
                parameter=report.worst_label, analytic=f"{report.worst_analytic:.6g}",
                numeric=f"{report.worst_numeric:.6g}", difference=f"{difference:.1e}"))

    def show_error(self, message: str) -> None:
        """The check could not run (for example no data): say why, keep the old table."""
        self.set_running(False)
        self.verdict_label.setText(
            f"<span style='color:#b03a2e'>{html.escape(shorten(message))}</span>")

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.verdict_label.setText(self.tr("Compare backpropagation with finite differences."))
        self.worst_label.setText("")
        self.button.setEnabled(True)

    def _on_clicked(self) -> None:
        self.set_running(True)
        self.check_requested.emit()


def _kinks(report: GradientCheckReport) -> str:
    """The entries left out because a ReLU kink lay within the step on both sides."""
    n = report.not_comparable
    if not n:
        return ""
    if n == 1:
        return QCoreApplication.translate(
            "GradientCheckPanel", " 1 entry was not comparable at a kink (a ReLU unit switches "
            "within the step on both sides) and left out.")
    return QCoreApplication.translate(
        "GradientCheckPanel", " {n} entries were not comparable at a kink (a ReLU unit "
        "switches within the step on both sides) and left out.").format(n=n)
