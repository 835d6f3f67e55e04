import ast
import inspect
import json
import math

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bpstudio.core import datasets
from bpstudio.core.dataset import Dataset
from bpstudio.core.datasets import (
    BLOB_RADIUS,
    GENERATORS,
    XOR_MARGIN,
    binary4,
    circles,
    gaussians,
    make_dataset,
    moons,
    points8,
    sin,
    spiral,
    train_test_split,
    xor,
)
from bpstudio.core.standardizer import Standardizer

RANDOM = ["sin", "xor", "circles", "moons", "gaussians", "spiral"]
TOY = ["xor", "circles", "moons", "gaussians", "spiral"]


# -- the textbook arrays ----------------------------------------------------------------------


def test_points8_is_the_textbook_table():
    d = points8()
    expected_X = [[3, 1], [2, 5], [1, 8], [6, 4], [5, 2], [3, 5], [4, 7], [4, -1]]
    np.testing.assert_array_equal(d.X, np.array(expected_X, dtype=np.float64))
    np.testing.assert_array_equal(d.y, [0, 1, 1, 0, 0, 1, 1, 0])
    assert (d.X.dtype, d.y.dtype) == (np.float64, np.int64)
    assert (d.task, d.n_samples, d.n_features, d.n_classes) == ("classification", 8, 2, 2)
    assert d.params == {"seed": 0}


def test_binary4_is_the_textbook_table():
    d = binary4(seed=5)
    np.testing.assert_array_equal(d.X, [[1, 0, 1, 0], [1, 0, 1, 1], [0, 1, 0, 1]])
    np.testing.assert_array_equal(d.y, [1, 1, 0])
    assert (d.n_samples, d.n_features, d.n_classes) == (3, 4, 2)
    assert d.params == {"seed": 5}


def test_sin_is_the_textbook_setup():
    d = sin()
    assert d.X.shape == (100, 1) and d.y.shape == (100, 1)
    np.testing.assert_array_equal(d.X[:, 0], np.linspace(-3.0, 3.0, 100))
    residual = d.y - np.sin(d.X)
    assert 0.08 < residual.std() < 0.12  # noise sd 0.1
    assert d.true_function() is np.sin
    assert d.n_classes == 0
    assert d.params == {"n": 100, "low": -3.0, "high": 3.0, "noise": 0.1, "seed": 0}


def test_sin_without_noise_is_the_clean_curve():
    d = sin(n=7, low=0.0, high=1.0, noise=0.0)
    np.testing.assert_array_equal(d.y, np.sin(d.X))


@pytest.mark.parametrize("name", [n for n in GENERATORS if n != "sin"])
def test_only_sin_knows_its_true_function(name):
    assert make_dataset(name).true_function() is None


# -- every generator --------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(GENERATORS))
def test_same_seed_gives_identical_arrays(name):
    a, b = make_dataset(name, seed=3), make_dataset(name, seed=3)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)


@pytest.mark.parametrize("name", RANDOM)
def test_different_seeds_give_different_data(name):
    a, b = make_dataset(name, seed=0), make_dataset(name, seed=1)
    assert not (np.array_equal(a.X, b.X) and np.array_equal(a.y, b.y))


@pytest.mark.parametrize("name", list(GENERATORS))
def test_params_rebuild_the_same_dataset_and_are_json(name):
    d = make_dataset(name)
    again = make_dataset(d.name, **json.loads(json.dumps(d.params)))
    np.testing.assert_array_equal(d.X, again.X)
    np.testing.assert_array_equal(d.y, again.y)
    assert "seed" in d.params


