"""Datasets: the textbook examples, seeded toy problems, a train/test split and a standardizer.

Every generator is deterministic given ``seed`` and records its parameters (with the defaults
filled in) in :attr:`Dataset.params`, so ``make_dataset(d.name, **d.params)`` rebuilds ``d``
bit for bit: a file can store the recipe instead of the points.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .classification_data import classification
from .data_checks import (
    class_count,
    class_number,
    deviation,
    input_array,
    number_vector,
    point_count,
    real_number,
    seed_number,
    target_array,
    whole_number,
)
from .validation import check_name, unknown_name

TASKS = ("regression", "classification")

XOR_MARGIN = 0.1
"""Points of ``xor`` keep this distance from both axes, so the labels are never ambiguous."""

BLOB_RADIUS = 3.0
"""Radius of the circle the ``gaussians`` centres sit on."""

SAFE_EXPONENT = 256
"""Columns of inputs larger than 2**256 or smaller than 2**-256 are scaled by a power of two
before the standardizer computes their spread (see :func:`_safe_exponents`)."""

SMALLEST_FLOAT = float(np.finfo(np.float64).smallest_subnormal)

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
        X = _frozen(input_array(self.X))
        y = _frozen(target_array(task, self.y, X.shape[0]))
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


# -- generators ---------------------------------------------------------------------------


def sin(
    *, n: int = 100, low: float = -3.0, high: float = 3.0, noise: float = 0.1, seed: int = 0
) -> Dataset:
    """``y = sin(x) + N(0, noise²)`` on ``n`` evenly spaced ``x`` in ``[low, high]``.

    The function-fitting example of the textbook (seeds/000): 100 points on [−3, 3], sd 0.1.
    """
    n, noise, seed = whole_number("n", n, 1), deviation("noise", noise), seed_number(seed)
    low, high = real_number("low", low), real_number("high", high)
    if not low < high:
        raise ValueError(f"high: must be greater than low ({low:g}), got {high:g}")
    rng = np.random.default_rng(seed)
    X = np.linspace(low, high, n).reshape(-1, 1)
    y = np.sin(X) + rng.normal(0.0, noise, size=(n, 1))
    params = dict(n=n, low=low, high=high, noise=noise, seed=seed)
    return Dataset(X, y, "regression", "sin", params)


def points8(*, seed: int = 0) -> Dataset:
    """The 8 labelled points of the textbook classifier (seeds/000), exactly as printed.

    ``seed`` is accepted and recorded only so that every generator takes one.
    """
    X = [[3, 1], [2, 5], [1, 8], [6, 4], [5, 2], [3, 5], [4, 7], [4, -1]]
    y = [0, 1, 1, 0, 0, 1, 1, 0]
    return Dataset(X, y, "classification", "points8", dict(seed=seed_number(seed)))


def binary4(*, seed: int = 0) -> Dataset:
    """The 3 × 4 binary example with targets 1, 1, 0 (seeds/001), exactly as printed."""
    X = [[1, 0, 1, 0], [1, 0, 1, 1], [0, 1, 0, 1]]
    return Dataset(X, [1, 1, 0], "classification", "binary4", dict(seed=seed_number(seed)))


def xor(*, n: int = 200, noise: float = 0.0, seed: int = 0) -> Dataset:
    """Points in the four quadrants of ``[−1, 1]²``; label 1 where ``x₁·x₂ < 0``.

    Quadrants are dealt out in turn, so the two labels differ in count by at most one, and
    each point keeps :data:`XOR_MARGIN` from the axes. ``noise`` (sd) is added to the inputs
    after labelling, so with noise a few points cross into the other class's quadrant.
    """
    n, noise, seed = point_count(n, 2), deviation("noise", noise), seed_number(seed)
    rng = np.random.default_rng(seed)
    quadrant = rng.permutation(np.arange(n) % 4)
    signs = np.array([[1.0, 1.0], [-1.0, 1.0], [-1.0, -1.0], [1.0, -1.0]])[quadrant]
    X = signs * rng.uniform(XOR_MARGIN, 1.0, size=(n, 2)) + rng.normal(0.0, noise, size=(n, 2))
    return Dataset(X, quadrant % 2, "classification", "xor", dict(n=n, noise=noise, seed=seed))


def circles(*, n: int = 200, noise: float = 0.1, factor: float = 0.5, seed: int = 0) -> Dataset:
    """An outer circle of radius 1 (class 0) around an inner one of radius ``factor`` (class 1).

    Points are evenly spaced on each circle, then moved by Gaussian ``noise`` (sd).
    """
    n, noise, seed = point_count(n, 2), deviation("noise", noise), seed_number(seed)
    factor = real_number("factor", factor)
    if not 0.0 < factor < 1.0:
        raise ValueError(
            f"factor: the inner radius must lie strictly between 0 and 1, got {factor:g}"
        )
    rng = np.random.default_rng(seed)
    n_outer = n // 2
    X = np.vstack([_ring(n_outer, 1.0), _ring(n - n_outer, factor)])
    y = np.repeat([0, 1], [n_outer, n - n_outer])
    X += rng.normal(0.0, noise, size=X.shape)
    return _shuffled(rng, X, y, "circles", dict(n=n, noise=noise, factor=factor, seed=seed))


def moons(*, n: int = 200, noise: float = 0.1, seed: int = 0) -> Dataset:
    """Two interleaving half circles: the upper one class 0, the lower, shifted one class 1."""
    n, noise, seed = point_count(n, 2), deviation("noise", noise), seed_number(seed)
    rng = np.random.default_rng(seed)
    n_upper = n // 2
    t_upper = np.linspace(0.0, np.pi, n_upper)
    t_lower = np.linspace(0.0, np.pi, n - n_upper)
    upper = np.column_stack([np.cos(t_upper), np.sin(t_upper)])
    lower = np.column_stack([1.0 - np.cos(t_lower), 0.5 - np.sin(t_lower)])
    X = np.vstack([upper, lower]) + rng.normal(0.0, noise, size=(n, 2))
    y = np.repeat([0, 1], [n_upper, n - n_upper])
    return _shuffled(rng, X, y, "moons", dict(n=n, noise=noise, seed=seed))


def gaussians(*, n: int = 200, classes: int = 3, spread: float = 1.0, seed: int = 0) -> Dataset:
    """``classes`` round Gaussian blobs (sd ``spread``) centred evenly on a circle.

    The centres sit on a circle of radius :data:`BLOB_RADIUS`, so the classes overlap more as
    ``spread`` grows. Class sizes differ by at most one.
    """
    classes, spread, seed = class_number(classes), deviation("spread", spread), seed_number(seed)
    n = point_count(n, classes)
    rng = np.random.default_rng(seed)
    y = np.repeat(np.arange(classes), _class_sizes(n, classes))
    angle = 2.0 * np.pi * np.arange(classes) / classes
    centres = BLOB_RADIUS * np.column_stack([np.cos(angle), np.sin(angle)])
    X = centres[y] + rng.normal(0.0, spread, size=(n, 2))
    return _shuffled(
        rng, X, y, "gaussians", dict(n=n, classes=classes, spread=spread, seed=seed)
    )


def spiral(
    *, n: int = 300, classes: int = 2, noise: float = 0.2, turns: float = 1.0, seed: int = 0
) -> Dataset:
    """``classes`` interleaved spiral arms, each winding ``turns`` times from the centre outwards.

    As in CS231n's spiral: the radius grows evenly to 1 along each arm and ``noise`` (sd, in
    radians) jitters the angle, so noise blurs the outer turns most. Class sizes differ by at
    most one.
    """
    classes, noise, seed = class_number(classes), deviation("noise", noise), seed_number(seed)
    n = point_count(n, classes)
    turns = real_number("turns", turns)
    if turns <= 0:
        raise ValueError(f"turns: must be > 0 (e.g. 1.0 for one full turn), got {turns:g}")
    rng = np.random.default_rng(seed)
    sizes = _class_sizes(n, classes)
    arms = []
    for k, size in enumerate(sizes):
        r = np.linspace(0.0, 1.0, size + 1)[1:]  # skip r = 0, where all arms would meet
        t = 2.0 * np.pi * (turns * r + k / classes) + rng.normal(0.0, noise, size)
        arms.append(r[:, None] * np.column_stack([np.cos(t), np.sin(t)]))
    y = np.repeat(np.arange(classes), sizes)
    params = dict(n=n, classes=classes, noise=noise, turns=turns, seed=seed)
    return _shuffled(rng, np.vstack(arms), y, "spiral", params)


@dataclass(frozen=True)
class DataGenerator:
    """A generator as BP Studio offers it: its name (``DataSpec.name``, a file's
    ``generator``), the words the designer's list shows and the task its data poses. Its
    parameters and their defaults are those of the function (keyword-only, each with a
    default), so a generator's signature is its one description."""

    name: str
    make: Callable[..., Dataset]
    label: str
    task: str

    @property
    def parameters(self) -> tuple[str, ...]:
        """The keyword parameters it takes, in order (a file may give any of them)."""
        return tuple(inspect.signature(self.make).parameters)

    @property
    def defaults(self) -> dict[str, Any]:
        """Each parameter's default: what a freshly picked dataset starts at."""
        return {key: p.default for key, p in inspect.signature(self.make).parameters.items()}


