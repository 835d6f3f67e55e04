"""The import dialog's table of columns: what each holds and what it is used for.

One row per column of the file: its name, its kind (numbers, whole numbers, text, mixed,
empty), how many cells are missing, and a choice of use (input, target, or left out). A
change of use is one signal, so the dialog chooses the table again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from bpstudio.core.translatable import QT_TRANSLATE_NOOP
from bpstudio.io.csv_import import ColumnSummary

INPUT = QT_TRANSLATE_NOOP("Import", "input")
TARGET = QT_TRANSLATE_NOOP("Import", "target")
LEFT_OUT = QT_TRANSLATE_NOOP("Import", "left out")
USES = (INPUT, TARGET, LEFT_OUT)
NUMBER_KINDS = ("numbers", "whole numbers", "mixed")
"""Kinds a column can be an input as (a mixed one shows the error of its text cell)."""


class ColumnUses(QTableWidget):
    """``uses_changed()`` when the person picks another use for a column."""

    uses_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("columnsTable")
        translate = QCoreApplication.translate
        self.setHorizontalHeaderLabels([
            translate("Import", "Column"), translate("Import", "Holds"),
            translate("Import", "Missing"), translate("Import", "Use as")])
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._names: tuple[str, ...] = ()

    def show_columns(self, summaries: tuple[ColumnSummary, ...]) -> None:
        """Show the columns; a column seen before (same name) keeps its use, a new one gets
        the usual one: the last column is the target, columns of numbers are inputs."""
        before = dict(zip(self._names, self.uses()))
        self._names = tuple(s.name for s in summaries)
        self.setRowCount(len(summaries))
        targets = [n for n, use in before.items() if use == TARGET and n in self._names]
        for row, summary in enumerate(summaries):
            kind = QCoreApplication.translate("Import", summary.kind)
            for column, text in enumerate((summary.name, kind, f"{summary.missing:,}")):
                self.setItem(row, column, QTableWidgetItem(text))
            if summary.name in before:
                use = before[summary.name]
            elif not targets and row == len(summaries) - 1:
                use = TARGET
            else:
                use = INPUT if summary.kind in NUMBER_KINDS else LEFT_OUT
            self.setCellWidget(row, 3, self._use_combo(row, use))
        self.uses_changed.emit()

    def combo(self, row: int) -> QComboBox:
        """The use chooser of column ``row``."""
        widget = self.cellWidget(row, 3)
        assert isinstance(widget, QComboBox)
        return widget

    def row_of(self, name: str) -> int:
        return self._names.index(name)

    def uses(self) -> list[str]:
        return [self.combo(row).currentData() for row in range(self.rowCount())]

    def named(self, use: str) -> list[str]:
        """The names of the columns used as ``use``, in the file's order."""
        return [n for n, u in zip(self._names, self.uses()) if u == use]

    def _use_combo(self, row: int, use: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"useCombo{row}")
        for code in USES:
            combo.addItem(QCoreApplication.translate("Import", code), code)
        combo.setCurrentIndex(combo.findData(use))
        combo.currentIndexChanged.connect(self.uses_changed)
        return combo