@pytest.mark.parametrize("name", list(GENERATORS))
def test_arrays_are_read_only_copies(name):
    d = make_dataset(name)
    with pytest.raises(ValueError, match="read-only"):
        d.X[0, 0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        d.y[0] = 1


def test_dataset_copies_what_it_is_given():
    X = np.zeros((2, 1))
    d = Dataset(X, [0.0, 1.0], "regression", "custom")
    X[0, 0] = 5.0
    assert d.X[0, 0] == 0.0
    assert d.y.shape == (2, 1)  # a (N,) regression target is one column


@pytest.mark.parametrize(
    ("name", "kwargs", "n_classes"),
    [
        ("xor", {"n": 101}, 2),
        ("circles", {"n": 101}, 2),
        ("moons", {"n": 101}, 2),
        ("gaussians", {"n": 101, "classes": 4}, 4),
        ("spiral", {"n": 101, "classes": 3}, 3),
    ],
)
def test_toy_shapes_labels_and_balance(name, kwargs, n_classes):
    d = make_dataset(name, **kwargs)
    assert d.X.shape == (101, 2) and d.X.dtype == np.float64
    assert d.y.shape == (101,) and d.y.dtype == np.int64
    assert d.n_classes == n_classes
    counts = np.bincount(d.y, minlength=n_classes)
    assert counts.sum() == 101 and counts.max() - counts.min() <= 1


@pytest.mark.parametrize("name", TOY)
def test_smallest_n_gives_every_class_a_point(name):
    classes = make_dataset(name).n_classes
    d = make_dataset(name, n=classes)
    np.testing.assert_array_equal(np.sort(d.y), np.arange(classes))


def test_xor_labels_follow_the_quadrants_and_keep_the_margin():
    d = xor(n=400)
    np.testing.assert_array_equal(d.y, (d.X[:, 0] * d.X[:, 1] < 0).astype(np.int64))
    assert np.abs(d.X).min() >= XOR_MARGIN and np.abs(d.X).max() <= 1.0


def test_circles_without_noise_lie_on_the_two_radii():
    d = circles(n=20, noise=0.0, factor=0.3)
    radius = np.hypot(d.X[:, 0], d.X[:, 1])
    np.testing.assert_allclose(radius, np.where(d.y == 0, 1.0, 0.3), rtol=1e-12)


def test_moons_without_noise_lie_on_their_arcs():
    d = moons(n=30, noise=0.0)
    upper, lower = d.X[d.y == 0], d.X[d.y == 1]
    np.testing.assert_allclose(np.hypot(*upper.T), 1.0, rtol=1e-12)
    np.testing.assert_allclose(np.hypot(lower[:, 0] - 1.0, lower[:, 1] - 0.5), 1.0, rtol=1e-12)
    assert upper[:, 1].min() >= 0.0 and lower[:, 1].max() <= 0.5


def test_gaussian_blobs_without_spread_sit_on_their_centres():
    d = gaussians(n=8, classes=4, spread=0.0)
    # centre k at angle 2πk/4: (3, 0), (0, 3), (−3, 0), (0, −3)
    centres = BLOB_RADIUS * np.array([[1, 0], [0, 1], [-1, 0], [0, -1]])
    np.testing.assert_allclose(d.X, centres[d.y], atol=1e-12)


def test_spiral_radius_grows_evenly_to_one_along_each_arm():
    d = spiral(n=12, classes=3)  # 4 points per arm: r = 0.25, 0.5, 0.75, 1
    for k in range(3):
        radius = np.sort(np.hypot(*d.X[d.y == k].T))
        np.testing.assert_allclose(radius, [0.25, 0.5, 0.75, 1.0], rtol=1e-12)


# -- invalid arguments ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("generator", "kwargs", "match"),
    [
        (sin, {"n": 0}, r"^n: .*>= 1"),
        (sin, {"n": 2.5}, r"^n: must be a whole number"),
        (sin, {"n": True}, r"^n: "),
        (sin, {"noise": -0.1}, r"^noise: must be >= 0"),
        (sin, {"noise": math.nan}, r"^noise: must be a finite number"),
        (sin, {"low": 1.0, "high": 1.0}, r"^high: must be greater than low"),
        (sin, {"low": "a"}, r"^low: expected a number"),
        (sin, {"seed": -1}, r"^seed: must be a whole number >= 0"),
        (sin, {"seed": 1.5}, r"^seed: "),
        (points8, {"seed": "x"}, r"^seed: "),
        (xor, {"n": 1}, r"^n: .*>= 2 \(at least one point for each of the 2 classes\)"),
        (xor, {"noise": -1}, r"^noise: "),
        (circles, {"factor": 1.0}, r"^factor: .*between 0 and 1"),
        (circles, {"factor": 0}, r"^factor: "),
        (moons, {"n": 0}, r"^n: "),
        (gaussians, {"classes": 1}, r"^classes: must be a whole number >= 2"),
        (gaussians, {"n": 3, "classes": 4}, r"^n: .*>= 4 .*4 classes"),
        (gaussians, {"spread": -1.0}, r"^spread: must be >= 0"),
        (spiral, {"classes": 0}, r"^classes: "),
        (spiral, {"n": 2, "classes": 3}, r"^n: .*>= 3"),
        (spiral, {"turns": 0.0}, r"^turns: must be > 0"),
        (spiral, {"noise": -0.2}, r"^noise: "),
    ],
)
def test_bad_generator_arguments_name_the_parameter(generator, kwargs, match):
    with pytest.raises(ValueError, match=match):
        generator(**kwargs)
    with pytest.raises(ValueError, match=match):
        make_dataset(generator.__name__, **kwargs)


