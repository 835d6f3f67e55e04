"""The status bar: epoch, losses, accuracy or R², and speed, always in the same places."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStatusBar,
    QToolButton,
    QWidget,
)

from bpstudio.core.loss_words import (
    AT_EPOCH_END,
    AT_EPOCH_END_MEANS,
    EPOCH_MEAN,
    EPOCH_MEAN_MEANS,
)
from bpstudio.core.snapshot import TrainingSnapshot
from bpstudio.session import DataSpec

from ..views.number_format import format_r2
from ..views.quiet_label import QuietLabel

MANY_SAMPLES = 20_000
"""From this many samples, preparing them and drawing their points takes over 0.2 s (0.5 s
for 100,000 on this machine): the window says it is busy meanwhile."""
translate = QCoreApplication.translate
READOUT_STYLE = "QLabel { border-left: 1px solid #b0b0b0; padding: 0 6px; }"
"""A rule and some room between the read-outs: in a narrow window they would run together."""


def _label(name: str, width: int) -> QuietLabel:
    """A read-out that changes with every frame without relaying out the window."""
    label = QuietLabel()
    label.setObjectName(name)
    label.setMinimumWidth(width)
    label.setStyleSheet(READOUT_STYLE)
    return label


def _number(value: float) -> str:
    return f"{value:.4g}" if math.isfinite(value) else "–"


class BusyIndicator(QWidget):
    """"Opening spiral.bpnet…" with a moving bar and a Cancel button, while a file opens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busyIndicator")
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: no known end
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("cancelOpeningButton")
        self.cancel_button.setText(translate("StatusLine", "Cancel"))
        self.cancel_button.setToolTip(
            translate("StatusLine", "Stop opening the file; the network on screen stays"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)


class StatusLine(QStatusBar):
    """Permanent read-outs on the right; transient messages (``showMessage``) on the left;
    while a file opens, a busy indicator in front of the read-outs."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.busy = BusyIndicator()
        self.busy.cancel_button.clicked.connect(self.cancel_requested)
        self.addPermanentWidget(self.busy)
        self.busy.hide()
        self.epoch_label = _label("epochLabel", 90)
        self.loss_label = _label("lossLabel", 260)
        self._epoch_mean = math.nan
        self.metric_label = _label("metricLabel", 190)
        self.speed_label = _label("speedLabel", 90)
        for label in (self.epoch_label, self.loss_label, self.metric_label, self.speed_label):
            self.addPermanentWidget(label)
        self.show_snapshot(None)

    def show_busy(self, text: str) -> None:
        self.busy.label.setText(text)
        self.busy.show()

    def hide_busy(self) -> None:
        self.busy.hide()

    def show_snapshot(self, snapshot: TrainingSnapshot | None) -> None:
        if snapshot is None:
            self._epoch_mean = math.nan
            self.loss_label.setToolTip("")
            self.epoch_label.setText(translate("StatusLine", "Epoch {epoch}").format(epoch=0))
            for label in (self.loss_label, self.metric_label, self.speed_label):
                label.setText("")
            return
        m = snapshot.metrics
        self.epoch_label.setText(
            translate("StatusLine", "Epoch {epoch}").format(epoch=f"{snapshot.epoch:,}"))
        self._show_losses(snapshot)
        if snapshot.score == "accuracy":
            train, test = m["train_accuracy"], m.get("test_accuracy", math.nan)
            text = translate("StatusLine", "Accuracy: train {train}, test {test}").format(
                train=_percent(train), test=_percent(test))
        else:
            train, test = m.get("train_r2", math.nan), m.get("test_r2", math.nan)
            text = translate("StatusLine", "R²: train {train}, test {test}").format(
                train=format_r2(train), test=format_r2(test))
        self.metric_label.setText(text)
        rate = snapshot.epochs_per_second
        self.speed_label.setText(
            translate("StatusLine", "{rate} epochs/s").format(rate=f"{rate:,.0f}") if rate > 0
            else translate("StatusLine", "paused"))


    def _show_losses(self, snapshot: TrainingSnapshot) -> None:
        """The train loss as the history, the loss curve, ``bpstudio info`` and the CSV have
        it (the epoch's mean over its mini-batches); the one measured at the epoch's end in
        the tool tip. Epoch 0 has only the second: the loss of the starting weights."""
        if len(snapshot.new_train_losses):
            self._epoch_mean = float(snapshot.new_train_losses[-1])
        end = snapshot.metrics.get("train_loss", math.nan)
        test = _number(snapshot.metrics.get("test_loss", math.nan))
        if snapshot.epoch == 0:
            self.loss_label.setText(translate(
                "StatusLine", "Loss: train {train} (starting weights), test {test}").format(
                    train=_number(end), test=test))
            self.loss_label.setToolTip(translate("StatusLine", "The loss of the starting weights"))
            return
        words = {"epoch_mean": translate("Vocabulary", EPOCH_MEAN),  # core.loss_words' context
                 "epoch_mean_means": translate("Vocabulary", EPOCH_MEAN_MEANS),
                 "at_epoch_end": translate("Vocabulary", AT_EPOCH_END),
                 "at_epoch_end_means": translate("Vocabulary", AT_EPOCH_END_MEANS)}
        mean = _number(self._epoch_mean)
        self.loss_label.setText(translate(
            "StatusLine", "Loss: train {train} ({epoch_mean}), test {test}").format(
                train=mean, test=test, **words))
        self.loss_label.setToolTip(translate(
            "StatusLine", "Train loss ({epoch_mean}): {train}, {epoch_mean_means}; the number "
            "of the loss curve, bpstudio info and the CSV export.\nTrain loss {at_epoch_end}: "
            "{end}, {at_epoch_end_means}.\nTest loss: {test}, of the weights at the epoch's end."
            ).format(train=mean, end=_number(end), test=test, **words))


    @contextmanager
    def busy_while(self, data: DataSpec) -> Iterator[None]:
        """Around work on ``data`` that may take a noticeable time (preparing many samples
        and drawing their points): a wait cursor and a word on the left, painted before the
        work starts, for data of :data:`MANY_SAMPLES` or more."""
        if _samples(data) < MANY_SAMPLES:
            yield
            return
        words = translate("StatusLine", "Preparing {count} samples and their plots…").format(
            count=f"{_samples(data):,}")
        self.showMessage(words)
        self.repaint()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()
            if self.currentMessage() == words:  # not a message said meanwhile
                self.clearMessage()


def _samples(data: DataSpec) -> int:
    n = len(data.table.X) if data.table is not None else data.params.get("n", 0)
    return n if isinstance(n, int) else 0


def _percent(value: float) -> str:
    return f"{100 * value:.1f} %" if math.isfinite(value) else "–"
