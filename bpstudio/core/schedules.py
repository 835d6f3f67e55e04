"""Learning-rate schedules: how η changes from epoch to epoch.

η changes per epoch, as Keras's and PyTorch's schedulers step per epoch: the trainer sets
the optimizer's rate once before each epoch's first batch (and where a resumed epoch goes
on), so a mini-batch costs nothing more. A schedule is a *factor* of the configured rate
``η0``: epoch ``t`` (counted from 1) trains with ``η0 · factor(t)``, so changing η0 while
training (the app's learning-rate box) keeps the schedule's shape.

Every kind is one row of :data:`SCHEDULES`, with its words and its parameters (defaults and
ranges): the session's checks, the file format, the command line and the schema all come
from it. The stateless kinds are pure functions of ``t``. ``plateau`` keeps a small explicit
state (:class:`PlateauState`: the best training loss, the epochs since, the factor now),
updated after every epoch with the epoch's training loss and saved with the trainer's
state, so a resumed run goes on exactly.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from ..limits import MAX_EPOCHS
from .phrase import Phrase
from .text import quote
from .translatable import QT_TRANSLATE_NOOP, Refusal
from .validation import check_name

SMALLEST_FACTOR = 1e-10
"""η never falls below ``η0 · 1e-10``: a decayed factor would otherwise underflow to 0 after
enough epochs (0.99 to the power of 10⁹), which stops training without a word."""


@dataclass(frozen=True)
class Param:
    """A schedule's parameter: a whole number of epochs (``whole``) or a number, from ``low``
    (excluded with ``low_open``) to ``high`` (included)."""

    name: str
    label: str
    default: float
    low: float
    high: float
    whole: bool = False
    low_open: bool = False

    def check(self, where: str, value: Any) -> float | int:
        """``value`` if it is in range, else ``ValueError("where: why")``."""
        kind = int if self.whole else int | float
        if (isinstance(value, bool) or not isinstance(value, kind)
                or not (math.isfinite(value) and self._within(value))):
            raise Refusal(QT_TRANSLATE_NOOP("Limits", "{field}: must be {range}, got {value}"),
                          field=where, range=self.range_words(), value=quote(value))
        return value if self.whole else float(value)

    def _within(self, value: float) -> bool:
        return (value > self.low if self.low_open else value >= self.low) and value <= self.high

    def range_text(self) -> str:
        """``"a whole number from 1 to 1,000,000,000"``, ``"a number in (0, 1]"``."""
        return str(self.range_words())

    def range_words(self) -> Phrase:
        """:meth:`range_text` as words the interface says in its language."""
        if self.whole:
            return Phrase(QT_TRANSLATE_NOOP("Limits", "a whole number from {low} to {high}"),
                          "Limits", low=f"{self.low:,.0f}", high=f"{self.high:,.0f}")
        return Phrase(QT_TRANSLATE_NOOP("Limits", "a number in {interval}"), "Limits",
                     interval=f"{'(' if self.low_open else '['}{self.low:g}, {self.high:g}]")

    def schema(self) -> dict[str, Any]:
        bound = "exclusiveMinimum" if self.low_open else "minimum"
        kind = "integer" if self.whole else "number"
        low = int(self.low) if self.whole else self.low
        high = int(self.high) if self.whole else self.high
        return {"type": kind, bound: low, "maximum": high}


@dataclass(frozen=True)
class PlateauState:
    """What reduce-on-plateau remembers: the best training loss so far, the epochs since it
    improved, and the factor η0 is multiplied by now."""

    best: float = math.inf
    wait: int = 0
    factor: float = 1.0


Factor = Callable[[int, Mapping[str, Any], "PlateauState | None"], float]


@dataclass(frozen=True)
class ScheduleKind:
    """A row of :data:`SCHEDULES`: the name files and flags use, the words a person reads,
    the parameters, and ``factor(t, params, plateau)``, η's factor for epoch ``t`` (from 1)."""

    name: str
    label: str
    params: tuple[Param, ...]
    factor: Factor
    formula: str
    stateful: bool = False