def test_unknown_dataset_name_suggests_the_closest():
    with pytest.raises(ValueError, match=r"^dataset: unknown name 'moon' \(did you mean 'moons'"):
        make_dataset("moon")


def test_unknown_keyword_names_it_and_suggests_the_closest():
    with pytest.raises(ValueError, match=r"'noize' \(did you mean 'noise'\?\).*n, noise, seed"):
        make_dataset("xor", noize=0.1)
    with pytest.raises(ValueError, match="'classes'"):
        make_dataset("moons", classes=3)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (([[0.0]], [0], "clustering", "x"), r"^task: unknown name 'clustering'"),
        (([[0.0], [1.0]], [0], "classification", "x"), r"^y: has 1 rows but X has 2"),
        (([0.0, 1.0], [0, 1], "classification", "x"), r"^X: expected shape \(N, d\)"),
        (([[math.inf]], [0], "classification", "x"), r"^X: contains inf"),
        (([[0.0]], [0.5], "classification", "x"), r"^y: class labels must be whole numbers"),
        (([[0.0]], [-1], "classification", "x"), r"^y: class labels must be >= 0"),
        (([[0.0]], ["a"], "classification", "x"), r"^y: class labels must be whole numbers"),
        (([[0.0]], [[math.nan]], "regression", "x"), r"^y: contains nan"),
        (([[0.0]], [2], "classification", "x", {}, 2), r"^n_classes: must be a whole number >= 3"),
        (([[0.0]], [0.0], "regression", "x", {}, 2), r"^n_classes: a regression dataset"),
    ],
)
def test_bad_dataset_fields_name_the_field(args, match):
    with pytest.raises(ValueError, match=match):
        Dataset(*args)


# -- no global random state -------------------------------------------------------------------


def test_nothing_draws_from_the_global_random_state():
    saved = np.random.get_state()
    try:
        np.random.seed(123)
        expected = np.random.random(2)
        np.random.seed(123)
        assert np.random.random() == expected[0]
        for name in GENERATORS:
            data = make_dataset(name)
            train, _ = train_test_split(data, 0.3, seed=4)
            Standardizer.fit(train.X)
        assert np.random.random() == expected[1]
    finally:
        np.random.set_state(saved)


def test_the_module_only_builds_seeded_generators():
    tree = ast.parse(inspect.getsource(datasets))
    used = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "random"
    }
    assert used <= {"default_rng", "Generator"}


# -- subsets ------------------------------------------------------------------------------------


def test_subset_by_rows_mask_and_slice():
    d = points8()
    np.testing.assert_array_equal(d.subset([2, 0]).y, [1, 0])
    np.testing.assert_array_equal(d.subset(d.y == 1).X[:, 0], [2, 1, 3, 4])
    np.testing.assert_array_equal(d.subset(slice(0, 3)).y, [0, 1, 1])
    empty = d.subset([])
    assert empty.X.shape == (0, 2) and empty.y.shape == (0,)
    assert empty.n_classes == 2  # the problem still has two classes


def test_subset_keeps_the_class_count_when_a_class_is_missing():
    d = gaussians(n=30, classes=3)
    only_first = d.subset(d.y == 0)
    assert only_first.n_classes == 3
    assert only_first.params == d.params and only_first.name == "gaussians"


@pytest.mark.parametrize(
    ("index", "match"),
    [([8], r"^index: row numbers must lie in 0\.\.7"), ([True, False], r"^index: .*mask"),
     ([0.5], r"^index: expected row numbers")],
)
def test_bad_subset_index(index, match):
    with pytest.raises(ValueError, match=match):
        points8().subset(index)


# -- train/test split -----------------------------------------------------------------------------


def test_split_sizes_for_regression():
    train, test = train_test_split(sin(), 0.2)
    assert (train.n_samples, test.n_samples) == (80, 20)
    assert np.all(np.diff(train.X[:, 0]) > 0)  # original order kept: the curve plots as a line
    assert train.true_function() is np.sin


