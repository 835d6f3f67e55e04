"""Help ▸ User Guide (the shipped ``docs/guide.md``, rendered with its pictures) and
Help ▸ About BP Studio (versions, the licences of what it is built on, where the docs are).

Both read the guide from the package (:mod:`bpstudio.package_data`), so an installed wheel
shows the same pages as a working copy. Both windows are opened without blocking and kept, so
a second click brings the open one to the front.
"""

from __future__ import annotations

import platform
from html import escape

import numpy as np
import pyqtgraph as pg
import PySide6
from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...core.translatable import QT_TRANSLATE_NOOP
from ...package_data import guide_path, icon_path

LICENCES = (
    (QT_TRANSLATE_NOOP("Help", "Qt and PySide6"), "GNU LGPL v3", "https://doc.qt.io/qtforpython-6/licenses.html"),
    ("NumPy", "BSD 3-Clause", "https://numpy.org/doc/stable/license.html"),
    ("pyqtgraph", "MIT", "https://github.com/pyqtgraph/pyqtgraph/blob/master/LICENSE.txt"),
)
"""What BP Studio is built on: (name, licence, where the licence text is)."""

translate = QCoreApplication.translate
GUIDE_IMAGE_WIDTH = 860
"""The widest a picture in the guide is shown (pixels): screenshots are up to 1600 wide."""


class GuideBrowser(QTextBrowser):
    """A Markdown page with its pictures, scaled down to fit a reading width; links to other
    pages of the docs open in place, links to the web in the browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideBrowser")
        self.setOpenExternalLinks(True)

    def loadResource(self, kind: int, name: QUrl) -> object:
        data = super().loadResource(kind, name)
        if kind != QTextDocument.ResourceType.ImageResource.value or data is None:
            return data
        image = data if isinstance(data, QImage) else QImage.fromData(data)
        if image.width() > GUIDE_IMAGE_WIDTH:
            image = image.scaledToWidth(GUIDE_IMAGE_WIDTH,
                                        Qt.TransformationMode.SmoothTransformation)
        return image


class GuideWindow(QWidget):
    """The user guide in a window of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("userGuideWindow")
        self.setWindowTitle(translate("Help", "User Guide"))
        self.browser = GuideBrowser(self)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path())),
                               QTextDocument.ResourceType.MarkdownResource)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(940, 800)


def about_text() -> str:
    """The About box's rich text: the version, what it runs on, the licences and the docs."""
    docs = QUrl.fromLocalFile(str(guide_path().parent)).toString()
    licence_link = translate("Help", "licence")
    built_on = "".join(
        f"<li>{escape(translate('Help', name))}: {escape(licence)} "
        f"(<a href='{url}'>{escape(licence_link)}</a>)</li>"
        for name, licence, url in LICENCES)
    return (
        f"<h3>BP Studio {escape(__version__)}</h3>"
        + translate("Help", "<p>Design, train and understand backpropagation networks.</p>")
        + f"<p>Python {escape(platform.python_version())}, Qt {escape(qVersion())}, "
        f"PySide6 {escape(PySide6.__version__)}, NumPy {escape(np.__version__)}, "
        f"pyqtgraph {escape(pg.__version__)}.</p>"
        + translate("Help", "<p>BP Studio is free software under the MIT licence. It is built "
                    "on:</p>")
        + f"<ul>{built_on}</ul>"
        + translate("Help", "<p>Documentation: Help ▸ User Guide (F1), and every page of the "
                    "docs in <a href='{docs}'>the installed docs folder</a>.</p>"
                    ).format(docs=docs)
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(translate("Help", "About BP Studio"))
        icon = QLabel()
        icon.setPixmap(QPixmap(str(icon_path(128))).scaledToWidth(
            96, Qt.TransformationMode.SmoothTransformation))
        self.text = QLabel(about_text())
        self.text.setObjectName("aboutText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setOpenExternalLinks(True)
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(icon, alignment=Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)


class HelpMenu:
    """The Help menu: User Guide (F1), About BP Studio, About Qt."""

    def __init__(self, window: QMainWindow, menu_bar: QMenuBar) -> None:
        self.window = window
        self.guide: GuideWindow | None = None
        self.about: AboutDialog | None = None
        self.menu: QMenu = menu_bar.addMenu(translate("Help", "&Help"))
        self.menu.setObjectName("helpMenu")
        self.guide_action = self._add("userGuideAction", translate("Help", "&User Guide"),
                                      translate("Help", "Read the user guide"), self.show_guide)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.menu.addSeparator()
        self.about_action = self._add(
            "aboutAction", translate("Help", "&About BP Studio"),
            translate("Help", "The version, the licences and where the docs are"),
            self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self._add("aboutQtAction", translate("Help", "About &Qt"),
                  translate("Help", "The Qt version BP Studio runs on"),
                  QApplication.aboutQt).setMenuRole(QAction.MenuRole.AboutQtRole)

    def _add(self, name: str, text: str, tip: str, slot: object) -> QAction:
        action = self.menu.addAction(text)
        action.setObjectName(name)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)  # its shortcut works wherever the focus is
        return action

    def show_guide(self) -> None:
        if self.guide is None:
            self.guide = GuideWindow(self.window)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()

    def show_about(self) -> None:
        if self.about is None:
            self.about = AboutDialog(self.window)
        self.about.open()
