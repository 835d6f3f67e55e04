#!/usr/bin/env python
"""What judging a model costs, on the spiral preset's sizes: can the views judge every frame?

Run from the repository root::

    python bench/judging_bench.py [--repeats N]

The spiral preset (the app's benchmark session: ``spiral`` of 1,000 points, test fraction
0.2, a 2-16-16-K tanh network) gives 800 training and 200 test samples. For 2 classes
(a sigmoid output: confusion matrix and ROC curve), 3 and 10 classes (softmax), it times
the network's forward pass over each part (what the view needs first), ``judge_classes``
on those outputs and reading every number off the judgement (normalised matrix,
precision, recall, F1, accuracy, AUC); and ``judge_values`` with R² and MAE on 1,000 sin
samples. Medians of ``--repeats`` runs; the load average says how busy the machine was.

This is a benchmark, not a test: it prints, it never fails.
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, uninstalled
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bpstudio  # noqa: F401, I001  before NumPy, as in the app: sets OpenBLAS's spin time

import numpy as np

from core_bench import load_average, machine_lines
from doctor_bench import median_time

from bpstudio.core.judging import ClassJudgement, judge_classes, judge_values
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session


def ms(seconds: float) -> str:
    return f"{1000 * seconds:.3f} ms"


def read_all(judged: ClassJudgement) -> None:
    """Every number a confusion-matrix view shows."""
    _ = (judged.normalised, judged.precision, judged.recall, judged.f1, judged.accuracy,
         judged.roc.auc if judged.roc is not None else None)


def spiral(classes: int):
    output = "sigmoid" if classes == 2 else "softmax"
    session = Session(
        NetworkSpec((LayerSpec(16, "tanh"), LayerSpec(16, "tanh")), output,
                    "binary_cross_entropy" if classes == 2 else "cross_entropy"),
        DataSpec("spiral", {"n": 1000, "classes": classes}, test_fraction=0.2,
                 standardize=True),
    )
    bench = session.build()
    return bench, session.prepare_data()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=101, help="timed runs per figure")
    args = parser.parse_args()
    print("# Judging a model: cost\n")
    print("\n".join(machine_lines(None, None)) + "\n")
    print("| data | part | samples | forward pass | judge_classes | + every number | total |")
    print("|---|---|---|---|---|---|---|")
    for classes in (2, 3, 10):
        bench, data = spiral(classes)
        for name, part in (("train", data.train), ("test", data.test)):
            X, net = data.inputs(part), bench.net
            outputs = net.predict(X)
            forward = median_time(partial(net.predict, X), args.repeats)
            judge = median_time(partial(judge_classes, outputs, part.y, classes), args.repeats)
            whole = median_time(lambda o=outputs, y=part.y, k=classes:
                                read_all(judge_classes(o, y, k)), args.repeats)
            print(f"| spiral, {classes} classes | {name} | {part.n_samples:,} | {ms(forward)} "
                  f"| {ms(judge)} | {ms(whole)} | {ms(forward + whole)} |")
    rng = np.random.default_rng(0)
    true, predicted = rng.normal(size=(1000, 1)), rng.normal(size=(1000, 1))

    def values() -> None:
        judged = judge_values(predicted, true)
        _ = (judged.residuals, judged.r2, judged.mae)

    print(f"\njudge_values with residuals, R² and MAE on 1,000 samples: "
          f"{ms(median_time(values, args.repeats))}")
    print(f"\nload average at the end: {load_average()}")


if __name__ == "__main__":
    main()
