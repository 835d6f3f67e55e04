"""File ▸ Import Data…: a CSV file's first rows, how it is read, and what becomes the table.

The dialog follows the two steps of :mod:`bpstudio.io.csv_import`. The preview (the first
64 KiB) is read before the dialog opens and read again, without touching the file, on every
change of delimiter, decimal mark, header or encoding. When the preview is clean the whole
file is read in the background (a :class:`~.opening.DocumentLoader` that parses); then
every choice of target, inputs, task or missing values makes the table again at once
(NumPy on columns already read). The problem that stops an import is shown in the io
layer's words (row and column), and Import stays disabled until there is none. What the
import will make (rows, inputs, classes) and what deserves a look (a constant input, a
renamed header, dropped rows) are shown below it.

Over 300 lines on purpose (about 315): the dialog's steps share its widgets and its one
reader, and its sentences are written out whole for translation.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpstudio.core.text import quote, shorten
from bpstudio.core.translatable import QT_TRANSLATE_NOOP
from bpstudio.io.csv_import import CsvImportError, ImportedTable, ParsedCsv, Preview, parse
from bpstudio.io.csv_source import DELIMITERS, ENCODINGS
from bpstudio.io.csv_table import TASKS

from ..vocabulary import refusal_words
from .import_columns import INPUT, TARGET, ColumnUses
from .opening import DocumentLoader

translate = QCoreApplication.translate
DECIMAL_MARKS = {".": QT_TRANSLATE_NOOP("Import", "point (1.5)"),
                 ",": QT_TRANSLATE_NOOP("Import", "comma (1,5)")}
MISSING_CHOICES = {"refuse": QT_TRANSLATE_NOOP("Import", "refuse the file"),
                   "drop": QT_TRANSLATE_NOOP("Import", "drop those rows")}
LINE_ENDS = {"\r\n": "Windows", "\n": "Unix", "\r": QT_TRANSLATE_NOOP("Import", "old Mac")}
PROBLEM_STYLE = "color: #c0392b;"
PLACE = re.compile(r"row (?P<row>\d{1,3}(?:,\d{3})*)(?:, column '(?P<column>[^']*)')?")
"""Where a message of the io layer says the problem is (``row 1,204, column 'age': …``)."""
SHOWN_CLASSES = 8
"""Class names listed in the summary before "…"."""


class ImportDialog(QDialog):
    """Import a CSV file. ``take(table)`` is called on Import; a ``ValueError`` it raises
    (the table does not fit the network) is shown and the dialog stays open."""

    def __init__(self, path: str, first: Preview, take: Callable[[ImportedTable], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(translate("Import", "Import data — {name}").format(
            name=os.path.basename(path)))
        self.path, self.preview, self._take = path, first, take
        self.parsed: ParsedCsv | None = None
        self.table: ImportedTable | None = None
        self.problem = ""
        self.reader = DocumentLoader(self, work=parse)
        self.reader.opened.connect(self._on_parsed)
        self.reader.failed.connect(self._on_read_failed)
        self._build()
        self._show_options(first)
        self._show_preview()
        self.resize(760, 640)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.file_label = QLabel()
        self.file_label.setObjectName("fileLabel")
        self.delimiter_combo = _combo("delimiterCombo", DELIMITERS)
        self.decimal_combo = _combo("decimalCombo", DECIMAL_MARKS)
        self.encoding_combo = _combo("encodingCombo", ENCODINGS)
        self.header_check = QCheckBox(translate("Import", "First row holds the column names"))
        self.header_check.setObjectName("headerCheck")
        options = QHBoxLayout()
        for label, widget in ((translate("Import", "Delimiter"), self.delimiter_combo),
                              (translate("Import", "Decimal mark"), self.decimal_combo),
                              (translate("Import", "Encoding"), self.encoding_combo)):
            options.addWidget(QLabel(label))
            options.addWidget(widget)
        options.addWidget(self.header_check)
        options.addStretch(1)
        self.preview_table = QTableWidget()
        self.preview_table.setObjectName("previewTable")
        self.preview_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.columns = ColumnUses()
        self.task_combo = _combo("taskCombo", {t: t for t in TASKS})
        self.missing_combo = _combo("missingCombo", MISSING_CHOICES)
        choices = QFormLayout()
        choices.addRow(translate("Import", "Task"), self.task_combo)
        choices.addRow(translate("Import", "Missing values"), self.missing_combo)
        self.problem_label = _label("problemLabel", PROBLEM_STYLE)
        self.summary_label = _label("summaryLabel")
        self.warnings_label = _label("warningsLabel", "color: #a05a00;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            translate("Import", "Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(options)
        layout.addWidget(
            QLabel(translate("Import", "The first rows, as read with these settings:")))
        layout.addWidget(self.preview_table, 3)
        layout.addWidget(self.columns, 2)
        layout.addLayout(choices)
        for widget in (self.problem_label, self.summary_label, self.warnings_label):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        for combo in (self.delimiter_combo, self.decimal_combo, self.encoding_combo):
            combo.currentIndexChanged.connect(self._on_options_edited)
        self.header_check.toggled.connect(self._on_options_edited)
        self.columns.uses_changed.connect(self._on_uses_changed)
        self.task_combo.currentIndexChanged.connect(self._choose)
        self.missing_combo.currentIndexChanged.connect(self._choose)

    # -- reading -------------------------------------------------------------------------------

    def _show_options(self, preview: Preview) -> None:
        o = preview.options
        for combo, value in ((self.delimiter_combo, o.delimiter),
                             (self.decimal_combo, o.decimal),
                             (self.encoding_combo, o.encoding)):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)
        self.header_check.blockSignals(True)
        self.header_check.setChecked(o.header)
        self.header_check.blockSignals(False)

    def _on_options_edited(self) -> None:
        changes = {"delimiter": self.delimiter_combo.currentData(),
                   "decimal": self.decimal_combo.currentData(),
                   "encoding": self.encoding_combo.currentData(),
                   "header": self.header_check.isChecked()}
        if self.preview.options.thousands in (changes["decimal"], changes["delimiter"]):
            changes["thousands"] = None  # a mark cannot group thousands and do another job
        try:
            self.preview = self.preview.with_options(**changes)
        except (CsvImportError, ValueError) as exc:
            self._stop(refusal_words(exc))
            return
        self._show_preview()

    def _show_preview(self) -> None:
        """Show the preview's rows and columns; read the whole file if they are clean."""
        p = self.preview
        lines = translate("Import", LINE_ENDS.get(p.line_end, ""))
        name, size = quote(os.path.basename(self.path)), f"{p.size:,}"
        self.file_label.setText(
            translate("Import", "{name}: {size} bytes, {lines} line ends").format(
                name=name, size=size, lines=lines) if lines else
            translate("Import", "{name}: {size} bytes").format(name=name, size=size))
        self.preview_table.clear()
        self.preview_table.setColumnCount(len(p.columns))
        self.preview_table.setRowCount(len(p.rows))
        self.preview_table.setHorizontalHeaderLabels(list(p.columns))
        # the spreadsheet's row numbers: blank rows are skipped but counted
        self.preview_table.setVerticalHeaderLabels(
            [f"{n:,}" for n in p.sample.rows[: len(p.rows)]])
        for r, row in enumerate(p.rows):
            for c, text in enumerate(row[: len(p.columns)]):
                self.preview_table.setItem(r, c, QTableWidgetItem(shorten(text, 80)))
        self.columns.blockSignals(True)
        self.columns.show_columns(p.summaries)
        self.columns.blockSignals(False)
        self._guess_task()
        if p.problem is not None:
            self._stop(p.problem)
            return
        self.parsed = self.table = None
        self._show_problem(translate("Import", "Reading the file…"), busy=True)
        self.reader.load(self.path, p.options)

    def _on_parsed(self, parsed: ParsedCsv) -> None:
        self.parsed = parsed
        self._choose()

    def _on_read_failed(self, _path: str, reason: str) -> None:
        self._stop(reason)

    def _stop(self, problem: str) -> None:
        """Nothing can be imported until ``problem`` is mended."""
        self.reader.cancel()
        self.parsed = self.table = None
        self._show_problem(problem)

    # -- choosing ------------------------------------------------------------------------------

    def _on_uses_changed(self) -> None:
        self._guess_task()
        self._choose()

    def _guess_task(self) -> None:
        targets = self.columns.named(TARGET)
        if not targets:
            return
        source = self.parsed if self.parsed is not None else self.preview
        try:
            task = source.guess_task(targets)
        except CsvImportError:
            return
        self.task_combo.blockSignals(True)
        self.task_combo.setCurrentIndex(self.task_combo.findData(task))
        self.task_combo.blockSignals(False)

    def _choose(self) -> None:
        """The table the choices make, or the problem that stops it."""
        if self.parsed is None:
            return
        targets = self.columns.named(TARGET)
        try:
            self.table = self.parsed.table(
                targets, self.columns.named(INPUT), self.task_combo.currentData(),
                self.missing_combo.currentData())
        except (CsvImportError, ValueError) as exc:
            self.table = None
            self._show_problem(refusal_words(exc))
            return
        self._show_problem("")

    def _show_problem(self, problem: str, busy: bool = False) -> None:
        self._mark_cell("" if busy else problem)
        self.problem = "" if busy else problem
        self.problem_label.setStyleSheet("" if busy else PROBLEM_STYLE)
        self.problem_label.setText(shorten(problem))
        self.problem_label.setVisible(bool(problem))
        self.import_button.setEnabled(self.table is not None and not problem)
        table = self.table
        self.summary_label.setText(_summary(table) if table is not None and not problem else "")
        warnings = (*self.preview.warnings, *(table.warnings if table is not None else ()))
        self.warnings_label.setText("\n".join(shorten(w) for w in dict.fromkeys(warnings)))

    def _mark_cell(self, problem: str) -> None:
        """Select the cell (or row) a problem names, when it is among the rows shown."""
        table = self.preview_table
        table.clearSelection()
        place = PLACE.match(problem)
        if place is None:
            return
        shown = [int(n) for n in self.preview.sample.rows[: table.rowCount()]]
        row = int(place["row"].replace(",", ""))
        if row not in shown:
            return
        names = list(self.preview.columns)
        if place["column"] is not None and place["column"] in names:
            item = table.item(shown.index(row), names.index(place["column"]))
            if item is not None:
                table.setCurrentItem(item)
                return
        table.selectRow(shown.index(row))

    def _import(self) -> None:
        if self.table is None:
            return
        try:
            self._take(self.table)
        except ValueError as exc:
            self._show_problem(
                translate("Import", "The table does not fit: {reason}").format(
                    reason=refusal_words(exc)))
            return
        self.accept()

    def reject(self) -> None:
        self.reader.cancel()
        super().reject()


def _summary(table: ImportedTable) -> str:
    """What an import makes, in a sentence."""
    n, d = table.X.shape
    inputs = (translate("Import", "{rows} rows, 1 input") if d == 1 else
              translate("Import", "{rows} rows, {inputs} inputs")).format(rows=f"{n:,}", inputs=d)
    if table.task == "regression":
        return translate("Import", "{inputs}, regression of {targets}").format(
            inputs=inputs, targets=", ".join(quote(t) for t in table.target_names))
    names = ", ".join(quote(c, 30) for c in table.class_names[:SHOWN_CLASSES])
    more = ", …" if len(table.class_names) > SHOWN_CLASSES else ""
    return translate(
        "Import", "{inputs}, classification of {target} into {count} classes: {names}").format(
            inputs=inputs, target=quote(table.target_names[0]),
            count=len(table.class_names), names=names + more)


def _combo(name: str, items: dict) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for value, text in items.items():
        combo.addItem(translate("Import", text), value)
    return combo


def _label(name: str, style: str = "") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label
