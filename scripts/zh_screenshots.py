#!/usr/bin/env python
"""Screenshots of the designer and the live plots in Chinese.

Run from the repository root under Xvfb::

    xvfb-run -a -s '-screen 0 1600x1300x24' python scripts/zh_screenshots.py [--out DIR]

It opens BP Studio in Chinese (its settings in a temporary directory), picks 螺旋 (the
spiral) in the designer, opens 高级 (Advanced), trains for a few seconds and saves
``zh_designer.png`` (the window, 1600 × 1300 so the designer shows whole beside the
plots), ``zh_designer_panel.png`` (the designer alone) and ``zh_plot_*.png`` (the loss,
decision and network views).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bpstudio-shots-")

from data_screenshots import wait  # noqa: E402  (after the path: the scripts' own helper)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QComboBox, QMessageBox, QToolButton

    from bpstudio.gui.window.app import create_app
    from bpstudio.gui.window.language import install_translators
    from bpstudio.gui.window.main_window import MainWindow

    app = create_app([sys.argv[0]])
    translators = install_translators("zh_CN")  # noqa: F841  (kept alive while shown)
    window = MainWindow()
    window.resize(1600, 1300)
    window.show()
    wait(500)
    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findText("螺旋"))
    wait(500)
    window.designer.training.advanced_button.setChecked(True)
    window.designer.training.schedule.combo.setCurrentIndex(1)  # a schedule's parameters
    wait(300)
    window.findChild(QToolButton, "trainButton").click()
    wait(4000)
    window.findChild(QToolButton, "trainButton").click()
    wait(800)
    window.grab().save(str(args.out / "zh_designer.png"))
    panel = window.designer
    panel.grab().save(str(args.out / "zh_designer_panel.png"))
    plots = [window.loss_plot, window.decision_plot, window.network_view]
    for view, name in zip(plots, ("loss", "decision", "network"), strict=True):
        view.grab().save(str(args.out / f"zh_plot_{name}.png"))
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.close()  # the trained network is not kept
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
