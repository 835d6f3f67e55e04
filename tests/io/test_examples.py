"""The shipped example files are exactly what the code builds, and open ready to train."""

import numpy as np
import pytest

from bpstudio.examples import EXAMPLES, FILE_TIME, example_path, main, write_files
from bpstudio.io import dumps, load

from .conftest import text_of, train


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_file_loads_and_equals_what_the_code_builds(name):
    session = load(example_path(name))
    assert text_of(session) == text_of(EXAMPLES[name]())
    assert session.title and session.notes


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_file_is_up_to_date(name):
    """If this fails, run `python -m bpstudio.examples --write`."""
    expected = dumps(EXAMPLES[name](), created=FILE_TIME, modified=FILE_TIME)
    assert example_path(name).read_bytes() == expected.encode("utf-8")  # byte for byte


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_example_trains_and_its_loss_falls(name):
    after = train(load(example_path(name)), 50).history.train_loss
    assert after[-1] < after[0]


def test_the_two_input_example_starts_from_the_articles_weights():
    session = load(example_path("two_input"))
    bench = session.build()
    np.testing.assert_array_equal(bench.net.weights[0], [[0.4], [-0.2]])
    np.testing.assert_array_equal(bench.net.weights[1], [[0.1]])
    bench.trainer.fit(*bench.train_arrays(), 1)
    # ΔW = η·δ°·a = 0.5 · 0.122 · 0.495 = 0.0302  (seeds/004)
    assert round(bench.net.weights[1][0, 0] - 0.1, 4) == 0.0302


def test_the_three_input_example_starts_from_the_exercise_weights():
    bench = load(example_path("three_input")).build()
    np.testing.assert_array_equal(bench.net.weights[0], [[0.5, -0.6], [0.1, -0.2], [0.1, 0.7]])
    np.testing.assert_array_equal(bench.net.weights[1], [[0.1], [-0.3]])


def test_linear_regression_takes_the_articles_steps():
    """seeds/003: C = (ŷ − y)², α = 0.001, so w ← w − 0.001·2(ŷ − y)·x; we use ½(ŷ − y)²
    with η = 0.002, the same step."""
    bench = load(example_path("linear_regression")).build()
    w, b = bench.net.weights[0][:, 0].copy(), bench.net.biases[0].copy()
    x, y = np.array([1.0, 2.0, 3.0]), 1.0
    bench.trainer.fit(*bench.train_arrays(), 1)
    error = x @ w + b[0] - y
    np.testing.assert_allclose(bench.net.weights[0][:, 0], w - 0.001 * 2 * error * x,
                               rtol=1e-14)
    np.testing.assert_allclose(bench.net.biases[0], b - 0.001 * 2 * error, rtol=1e-14)


def test_unknown_example_names_suggest_the_closest():
    with pytest.raises(ValueError, match="did you mean 'points8'"):
        example_path("points9")


def test_the_writer_lists_and_writes(tmp_path, capsys):
    assert main([]) == 0
    assert capsys.readouterr().out.split() == list(EXAMPLES)
    paths = write_files(tmp_path)
    assert sorted(p.name for p in paths) == sorted(f"{n}.bpnet" for n in EXAMPLES)
    assert paths[0].read_bytes() == example_path(next(iter(EXAMPLES))).read_bytes()
