"""A read-only table model for one matrix of the step trace, with the article's colours:
the selected cell in yellow, the cells it was computed from in orange (seeds/001)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from bpstudio.core.steptrace import format_number

ACTIVE = QColor("#ffe066")
SOURCE = QColor("#ffb870")

Index = QModelIndex | QPersistentModelIndex

WIDEST_SAMPLE = 2000


class MatrixModel(QAbstractTableModel):
    """Shows a 2-D array at a chosen precision; rows and columns are numbered from 0."""

    def __init__(self, value: np.ndarray, parent=None) -> None:
        super().__init__(parent)
        self._value = value
        self._precision = 3
        self._significant = False
        self._active: tuple[int, int] | None = None
        self._sources: np.ndarray | None = None

    @property
    def value(self) -> np.ndarray:
        return self._value

    def set_value(self, value: np.ndarray) -> None:
        """New numbers; highlights stay if the shape is the same, else they are cleared."""
        if value.shape == self._value.shape:
            self._value = value
            self._changed_all()
            return
        self.beginResetModel()
        self._value = value
        self._active, self._sources = None, None
        self.endResetModel()

    def set_format(self, precision: int, significant: bool) -> None:
        self._precision, self._significant = precision, significant
        self._changed_all()

    def set_highlight(self, active: tuple[int, int] | None, sources: np.ndarray | None) -> None:
        """Mark ``active`` as the selected cell and the ``sources`` mask as its inputs."""
        self._active, self._sources = active, sources
        self._changed_all()

    def highlighted_sources(self) -> list[tuple[int, int]]:
        if self._sources is None:
            return []
        return [tuple(int(i) for i in rc) for rc in np.argwhere(self._sources)]

    def text(self, row: int, col: int) -> str:
        return format_number(float(self._value[row, col]), self._precision, self._significant)

    def widest_text(self) -> str:
        """The longest of the numbers as shown (of the first ``WIDEST_SAMPLE`` values, the
        extremes and the smallest in size), to size the columns without measuring each cell."""
        flat = self._value.ravel()
        if flat.size:
            extremes = [flat.min(), flat.max(), flat[np.argmin(np.abs(flat))]]
            flat = np.concatenate([flat[:WIDEST_SAMPLE], extremes])
        texts = [format_number(float(v), self._precision, self._significant) for v in flat]
        return max(texts, key=len, default="0")

    def _changed_all(self) -> None:
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # -- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._value.shape[0]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._value.shape[1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return repr(float(self._value[row, col]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if self._active == (row, col):
                return QBrush(ACTIVE)
            if self._sources is not None and self._sources[row, col]:
                return QBrush(SOURCE)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section)
        return None
