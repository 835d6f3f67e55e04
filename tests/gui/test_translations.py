"""The Chinese interface: the translation files are complete and in step with the code, the
language is chosen and remembered, and a window made in Chinese reads in Chinese."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from bpstudio.gui.window.language import ENGLISH, LANGUAGES, SYSTEM, chosen_language
from bpstudio.gui.window.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import i18n  # noqa: E402  (scripts/i18n.py)

needs_lupdate = pytest.mark.skipif(
    not (Path(sys.executable).with_name("pyside6-lupdate").exists()
         or shutil.which("pyside6-lupdate")), reason="pyside6-lupdate not installed")

_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d|%n")


@needs_lupdate
def test_the_ts_file_holds_exactly_the_texts_the_code_marks(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(i18n.TS, fresh)
    i18n.extract(fresh)
    assert i18n.messages(fresh) == i18n.messages(), "run: python scripts/i18n.py update"


@needs_lupdate
def test_the_qm_file_is_built_from_the_ts_file(tmp_path):
    built = i18n.compile_qm(i18n.TS, tmp_path / "built.qm")
    assert built.read_bytes() == i18n.TS.with_suffix(".qm").read_bytes(), (
        "run: python scripts/i18n.py update")


def test_every_text_has_its_chinese():
    todo = [f"{c}: {s}" for (c, s), t in i18n.messages().items() if t is None]
    assert not todo, f"{len(todo)} untranslated (python scripts/i18n.py missing): {todo[:20]}"


def test_translations_keep_the_placeholders_and_one_mnemonic():
    for (context, source), text in i18n.messages().items():
        if text is None:
            continue
        assert sorted(_PLACEHOLDER.findall(text)) == sorted(_PLACEHOLDER.findall(source)), (
            context, source, text)
        assert text.replace("&&", "").count("&") == source.replace("&&", "").count("&"), (
            context, source, text)


def test_the_language_follows_the_system_unless_one_was_chosen():
    china = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    usa = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert chosen_language(SYSTEM, china) == "zh_CN"
    assert chosen_language(SYSTEM, usa) == ENGLISH
    assert chosen_language(ENGLISH, china) == ENGLISH
    assert chosen_language("zh_CN", usa) == "zh_CN"
    assert chosen_language("klingon", usa) == ENGLISH  # an unknown saved value: the system's


def test_view_language_remembers_the_choice_for_the_next_start(window):
    menu = window.language_menu.menu
    names = [re.sub(r"\(&\w\)$", "", a.text()).replace("&", "") for a in menu.actions()]
    assert names[1:] == list(LANGUAGES.values())
    assert menu.actions()[0].isChecked()  # nothing chosen yet: the system's
    menu.actions()[2].trigger()  # 中文
    assert AppSettings().language() == "zh_CN"
    assert "next time" in window.statusBar().currentMessage()
    assert menu.actions()[2].isChecked() and not menu.actions()[0].isChecked()


def test_a_window_made_in_chinese_names_its_language_menu_in_chinese(zh_window):
    assert zh_window.language_menu.menu.title() == "语言(&U)"
    menu = zh_window.language_menu.menu
    menu.actions()[1].trigger()  # English
    assert "下次启动" in zh_window.statusBar().currentMessage()


def test_a_missing_chinese_font_is_named_with_the_package_to_install(qapp, monkeypatch):
    from PySide6.QtGui import QFontDatabase

    from bpstudio.gui.window.language import missing_font_note

    assert missing_font_note(ENGLISH) is None
    monkeypatch.setattr(QFontDatabase, "families", lambda *args: [])
    assert "fonts-wqy-microhei" in missing_font_note("zh_CN")
    monkeypatch.setattr(QFontDatabase, "families", lambda *args: ["WenQuanYi Micro Hei"])
    assert missing_font_note("zh_CN") is None
