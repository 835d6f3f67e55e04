"""Marking text for translation where Qt is not imported.

The core, the file format's vocabularies and the lessons are Qt-free, yet the Chinese
interface shows their names and texts translated. ``QT_TRANSLATE_NOOP(context, text)`` returns
``text`` unchanged; ``pyside6-lupdate`` finds it by its name and extracts the text under
``context``, and the GUI translates it when it shows it, with
``QCoreApplication.translate(context, text)`` and the same context. The command line and the
files keep the English text.

A refusal the interface shows (a limit, a value a check does not take) is a
:class:`Refusal`: its message is the English sentence, and it keeps the template and the
values (:class:`Words`) so the GUI can say the same in Chinese.
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str, str], str]
"""``translate(context, text)``: ``QCoreApplication.translate`` in the GUI, else
:func:`untranslated`."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """``text`` unchanged, marked for translation under ``context``."""
    return text


def untranslated(context: str, text: str) -> str:
    """The ``translate(context, text)`` of a Qt-free caller: the English text itself. A
    function that builds words takes ``translate`` with this default, and the GUI passes
    ``QCoreApplication.translate``; lupdate extracts ``translate("Context", "text")`` calls."""
    return text


class Words:
    """A sentence as a template and its values, said in either language.

    ``str()`` is the English sentence (the command line, the files, the logs and the tests
    read it); :meth:`said` fills the template translated by ``translate`` (the template is
    marked with :func:`QT_TRANSLATE_NOOP` under ``context`` where it is written). Values
    are shown as they are, except a :class:`Words` (said in the same language) and a text
    marked under the same context (a limit's "use fewer hidden layers"), which are
    translated too. Placeholders are named, so a translation may reorder them.
    """

    def __init__(self, template: str, context: str = "Limits", **values: object) -> None:
        self.template = template
        self.context = context
        self.values = values

    def said(self, translate: Translate = untranslated, **replaced: object) -> str:
        """The sentence in ``translate``'s language; ``replaced`` values win (a field's
        label in place of its internal name)."""
        values = {key: _said(value, self.context, translate)
                  for key, value in {**self.values, **replaced}.items()}
        return translate(self.context, self.template).format(**values)

    def __str__(self) -> str:
        return self.said()

    def __repr__(self) -> str:
        return f"Words({self.template!r}, {self.values!r})"


def _said(value: object, context: str, translate: Translate) -> str:
    if isinstance(value, Words):
        return value.said(translate)
    if isinstance(value, str) and value:
        return translate(context, value)
    return str(value)


class Refusal(ValueError):
    """A ``ValueError("field: why; the fix")`` that keeps its :class:`Words`, so the GUI can
    say it in the reader's language: ``str()`` is the English message every test matches,
    :attr:`words` the template (with ``field`` among its values) and values behind it."""

    def __init__(self, template: str, **values: object) -> None:
        self.words = Words(template, **values)
        super().__init__(str(self.words))

    def __reduce__(self) -> tuple:  # a sweep's workers may send an error back pickled
        return _refusal, (self.words.template, self.words.values)


def _refusal(template: str, values: dict) -> Refusal:
    return Refusal(template, **values)
