"""The ``classification`` generator: scikit-learn's ``make_classification`` recipe, our own.

Seed 002 makes its data with ``make_classification(n_samples=1000, n_features=20,
n_informative=2, n_redundant=2)``. This generator follows the same recipe (I. Guyon's, made
for the NIPS 2003 feature-selection challenge) with a seeded ``numpy.random.Generator``, so
BP Studio needs no scikit-learn:

1. Each class owns ``clusters_per_class`` clusters (cluster ``k`` belongs to class
   ``k mod classes``). Every cluster sits on its own vertex of the hypercube
   ``[−class_sep, +class_sep]`` in the ``n_informative`` dimensions, so
   ``classes × clusters_per_class`` may be at most ``2 ** n_informative``; the vertices are
   picked as scikit-learn picks them (see ``_vertex_codes``).
2. A cluster's points are standard normal, multiplied by a random matrix (entries from
   U[−1, 1): a random covariance) and moved onto the cluster's vertex. Samples are shared out
   evenly between the clusters.
3. The ``n_redundant`` features are random linear combinations (coefficients from U[−1, 1))
   of the informative ones: they repeat information, they add none.
4. The remaining features are standard normal noise, the same for every class.
5. A share ``flip_y`` of the samples gets a label drawn at random (so about
   ``flip_y · (classes − 1) / classes`` of the labels are wrong: no model can be perfect).
6. Rows and then columns are shuffled, as scikit-learn does, so the columns do not give
   away which is which; :func:`feature_roles` tells.

The same seed gives other numbers than scikit-learn's (another generator draws them); the
statistics are the same, which ``tests/core/test_classification_data.py`` checks.
"""

from __future__ import annotations

import inspect
from typing import Any

import numpy as np

from ..limits import MAX_CLASSES, MAX_DATA_VALUES, MAX_SAMPLES
from .data_checks import class_number, point_count, real_number, seed_number, whole_number
from .dataset import Dataset
from .translatable import QT_TRANSLATE_NOOP, Refusal

ROLES = ("informative", "redundant", "noise")
"""What a column of ``classification`` data can be."""

DISTINCT_BITS = 30
"""Vertices are drawn distinct in this many informative dimensions; beyond them their
coordinates are free (as in scikit-learn), which keeps the draw small for any dimension."""


def classification(
    *,
    n: int = 1000,
    n_features: int = 20,
    n_informative: int = 2,
    n_redundant: int = 2,
    classes: int = 2,
    clusters_per_class: int = 2,
    flip_y: float = 0.01,
    class_sep: float = 1.0,
    seed: int = 0,
) -> Dataset:
    """``n`` samples of ``classes`` classes in ``n_features`` dimensions, of which only
    ``n_informative`` carry the class and ``n_redundant`` mix those; the rest is noise.

    The defaults are seed 002's ``make_classification(n_samples=1000, n_features=20,
    n_informative=2, n_redundant=2)`` (scikit-learn's defaults otherwise). The steps are in
    the module's docstring; a larger ``class_sep`` spreads the clusters further apart.
    """
    params = _checked(n, n_features, n_informative, n_redundant, classes, clusters_per_class,
                      flip_y, class_sep, seed)
    X, y, _ = _draw(**params)
    return Dataset(X, y, "classification", "classification", params, n_classes=classes)


def feature_roles(**params: Any) -> tuple[str, ...]:
    """What each column of ``classification(**params)`` is: ``"informative"``,
    ``"redundant"`` or ``"noise"`` (the shuffle hides it in the data itself)."""
    defaults = {k: p.default for k, p in inspect.signature(classification).parameters.items()}
    unknown = sorted(set(params) - set(defaults))
    if unknown:
        raise ValueError(
            f"{unknown[0]}: not a parameter of classification; it takes {', '.join(defaults)}"
        )
    p = _checked(**{**defaults, **params})
    _, _, columns = _draw(**p)
    informative, redundant = p["n_informative"], p["n_redundant"]
    return tuple(
        ROLES[0] if c < informative else ROLES[1] if c < informative + redundant else ROLES[2]
        for c in columns
    )


