"""The interface's language: which translations to load, and the View ▸ Language menu.

The language follows the system's locale unless the person chose one (remembered in the
settings). BP Studio's own texts come from ``resources/i18n/bpstudio_<code>.qm`` (built from
the ``.ts`` file by ``scripts/i18n.py``); Qt's own dialogs (file dialogs, message-box buttons)
from Qt's shipped ``qtbase_<code>.qm``. A change applies at the next start: every window and
dock builds its texts once, as it is made. The command line always speaks English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup, QFontDatabase
from PySide6.QtWidgets import QMenu, QStatusBar

from ...package_data import translation_path
from .settings import AppSettings

ENGLISH = "en"
LANGUAGES: dict[str, str] = {ENGLISH: "English", "zh_CN": "中文"}
"""The interface's languages: code -> its name in its own language (how the menu shows it)."""

SYSTEM = ""
"""The setting's value when the language follows the system's locale."""


def system_language(locale: QLocale | None = None) -> str:
    """The language of ``locale`` (the system's by default) if BP Studio has it, else English."""
    locale = locale or QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"
    return ENGLISH


def chosen_language(setting: str, locale: QLocale | None = None) -> str:
    """The language to use: the person's choice if it is one we have, else the system's."""
    return setting if setting in LANGUAGES else system_language(locale)


def install_translators(language: str) -> list[QTranslator]:
    """Load ``language``'s translations into the application; the translators installed
    (keep them: Qt does not own them). English needs none. A missing file leaves the text
    English rather than failing."""
    app = QCoreApplication.instance()
    if language == ENGLISH or app is None:
        return []
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"bpstudio_{language}", str(translation_path())),
                         (f"qtbase_{language}", qt_dir)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def missing_font_note(language: str) -> str | None:
    """Why ``language`` would show as empty boxes here (no font has its script), in English
    (the one text that must be readable without that font); ``None`` when all is well."""
    if language == ENGLISH or QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return None
    return ("No Chinese font was found, so Chinese text shows as boxes: install one, e.g. "
            "sudo apt install fonts-wqy-microhei (or fonts-noto-cjk), and start again.")


def remove_translators(translators: list[QTranslator]) -> None:
    """Undo :func:`install_translators` (tests switch languages in one process)."""
    app = QCoreApplication.instance()
    for translator in translators:
        if app is not None:
            app.removeTranslator(translator)


class LanguageMenu:
    """View ▸ Language: follow the system, or one of :data:`LANGUAGES`; the choice is saved
    and applies at the next start (the status bar says so)."""

    def __init__(self, view_menu: QMenu, settings: AppSettings, status: QStatusBar) -> None:
        self._settings = settings
        self._status = status
        # "Lesson", beside it in the View menu, needs the L
        self.menu = view_menu.addMenu(QCoreApplication.translate("Language", "Lang&uage"))
        self.menu.setObjectName("languageMenu")
        group = QActionGroup(self.menu)
        current = settings.language()
        system = QCoreApplication.translate("Language", "System ({language})").format(
            language=LANGUAGES[system_language()])
        for code, name in [(SYSTEM, system), *LANGUAGES.items()]:
            action = QAction(name, self.menu, checkable=True)
            action.setObjectName(f"{code or 'system'}LanguageAction")  # 中文(&Z)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
            self.menu.addAction(action)
        group.triggered.connect(self._choose)

    def _choose(self, action: QAction) -> None:
        self._settings.set_language(action.data())
        self._status.showMessage(QCoreApplication.translate(
            "Language", "The language changes when BP Studio starts next time."))
