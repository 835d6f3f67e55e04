"""``bpstudio sweep``: train a file's network over one or two settings' values and several
seeds, headless, with the app's sweep engine; print a table per point, write CSV tables.

The runs train on this machine's cores (a process pool), or on a Dask cluster with
``--scheduler`` (:mod:`bpstudio.experiments.cluster`). Ctrl+C stops the sweep within about a
second; the runs that ended, and those stopped part-way, are still written.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from typing import TextIO

from ..experiments import SweepProgress, SweepResults, SweepSpec, run_sweep
from ..experiments.results import shown_value
from ..headless import duration
from ..io import BPFileError, load
from .flags import UsageError
from .output import INTERRUPTED, fail, say, show
from .train import DEFAULT_EPOCHS


def sweep_command(args: argparse.Namespace) -> int:
    try:
        base = load(args.file)
    except BPFileError as exc:
        return fail(args.file, exc)
    epochs = args.epochs or base.training.epoch_limit or DEFAULT_EPOCHS
    try:
        spec = SweepSpec(tuple(args.vary), seeds=args.seeds, epochs=epochs,
                         measure_every=args.measure_every, target_loss=args.target_loss)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    bar = ProgressBar(sys.stderr)
    try:
        if args.scheduler:
            from ..experiments.cluster import run_on_cluster

            results = run_on_cluster(base, spec, args.scheduler, progress=bar.update)
        else:
            results = run_sweep(base, spec, jobs=args.jobs, progress=bar.update)
    except ValueError as exc:  # a value the session refuses, found before anything trains
        raise UsageError(str(exc)) from None
    finally:
        bar.close()
    for path, points in ((args.csv, False), (args.points_csv, True)):
        if path is not None:
            try:
                results.write_csv(path, points=points)
            except BPFileError as exc:
                return fail(path, exc)
    print_points(results)
    ended = sum(o.status != "cancelled" for o in results.outcomes.values())
    show(f"{ended} of {len(results.runs)} runs ended in {duration(results.seconds)}")
    if results.cancelled:
        say("bpstudio sweep: interrupted; the tables hold the runs that ended and those "
            "stopped part-way (status cancelled)")
        return INTERRUPTED
    return 0


def print_points(results: SweepResults) -> None:
    """One line per point: its values, the runs, and mean ± sd of the final scores."""
    score = results.score
    columns = [*results.settings, "runs", f"test {score}", f"train {score}", "test loss",
               "train loss"]
    keys = [f"final_test_{score}", f"final_train_{score}", "final_test_loss",
            "final_train_loss"]
    rows = [[*(shown_value(p[s]) for s in results.settings), str(p["runs"]),  # type: ignore[arg-type]
             *(_mean_sd(p[f"{k}_mean"], p[f"{k}_sd"]) for k in keys)]  # type: ignore[arg-type]
            for p in results.point_rows()]
    widths = [max(len(c), *(len(r[i]) for r in rows)) if rows else len(c)
              for i, c in enumerate(columns)]
    show("  ".join(c.rjust(w) for c, w in zip(columns, widths)))
    for row in rows:
        show("  ".join(v.rjust(w) for v, w in zip(row, widths)))


def _mean_sd(mean: float, sd: float) -> str:
    if math.isnan(mean):
        return "-"
    return f"{mean:.4g}" if math.isnan(sd) else f"{mean:.4g} ± {sd:.2g}"


class ProgressBar:
    """The sweep's progress on stderr: redrawn in place on a terminal, a line every few
    seconds otherwise."""

    BAR = 20

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream, self.clock = stream, clock
        self.tty = stream.isatty()
        self.interval = 0.1 if self.tty else 5.0
        self.last = -math.inf
        self.drawn = False

    def update(self, progress: SweepProgress) -> None:
        now = self.clock()
        if now - self.last < self.interval and progress.done < progress.total:
            return
        self.last = now
        line = self.line(progress)
        self.stream.write("\r" + line + "\x1b[K" if self.tty else line + "\n")
        self.stream.flush()
        self.drawn = True

    def line(self, p: SweepProgress) -> str:
        filled = int(self.BAR * p.fraction)
        left = "?" if p.eta is None else duration(p.eta)
        return (f"[{'#' * filled}{'.' * (self.BAR - filled)}] {p.fraction:4.0%}  "
                f"{p.runs_done}/{p.runs} runs  {duration(p.elapsed)} elapsed, {left} left")

    def close(self) -> None:
        if self.tty and self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False
