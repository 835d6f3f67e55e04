"""Marking text for translation where Qt is not imported.

The core, the file format's vocabularies and the lessons are Qt-free, yet the Chinese
interface shows their names and texts translated. ``QT_TRANSLATE_NOOP(context, text)`` returns
``text`` unchanged; ``pyside6-lupdate`` finds it by its name and extracts the text under
``context``, and the GUI translates it when it shows it, with
``QCoreApplication.translate(context, text)`` and the same context. The command line and the
files keep the English text.

A refusal the interface shows (a limit, a value a check does not take) is a
:class:`Refusal`: its message is the English sentence, and it keeps the template and the
values (a :class:`~bpstudio.core.phrase.Phrase`) so the GUI can say the same in Chinese.
"""

from __future__ import annotations

from .phrase import Phrase


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """``text`` unchanged, marked for translation under ``context``."""
    return text


class Refusal(ValueError):
    """A ``ValueError("field: why; the fix")`` that keeps its :class:`Phrase`, so the GUI can
    say it in the reader's language: ``str()`` is the English message every test matches,
    :attr:`words` the template (with ``field`` among its values) and values behind it."""

    def __init__(self, template: str, **values: object) -> None:
        self.words = Phrase(template, "Limits", **values)
        super().__init__(str(self.words))

    def __reduce__(self) -> tuple:  # a sweep's workers may send an error back pickled
        return _refusal, (self.words.template, dict(self.words.values))


def _refusal(template: str, values: dict) -> Refusal:
    return Refusal(template, **values)
