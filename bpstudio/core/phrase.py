"""English text that remembers how it was made, so the GUI can show it in another language.

The core writes its texts in English (the command line, the files and the tests read them as
they are), but some are built from parts: "Forward through hidden layer 2". A :class:`Phrase`
is that English ``str`` and also its template and values; the GUI translates the template
(marked for lupdate with ``QT_TRANSLATE_NOOP`` where it is written) and fills in the values,
translating those that are phrases themselves. Plain ``str`` values (numbers, symbols,
formulas) are filled in as they are.
"""

from __future__ import annotations

from collections.abc import Mapping


class Phrase(str):
    """``template.format(**values)`` as a ``str``, with ``template`` and ``values`` kept."""

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, **values: object) -> Phrase:
        self = super().__new__(cls, template.format(**values))
        self.template = template
        self.values = dict(values)
        return self

    def __reduce__(self) -> tuple:
        return _rebuild, (self.template, dict(self.values))


def _rebuild(template: str, values: dict[str, object]) -> Phrase:
    return Phrase(template, **values)
