"""What the network predicts for each sample of its data, as CSV for a spreadsheet.

One row per sample, the training part first, then the test part; the columns:

- ``part``: ``train`` or ``test``;
- the inputs in the data's own units (before standardizing), under the data's input names;
- the targets under their names; for classification the label number, then its name in
  ``<target>_name``;
- the outputs: regression ``output_<target>`` per target; classification ``output`` for one
  sigmoid output (the probability of class 1), else ``output_<k>`` per class ``k``;
- classification: ``predicted`` (the class, as :func:`bpstudio.core.metrics.predict_classes`
  decides) and ``predicted_name``.

Numbers are written with ``repr``, so they read back exactly; names are quoted by the
``csv`` module where they hold a comma, a quote or a line break. Written atomically.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator

import numpy as np

from ..core.metrics import predict_classes
from ..session import Session
from .atomic import write_atomic
from .errors import BPFileError


def predictions_csv(session: Session) -> tuple[str, int]:
    """The predictions as CSV text, and the number of rows."""
    try:
        bench = session.build(check_memory=False)
    except ValueError as exc:
        raise BPFileError(f"the session cannot be built: {exc}") from None
    data, net = bench.data, bench.net
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(_header(data.task, data.input_names, data.target_names, net.layer_sizes[-1]))
    rows = 0
    for name, part in (("train", data.train), ("test", data.test)):
        if not part.n_samples:
            continue
        with np.errstate(all="ignore"):
            outputs = net.predict(data.inputs(part))
        for row in _rows(name, part.X, part.y, outputs, data.task, data.class_names):
            writer.writerow(row)
            rows += 1
    return text.getvalue(), rows


def export_predictions(session: Session, path: str | os.PathLike[str]) -> int:
    """Write :func:`predictions_csv` to ``path`` atomically; returns the number of rows."""
    text, rows = predictions_csv(session)
    write_atomic(path, text.encode("utf-8"))
    return rows


def _header(task: str, inputs: tuple[str, ...], targets: tuple[str, ...], n_out: int
            ) -> list[str]:
    if task == "regression":
        return ["part", *inputs, *targets, *(f"output_{t}" for t in targets)]
    outputs = ["output"] if n_out == 1 else [f"output_{k}" for k in range(n_out)]
    target = targets[0]
    return ["part", *inputs, target, f"{target}_name", *outputs, "predicted", "predicted_name"]


def _rows(part: str, X: np.ndarray, y: np.ndarray, outputs: np.ndarray, task: str,
          class_names: tuple[str, ...]) -> Iterator[list[str]]:
    if not np.all(np.isfinite(outputs)):
        raise BPFileError("the network's outputs are not finite numbers (training diverged); "
                          "reset it, or train it again with a smaller learning rate")
    if task == "regression":
        for x, t, o in zip(X, y, outputs):
            yield [part, *map(repr, x.tolist()), *map(repr, t.tolist()), *map(repr, o.tolist())]
        return
    predicted = predict_classes(outputs)
    for x, label, o, guess in zip(X, y.tolist(), outputs, predicted.tolist()):
        yield [part, *map(repr, x.tolist()), str(label), class_names[label],
               *map(repr, o.tolist()), str(guess), class_names[guess]]
