"""The two rows of the training table that hold a nested value: the learning-rate schedule
(a name and its parameters, :mod:`bpstudio.core.schedules`) and the stopping rules
(:mod:`bpstudio.core.stopping`).

Like every row of :data:`~bpstudio.training_fields.TRAINING_FIELDS`, each kind says how a
value is checked, written to a file (an object) and described by the schema; beyond the
flat kinds, each reads its flag's short text (:meth:`Structured.parse`):
``--schedule step:every=100,factor=0.5`` and ``--stop loss=1e-3,patience=50,restore,time=60``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .core.schedules import SCHEDULES, Schedule
from .core.stopping import StopRules
from .core.text import quote
from .limit_checks import shown
from .limits import MAX_EPOCHS, MAX_SECONDS
from .training_field_kinds import TrainingField

MAX_FLAG_CHARS = 1000
"""A ``--schedule`` or ``--stop`` text longer than this is refused before it is read."""


@dataclass(frozen=True)
class Structured(TrainingField):
    """A row whose value is a small frozen object; its flag is read by :meth:`parse`."""

    def expects(self) -> type:
        raise NotImplementedError

    def check(self, value: Any) -> None:
        if not isinstance(value, self.expects()):
            raise ValueError(f"{self.name}: expected a {self.expects().__name__}, got "
                             f"{shown(value)}")

    def parse(self, text: str) -> Any:
        """The value of the flag's text; ``ValueError`` says what is wrong and an example."""
        raise NotImplementedError


def _pairs(text: str, example: str) -> list[tuple[str, str | None]]:
    """``a=1,b,c=2`` as ``[("a", "1"), ("b", None), ("c", "2")]``."""
    if len(text) > MAX_FLAG_CHARS:
        raise ValueError(f"at most {MAX_FLAG_CHARS:,} characters, got {len(text):,}")
    out = []
    for part in text.split(","):
        key, sep, value = part.strip().partition("=")
        if not key or (sep and not value):
            raise ValueError(f"expected NAME=VALUE pairs separated by commas, e.g. {example}, "
                             f"got {quote(text)}")
        out.append((key, value if sep else None))
    return out


def _number(key: str, value: str | None, example: str) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{key}: expected a number, e.g. {example}, got "
                         f"{quote(value if value is not None else '')}") from None


@dataclass(frozen=True)
class ScheduleField(Structured):
    """A :class:`~bpstudio.core.schedules.Schedule`; a file holds ``{"name": ..., params}``,
    every parameter written."""

    def expects(self) -> type:
        return Schedule

    def encode(self, value: Schedule) -> dict[str, Any]:
        return {"name": value.name, **value.params}

    def schema(self) -> dict[str, Any]:
        return {"oneOf": [
            {"type": "object", "properties": {"name": {"const": kind.name},
                                              **{p.name: p.schema() for p in kind.params}},
             "required": ["name", *(p.name for p in kind.params)],
             "additionalProperties": False}
            for kind in SCHEDULES.values()]}

    def parse(self, text: str) -> Schedule:
        """``step:every=100,factor=0.5`` (parameters left out take their defaults)."""
        example = "step:every=100,factor=0.5"
        name, _, rest = text.partition(":")
        params: dict[str, Any] = {}
        for key, value in _pairs(rest, example) if rest else []:
            number = _number(key, value, example)
            params[key] = int(number) if number.is_integer() and key in _WHOLE else number
        try:
            return Schedule(name, params)
        except ValueError as exc:
            raise ValueError(str(exc).removeprefix("schedule").lstrip(".: ")) from None


_WHOLE = {p.name for kind in SCHEDULES.values() for p in kind.params if p.whole}

STOP_WORDS = {"loss": "target_loss", "patience": "patience", "min_delta": "min_delta",
              "restore": "restore_best", "time": "seconds"}
"""The words of ``--stop`` and the :class:`StopRules` fields they set."""


@dataclass(frozen=True)
class StopRulesField(Structured):
    """:class:`~bpstudio.core.stopping.StopRules`; a file holds every rule, ``null`` for one
    left out."""

    def expects(self) -> type:
        return StopRules

    def encode(self, value: StopRules) -> dict[str, Any]:
        out = asdict(value)
        out["min_delta"] = float(out["min_delta"])
        for key in ("target_loss", "seconds"):
            out[key] = None if out[key] is None else float(out[key])
        return out

    def schema(self) -> dict[str, Any]:
        number = {"type": "number", "minimum": 0}
        return {
            "type": "object",
            "properties": {
                "target_loss": {"oneOf": [{"type": "null"}, number]},
                "patience": {"oneOf": [{"type": "null"}, {"type": "integer", "minimum": 1,
                                                          "maximum": MAX_EPOCHS}]},
                "min_delta": number,
                "restore_best": {"type": "boolean"},
                "seconds": {"oneOf": [{"type": "null"}, {
                    "type": "number", "exclusiveMinimum": 0, "maximum": MAX_SECONDS}]},
            },
            "required": list(STOP_WORDS.values()),
            "additionalProperties": False,
        }

    def parse(self, text: str) -> StopRules:
        """``loss=1e-3,patience=50,min_delta=1e-4,restore,time=60``, any of them."""
        example = "loss=1e-3,patience=50,restore,time=60"
        rules: dict[str, Any] = {}
        for key, value in _pairs(text, example):
            if key not in STOP_WORDS:
                raise ValueError(f"unknown rule {quote(key)}; the rules are loss=, patience=, "
                                 f"min_delta=, restore and time=, e.g. {example}")
            if key == "restore":
                if value is not None:
                    raise ValueError("restore: takes no value; write restore alone")
                rules["restore_best"] = True
                continue
            number = _number(key, value, example)
            rules[STOP_WORDS[key]] = int(number) if key == "patience" and number.is_integer() \
                else number
        try:
            return StopRules(**rules)
        except ValueError as exc:
            message = str(exc).removeprefix("stopping.")
            for word, name in STOP_WORDS.items():
                if message.startswith(name + ":"):
                    message = word + message[len(name):]
            raise ValueError(message) from None
