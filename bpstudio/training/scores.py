"""How well a run's network does: train and test loss and the task's score, recorded in its
history. The app's snapshots and the command line measure with this one class.

Train loss in the history stays the trainer's (the mean batch loss during the epoch); what is
measured here comes after the epoch's updates, on the inputs as the network sees them
(standardized). Outputs that overflow cannot be scored and stay NaN, silently: the trainer
reports the divergence.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import replace

import numpy as np

from bpstudio.core import History, Network
from bpstudio.core.chunked import evaluate_steps
from bpstudio.core.metrics import score_name
from bpstudio.session import PreparedData

Metrics = dict[str, float]
"""``train_loss``, ``test_loss``, ``train_<score>``, ``test_<score>`` (score: accuracy or r2)."""


class Scores:
    """Measures a network on one run's training and test parts."""

    def __init__(self, train_inputs: np.ndarray, data: PreparedData) -> None:
        self.score = score_name(data.task)
        """``accuracy`` or ``r2``: which score this run's measurements hold."""
        self.test_inputs = data.inputs(data.test)
        self._parts = tuple(  # with their keys, made once: the command line measures often
            (replace(part, X=X), f"{name}_loss", f"{name}_{self.score}")
            for name, part, X in (("train", data.train, train_inputs),
                                  ("test", data.test, self.test_inputs)))

    def measure_steps(self, net: Network) -> Generator[None, None, Metrics]:
        """The measurements of ``net`` as it is, in chunks of work, yielding between them."""
        out: Metrics = {}
        rows, score = net.chunk_rows(backward=False), self.score
        nothing = {"loss": math.nan, score: math.nan}
        for part, loss_key, score_key in self._parts:
            values = nothing
            if part.n_samples:
                try:
                    values = yield from evaluate_steps(net, part, rows)
                except ValueError:  # outputs that overflowed: nothing to score
                    values = nothing
            out[loss_key], out[score_key] = float(values["loss"]), float(values[score])
        return out

    def record(self, history: History, metrics: Metrics) -> None:
        """Write the test loss and both scores into ``history``'s newest row (if any)."""
        if len(history):
            history.test_loss[-1] = metrics["test_loss"]
            history.train_metric[-1] = metrics[f"train_{self.score}"]
            history.test_metric[-1] = metrics[f"test_{self.score}"]
