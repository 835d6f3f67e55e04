"""Train and test loss per epoch, appended snapshot by snapshot (replaced when the history
was thinned to its row limit)."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtWidgets import QCheckBox, QWidget

from bpstudio.core.loss_words import EPOCH_MEAN
from bpstudio.core.snapshot import PlotGrid, TrainingSnapshot
from bpstudio.session import PreparedData

from ..vocabulary import vocabulary
from . import number_format, palette, plot_style, view_frame
from .curve import BoldCurve, peak_downsample
from .log_axis import LogAxis
from .loss_marks import BestEpochMark, LearningRateAxis
from .reference_curves import ReferenceCurve, ReferenceCurves
from .series import Series
from .stepped import stepped_range

BLOCKS_PER_PIXEL = 0.5
"""A curve is drawn as the min and max of this many blocks of epochs per pixel of width."""

MIN_BLOCKS = 256
"""Blocks drawn while the plot has no width yet (before it is first laid out)."""

AHEAD_SECONDS = 1.0
"""While training, the epoch axis moves when less than this much training fits on it, and
then makes room for twice as much: early on, when every round step of the range would be
passed within a fraction of a second, it moves about once a second. Paused, it fits the
epochs there are."""

translate = QCoreApplication.translate


def train_words() -> str:
    """The train curve is the history's, each epoch's mean over its mini-batches:
    ``train (epoch mean)``."""
    return translate("Views", "train ({epoch_mean})").format(epoch_mean=vocabulary(EPOCH_MEAN))


def test_words() -> str:
    return translate("Views", "test")



MIN_EPOCH_SPAN = 10.0
"""The epoch axis spans at least this many epochs: one epoch of history would get ticks at
0.1 … 0.9, epochs that do not exist."""

class LossPlotView(view_frame.ViewFrame):
    """Loss against epoch with a log-y toggle and a read-out that follows the cursor.

    A redraw stays cheap after a million epochs: past ~16k epochs the curves get block
    min/max envelopes (:class:`Series`), which are then cut to the visible epochs and
    downsampled to the pixel width (min and max, so spikes stay visible). On a log scale the
    view itself holds log10 of the loss (the axis labels powers of ten), computed for the
    drawn points only. The view follows the data in steps (:func:`stepped_range`), set here
    rather than by pyqtgraph's auto-range (which repaints the whole plot with each new
    point), until the person pans or zooms.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        axis = LogAxis("left")
        plot = plot_style.make_plot(translate("Views", "epoch"), translate("Views", "loss"),
                                    {"left": axis})
        super().__init__(translate("Views", "Loss"), plot, parent)
        self.setObjectName("lossPlot")
        self.plot = plot
        self.view_box = plot.getPlotItem().getViewBox()
        self.view_box.disableAutoRange()
        self._follow = True  # the range follows the data (until panned or zoomed by hand)
        self._range: tuple | None = None
        self._epochs_per_second = 0.0
        self._shown_loss = math.nan
        self.log_check = QCheckBox(translate("Views", "Log scale"))
        self.log_check.setObjectName("logYCheck")
        self.log_check.setToolTip(translate("Views", "Show the loss on a logarithmic axis"))
        self.log_check.toggled.connect(self._set_log_y)
        self.header.addWidget(self.log_check)
        self.eta_check = QCheckBox("η")
        self.eta_check.setObjectName("learningRateCheck")
        self.eta_check.setToolTip(
            translate("Views", "Show the learning rate η of each epoch on a second axis"))
        self.header.addWidget(self.eta_check)
        self.train_series = Series()
        self.test_series = Series()
        self.set_legend([("line", palette.TRAIN, train_words()),
                         ("line", palette.TEST, test_words())])
        self.train_curve, self.test_curve = BoldCurve(palette.TRAIN), BoldCurve(palette.TEST)
        for curve in (self.train_curve, self.test_curve):
            plot.addItem(curve)
        self.eta = LearningRateAxis(plot)
        self.best_mark = BestEpochMark(plot)
        self.eta_check.toggled.connect(self._set_eta_shown)
        self.references = ReferenceCurves(plot)
        self.marker = pg.PlotDataItem(
            symbol="o", symbolSize=7, symbolBrush=palette.TRAIN, symbolPen="w", pen=None
        )
        self.marker.setZValue(20)
        self.readout = plot_style.make_readout()
        for item in (self.marker, self.readout):
            plot.addItem(item, ignoreBounds=True)
        plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.view_box.sigResized.connect(self._redraw)  # as many blocks as pixels
        self.view_box.sigRangeChanged.connect(self._on_range_changed)
        self.log_check.setChecked(True)  # losses fall by orders of magnitude
        self.clear()

    # -- the public surface -------------------------------------------------------------------

    def set_data(self, data: PreparedData, grid: PlotGrid | None) -> None:
        """Losses come with the snapshots; the data only says whether there is a test part."""
        self.set_legend([
            ("line", palette.TRAIN, train_words()),
            *([("line", palette.TEST, test_words())] if data.test.n_samples else []),
        ])

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        """Keep the rows held up to the snapshot's ``kept_through`` (none after the history
        was thinned) and add its new rows."""
        self._epochs_per_second = snapshot.epochs_per_second
        self._shown_loss = snapshot.train_loss  # epoch 0 has no history row, yet a loss
        kept = snapshot.kept_through
        cut = -math.inf if kept is None else kept + 1  # rows from this epoch on are replaced
        epochs = snapshot.new_epochs
        self.train_series.keep_before(cut)
        self.train_series.extend(epochs, snapshot.new_train_losses)
        self.eta.keep_before(cut)
        self.eta.extend(epochs, snapshot.new_learning_rates)
        self.best_mark.show(snapshot.stopped)
        # the test loss of each new row where it was measured, and the snapshot's own
        test_loss = snapshot.metrics.get("test_loss", math.nan)
        tests = snapshot.new_test_losses
        if not len(epochs):
            epochs, tests = np.array([snapshot.epoch]), np.array([math.nan])
        if math.isfinite(test_loss):
            tests = np.where(epochs == snapshot.epoch, test_loss, tests)
        measured = np.isfinite(tests)
        self.test_series.keep_before(min(cut, epochs[0]))
        self.test_series.extend(epochs[measured], tests[measured])
        self._redraw()
        train = self.train_series.y[-1] if self.train_series.n else snapshot.train_loss
        self._show_status(snapshot.epoch, float(train), test_loss)

    def clear(self) -> None:
        self._shown_loss = math.nan
        self.train_series.keep_before(-math.inf)
        self.test_series.keep_before(-math.inf)
        self.eta.keep_before(-math.inf)
        self.best_mark.show(None)
        self._redraw()
        self.marker.setData([], [])
        self.readout.hide()
        self.status_label.setText(translate("Views", "no training yet"))
        self._follow_data()

    def set_reference_curves(self, curves: list[ReferenceCurve]) -> None:
        """Other runs' loss curves (pinned runs), dimmer and labelled, under the live ones;
        the range that follows the data includes them. ``[]`` removes them."""
        self.references.set(curves, self._to_view)
        self._follow_data()

    # -- details ------------------------------------------------------------------------------

    @property
    def log_y(self) -> bool:
        return self.log_check.isChecked()

    def _set_log_y(self, on: bool) -> None:
        self.plot.getPlotItem().getAxis("left").setLogMode(False, on)
        self.readout.hide()
        self.marker.setData([], [])
        self.references.redraw(self._to_view)
        self._follow_data()

    def _set_eta_shown(self, on: bool) -> None:
        self.eta.set_visible(on)
        self._redraw()

    def _redraw(self) -> None:
        """Both curves, cut to the visible epochs (all of them while the view follows the
        data) and downsampled to the plot's width; then the range, if it follows."""
        blocks = max(int(self.view_box.width() * BLOCKS_PER_PIXEL), MIN_BLOCKS)
        low, high = self.view_box.viewRange()[0]
        self.eta.redraw(low, high, blocks, self._follow)
        drawn = []
        for curve, series in ((self.train_curve, self.train_series),
                              (self.test_curve, self.test_series)):
            x, y = series.envelope() if self._follow else series.window(low, high)
            x, y = peak_downsample(x, y, blocks)
            drawn.append((x, self._to_view(y)))
            curve.setData(*drawn[-1])
        if self._follow:
            drawn.append(self.references.points())
            x, y = map(np.concatenate, zip(*drawn))
            if not len(x):  # nothing recorded yet: around the loss shown, if there is one
                x, y = np.zeros(1), self._to_view(np.array([self._shown_loss]))
            target = self._following_range(x, y)
            if target is None:  # no loss at all: not the last run's range, a fresh one
                target = ((0.0, 10.0), (-2.0, 1.0) if self.log_y else (0.0, 1.0))
            (x_low, x_high), y_range = target
            target = (x_low, max(x_high, x_low + MIN_EPOCH_SPAN)), y_range
            if target != self._range:
                self._range = target
                self.view_box.setRange(xRange=target[0], yRange=target[1], padding=0)

    def _following_range(self, x: np.ndarray, y: np.ndarray) -> tuple | None:
        """The stepped range for the drawn points; while training, the epoch axis stays as
        long as a second's training still fits (:data:`AHEAD_SECONDS`)."""
        ahead = AHEAD_SECONDS * self._epochs_per_second
        target = stepped_range(x, y, self.log_y, 2 * ahead)
        if None in (target, self._range) or ahead == 0 or x.max() + ahead > self._range[0][1]:
            return target
        return self._range[0], target[1]

    def _follow_data(self) -> None:
        """Show all the data again (a new run, another scale) and follow it as it grows."""
        self._follow, self._range = True, None
        self._redraw()

    def _on_range_changed(self) -> None:
        """Panned or zoomed (by hand, or by anyone but :meth:`_redraw`): stop following and
        cut out the epochs now in view. The view's own steps need no redraw."""
        if self._follow and self._range is not None:
            self._follow = np.allclose(self.view_box.viewRange(), self._range, rtol=1e-9)
        if not self._follow:
            self._redraw()

    def _to_view(self, loss: np.ndarray) -> np.ndarray:
        """Loss in view coordinates: log10 on a log scale (a zero loss falls off the plot)."""
        if not self.log_y:
            return loss
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log10(loss)

    def _show_status(self, epoch: int, train: float, test: float) -> None:
        parts = [epoch_words(epoch)]
        if math.isfinite(train):
            parts.append(f"{train_words()} {number_format.format_value(train)}")
        if math.isfinite(test):
            parts.append(f"{test_words()} {number_format.format_value(test)}")
        self.status_label.setText("   ".join(parts))

    def readout_text(self, epoch: float) -> str:
        """What the hover read-out says at ``epoch``: the nearest recorded train loss and the
        test loss interpolated between its measurements."""
        i = self._nearest(epoch)
        x = self.train_series.x[i]
        lines = [epoch_words(int(x)),
                 f"{train_words()} {number_format.format_value(self.train_series.y[i])}"]
        tx, ty = self.test_series.x, self.test_series.y
        if len(tx) and tx[0] <= x <= tx[-1]:
            test = number_format.format_value(float(np.interp(x, tx, ty)))
            lines.append(f"{test_words()} {test}")
        return "\n".join(lines)

    def _nearest(self, epoch: float) -> int:
        x = self.train_series.x
        i = int(np.clip(np.searchsorted(x, epoch), 0, len(x) - 1))
        return i - 1 if i > 0 and epoch - x[i - 1] < x[i] - epoch else i

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        view = self.plot.getPlotItem().vb
        if self.train_series.n == 0 or not view.sceneBoundingRect().contains(scene_pos):
            self.readout.hide()
            self.marker.setData([], [])
            return
        pos = view.mapSceneToView(scene_pos)
        i = self._nearest(pos.x())
        self.marker.setData([self.train_series.x[i]], self._to_view(self.train_series.y[i : i + 1]))
        self.readout.setText(self.readout_text(pos.x()))
        right_half = pos.x() > view.viewRect().center().x()
        self.readout.setAnchor((1.05, 1.05) if right_half else (-0.05, 1.05))
        self.readout.setPos(pos)
        self.readout.show()


def epoch_words(epoch: int) -> str:
    """``epoch 1,200``."""
    return translate("Views", "epoch {epoch}").format(epoch=f"{epoch:,}")
