"""The checks of :mod:`bpstudio.limits` that making a session and reading a file share.

Each raises ``ValueError("field: why; the fix")``. The session's specs call them with their
own field names whenever one is made or changed, and the ``.bpnet`` reader calls the very same
functions (its guard puts the file's path in front), so a session can be made exactly when
it can be opened again: there is no second copy of a rule to drift.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from .core.text import quote
from .core.translatable import QT_TRANSLATE_NOOP, Refusal
from .limits import (
    MAX_CLASSES,
    MAX_COLUMN_NAMES,
    MAX_DATA_VALUES,
    MAX_EPOCHS,
    MAX_HISTORY_ROWS,
    MAX_LAYERS,
    MAX_NAME_CHARS,
    MAX_NOTES_CHARS,
    MAX_PARAMETERS,
    MAX_SAMPLES,
    MAX_SEED,
    MAX_STEPS,
    MAX_TABLE_VALUES,
    MAX_TITLE_CHARS,
)

PARAM_LIMITS = {
    "n": (MAX_SAMPLES, QT_TRANSLATE_NOOP("Limits", "samples"),
          QT_TRANSLATE_NOOP("Limits", "ask for fewer samples")),
    "classes": (MAX_CLASSES, QT_TRANSLATE_NOOP("Limits", "classes"),
                QT_TRANSLATE_NOOP("Limits", "ask for fewer classes")),
}
"""Generator parameters with a limit, checked before anything is generated."""


def shown(value: object) -> str:
    """``value`` as a message shows it: bounded, one line, whatever it is."""
    if is_whole(value):
        return amount(value)
    if value is None or isinstance(value, bool | float):
        return repr(value)
    if isinstance(value, list | tuple | dict | set):
        return f"a {type(value).__name__}"
    return quote(value)


def amount(value: int) -> str:
    """A whole number with thousands separators, or its size when it is absurdly long."""
    return f"{value:,}" if abs(value) < 10**40 else "a number of more than 40 digits"


def is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def at_most(field: str, value: int, limit: int, what: str, fix: str) -> None:
    """Refuse ``value`` above ``limit``, a number of :mod:`bpstudio.limits`; ``what`` and
    ``fix`` are said in Chinese where they are marked under "Limits"."""
    if value > limit:
        raise Refusal(QT_TRANSLATE_NOOP("Limits", "{field}: at most {limit} {what}, got "
                                        "{value}; {fix}"),
                      field=field, limit=f"{limit:,}", what=what, value=amount(value), fix=fix)


def check_seed(field: str, value: object) -> int:
    if not is_whole(value) or not 0 <= value <= MAX_SEED:
        raise Refusal(QT_TRANSLATE_NOOP("Limits", "{field}: a seed must be a whole number "
                                        "from 0 to 2**63 - 1 ({limit}), got {value}"),
                      field=field, limit=f"{MAX_SEED:,}", value=shown(value))
    return value


def count_parameters(sizes: Sequence[int], bias: bool) -> int:
    """Weights and biases of a network with these layer sizes (input to output)."""
    weights = sum(i * o for i, o in pairwise(sizes))
    return weights + (sum(sizes[1:]) if bias else 0)


def check_layers(field: str, n_weight_layers: int) -> None:
    at_most(field, n_weight_layers, MAX_LAYERS,
            QT_TRANSLATE_NOOP("Limits", "weight layers (hidden layers and the output layer)"),
            QT_TRANSLATE_NOOP("Limits", "use fewer hidden layers"))


def check_parameters(field: str, sizes: Sequence[int], bias: bool, *, least: bool = False
                     ) -> None:
    """Refuse a network over :data:`MAX_PARAMETERS`; ``least``: the sizes of the input and
    output are not known yet and stand at 1, so the count is the fewest possible."""
    n = count_parameters(sizes, bias)
    if n > MAX_PARAMETERS:
        template = (QT_TRANSLATE_NOOP("Limits", "{field}: the network would have at least "
                                      "{count} parameters; BP Studio works with up to {limit} "
                                      "(use fewer or smaller hidden layers)") if least else
                    QT_TRANSLATE_NOOP("Limits", "{field}: the network would have {count} "
                                      "parameters; BP Studio works with up to {limit} (use "
                                      "fewer or smaller hidden layers)"))
        raise Refusal(template, field=field, count=amount(n), limit=f"{MAX_PARAMETERS:,}")


def check_params(params: dict[str, Any]) -> None:
    """A generator's parameters: ``n`` and ``classes`` within their limits, a valid seed.
    Fields are the parameters' own names, as the generators' messages have them."""
    for key, (limit, what, fix) in PARAM_LIMITS.items():
        value = params.get(key)
        if is_whole(value):
            at_most(key, value, limit, what, fix)
    if "seed" in params:
        check_seed("seed", params["seed"])


def check_rows(field: str, n_rows: int) -> None:
    at_most(field, n_rows, MAX_SAMPLES,
            QT_TRANSLATE_NOOP("Limits", "rows"), QT_TRANSLATE_NOOP("Limits", "import fewer rows"))


def check_table_values(field: str, n_values: int) -> None:
    at_most(field, n_values, MAX_TABLE_VALUES,
            QT_TRANSLATE_NOOP("Limits", "numbers in the rows (inputs and targets)"),
            QT_TRANSLATE_NOOP("Limits", "import fewer rows or columns"))


def check_labels(field: str, largest: int) -> None:
    if largest >= MAX_CLASSES:
        raise ValueError(
            f"{field}: at most {MAX_CLASSES:,} classes (labels 0 to {MAX_CLASSES - 1}), got "
            f"the label {amount(largest)}; number the classes from 0"
        )


def check_data_values(field: str, n_samples: int, n_inputs: int, n_outputs: int) -> None:
    """Refuse data whose inputs and targets (one-hot for K classes) would not fit in
    :data:`MAX_DATA_VALUES` numbers while training."""
    n = n_samples * (n_inputs + n_outputs)
    if n > MAX_DATA_VALUES:
        raise Refusal(
            QT_TRANSLATE_NOOP("Limits", "{field}: {samples} samples × ({inputs} inputs + "
                              "{outputs} outputs) are {count} numbers to train on; BP Studio "
                              "works with up to {limit} (use fewer samples, inputs or "
                              "classes)"),
            field=field, samples=f"{n_samples:,}", inputs=f"{n_inputs:,}",
            outputs=f"{n_outputs:,}", count=f"{n:,}", limit=f"{MAX_DATA_VALUES:,}")


def check_column_names(field: str, n_names: int) -> None:
    at_most(field, n_names, MAX_COLUMN_NAMES,
            QT_TRANSLATE_NOOP("Limits", "named columns (inputs and targets)"),
            QT_TRANSLATE_NOOP("Limits", "leave the column names out"))


def check_names(field: str, names: Sequence[object], count: int, what: str) -> None:
    """Names of a table's classes or columns: none, or exactly one per ``what`` (``count``
    of them), each a text of 1 to :data:`MAX_NAME_CHARS` characters. ``len`` is all that is
    asked of ``names`` before the count is known to fit."""
    if not len(names):
        return
    if len(names) != count:
        raise ValueError(f"{field}: expected {count:,} names, one per {what}, got "
                         f"{amount(len(names))}; give one name per {what}, or none")
    for i, name in enumerate(names):
        if not isinstance(name, str) or not name:
            raise ValueError(f"{field}[{i}]: expected a name (text of at least one character), "
                             f"got {shown(name)}")
        at_most(f"{field}[{i}]", len(name), MAX_NAME_CHARS,
                QT_TRANSLATE_NOOP("Limits", "characters"),
                QT_TRANSLATE_NOOP("Limits", "shorten the name"))


def check_batch_size(field: str, value: object) -> None:
    _optional_count(field, value, MAX_SAMPLES, QT_TRANSLATE_NOOP("Limits", "samples per batch"),
                    QT_TRANSLATE_NOOP("Limits", "use a smaller batch, or None (null) for the "
                                      "whole training set"),
                    "for the whole training set")


def check_epoch_limit(field: str, value: object) -> None:
    _optional_count(field, value, MAX_EPOCHS, QT_TRANSLATE_NOOP("Limits", "epochs"),
                    QT_TRANSLATE_NOOP("Limits", "use a smaller limit, or None (null) for no "
                                      "limit"), "for no limit")


def check_title(field: str, value: object) -> None:
    _text(field, value, MAX_TITLE_CHARS,
          QT_TRANSLATE_NOOP("Limits", "shorten the title (longer text belongs in the notes)"))
    if value.splitlines() not in ([], [value]):
        raise ValueError(f"{field}: must be one line; put line breaks in the notes")


def check_notes(field: str, value: object) -> None:
    _text(field, value, MAX_NOTES_CHARS, QT_TRANSLATE_NOOP("Limits", "shorten the notes"))


def check_epoch(field: str, value: int) -> None:
    at_most(field, value, MAX_EPOCHS,
            QT_TRANSLATE_NOOP("Limits", "epochs"),
            QT_TRANSLATE_NOOP("Limits", "reset training to start again from epoch 0"))


def check_steps(field: str, value: int) -> None:
    at_most(field, value, MAX_STEPS, QT_TRANSLATE_NOOP("Limits", "optimizer steps"),
            QT_TRANSLATE_NOOP("Limits", "reset training to start again from epoch 0"))


def check_history_rows(field: str, n_rows: int) -> None:
    at_most(field, n_rows, MAX_HISTORY_ROWS,
            QT_TRANSLATE_NOOP("Limits", "rows"),
            QT_TRANSLATE_NOOP("Limits", "reset training to start a new history"))


def _optional_count(field: str, value: object, limit: int, what: str, fix: str,
                    none_means: str) -> None:
    """A whole number from 1 to ``limit``, or ``None`` (which ``none_means``); ``fix`` says
    both."""
    if value is None:
        return
    if not is_whole(value) or value < 1:
        raise ValueError(f"{field}: must be a whole number >= 1, or None (null in a file) "
                         f"{none_means}, got {shown(value)}")
    at_most(field, value, limit, what, fix)


def _text(field: str, value: object, limit: int, fix: str) -> None:
    if not isinstance(value, str):
        raise ValueError(f"{field}: expected text, got {shown(value)}")
    at_most(field, len(value), limit, QT_TRANSLATE_NOOP("Limits", "characters"), fix)
