#!/usr/bin/env python
"""Render the application icon's PNG sizes from its SVG drawing.

Run from the repository root after changing ``bpstudio/resources/icons/bpstudio.svg``::

    python scripts/render_icons.py

It writes ``bpstudio-SIZE.png`` next to the SVG for every size in
``bpstudio.package_data.ICON_SIZES`` (desktops that cannot read SVG take these; the desktop
entry installs them into the hicolor theme). Rendered offscreen with Qt's SVG renderer.
"""

from __future__ import annotations

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter).parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from bpstudio.package_data import ICON_SIZES, icon_path

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(icon_path()))
    if not renderer.isValid():
        print(f"cannot read {icon_path()}", file=sys.stderr)
        return 1
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(icon_path(size)))
        print(icon_path(size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
