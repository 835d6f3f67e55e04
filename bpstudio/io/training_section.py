"""The ``training`` section of a ``.bpnet`` file, read and written by the field table.

Every key is a row of :data:`~bpstudio.training_fields.TRAINING_FIELDS`, written in its
order. A file's value is first checked for its JSON type here (a name, a number, true or
false), then by the config's own checks (ranges and the limits of a session), which name
the field; whole numbers (counts, seeds) go to the config as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..session import TrainingConfig
from ..training_fields import (
    TRAINING_FIELDS,
    Choice,
    Number,
    ScheduleField,
    StopRulesField,
    Switch,
    TrainingField,
)
from .control_section import decode_schedule, decode_stopping
from .fields import at, boolean, choice, guard, number, obj

_READERS: dict[type[TrainingField], Callable[[TrainingField, str, Any], Any]] = {
    Choice: lambda field, path, value: choice(path, value, field.choices, field.name),
    Number: lambda field, path, value: number(path, value),
    Switch: lambda field, path, value: boolean(path, value),
    ScheduleField: lambda field, path, value: decode_schedule(path, value),
    StopRulesField: lambda field, path, value: decode_stopping(path, value),
}
"""How a file's value is read, by kind of field; other kinds are taken as they are."""


def encode_training(config: TrainingConfig) -> dict[str, Any]:
    """Every row in the table's order; an optional row only when it is not its default, so
    a file that does not use it reads in any version-4 reader."""
    return {name: f.encode(getattr(config, name)) for name, f in TRAINING_FIELDS.items()
            if not (f.optional and getattr(config, name) == f.default)}


def decode_training(path: str, value: Any) -> TrainingConfig:
    """The config a file's section holds; a row marked optional that it leaves out (Adam's
    betas, in a version-4 file written before them) is its default."""
    required = [name for name, f in TRAINING_FIELDS.items() if not f.optional]
    d = obj(path, value, required, [n for n in TRAINING_FIELDS if n not in required])
    with guard(path):
        return TrainingConfig(**{name: _read(f, at(path, name), d[name])
                                 for name, f in TRAINING_FIELDS.items() if name in d})


def _read(field: TrainingField, path: str, value: Any) -> Any:
    reader = _READERS.get(type(field))
    return value if reader is None else reader(field, path, value)
