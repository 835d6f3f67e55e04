"""Undo and Redo: a thin ``QUndoStack`` over the Qt-free edits of
:mod:`bpstudio.document_edits`.

Every edit that changes the document goes through :meth:`UndoHistory.before_edit` (a burst of
designer signals for one edit, such as a dataset pick that adapts the layers too, becomes
one step) or :meth:`UndoHistory.run`: the document before, the change, the document after
(a weight typed into the network view: ``MainWindow.edit_parameter``).
Undo and Redo put a snapshot back through ``show`` (the window rebuilds its run from it);
opening another document clears the history.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar

from bpstudio.document import Document, DocumentSnapshot
from bpstudio.document_edits import Edit, describe


class EditCommand(QUndoCommand):
    """One :class:`Edit` on the stack. The first ``redo`` (Qt calls it on push) does
    nothing: the edit has been made already."""

    def __init__(self, edit: Edit, history: UndoHistory) -> None:
        super().__init__(edit.text)
        self.edit, self._history, self._done = edit, history, True

    def undo(self) -> None:
        now = self._history.document.snapshot()
        self.edit = Edit(self.edit.text, self.edit.before, now)  # redo comes back to now
        self._history.show(self.edit.undone(now))
        self._done = False

    def redo(self) -> None:
        if self._done:
            return
        self._history.show(self.edit.redone(self._history.document.snapshot()))
        self._done = True


class UndoHistory(QObject):
    """The undo stack of one window's document. ``show(snapshot)`` puts a document back on
    screen; ``sync()`` brings the trained state into the document first (the state training
    had reached is what an undo returns to)."""

    def __init__(
        self, document: Document, show: Callable[[DocumentSnapshot], None],
        sync: Callable[[], object], parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document, self._show, self._sync = document, show, sync
        self.stack = QUndoStack(self)
        self.stack.setObjectName("undoStack")
        self._burst: DocumentSnapshot | None = None
        self._busy = False
        self._burst_timer = QTimer(self, singleShot=True, interval=0)
        self._burst_timer.timeout.connect(self._end_burst)

    # -- recording -----------------------------------------------------------------------------

    def before_edit(self) -> None:
        """A designer edit is about to change the document: remember it as it is, once per
        burst of edits (they end when the event loop comes round)."""
        if self._busy or self._burst is not None:
            return
        self._sync()
        self._burst = self.document.snapshot()
        self._burst_timer.start()

    def run(self, text: str, change: Callable[[], object]) -> object:
        """Make ``change`` (Reset, a lesson, a weight edit) an undo step named ``text``; what
        it returns (``False``: nothing changed, no step)."""
        self._end_burst()
        self._sync()
        before = self.document.snapshot()
        self._busy = True
        try:
            changed = change()
        finally:
            self._busy = False
        if changed is not False:
            self._push(Edit(text, before, self.document.snapshot()))
        return changed

    def clear(self) -> None:
        """Another document: its edits are not this one's."""
        self._burst_timer.stop()
        self._burst = None
        self.stack.clear()

    @property
    def busy(self) -> bool:
        """A step is being made or put back: what happens meanwhile is part of it."""
        return self._busy

    def show(self, snapshot: DocumentSnapshot) -> None:
        self._busy = True
        try:
            self._show(snapshot)
        finally:
            self._busy = False

    # -- details -------------------------------------------------------------------------------

    def _end_burst(self) -> None:
        self._burst_timer.stop()
        before, self._burst = self._burst, None
        if before is None:
            return
        after = self.document.snapshot()
        if after.session is not before.session:
            words = describe(before.session, after.session, QCoreApplication.translate)
            self._push(Edit(words, before, after))

    def _push(self, edit: Edit) -> None:
        self.stack.push(EditCommand(edit, self))


def build_edit_menu(menu_bar: QMenuBar, history: UndoHistory) -> QMenu:
    """Edit ▸ Undo, Redo (Ctrl+Z, Ctrl+Shift+Z), named after the step they take; the menu
    goes after File."""
    translate = QCoreApplication.translate
    menu = QMenu(translate("Undo", "&Edit"), menu_bar)
    menu.setObjectName("editMenu")
    undo = history.stack.createUndoAction(menu, translate("Undo", "&Undo"))
    undo.setObjectName("undoAction")
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = history.stack.createRedoAction(menu, translate("Undo", "&Redo"))
    redo.setObjectName("redoAction")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
    menu.addActions([undo, redo])
    actions = menu_bar.actions()
    before: QAction | None = actions[1] if len(actions) > 1 else None
    menu_bar.insertMenu(before, menu) if before is not None else menu_bar.addMenu(menu)
    return menu
