"""The Training menu's Sweep… command: the window's one Sweep dialog, made when first
asked for, fed the document's session and opening a chosen run as the document; closing
the window stops a running sweep first (:meth:`SweepCommands.shutdown`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenuBar

from bpstudio.document import Document
from bpstudio.lessons import LessonSweep, get_lesson
from bpstudio.session import Session

from ..training import TrainingController
from .sweep_dialog import SweepDialog

translate = QCoreApplication.translate


class SweepCommands:
    """``sweepAction`` in the Training menu, and the dialog it shows."""

    def __init__(self, window: QMainWindow, menu_bar: QMenuBar, document: Document,
                 training: TrainingController, show_session: Callable[[Session], None]) -> None:
        self.window, self.document, self.training = window, document, training
        self.show_session = show_session
        self.dialog: SweepDialog | None = None
        self.action = QAction(translate("Sweep", "S&weep…"), window, objectName="sweepAction")
        self.action.setToolTip(translate(
            "Sweep", "Train the network over the values of one or two settings and several "
            "seeds, in the background, and plot the results"))
        self.action.triggered.connect(self.show)
        for action in menu_bar.actions():
            if action.menu() is not None and action.menu().objectName() == "trainingMenu":
                action.menu().addAction(self.action)

    def show(self) -> SweepDialog:
        if self.dialog is None:
            self.dialog = SweepDialog(self._base, self.show_session, self.window)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def lesson_opened(self, lesson_id: str) -> None:
        """A lesson with a sweep: the dialog set up with its quick sweep, running it, its
        reference lines drawn, and Full Study offered."""
        sweep = get_lesson(lesson_id).sweep
        if sweep is None or self.document.session.title != get_lesson(lesson_id).title:
            return  # no sweep, or the person kept their unsaved document
        dialog = self.show()
        dialog.offer_full_study(lambda: self.run_lesson(sweep, full=True))
        self.run_lesson(sweep, full=False)

    def run_lesson(self, sweep: LessonSweep, *, full: bool) -> None:
        dialog = self.show()
        if dialog.runner.running:
            return
        seeds, epochs = ((sweep.full_seeds, sweep.full_epochs) if full
                         else (sweep.seeds, sweep.epochs))
        dialog.configure(list(sweep.vary), seeds, epochs)
        if sweep.references is not None:
            dialog.set_reference_lines([  # the lesson's words, as the lesson shows them
                (QCoreApplication.translate("Lessons", label), score)
                for label, score in sweep.references(epochs)])
        dialog.run()

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.shutdown()
            self.dialog.close()

    def _base(self) -> Session:
        self.training.sync()
        return self.document.session
