#!/usr/bin/env python
"""Screenshots of importing a CSV file and judging the network trained on it.

Run from the repository root under Xvfb::

    xvfb-run -a -s '-screen 0 1600x1000x24' python scripts/data_screenshots.py [--out DIR]

It writes a CSV file as a European spreadsheet would (semicolons, decimal commas, text
labels: three made-up penguin species by bill and flipper length), opens BP Studio (its
settings in a temporary directory), imports the file through File ▸ Import Data…, trains,
opens View ▸ Judging, and saves ``import_dialog.png`` (the dialog), ``confusion_matrix.png``
(the window with the decision regions and the Judging dock) and ``roc_curve.png`` (the
Judging dock for two of the species).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bpstudio-shots-")

SPECIES = {  # name: (bill length mm, flipper length mm) centre
    "Adelie": (38.8, 190.0), "Chinstrap": (48.8, 196.0), "Gentoo": (47.5, 217.0),
}


def write_csv(path: Path, species: tuple[str, ...], spread: float = 1.0,
              rows_each: int = 60) -> None:
    """Semicolon-separated rows with decimal commas, as a German spreadsheet saves them,
    the species mixed; ``spread`` widens each cloud (more overlap)."""
    rng = np.random.default_rng(7)
    rows = []
    for name in species:
        bill, flipper = SPECIES[name]
        for b, f in zip(rng.normal(bill, 2.6 * spread, rows_each),
                        rng.normal(flipper, 6.5 * spread, rows_each)):
            rows.append(f"{b:.1f};{f:.0f};{name}".replace(".", ","))
    lines = ["Schnabel (mm);Flosse (mm);Art", *(rows[i] for i in rng.permutation(len(rows)))]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


def wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def open_window():
    """The application and its main window, 1600 × 1000, shown."""
    from bpstudio.gui.window.app import create_app
    from bpstudio.gui.window.main_window import MainWindow

    app = create_app([sys.argv[0]])
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    wait(500)
    return app, window


def import_csv(window, path: Path, shot: Path | None) -> None:
    """Import Data… as a person does it: the file dialog answered, the preview read, Import."""
    from PySide6.QtWidgets import QFileDialog

    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (str(path), ""))
    window.importing.action.trigger()
    dialog = window.importing.dialog
    while dialog.reader.busy:
        wait(50)
    wait(300)
    if shot is not None:
        dialog.grab().save(str(shot))
    dialog.import_button.click()
    wait(500)


def train(window, seconds: float) -> None:
    window.actions.train.trigger()
    wait(int(seconds * 1000))
    window.actions.train.trigger()
    wait(500)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--seconds", type=float, default=4.0, help="training time per scene")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import Qt

    app, window = open_window()
    folder = Path(tempfile.mkdtemp(prefix="bpstudio-csv-"))
    three, two = folder / "pinguine.csv", folder / "zwei_arten.csv"
    write_csv(three, tuple(SPECIES))
    write_csv(two, ("Adelie", "Chinstrap"), spread=1.8)

    import_csv(window, three, out / "import_dialog.png")
    window.dock_area.show(["judgingDock"])
    window.resizeDocks([window.docks["judgingDock"]], [400], Qt.Orientation.Vertical)
    train(window, args.seconds)
    window.judging_view.normalised_check.setChecked(False)
    wait(300)
    window.grab().save(str(out / "confusion_matrix.png"))

    import_csv(window, two, None)
    train(window, args.seconds)
    wait(300)
    window.docks["judgingDock"].grab().save(str(out / "roc_curve.png"))
    window.document.modified = False
    window.close()
    app.processEvents()
    for name in ("import_dialog.png", "confusion_matrix.png", "roc_curve.png"):
        print(f"saved {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
