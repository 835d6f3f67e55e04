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
        self.parts = (("train", replace(data.train, X=train_inputs)),
                      ("test", replace(data.test, X=data.inputs(data.test))))

    @property
    def test_inputs(self) -> np.ndarray:
        return self.parts[1][1].X

    def measure_steps(self, net: Network) -> Generator[None, None, Metrics]:
        """The measurements of ``net`` as it is, in chunks of work, yielding between them."""
        out: Metrics = {}
        for name, part in self.parts:
            try:
                values = yield from evaluate_steps(net, part, net.chunk_rows(backward=False))
            except ValueError:  # outputs overflowed on this part: nothing to score
                values = {"loss": math.nan, self.score: math.nan}
            for key, value in values.items():
                out[f"{name}_{key}"] = float(value)
        return out

    def record(self, history: History, metrics: Metrics) -> None:
        """Write the test loss and both scores into ``history``'s newest row (if any)."""
        if len(history):
            history.test_loss[-1] = metrics["test_loss"]
            history.train_metric[-1] = metrics[f"train_{self.score}"]
            history.test_metric[-1] = metrics[f"test_{self.score}"]
