"""The classification generator: seed 002's make_classification recipe, without scikit-learn."""

import math

import numpy as np
import pytest

from bpstudio.core.classification_data import classification, feature_roles
from bpstudio.core.datasets import GENERATORS, make_dataset
from bpstudio.limits import MAX_CLASSES, MAX_DATA_VALUES, MAX_SAMPLES


def linear_accuracy(X: np.ndarray, y: np.ndarray) -> float:
    """Held-out accuracy of a least-squares linear classifier (one-hot targets, argmax),
    trained on the first three quarters of the rows and tested on the rest."""
    n = len(y)
    cut = 3 * n // 4
    A = np.column_stack([X, np.ones(n)])
    T = np.eye(int(y.max()) + 1)[y]
    W, *_ = np.linalg.lstsq(A[:cut], T[:cut], rcond=None)
    return float(np.mean((A[cut:] @ W).argmax(axis=1) == y[cut:]))


def columns(d, role: str) -> np.ndarray:
    roles = np.array(feature_roles(**d.params))
    return d.X[:, roles == role]


def test_defaults_are_seed_002s_call():
    d = make_dataset("classification")
    assert GENERATORS["classification"].make is classification
    assert d.X.shape == (1000, 20) and d.X.dtype == np.float64
    assert d.y.shape == (1000,) and set(np.unique(d.y)) == {0, 1}
    assert d.task == "classification" and d.n_classes == 2 and d.name == "classification"
    assert d.params == {"n": 1000, "n_features": 20, "n_informative": 2, "n_redundant": 2,
                        "classes": 2, "clusters_per_class": 2, "flip_y": 0.01,
                        "class_sep": 1.0, "seed": 0}
    assert sorted(feature_roles()) == ["informative"] * 2 + ["noise"] * 16 + ["redundant"] * 2


def test_the_seed_decides_everything():
    a, b = classification(seed=5), classification(seed=5)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    assert feature_roles(seed=5) == feature_roles(seed=5)
    c = classification(seed=6)
    assert not np.array_equal(a.X, c.X)
    assert feature_roles(seed=5) != feature_roles(seed=6)  # the columns are shuffled too


def test_shapes_and_class_sizes_follow_the_clusters():
    # 1001 samples over 6 clusters: 167, 167, 167, 167, 167, 166; class c owns clusters c, c+3
    d = classification(n=1001, n_features=7, n_informative=3, n_redundant=1, classes=3,
                       flip_y=0.0, seed=2)
    assert d.X.shape == (1001, 7) and d.n_classes == 3
    assert np.bincount(d.y).tolist() == [334, 334, 333]
    smallest = classification(n=3, n_features=2, n_informative=2, n_redundant=0, classes=3,
                              clusters_per_class=1, flip_y=0.0)
    assert sorted(smallest.y.tolist()) == [0, 1, 2]


@pytest.mark.parametrize("params", [
    {}, {"n_informative": 4, "n_redundant": 5, "n_features": 12, "classes": 3},
    {"n_informative": 3, "n_redundant": 0, "n_features": 3},
])
def test_redundant_columns_are_linear_combinations_of_the_informative_ones(params):
    d = classification(n=400, seed=1, **params)
    informative, redundant = columns(d, "informative"), columns(d, "redundant")
    k, r = informative.shape[1], redundant.shape[1]
    assert k == d.params["n_informative"] and r == d.params["n_redundant"]
    assert np.linalg.matrix_rank(informative) == k
    assert np.linalg.matrix_rank(np.hstack([informative, redundant])) == k
    if r:
        coefficients, *_ = np.linalg.lstsq(informative, redundant, rcond=None)
        residual = redundant - informative @ coefficients
        assert np.abs(residual).max() < 1e-12 * np.abs(redundant).max()
        assert np.all(np.abs(coefficients) <= 1.0)  # combinations drawn from U[−1, 1)
    assert np.linalg.matrix_rank(d.X) == d.X.shape[1] - r


