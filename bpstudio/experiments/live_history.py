"""The live run's history as its snapshots bring it, for the Compare dock's live row while the
run goes on (the document's state is only updated when training pauses).

Each snapshot costs work in proportion to its new rows, not to the whole history: the row is
redrawn with every frame, and computing its best values from 100,000 rows (the history's
limit) took the GUI thread ~100 ms a frame. So the best value of each column so far is kept
row by row, and :meth:`LiveHistory.numbers` reads the newest.
"""

from __future__ import annotations

import bisect
import math

import numpy as np

from ..core import History
from ..core.snapshot import TrainingSnapshot

_COLUMNS = ("train_loss", "test_loss", "train_metric", "test_metric")
_HIGHEST = (False, False, True, True)  # a loss is best lowest, a score highest


class LiveHistory:
    """The rows the snapshots brought, each snapshot's scores in its newest row (where the
    run records them, so the numbers are those the run's own history holds)."""

    def __init__(self) -> None:
        self._history = History()
        self._best: tuple[list[float], ...] = tuple([] for _ in _COLUMNS)  # best through row i

    def take(self, snapshot: TrainingSnapshot) -> History:
        """Keep the rows up to ``snapshot.kept_through``, add its new ones; the history now
        (the live one: it changes with the next snapshot)."""
        h = self._history
        keep = 0 if snapshot.kept_through is None else bisect.bisect_right(
            h.epoch, snapshot.kept_through)
        n = len(snapshot.new_epochs)
        h.epoch[keep:] = snapshot.new_epochs.tolist()
        h.train_loss[keep:] = snapshot.new_train_losses.tolist()
        h.test_loss[keep:] = snapshot.new_test_losses.tolist()
        h.train_metric[keep:] = h.test_metric[keep:] = h.learning_rate[keep:] = [math.nan] * n
        score = snapshot.score
        if h.epoch and score is not None:
            h.train_metric[-1] = snapshot.metrics.get(f"train_{score}", math.nan)
            h.test_metric[-1] = snapshot.metrics.get(f"test_{score}", math.nan)
        start = max(min(keep, len(h.epoch) - 1), 0)  # with no new row, the newest has scores
        for name, highest, best in zip(_COLUMNS, _HIGHEST, self._best):
            values = np.array(getattr(h, name)[start:], dtype=float)
            before = best[start - 1] if start > 0 else math.nan
            pick = np.fmax if highest else np.fmin  # NaN (not measured) never wins
            best[start:] = pick.accumulate(np.concatenate([[before], values]))[1:].tolist()
        return h

    def numbers(self, score: str) -> dict[str, float]:
        """What :func:`~bpstudio.experiments.results.run_numbers` says of the history now
        (``score`` names the metric columns), without going through its rows."""
        out = {}
        for name, best in zip(_COLUMNS, self._best):
            column = getattr(self._history, name)
            name = name.replace("metric", score)
            out[f"final_{name}"] = column[-1] if column else math.nan
            out[f"best_{name}"] = best[-1] if best else math.nan
        return out
