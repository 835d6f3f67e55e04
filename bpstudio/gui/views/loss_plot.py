"""Train and test loss per epoch, appended snapshot by snapshot."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QCheckBox, QWidget

from bpstudio.core.snapshot import PlotGrid, TrainingSnapshot
from bpstudio.session import PreparedData

from . import theme


class _Series:
    """A growing (epoch, value) record in amortised O(1) appends; views of it are plotted."""

    def __init__(self) -> None:
        self._x = np.empty(1024)
        self._y = np.empty(1024)
        self.n = 0

    @property
    def x(self) -> np.ndarray:
        return self._x[: self.n]

    @property
    def y(self) -> np.ndarray:
        return self._y[: self.n]

    def keep_before(self, epoch: float) -> None:
        """Forget points from ``epoch`` on: a reset or reloaded run starts over there."""
        self.n = int(np.searchsorted(self.x, epoch, side="left"))

    def extend(self, x: np.ndarray, y: np.ndarray) -> None:
        need = self.n + len(x)
        if need > len(self._x):
            size = max(need, 2 * len(self._x))
            self._x = np.resize(self._x, size)
            self._y = np.resize(self._y, size)
        self._x[self.n : need] = x
        self._y[self.n : need] = y
        self.n = need


class _LossAxis(pg.AxisItem):
    """On a log scale, labels only at 1, 2 and 5 times a power of ten, so they never crowd."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        """pyqtgraph repeats the decades among the minor log ticks: keep them once."""
        levels = super().tickValues(minVal, maxVal, size)
        if not self.logMode:
            return levels
        major = {round(v, 9) for v in levels[0][1]} if levels else set()
        return levels[:1] + [
            (spacing, [v for v in values if round(v, 9) not in major])
            for spacing, values in levels[1:]
        ]

    def logTickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        strings = super().logTickStrings(values, scale, spacing)
        leading = [f"{10.0 ** v * scale:.0e}"[0] for v in values]
        return [s if digit in "125" else "" for s, digit in zip(strings, leading)]


class LossPlotView(theme.ViewFrame):
    """Loss against epoch with a log-y toggle and a read-out that follows the cursor.

    Curves are downsampled to the pixel width (peak method, so spikes stay visible) and
    clipped to the visible range, which keeps a redraw cheap after 100k+ epochs.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        plot = theme.make_plot("epoch", "loss", {"left": _LossAxis("left")})
        super().__init__("Loss", plot, parent)
        self.setObjectName("lossPlot")
        self.plot = plot
        self.log_check = QCheckBox("Log scale")
        self.log_check.setObjectName("logYCheck")
        self.log_check.setToolTip("Show the loss on a logarithmic axis")
        self.log_check.toggled.connect(self._set_log_y)
        self.header.addWidget(self.log_check)
        self._train = _Series()
        self._test = _Series()
        theme.make_legend(plot)
        self.train_curve = self._make_curve(theme.TRAIN, "train")
        self.test_curve = self._make_curve(theme.TEST, "test")
        self.marker = pg.PlotDataItem(
            symbol="o", symbolSize=7, symbolBrush=theme.TRAIN, symbolPen="w", pen=None
        )
        self.marker.setZValue(20)
        self.readout = theme.make_readout()
        for item in (self.marker, self.readout):
            plot.addItem(item, ignoreBounds=True)
        plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.log_check.setChecked(True)  # losses fall by orders of magnitude
        self.clear()

    def _make_curve(self, colour: str, name: str) -> pg.PlotDataItem:
        curve = self.plot.plot(pen=pg.mkPen(colour, width=2), name=name, autoDownsampleFactor=1.5)
        curve.setDownsampling(auto=True, method="peak")
        curve.setClipToView(True)
        return curve

    # -- the public surface -------------------------------------------------------------------

    def set_data(self, data: PreparedData, grid: PlotGrid | None) -> None:
        """Nothing static to draw: losses come with the snapshots."""

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        epochs = snapshot.new_epochs
        self._train.keep_before(epochs[0] if len(epochs) else snapshot.epoch + 1)
        self._train.extend(epochs, snapshot.new_train_losses)
        self._test.keep_before(snapshot.epoch)
        test_loss = snapshot.metrics.get("test_loss", math.nan)
        if math.isfinite(test_loss):
            self._test.extend(np.array([snapshot.epoch]), np.array([test_loss]))
        self.train_curve.setData(self._train.x, self._train.y)
        self.test_curve.setData(self._test.x, self._test.y)
        self._show_status(snapshot.epoch, snapshot.train_loss, test_loss)

    def clear(self) -> None:
        self._train.keep_before(-math.inf)
        self._test.keep_before(-math.inf)
        self.train_curve.setData([], [])
        self.test_curve.setData([], [])
        self.marker.setData([], [])
        self.readout.hide()
        self.status_label.setText("no training yet")
        self.plot.getPlotItem().enableAutoRange()

    # -- details ------------------------------------------------------------------------------

    def _set_log_y(self, on: bool) -> None:
        self.plot.getPlotItem().setLogMode(x=False, y=on)
        self.readout.hide()
        self.marker.setData([], [])

    def _show_status(self, epoch: int, train: float, test: float) -> None:
        parts = [f"epoch {epoch:,}"]
        if math.isfinite(train):
            parts.append(f"train {theme.format_value(train)}")
        if math.isfinite(test):
            parts.append(f"test {theme.format_value(test)}")
        self.status_label.setText("   ".join(parts))

    def readout_text(self, epoch: float) -> str:
        """What the hover read-out says at ``epoch``: the nearest recorded train loss and the
        test loss interpolated between its measurements."""
        i = self._nearest(epoch)
        x = self._train.x[i]
        lines = [f"epoch {int(x):,}", f"train {theme.format_value(self._train.y[i])}"]
        tx, ty = self._test.x, self._test.y
        if len(tx) and tx[0] <= x <= tx[-1]:
            lines.append(f"test {theme.format_value(float(np.interp(x, tx, ty)))}")
        return "\n".join(lines)

    def _nearest(self, epoch: float) -> int:
        x = self._train.x
        i = int(np.clip(np.searchsorted(x, epoch), 0, len(x) - 1))
        return i - 1 if i > 0 and epoch - x[i - 1] < x[i] - epoch else i

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        view = self.plot.getPlotItem().vb
        if self._train.n == 0 or not view.sceneBoundingRect().contains(scene_pos):
            self.readout.hide()
            self.marker.setData([], [])
            return
        pos = view.mapSceneToView(scene_pos)
        i = self._nearest(pos.x())
        self.marker.setData([self._train.x[i]], [self._train.y[i]])
        self.readout.setText(self.readout_text(pos.x()))
        right_half = pos.x() > view.viewRect().center().x()
        self.readout.setAnchor((1.05, 1.05) if right_half else (-0.05, 1.05))
        self.readout.setPos(pos)
        self.readout.show()
