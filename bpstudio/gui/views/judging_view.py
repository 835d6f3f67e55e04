"""Judging: how good the network is now, on the training or the test part.

A live view like the plots: each snapshot carries the judgements of both parts (the
``judgements`` extra, made in the worker only while this view is on screen, see
:mod:`bpstudio.training.judged_parts`), and the view shows the part chosen. Classification
shows the confusion matrix (counts or row-normalised), precision, recall and F1 per class
and the accuracy, with the ROC curve and its AUC for two classes; regression shows the
predicted against the true values, the residuals, R² and MAE.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QStackedWidget, QWidget

from bpstudio.core.snapshot import JUDGEMENTS, PlotGrid, TrainingSnapshot
from bpstudio.core.translatable import QT_TRANSLATE_NOOP
from bpstudio.session import PreparedData

from ..vocabulary import class_names
from .judging_panels import ClassesPanel, ValuesPanel
from .view_frame import ViewFrame

EXTRAS_KEY = JUDGEMENTS
PARTS = {"train": QT_TRANSLATE_NOOP("Views", "Training data"),
         "test": QT_TRANSLATE_NOOP("Views", "Test data")}
WAITING = QT_TRANSLATE_NOOP(
    "Views", "The numbers come with the next snapshot (train, or step one epoch).")

translate = QCoreApplication.translate


class JudgingView(ViewFrame):
    """The judging dock's content: ``set_data``, ``show_snapshot`` and ``clear`` as every
    live view; ``part_combo`` and ``normalised_check`` choose what is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.classes, self.values = ClassesPanel(), ValuesPanel()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.classes)
        self.pages.addWidget(self.values)
        super().__init__(translate("Views", "Judging"), self.pages, parent)
        self.setObjectName("judgingView")
        self.part_combo = QComboBox()
        self.part_combo.setObjectName("partCombo")
        for key, text in PARTS.items():
            self.part_combo.addItem(translate("Views", text), key)
        self.normalised_check = QCheckBox(translate("Views", "Row-normalised"))
        self.normalised_check.setObjectName("normalisedCheck")
        self.normalised_check.setToolTip(translate(
            "Views", "Each row as the share of its true class's samples, instead of counts"))
        controls = QHBoxLayout()
        controls.setContentsMargins(8, 0, 8, 0)
        controls.addWidget(self.part_combo)
        controls.addWidget(self.normalised_check)
        controls.addStretch(1)
        self.layout().insertLayout(2, controls)  # under the header, above the content
        self.part_combo.currentIndexChanged.connect(self._show)
        self.normalised_check.toggled.connect(self._show)
        self.judgements: Mapping[str, object] | None = None
        self._task = ""
        self.show_message(translate("Views", "Choose data to judge the network on."))

    def set_data(self, data: PreparedData, grid: PlotGrid | None) -> None:
        self.clear()
        self._task = data.task
        classes = data.task == "classification"
        self.pages.setCurrentWidget(self.classes if classes else self.values)
        self.normalised_check.setVisible(classes)
        if classes:
            self.classes.set_classes(class_names(data))
        test = self.part_combo.model().item(self.part_combo.findData("test"))
        test.setEnabled(bool(data.test.n_samples))
        if not data.test.n_samples:
            self.part_combo.setCurrentIndex(self.part_combo.findData("train"))

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        judgements = snapshot.extras.get(EXTRAS_KEY)
        if judgements is None:
            return  # made only while on screen: the next snapshot brings them
        self.judgements = judgements
        self.status_label.setText(
            translate("Views", "epoch {epoch}").format(epoch=f"{snapshot.epoch:,}"))
        self._show()

    def clear(self) -> None:
        self.judgements = None
        self.classes.clear()
        self.values.clear()
        self.status_label.setText("")
        self.show_message(translate("Views", WAITING))

    @property
    def part(self) -> str:
        return self.part_combo.currentData()

    def _show(self) -> None:
        if self.judgements is None:
            return
        judged = self.judgements.get(self.part)
        if judged is None:
            words = (translate("Views", "No judgement of the training data: it has no samples, "
                               "or the network's outputs overflowed.") if self.part == "train"
                     else translate("Views", "No judgement of the test data: it has no samples, "
                                    "or the network's outputs overflowed."))
            self.show_message(words)
            return
        self.show_message("")
        if self._task == "classification":
            self.classes.show_judgement(judged, self.normalised_check.isChecked())
        else:
            self.values.show_judgement(judged)
