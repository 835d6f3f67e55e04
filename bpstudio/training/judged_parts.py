"""The judging view's extra: how the network does on the training and test parts now.

Made in the run, between chunks of the forward pass, only while the judging view is on
screen. For classification a judgement is the confusion matrix (and for two classes the ROC
curve), a few numbers whatever the size of the data; for regression it is the predicted
values beside the true ones, which the view plots.
"""

from __future__ import annotations

from collections.abc import Generator

import numpy as np

from bpstudio.core.chunked import output_steps
from bpstudio.core.judging import ClassJudgement, ValueJudgement, judge_classes, judge_values
from bpstudio.core.network import Network
from bpstudio.session import PreparedData

Judgement = ClassJudgement | ValueJudgement


class JudgedParts:
    """The parts with samples, as the network takes them, with their true values."""

    def __init__(self, train_inputs: np.ndarray, data: PreparedData) -> None:
        self.task = data.task
        self.n_classes = max(data.full.n_classes, 2)
        self._parts = [
            (name, X, part.y) for name, part, X in (
                ("train", data.train, train_inputs), ("test", data.test, data.inputs(data.test)))
            if len(X)]

    def judge_steps(self, net: Network) -> Generator[None, None, dict[str, Judgement]]:
        """Each part's judgement; a part whose outputs overflowed is left out (nothing to
        judge). Yields between chunks of the forward pass."""
        judged: dict[str, Judgement] = {}
        rows = net.chunk_rows(backward=False)
        for k, (name, X, y) in enumerate(self._parts):
            if k:
                yield
            outputs = yield from output_steps(net, X, rows)
            if not np.isfinite(outputs).all():
                continue
            if self.task == "classification":
                judged[name] = judge_classes(outputs, y, self.n_classes)
            else:
                judged[name] = judge_values(outputs, y)
        return judged