def test_split_is_stratified():
    data = gaussians(n=200, classes=4)  # 50 per class; 20 % of each is 10
    train, test = train_test_split(data, 0.2, seed=1)
    np.testing.assert_array_equal(np.bincount(test.y), [10, 10, 10, 10])
    np.testing.assert_array_equal(np.bincount(train.y), [40, 40, 40, 40])


def test_split_of_the_eight_points():
    train, test = train_test_split(points8(), 0.25)  # 2 of 8: one of each class (4 and 4)
    np.testing.assert_array_equal(np.sort(test.y), [0, 1])
    assert train.n_samples == 6


def test_split_is_deterministic_given_the_seed():
    data = moons()
    a, b = train_test_split(data, seed=7), train_test_split(data, seed=7)
    np.testing.assert_array_equal(a[1].X, b[1].X)
    assert not np.array_equal(a[1].X, train_test_split(data, seed=8)[1].X)


@pytest.mark.parametrize("name", ["sin", "points8"])
def test_zero_test_fraction_gives_an_empty_test_set(name):
    data = make_dataset(name)
    train, test = train_test_split(data, 0.0)
    np.testing.assert_array_equal(train.X, data.X)
    assert test.X.shape == (0, data.n_features)
    assert test.y.shape == ((0, 1) if data.task == "regression" else (0,))


def test_every_class_keeps_a_training_sample():
    # binary4 has one sample of class 0: it must stay in train, however much is held out
    train, test = train_test_split(binary4(), 0.9)
    assert set(train.y) == {0, 1}
    np.testing.assert_array_equal(test.y, [1])


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"test_fraction": 1.0}, r"^test_fraction: must be at least 0 and below 1"),
        ({"test_fraction": -0.1}, r"^test_fraction: "),
        ({"test_fraction": math.nan}, r"^test_fraction: must be a finite number"),
        ({"test_fraction": "0.2"}, r"^test_fraction: expected a number"),
        ({"test_fraction": True}, r"^test_fraction: expected a number"),
        ({"seed": -3}, r"^seed: "),
    ],
)
def test_bad_split_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        train_test_split(points8(), **kwargs)


def test_split_needs_a_dataset_with_samples():
    with pytest.raises(ValueError, match=r"^data: expected a Dataset"):
        train_test_split(np.zeros((3, 2)))
    with pytest.raises(ValueError, match=r"^data: has no samples"):
        train_test_split(points8().subset([]))


def _numbered(labels: list[int]) -> Dataset:
    """Each row's input is its own row number, so a split's rows can be traced back."""
    X = np.arange(len(labels), dtype=np.float64).reshape(-1, 1)
    return Dataset(X, labels, "classification", "numbered")


@settings(max_examples=150, deadline=None)
@given(
    labels=st.lists(st.integers(0, 4), min_size=1, max_size=60),
    fraction=st.floats(0.0, 0.99),
    seed=st.integers(0, 2**32),
)
def test_stratified_split_properties(labels, fraction, seed):
    data = _numbered(labels)
    train, test = train_test_split(data, fraction, seed)
    rows_train, rows_test = train.X[:, 0].astype(int), test.X[:, 0].astype(int)
    assert set(rows_train).isdisjoint(rows_test)
    assert sorted([*rows_train, *rows_test]) == list(range(len(labels)))
    np.testing.assert_array_equal(train.y, np.asarray(labels)[rows_train])
    assert set(train.y) == set(labels)  # every class appears in train
    counts = np.bincount(labels)
    present = np.count_nonzero(counts)
    n_test = min(math.floor(fraction * len(labels) + 0.5), len(labels) - present)
    assert test.n_samples == n_test
    quota = n_test * counts / len(labels)
    if np.all(np.ceil(quota) <= np.maximum(counts - 1, 0)):  # no class is held back by its cap
        assert np.all(np.abs(np.bincount(test.y, minlength=counts.size) - quota) < 1)


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 80), fraction=st.floats(0.0, 0.99), seed=st.integers(0, 1000))
def test_regression_split_properties(n, fraction, seed):
    data = sin(n=n, noise=0.0)
    train, test = train_test_split(data, fraction, seed)
    assert test.n_samples == min(math.floor(fraction * n + 0.5), n - 1)
    both = np.concatenate([train.X[:, 0], test.X[:, 0]])
    np.testing.assert_array_equal(np.sort(both), data.X[:, 0])


# -- standardizer ---------------------------------------------------------------------------------


