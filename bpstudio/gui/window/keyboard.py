"""Keys that belong to the focused widget before they belong to the window, and a letter
for every menu entry.

Train's shortcut is Space, window-wide. A checkbox, a button, a combo box, a spin box or a
table uses Space itself (toggle, press, open, type): while one of them has the focus, Space
is theirs, as in any desktop app. Qt asks the focused widget first with a
``ShortcutOverride`` event; accepting it keeps the shortcut from firing.
"""

from __future__ import annotations

from string import ascii_lowercase

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTextEdit,
    QWidget,
)

SPACE_USERS = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractItemView, QLineEdit,
               QTextEdit)
"""Widgets that do something with Space themselves (a QToolButton of the toolbar too)."""


class SpaceForFocusedWidgets(QObject):
    """Space goes to a focused widget inside ``window`` that uses it, never to the window's
    shortcut.

    The filter sits on the focused widget only (``ShortcutOverride`` is sent to it): on the
    application it saw every event of the GUI thread, ~60 a frame while training, each a
    call into Python that waits for the training thread's turn with the GIL.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._watched: QWidget | None = None
        app = QApplication.instance()
        app.focusChanged.connect(self._follow_focus)  # disconnected when this goes
        self._follow_focus(None, app.focusWidget())

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = new if isinstance(new, SPACE_USERS) else None
        if self._watched is not None:
            self._watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Space
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and isinstance(watched, SPACE_USERS) and isinstance(watched, QWidget)
                and watched.window() is self._window):
            event.accept()  # the widget's key, not the shortcut's
            return True
        return False


def give_mnemonics(menu_bar: QMenuBar) -> None:
    """Every entry of every menu gets an underlined letter (Alt+letter opens a menu, the
    letter picks an entry): entries that name none (a dock's Show action, a lesson) get the
    first letter of their text not taken in their menu yet; a text without Latin letters (the
    Chinese interface) gets one after it, as Chinese menus write it: ``设计器(&D)``, the
    letter taken from the action's objectName if it can be."""
    for menu_action in menu_bar.actions():
        menu = menu_action.menu()
        if menu is not None:
            _give_mnemonics(menu)


def _give_mnemonics(menu: QMenu) -> None:
    actions = [a for a in menu.actions() if not a.isSeparator()]
    taken = {_mnemonic(a.text()) for a in actions} - {""}
    for action in actions:
        if action.menu() is not None:
            _give_mnemonics(action.menu())
        text = action.text()
        if _mnemonic(text):
            continue
        at = next((i for i, char in enumerate(text)
                   if _typed(char) and char.lower() not in taken), None)
        if at is not None:
            taken.add(text[at].lower())
            action.setText(f"{text[:at]}&{text[at:]}")
            continue
        if any(_typed(char) for char in text):
            continue  # every letter of it is taken
        # no Latin letter in it (Chinese): one after it, as Chinese menus write it
        letter = next((c.lower() for c in action.objectName() + ascii_lowercase
                       if _typed(c) and c.lower() not in taken), None)
        if letter is not None:
            taken.add(letter)
            action.setText(f"{text}(&{letter.upper()})")


def _typed(char: str) -> bool:
    """A letter or digit on every keyboard (Alt+它 cannot be typed)."""
    return char.isascii() and char.isalnum()


def _mnemonic(text: str) -> str:
    """The underlined letter of a menu text (``"Save &As…"`` -> ``"a"``), ``""`` if none."""
    i = text.replace("&&", "").find("&")
    plain = text.replace("&&", "")
    return plain[i + 1].lower() if 0 <= i < len(plain) - 1 else ""
