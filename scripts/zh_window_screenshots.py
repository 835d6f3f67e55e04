#!/usr/bin/env python
"""Screenshots of the main window in Chinese (issue #15 §2).

Run from the repository root under Xvfb (a CJK font installed: fonts-wqy-microhei)::

    xvfb-run -a -s '-screen 0 1600x1000x24' python scripts/zh_window_screenshots.py [--out DIR]

It opens BP Studio with the language set to 中文 (its settings in a temporary directory),
trains the sin-fit example for a few seconds and saves ``zh_main_window.png``; with
``--more DIR`` also the CSV import dialog, the Sweep dialog, the Compare and Judging docks
and About there, to look at.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from data_screenshots import ROOT, SPECIES, import_csv, open_window, train, wait, write_csv


def open_chinese_window():
    """The application in Chinese and its main window, 1600 × 1000, shown."""
    from PySide6.QtCore import QSettings

    from bpstudio.gui.window.app import APPLICATION, ORGANIZATION
    from bpstudio.gui.window.settings import KEY_LANGUAGE

    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                         ORGANIZATION, APPLICATION)  # as AppSettings, before the app reads it
    settings.setValue(KEY_LANGUAGE, "zh_CN")
    settings.sync()
    return open_window()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--more", help="a folder for the dialogs' and docks' screenshots")
    parser.add_argument("--seconds", type=float, default=3.0, help="training time")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app, window = open_chinese_window()
    train(window, args.seconds)
    window.grab().save(str(out / "zh_main_window.png"))
    print(f"saved {out / 'zh_main_window.png'}")
    if args.more:
        more = Path(args.more)
        more.mkdir(parents=True, exist_ok=True)
        window.compare.pin()
        wait(300)
        window.grab().save(str(more / "zh_compare.png"))
        window.sweeps.show().grab().save(str(more / "zh_sweep.png"))
        window.sweeps.dialog.close()
        window.help.show_about()
        wait(300)
        window.help.about.grab().save(str(more / "zh_about.png"))
        window.help.about.close()
        csv = Path(tempfile.mkdtemp(prefix="bpstudio-csv-")) / "企鹅.csv"
        write_csv(csv, tuple(SPECIES))
        import_csv(window, csv, more / "zh_import_dialog.png")
        window.dock_area.show(["judgingDock"])
        train(window, args.seconds)
        window.grab().save(str(more / "zh_judging.png"))
        print(f"saved the dialogs and docks in {more}")
    window.document.modified = False
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