def test_informative_columns_separate_the_classes_and_noise_columns_do_not():
    informative, noise = [], []
    for seed in range(8):
        d = classification(seed=seed)
        informative.append(linear_accuracy(columns(d, "informative"), d.y))
        noise.append(linear_accuracy(columns(d, "noise"), d.y))
    assert np.mean(informative) > 0.85  # scikit-learn's data: about 0.9 too
    assert 0.4 < np.mean(noise) < 0.6  # chance


def test_noise_columns_are_standard_normal_whatever_the_class():
    d = classification(n=20000, n_features=8, seed=3)
    noise = columns(d, "noise")
    np.testing.assert_allclose(noise.mean(axis=0), 0.0, atol=0.05)
    np.testing.assert_allclose(noise.std(axis=0), 1.0, atol=0.05)
    standard_error = math.sqrt(1 / np.sum(d.y == 0) + 1 / np.sum(d.y == 1))
    gap = noise[d.y == 0].mean(axis=0) - noise[d.y == 1].mean(axis=0)
    assert np.all(np.abs(gap) < 5 * standard_error)


def test_clusters_sit_on_vertices_of_the_hypercube():
    d = classification(n=20000, n_features=3, n_informative=3, n_redundant=0,
                       clusters_per_class=1, flip_y=0.0, class_sep=2.0, seed=4)
    means = np.array([d.X[d.y == c].mean(axis=0) for c in (0, 1)])
    np.testing.assert_allclose(np.abs(means), 2.0, atol=0.1)  # every coordinate ±class_sep
    assert np.any(np.abs(means[0] - means[1]) > 3.0)  # two different vertices


def test_each_class_takes_one_side_of_seed_002s_square():
    # 4 clusters on the 4 corners: as in scikit-learn, cluster k takes the corner with the
    # bits of k, so the class (k mod 2) is the side of one informative coordinate
    for seed in range(6):
        d = classification(n=2000, flip_y=0.0, class_sep=5.0, seed=seed)
        sides = [np.mean((column > 0) == d.y) for column in columns(d, "informative").T]
        assert max(sides) > 0.99


def test_a_larger_class_sep_makes_the_classes_easier_to_tell_apart():
    def mean_accuracy(sep):
        return np.mean([linear_accuracy(classification(class_sep=sep, seed=s).X,
                                        classification(class_sep=sep, seed=s).y)
                        for s in range(6)])

    assert mean_accuracy(2.0) > mean_accuracy(1.0) + 0.05 > mean_accuracy(0.5) + 0.1


def test_flip_y_gives_that_share_of_samples_a_random_label():
    clean = classification(n=20000, flip_y=0.0, seed=7)
    noisy = classification(n=20000, flip_y=0.4, seed=7)  # the same points, rows and columns
    a, b = _aligned(clean), _aligned(noisy)  # shuffled otherwise: line them up
    np.testing.assert_array_equal(a[0], b[0])
    changed = np.mean(a[1] != b[1])
    assert abs(changed - 0.4 / 2) < 0.02  # half of the redrawn labels land on the same class


def _aligned(d):
    X = d.X[:, np.argsort(d.X.sum(axis=0))]
    rows = np.argsort(X[:, 0])
    return X[rows], d.y[rows]