def _checked(n: object, n_features: object, n_informative: object, n_redundant: object,
             classes: object, clusters_per_class: object, flip_y: object, class_sep: object,
             seed: object) -> dict[str, Any]:
    """The parameters as the generator records them, or ``ValueError`` naming the fix."""
    classes = class_number(classes)
    if classes > MAX_CLASSES:
        raise ValueError(f"classes: BP Studio works with up to {MAX_CLASSES:,}, got {classes:,}")
    n = point_count(n, classes)
    if n > MAX_SAMPLES:
        raise ValueError(f"n: BP Studio works with up to {MAX_SAMPLES:,} samples, got {n:,}")
    n_features = whole_number("n_features", n_features, 1, "columns of the data")
    n_informative = whole_number("n_informative", n_informative, 1,
                                 "at least one feature must carry the class")
    n_redundant = whole_number("n_redundant", n_redundant, 0)
    clusters = whole_number("clusters_per_class", clusters_per_class, 1)
    flip_y = real_number("flip_y", flip_y)
    if not 0.0 <= flip_y <= 1.0:
        raise ValueError(
            f"flip_y: the share of labels drawn at random must lie in [0, 1], got {flip_y:g}"
        )
    class_sep = real_number("class_sep", class_sep)
    if class_sep < 0:
        raise ValueError(f"class_sep: must be >= 0 (e.g. 1.0), got {class_sep:g}")
    seed = seed_number(seed)
    if n_informative + n_redundant > n_features:
        raise ValueError(
            f"n_features: {n_informative} informative + {n_redundant} redundant features need "
            f"at least {n_informative + n_redundant} columns, got {n_features}"
        )
    if n * n_features > MAX_DATA_VALUES:
        raise ValueError(
            f"n_features: {n:,} samples × {n_features:,} features make {n * n_features:,} "
            f"numbers; BP Studio works with up to {MAX_DATA_VALUES:,} (use fewer of either)"
        )
    if classes * clusters * n_informative**2 > MAX_DATA_VALUES:
        raise ValueError(
            f"n_informative: {classes * clusters:,} clusters with a {n_informative}×"
            f"{n_informative} covariance each make too many numbers (at most "
            f"{MAX_DATA_VALUES:,}); use fewer informative features or clusters"
        )
    if classes * clusters > 2**n_informative:
        raise Refusal(
            QT_TRANSLATE_NOOP("Limits", "{field}: {classes} classes × {clusters} clusters need "
                              "as many hypercube vertices, but {informative} informative "
                              "features give {vertices}; use more informative features or "
                              "fewer clusters"),
            field="n_informative", classes=classes, clusters=clusters, informative=n_informative,
            vertices=2**n_informative)
    return dict(n=n, n_features=n_features, n_informative=n_informative,
                n_redundant=n_redundant, classes=classes, clusters_per_class=clusters,
                flip_y=flip_y, class_sep=class_sep, seed=seed)


def _draw(*, n: int, n_features: int, n_informative: int, n_redundant: int, classes: int,
          clusters_per_class: int, flip_y: float, class_sep: float, seed: int
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shuffled ``X``, ``y`` and, per column, its place in the unshuffled order
    (informative columns first, then redundant, then noise)."""
    rng = np.random.default_rng(seed)
    n_clusters = classes * clusters_per_class
    sizes = n // n_clusters + (np.arange(n_clusters) < n % n_clusters)
    centres = _hypercube_vertices(rng, n_clusters, n_informative) * (2.0 * class_sep)
    centres -= class_sep
    X = np.empty((n, n_features))
    informative = rng.standard_normal((n, n_informative))
    y = np.repeat(np.arange(n_clusters) % classes, sizes)
    stop = 0
    for centre, size in zip(centres, sizes):
        start, stop = stop, stop + size
        mixing = 2.0 * rng.random((n_informative, n_informative)) - 1.0
        informative[start:stop] = informative[start:stop] @ mixing + centre
    X[:, :n_informative] = informative
    if n_redundant:
        combination = 2.0 * rng.random((n_informative, n_redundant)) - 1.0
        X[:, n_informative:n_informative + n_redundant] = informative @ combination
    X[:, n_informative + n_redundant:] = rng.standard_normal(
        (n, n_features - n_informative - n_redundant)
    )
    flipped = rng.random(n) < flip_y
    y[flipped] = rng.integers(0, classes, size=int(flipped.sum()))
    rows, columns = rng.permutation(n), rng.permutation(n_features)
    return X[rows][:, columns], y[rows], columns


def _hypercube_vertices(rng: np.random.Generator, count: int, dimensions: int) -> np.ndarray:
    """``count`` distinct vertices of the unit hypercube ``{0, 1} ** dimensions``, cluster by
    cluster (vertex ``k`` has the bits of ``k``, most significant first)."""
    bits = min(dimensions, DISTINCT_BITS)
    codes = _vertex_codes(rng, count, 2**bits)
    vertices = (codes[:, None] >> np.arange(bits - 1, -1, -1)) & 1
    if dimensions > bits:
        vertices = np.hstack([rng.integers(0, 2, size=(count, dimensions - bits)), vertices])
    return vertices.astype(np.float64)


def _vertex_codes(rng: np.random.Generator, count: int, population: int) -> np.ndarray:
    """Distinct vertex numbers as scikit-learn's ``sample_without_replacement`` picks them: a
    random sample in random order, but when nearly every vertex is used (99 % or more) by
    reservoir sampling, which leaves them almost in their natural order. That order decides
    which classes share a side of the hypercube: with seed 002's 4 clusters on the 4 corners
    of a square, each class takes one side, and a line separates them."""
    if count < 0.99 * population:
        return rng.choice(population, size=count, replace=False)
    codes = np.arange(count)
    picks = rng.integers(0, np.arange(count + 1, population + 1))
    for i, j in enumerate(picks, start=count):
        if j < count:
            codes[j] = i
    return codes
