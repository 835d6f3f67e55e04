"""One table of the training settings: every field of ``TrainingConfig`` once, with all that
the parts of BP Studio need to know about it.

As TensorFlow Playground's state table drives its URL, its controls and its model, this
table drives :class:`~bpstudio.session.TrainingConfig`'s checks, the ``.bpnet`` reader and
writer (the ``training`` section, keys in this order), the flags of ``bpstudio new``, the
designer's training fields, and the tests against ``bpstudio/resources/bpnet.schema.json``. A new
setting is a row here and the dataclass field it names (a test keeps the two in step).

Each row is one of a few kinds (:mod:`bpstudio.training_field_kinds`,
:mod:`bpstudio.control_fields`), and the kind says how a value is checked, how a file reads
and writes it and what the schema says of it.
"""

from __future__ import annotations

from typing import Any

from .control_fields import ScheduleField, StopRulesField
from .core.optimizers import OPTIMIZER_KINDS
from .core.schedules import SCHEDULES, Schedule
from .core.stopping import StopRules
from .core.translatable import QT_TRANSLATE_NOOP
from .core.validation import check_name
from .limit_checks import check_batch_size, check_epoch_limit
from .limits import MAX_EPOCHS, MAX_SAMPLES
from .training_field_kinds import (
    Choice,
    Count,
    Flag,
    Number,
    Seed,
    Switch,
    TrainingField,
    Widget,
)

__all__ = [
    "ADVANCED_ROWS", "DESIGNER_ROWS", "OPTIMIZER_ROWS", "TRAINING_FIELDS", "Choice", "Count",
    "Flag", "Number", "ScheduleField", "Seed", "StopRulesField", "Switch", "TrainingField",
    "Widget", "defaults_for",
]

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
            Widget(QT_TRANSLATE_NOOP("Fields", "Optimizer"), "optimizerCombo", "combo"),
            choices={name: kind.label for name, kind in OPTIMIZER_KINDS.items()},
        ),
        Number(
            "learning_rate", _LEARNING_RATE,
            Flag("--lr", _learning_rate_help(), strict=True),
            Widget(QT_TRANSLATE_NOOP("Fields", "Learning rate"), "learningRateSpin", "log",
                   QT_TRANSLATE_NOOP("Fields", "Step size η (1e-6 to 10); arrows step 1-2-5 "
                                     "per decade. Applies at the next step"),
                   low=1e-6, high=10.0),
            low_open=True,
        ),
        Number(
            "momentum", _MOMENTUM, Flag("--momentum", _momentum_help()),
            Widget(QT_TRANSLATE_NOOP("Fields", "Momentum"), "momentumSpin", "decimal",
                   QT_TRANSLATE_NOOP("Fields", "Momentum coefficient μ: the share of the last "
                                     "step that carries into the next (the Momentum optimizer "
                                     "only)"),
                   high=0.999, step=0.05, decimals=3),
            high=1.0,
        ),
        Count(
            "batch_size", None, Flag("--batch-size", "default: the full batch"),
            Widget(QT_TRANSLATE_NOOP("Fields", "Batch size"), "batchSizeSpin", "count",
                   QT_TRANSLATE_NOOP("Fields", "Samples per update; 0 = the whole training set"),
                   special=QT_TRANSLATE_NOOP("Fields", "Full batch")),
            maximum=MAX_SAMPLES, limit_is="the most samples data may have",
            limit_check=check_batch_size,
        ),
        Switch("shuffle", True),
        Number(
            "l2", 0.0, Flag("--l2", "weight decay λ ({default:g})"),
            Widget(QT_TRANSLATE_NOOP("Fields", "L2"), "l2Spin", "decimal",
                   QT_TRANSLATE_NOOP("Fields", "L2 weight decay λ (biases are not decayed)"),
                   high=1.0, step=1e-4, decimals=6),
        ),
        Count(
            "epoch_limit", None, None,
            Widget(QT_TRANSLATE_NOOP("Fields", "Epoch limit"), "epochLimitSpin", "count",
                   QT_TRANSLATE_NOOP("Fields", "Training stops after this many epochs"),
                   step=100, special=QT_TRANSLATE_NOOP("Fields", "No limit")),
            maximum=MAX_EPOCHS, limit_check=check_epoch_limit,
        ),
        Seed("seed", 0, Flag("--seed", "seeds data, weights and shuffling ({default})")),
        ScheduleField(
            "schedule", Schedule(),
            Flag("--schedule", "how η changes per epoch, NAME[:KEY=VALUE,...], e.g. "
                 f"step:every=100,factor=0.5 ({', '.join(SCHEDULES)}; default constant)"),
        ),
        StopRulesField(
            "stopping", StopRules(),
            Flag("--stop", "stopping rules beyond the epoch limit, any of loss=TARGET, "
                 "patience=EPOCHS, min_delta=D, restore, time=SECONDS, e.g. "
                 "loss=1e-3,patience=50,restore,time=60 (patience: early stopping on the "
                 "test loss, needs --test-fraction)"),
        ),
        Number(
            "beta1", _BETA1, Flag("--beta1", "Adam's decay of the mean gradient ({default:g})"),
            Widget(QT_TRANSLATE_NOOP("Fields", "β₁ (Adam)"), "beta1Spin", "decimal",
                   QT_TRANSLATE_NOOP("Fields", "How slowly Adam's running mean of the gradient "
                                     "forgets (the Adam optimizer only)"),
                   high=0.99999, step=0.01, decimals=5),
            optional=True, high=1.0,
        ),
        Number(
            "beta2", _BETA2,
            Flag("--beta2", "Adam's decay of the mean squared gradient ({default:g})"),
            Widget(QT_TRANSLATE_NOOP("Fields", "β₂ (Adam)"), "beta2Spin", "decimal",
                   QT_TRANSLATE_NOOP("Fields", "How slowly Adam's running mean of the squared "
                                     "gradient forgets (the Adam optimizer only)"),
                   high=0.99999, step=0.001, decimals=5),
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
