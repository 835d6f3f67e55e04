"""The Compare dock's panel: a table of the live run and the pinned runs, and the buttons
that act on the chosen pinned run (show its regions, restart from its start, remove it).

It only shows rows and reports what the person asks (:class:`~.compare.CompareCommands`
acts on it); the name cell of a pinned run is edited in place to rename it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


@dataclass(frozen=True)
class CompareRow:
    """One row: the run's name, what differs from the live run (words), and its numbers as
    shown."""

    name: str
    differs: str
    cells: tuple[str, ...]


def columns(score: str) -> list[str]:
    """The table's headings for a task scored by ``score`` (accuracy or R²)."""
    label = "R²" if score == "r2" else translate("Compare", "accuracy")
    scored = [translate("Compare", "final train {score}"),
              translate("Compare", "best train {score}"),
              translate("Compare", "final test {score}"),
              translate("Compare", "best test {score}")]
    return [translate("Compare", "run"), translate("Compare", "differs from the live run"),
            translate("Compare", "epochs"), translate("Compare", "time"),
            translate("Compare", "final train loss"), translate("Compare", "best train loss"),
            translate("Compare", "final test loss"), translate("Compare", "best test loss"),
            *(heading.format(score=label) for heading in scored)]


class ComparePanel(QWidget):
    """``comparePanel``: the table ``compareTable`` (row 0 the live run) and its buttons."""

    rename_requested = Signal(str, str)
    remove_requested = Signal(str)
    same_start_requested = Signal(str)
    regions_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePanel")
        self.table = QTableWidget(0, len(columns("accuracy")), objectName="compareTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        buttons = QHBoxLayout()
        self.pin_button = QPushButton(objectName="pinButton")
        self.regions_button = QPushButton(translate("Compare", "Show Regions"),
                                          objectName="pinRegionsButton")
        self.regions_button.setToolTip(translate(
            "Compare", "Show the chosen pinned run's decision regions beside the live ones"))
        self.same_start_button = QPushButton(translate("Compare", "Same Start"),
                                             objectName="sameStartButton")
        self.same_start_button.setToolTip(translate(
            "Compare", "Restart the live run from the chosen pinned run's starting weights, "
            "data, split and order of samples: only what you changed differs"))
        self.remove_button = QPushButton(translate("Compare", "Remove"),
                                         objectName="removePinButton")
        for button, signal in ((self.regions_button, self.regions_requested),
                               (self.same_start_button, self.same_start_requested),
                               (self.remove_button, self.remove_requested)):
            button.clicked.connect(lambda _=False, s=signal: self._emit_chosen(s))
        buttons.addWidget(self.pin_button)
        for button in (self.regions_button, self.same_start_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._names: list[str] = []
        self._sync_buttons()

    def show_rows(self, rows: list[CompareRow], score: str) -> None:
        """Row 0 is the live run; the others the pinned runs, whose names can be edited."""
        chosen = self.chosen()
        self.table.blockSignals(True)
        self.table.setHorizontalHeaderLabels(columns(score))
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate((row.name, row.differs, *row.cells)):
                item = QTableWidgetItem(text)
                editable = r > 0 and c == 0
                flags = item.flags() & ~Qt.ItemFlag.ItemIsEditable
                item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self._names = [row.name for row in rows]
        self.table.blockSignals(False)
        if chosen in self._names[1:]:
            self.table.selectRow(self._names.index(chosen))
        self._sync_buttons()

    def show_live_row(self, row: CompareRow) -> None:
        """Row 0's numbers again, as the live run goes on (the pinned rows stay)."""
        if not self._names:
            return
        self.table.blockSignals(True)
        for c, text in enumerate((row.name, row.differs, *row.cells)):
            item = self.table.item(0, c)
            if c != 1 and item is not None:  # what differs is said when the rows are shown
                item.setText(text)
        self._names[0] = row.name
        self.table.blockSignals(False)

    def chosen(self) -> str | None:
        """The pinned run chosen in the table (``None``: none, or the live run)."""
        rows = {index.row() for index in self.table.selectedIndexes()}
        row = next(iter(rows), 0)
        return self._names[row] if rows and 0 < row < len(self._names) else None

    def choose(self, name: str) -> None:
        self.table.selectRow(self._names.index(name))

    def cell(self, row: int, heading: str) -> str:
        """The text shown in ``row`` under ``heading`` (tests, scripts)."""
        headings = [self.table.horizontalHeaderItem(c).text()
                    for c in range(self.table.columnCount())]
        return self.table.item(row, headings.index(heading)).text()

    def _emit_chosen(self, signal: Signal) -> None:
        name = self.chosen()
        if name is not None:
            signal.emit(name)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0 and 0 < item.row() < len(self._names):
            self.rename_requested.emit(self._names[item.row()], item.text().strip())

    def _sync_buttons(self) -> None:
        chosen = self.chosen() is not None
        for button in (self.regions_button, self.same_start_button, self.remove_button):
            button.setEnabled(chosen)
