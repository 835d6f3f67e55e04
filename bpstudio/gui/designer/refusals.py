"""The designer's words for what it refuses: the field's label, never an internal name.

A spec's check names its parameter (``"n: must be a whole number >= 5"``); the person typed
into a field labelled *Samples*. A number typed outside a field's range is refused by the
field itself (:mod:`bpstudio.gui.widgets.range_spin_boxes`) and said here too, with the range
and the value that stays.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractSpinBox, QFormLayout, QLabel, QWidget

from bpstudio.core.translatable import Refusal

from ..vocabulary import refusal_words
from ..widgets import range_span, range_text

translate = QCoreApplication.translate

_INTERNAL_NAME = re.compile(r"\A\s*[a-z_][a-z0-9_.]*\s*:\s*")
"""How a spec's check names a field: ``n:``, ``test_fraction:``, ``hidden:``."""


def in_designer_words(message: str, label: str) -> str:
    """``message`` with its leading internal field name replaced by ``label``:
    ``("n: must be ...", "Samples")`` -> ``"Samples: must be ..."``; a message already in
    the designer's words stays as it is."""
    if not label:
        return message
    return _INTERNAL_NAME.sub(f"{label}: ", message, count=1)


def designer_words(problem: str | ValueError, label: str) -> str:
    """A refusal in the designer's words and language: a :class:`Refusal` said with
    ``label`` for its field, any other message by :func:`in_designer_words`."""
    if isinstance(problem, Refusal):
        return refusal_words(problem, **({"field": label} if label else {}))
    return in_designer_words(str(problem), label)


def label_in(forms: tuple[QFormLayout, ...], widget: QWidget | None) -> str:
    """The text of ``widget``'s label in one of ``forms`` (``&`` and ``:`` left out)."""
    for form in forms:
        label = form.labelForField(widget) if widget is not None else None
        if isinstance(label, QLabel):
            return label.text().replace("&", "").rstrip(":：")
    return ""


def refusal(label: str, box: QAbstractSpinBox, typed: str) -> str:
    """Why ``typed`` was not taken, what the field takes, and what it still holds."""
    return translate("Designer", "{field}: {typed} is not allowed; it takes a number {range}. "
                     "It stays {value}.").format(field=label, typed=typed, range=range_text(box),
                                                 value=box.textFromValue(box.value()))


def with_range(tip: str, box: QAbstractSpinBox) -> str:
    """A field's tool tip that says its range: ``"Number of data points (1 to 100,000)"``."""
    return translate("Designer", "{tip} ({range})").format(tip=tip, range=range_span(box))