GENERATORS: dict[str, DataGenerator] = {
    g.name: g
    for g in (
        DataGenerator("sin", sin, "Sin fit", "regression"),
        DataGenerator("points8", points8, "8 points", "classification"),
        DataGenerator("binary4", binary4, "3×4 binary", "classification"),
        DataGenerator("xor", xor, "XOR", "classification"),
        DataGenerator("circles", circles, "Circles", "classification"),
        DataGenerator("moons", moons, "Moons", "classification"),
        DataGenerator("gaussians", gaussians, "Gaussians", "classification"),
        DataGenerator("spiral", spiral, "Spiral", "classification"),
        DataGenerator("classification", classification, "Classification (20-D)",
                      "classification"),
    )
}
"""Every data generator, in the order the designer and the command line offer them: adding
one here adds it to the designer, the command line (``--data``) and the file format (the
schema lists the names; a test keeps it so)."""


def make_dataset(name: str, **params: Any) -> Dataset:
    """Build the dataset registered as ``name``; how files and the designer ask for data."""
    generator = GENERATORS[check_name("dataset", name, GENERATORS)]
    accepted = generator.parameters
    for key in params:
        if key not in accepted:
            raise unknown_name(f"dataset '{name}' parameter", key, accepted)
    return generator.make(**params)


