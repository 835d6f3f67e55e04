#!/usr/bin/env python
"""Screenshots of the real app with a lesson open, taken from the X screen.

Run from the repository root under Xvfb (imagemagick's ``import`` takes the picture)::

    xvfb-run -a -s '-screen 0 1600x1000x24' python scripts/explain_screenshots.py

It opens BP Studio as a person would (its settings in a temporary directory), chooses each
lesson from the Lessons menu and saves docs/screenshots/lesson_two_input.png (the worked
example in the inspector), app_graph_lab.png (the shopping bill) and app_gradient_flow.png
(the sin fit with gradient flow and hidden neurons, while it trains).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bpstudio-shots-")

SCENES = {  # file: (lesson, seconds of training before the picture)
    "lesson_two_input.png": ("two_input", 0.0),
    "app_graph_lab.png": ("computational_graph", 0.0),
    "app_gradient_flow.png": ("sin", 6.0),
}


def wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def take(window, out: Path, name: str, lesson: str, seconds: float) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    window.document.modified = False  # no unsaved-changes question between scenes
    menu = window.findChild(QMenu, "lessonsMenu")
    menu.findChild(QAction, f"lesson_{lesson}Action").trigger()
    wait(500)
    if seconds:
        window.actions.train.trigger()
        wait(int(seconds * 1000))
        show_liveliest_neuron(window)
    inspector = window.explain.inspector
    if inspector.isVisible() and inspector.panel("A1") is not None:
        inspector.panel("A1").select_cell(0, 0)  # its arithmetic and sources light up
        wait(200)
    wait(300)
    path = out / name
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    print(path)
    if seconds:
        window.actions.train.trigger()
        window.training.sync()


def show_liveliest_neuron(window) -> None:
    """Pick the hidden neuron whose output varies most, as a person browsing would."""
    import numpy as np

    hidden = window.last_snapshot.extras.get("hidden_outputs")
    if hidden:
        spread = np.ptp(hidden[0], axis=0)
        window.explain.neurons.select_neuron(1, int(np.argmax(spread)))
        wait(300)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    from bpstudio.gui.window.app import create_app
    from bpstudio.gui.window.main_window import MainWindow

    app = create_app([sys.argv[0]])
    window = MainWindow()
    screen = app.primaryScreen().availableGeometry()
    window.setGeometry(screen)
    window.show()
    wait(800)
    for name, (lesson, seconds) in SCENES.items():
        take(window, args.out, name, lesson, seconds)
    window.document.modified = False
    window.close()


if __name__ == "__main__":
    main()
