"""What the window says when training stops by itself: it diverged (a non-modal box the
person reads while lowering the rate), a stopping rule held (the status bar names the rule),
or training could not go on (a "Cannot train" box)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStatusBar

from bpstudio.core.phrase import Phrase
from bpstudio.core.stopping import Stopped, StopReason
from bpstudio.core.text import shorten

from ..vocabulary import stopped_words
from .errors import error_box, show_error

translate = QCoreApplication.translate
DIVERGENCE_BOX = "divergenceMessage"
"""The objectName of the one divergence box a window keeps (closed with the window)."""


class TrainingReplies:
    """Connect :meth:`diverged`, :meth:`stopped` and :meth:`failed` to the controller's
    signals of the same meaning."""

    def __init__(self, window: QMainWindow, status: QStatusBar) -> None:
        self.window, self.status = window, status

    def diverged(self, message: str) -> None:
        """Non-modal: the person reads it, lowers the rate or resets, and goes on."""
        self.status.showMessage(
            translate("TrainingReplies", "Training diverged and was paused."), 10000)
        box = self.window.findChild(QMessageBox, DIVERGENCE_BOX)
        if box is None:
            box = error_box(self.window, translate("TrainingReplies", "Training diverged"), "",
                            name=DIVERGENCE_BOX, warning=True)
        said = message.said(translate) if isinstance(message, Phrase) else message
        box.setText(shorten(said))
        box.show()

    def stopped(self, stopped: Stopped) -> None:
        """The status bar says which rule stopped training and how to go on."""
        if stopped.reason is StopReason.EPOCH_LIMIT:
            text = translate("TrainingReplies", "Reached the epoch limit ({epoch}): training "
                             "stopped. Raise the limit to go on.").format(
                                 epoch=f"{stopped.epoch:,}")
        else:
            text = translate("TrainingReplies", "{stopped}. Change the stopping rule to go on."
                             ).format(stopped=stopped_words(stopped))
        self.status.showMessage(text, 8000)

    def failed(self, message: str) -> None:
        said = shorten(message.said(translate) if isinstance(message, Phrase) else message)
        self.status.showMessage(shorten(translate(
            "TrainingReplies", "Cannot train this network: {reason}").format(reason=said)))
        show_error(self.window, translate("TrainingReplies", "Cannot train"), said,
                   warning=True)

    def close(self) -> None:
        """Close the divergence box, if one is open (the window is closing)."""
        box = self.window.findChild(QMessageBox, DIVERGENCE_BOX)
        if box is not None:
            box.close()