# -- split and scaling ----------------------------------------------------------------------


def train_test_split(
    data: Dataset, test_fraction: float = 0.2, seed: int = 0
) -> tuple[Dataset, Dataset]:
    """Hold out ``round(test_fraction · N)`` random samples for testing.

    For classification the split is stratified (each class is split in the same proportion)
    and every class keeps at least one training sample, which can make the test set a little
    smaller than asked. Both parts keep the original row order.
    """
    if not isinstance(data, Dataset):
        raise ValueError(f"data: expected a Dataset, got {type(data).__name__}")
    fraction = real_number("test_fraction", test_fraction)
    if not 0.0 <= fraction < 1.0:
        raise ValueError(
            f"test_fraction: must be at least 0 and below 1 (e.g. 0.2), got {fraction:g}"
        )
    if data.n_samples == 0:
        raise ValueError("data: has no samples to split")
    rng = np.random.default_rng(seed_number(seed))
    if data.task == "classification":
        test = _stratified_test_rows(rng, data.y, fraction)
    else:
        n_test = min(_rounded(fraction * data.n_samples), data.n_samples - 1)
        test = rng.permutation(data.n_samples)[:n_test]
    is_test = np.zeros(data.n_samples, dtype=bool)
    is_test[test] = True
    return data.subset(~is_test), data.subset(is_test)


