"""One matrix of the step trace on screen: title, formula, shape and the table of numbers."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from bpstudio.core.steptrace import TraceEntry

from ..translated import translated
from .matrix_model import MatrixModel

MAX_VISIBLE_ROWS = 12
MAX_TABLE_WIDTH = 560
NOTE_WIDTH = 200
CELL_PADDING = 8
"""Pixels beside the widest number of a column (the "00" adds room for wider digits)."""


class EntryPanel(QFrame):
    """A framed table for one :class:`TraceEntry`; emits ``cell_selected(key, row, col)``."""

    cell_selected = Signal(str, int, int)

    def __init__(self, entry: TraceEntry, earlier: str = "", parent=None) -> None:
        super().__init__(parent)
        self.key = entry.key
        self.setObjectName(f"entry_{entry.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "EntryPanel { background: #ffffff; border: 1px solid #d0d0d0; border-radius: 4px; }"
        )
        title = QLabel(f"<b>{translated('Inspector', entry.title)}</b>"
                       + (f"  <i>({earlier})</i>" if earlier else ""))
        title.setStyleSheet("color: #6b6b6b;" if earlier else "color: #222222;")
        self.formula_label = QLabel(translated("Inspector", entry.formula))
        self.formula_label.setObjectName("formulaLabel")
        self.formula_label.setStyleSheet("font-family: serif; font-size: 13pt; color: #222222;")
        self.formula_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula_label.setVisible(bool(entry.formula))
        rows, cols = entry.shape
        self.shape_label = QLabel(f"{rows} × {cols}")
        self.shape_label.setObjectName("shapeLabel")
        self.shape_label.setStyleSheet("color: #6b6b6b;")
        self.note_label = QLabel(translated("Inspector", entry.note))
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #6b6b6b; font-size: 9pt;")
        self.note_label.setVisible(bool(entry.note))
        self.model = MatrixModel(entry.value, self)
        self.table = QTableView()
        self.table.setObjectName(f"table_{entry.key}")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setStyleSheet("QTableView { selection-background-color: #ffe066;"
                                 " selection-color: #000000; gridline-color: #dddddd; }")
        # fixed sections sized from the numbers' text: ResizeToContents measures every cell on
        # every change (1.5 million data() calls, ~10 s, for a step of a 1-100-1 network)
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setStyleSheet("QHeaderView::section { color: #888888; padding: 0 4px; }")
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        for widget in (title, self.formula_label, self.shape_label):
            layout.addWidget(widget)
        layout.addWidget(self.table)
        layout.addWidget(self.note_label)
        self.fit_table()

    def set_format(self, precision: int, significant: bool) -> None:
        self.model.set_format(precision, significant)
        self.fit_table()

    def fit_table(self) -> None:
        """Size the table to its numbers, up to a screenful: small matrices look like the
        book's, big ones scroll inside their frame."""
        table = self.table
        text = self.model.widest_text()
        table.horizontalHeader().setDefaultSectionSize(
            table.fontMetrics().horizontalAdvance(text + "00") + CELL_PADDING)
        rows = min(self.model.rowCount(), MAX_VISIBLE_ROWS)
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(rows))
        width = table.verticalHeader().sizeHint().width() + 2 * table.frameWidth()
        width += sum(table.columnWidth(c) for c in range(self.model.columnCount()))
        if self.model.rowCount() > MAX_VISIBLE_ROWS:
            width += table.verticalScrollBar().sizeHint().width()
        if width > MAX_TABLE_WIDTH:
            height += table.horizontalScrollBar().sizeHint().height()
        table.setFixedSize(min(width, MAX_TABLE_WIDTH), height)
        # a fixed size, so the panel is as tall as the wrapped note: a row of panels does not
        # ask a wrapped label its height, and a note would be drawn over the table above it
        note_width = max(min(width, MAX_TABLE_WIDTH), NOTE_WIDTH)
        self.note_label.setFixedWidth(note_width)
        if self.note_label.text():
            self.note_label.setFixedHeight(self.note_label.heightForWidth(note_width))

    def select_cell(self, row: int, col: int) -> None:
        index = self.model.index(row, col)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _on_current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.cell_selected.emit(self.key, current.row(), current.column())
