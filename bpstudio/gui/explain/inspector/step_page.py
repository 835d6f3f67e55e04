"""The panels of one step: the matrices it computes and, above them, the earlier matrices
they were computed from, so a selected cell's sources are always on screen."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from bpstudio.core.steptrace import StepTrace

from ..translated import translated
from .entry_panel import EntryPanel

PANELS_PER_ROW = 4


class StepPage(QWidget):
    """Builds :class:`EntryPanel` rows for one step; forwards ``cell_selected``."""

    cell_selected = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorPage")
        self.setStyleSheet("#inspectorPage { background: #f6f6f6; }")
        self._layout = QVBoxLayout(self)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.panels: dict[str, EntryPanel] = {}

    def show_step(self, trace: StepTrace, index: int) -> None:
        self.clear()
        step = trace.steps[index]
        first_step = {k: i for i, s in enumerate(trace.steps) for k in s.keys}
        used = [src.key for key in step.keys for src in trace[key].sources
                if src.key not in step.keys]
        used = list(dict.fromkeys(used))
        if used:
            self._add_row(trace, self.tr("Used in this step"),
                          [(k, self.tr("from step {number}").format(number=first_step[k] + 1))
                           for k in used])
        self._add_row(trace, self.tr("Step {number}: {title}").format(
            number=index + 1, title=translated("Inspector", step.title)),
            [(k, "") for k in step.keys])
        self._layout.addStretch(1)

    def refresh(self, trace: StepTrace) -> None:
        """New numbers in the same layout (highlights stay; columns widen for wider numbers)."""
        for key, panel in self.panels.items():
            panel.model.set_value(trace[key].value)
            panel.fit_table()

    def set_format(self, precision: int, significant: bool) -> None:
        for panel in self.panels.values():
            panel.set_format(precision, significant)

    def highlight(self, trace: StepTrace, key: str, row: int, col: int) -> dict[str, np.ndarray]:
        """Mark cell ``(row, col)`` of ``key`` and its source cells; returns the masks."""
        masks = trace.source_cells(key, row, col)
        for other, panel in self.panels.items():
            if other == key:
                panel.model.set_highlight((row, col), None)
            else:
                panel.model.set_highlight(None, masks.get(other))
                panel.table.clearSelection()
        return masks

    def clear(self) -> None:
        self.panels.clear()
        _empty_layout(self._layout)

    def _add_row(self, trace: StepTrace, caption: str, items: list[tuple[str, str]]) -> None:
        label = QLabel(f"<b>{caption}</b>")
        label.setStyleSheet("color: #444444; font-size: 11pt; margin-top: 4px;")
        self._layout.addWidget(label)
        grid = QGridLayout()
        grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        for i, (key, earlier) in enumerate(items):
            panel = EntryPanel(trace[key], earlier)
            panel.cell_selected.connect(self.cell_selected)
            self.panels[key] = panel
            grid.addWidget(panel, i // PANELS_PER_ROW, i % PANELS_PER_ROW,
                           Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._layout.addLayout(grid)


def _empty_layout(layout) -> None:
    """Remove and delete everything in ``layout`` (hidden at once: deletion comes later)."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()
            item.widget().deleteLater()
        elif item.layout() is not None:
            _empty_layout(item.layout())
            item.layout().deleteLater()
