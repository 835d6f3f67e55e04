"""The training doctor's vocabulary: what a rule looks at (:class:`Evidence`) and what it
says (:class:`Finding`, in :class:`Words`), with numbers written the way a person reads them.

A finding's sentences are English (``bpstudio train`` prints them as they are) and
:class:`~bpstudio.core.phrase.Phrase`: templates marked ``QT_TRANSLATE_NOOP("Doctor", …)``
with their values, so the app's note under the loss plot can say them in the interface's
language.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .phrase import Phrase, Translate, untranslated
from .text import quote
from .trainer import History
from .translatable import QT_TRANSLATE_NOOP
from .unit_readings import UnitReadings

INFO = "info"
WARNING = "warning"
CRITICAL = "critical"
SEVERITIES = (INFO, WARNING, CRITICAL)
"""From mild to urgent: ``info`` is worth knowing (overfitting is what long training on
little data does), ``warning`` means training is stuck or wasting itself, ``critical``
that it is about to fail."""

GUIDE = "guide.md#"
"""Findings point at a section of the user guide (docs/guide.md) by its anchor."""


def words(template: str, **values: object) -> Phrase:
    """The :class:`~bpstudio.core.phrase.Phrase` of ``template`` (marked
    ``QT_TRANSLATE_NOOP("Doctor", …)``) and its values."""
    return Phrase(template, "Doctor", **values)


NOTHING = words("")
"""Words that say nothing (a part a sentence may go without)."""


def listed(parts: list[Phrase]) -> Phrase:
    """The parts one after the other: ``"a; b; c"``."""
    said = parts[0]
    for part in parts[1:]:
        said = words(QT_TRANSLATE_NOOP("Doctor", "{first}; {next}"), first=said, next=part)
    return said


@dataclass(frozen=True)
class Finding:
    """One thing the doctor sees.

    ``id`` is stable (a note dismissed once stays dismissed while the same finding holds);
    ``seen`` says what it sees, with the numbers; ``advice`` what to try, in plain words;
    ``explained_in`` the guide section that explains it (``"guide.md#anchor"``). The rules
    write ``seen`` and ``advice`` as :class:`~bpstudio.core.phrase.Phrase`.
    """

    id: str
    severity: str
    seen: str
    advice: str
    explained_in: str

    def said(self, translate: Translate = untranslated) -> tuple[str, str]:
        """What is seen and what to try, in ``translate``'s language (a finding written as
        plain text, not :class:`~bpstudio.core.phrase.Phrase`, as it is)."""
        return tuple(text.said(translate) if isinstance(text, Phrase) else text
                     for text in (self.seen, self.advice))

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(
                f"severity: expected one of {', '.join(SEVERITIES)}, got {quote(self.severity)}")


@dataclass(frozen=True)
class Evidence:
    """What the rules look at: the run's history (train and test loss per epoch, possibly
    thinned to every ``stride``-th epoch), the optimizer's learning rate, and the latest
    :class:`~bpstudio.core.unit_readings.UnitReadings` if the caller took one (``None``:
    the rules about units stay silent)."""

    history: History
    learning_rate: float | None = None
    units: UnitReadings | None = None

    @cached_property
    def epochs(self) -> np.ndarray:
        """The history's epochs as an array (made once, for all the rules)."""
        return np.asarray(self.history.epoch, dtype=np.int64)

    @cached_property
    def train_loss(self) -> np.ndarray:
        return np.asarray(self.history.train_loss, dtype=float)

    @cached_property
    def test_loss(self) -> np.ndarray:
        """NaN where the test loss was not measured."""
        return np.asarray(self.history.test_loss, dtype=float)

    @property
    def rate(self) -> Phrase:
        """``" (now 0.01)"``: the learning rate as advice quotes it, or nothing."""
        if self.learning_rate is None:
            return NOTHING
        return words(QT_TRANSLATE_NOOP("Doctor", " (now {rate})"),
                     rate=number(self.learning_rate))


def number(x: float) -> str:
    """Three significant digits, exponents without ``+`` or leading zeros: ``1.1``,
    ``0.0123``, ``1.51e8``, ``6.4e-14``; a ratio that overflowed ``over 1e308``."""
    if math.isinf(x):
        return "over 1e308" if x > 0 else "below -1e308"
    if math.isnan(x):
        return "not a number"
    text = f"{x:.3g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{int(exponent)}"
    return text


def share(x: float) -> str:
    """A fraction as a percentage: ``62 %``, below 10 % with one decimal (``0.3 %``)."""
    return f"{100.0 * x:.1f} %" if abs(x) < 0.1 else f"{100.0 * x:.0f} %"
