"""Help ▸ User Guide and Help ▸ About BP Studio, opened like a person does, and read."""

import numpy as np
import pyqtgraph as pg
import PySide6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QImage, QTextDocument
from PySide6.QtWidgets import QDialogButtonBox, QMenu

from bpstudio import __version__
from bpstudio.gui.window.help_menu import GUIDE_IMAGE_WIDTH
from bpstudio.package_data import guide_path


def help_action(window, name):
    menu = window.menuBar().findChild(QMenu, "helpMenu")
    assert menu is not None and menu.title() == "&Help"
    assert window.menuBar().actions()[-1] is menu.menuAction()  # Help comes last
    action = window.findChild(QAction, name)
    assert action in menu.actions()
    return action


def test_f1_opens_the_user_guide_with_its_pictures(qtbot, window):
    help_action(window, "userGuideAction")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.help.guide
    qtbot.waitUntil(guide.isVisible)
    text = guide.browser.document().toPlainText()
    assert text.startswith("BP Studio user guide")
    assert "The training doctor" in text and "Step inspector" in text
    assert guide.browser.source() == QUrl.fromLocalFile(str(guide_path()))
    picture = guide.browser.document().resource(
        QTextDocument.ResourceType.ImageResource,
        guide.browser.source().resolved(QUrl("screenshots/sin.png")))
    assert isinstance(picture, QImage) and not picture.isNull()
    assert picture.width() == GUIDE_IMAGE_WIDTH  # the 1500-pixel screenshot, scaled to fit
    help_action(window, "userGuideAction").trigger()  # a second time: the same window
    assert window.help.guide is guide


def test_a_link_to_another_page_of_the_docs_opens_it_in_the_guide(qtbot, window):
    help_action(window, "userGuideAction").trigger()
    browser = window.help.guide.browser
    browser.setSource(browser.source().resolved(QUrl("cli.md")))
    assert "bpstudio new" in browser.document().toPlainText()
    browser.backward()
    assert browser.document().toPlainText().startswith("BP Studio user guide")


def test_about_names_the_version_the_licences_and_the_docs(qtbot, window):
    help_action(window, "aboutAction").trigger()
    about = window.help.about
    qtbot.waitUntil(about.isVisible)
    text = about.text.text()
    for needed in (f"BP Studio {__version__}", f"PySide6 {PySide6.__version__}",
                   f"NumPy {np.__version__}", f"pyqtgraph {pg.__version__}",
                   "Qt and PySide6: GNU LGPL v3", "NumPy: BSD 3-Clause", "pyqtgraph: MIT"):
        assert needed in text, needed
    docs = QUrl.fromLocalFile(str(guide_path().parent)).toString()
    assert f"href='{docs}'" in text and guide_path().is_file()
    close = about.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not about.isVisible())
