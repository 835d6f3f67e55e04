#!/usr/bin/env python
"""Screenshots of the experiments (docs/guide.md#experiments) into docs/screenshots/.

Run from the repository root under a real X display::

    xvfb-run -a -s '-screen 0 1600x1000x24' python scripts/experiment_screenshots.py

compare_runs.png (two runs from the same start, the Compare dock and a pinned run's
regions), compare_loss.png (the live loss over the pinned run's dimmer curves),
sweep_one.png (test accuracy against the learning rate, log axis), sweep_grid.png (hidden
size × learning rate), seed002_lesson.png (the hidden-size lesson's quick sweep with its
baseline) and seed002_tensorflow.png (the TensorFlow lesson's printout). Everything is
driven through the window as a person would, and trained for real.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def wait(app, done, seconds=600.0) -> None:
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the screenshot's run did not finish")
        app.processEvents()
        time.sleep(0.01)


def spiral():
    from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig

    return Session(
        network=NetworkSpec((LayerSpec(8, "tanh"), LayerSpec(8, "tanh")), "sigmoid",
                            "binary_cross_entropy", seed=1),
        data=DataSpec("spiral", {"n": 300}, test_fraction=0.25, standardize=True),
        training=TrainingConfig("adam", learning_rate=0.003, batch_size=16, epoch_limit=300),
        title="Spiral",
    )


def train(app, window) -> None:
    window.training.start()
    wait(app, lambda: window.last_snapshot is not None and window.last_snapshot.epoch >= 300
         and not window.training.running)


def compare(app, window, out: Path) -> None:
    from bpstudio.gui.widgets import LogSpinBox

    window.show_session(spiral())
    wait(app, lambda: window.last_snapshot is not None)
    train(app, window)
    window.compare.pin()
    window.compare.rename("run 1", "lr 0.003")
    window.findChild(LogSpinBox, "learningRateSpin").setValue(0.03)
    app.processEvents()
    window.compare.panel.choose("lr 0.003")
    window.compare.panel.same_start_button.click()
    wait(app, lambda: window.last_snapshot is not None)
    train(app, window)
    window.compare.refresh()
    window.compare.panel.choose("lr 0.003")
    window.compare.panel.regions_button.click()
    window.compare.dock.raise_()
    app.processEvents()
    window.grab().save(str(out / "compare_runs.png"))
    print(out / "compare_runs.png")
    window.docks["lossDock"].raise_()
    app.processEvents()
    window.loss_plot.grab().save(str(out / "compare_loss.png"))
    print(out / "compare_loss.png")


def sweeps(app, window, out: Path) -> None:
    window.show_session(spiral())
    dialog = window.sweeps.show()
    for name, vary, seeds in (("sweep_one", ["lr=0.0003:0.3:log7"], 3),
                              ("sweep_grid", ["hidden=2,4,8,16", "lr=0.001:0.1:log3"], 2)):
        dialog.configure(vary, seeds, 100)
        dialog.results = None
        dialog.run_button.click()
        wait(app, lambda: dialog.results is not None)
        app.processEvents()
        dialog.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")


def lessons(app, window, out: Path) -> None:
    from PySide6.QtWidgets import QMenu

    menu = window.findChild(QMenu, "lessonsMenu")
    actions = {a.objectName(): a for a in menu.actions()}
    dialog = window.sweeps.show()
    dialog.results = None
    actions["lesson_seed002_hiddenAction"].trigger()
    wait(app, lambda: dialog.results is not None)
    app.processEvents()
    dialog.grab().save(str(out / "seed002_lesson.png"))
    print(out / "seed002_lesson.png")
    actions["lesson_seed002_tensorflowAction"].trigger()
    panel = window.explain.lesson_panel
    panel.resize(520, 900)
    app.processEvents()
    panel.grab().save(str(out / "seed002_tensorflow.png"))
    print(out / "seed002_tensorflow.png")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtWidgets import QApplication

    from bpstudio.gui import MainWindow

    app = QApplication(sys.argv)
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    compare(app, window, args.out)
    sweeps(app, window, args.out)
    lessons(app, window, args.out)
    window.document.modified = False
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
