"""English text that remembers how it was made, so the GUI can show it in another language.

The core writes its texts in English (the command line, the files, the logs and the tests read
them as they are), but some are built from parts: "Forward through hidden layer 2", "n: must
be a whole number >= 2, got 1". A :class:`Phrase` is that English ``str`` and also its
template and values; :meth:`Phrase.said` fills the template translated by a ``translate``
function (``QCoreApplication.translate`` in the GUI; the template is marked with
``QT_TRANSLATE_NOOP`` under its context where it is written). Values are translated too: a
phrase in its own language, a text as a marked word of the same context (a limit's "use fewer
hidden layers"; a number, symbol or formula has no translation and stays as it is).
Placeholders are named, so a translation may reorder them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

Translate = Callable[[str, str], str]
"""``translate(context, text)``: ``QCoreApplication.translate`` in the GUI, else
:func:`untranslated`."""


def untranslated(context: str, text: str) -> str:
    """The ``translate(context, text)`` of a Qt-free caller: the English text itself. A
    function that builds words takes ``translate`` with this default, and the GUI passes
    ``QCoreApplication.translate``; lupdate extracts ``translate("Context", "text")`` calls."""
    return text


class Phrase(str):
    """``template.format(**values)`` as a ``str``, with ``template``, ``values`` and the
    ``context`` its template is marked under (``None``: the context it is shown in) kept."""

    template: str
    context: str | None
    values: Mapping[str, object]

    def __new__(cls, template: str, context: str | None = None, **values: object) -> Phrase:
        self = super().__new__(cls, template.format(**values))
        self.template = template
        self.context = context
        self.values = dict(values)
        return self

    def said(self, translate: Translate = untranslated, context: str = "",
             **replaced: object) -> str:
        """The phrase in ``translate``'s language; ``context`` where it has none of its own;
        ``replaced`` values win (a field's label in place of its internal name)."""
        context = self.context or context
        values = {key: _said(value, context, translate)
                  for key, value in {**self.values, **replaced}.items()}
        return translate(context, self.template).format(**values)

    def __reduce__(self) -> tuple:  # a sweep's workers may send one back pickled
        return _rebuild, (self.template, self.context, dict(self.values))


def _said(value: object, context: str, translate: Translate) -> str:
    if isinstance(value, Phrase):
        return value.said(translate, context)
    if isinstance(value, str) and value:
        return translate(context, value)
    return str(value)


def _rebuild(template: str, context: str | None, values: dict[str, object]) -> Phrase:
    return Phrase(template, context, **values)
