#!/usr/bin/env python
"""What the training doctor costs: a unit reading, and diagnose() on a history.

Run from the repository root::

    python bench/doctor_bench.py [--repeats N]

For the spiral preset (core_bench's W2: 2-16-16-1 tanh/tanh/sigmoid, BCE, 1000 points) and
a 784-256-10 relu/softmax network on 20,000 random 784-pixel rows (W4-f64), it times
``read_units`` on at most ``READING_ROWS`` rows (what the doctor reads), on every row (for
comparison) and one training epoch as the trainer runs it (SGD, the workload's batch). Then
``diagnose`` on a history of 1,000 rows and on one of ``MAX_HISTORY_ROWS`` rows, with and
without a reading. Medians of ``--repeats`` runs; the load average says how busy the
machine was.

This is a benchmark, not a test: it prints, it never fails.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, uninstalled
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bpstudio  # noqa: F401, I001  before NumPy, as in the app: sets OpenBLAS's spin time

import numpy as np

from core_bench import WORKLOADS, load_average, machine_lines, make_network

from bpstudio.core import SGD, History, Trainer
from bpstudio.core.doctor import diagnose
from bpstudio.core.unit_readings import READING_ROWS, read_units
from bpstudio.limits import MAX_HISTORY_ROWS


def median_time(work: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def ms(seconds: float) -> str:
    return f"{1000 * seconds:.2f} ms"


def history(rows: int) -> History:
    """A falling training loss and a test loss measured every 5th epoch."""
    h = History()
    rng = np.random.default_rng(0)
    for epoch in range(1, rows + 1):
        train = 1.0 / epoch ** 0.5 * (1 + 0.01 * rng.uniform(-1, 1))
        h.append(epoch, train, 1.2 * train if epoch % 5 == 0 else np.nan)
    return h


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=7, help="timed runs per figure")
    args = parser.parse_args()
    print("# Training doctor: cost\n")
    print("\n".join(machine_lines(None, None)) + "\n")
    print(f"| network | rows | reading (≤ {READING_ROWS} rows) | reading (all rows) | one epoch |")
    print("|---|---|---|---|---|")
    readings = {}
    for name in ("W2", "W4-f64"):
        wl = WORKLOADS[name]
        data = wl.make_data(np.dtype(wl.dtype))
        net = make_network(wl)
        X, Y = data.X, data.Y
        readings[name] = read_units(net, X, Y)
        capped = median_time(partial(read_units, net, X, Y), args.repeats)
        full = median_time(partial(read_units, net, X, Y, rows=len(X)), args.repeats)
        trainer = Trainer(net, SGD(wl.lr), batch_size=wl.batch_size, seed=1)
        epoch = median_time(partial(trainer.fit, X, Y, 1), max(1, args.repeats // 2))
        print(f"| {wl.title} | {len(X):,} | {ms(capped)} | {ms(full)} | {ms(epoch)} |")
    print("\n| history rows | diagnose | with a W4 reading |")
    print("|---|---|---|")
    for rows in (1000, MAX_HISTORY_ROWS):
        h = history(rows)
        plain = median_time(partial(diagnose, h, 0.01), args.repeats)
        read = median_time(partial(diagnose, h, 0.01, readings["W4-f64"]), args.repeats)
        print(f"| {len(h):,} | {ms(plain)} | {ms(read)} |")
    print(f"\nload average at the end: {load_average()}")


if __name__ == "__main__":
    main()
