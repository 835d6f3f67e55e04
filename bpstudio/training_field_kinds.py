"""The kinds of row in the table of training settings
(:data:`~bpstudio.training_fields.TRAINING_FIELDS`): each says how a value is checked, how a
file writes it and what the schema says of it. :class:`Choice` (a name from a registry),
:class:`Number` (a float in a range), :class:`Count` (a whole number up to a limit of
:mod:`bpstudio.limits`, or ``None``), :class:`Switch` (true or false), :class:`Seed`; the
nested kinds (a schedule, the stopping rules) are in :mod:`bpstudio.control_fields`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .core.text import quote
from .core.validation import check_name
from .limit_checks import check_seed, shown


@dataclass(frozen=True)
class Flag:
    """The field's flag in ``bpstudio new``; ``{default}`` in ``help`` becomes the field's
    default. ``strict``: the parser itself refuses a value outside the field's range (its
    message names the flag); otherwise the config does."""

    name: str
    help: str
    strict: bool = False

    @property
    def dest(self) -> str:
        """Where argparse puts the value: ``--batch-size`` -> ``batch_size``."""
        return self.name.removeprefix("--").replace("-", "_")


@dataclass(frozen=True)
class Widget:
    """The field's row in the designer. ``kind``: ``"combo"`` (the choices' labels),
    ``"log"`` (a LogSpinBox from ``low`` to ``high``), ``"count"`` (a whole-number box from 0,
    which shows ``special`` and means ``None``, to the field's maximum) or ``"decimal"`` (from
    0 to ``high`` in ``step``, shown to ``decimals`` places)."""

    label: str
    object_name: str
    kind: str
    tooltip: str = ""
    low: float = 0.0
    high: float = 0.0
    step: float = 1.0
    decimals: int = 0
    special: str = ""


@dataclass(frozen=True)
class TrainingField:
    """A row of the table: the field's name (the ``TrainingConfig`` attribute and the key in
    a file's ``training`` section), its default, and its flag and designer row if it has
    them. Subclasses say how a value is checked and what the schema says of it; ``optional``
    rows may be missing from a file."""

    name: str
    default: Any
    flag: Flag | None = None
    widget: Widget | None = None
    optional: bool = False
    """A file may leave it out and reads as the default (a row added after files of the same
    format version were written: Adam's betas)."""

    def check(self, value: Any) -> None:
        """Raise ``ValueError("name: why")`` unless ``value`` is one this field may hold."""
        raise NotImplementedError

    def help(self) -> str:
        """The help of its flag, the default filled in."""
        return self.flag.help.format(default=self.default) if self.flag else ""

    def encode(self, value: Any) -> Any:
        """The value as a file holds it."""
        return value

    def schema(self) -> dict[str, Any]:
        """What ``bpstudio/resources/bpnet.schema.json`` says of the field."""
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True)
class Choice(TrainingField):
    """A name from a registry; ``choices`` maps each name to the words a person reads."""

    choices: Mapping[str, str]

    def check(self, value: Any) -> None:
        check_name(self.name, value, self.choices)

    def schema(self) -> dict[str, Any]:
        return {"enum": list(self.choices)}


@dataclass(frozen=True, kw_only=True)
class Number(TrainingField):
    """A finite float above ``low`` (or at it, unless ``low_open``), and below ``high`` if
    given. A file holds it as a float, whole or not."""

    low: float = 0.0
    low_open: bool = False
    high: float | None = None

    def check(self, value: Any) -> None:
        real = isinstance(value, int | float) and not isinstance(value, bool)
        if not (real and math.isfinite(value) and self._within(value)):
            raise ValueError(f"{self.name}: must be {self.range_text()}, got {quote(value)}")

    def _within(self, value: float) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        return above and (self.high is None or value < self.high)

    def range_text(self) -> str:
        """``"a finite number > 0"``, ``"a number in [0, 1)"``."""
        if self.high is None:
            return f"a finite number {'>' if self.low_open else '>='} {self.low:g}"
        return f"a number in [{self.low:g}, {self.high:g})"

    def encode(self, value: Any) -> float:
        return float(value)

    def schema(self) -> dict[str, Any]:
        bound = "exclusiveMinimum" if self.low_open else "minimum"
        out: dict[str, Any] = {"type": "number", bound: self.low}
        if self.high is not None:
            out["exclusiveMaximum"] = self.high
        return out


@dataclass(frozen=True, kw_only=True)
class Count(TrainingField):
    """A whole number from 1 to ``maximum`` (a limit of :mod:`bpstudio.limits`; ``limit_is``
    says what it is, for a flag's message), or ``None``; ``limit_check`` is the check of
    :mod:`bpstudio.limit_checks` that session and file reader share."""

    maximum: int
    limit_check: Callable[[str, object], None]
    limit_is: str = ""

    def check(self, value: Any) -> None:
        self.limit_check(self.name, value)

    def schema(self) -> dict[str, Any]:
        return {"oneOf": [{"type": "null"},
                          {"type": "integer", "minimum": 1, "maximum": self.maximum}]}


@dataclass(frozen=True)
class Switch(TrainingField):
    """True or false."""

    def check(self, value: Any) -> None:
        if not isinstance(value, bool):
            raise ValueError(f"{self.name}: must be True or False, got {shown(value)}")

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Seed(TrainingField):
    """A seed, from 0 to :data:`~bpstudio.limits.MAX_SEED`."""

    def check(self, value: Any) -> None:
        check_seed(self.name, value)

    def schema(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/seed"}
