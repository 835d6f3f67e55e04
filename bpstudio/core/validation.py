"""Checks on what a person passes in, with messages that name the field and the fix."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import numpy as np

from .text import clip, quote

SIMILARITY = 0.5
"""How alike a name must be to a valid one to be suggested (:mod:`difflib`'s ratio)."""


def suggestion(name: object, valid: Iterable[str]) -> str:
    """`` (did you mean 'sigmoid'?)`` for the valid name closest to ``name``, else ``""``.

    Only a short enough name is compared: difflib's ratio is ``2·matches / (len(a) +
    len(b))``, so a name over three times as long as every valid one can never reach
    :data:`SIMILARITY`, and comparing a 60 MB name would cost gigabytes for nothing.
    """
    valid = list(valid)
    longest = max(map(len, valid), default=0)
    if not isinstance(name, str) or len(name) > longest * (2 - SIMILARITY) / SIMILARITY:
        return ""
    close = difflib.get_close_matches(name, valid, n=1, cutoff=SIMILARITY)
    return f" (did you mean {quote(close[0])}?)" if close else ""


def unknown_name(field: str, name: object, valid: Iterable[str]) -> ValueError:
    """A ``ValueError`` for an unknown registry name, suggesting the closest valid one."""
    valid = list(valid)
    return ValueError(
        f"{field}: unknown name {quote(name)}{suggestion(name, valid)}; "
        f"valid names are {', '.join(valid)}"
    )


def check_name(field: str, name: object, valid: Iterable[str]) -> str:
    """Return ``name`` if it is one of ``valid``, else raise :func:`unknown_name`."""
    valid = list(valid)
    if not isinstance(name, str) or name not in valid:
        raise unknown_name(field, name, valid)
    return name


def check_finite(field: str, values: np.ndarray) -> None:
    """Raise if ``values`` holds NaN or ±inf, saying where the first one is."""
    bad = ~np.isfinite(values)
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(
            f"{field}: contains {values[where]} at index {where}; "
            "remove or impute non-finite values first"
        )


def as_matrix(field: str, values: object, n_columns: int, dtype: np.dtype) -> np.ndarray:
    """Convert to a finite 2-D array with ``n_columns`` columns, or raise naming ``field``."""
    try:
        M = np.asarray(values, dtype=dtype)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"{field}: expected numbers, got {type(values).__name__} ({clip(str(exc))})"
        ) from exc
    if M.ndim != 2 or M.shape[1] != n_columns:
        hint = (
            " (a single sample needs shape (1, n): use .reshape(1, -1))"
            if M.ndim == 1 and field == "X" else ""
        )
        raise ValueError(
            f"{field}: expected shape (N, {n_columns}), got {M.shape}{hint}"
        )
    if M.shape[0] == 0:
        raise ValueError(f"{field}: needs at least one sample, got 0 rows")
    check_finite(field, M)
    return M
