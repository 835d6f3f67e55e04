#!/usr/bin/env python
"""Screenshots of the first hour (issue 11) into docs/screenshots/: the training doctor's
note under the loss plot, and a deep network (8 hidden layers of 64) in the network view.

Run from the repository root under a display, or let it start Xvfb itself::

    python scripts/first_hour_screenshots.py [--out docs/screenshots]

The doctor's case is the issue's own: Spiral, 3 classes, 3 × 32 tanh from a ``uniform``
U[0, 1) initialisation, Adam 0.01, batch 32; it trains two seconds in the real window and
the window is saved (``doctor_note.png``). ``network_8x64.png`` is the window with the
8 × 64 relu network on the same data after one epoch.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (1600, 1000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run") and (
            "BPSTUDIO_SHOTS_CHILD" not in os.environ):
        env = dict(os.environ, BPSTUDIO_SHOTS_CHILD="1", QT_QPA_PLATFORM="xcb")
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {SIZE[0]}x{SIZE[1]}x24",
                   sys.executable, *sys.argv]
        return subprocess.run(command, env=env, check=False).returncode
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings, QStandardPaths

    from bpstudio.gui import MainWindow
    from bpstudio.gui.window.app import create_app

    app = create_app([sys.argv[0]])
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="bpstudio-shots-"))
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    _wait(500)
    window.show_session(_doctor_case())
    window.toggle_training()
    _wait(2500)
    window.toggle_training()
    window.training.sync()
    _wait(300)
    if not window.doctor_note.findings:
        print("the doctor saw nothing: no doctor_note.png", file=sys.stderr)
        return 1
    window.grab().save(str(out / "doctor_note.png"))
    window.show_session(_deep_case())
    window.step_epoch()  # the network view draws the weights of a snapshot
    for _ in range(50):
        _wait(100)
        if window.last_snapshot is not None and window.last_snapshot.epoch == 1:
            break
    _wait(500)
    window.grab().save(str(out / "network_8x64.png"))
    window.document.modified = False  # nothing to save: close without asking
    window.close()
    app.processEvents()
    print(f"wrote {out / 'doctor_note.png'} and {out / 'network_8x64.png'}")
    return 0


def _doctor_case():
    from bpstudio.examples import EXAMPLES
    from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, TrainingConfig

    return replace(
        EXAMPLES["sin"](), title="The issue's spiral from a uniform start",
        data=DataSpec("spiral", {"n": 300, "classes": 3}, test_fraction=0.2),
        network=NetworkSpec(hidden=(LayerSpec(32, "tanh"),) * 3, output_activation="softmax",
                            loss="cross_entropy", init="uniform"),
        training=TrainingConfig(optimizer="adam", learning_rate=0.01, batch_size=32))


def _deep_case():
    from bpstudio.session import LayerSpec

    session = _doctor_case()
    return replace(session, title="Eight hidden layers of 64", network=replace(
        session.network, hidden=(LayerSpec(64, "relu"),) * 8, init="he_normal"))


def _wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


if __name__ == "__main__":
    raise SystemExit(main())
