"""Inputs shifted and scaled to mean 0 and standard deviation 1, with statistics of the
training part only, for any finite data (huge or tiny columns included)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from .data_checks import input_array, number_vector, whole_number
from .read_only import frozen_copy
from .validation import unknown_name

SAFE_EXPONENT = 256
"""Columns of inputs larger than 2**256 or smaller than 2**-256 are scaled by a power of two
before the standardizer computes their spread (see :func:`safe_exponents`)."""

SMALLEST_FLOAT = float(np.finfo(np.float64).smallest_subnormal)


class Standardizer:
    """Shift and scale each input column to mean 0, standard deviation 1.

    Fit it on the training part only (:meth:`fit`), then apply the same ``mean`` and
    ``scale`` to the test part and to new inputs: scaling with statistics of the test data
    would leak it into training. Constant columns get ``scale`` 1, so they become 0. Any
    finite data standardizes: columns of huge or tiny numbers are scaled by a power of two
    first (:func:`safe_exponents`), ordinary ones are computed exactly as written.
    """

    def __init__(self, mean: object, scale: object) -> None:
        mean = number_vector("mean", mean)
        scale = number_vector("scale", scale)
        if mean.shape != scale.shape:
            raise ValueError(
                f"scale: has {scale.size} entries but mean has {mean.size}; they must match"
            )
        if np.any(scale <= 0):
            raise ValueError(f"scale: every entry must be > 0, got {scale.min():g}")
        self.mean = frozen_copy(mean)
        self.scale = frozen_copy(scale)

    @classmethod
    def fit(cls, X: object) -> Standardizer:
        """Column means and standard deviations of ``X`` ``(N, d)``, with ``N >= 1``."""
        X = input_array(X)
        if X.shape[0] == 0:
            raise ValueError("X: needs at least one sample to fit a Standardizer, got 0 rows")
        constant = np.all(X[0] == X, axis=0)
        k = safe_exponents(np.max(np.abs(X), axis=0))
        scaled = np.ldexp(X, -k)
        # a constant column's mean is its value exactly, so it transforms to exact zeros
        mean = np.where(constant, X[0], np.ldexp(scaled.mean(axis=0), k))
        # a spread below the smallest float (subnormal data) would round to 0
        spread = np.maximum(np.ldexp(scaled.std(axis=0), k), SMALLEST_FLOAT)
        scale = np.where(constant, 1.0, spread)
        return cls(mean, scale)

    @classmethod
    def identity(cls, d: int) -> Standardizer:
        """A standardizer that changes nothing, for ``d`` columns (when scaling is off)."""
        d = whole_number("d", d, 1)
        return cls(np.zeros(d), np.ones(d))

    @property
    def n_features(self) -> int:
        return self.mean.size

    @property
    def exponents(self) -> np.ndarray:
        """Per column, the power of two :meth:`transform` divides the inputs, ``mean`` and
        ``scale`` by first: 0 for ordinary columns; for a column of huge (or tiny) numbers,
        enough that ``X − mean`` cannot overflow (or lose its digits). Exact, being a power
        of two; an export that computes the transform elsewhere (ONNX, a script) uses it."""
        return safe_exponents(self.scale)

    def transform(self, X: object) -> np.ndarray:
        """``(X − mean) / scale`` for ``X`` of shape ``(N, d)``."""
        k = self.exponents  # X − mean of huge columns overflows unscaled
        return (np.ldexp(self._check(X), -k) - np.ldexp(self.mean, -k)) / np.ldexp(self.scale, -k)

    def inverse_transform(self, X: object) -> np.ndarray:
        """``X · scale + mean``: back to the original units."""
        k = self.exponents
        return np.ldexp(self._check(X) * np.ldexp(self.scale, -k) + np.ldexp(self.mean, -k), k)

    def to_dict(self) -> dict[str, list[float]]:
        """Plain lists of floats; ``repr`` of each round-trips exactly through JSON."""
        return {"mean": self.mean.tolist(), "scale": self.scale.tolist()}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Standardizer:
        """Rebuild from :meth:`to_dict` output, checking every field."""
        if not isinstance(d, Mapping):
            raise ValueError(
                f"standardizer: expected a mapping with mean and scale, got {type(d).__name__}"
            )
        for key in d:
            if key not in ("mean", "scale"):
                raise unknown_name("standardizer key", key, ("mean", "scale"))
        for key in ("mean", "scale"):
            if key not in d:
                raise ValueError(f"standardizer.{key}: missing; expected a list of numbers")
        return cls(d["mean"], d["scale"])

    def _check(self, X: object) -> np.ndarray:
        X = input_array(X)
        if X.shape[1] != self.n_features:
            raise ValueError(
                f"X: expected {self.n_features} columns (as fitted), got {X.shape[1]}"
            )
        return X

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Standardizer):
            return NotImplemented
        return np.array_equal(self.mean, other.mean) and np.array_equal(self.scale, other.scale)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Standardizer(mean={self.mean.tolist()}, scale={self.scale.tolist()})"


def safe_exponents(magnitudes: np.ndarray) -> np.ndarray:
    """Per column, the power of two to scale by before squaring or subtracting: 0 (ordinary
    data keeps its numbers bit for bit) unless the column's magnitude lies beyond
    2**±:data:`SAFE_EXPONENT`, where squares overflow or underflow. Scaling by a power of two
    is exact, so the results are what the plain formula gives where nothing overflows."""
    exponent = np.frexp(magnitudes)[1]
    return np.where(np.abs(exponent) > SAFE_EXPONENT, exponent, 0).astype(np.int32)
