#!/usr/bin/env python
"""Screenshots of a learning-rate schedule and early stopping set in the designer.

Run from the repository root under Xvfb::

    xvfb-run -a -s '-screen 0 1600x1000x24' python scripts/schedule_screenshots.py [--out DIR]

80 noisy moons with a quarter held out for testing, two layers of 64 (they overfit), Adam
0.02 in batches of 16, step decay halving η every 20 epochs, an epoch limit of 200 and early
stopping (patience 40, the best weights restored). It saves ``schedule_designer.png`` (the
designer's Training group: the schedule, its parameters and the preview of η, the stopping
rules) and, after training until a rule holds, ``loss_eta.png`` (the loss plot with η on its
second axis and the best epoch marked).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from data_screenshots import ROOT, open_window, wait


def session():
    from bpstudio.core.schedules import Schedule
    from bpstudio.core.stopping import StopRules
    from bpstudio.examples import EXAMPLES
    from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, TrainingConfig

    return replace(
        EXAMPLES["sin"](), title="Moons, step decay, early stopping",
        data=DataSpec("moons", {"n": 80, "noise": 0.35}, test_fraction=0.25, standardize=True),
        network=NetworkSpec(hidden=(LayerSpec(64, "tanh"),) * 2, output_activation="sigmoid",
                            loss="binary_cross_entropy"),
        training=TrainingConfig(
            optimizer="adam", learning_rate=0.02, batch_size=16, epoch_limit=200,
            schedule=Schedule("step", {"every": 20, "factor": 0.5}),
            stopping=StopRules(patience=40, restore_best=True)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app, window = open_window()
    window.show_session(session())
    wait(500)
    group = window.designer.training.schedule.combo.parentWidget().parentWidget()
    group.grab().save(str(out / "schedule_designer.png"))
    window.loss_plot.eta_check.setChecked(True)
    window.actions.train.trigger()
    for _ in range(600):
        wait(100)
        if not window.training.running:
            break
    wait(500)
    window.loss_plot.grab().save(str(out / "loss_eta.png"))
    print(window.statusBar().currentMessage())
    window.document.modified = False
    window.close()
    app.processEvents()
    for name in ("schedule_designer.png", "loss_eta.png"):
        print(f"saved {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