def _two_columns() -> Dataset:
    rng = np.random.default_rng(0)
    X = rng.normal([5.0, -2.0], [3.0, 0.5], size=(50, 2))
    return Dataset(X, X.sum(axis=1), "regression", "custom")


def test_standardizer_is_fitted_on_train_only():
    train, test = train_test_split(_two_columns(), 0.3, seed=2)
    s = Standardizer.fit(train.X)
    np.testing.assert_array_equal(s.mean, train.X.mean(axis=0))
    np.testing.assert_array_equal(s.scale, train.X.std(axis=0))
    Z = s.transform(train.X)
    np.testing.assert_allclose(Z.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0), 1.0, rtol=1e-12)
    assert not np.allclose(s.transform(test.X).mean(axis=0), 0.0, atol=1e-3)
    np.testing.assert_allclose(s.inverse_transform(s.transform(test.X)), test.X, rtol=1e-12)


_LARGE = st.floats(1e-290, allow_infinity=False)
FINITE = st.one_of(st.just(0.0), _LARGE, _LARGE.map(lambda v: -v))
"""Any finite number whose differences from its neighbours are normal (not subnormal)."""
_MAGNITUDES = st.floats(1e-70, 1e70)
ORDINARY = st.one_of(st.just(0.0), _MAGNITUDES, _MAGNITUDES.map(lambda v: -v))
"""Numbers whose squares neither overflow nor underflow: the plain formula works for them."""


def _matrices(elements, max_rows=30):
    shape = st.tuples(st.integers(1, max_rows), st.integers(1, 3))
    return shape.flatmap(lambda s: st.lists(
        st.lists(elements, min_size=s[1], max_size=s[1]), min_size=s[0], max_size=s[0]
    ).map(lambda rows: np.array(rows, dtype=np.float64)))


@settings(max_examples=150, deadline=None)
@given(X=_matrices(ORDINARY))
def test_standardizing_ordinary_data_is_bit_for_bit_the_plain_formula(X):
    s = Standardizer.fit(X)
    constant = np.all(X[0] == X, axis=0)
    np.testing.assert_array_equal(s.mean, np.where(constant, X[0], X.mean(axis=0)))
    np.testing.assert_array_equal(s.scale, np.where(constant, 1.0, X.std(axis=0)))
    Z = s.transform(X)
    np.testing.assert_array_equal(Z, (X - s.mean) / s.scale)
    np.testing.assert_array_equal(s.inverse_transform(Z), Z * s.scale + s.mean)


@pytest.mark.parametrize("X", [
    [[1e300], [-1e300], [5e299]],
    [[1.7976931348623157e308], [-1.7976931348623157e308], [1.7976931348623157e308]],
    [[1e300, 0.0], [-1e300, 1.0], [1e-300, 2.0], [0.0, 3.0]],
    [[0.0], [1e-200], [3e-200]],
])
def test_standardizing_extreme_finite_data_gives_mean_0_and_sd_1(X):
    X = np.array(X)
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # no overflow on the way
        s = Standardizer.fit(X)
        Z = s.transform(X)
    assert np.all(np.isfinite(s.mean)) and np.all(np.isfinite(s.scale)) and np.all(s.scale > 0)
    assert np.all(np.isfinite(Z))
    np.testing.assert_allclose(Z.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0), 1.0, rtol=1e-12)


def test_the_exponents_are_0_for_ordinary_columns_and_scale_extreme_ones_exactly():
    s = Standardizer(np.zeros(3), [1.0, 1e300, 1e-300])
    k = s.exponents
    assert k[0] == 0 and k[1] == np.frexp(1e300)[1] and k[2] == np.frexp(1e-300)[1]
    X = np.array([[2.0, 3e300, 5e-300]])
    np.testing.assert_array_equal(s.transform(X),
                                  np.ldexp(X, -k) / np.ldexp(s.scale, -k))


def test_a_spread_below_the_smallest_float_still_gives_a_standardizer():
    s = Standardizer.fit([[5e-324], [0.0]])  # sd 2**-1075 rounds to 0
    assert s.scale[0] == 5e-324
    assert np.all(np.isfinite(s.transform([[5e-324], [0.0]])))


@pytest.mark.parametrize("X", [[[1e300], [-1e300], [5e299]], [[0.0], [1e-200], [3e-200]]])
def test_extreme_data_goes_back_to_its_units(X):
    s = Standardizer.fit(X)
    np.testing.assert_allclose(s.inverse_transform(s.transform(X)), X, rtol=1e-12, atol=0)


