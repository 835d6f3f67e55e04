"""Showing the core's and the lessons' English texts in the interface's language.

The Qt-free modules mark their texts with ``QT_TRANSLATE_NOOP(context, …)`` and build the
ones with parts as :class:`~bpstudio.core.phrase.Phrase`; :func:`translated` is where they are
shown: it translates the text (or the phrase's template, and its values) under ``context``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bpstudio.core.phrase import Phrase


def translated(context: str, text: str) -> str:
    """``text`` in the interface's language (unchanged where it has no translation)."""
    if isinstance(text, Phrase):
        return text.said(QCoreApplication.translate, context)
    return QCoreApplication.translate(context, text) if text else text
