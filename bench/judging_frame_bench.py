#!/usr/bin/env python
"""What the Judging dock costs per frame while a network trains.

Run from the repository root::

    QT_QPA_PLATFORM=offscreen python bench/judging_frame_bench.py [--repeats N]

For each session it times, interleaved so both see the same machine load, a training run's
snapshot without extras and with the ``judgements`` extra (the worker's side: a forward
pass over both parts and core/judging), and the Judging view drawing that snapshot (the GUI
thread's side). Sessions: the spiral preset's sizes (1,000 points, 2-16-16-K tanh) with 2
and 10 classes, and a sin regression of 20,000 points (the view draws at most 1,000 of
them). Medians of ``--repeats`` runs.

This is a benchmark, not a test: it prints, it never fails.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, uninstalled
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bpstudio  # noqa: F401, I001  before NumPy, as in the app: sets OpenBLAS's spin time

from core_bench import load_average, machine_lines

from bpstudio.core.snapshot import JUDGEMENTS
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session
from bpstudio.training import TrainingRun


def sessions() -> dict[str, Session]:
    hidden = (LayerSpec(16, "tanh"), LayerSpec(16, "tanh"))
    return {
        "spiral, 2 classes, 1,000": Session(
            NetworkSpec(hidden, "sigmoid", "binary_cross_entropy"),
            DataSpec("spiral", {"n": 1000}, test_fraction=0.2, standardize=True)),
        "spiral, 10 classes, 1,000": Session(
            NetworkSpec(hidden, "softmax", "cross_entropy"),
            DataSpec("spiral", {"n": 1000, "classes": 10}, test_fraction=0.2,
                     standardize=True)),
        "sin regression, 20,000": Session(
            NetworkSpec(hidden),
            DataSpec("sin", {"n": 20000}, test_fraction=0.2)),
    }


def ms(seconds: float) -> str:
    return f"{1000 * seconds:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=51, help="timed runs per figure")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from bpstudio.gui.views.judging_view import JudgingView

    app = QApplication.instance() or QApplication([])
    print("# The Judging dock: cost per frame\n")
    print("\n".join(machine_lines(None, None)) + "\n")
    print("| session | snapshot | snapshot + judgements | extra | view draws it |")
    print("|---|---|---|---|---|")
    for name, session in sessions().items():
        run = TrainingRun(session)
        run.train_for(epochs=2)
        view = JudgingView()
        view.resize(900, 500)
        view.show()
        view.set_data(run.data, None)
        plain, judged, drawn = [], [], []
        for _ in range(args.repeats):
            for wanted, times in ((frozenset(), plain), (frozenset({JUDGEMENTS}), judged)):
                run.extras.wanted = wanted
                start = time.perf_counter()
                snapshot = run.snapshot()
                times.append(time.perf_counter() - start)
            start = time.perf_counter()
            view.show_snapshot(snapshot)
            app.processEvents()  # the repaint
            drawn.append(time.perf_counter() - start)
        a, b = statistics.median(plain), statistics.median(judged)
        print(f"| {name} | {ms(a)} | {ms(b)} | {ms(b - a)} | {ms(statistics.median(drawn))} |")
        view.close()
    print(f"\nload average at the end: {load_average()}")


if __name__ == "__main__":
    main()
