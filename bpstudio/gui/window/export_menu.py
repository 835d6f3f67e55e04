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

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from bpstudio.core.translatable import QT_TRANSLATE_NOOP
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
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Export:
    """One kind of export: its menu text, file type, and the function that writes it and
    says in a few words what it wrote. The texts are marked for the "Export" context and
    shown translated."""

    name: str
    text: str
    tip: str
    suffix: str
    file_filter: str
    write: Callable[[Session, str, tuple[str, ...]], str]


def _predictions(session: Session, path: str, _names: tuple[str, ...]) -> str:
    return translate("Export", "{rows} rows of predictions").format(
        rows=f"{export_predictions(session, path):,}")


def _onnx(session: Session, path: str, names: tuple[str, ...]) -> str:
    export_onnx(session, path, class_names=names or None)
    return translate("Export", "an ONNX model")


def _script(session: Session, path: str, names: tuple[str, ...]) -> str:
    text = export_script(session, path, class_names=names or None)
    return translate("Export", "a NumPy script of {lines} lines").format(
        lines=f"{text.count(chr(10)):,}")


EXPORTS = (
    Export("exportPredictionsAction", QT_TRANSLATE_NOOP("Export", "&Predictions (CSV)…"),
           QT_TRANSLATE_NOOP("Export", "Each sample's inputs, target, the network's outputs "
                             "and predicted class, as CSV"),
           ".csv", QT_TRANSLATE_NOOP("Export", "CSV files (*.csv)"), _predictions),
    Export("exportOnnxAction", QT_TRANSLATE_NOOP("Export", "&ONNX Model…"),
           QT_TRANSLATE_NOOP("Export", "The network (with its input scaling) as an ONNX model "
                             "for other tools"),
           ".onnx", QT_TRANSLATE_NOOP("Export", "ONNX models (*.onnx)"), _onnx),
    Export("exportScriptAction", QT_TRANSLATE_NOOP("Export", "NumPy &Script…"),
           QT_TRANSLATE_NOOP("Export", "A Python script that computes the network's outputs "
                             "with NumPy alone"),
           ".py", QT_TRANSLATE_NOOP("Export", "Python scripts (*.py)"), _script),
)


class ExportCommands:
    """The Export submenu of the File menu, inserted before ``before`` (or the separator
    above it); ``actions`` by objectName."""

    def __init__(self, parent: QWidget, menu: QMenu, before: QAction, *, document: Document,
                 training: TrainingController, status: StatusLine) -> None:
        self.parent, self.document, self.training, self.status = parent, document, training, status
        self.menu = QMenu(translate("Export", "E&xport"), parent)
        self.menu.setObjectName("exportMenu")
        items = menu.actions()
        at = items.index(before)
        if at and items[at - 1].isSeparator():  # beside the plot exports, not beside Quit
            before = items[at - 1]
        menu.insertMenu(before, self.menu)
        self.actions: dict[str, QAction] = {}
        for export in EXPORTS:
            action = self.menu.addAction(translate("Export", export.text))
            action.setObjectName(export.name)
            action.setStatusTip(translate("Export", export.tip))
            action.setToolTip(translate("Export", export.tip))
            action.triggered.connect(lambda _checked=False, e=export: self.export(e))
            self.actions[export.name] = action
        if not onnx_available():
            onnx = self.actions["exportOnnxAction"]
            onnx.setText(translate("Export", "ONNX Model… (needs {hint})").format(hint=ONNX_HINT))
            onnx.setStatusTip(translate("Export", ONNX_MISSING))

    def export(self, export: Export) -> str | None:
        """Ask for a file and write ``export`` to it; the path written, or ``None``."""
        if export.name == "exportOnnxAction" and not onnx_available():
            QMessageBox.information(self.parent, translate("Export", "ONNX export"),
                                    translate("Export", ONNX_MISSING))
            return None
        stem = os.path.splitext(self.document.display_name)[0]
        directory = os.path.dirname(self.document.path) if self.document.path else os.getcwd()
        start = os.path.join(directory, f"{stem}{export.suffix}")
        path, _ = QFileDialog.getSaveFileName(
            self.parent, translate("Export", "Export {what}").format(
                what=translate("Export", export.text).replace("&", "").rstrip("…")),
            start, translate("Export", export.file_filter))
        if not path:
            return None
        if not path.lower().endswith(export.suffix):
            path += export.suffix
        self.training.sync()
        try:
            names = self.document.data.class_names
            what = export.write(self.document.session, path, names)
        except (BPFileError, OSError) as exc:
            show_error(self.parent, translate("Export", "Cannot export"), translate(
                "Export", "Could not export to {path}.\n\n{reason}").format(path=path, reason=exc))
            return None
        self.status.showMessage(
            translate("Export", "Exported {what} to {path}").format(what=what, path=path), 8000)
        return path
