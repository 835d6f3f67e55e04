"""Checks of what a dataset is given: arrays, class labels, counts, seeds and amounts.

Each turns a value into the form the datasets keep, or raises ValueError naming the field and
what it must be.
"""

from __future__ import annotations

import math

import numpy as np

from .phrase import Phrase
from .text import clip, quote
from .translatable import QT_TRANSLATE_NOOP, Refusal
from .validation import check_finite


def input_array(X: object) -> np.ndarray:
    """``X`` as a finite float64 ``(N, d)`` array with ``d >= 1``; ``N = 0`` is allowed."""
    try:
        X = np.array(X, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"X: expected numbers, got {type(X).__name__} ({clip(str(exc))})") from exc
    if X.ndim != 2 or X.shape[1] == 0:
        raise ValueError(f"X: expected shape (N, d) with d >= 1, got {X.shape}")
    check_finite("X", X)
    return X


def target_array(task: str, y: object, n_samples: int) -> np.ndarray:
    """Regression targets as ``(N, n_out)`` floats, class labels as ``(N,)`` whole numbers."""
    if task == "regression":
        y = float_columns("y", y, "regression targets need")
    else:
        y = _class_labels(y)
    if y.shape[0] != n_samples:
        raise ValueError(f"y: has {y.shape[0]} rows but X has {n_samples}; they must match")
    return y


def float_columns(field: str, values: object, need: str = "expected") -> np.ndarray:
    """``values`` as a finite float64 ``(N, k)`` array with ``k >= 1`` (a vector is one
    column); ``need`` starts the shape message ("y: regression targets need shape ...")."""
    try:
        a = np.array(values, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"{field}: expected numbers, got {type(values).__name__} ({clip(str(exc))})"
        ) from exc
    if a.ndim == 1:
        a = a.reshape(-1, 1)
    if a.ndim != 2 or a.shape[1] == 0:
        raise ValueError(f"{field}: {need} shape (N, n_out), got {a.shape}")
    check_finite(field, a)
    return a


def _class_labels(y: object) -> np.ndarray:
    y = np.array(y)
    if y.ndim == 2 and y.shape[1] == 1:
        y = y.reshape(-1)
    if y.ndim != 1:
        raise ValueError(f"y: class labels need shape (N,), got {y.shape}")
    if y.size == 0:
        return y.astype(np.int64)
    if y.dtype.kind == "f":
        check_finite("y", y)
        if not np.all(y == np.round(y)):
            raise ValueError("y: class labels must be whole numbers 0..K-1 (got fractions)")
    elif y.dtype.kind not in "iu":
        raise ValueError(f"y: class labels must be whole numbers 0..K-1, got {y.dtype} values")
    if y.min() < 0:
        raise ValueError(f"y: class labels must be >= 0 (0..K-1), found {y.min()}")
    return y.astype(np.int64)


def class_count(task: str, y: np.ndarray, given: object) -> int:
    if task == "regression":
        if given not in (None, 0):
            raise ValueError(f"n_classes: a regression dataset has no classes, got {quote(given)}")
        return 0
    needed = int(y.max()) + 1 if y.size else 0
    if given is None:
        return needed
    return whole_number("n_classes", given, max(needed, 1), "the largest label + 1")


def number_vector(field: str, values: object) -> np.ndarray:
    try:
        v = np.array(values, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{field}: expected a list of numbers ({clip(str(exc))})") from exc
    if v.ndim != 1 or v.size == 0:
        raise ValueError(f"{field}: expected a non-empty list of numbers, got shape {v.shape}")
    check_finite(field, v)
    return v


def is_whole(value: object) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_)


def whole_number(field: str, value: object, minimum: int, why: str | Phrase = "") -> int:
    """A whole number ``>= minimum``; ``why`` explains the minimum in the message (marked
    under "Limits", or :class:`Phrase`, to be said in Chinese too)."""
    if not is_whole(value) or value < minimum:
        template = (QT_TRANSLATE_NOOP("Limits", "{field}: must be a whole number >= {minimum} "
                                      "({why}), got {value}") if why else
                    QT_TRANSLATE_NOOP("Limits", "{field}: must be a whole number >= {minimum}, "
                                      "got {value}"))
        raise Refusal(template, field=field, minimum=minimum, why=why, value=quote(value))
    return int(value)


def point_count(n: object, classes: int) -> int:
    return whole_number("n", n, classes, Phrase(QT_TRANSLATE_NOOP(
        "Limits", "at least one point for each of the {classes} classes"), "Limits",
        classes=classes))


def class_number(value: object) -> int:
    return whole_number("classes", value, 2, QT_TRANSLATE_NOOP(
        "Limits", "a classification problem needs two classes or more"))


def seed_number(value: object) -> int:
    return whole_number("seed", value, 0, QT_TRANSLATE_NOOP(
        "Limits", "any whole number; the same seed gives the same data"))


def real_number(field: str, value: object) -> float:
    if isinstance(value, bool | np.bool_) or not isinstance(value, int | float | np.number):
        raise ValueError(f"{field}: expected a number, got {quote(value)}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{field}: must be a finite number, got {value}")
    return value


def deviation(field: str, value: object) -> float:
    """A finite standard deviation ``>= 0``."""
    value = real_number(field, value)
    if value < 0:
        raise ValueError(
            f"{field}: must be >= 0 (a standard deviation; 0 means none), got {value:g}"
        )
    return value
