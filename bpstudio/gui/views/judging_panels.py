"""The two faces of the judging view: classes (confusion matrix, per-class scores, ROC) and
values (predicted against true, residuals).

Each panel shows one judgement of :mod:`bpstudio.core.judging`; it keeps its table cells
and plot items and only changes their contents, so a frame costs a few hundred cell texts
at most.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpstudio.core.judging import ClassJudgement, ValueJudgement
from bpstudio.core.text import shorten
from bpstudio.core.translatable import QT_TRANSLATE_NOOP

from . import palette, plot_style

MATRIX_MAX_CLASSES = 30
"""A confusion matrix of more classes is not drawn (its cells would be unreadable); the
per-class table still lists them all."""
DRAWN_POINTS = 1_000
"""Points of the predicted-against-true plots drawn at most (evenly spaced through the
rows); R² and MAE are computed on every row."""
NAME_CHARS = 24
SCORE_COLUMNS = (QT_TRANSLATE_NOOP("Views", "Precision"), QT_TRANSLATE_NOOP("Views", "Recall"),
                 "F1", QT_TRANSLATE_NOOP("Views", "Samples"))
translate = QCoreApplication.translate


def _item(text: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class ClassesPanel(QWidget):
    """Confusion matrix (rows true, columns predicted), precision/recall/F1 per class,
    accuracy, and for two classes the ROC curve with its AUC."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = _table("confusionTable")
        self.matrix.setToolTip(translate(
            "Views", "Rows: the true class. Columns: the class the network predicts."))
        self.matrix_note = QLabel()
        self.matrix_note.setObjectName("matrixNote")
        self.scores = _table("classScoresTable")
        self.scores.setColumnCount(len(SCORE_COLUMNS))
        self.scores.setHorizontalHeaderLabels([translate("Views", c) for c in SCORE_COLUMNS])
        self.accuracy_label = QLabel()
        self.accuracy_label.setObjectName("accuracyLabel")
        self.roc_plot = plot_style.make_plot(translate("Views", "false positive rate"),
                                             translate("Views", "true positive rate"))
        self.roc_plot.setObjectName("rocPlot")
        self.roc_plot.setXRange(0, 1, padding=0.02)
        self.roc_plot.setYRange(0, 1, padding=0.02)
        self.roc_plot.plot([0, 1], [0, 1], pen=pg.mkPen(palette.MUTED, style=Qt.PenStyle.DashLine))
        self.roc_curve = self.roc_plot.plot([], [], pen=pg.mkPen(palette.MODEL, width=2))
        self.auc_label = QLabel()
        self.auc_label.setObjectName("aucLabel")
        left = QVBoxLayout()
        left.addWidget(QLabel(
            translate("Views", "Confusion matrix (rows: true class, columns: predicted)")))
        left.addWidget(self.matrix, 3)
        left.addWidget(self.matrix_note)
        left.addWidget(self.accuracy_label)
        left.addWidget(self.scores, 2)
        self.roc_box = QWidget()
        right = QVBoxLayout(self.roc_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.auc_label)
        right.addWidget(self.roc_plot, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.roc_box, 2)

    def set_classes(self, names: tuple[str, ...]) -> None:
        """The class names that label the rows and columns (one cell item each, made once)."""
        shown = [shorten(n, NAME_CHARS) for n in names]
        drawn = len(names) <= MATRIX_MAX_CLASSES
        k = len(names) if drawn else 0
        self.matrix.clear()
        self.matrix.setRowCount(k)
        self.matrix.setColumnCount(k)
        self.matrix.setHorizontalHeaderLabels(shown[:k])
        self.matrix.setVerticalHeaderLabels(shown[:k])
        for i in range(k):
            for j in range(k):
                self.matrix.setItem(i, j, _item())
        self.matrix.setVisible(drawn)
        self.matrix_note.setText("" if drawn else translate(
            "Views", "{classes} classes: too many to draw the matrix").format(
                classes=f"{len(names):,}"))
        self.matrix_note.setVisible(not drawn)
        self.scores.setRowCount(len(names))
        self.scores.setVerticalHeaderLabels(shown)
        for i in range(len(names)):
            for j in range(len(SCORE_COLUMNS)):
                self.scores.setItem(i, j, _item())
        self.roc_box.setVisible(len(names) == 2)
        self.clear()

    def clear(self) -> None:
        for table in (self.matrix, self.scores):
            for i in range(table.rowCount()):
                for j in range(table.columnCount()):
                    table.item(i, j).setText("")
                    table.item(i, j).setBackground(QBrush())
        self.accuracy_label.setText("")
        self.auc_label.setText("")
        self.roc_curve.setData([], [])

    def show_judgement(self, judged: ClassJudgement, normalised: bool) -> None:
        if judged.n_classes != self.scores.rowCount():
            return  # a judgement of other data, still on its way
        shares = judged.normalised
        if self.matrix.isVisibleTo(self):
            values = shares if normalised else judged.counts
            for (i, j), value in np.ndenumerate(values):
                item = self.matrix.item(i, j)
                item.setText(f"{value:.2f}" if normalised else f"{value:,}")
                item.setBackground(_shade(shares[i, j]))
                item.setForeground(QColor("white" if shares[i, j] > 0.6 else palette.FOREGROUND))
        for i, row in enumerate(zip(judged.precision, judged.recall, judged.f1)):
            for j, value in enumerate(row):
                self.scores.item(i, j).setText(f"{value:.3f}")
            self.scores.item(i, 3).setText(f"{judged.support[i]:,}")
        total = int(judged.counts.sum())
        right = int(np.trace(judged.counts))
        self.accuracy_label.setText(translate(
            "Views", "Accuracy {accuracy} ({right} of {total} samples right)").format(
                accuracy=f"{judged.accuracy:.3f}", right=f"{right:,}", total=f"{total:,}"))
        if judged.roc is not None:
            auc = judged.roc.auc
            self.roc_curve.setData(judged.roc.fpr, judged.roc.tpr)
            self.auc_label.setText(
                translate("Views", "ROC curve: only one class among these samples")
                if math.isnan(auc) else
                translate("Views", "ROC curve, AUC {auc}").format(auc=f"{auc:.3f}"))


