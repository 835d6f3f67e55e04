"""How a CSV file reaches the import dialog: File ▸ Import Data…, a file dropped on the
window, and File ▸ Open on a file that is CSV rather than a network.

The imported table becomes the document's data as an edit through the designer
(:meth:`DesignerPanel.take_table`): the document is modified, the inputs and outputs follow
the table, and a new run starts, as when the person picks another dataset.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from bpstudio.core.text import quote
from bpstudio.io.csv_embed import embedded_table
from bpstudio.io.csv_import import CsvImportError, ImportedTable, preview
from bpstudio.session import TABLE, DataSpec

from ..designer import DesignerPanel
from .errors import show_error
from .import_dialog import ImportDialog

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
translate = QCoreApplication.translate
TEST_FRACTION = 0.2
"""The share of an imported table held out to test on (changeable in the designer)."""


def is_csv_name(path: str) -> bool:
    return path.lower().endswith(CSV_SUFFIXES)


class ImportCommands(QObject):
    """Import Data… in ``menu`` (before ``before``), drops on ``window``, and
    :meth:`offer_import` for File ▸ Open. ``dialog`` is the import dialog open now."""

    def __init__(self, window: QWidget, designer: DesignerPanel, menu: QMenu,
                 before: QAction) -> None:
        super().__init__(window)
        self.window, self.designer = window, designer
        self.dialog: ImportDialog | None = None
        self.action = QAction(translate("Import", "&Import Data…"), window)
        self.action.setObjectName("importDataAction")
        tip = translate("Import", "Read a table of your own from a CSV file as the data to learn")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.ask_for_file)
        menu.insertAction(before, self.action)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def ask_for_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, translate("Import", "Import data"), os.getcwd(),
            translate("Import", "Tables (*.csv *.tsv *.txt);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> ImportDialog | None:
        """Open the import dialog on ``path`` (not modal: the window goes on training);
        a file that cannot be CSV (binary, too large, empty) is refused at once."""
        try:
            first = preview(path)
        except (CsvImportError, OSError) as exc:
            show_error(self.window, translate("Import", "Cannot import"), translate(
                "Import", "{name} cannot be imported.\n\n{reason}").format(
                    name=quote(os.path.basename(path)), reason=exc))
            return None
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = ImportDialog(path, first, self.take, self.window)
        self.dialog.show()
        return self.dialog

    def offer_import(self, path: str) -> bool:
        """For File ▸ Open: a CSV file is offered for import instead of being read as a
        network. ``True`` if the file was dealt with here (imported or declined)."""
        if not is_csv_name(path):
            return False
        answer = QMessageBox.question(
            self.window, translate("Import", "Import data?"),
            translate("Import", "{name} is a table, not a BP Studio network. Import its rows as "
                      "the data to learn?").format(name=quote(os.path.basename(path))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.import_file(path)
        return True

    def take(self, table: ImportedTable) -> None:
        """The imported table as the document's data; ``ValueError`` if it cannot be."""
        current = self.designer.data_spec()
        spec = DataSpec(TABLE, table=embedded_table(table), test_fraction=TEST_FRACTION,
                        split_seed=current.split_seed, standardize=True)
        self.designer.take_table(spec)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.DragEnter,
                                                        QEvent.Type.Drop):
            path = _dropped_csv(event)
            if path is None:
                return False
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                self.import_file(path)
            return True
        return super().eventFilter(watched, event)


def _dropped_csv(event: QDragEnterEvent | QDropEvent) -> str | None:
    """The one local CSV file being dragged or dropped, if that is what it is."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = urls[0].toLocalFile()
    return path if is_csv_name(path) else None