@settings(max_examples=200, deadline=None)
@given(X=_matrices(FINITE))
@example(X=np.array([[0.0, 1e-290], [0.0, np.nextafter(1e-290, 1)]]))
def test_standardizing_any_finite_data_gives_finite_mean_0_sd_1(X):
    s = Standardizer.fit(X)
    Z = s.transform(X)
    assert np.all(np.isfinite(Z))
    varies = ~np.all(X[0] == X, axis=0)
    # where a column's values lie a few floats apart, no float lies at their mean: the
    # result is exact only to the floats' spacing measured in units of the spread
    coarse = 8 * np.spacing(np.max(np.abs(X), axis=0) / 2) / s.scale  # /2: no overflow
    assert np.all(np.abs(Z.mean(axis=0)) <= 1e-9 + coarse)
    assert np.all(np.abs(Z.std(axis=0) - 1)[varies] <= 1e-9 + coarse[varies])
    np.testing.assert_array_equal(Z[:, ~varies], 0.0)


def test_standardizer_by_hand():
    s = Standardizer.fit([[1.0, 4.0], [3.0, 4.0]])
    # column 0: mean 2, sd 1; column 1 is constant: mean 4, scale 1
    assert s.mean.tolist() == [2.0, 4.0] and s.scale.tolist() == [1.0, 1.0]
    np.testing.assert_array_equal(s.transform([[5.0, 4.0]]), [[3.0, 0.0]])


def test_constant_column_becomes_exact_zeros():
    X = np.column_stack([np.full(10, 0.1), np.arange(10.0)])  # the float mean of 0.1s is not 0.1
    s = Standardizer.fit(X)
    assert s.scale[0] == 1.0
    np.testing.assert_array_equal(s.transform(X)[:, 0], 0.0)


def test_standardizer_round_trips_exactly_through_json():
    s = Standardizer.fit(_two_columns().X)
    d = json.loads(json.dumps(s.to_dict()))
    assert d == {"mean": s.mean.tolist(), "scale": s.scale.tolist()}
    again = Standardizer.from_dict(d)
    assert again == s
    assert again.mean.tobytes() == s.mean.tobytes() and again.scale.tobytes() == s.scale.tobytes()


def test_identity_standardizer_changes_nothing():
    s = Standardizer.identity(3)
    X = np.arange(6.0).reshape(2, 3)
    np.testing.assert_array_equal(s.transform(X), X)
    np.testing.assert_array_equal(s.inverse_transform(X), X)
    assert s.to_dict() == {"mean": [0.0, 0.0, 0.0], "scale": [1.0, 1.0, 1.0]}


def test_standardizer_transforms_an_empty_test_set():
    s = Standardizer.fit(points8().X)
    assert s.transform(np.zeros((0, 2))).shape == (0, 2)
    with pytest.raises(ValueError, match="read-only"):
        s.mean[0] = 0.0


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: Standardizer.fit(np.zeros((0, 2))), r"^X: needs at least one sample"),
        (lambda: Standardizer.fit([1.0, 2.0]), r"^X: expected shape \(N, d\)"),
        (lambda: Standardizer.fit([[math.nan]]), r"^X: contains nan"),
        (lambda: Standardizer.fit([[1.0, 2.0]]).transform([[1.0]]), r"^X: expected 2 columns"),
        (lambda: Standardizer([0.0], [0.0]), r"^scale: every entry must be > 0"),
        (lambda: Standardizer([0.0, 1.0], [1.0]), r"^scale: has 1 entries but mean has 2"),
        (lambda: Standardizer([], []), r"^mean: expected a non-empty list"),
        (lambda: Standardizer.from_dict({"mean": [0.0]}), r"^standardizer\.scale: missing"),
        (lambda: Standardizer.from_dict({"mean": [0.0], "scale": [1.0], "shift": 1}),
         r"'shift'"),
        (lambda: Standardizer.from_dict({"mean": ["a"], "scale": [1.0]}), r"^mean: "),
        (lambda: Standardizer.from_dict([1.0]), r"^standardizer: expected a mapping"),
        (lambda: Standardizer.identity(0), r"^d: must be a whole number >= 1"),
    ],
)
def test_bad_standardizer_input(make, match):
    with pytest.raises(ValueError, match=match):
        make()