def _shade(share: float) -> QBrush:
    """White for none of a true class's samples, the class-0 blue for all of them."""
    colour = palette.rgb(palette.BLUE)
    mixed = 255.0 + share * (colour - 255.0)
    return QBrush(QColor(*(round(c) for c in mixed)))


class ValuesPanel(QWidget):
    """Predicted against true values with the diagonal where they agree, the residuals
    (true − predicted) against the prediction, R² and MAE."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores_label = QLabel()
        self.scores_label.setObjectName("valueScoresLabel")
        self.values_plot = plot_style.make_plot(translate("Views", "true value"),
                                                translate("Views", "predicted value"))
        self.values_plot.setObjectName("valuesPlot")
        self.diagonal = self.values_plot.plot(
            [], [], pen=pg.mkPen(palette.MUTED, style=Qt.PenStyle.DashLine))
        self.points = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(palette.BLUE))
        self.values_plot.addItem(self.points)
        self.residual_plot = plot_style.make_plot(
            translate("Views", "predicted value"),
            translate("Views", "residual (true − predicted)"))
        self.residual_plot.setObjectName("residualPlot")
        self.residual_plot.addItem(pg.InfiniteLine(angle=0, pen=pg.mkPen(palette.MUTED)))
        self.residuals = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(palette.ORANGE))
        self.residual_plot.addItem(self.residuals)
        plots = QHBoxLayout()
        plots.addWidget(self.values_plot)
        plots.addWidget(self.residual_plot)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scores_label)
        layout.addLayout(plots, 1)

    def clear(self) -> None:
        self.scores_label.setText("")
        for item in (self.points, self.residuals):
            item.setData([], [])
        self.diagonal.setData([], [])

    def show_judgement(self, judged: ValueJudgement) -> None:
        self.scores_label.setText(translate(
            "Views", "R² {r2}    MAE {mae}    ({samples} samples)").format(
                r2=f"{judged.r2:.4f}", mae=f"{judged.mae:.4g}", samples=f"{len(judged.true):,}"))
        true, predicted = judged.true.ravel(), judged.predicted.ravel()
        drawn = np.unique(np.linspace(0, len(true) - 1, min(len(true), DRAWN_POINTS)).astype(int))
        t, p = true[drawn], predicted[drawn]
        self.points.setData(t, p)
        self.residuals.setData(p, t - p)
        finite = np.concatenate([t, p])
        finite = finite[np.isfinite(finite)]
        if finite.size:
            low, high = float(finite.min()), float(finite.max())
            self.diagonal.setData([low, high], [low, high])
