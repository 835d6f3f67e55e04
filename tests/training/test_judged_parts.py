"""The judging extra: a run's snapshot judges both parts as core/judging does, only when
wanted, in chunks that give the same numbers."""

from dataclasses import replace

import numpy as np

from bpstudio.core.judging import judge_classes, judge_values
from bpstudio.core.snapshot import JUDGEMENTS
from bpstudio.training import TrainingRun
from tests.steps import chunks_and_result

from .sessions import sin_session, spiral_session


def test_classes_of_both_parts_equal_the_core():
    run = TrainingRun(spiral_session())
    run.train_for(epochs=3)
    assert JUDGEMENTS not in run.snapshot().extras  # made only when wanted
    run.extras.wanted = frozenset({JUDGEMENTS})
    judged = run.snapshot().extras[JUDGEMENTS]
    data = run.data
    for name, part in (("train", data.train), ("test", data.test)):
        expected = judge_classes(run.net.predict(data.inputs(part)), part.y, 2)
        np.testing.assert_array_equal(judged[name].counts, expected.counts)
        np.testing.assert_array_equal(judged[name].roc.tpr, expected.roc.tpr)
        assert judged[name].counts.sum() == part.n_samples


def test_values_of_a_regression_and_no_test_part():
    session = sin_session()
    run = TrainingRun(replace(session, data=replace(session.data, test_fraction=0.0)))
    run.train_for(epochs=2)
    run.extras.wanted = frozenset({JUDGEMENTS})
    judged = run.snapshot().extras[JUDGEMENTS]
    assert set(judged) == {"train"}  # nothing held out: nothing to judge
    expected = judge_values(run.net.predict(run.data.inputs(run.data.train)), run.data.train.y)
    np.testing.assert_array_equal(judged["train"].predicted, expected.predicted)
    assert judged["train"].r2 == expected.r2


def test_made_in_chunks_it_is_the_same(small_chunks):
    run = TrainingRun(spiral_session())
    run.train_for(epochs=2)
    run.extras.wanted = frozenset({JUDGEMENTS})
    chunks, snapshot = chunks_and_result(run.snapshot_steps())
    assert chunks > 4
    expected = judge_classes(run.net.predict(run.X), run.data.train.y, 2)
    np.testing.assert_array_equal(snapshot.extras[JUDGEMENTS]["train"].counts, expected.counts)
