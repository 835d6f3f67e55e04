"""A table of the training samples to pick one from (the step inspector's "Choose…").

The model reads cells from the arrays as the view asks for them, so 100,000 samples open at
once. Each row shows the spreadsheet-free sample number the inspector uses, the inputs in
the data's own units and the target (a class's name for classification).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bpstudio.core.dataset import Dataset
from bpstudio.session import PreparedData

from ..views.number_format import format_value

Index = QModelIndex | QPersistentModelIndex


class SamplesModel(QAbstractTableModel):
    """The samples of one part of the data: inputs, then target(s)."""

    def __init__(self, part: Dataset, data: PreparedData) -> None:
        super().__init__()
        self._part = part
        self._classes = data.class_names
        self._headers = [*data.input_names, *data.target_names]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._part.n_samples

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row, column = index.row(), index.column()
        n_inputs = self._part.X.shape[1]
        if column < n_inputs:
            return format_value(float(self._part.X[row, column]))
        if self._classes:
            return self._classes[int(self._part.y[row])]
        return format_value(float(self._part.y[row, column - n_inputs]))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return str(section)


class SampleDialog(QDialog):
    """Pick a training sample: double-click a row, or select it and press OK;
    :attr:`chosen` is its number (``None`` until one is chosen)."""

    def __init__(self, data: PreparedData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sampleDialog")
        self.setWindowTitle(self.tr("Choose a training sample"))
        self.chosen: int | None = None
        self.table = QTableView()
        self.table.setObjectName("samplesTable")
        self.table.setModel(SamplesModel(data.train, data))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda index: self._choose(index.row()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._choose_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{n} training samples; the step inspector traces the one "
                                        "you choose.").format(n=f"{data.train.n_samples:,}")))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(520, 480)

    def _choose_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._choose(rows[0].row())

    def _choose(self, row: int) -> None:
        self.chosen = row
        self.accept()
