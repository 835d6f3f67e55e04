"""Datasets: the textbook examples, seeded toy problems, their registry and a train/test split.

Every generator is deterministic given ``seed`` and records its parameters (with the defaults
filled in) in :attr:`Dataset.params`, so ``make_dataset(d.name, **d.params)`` rebuilds ``d``
bit for bit: a file can store the recipe instead of the points. A :class:`Dataset` itself is
defined in :mod:`.dataset`, the standardizer in :mod:`.standardizer`.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .classification_data import classification
from .data_checks import (
    class_number,
    deviation,
    point_count,
    real_number,
    seed_number,
    whole_number,
)
from .dataset import Dataset
from .translatable import QT_TRANSLATE_NOOP
from .validation import check_name, unknown_name

XOR_MARGIN = 0.1
"""Points of ``xor`` keep this distance from both axes, so the labels are never ambiguous."""

BLOB_RADIUS = 3.0
"""Radius of the circle the ``gaussians`` centres sit on."""


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


_CLASSES = "classification"
GENERATORS: dict[str, DataGenerator] = {
    g.name: g
    for g in (
        DataGenerator("sin", sin, QT_TRANSLATE_NOOP("Vocabulary", "Sin fit"), "regression"),
        DataGenerator("points8", points8, QT_TRANSLATE_NOOP("Vocabulary", "8 points"), _CLASSES),
        DataGenerator("binary4", binary4, QT_TRANSLATE_NOOP("Vocabulary", "3×4 binary"), _CLASSES),
        DataGenerator("xor", xor, QT_TRANSLATE_NOOP("Vocabulary", "XOR"), "classification"),
        DataGenerator("circles", circles, QT_TRANSLATE_NOOP("Vocabulary", "Circles"), _CLASSES),
        DataGenerator("moons", moons, QT_TRANSLATE_NOOP("Vocabulary", "Moons"), "classification"),
        DataGenerator("gaussians", gaussians, QT_TRANSLATE_NOOP("Vocabulary", "Gaussians"),
                      "classification"),
        DataGenerator("spiral", spiral, QT_TRANSLATE_NOOP("Vocabulary", "Spiral"), _CLASSES),
        DataGenerator("classification", classification,
                      QT_TRANSLATE_NOOP("Vocabulary", "Classification (20-D)"), "classification"),
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


# -- split ----------------------------------------------------------------------------------


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


# -- helpers ------------------------------------------------------------------------------


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