def _step(t: int, p: Mapping[str, Any], _: PlateauState | None) -> float:
    return p["factor"] ** ((t - 1) // p["every"])


def _exponential(t: int, p: Mapping[str, Any], _: PlateauState | None) -> float:
    return p["gamma"] ** (t - 1)


def _invscaling(t: int, p: Mapping[str, Any], _: PlateauState | None) -> float:
    return 1.0 / t ** p["power_t"]


def _cosine(t: int, p: Mapping[str, Any], _: PlateauState | None) -> float:
    low, period = p["min_factor"], p["period"]
    return low + (1.0 - low) * (1.0 + math.cos(math.pi * min(t - 1, period) / period)) / 2.0


def _plateau(t: int, p: Mapping[str, Any], state: PlateauState | None) -> float:
    return 1.0 if state is None else state.factor


_EPOCHS = {"low": 1, "high": MAX_EPOCHS, "whole": True}
_FRACTION = {"low": 0.0, "high": 1.0, "low_open": True}

SCHEDULES: dict[str, ScheduleKind] = {k.name: k for k in (
    ScheduleKind("constant", QT_TRANSLATE_NOOP("Vocabulary", "Constant"), (),
                 lambda t, p, s: 1.0, "η = η0"),
    ScheduleKind("step", QT_TRANSLATE_NOOP("Vocabulary", "Step decay"), (
        Param("every", QT_TRANSLATE_NOOP("Vocabulary", "Every (epochs)"), 100, **_EPOCHS),
        Param("factor", QT_TRANSLATE_NOOP("Vocabulary", "Factor"), 0.5, **_FRACTION),
    ), _step, QT_TRANSLATE_NOOP("Vocabulary", "η = η0 · factor^floor((t − 1) / every)")),
    ScheduleKind("exponential", QT_TRANSLATE_NOOP("Vocabulary", "Exponential"), (
        Param("gamma", QT_TRANSLATE_NOOP("Vocabulary", "Gamma"), 0.99, **_FRACTION),
    ), _exponential, QT_TRANSLATE_NOOP("Vocabulary", "η = η0 · gamma^(t − 1)")),
    ScheduleKind("invscaling", QT_TRANSLATE_NOOP("Vocabulary", "1/t (inverse scaling)"), (
        Param("power_t", QT_TRANSLATE_NOOP("Vocabulary", "Power"), 0.5, 0.0, 4.0),
    ), _invscaling, QT_TRANSLATE_NOOP(
        "Vocabulary", "η = η0 / t^power_t (scikit-learn's invscaling, t counting epochs)")),
    ScheduleKind("cosine", QT_TRANSLATE_NOOP("Vocabulary", "Cosine annealing"), (
        Param("period", QT_TRANSLATE_NOOP("Vocabulary", "Period (epochs)"), 1000, **_EPOCHS),
        Param("min_factor", QT_TRANSLATE_NOOP("Vocabulary", "Lowest factor"), 0.01,
              **_FRACTION),
    ), _cosine, QT_TRANSLATE_NOOP(
        "Vocabulary", "η = η0 · (m + (1 − m)(1 + cos(π · min(t − 1, period) / period)) / 2)")),
    ScheduleKind("plateau", QT_TRANSLATE_NOOP("Vocabulary", "Reduce on plateau"), (
        Param("factor", QT_TRANSLATE_NOOP("Vocabulary", "Factor"), 0.1, 0.0, 0.999,
              low_open=True),
        Param("patience", QT_TRANSLATE_NOOP("Vocabulary", "Patience (epochs)"), 10, **_EPOCHS),
        Param("threshold", QT_TRANSLATE_NOOP("Vocabulary", "Threshold (relative)"), 1e-4,
              0.0, 0.5),
        Param("min_factor", QT_TRANSLATE_NOOP("Vocabulary", "Lowest factor"), 1e-4,
              **_FRACTION),
    ), _plateau, QT_TRANSLATE_NOOP(
        "Vocabulary", "η = η0 · f; f times factor after patience epochs without the "
        "training loss falling below best · (1 − threshold), never below min_factor"),
       stateful=True),
)}
"""Every schedule, in the order the designer and ``--help`` list them."""


@dataclass(frozen=True)
class Schedule:
    """A schedule kind and its parameters (those left out take their defaults), checked."""

    name: str = "constant"
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        kind = SCHEDULES[check_name("schedule", self.name, SCHEDULES)]
        known = {p.name: p for p in kind.params}
        for key in self.params:
            if key not in known:
                takes = ", ".join(known) if known else "no parameters"
                raise ValueError(f"schedule.{key}: the '{self.name}' schedule takes {takes}")
        values = {p.name: p.check(f"schedule.{p.name}", self.params.get(p.name, p.default))
                  for p in kind.params}
        object.__setattr__(self, "params", values)

    @property
    def kind(self) -> ScheduleKind:
        return SCHEDULES[self.name]

    @property
    def constant(self) -> bool:
        return self.name == "constant"

    def factor(self, epoch: int, plateau: PlateauState | None = None) -> float:
        """η's factor for ``epoch`` (counted from 1), never below :data:`SMALLEST_FACTOR`."""
        return max(self.kind.factor(epoch, self.params, plateau), SMALLEST_FACTOR)

    def start_state(self) -> PlateauState | None:
        """The state a run starts with: a fresh :class:`PlateauState`, or ``None``."""
        return PlateauState() if self.kind.stateful else None

    def after_epoch(self, state: PlateauState | None, loss: float) -> PlateauState | None:
        """The state after an epoch whose training loss was ``loss`` (Keras's rule: after
        ``patience`` epochs without improvement the factor is cut and the count restarts)."""
        if state is None:
            return None
        p = self.params
        if loss < state.best * (1.0 - p["threshold"]):
            return PlateauState(loss, 0, state.factor)
        if state.wait + 1 >= p["patience"]:
            return replace(state, wait=0, factor=max(state.factor * p["factor"],
                                                      p["min_factor"]))
        return replace(state, wait=state.wait + 1)

    def describe(self) -> str:
        """``step (every=100, factor=0.5)``; ``constant``."""
        if not self.params:
            return self.name
        return f"{self.name} ({', '.join(f'{k}={v:g}' for k, v in self.params.items())})"


def preview(schedule: Schedule, epochs: int, learning_rate: float = 1.0) -> np.ndarray:
    """η for epochs 1 to ``epochs``, as the designer's small preview draws it. A plateau
    schedule depends on losses not known beforehand: its preview stays at η0."""
    state = schedule.start_state()
    return np.array([learning_rate * schedule.factor(t, state) for t in range(1, epochs + 1)])
