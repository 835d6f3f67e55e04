"""One problem's data: inputs, targets and the recipe that made them (:class:`Dataset`).

The generators that make datasets, the train/test split and the registry are in
:mod:`.datasets`; this module imports none of them, so a generator written in a module of its
own (:mod:`.classification_data`) can make a :class:`Dataset` without a circle.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .data_checks import class_count, input_array, target_array
from .read_only import frozen_copy
from .validation import check_name

TASKS = ("regression", "classification")

_TRUE_FUNCTIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {"sin": np.sin}


@dataclass(frozen=True, eq=False)
class Dataset:
    """Inputs and targets of one problem, read-only, with the recipe that made them.

    ``X`` is ``(N, d)`` float64. ``y`` is ``(N, n_out)`` float64 for regression (a ``(N,)``
    vector is taken as one column) and ``(N,)`` int64 class labels for classification.
    ``n_classes`` defaults to the largest label + 1; a subset keeps its parent's count even
    when a class is missing from it, so a network built for the whole problem still fits.
    """

    X: np.ndarray
    y: np.ndarray
    task: str
    name: str
    params: Mapping[str, Any] = field(default_factory=dict)
    n_classes: int | None = None

    def __post_init__(self) -> None:
        task = check_name("task", self.task, TASKS)
        X = frozen_copy(input_array(self.X))
        y = frozen_copy(target_array(task, self.y, X.shape[0]))
        if not isinstance(self.params, Mapping):
            raise ValueError(f"params: expected a mapping, got {type(self.params).__name__}")
        object.__setattr__(self, "X", X)
        object.__setattr__(self, "y", y)
        object.__setattr__(self, "name", str(self.name))
        object.__setattr__(self, "params", dict(self.params))
        object.__setattr__(self, "n_classes", class_count(task, y, self.n_classes))

    @property
    def n_samples(self) -> int:
        return self.X.shape[0]

    @property
    def n_features(self) -> int:
        return self.X.shape[1]

    def subset(self, index: object) -> Dataset:
        """The rows picked by ``index`` (row numbers, a boolean mask or a slice), in order."""
        rows = _row_index(index, self.n_samples)
        return Dataset(
            self.X[rows], self.y[rows], self.task, self.name, self.params,
            self.n_classes if self.task == "classification" else None,
        )

    def true_function(self) -> Callable[[np.ndarray], np.ndarray] | None:
        """The noise-free function behind a regression set (to draw the clean curve), if known."""
        return _TRUE_FUNCTIONS.get(self.name) if self.task == "regression" else None

    def __repr__(self) -> str:
        return (
            f"Dataset({self.name!r}, {self.task}, n_samples={self.n_samples}, "
            f"n_features={self.n_features}, n_classes={self.n_classes})"
        )


def _row_index(index: object, n: int) -> np.ndarray | slice:
    if isinstance(index, slice):
        return index
    rows = np.asarray(index)
    if rows.size == 0:
        return np.zeros(0, dtype=np.int64)
    if rows.dtype.kind == "b":
        if rows.shape != (n,):
            raise ValueError(f"index: a boolean mask needs shape ({n},), got {rows.shape}")
        return np.flatnonzero(rows)
    if rows.dtype.kind not in "iu" or rows.ndim > 1:
        raise ValueError(
            "index: expected row numbers, a boolean mask or a slice, "
            f"got {rows.dtype} array of shape {rows.shape}"
        )
    rows = rows.reshape(-1)
    if rows.min() < -n or rows.max() >= n:
        raise ValueError(
            f"index: row numbers must lie in 0..{n - 1}, got {rows.min()}..{rows.max()}"
        )
    return rows
