"""A run's measurements are core.metrics' on the same arrays, recorded in the newest row."""

import math

import numpy as np
import pytest

from bpstudio.core import History
from bpstudio.core.dataset import Dataset
from bpstudio.core.metrics import evaluate, score_name
from bpstudio.session import DataSpec, NetworkSpec, Session, Table, TrainingConfig
from bpstudio.training import TrainingRun
from tests.steps import chunks_and_result

from .sessions import sin_session, spiral_session


def as_the_network_sees(data, part) -> Dataset:
    classes = part.n_classes if part.task == "classification" else None
    return Dataset(data.inputs(part), part.y, part.task, part.name, part.params, classes)


@pytest.mark.parametrize("session, score", [(spiral_session(), "accuracy"),
                                            (sin_session(), "r2")])
def test_measurements_equal_core_metrics_and_fill_the_newest_row(session, score):
    run = TrainingRun(session)
    run.train_for(epochs=3)
    metrics = run.measure()
    assert run.scores.score == score == score_name(run.data.task)
    for name in ("train", "test"):
        expected = evaluate(run.net, as_the_network_sees(run.data, getattr(run.data, name)))
        assert metrics[f"{name}_loss"] == expected["loss"]
        assert metrics[f"{name}_{score}"] == expected[score]
    h = run.history
    assert (h.test_loss[-1], h.train_metric[-1], h.test_metric[-1]) == \
        (metrics["test_loss"], metrics[f"train_{score}"], metrics[f"test_{score}"])
    assert h.train_loss[-1] != metrics["train_loss"]  # the trainer's: the mean batch loss
    assert all(math.isnan(v) for v in h.train_metric[:-1])  # only the newest row


def test_measured_in_chunks_the_numbers_are_the_same_but_for_rounding(small_chunks):
    run = TrainingRun(spiral_session())
    chunks, metrics = chunks_and_result(run.scores.measure_steps(run.net))
    assert chunks > 2
    expected = evaluate(run.net, as_the_network_sees(run.data, run.data.test))
    assert metrics["test_loss"] == pytest.approx(expected["loss"], rel=1e-12)
    assert metrics["test_accuracy"] == expected["accuracy"]


def test_a_part_whose_outputs_overflow_is_not_measured_the_other_is():
    X = np.array([[1.0], [2.0], [1e300], [3.0], [4.0], [5.0]])
    rows = Table(X, np.arange(6.0).reshape(-1, 1), "regression")
    session = Session(
        network=NetworkSpec((), "identity"),
        data=DataSpec("table", table=rows, test_fraction=0.34, split_seed=0),
        training=TrainingConfig(learning_rate=1e-12),
    )
    assert session.prepare_data().test.X.ravel().tolist() == [1e300, 3.0]
    run = TrainingRun(session)
    run.net.weights[0][...] = 1e10
    metrics = run.measure()
    assert math.isnan(metrics["test_loss"]) and math.isnan(metrics["test_r2"])
    assert math.isfinite(metrics["train_loss"]) and math.isfinite(metrics["train_r2"])
    run.net.weights[0][...] = 1e-300  # the same test rows, not overflowing: measured
    assert math.isfinite(run.measure()["test_r2"])


def test_without_a_test_split_the_test_columns_stay_unmeasured():
    session = Session(data=DataSpec("sin", {"n": 20}))
    run = TrainingRun(session)
    run.train_for(epochs=1)
    metrics = run.measure()
    assert math.isnan(metrics["test_loss"]) and math.isnan(run.history.test_metric[-1])
    assert math.isfinite(run.history.train_metric[-1])


def test_nothing_is_recorded_before_the_first_epoch():
    run = TrainingRun(spiral_session())
    run.scores.record(run.history, run.measure())
    assert len(run.history) == 0 and run.history == History()
