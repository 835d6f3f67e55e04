"""Reporting without the GUI: a progress line, the scores of a run, and a summary of a
session. The command line uses them; nothing here prints on its own (training and measuring
are :class:`~bpstudio.training.TrainingRun`'s, as in the app).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any, TextIO

from .core import History
from .core.loss_words import TRAIN_LOSS
from .core.metrics import score_name
from .session import PreparedData, Session, count_parameters
from .training import TrainingRun


class Progress:
    """A progress line on stderr: redrawn in place on a terminal, a plain line every few
    seconds otherwise (a log file gets no carriage returns)."""

    BAR = 20

    def __init__(self, stream: TextIO, total: int, clock: Callable[[], float] = time.monotonic):
        self.stream, self.total, self.clock = stream, total, clock
        self.tty = stream.isatty()
        self.interval = 0.1 if self.tty else 5.0
        self.start = self.last = clock()
        self.done = 0
        self.drawn = False

    def update(self, loss: float) -> None:
        self.done += 1
        now = self.clock()
        if now - self.last < self.interval and self.done < self.total:
            return
        self.last = now
        line = self.line(loss, now - self.start)
        if self.tty:
            self.stream.write("\r" + line + "\x1b[K")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
        self.drawn = True

    def line(self, loss: float, elapsed: float) -> str:
        filled = self.BAR * self.done // self.total
        speed = self.done / elapsed if elapsed > 0 else math.inf
        left = (self.total - self.done) / speed
        if not math.isfinite(speed):
            rate = "- epochs/s"
        else:
            rate = f"{speed:,.0f} epochs/s" if speed >= 100 else f"{speed:.3g} epochs/s"
        return (
            f"[{'#' * filled}{'.' * (self.BAR - filled)}] {self.done}/{self.total}  "
            f"loss {loss:.6g}  {rate}  {duration(left)} left"
        )

    def close(self) -> None:
        if self.tty and self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def summarize(session: Session, prepared: PreparedData | None = None) -> dict[str, Any]:
    """Architecture, data, training settings, epochs and the newest history row."""
    prepared = session.prepare_data() if prepared is None else prepared
    net = session.network
    sizes = net.layer_sizes(prepared.n_inputs, prepared.n_outputs)
    metric = score_name(prepared.task)
    return {
        "title": session.title,
        "network": {
            "layer_sizes": sizes, "activations": net.activations(), "loss": net.loss,
            "reduction": net.reduction, "init": net.init, "bias": net.bias,
            "parameters": count_parameters(sizes, net.bias),
            "start": "given" if session.start is not None else "seed",
        },
        "data": {
            "name": session.data.name, "params": dict(prepared.full.params),
            "task": prepared.task, "train_samples": prepared.train.n_samples,
            "test_samples": prepared.test.n_samples, "standardize": session.data.standardize,
        },
        "training": {
            "optimizer": session.training.optimizer,
            "learning_rate": session.training.learning_rate,
            "batch_size": session.training.batch_size,
            "epoch_limit": session.training.epoch_limit,
            "schedule": {"name": session.training.schedule.name,
                         **session.training.schedule.params},
            "stopping": dict(vars(session.training.stopping)),
        },
        "epochs": session.epoch,
        "last": last_row(session.history, metric),
        "pinned": [{"name": run.name, "epochs": run.session.epoch, "seconds": run.seconds,
                    "same_start_as": run.same_start_as,
                    "last": last_row(run.session.history, metric)} for run in session.pinned],
    }


def last_row(history: History, metric: str) -> dict[str, float | None]:
    """The newest history row's losses and scores by name (``None``: not measured)."""
    if not len(history):
        return {}
    names = ("train_loss", "test_loss", f"train_{metric}", f"test_{metric}")
    values = (history.train_loss, history.test_loss, history.train_metric, history.test_metric)
    return {n: None if math.isnan(v[-1]) else v[-1] for n, v in zip(names, values)}


def describe_network(session: Session, prepared: PreparedData | None = None) -> str:
    prepared = session.prepare_data() if prepared is None else prepared
    net = session.network
    sizes = net.layer_sizes(prepared.n_inputs, prepared.n_outputs)
    return (
        f"{'-'.join(map(str, sizes))} ({', '.join(net.activations())}), loss {net.loss} "
        f"({net.reduction}), init {net.init}{'' if net.bias else ', no biases'}"
        f"{', starts from given weights' if session.start is not None else ''}"
    )


def scores(run: TrainingRun) -> str:
    """The newest history row's measurements, those that were measured."""
    history, metric = run.history, run.scores.score
    parts = [f"{TRAIN_LOSS} {history.train_loss[-1]:.6g}"]
    for label, values in (("test loss", history.test_loss),
                          (f"train {metric}", history.train_metric),
                          (f"test {metric}", history.test_metric)):
        if not math.isnan(values[-1]):
            parts.append(f"{label} {values[-1]:.6g}")
    return ", ".join(parts)


def duration(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "?"
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    return f"{minutes // 60} h {minutes % 60:02d} min"
