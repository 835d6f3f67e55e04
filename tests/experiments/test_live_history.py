"""The live run's history rebuilt from snapshots equals the run's own history where the run
measured (new rows appended, rows a later snapshot replaced dropped, a new run restarted)."""

import math
from dataclasses import replace

import numpy as np

from bpstudio.core import History
from bpstudio.core.snapshot import TrainingSnapshot
from bpstudio.experiments.live_history import LiveHistory
from bpstudio.experiments.results import run_numbers


def _snapshot(epochs, kept_through, metrics=None):
    n = len(epochs)
    return TrainingSnapshot(
        run_id=1, epoch=epochs[-1] if epochs else 0,
        new_epochs=np.array(epochs, dtype=np.int64),
        new_train_losses=np.array([1.0 / e for e in epochs]),
        new_test_losses=np.full(n, math.nan),
        metrics=metrics or {}, epochs_per_second=0.0, weights=(), biases=(),
        kept_through=kept_through, score="accuracy")


def test_rows_are_appended_replaced_and_restarted():
    live = LiveHistory()
    h = live.take(_snapshot([1, 2], None, {"train_accuracy": 0.5, "test_accuracy": 0.25}))
    assert h.epoch == [1, 2] and h.train_loss == [1.0, 0.5]
    assert math.isnan(h.train_metric[0]) and h.train_metric[1] == 0.5
    h = live.take(_snapshot([4], 1, {"train_accuracy": 0.75}))  # row 2 replaced by row 4
    assert isinstance(h, History) and h.epoch == [1, 4] and h.train_loss == [1.0, 0.25]
    assert h.train_metric[1] == 0.75 and math.isnan(h.test_metric[1])
    assert live.take(_snapshot([1], None)).epoch == [1]  # a new run


def test_numbers_are_run_numbers_of_the_history_after_every_snapshot():
    """Appends, replaced rows, scores in the newest row, snapshots without rows, a restart:
    the best values kept row by row equal those computed from all the rows."""
    rng = np.random.default_rng(3)
    live, epoch = LiveHistory(), 0
    for k in range(60):
        kept = None if k in (0, 40) else max(epoch - int(rng.integers(0, 2)), 0)
        epoch = 0 if kept is None else kept
        new = list(range(epoch + 1, epoch + 1 + int(rng.integers(0, 4))))
        epoch = new[-1] if new else epoch
        tests = np.where(rng.random(len(new)) < 0.5, rng.random(len(new)), math.nan)
        snapshot = replace(
            _snapshot(new, kept, {"train_accuracy": rng.random(), "test_accuracy": rng.random()}),
            new_train_losses=rng.random(len(new)), new_test_losses=tests)
        expected = run_numbers(live.take(snapshot), "accuracy")
        got = live.numbers("accuracy")
        assert got.keys() == expected.keys()
        for key, value in expected.items():
            assert got[key] == value or (math.isnan(got[key]) and math.isnan(value)), key
