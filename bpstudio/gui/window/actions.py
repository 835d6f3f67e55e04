"""Every command of the main window as a QAction: text, tool tip, shortcut, objectName; the
toolbar and the Training and View menus that arrange them.

The File menu is the file commands' (:mod:`.files`); :meth:`MainActions.show_running` turns
Train into Pause and back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMenuBar, QStyle, QToolBar, QWidget

Key = QKeySequence.StandardKey
translate = QCoreApplication.translate


@dataclass(frozen=True)
class MainActions:
    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    export_png: QAction
    export_svg: QAction
    quit: QAction
    train: QAction
    step: QAction
    reset: QAction
    smooth: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, f.name) for f in fields(self)]

    def show_running(self, running: bool, style: QStyle) -> None:
        """Train reads Pause while training runs; Step waits until it pauses."""
        self.train.setText(translate("Actions", "&Pause") if running
                           else translate("Actions", "&Train"))
        self.train.setIconText(translate("Actions", "Pause") if running
                               else translate("Actions", "Train"))
        pixmap = QStyle.StandardPixmap
        self.train.setIcon(style.standardIcon(
            pixmap.SP_MediaPause if running else pixmap.SP_MediaPlay))
        self.step.setEnabled(not running)


def _action(
    parent: QWidget, name: str, text: str, tip: str, shortcut: QKeySequence | Key | str = "",
    icon: QStyle.StandardPixmap | None = None,
) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(translate("Actions", "{tip} ({shortcut})").format(
            tip=tip, shortcut=action.shortcut().toString(QKeySequence.NativeText)))
    if icon is not None:
        action.setIcon(parent.style().standardIcon(icon))
    return action


def build_actions(parent: QWidget) -> MainActions:
    """The window's actions, owned by ``parent`` (add them to it so shortcuts work anywhere)."""
    pixmap = QStyle.StandardPixmap
    actions = MainActions(
        new=_action(parent, "newAction", translate("Actions", "&New"),
                    translate("Actions", "Start over from the sin-fit example"), Key.New),
        open=_action(parent, "openAction", translate("Actions", "&Open…"),
                     translate("Actions", "Open a .bpnet network file"), Key.Open),
        save=_action(parent, "saveAction", translate("Actions", "&Save"),
                     translate("Actions", "Save the network, data and training"), Key.Save),
        save_as=_action(parent, "saveAsAction", translate("Actions", "Save &As…"),
                        translate("Actions", "Save under a new name"), Key.SaveAs),
        export_png=_action(parent, "exportPngAction", translate("Actions", "Export Plot as &PNG…"),
                           translate("Actions", "Save the main plot as a PNG image")),
        export_svg=_action(parent, "exportSvgAction", translate("Actions", "Export Plot as S&VG…"),
                           translate("Actions", "Save the main plot as an SVG drawing")),
        quit=_action(parent, "quitAction", translate("Actions", "&Quit"),
                     translate("Actions", "Quit BP Studio"), Key.Quit),
        train=_action(parent, "trainAction", translate("Actions", "&Train"),
                      translate("Actions", "Train or pause"), "Space", pixmap.SP_MediaPlay),
        step=_action(parent, "stepAction", translate("Actions", "&Step"),
                     translate("Actions", "Train exactly one epoch"), "S",
                     pixmap.SP_MediaSkipForward),
        reset=_action(parent, "resetAction", translate("Actions", "&Reset"),
                      translate("Actions", "Start again from fresh weights"), "R",
                      pixmap.SP_BrowserReload),
        smooth=_action(parent, "smoothAnimationAction", translate("Actions", "S&mooth Animation"),
                       translate("Actions", "Redraw the plots up to 30 times a second while "
                                 "training; training runs slower")),
    )
    actions.smooth.setCheckable(True)
    if actions.quit.shortcut().isEmpty():
        actions.quit.setShortcut(QKeySequence("Ctrl+Q"))
    return actions


def build_toolbar(window: QMainWindow, actions: MainActions) -> QToolBar:
    """Train, Step and Reset as buttons with their names (``trainButton``, ...)."""
    # its View menu entry; "Training" names a menu
    toolbar = QToolBar(translate("Actions", "Toolbar"), window)
    toolbar.setObjectName("trainingToolBar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.addToolBar(toolbar)
    for action, name, text in (  # the buttons' words, without a menu's "(&T)"
        (actions.train, "trainButton", translate("Actions", "Train")),
        (actions.step, "stepButton", translate("Actions", "Step")),
        (actions.reset, "resetButton", translate("Actions", "Reset")),
    ):
        action.setIconText(text)
        toolbar.addAction(action)
        toolbar.widgetForAction(action).setObjectName(name)
    return toolbar


def build_menus(
    menu_bar: QMenuBar, actions: MainActions, docks: Iterable[QDockWidget], toolbar: QToolBar
) -> QMenu:
    """The Training menu, and the View menu (the docks, the toolbar, Smooth Animation),
    which it returns."""
    train_menu = menu_bar.addMenu(translate("Actions", "&Training"))
    train_menu.setObjectName("trainingMenu")
    train_menu.addActions([actions.train, actions.step, actions.reset])
    view_menu = menu_bar.addMenu(translate("Actions", "&View"))
    view_menu.setObjectName("viewMenu")
    view_menu.addActions([dock.toggleViewAction() for dock in docks])
    view_menu.addAction(toolbar.toggleViewAction())
    view_menu.addSeparator()
    view_menu.addAction(actions.smooth)
    return view_menu
