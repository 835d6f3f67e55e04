"""File ▸ Export: the network's predictions as CSV, the network as an ONNX model or as a
NumPy script, through the io layer's functions (:mod:`bpstudio.io.predictions`,
:mod:`bpstudio.io.onnx_export`, :mod:`bpstudio.io.script_export`).

Each export first asks the training worker for its state, so the file holds the network on
screen. Without the optional ``onnx`` package the ONNX item says how to install it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from bpstudio.document import Document
from bpstudio.io import BPFileError
from bpstudio.io.onnx_export import ONNX_MISSING, export_onnx, onnx_available
from bpstudio.io.predictions import export_predictions
from bpstudio.io.script_export import export_script
from bpstudio.session import Session

from ..training import TrainingController
from .errors import show_error
from .status_line import StatusLine

ONNX_HINT = 'pip install "bpstudio[onnx]"'


@dataclass(frozen=True)
class Export:
    """One kind of export: its menu text, file type, and the function that writes it and
    says in a few words what it wrote."""

    name: str
    text: str
    tip: str
    suffix: str
    file_filter: str
    write: Callable[[Session, str, tuple[str, ...]], str]


def _predictions(session: Session, path: str, _names: tuple[str, ...]) -> str:
    return f"{export_predictions(session, path):,} rows of predictions"


def _onnx(session: Session, path: str, names: tuple[str, ...]) -> str:
    export_onnx(session, path, class_names=names or None)
    return "an ONNX model"


def _script(session: Session, path: str, names: tuple[str, ...]) -> str:
    text = export_script(session, path, class_names=names or None)
    return f"a NumPy script of {text.count(chr(10)):,} lines"


EXPORTS = (
    Export("exportPredictionsAction", "&Predictions (CSV)…",
           "Each sample's inputs, target, the network's outputs and predicted class, as CSV",
           ".csv", "CSV files (*.csv)", _predictions),
    Export("exportOnnxAction", "&ONNX Model…",
           "The network (with its input scaling) as an ONNX model for other tools",
           ".onnx", "ONNX models (*.onnx)", _onnx),
    Export("exportScriptAction", "NumPy &Script…",
           "A Python script that computes the network's outputs with NumPy alone",
           ".py", "Python scripts (*.py)", _script),
)


class ExportCommands:
    """The Export submenu of the File menu, inserted before ``before`` (or the separator
    above it); ``actions`` by objectName."""

    def __init__(self, parent: QWidget, menu: QMenu, before: QAction, *, document: Document,
                 training: TrainingController, status: StatusLine) -> None:
        self.parent, self.document, self.training, self.status = parent, document, training, status
        self.menu = QMenu("E&xport", parent)
        self.menu.setObjectName("exportMenu")
        items = menu.actions()
        at = items.index(before)
        if at and items[at - 1].isSeparator():  # beside the plot exports, not beside Quit
            before = items[at - 1]
        menu.insertMenu(before, self.menu)
        self.actions: dict[str, QAction] = {}
        for export in EXPORTS:
            action = self.menu.addAction(export.text)
            action.setObjectName(export.name)
            action.setStatusTip(export.tip)
            action.setToolTip(export.tip)
            action.triggered.connect(lambda _checked=False, e=export: self.export(e))
            self.actions[export.name] = action
        if not onnx_available():
            onnx = self.actions["exportOnnxAction"]
            onnx.setText(f"ONNX Model… (needs {ONNX_HINT})")
            onnx.setStatusTip(ONNX_MISSING)

    def export(self, export: Export) -> str | None:
        """Ask for a file and write ``export`` to it; the path written, or ``None``."""
        if export.name == "exportOnnxAction" and not onnx_available():
            QMessageBox.information(self.parent, "ONNX export", ONNX_MISSING)
            return None
        stem = os.path.splitext(self.document.display_name)[0]
        directory = os.path.dirname(self.document.path) if self.document.path else os.getcwd()
        start = os.path.join(directory, f"{stem}{export.suffix}")
        path, _ = QFileDialog.getSaveFileName(
            self.parent, f"Export {export.text.replace('&', '').rstrip('…')}", start,
            export.file_filter)
        if not path:
            return None
        if not path.lower().endswith(export.suffix):
            path += export.suffix
        self.training.sync()
        try:
            names = self.document.data.class_names
            what = export.write(self.document.session, path, names)
        except (BPFileError, OSError) as exc:
            show_error(self.parent, "Cannot export", f"Could not export to {path}.\n\n{exc}")
            return None
        self.status.showMessage(f"Exported {what} to {path}", 8000)
        return path