def test_many_informative_dimensions_draw_distinct_vertices():
    d = classification(n=200, n_features=40, n_informative=35, n_redundant=0, classes=4,
                       clusters_per_class=3, flip_y=0.0, class_sep=3.0, seed=0)
    assert d.X.shape == (200, 40) and np.bincount(d.y).tolist() == [50] * 4


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"n": 1}, r"^n: must be a whole number >= 2 \(at least one point for each of the 2 "),
    ({"n": MAX_SAMPLES + 1}, r"^n: BP Studio works with up to 100,000 samples"),
    ({"n": 2.5}, r"^n: must be a whole number"),
    ({"classes": 1}, r"^classes: must be a whole number >= 2"),
    ({"classes": MAX_CLASSES + 1, "n_informative": 11}, r"^classes: BP Studio works with up to"),
    ({"n_features": 0}, r"^n_features: must be a whole number >= 1"),
    ({"n_informative": 0}, r"^n_informative: must be a whole number >= 1 \(at least one"),
    ({"n_redundant": -1}, r"^n_redundant: must be a whole number >= 0"),
    ({"n_redundant": True}, r"^n_redundant: must be a whole number"),
    ({"clusters_per_class": 0}, r"^clusters_per_class: must be a whole number >= 1"),
    ({"flip_y": -0.1}, r"^flip_y: the share of labels drawn at random must lie in \[0, 1\]"),
    ({"flip_y": 1.5}, r"^flip_y: "),
    ({"flip_y": math.nan}, r"^flip_y: must be a finite number"),
    ({"flip_y": "a"}, r"^flip_y: expected a number"),
    ({"class_sep": -1.0}, r"^class_sep: must be >= 0"),
    ({"class_sep": math.inf}, r"^class_sep: must be a finite number"),
    ({"seed": -1}, r"^seed: must be a whole number >= 0"),
    ({"n_features": 3}, r"^n_features: 2 informative \+ 2 redundant features need at least 4 "),
    ({"classes": 3}, r"^n_informative: 3 classes × 2 clusters need as many hypercube vertices, "
                     r"but 2 informative features give 4; use more informative features"),
    ({"n": 100_000, "n_features": 201}, r"^n_features: 100,000 samples × 201 features make "
                                        r"20,100,000 numbers; BP Studio works with up to "),
    ({"n": 4, "n_features": 5000, "n_informative": 4000, "n_redundant": 0},
     r"^n_informative: 4 clusters with a 4000×4000 covariance each make too many numbers"),
])
def test_bad_parameters_are_named_with_their_fix(kwargs, match):
    with pytest.raises(ValueError, match=match):
        classification(**kwargs)


def test_the_limits_checked_are_the_shared_ones():
    assert 100_000 * 200 <= MAX_DATA_VALUES < 100_000 * 201
    classification(n=2, n_features=2, n_informative=2, n_redundant=0)  # the smallest


def test_feature_roles_takes_the_generators_parameters_only():
    assert feature_roles(n_features=5, n_redundant=1, seed=3) == feature_roles(
        **classification(n_features=5, n_redundant=1, seed=3).params)
    with pytest.raises(ValueError, match=r"^n_samples: not a parameter of classification; "
                                         r"it takes n, n_features, "):
        feature_roles(n_samples=10)


# -- the same statistics as scikit-learn's make_classification ---------------------------------


@pytest.mark.parametrize("params", [
    {},
    {"class_sep": 2.0},
    {"classes": 3, "n_informative": 3, "clusters_per_class": 1},
    {"classes": 4, "n_informative": 5, "n_redundant": 3, "n_features": 10, "flip_y": 0.1},
])
def test_summary_statistics_match_scikit_learns(params):
    datasets = pytest.importorskip("sklearn.datasets")
    ours, theirs = [], []
    for seed in range(30):
        d = classification(seed=seed, **params)
        p = d.params
        X, y = datasets.make_classification(
            n_samples=p["n"], n_features=p["n_features"], n_informative=p["n_informative"],
            n_redundant=p["n_redundant"], n_classes=p["classes"],
            n_clusters_per_class=p["clusters_per_class"], flip_y=p["flip_y"],
            class_sep=p["class_sep"], random_state=seed,
        )
        for out, (A, b) in ((ours, (d.X, d.y)), (theirs, (X, y))):
            out.append((
                linear_accuracy(A, b),
                np.linalg.matrix_rank(A),
                np.bincount(b, minlength=p["classes"]).min() / len(b),
                np.sort(A.std(axis=0))[len(A.T) // 2],  # the median column spread
            ))
    ours_mean, theirs_mean = np.mean(ours, axis=0), np.mean(theirs, axis=0)
    assert abs(ours_mean[0] - theirs_mean[0]) < 0.05  # as easy to classify linearly
    spread = np.std(ours, axis=0)[0] / np.std(theirs, axis=0)[0]
    assert 0.5 < spread < 2.0  # and as varied from seed to seed (vertex order matters)
    assert ours_mean[1] == theirs_mean[1] == p["n_features"] - p["n_redundant"]
    assert abs(ours_mean[2] - theirs_mean[2]) < 0.02  # as balanced
    assert abs(ours_mean[3] - theirs_mean[3]) < 0.1  # columns as spread out
