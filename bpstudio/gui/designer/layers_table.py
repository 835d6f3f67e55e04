"""The hidden layers as an editable table: neurons and activation per row.

A network may have as many hidden layers as a file may hold (:data:`MAX_HIDDEN_LAYERS`); the
designer offers up to :data:`MAX_NEURONS` neurons a layer and shows a session's larger layers
as they are. Whether the whole network is small enough is the panel's check (it needs the
data's inputs and outputs).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QWidget,
)

from bpstudio.gui.widgets import RangeSpinBox
from bpstudio.limits import MAX_LAYERS
from bpstudio.session import LayerSpec

from ..vocabulary import vocabulary
from .choices import HIDDEN_ACTIVATIONS
from .refusals import with_range

MAX_NEURONS = 1000
"""Neurons a layer's field offers (a session's larger layer widens its own field)."""
MAX_HIDDEN_LAYERS = MAX_LAYERS - 1
"""Hidden layers: all weight layers but the output layer."""
VISIBLE_ROWS = 4
NEW_LAYER = LayerSpec(8, "tanh")

translate = QCoreApplication.translate


class LayersTable(QTableWidget):
    """One row per hidden layer. Spin boxes and combos make invalid entries impossible; a
    number typed out of a row's range is refused out loud (:attr:`size_refused`)."""

    layers_changed = Signal()
    size_refused = Signal(object, str)
    """A row's neurons field and the number typed in it that it did not take."""

    def __init__(self) -> None:
        super().__init__(0, 2)
        self.setObjectName("layersTable")
        self.setHorizontalHeaderLabels([translate("Designer", "Neurons"),
                                        translate("Designer", "Activation")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the table through its fields, row by row
        tip = translate("Designer",
                        "Hidden layers, input side first; the output layer follows from the data")
        self.setToolTip(tip)
        self.setProperty("plainToolTip", tip)  # back when a size problem is cleared
        rows = self.verticalHeader().defaultSectionSize()
        header = self.horizontalHeader().sizeHint().height()
        self.setMinimumHeight(header + 2 * rows + 4)
        self.setMaximumHeight(header + VISIBLE_ROWS * rows + 4)

    def layers(self) -> tuple[LayerSpec, ...]:
        return tuple(
            LayerSpec(self.cellWidget(row, 0).value(), self.cellWidget(row, 1).currentData())
            for row in range(self.rowCount())
        )

    def set_layers(self, layers: tuple[LayerSpec, ...]) -> None:
        """Show ``layers`` without emitting :attr:`layers_changed`."""
        self.setRowCount(0)
        for layer in layers:
            self._append(layer)
        self._relabel()

    def fields(self) -> list[QWidget]:
        """Each row's neurons and activation, in the order Tab visits them."""
        return [self.cellWidget(row, column)
                for row in range(self.rowCount()) for column in (0, 1)]

    def can_add(self) -> bool:
        return self.rowCount() < MAX_HIDDEN_LAYERS

    def add_layer(self) -> None:
        if not self.can_add():
            return
        layers = self.layers()
        self._append(layers[-1] if layers else NEW_LAYER)
        self._relabel()
        self.layers_changed.emit()

    def remove_layer(self) -> None:
        """Remove the selected layer, or the last one when none is selected."""
        if self.rowCount() == 0:
            return
        rows = self.selectionModel().selectedRows()
        self.removeRow(rows[0].row() if rows else self.rowCount() - 1)
        self._relabel()
        self.layers_changed.emit()

    def _append(self, layer: LayerSpec) -> None:
        row = self.rowCount()
        self.insertRow(row)
        size = RangeSpinBox()
        size.setRange(1, max(MAX_NEURONS, layer.size))
        size.setValue(layer.size)
        size.setKeyboardTracking(False)
        size.setGroupSeparatorShown(True)
        size.setObjectName(f"layerSizeSpin{row}")
        size.setToolTip(with_range(translate("Designer", "Neurons in this layer"), size))
        size.valueChanged.connect(self.layers_changed)
        size.refused.connect(lambda text, box=size: self.size_refused.emit(box, text))
        activation = QComboBox()
        for name in HIDDEN_ACTIVATIONS:
            activation.addItem(vocabulary(name), name)
        activation.setCurrentIndex(activation.findData(layer.activation))
        activation.setObjectName(f"layerActivationCombo{row}")
        activation.currentIndexChanged.connect(self.layers_changed)
        self.setCellWidget(row, 0, size)
        self.setCellWidget(row, 1, activation)

    def _relabel(self) -> None:
        hidden = translate("Designer", "Hidden {number}")
        self.setVerticalHeaderLabels([hidden.format(number=i + 1) for i in range(self.rowCount())])
        for row in range(self.rowCount()):
            self.cellWidget(row, 0).setObjectName(f"layerSizeSpin{row}")
            self.cellWidget(row, 1).setObjectName(f"layerActivationCombo{row}")
