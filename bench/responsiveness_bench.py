#!/usr/bin/env python
"""How fast the training worker answers pause, step, reset, close and a new learning rate.

Run from the repository root (no display needed)::

    QT_QPA_PLATFORM=offscreen python bench/responsiveness_bench.py [--repeats 5]
                                                                   [--scenarios full,one]

Three large problems, as issue #9 found them slow (pause 6-31 s, close 12 s, no hand-back
at all): 8 hidden layers as wide as the parameter limit allows with 10,000 samples in one
full batch, 2,000 samples in batches of 1, and 100,000 samples in batches of 1,000; each with
the 150 x 150 decision grid the app draws. For each command it measures, from the moment
the GUI thread issues it, until the worker answers:

- pause while training: until the state is handed back;
- step: a step starts at once; pausing it, until the state is handed back;
- learning rate while training: ``set_learning_rate`` then ``sync``, until synced;
- reset while training: until the new run's state is handed back;
- close while training: until the worker thread has finished (``shutdown``).

Goal: every answer within 0.2 s. It prints the median and the worst over the repeats. A
benchmark, not a test: it never fails (tests/gui/training/test_worker_responsive.py checks the same
commands with a bound generous enough for a busy CI machine).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, uninstalled

GOAL_SECONDS = 0.2
WARM_SECONDS = 0.4
"""Training runs this long before a command, so it lands in the middle of an epoch."""


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    samples: int
    batch_size: int | None


SCENARIOS = {
    s.key: s for s in (
        Scenario("full", "10,000 samples, full batch", 10_000, None),
        Scenario("one", "2,000 samples, batch 1", 2_000, 1),
        Scenario("large", "100,000 samples, batch 1000", 100_000, 1000),
    )
}


def widest_hidden(layers: int = 8, n_in: int = 2, n_out: int = 1) -> int:
    """The width of ``layers`` equal hidden layers that the parameter limit still allows."""
    from bpstudio.limits import MAX_PARAMETERS
    from bpstudio.session import count_parameters

    width = 512
    while count_parameters([n_in, *[width] * layers, n_out], True) > MAX_PARAMETERS:
        width -= 1
    return width


def session_of(scenario: Scenario):
    from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig

    width = widest_hidden()
    return Session(
        network=NetworkSpec(tuple(LayerSpec(width, "tanh") for _ in range(8)), "sigmoid",
                            "binary_cross_entropy"),
        data=DataSpec("spiral", {"n": scenario.samples}, test_fraction=0.2, standardize=True),
        training=TrainingConfig("adam", learning_rate=1e-3, batch_size=scenario.batch_size),
    )


class Latencies:
    """Issues commands to a :class:`TrainingController` and times their answers."""

    def __init__(self, scenario: Scenario, timeout: float = 30.0) -> None:
        from bpstudio.core.snapshot import PlotGrid

        self.session = session_of(scenario)
        self.data = self.session.prepare_data()
        self.grid = PlotGrid.around(self.data.full.X)
        self.timeout = timeout
        self.controller = None

    def open(self) -> None:
        """A fresh controller with a run of the scenario, paused at epoch 0."""
        from bpstudio.gui.training import TrainingController

        self.controller = TrainingController()
        self.handed_back = []
        self.controller.state_handed_back.connect(self.handed_back.append)
        self.controller.reset(self.session, self.data, self.grid)
        self.until(lambda: self.handed_back)

    def close(self) -> None:
        if self.controller is not None:
            self.controller.shutdown()
            self.controller.deleteLater()
            self.controller = None

    def until(self, done: Callable[[], object]) -> float:
        """Run the event loop until ``done()`` (looked at every millisecond, so the GUI
        thread stays as idle as the app's); the seconds it took."""
        from PySide6.QtCore import QEventLoop, QTimer

        started = time.perf_counter()
        loop, poll = QEventLoop(), QTimer()
        poll.setInterval(1)
        poll.timeout.connect(lambda: (done() or time.perf_counter() - started > self.timeout)
                             and loop.quit())
        poll.start()
        if not done():
            loop.exec()
        poll.stop()
        if not done():
            raise TimeoutError(f"no answer within {self.timeout:g} s")
        return time.perf_counter() - started

    def train_a_while(self) -> None:
        self.controller.start()
        end = time.perf_counter() + WARM_SECONDS
        self.until(lambda: time.perf_counter() >= end)

    def answer(self, command: Callable[[], None], done: Callable[[], object]) -> float:
        started = time.perf_counter()
        command()
        self.until(done)
        return time.perf_counter() - started

    def handed_back_after(self, command: Callable[[], None]) -> float:
        count = len(self.handed_back)
        return self.answer(command, lambda: len(self.handed_back) > count)

    # -- the commands, one after the other on the same run -------------------------------------

    def pause(self) -> float:
        self.train_a_while()
        return self.handed_back_after(self.controller.pause)

    def step(self) -> float:
        self.controller.step()
        end = time.perf_counter() + WARM_SECONDS
        self.until(lambda: time.perf_counter() >= end)
        return self.handed_back_after(self.controller.pause)

    def learning_rate(self) -> float:
        self.train_a_while()
        started = time.perf_counter()
        self.controller.set_learning_rate(5e-4)
        synced = self.controller.sync(timeout_ms=int(self.timeout * 1000))
        seconds = time.perf_counter() - started
        if not synced:
            raise TimeoutError("no sync")
        return seconds

    def reset(self) -> float:
        self.train_a_while()
        return self.handed_back_after(
            lambda: self.controller.reset(self.session, self.data, self.grid))

    def close_window(self) -> float:
        self.train_a_while()
        started = time.perf_counter()
        self.controller.shutdown()
        seconds = time.perf_counter() - started
        self.controller = None
        return seconds

    def all_commands(self) -> dict[str, float]:
        """Seconds to the answer of each command of :data:`COMMANDS`, in that order, on one
        run of the scenario (training between them)."""
        self.open()
        try:
            return {name: getattr(self, name)() for name in COMMANDS}
        finally:
            self.close()


COMMANDS = ("pause", "step", "learning_rate", "reset", "close_window")


def measure(scenario: Scenario, repeats: int) -> dict[str, list[float]]:
    """Seconds per command and repeat."""
    probe = Latencies(scenario)
    out: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for r in range(repeats):
        for name, seconds in probe.all_commands().items():
            out[name].append(seconds)
        line = "  ".join(f"{name} {out[name][-1] * 1000:.0f} ms" for name in COMMANDS)
        print(f"  [{scenario.key}] repeat {r + 1}/{repeats}: {line}", flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS),
                        help=f"comma-separated subset of {', '.join(SCENARIOS)}")
    args = parser.parse_args(argv)
    chosen = [SCENARIOS[key.strip()] for key in args.scenarios.split(",") if key.strip()]

    import numpy as np
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication(sys.argv)  # noqa: F841 - kept alive
    width = widest_hidden()
    print(f"# Worker responsiveness (goal: every answer within {GOAL_SECONDS * 1000:.0f} ms)\n")
    print(f"load average (1/5/15 min) at the start: "
          f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])}; "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '(unset)')}")
    print(f"network 2-{'-'.join([str(width)] * 8)}-1 tanh/sigmoid (the widest 8 hidden layers "
          f"the parameter limit allows), Adam, spiral data with 20 % test, 150 x 150 grid; "
          f"numpy {np.__version__}\n", flush=True)
    results = {}
    for scenario in chosen:
        print(f"{scenario.key}: {scenario.title}", flush=True)
        results[scenario.key] = measure(scenario, args.repeats)
    print("\n| scenario | " + " | ".join(COMMANDS) + " |")
    print("|---|" + "---:|" * len(COMMANDS))
    for scenario in chosen:
        cells = [f"{statistics.median(v) * 1000:.0f} ms (max {max(v) * 1000:.0f})"
                 for v in results[scenario.key].values()]
        print(f"| {scenario.title} | " + " | ".join(cells) + " |")
    print(f"\nmedian (max) of {args.repeats} runs each; load average (1/5/15 min) at the end: "
          f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
