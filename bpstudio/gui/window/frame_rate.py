"""View ▸ Frame Rate: how often the plots move and how fast training runs, in the status bar.

So a person sees what they get: ``30 frames/s · 11,200 epochs/s`` while training, updated
twice a second from the frame renderer's count (:attr:`FrameRenderer.fps`) and the latest
snapshot's speed. Off by default; the choice is remembered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QStatusBar

from bpstudio.core.snapshot import TrainingSnapshot

from ..training import TrainingController
from .settings import AppSettings

REFRESH_MS = 500
translate = QCoreApplication.translate


class FrameRateReadout:
    """The status bar field ``frameRateLabel`` and its View menu toggle ``frameRateAction``."""

    def __init__(
        self, status: QStatusBar, training: TrainingController, menu: QMenu,
        settings: AppSettings, last_snapshot: Callable[[], TrainingSnapshot | None],
    ) -> None:
        self.training, self.settings, self._last = training, settings, last_snapshot
        self.label = QLabel()
        self.label.setObjectName("frameRateLabel")
        self.label.setMinimumWidth(180)
        self.label.setToolTip(translate(
            "FrameRate", "Frames the plots drew in the last second, and training speed"))
        status.addPermanentWidget(self.label)
        self.action = QAction(translate("FrameRate", "&Frame Rate in Status Bar"), menu)
        self.action.setObjectName("frameRateAction")
        self.action.setCheckable(True)
        self.action.setToolTip(
            translate("FrameRate", "Show how often the plots move and how fast training runs"))
        menu.addAction(self.action)
        self._timer = QTimer(self.label, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.action.toggled.connect(self._set_shown)
        self.action.setChecked(settings.frame_rate_shown())
        self._set_shown(self.action.isChecked(), remember=False)

    def _set_shown(self, on: bool, remember: bool = True) -> None:
        self.label.setVisible(on)
        if on:
            self.refresh()
            self._timer.start()
        else:
            self._timer.stop()
        if remember:
            self.settings.set_frame_rate_shown(on)

    def refresh(self) -> None:
        snapshot = self._last()
        if not self.training.running or snapshot is None:
            self.label.setText(translate("FrameRate", "0 frames/s · paused"))
            return
        self.label.setText(translate("FrameRate", "{fps} frames/s · {rate} epochs/s").format(
            fps=f"{self.training.frames.fps:.0f}", rate=f"{snapshot.epochs_per_second:,.0f}"))
