"""The live run's history as its snapshots bring it, for the Compare dock's live row while the
run goes on (the document's state is only updated when training pauses)."""

from __future__ import annotations

import math

from ..core import History
from ..core.snapshot import TrainingSnapshot


class LiveHistory:
    """The rows the snapshots brought, each snapshot's scores in its newest row (where the
    run records them, so the numbers are those the run's own history holds)."""

    def __init__(self) -> None:
        self._columns: tuple[list, ...] = ([], [], [], [], [])

    def take(self, snapshot: TrainingSnapshot) -> History:
        """Keep the rows up to ``snapshot.kept_through``, add its new ones; the history now."""
        epochs, train, test, train_score, test_score = self._columns
        keep = 0 if snapshot.kept_through is None else sum(
            1 for e in epochs if e <= snapshot.kept_through)
        n = len(snapshot.new_epochs)
        epochs[keep:] = [int(e) for e in snapshot.new_epochs]
        train[keep:] = [float(v) for v in snapshot.new_train_losses]
        test[keep:] = [float(v) for v in snapshot.new_test_losses]
        train_score[keep:] = test_score[keep:] = [math.nan] * n
        score = snapshot.score
        if epochs and score is not None:
            train_score[-1] = snapshot.metrics.get(f"train_{score}", math.nan)
            test_score[-1] = snapshot.metrics.get(f"test_{score}", math.nan)
        return History(*(list(column) for column in self._columns))
