"""Marking text for translation where Qt is not imported.

The core, the file format's vocabularies and the lessons are Qt-free, yet the Chinese
interface shows their names and texts translated. ``QT_TRANSLATE_NOOP(context, text)`` returns
``text`` unchanged; ``pyside6-lupdate`` finds it by its name and extracts the text under
``context``, and the GUI translates it when it shows it, with
``QCoreApplication.translate(context, text)`` and the same context. The command line and the
files keep the English text.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """``text`` unchanged, marked for translation under ``context``."""
    return text
