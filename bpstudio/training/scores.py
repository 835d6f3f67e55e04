"""How well a run's network does: train and test loss and the task's score, recorded in its
history. The app's snapshots and the command line measure with this one class.

Train loss in the history stays the trainer's (the mean batch loss during the epoch); what is
measured here comes after the epoch's updates, on the inputs as the network sees them
(standardized): the numbers of :func:`~bpstudio.core.metrics.evaluate`, with the arrays
checked once (the command line measures after every epoch). Outputs that overflow cannot be
scored and stay NaN, silently: the trainer reports the divergence.
"""

from __future__ import annotations

import math
from collections.abc import Generator

import numpy as np

from bpstudio.core import History, Network
from bpstudio.core.chunked import evaluate_checked_steps
from bpstudio.core.metrics import score_name
from bpstudio.core.network import run_steps
from bpstudio.session import PreparedData, training_targets

Metrics = dict[str, float]
"""``train_loss``, ``test_loss``, ``train_<score>``, ``test_<score>`` (score: accuracy or r2)."""


class Scores:
    """Measures a network built like ``net`` on one run's training and test parts."""

    def __init__(self, net: Network, train_inputs: np.ndarray, data: PreparedData) -> None:
        self.score = score_name(data.task)
        """``accuracy`` or ``r2``: which score this run's measurements hold."""
        self._parts = []
        for name, part, X in (("train", data.train, train_inputs),
                              ("test", data.test, data.inputs(data.test))):
            Y = training_targets(part, net.layer_sizes[-1])
            if len(X):  # an empty part (no test split) is never evaluated
                X = net.check_inputs(X)
                Y = net.check_targets(Y, len(X))
            self._parts.append((part, X, Y, f"{name}_loss", f"{name}_{self.score}"))

    @property
    def test_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The test inputs and targets as the network takes them (checked)."""
        return self._parts[1][1], self._parts[1][2]

    def measure_steps(self, net: Network) -> Generator[None, None, Metrics]:
        """The measurements of ``net`` as it is, in chunks of work, yielding between them."""
        out: Metrics = {}
        rows, score = net.chunk_rows(backward=False), self.score
        nothing = {"loss": math.nan, score: math.nan}
        for part, X, Y, loss_key, score_key in self._parts:
            values = nothing
            if len(X):
                try:
                    values = yield from evaluate_checked_steps(net, X, Y, part, rows)
                except ValueError:  # outputs that overflowed: nothing to score
                    values = nothing
            out[loss_key], out[score_key] = float(values["loss"]), float(values[score])
        return out

    def test_loss(self, net: Network) -> float:
        """The test loss of ``net`` as :meth:`measure_steps` gives it, at once (early
        stopping watches it every epoch); NaN if the outputs overflowed."""
        part, X, Y, _, _ = self._parts[1]
        try:
            values = run_steps(evaluate_checked_steps(net, X, Y, part,
                                                      net.chunk_rows(backward=False)))
        except ValueError:
            return math.nan
        return float(values["loss"])

    def record(self, history: History, metrics: Metrics) -> None:
        """Write the test loss and both scores into ``history``'s newest row (if any)."""
        if len(history):
            history.test_loss[-1] = metrics["test_loss"]
            history.train_metric[-1] = metrics[f"train_{self.score}"]
            history.test_metric[-1] = metrics[f"test_{self.score}"]
