"""One table of the training settings: every field of ``TrainingConfig`` once, with all that
the parts of BP Studio need to know about it.

As TensorFlow Playground's state table drives its URL, its controls and its model, this
table drives :class:`~bpstudio.session.TrainingConfig`'s checks, the ``.bpnet`` reader and
writer (the ``training`` section, keys in this order), the flags of ``bpstudio new``, the
designer's training fields, and the tests against ``resources/bpnet.schema.json``. A new
setting is a row here and the dataclass field it names (a test keeps the two in step).

Each row is one of a few kinds, and the kind says how a value is checked, how a file reads
and writes it and what the schema says of it: :class:`Choice` (a name from a registry),
:class:`Number` (a float in a range), :class:`Count` (a whole number up to a limit of
:mod:`bpstudio.limits`, or ``None``), :class:`Switch` (true or false), :class:`Seed`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .core.optimizers import OPTIMIZER_KINDS
from .core.text import quote
from .core.validation import check_name
from .limit_checks import check_batch_size, check_epoch_limit, check_seed, shown
from .limits import MAX_EPOCHS, MAX_SAMPLES


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
        """What ``resources/bpnet.schema.json`` says of the field."""
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


DEFAULT_OPTIMIZER = "sgd"
_LEARNING_RATE = OPTIMIZER_KINDS[DEFAULT_OPTIMIZER].learning_rate
_MOMENTUM = OPTIMIZER_KINDS["momentum"].momentum
_BETA1, _BETA2 = OPTIMIZER_KINDS["adam"].betas


def _learning_rate_help() -> str:
    """``learning rate (0.05; adam 0.01)``: the default and each kind's own."""
    others = [f"{kind.name} {kind.learning_rate:g}" for kind in OPTIMIZER_KINDS.values()
              if kind.learning_rate != _LEARNING_RATE]
    return f"learning rate ({'; '.join([f'{_LEARNING_RATE:g}', *others])})"


def _momentum_help() -> str:
    takers = [kind.name for kind in OPTIMIZER_KINDS.values() if kind.momentum is not None]
    return f"for --optimizer {' or '.join(takers)} ({_MOMENTUM:g})"


TRAINING_FIELDS: dict[str, TrainingField] = {
    f.name: f
    for f in (
        Choice(
            "optimizer", DEFAULT_OPTIMIZER,
            Flag("--optimizer", "default {default}"),
            Widget("Optimizer", "optimizerCombo", "combo"),
            choices={name: kind.label for name, kind in OPTIMIZER_KINDS.items()},
        ),
        Number(
            "learning_rate", _LEARNING_RATE,
            Flag("--lr", _learning_rate_help(), strict=True),
            Widget("Learning rate", "learningRateSpin", "log", "Step size η (1e-6 to 10); "
                   "arrows step 1-2-5 per decade. Applies at the next step", low=1e-6, high=10.0),
            low_open=True,
        ),
        Number(
            "momentum", _MOMENTUM, Flag("--momentum", _momentum_help()),
            Widget("Momentum", "momentumSpin", "decimal", "Momentum coefficient μ: the share "
                   "of the last step that carries into the next (the Momentum optimizer only)",
                   high=0.999, step=0.05, decimals=3),
            high=1.0,
        ),
        Count(
            "batch_size", None, Flag("--batch-size", "default: the full batch"),
            Widget("Batch size", "batchSizeSpin", "count",
                   "Samples per update; 0 = the whole training set", special="Full batch"),
            maximum=MAX_SAMPLES, limit_is="the most samples data may have",
            limit_check=check_batch_size,
        ),
        Switch("shuffle", True),
        Number(
            "l2", 0.0, Flag("--l2", "weight decay λ ({default:g})"),
            Widget("L2", "l2Spin", "decimal", "L2 weight decay λ (biases are not decayed)",
                   high=1.0, step=1e-4, decimals=6),
        ),
        Count(
            "epoch_limit", None, None,
            Widget("Epoch limit", "epochLimitSpin", "count",
                   "Training stops after this many epochs", step=100, special="No limit"),
            maximum=MAX_EPOCHS, limit_check=check_epoch_limit,
        ),
        Seed("seed", 0, Flag("--seed", "seeds data, weights and shuffling ({default})")),
        Number(
            "beta1", _BETA1, Flag("--beta1", "Adam's decay of the mean gradient ({default:g})"),
            Widget("β₁ (Adam)", "beta1Spin", "decimal", "How slowly Adam's running mean of the "
                   "gradient forgets (the Adam optimizer only)", high=0.99999, step=0.01,
                   decimals=5),
            optional=True, high=1.0,
        ),
        Number(
            "beta2", _BETA2,
            Flag("--beta2", "Adam's decay of the mean squared gradient ({default:g})"),
            Widget("β₂ (Adam)", "beta2Spin", "decimal", "How slowly Adam's running mean of the "
                   "squared gradient forgets (the Adam optimizer only)", high=0.99999,
                   step=0.001, decimals=5),
            optional=True, high=1.0,
        ),
    )
}
"""The fields of ``TrainingConfig`` in the order a file has them."""

DESIGNER_ROWS = ("learning_rate", "optimizer", "momentum", "batch_size", "l2", "epoch_limit")
"""The fields the designer shows, in its order; the others keep the document's values."""
ADVANCED_ROWS = ("beta1", "beta2")
"""The fields the designer shows folded away under "Advanced"."""
OPTIMIZER_ROWS = {"momentum": "momentum", "beta1": "adam", "beta2": "adam"}
"""Fields that only one optimizer kind uses (the designer enables them for it alone)."""


def defaults_for(optimizer: str) -> dict[str, Any]:
    """Every field's default for a new session of this optimizer kind (its own learning
    rate: Adam's steps are larger for the same rate)."""
    defaults = {name: f.default for name, f in TRAINING_FIELDS.items()}
    kind = OPTIMIZER_KINDS[check_name("optimizer", optimizer, OPTIMIZER_KINDS)]
    return {**defaults, "optimizer": optimizer, "learning_rate": kind.learning_rate}
