"""The test loss between snapshots: every few epochs, at a small share of the training time.

Snapshots measure everything, but only a few times a second; at thousands of epochs a second
that leaves the test curve with straight segments hundreds of epochs long, which read as
trends that were never measured. The sampler fills the history's test column in between,
when one pass over the test set is cheap (one chunk of work, :meth:`Network.chunk_rows`);
a larger test set is measured by the snapshots only, which are made in chunks.
"""

from __future__ import annotations

import math
import time

import numpy as np

from bpstudio.core import History, Network

BUDGET = 0.02
"""Share of the training time the test loss may take; it is measured less often when dear."""


class TestLossSampler:
    """Measures ``net``'s loss on the test inputs ``X`` and targets ``Y`` every :attr:`every`
    epochs (a round number: 1, 2, 5, 10, 20, ...), after the epoch's update."""

    __test__ = False  # not a pytest class, whatever its name

    def __init__(self, net: Network, X: np.ndarray, Y: np.ndarray) -> None:
        if len(X):  # as the trainer takes them: checked once, measured often
            X = net.check_inputs(X)
            Y = net.check_targets(Y, X.shape[0])
        self.net, self.X, self.Y = net, X, Y
        self._affordable = 0 < len(X) <= net.chunk_rows(backward=False)
        self.every = 1
        self._cost = 0.0

    def after_epoch(self, epoch: int, history: History) -> None:
        """Record the test loss in the newest history row if ``epoch`` is due."""
        if not self._affordable or epoch % self.every or not len(history):
            return
        started = time.perf_counter()
        with np.errstate(all="ignore"):
            loss = self.net.trace_loss(self.net.forward_unchecked(self.X), self.Y)
        history.test_loss[-1] = loss
        cost = time.perf_counter() - started  # averaged: one slow measurement is not the rule
        self._cost = cost if not self._cost else 0.8 * self._cost + 0.2 * cost

    def adapt(self, seconds_per_epoch: float) -> None:
        """Measure as often as :data:`BUDGET` allows at this training speed."""
        if seconds_per_epoch > 0:
            self.every = round_up(self._cost / (BUDGET * seconds_per_epoch))


def round_up(k: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, ... that is at least ``k``."""
    if not k > 1:
        return 1
    decade = 10 ** math.floor(math.log10(k))
    return next(m * decade for m in (1, 2, 5, 10) if m * decade >= k)
