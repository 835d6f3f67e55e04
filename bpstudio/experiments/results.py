"""A sweep's results: a row per run (its settings, seed, final and best losses and scores,
epochs, the epochs to reach a target loss, time) and a row per point (the mean and spread of
those over the seeds), as tables and as CSV files.

"Final" is the newest history row (test loss and scores are measured after the last epoch,
so a finished run has them all); "best" is the lowest loss and the highest score of any
epoch measured. The spread is the sample standard deviation over a point's runs that have
the number (empty with fewer than two): a point's epochs to the target are those of the runs
that reached it.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from ..core import History
from ..core.metrics import score_name
from ..io.atomic import write_atomic
from ..session import Session
from .spec import PlannedRun, SweepSpec, Value
from .tasks import RunOutcome

Row = dict[str, object]


def _best(values: Sequence[float], highest: bool) -> float:
    finite = [v for v in values if not math.isnan(v)]
    if not finite:
        return math.nan
    return max(finite) if highest else min(finite)


def epochs_to(history: History, target: float) -> float:
    """The first epoch whose train loss is at or below ``target`` (NaN: none was)."""
    for epoch, loss in zip(history.epoch, history.train_loss):
        if loss <= target:
            return float(epoch)
    return math.nan


def run_numbers(history: History, score: str) -> dict[str, float]:
    """Final and best train/test loss and score of one run's history."""
    columns = {"train_loss": history.train_loss, "test_loss": history.test_loss,
               f"train_{score}": history.train_metric, f"test_{score}": history.test_metric}
    out = {f"final_{name}": (values[-1] if values else math.nan)
           for name, values in columns.items()}
    out.update({f"best_{name}": _best(values, highest=not name.endswith("loss"))
                for name, values in columns.items()})
    return out


@dataclass
class SweepResults:
    """What a sweep made: its plan, the outcome of every run that started (by index),
    the task's kind (``classification`` scores accuracy, ``regression`` R²), whether it was
    cancelled, and its wall-clock seconds."""

    spec: SweepSpec
    runs: list[PlannedRun]
    outcomes: dict[int, RunOutcome]
    task: str
    cancelled: bool = False
    seconds: float = 0.0
    score: str = field(init=False)

    def __post_init__(self) -> None:
        self.score = score_name(self.task)

    @property
    def settings(self) -> list[str]:
        return [v.setting for v in self.spec.vary]

    @property
    def complete(self) -> bool:
        return len(self.outcomes) == len(self.runs) and not self.cancelled

    def run_rows(self) -> list[Row]:
        """One row per run that started, in the sweep's order."""
        rows = []
        for run in self.runs:
            outcome = self.outcomes.get(run.index)
            if outcome is None:
                continue
            row: Row = {"run": run.index, "point": run.point,
                        **dict(zip(self.settings, run.values)),
                        "seed": run.seed, "status": outcome.status, "epochs": outcome.epochs}
            row.update(run_numbers(outcome.history, self.score))
            if self.spec.target_loss is not None:
                row["epochs_to_target"] = epochs_to(outcome.history, self.spec.target_loss)
            row["seconds"] = outcome.seconds
            row["message"] = outcome.message
            rows.append(row)
        return rows

    def point_rows(self) -> list[Row]:
        """One row per point with runs: its values, how many runs, and for each number of
        :func:`run_numbers` and the epochs, the mean and the spread over the seeds."""
        by_point: dict[int, list[Row]] = {}
        for row in self.run_rows():
            by_point.setdefault(int(row["point"]), []).append(row)  # type: ignore[call-overload]
        values = {run.point: run.values for run in self.runs}
        out = []
        for point, rows in by_point.items():
            summary: Row = {"point": point, **dict(zip(self.settings, values[point])),
                            "runs": len(rows)}
            target = ["epochs_to_target"] if self.spec.target_loss is not None else []
            for name in [*run_numbers(History(), self.score), "epochs", *target]:
                numbers = np.array([float(r[name]) for r in rows])  # type: ignore[arg-type]
                numbers = numbers[~np.isnan(numbers)]
                summary[f"{name}_mean"] = float(numbers.mean()) if len(numbers) else math.nan
                summary[f"{name}_sd"] = (float(numbers.std(ddof=1)) if len(numbers) > 1
                                         else math.nan)
            out.append(summary)
        return out

    def session_of(self, index: int) -> Session:
        """Run ``index`` as a document: its session with the state it ended in (training it
        on continues exactly as the run alone would), its epoch limit the sweep's."""
        run, outcome = self.runs[index], self.outcomes[index]
        training = replace(run.session.training, epoch_limit=self.spec.epochs)
        return replace(run.session, training=training, state=outcome.state)

    def write_csv(self, path: str | os.PathLike[str], *, points: bool = False) -> None:
        """The run table (or with ``points`` the point table) as CSV, written atomically."""
        write_atomic(path, table_csv(self.point_rows() if points else self.run_rows())
                     .encode())


def table_csv(rows: Sequence[Row]) -> str:
    """Rows as CSV text: floats with all their digits, NaN as an empty cell, a full batch as
    ``full``."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def cell(value: object) -> str:
    if value is None:
        return "full"
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    return str(value)


def shown_value(value: Value) -> str:
    """A setting's value as a table shows it."""
    if value is None:
        return "full"
    return f"{value:g}" if isinstance(value, float) else str(value)
