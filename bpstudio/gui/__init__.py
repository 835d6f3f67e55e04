"""The desktop app: PySide6 + pyqtgraph on top of the session and the NumPy core.

PySide6 is imported first so that pyqtgraph, which uses whichever binding is already loaded,
never picks another one. ``MainWindow`` is loaded on first use, so importing a view does not
build the whole window module.
"""

from __future__ import annotations

import PySide6.QtCore  # noqa: F401  (must come before any pyqtgraph import)

__all__ = ["MainWindow"]


def __getattr__(name: str) -> object:
    if name == "MainWindow":
        from .window.main_window import MainWindow

        return MainWindow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