class Standardizer:
    """Shift and scale each input column to mean 0, standard deviation 1.

    Fit it on the training part only (:meth:`fit`), then apply the same ``mean`` and
    ``scale`` to the test part and to new inputs: scaling with statistics of the test data
    would leak it into training. Constant columns get ``scale`` 1, so they become 0. Any
    finite data standardizes: columns of huge or tiny numbers are scaled by a power of two
    first (:func:`_safe_exponents`), ordinary ones are computed exactly as written.
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
        self.mean = _frozen(mean)
        self.scale = _frozen(scale)

    @classmethod
    def fit(cls, X: object) -> Standardizer:
        """Column means and standard deviations of ``X`` ``(N, d)``, with ``N >= 1``."""
        X = input_array(X)
        if X.shape[0] == 0:
            raise ValueError("X: needs at least one sample to fit a Standardizer, got 0 rows")
        constant = np.all(X[0] == X, axis=0)
        k = _safe_exponents(np.max(np.abs(X), axis=0))
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
        return _safe_exponents(self.scale)

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


# -- helpers ------------------------------------------------------------------------------


def _safe_exponents(magnitudes: np.ndarray) -> np.ndarray:
    """Per column, the power of two to scale by before squaring or subtracting: 0 (ordinary
    data keeps its numbers bit for bit) unless the column's magnitude lies beyond
    2**±:data:`SAFE_EXPONENT`, where squares overflow or underflow. Scaling by a power of two
    is exact, so the results are what the plain formula gives where nothing overflows."""
    exponent = np.frexp(magnitudes)[1]
    return np.where(np.abs(exponent) > SAFE_EXPONENT, exponent, 0).astype(np.int32)


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.array(a, copy=True)
    a.setflags(write=False)
    return a


def _ring(n: int, radius: float) -> np.ndarray:
    t = np.linspace(0.0, 2.0 * np.pi, n, endpoint=False)
    return radius * np.column_stack([np.cos(t), np.sin(t)])


def _class_sizes(n: int, classes: int) -> np.ndarray:
    """``n`` split into ``classes`` parts differing by at most one (the first ones larger)."""
    return n // classes + (np.arange(classes) < n % classes)


def _shuffled(
    rng: np.random.Generator, X: np.ndarray, y: np.ndarray, name: str, params: dict[str, Any]
) -> Dataset:
    """Mix the rows: generators build class by class, and unshuffled batches would not be."""
    order = rng.permutation(len(y))
    return Dataset(X[order], y[order], "classification", name, params)


def _rounded(x: float) -> int:
    """Round half up (Python's ``round`` rounds half to even)."""
    return math.floor(x + 0.5)


def _stratified_test_rows(
    rng: np.random.Generator, labels: np.ndarray, fraction: float
) -> np.ndarray:
    """Test rows drawn class by class, per-class sizes by largest remainder."""
    classes, counts = np.unique(labels, return_counts=True)
    n_test = min(_rounded(fraction * labels.size), labels.size - classes.size)
    quota = n_test * counts / labels.size
    take = np.minimum(np.floor(quota).astype(np.int64), counts - 1)
    remaining = n_test - int(take.sum())
    order = np.argsort(np.floor(quota) - quota, kind="stable")
    while remaining:
        for c in order:
            if remaining and take[c] < counts[c] - 1:  # keep one sample of each class to train
                take[c] += 1
                remaining -= 1
    rows = [rng.permutation(np.flatnonzero(labels == k))[:m] for k, m in zip(classes, take)]
    return np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)


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
