"""The plot views draw what snapshots of real training say, and nothing else."""

from __future__ import annotations

import dataclasses

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as exporters
import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF
from PySide6.QtWidgets import QCheckBox

from bpstudio.core.snapshot import PlotGrid, make_snapshot
from bpstudio.gui.views import (
    DecisionRegionView,
    FitPlotView,
    LossPlotView,
    NetworkView,
    curve,
    log_axis,
    network_view,
    number_format,
    palette,
    series,
    stepped,
)
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, Table, TrainingConfig

SIN = dict(hidden=(LayerSpec(6, "tanh"),), output_activation="identity", loss="mse")
BINARY = dict(
    hidden=(LayerSpec(6, "tanh"),), output_activation="sigmoid", loss="binary_cross_entropy"
)
SOFTMAX = dict(hidden=(LayerSpec(6, "tanh"),), output_activation="softmax", loss="cross_entropy")


class Run:
    """A real network training on real data, snapshotted as the worker does."""

    def __init__(self, network: dict, data: DataSpec) -> None:
        session = Session(NetworkSpec(**network), data, TrainingConfig(learning_rate=0.05))
        bench = session.build()
        self.data, self.net, self.trainer = bench.data, bench.net, bench.trainer
        self.grid = PlotGrid.around(self.data.full.X, resolution=40)
        self.X, self.Y = bench.train_arrays()
        self.X_test, self.Y_test = bench.test_arrays()
        self.since = 0

    def snapshot(self, epochs: int = 0):
        self.trainer.fit(self.X, self.Y, epochs)
        metrics = {"train_loss": self.net.loss(self.X, self.Y)}
        if len(self.X_test):
            metrics["test_loss"] = self.net.loss(self.X_test, self.Y_test)
        grid_inputs = None
        if self.grid is not None:
            grid_inputs = self.data.standardizer.transform(self.grid.inputs)
        snap = make_snapshot(
            self.net, self.trainer.history, self.since, run_id=1, epochs_per_second=0.0,
            metrics=metrics, grid_inputs=grid_inputs,
        )
        self.since = len(self.trainer.history)
        return snap


def with_rows(snapshot, epochs: np.ndarray, train_losses: np.ndarray):
    """``snapshot`` as if these history rows (test loss not measured) had come with it."""
    return dataclasses.replace(
        snapshot, epoch=int(epochs[-1]), new_epochs=epochs, new_train_losses=train_losses,
        new_test_losses=np.full(len(epochs), np.nan),
    )


def make_view(qtbot, cls, run: Run | None = None):
    view = cls()
    qtbot.addWidget(view)
    view.resize(640, 420)
    if run is not None:
        view.set_data(run.data, run.grid)
    view.show()
    qtbot.waitExposed(view)
    return view


def hover(qtbot, view, x: float, y: float) -> None:
    """Move the mouse to view coordinates ``(x, y)`` of the view's plot."""
    plot = view.plot.getViewBox() if hasattr(view.plot, "getViewBox") else view.plot.vb
    widget = plot.scene().views()[0]
    qtbot.waitUntil(lambda: plot.viewRect().contains(QPointF(x, y)))  # drawn, as on screen
    target = None

    def settled() -> bool:  # new axis labels may still resize the plot: wait until it stays
        nonlocal target
        now = widget.mapFromScene(plot.mapViewToScene(QPointF(x, y)))
        still, target = now == target, now
        return still

    qtbot.waitUntil(settled)
    qtbot.mouseMove(widget.viewport(), target + QPoint(1, 1))
    qtbot.mouseMove(widget.viewport(), target)


def n_points(item) -> int:
    """How many points a curve item holds (``None`` data counts as none)."""
    data = item.getOriginalDataset() if hasattr(item, "getOriginalDataset") else item.getData()
    return 0 if data[0] is None else len(data[0])


def sin_run(test_fraction: float = 0.25) -> Run:
    return Run(SIN, DataSpec("sin", {"n": 40}, test_fraction=test_fraction, standardize=True))


# -- the frame around every view ---------------------------------------------------------------


class _LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.count += event.type() == QEvent.Type.LayoutRequest
        return False


def test_header_texts_change_without_relaying_out_the_window(qtbot):
    """A status that changes every frame must not have Qt recompute every layout up to the
    main window; only a text wider than any before asks for room."""
    view = make_view(qtbot, LossPlotView)
    requests = _LayoutRequests()
    view.installEventFilter(requests)
    view.status_label.setText("epoch 1,000   train 0.1000")
    qtbot.waitUntil(lambda: requests.count > 0)  # wider than before: room is asked for
    qtbot.waitUntil(lambda: view.status_label.width() >= view.status_label.sizeHint().width())
    requests.count = 0
    for epoch in range(1_001, 1_031):
        view.status_label.setText(f"epoch {epoch:,}   train 0.{epoch}")
        qtbot.wait(1)
    assert requests.count == 0
    assert view.status_label.text() == "epoch 1,030   train 0.1030"
    wide = view.status_label.sizeHint().width()
    view.status_label.fit_text("paused")
    assert view.status_label.sizeHint().width() < wide  # a new kind of text may shrink it
    assert view.status_label.minimumSizeHint().width() == 1  # narrow docks clip, not grow


def test_in_a_narrow_view_the_status_moves_under_the_legend(qtbot):
    view = make_view(qtbot, NetworkView)
    view.status_label.setText("widest line |w| = 0.4")
    header = view.header

    def status_in_header():
        return header.indexOf(view.status_label) >= 0

    view.resize(900, 300)
    qtbot.waitUntil(status_in_header)
    view.resize(260, 300)  # legend and status no longer fit on one line
    qtbot.waitUntil(lambda: not status_in_header())
    assert view.status_row.indexOf(view.status_label) >= 0
    view.resize(900, 300)
    qtbot.waitUntil(status_in_header)
    assert header.indexOf(view.status_label) == header.count() - 1  # back in its place


def test_a_views_own_controls_count_when_the_status_is_placed(qtbot):
    from bpstudio.gui.explain.neuron_view import NeuronView

    view = NeuronView()
    qtbot.addWidget(view)
    view.show()
    view.status_label.setText("A₁[:, 0]: 0.000201 … 0.9999")
    view.neuron_combo.addItem("layer 1, neuron 0")
    view.resize(420, 300)  # legend, status, neuron list and check box do not fit
    qtbot.waitUntil(lambda: view.status_row.indexOf(view.status_label) >= 0)
    assert view.neuron_combo.width() >= view.neuron_combo.sizeHint().width()
    view.resize(1000, 300)
    qtbot.waitUntil(lambda: view.header.indexOf(view.status_label) >= 0)
    assert view.header.indexOf(view.status_label) < view.header.indexOf(view.neuron_combo)


# -- loss ------------------------------------------------------------------------------------


def test_loss_curves_append_each_snapshot(qtbot):
    run = sin_run()
    view = make_view(qtbot, LossPlotView, run)
    first, second = run.snapshot(5), run.snapshot(7)
    view.show_snapshot(first)
    view.show_snapshot(second)
    x, y = view.train_series.x, view.train_series.y
    np.testing.assert_array_equal(x, np.arange(1, 13))
    np.testing.assert_array_equal(y, run.trainer.history.train_loss)
    x, y = view.test_series.x, view.test_series.y
    np.testing.assert_array_equal(x, [5, 12])
    np.testing.assert_array_equal(y, [first.metrics["test_loss"], second.metrics["test_loss"]])
    assert "epoch 12" in view.status_label.text()


def test_loss_draws_every_measured_test_loss_of_the_history(qtbot):
    # a file trained elsewhere opens with its whole history: every measured test loss shows
    run = sin_run()
    view = make_view(qtbot, LossPlotView, run)
    run.trainer.fit(run.X, run.Y, 6)
    run.trainer.history.test_loss[:] = [0.5, np.nan, 0.4, np.nan, 0.3, 0.25]
    snap = run.snapshot(0)
    view.show_snapshot(snap)
    np.testing.assert_array_equal(view.test_series.x, [1, 3, 5, 6])
    np.testing.assert_array_equal(view.test_series.y, [0.5, 0.4, 0.3, snap.metrics["test_loss"]])


def test_loss_starts_over_when_a_new_run_restarts_the_epochs(qtbot):
    view = make_view(qtbot, LossPlotView, sin_run())
    view.show_snapshot(sin_run().snapshot(30))
    fresh = sin_run()
    view.show_snapshot(fresh.snapshot(4))
    np.testing.assert_array_equal(view.train_series.x, [1, 2, 3, 4])
    np.testing.assert_array_equal(view.train_series.y, fresh.trainer.history.train_loss)
    np.testing.assert_array_equal(view.test_series.x, [4])
    qtbot.waitUntil(lambda: n_points(view.train_curve) == 4)  # redrawn a moment later


def test_log_toggle_switches_the_axis(qtbot):
    run = sin_run()
    view = make_view(qtbot, LossPlotView, run)
    view.show_snapshot(run.snapshot(10))
    check = view.findChild(QCheckBox, "logYCheck")
    axis = view.plot.getPlotItem().getAxis("left")
    assert check.isChecked() and axis.logMode  # losses fall by orders of magnitude
    np.testing.assert_allclose(
        view.train_curve.getData()[1], np.log10(run.trainer.history.train_loss)
    )
    check.click()
    assert not axis.logMode
    np.testing.assert_array_equal(view.train_curve.getData()[1], run.trainer.history.train_loss)
    check.click()
    assert axis.logMode


@pytest.mark.parametrize(
    ("value", "label"),
    [(1e-8, "10⁻⁸"), (5e-6, "5·10⁻⁶"), (0.002, "0.002"), (0.3, ""), (1.0, "1"), (2e4, "2·10⁴")],
)
def test_log_ticks_are_labelled_at_1_2_5(value, label):
    assert log_axis.log_label(value) == label


@pytest.mark.parametrize(
    ("low", "high", "pixels", "labels"),
    [
        (-2.1, 0.1, 400, ["0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1"]),  # 180 px a decade
        (-4.1, 0.1, 200, ["10⁻⁴", "0.001", "0.01", "0.1", "1"]),  # 48 px: decades only
        (-11.2, 0.2, 200, ["10⁻¹⁰", "10⁻⁸", "10⁻⁶", "10⁻⁴", "0.01", "1"]),  # 17.5 px
        (-2.45, -2.05, 300, ["0.004", "0.005", "0.006", "0.007", "0.008"]),  # within a decade
    ],
)
def test_log_axis_labels_never_crowd(qtbot, low, high, pixels, labels):
    view = make_view(qtbot, LossPlotView)
    axis = view.plot.getPlotItem().getAxis("left")
    shown = [
        text
        for spacing, values in axis.tickValues(low, high, pixels)
        for text in axis.tickStrings(values, 1.0, spacing)
        if text
    ]
    assert sorted(shown) == sorted(labels)


@pytest.mark.parametrize("log_y", [False, True])
def test_hover_reads_out_epoch_and_loss(qtbot, log_y):
    run = sin_run()
    view = make_view(qtbot, LossPlotView, run)
    view.log_check.setChecked(log_y)
    view.show_snapshot(run.snapshot(8))
    view.show_snapshot(run.snapshot(12))
    loss = run.trainer.history.train_loss[9]
    hover(qtbot, view, 10.2, np.log10(loss) if log_y else loss)
    qtbot.waitUntil(view.readout.isVisible)
    text = view.readout.toPlainText()
    assert text.startswith(f"epoch 10\ntrain {number_format.format_value(loss)}")
    test_at_10 = np.interp(10, view.test_series.x, view.test_series.y)
    assert text.endswith(f"test {number_format.format_value(test_at_10)}")
    np.testing.assert_array_equal(view.marker.getOriginalDataset()[0], [10])


def test_clear_empties_the_loss_plot(qtbot):
    run = sin_run()
    view = make_view(qtbot, LossPlotView, run)
    view.show_snapshot(run.snapshot(500))
    view.clear()
    assert n_points(view.train_curve) == n_points(view.test_curve) == 0
    x1 = view.view_box.viewRange()[0][1]
    assert x1 < 100  # the last run's 500 epochs are not kept as an empty range
    view.show_snapshot(run.snapshot(2))
    np.testing.assert_array_equal(view.train_curve.getData()[0], [501, 502])


def test_long_histories_are_drawn_downsampled(qtbot):
    run = sin_run()
    view = make_view(qtbot, LossPlotView, run)
    n = 1_000_000
    losses = np.exp(-np.arange(n) / 2e5)
    losses[123_456] = 5.0  # a spike must survive the downsampling
    snap = with_rows(run.snapshot(0), np.arange(1, n + 1), losses)
    view.show_snapshot(snap)
    vb = view.plot.getViewBox()
    qtbot.waitUntil(lambda: vb.viewRect().right() >= n)
    assert view.train_series.n == n
    assert n_points(view.train_curve) <= 2 * series.ENVELOPE_BLOCKS + n // series.ENVELOPE_BLOCKS
    x, y = view.train_curve.getData()
    assert len(x) < 4 * view.plot.width()
    assert y.max() == pytest.approx(np.log10(5.0))
    hover(qtbot, view, 500_000, np.log10(losses[499_999]))
    qtbot.waitUntil(view.readout.isVisible)
    first, second = view.readout.toPlainText().split("\n")[:2]
    epoch = int(first.removeprefix("epoch ").replace(",", ""))
    pixel = vb.viewRect().width() / vb.width()
    assert abs(epoch - 500_000) <= 2 * pixel  # where the pointer is (hover wiggles a pixel)
    assert second == f"train {number_format.format_value(losses[epoch - 1])}"


@pytest.mark.parametrize(
    ("function", "low", "high", "expected"),
    [
        (stepped.growing_range, 1, 1_000, (0, 1_000)),
        (stepped.growing_range, 0, 1_001, (0, 1_500)),
        (stepped.growing_range, 1, 6_100, (0, 8_000)),
        (stepped.growing_range, -500, 1_001, (-600, 1_200)),  # data left of 0: round steps
        (stepped.linear_range, 0.013, 0.48, (0.0, 0.5)),
        (stepped.linear_range, 0.95, 1.05, (0.95, 1.05)),
        (stepped.log_range, np.log10(0.0031), np.log10(0.7), (-3.0, 0.0)),
        (stepped.log_range, -3.0, np.log10(4.2), (-3.0, np.log10(5.0))),
    ],
)
def test_ranges_snap_outward_to_round_values(function, low, high, expected):
    assert function(low, high) == pytest.approx(expected)


def test_loss_range_grows_in_steps_not_every_snapshot(qtbot):
    """Axes and grid are redrawn when the range changes: it must hold while the curve grows
    into it, and always show every point."""
    run = sin_run()
    view = make_view(qtbot, LossPlotView, run)
    vb = view.plot.getViewBox()
    view.show_snapshot(run.snapshot(100))
    qtbot.waitUntil(lambda: vb.viewRange()[0] == [0.0, 100.0])
    changes = []
    vb.sigRangeChanged.connect(lambda *_: changes.append(vb.viewRange()))
    for _ in range(12):  # epoch 101 to 148: one step, to 150
        view.show_snapshot(run.snapshot(4))
        qtbot.waitUntil(lambda: vb.viewRange()[0][1] >= run.trainer.epoch)
    assert [x for x, _ in changes] == [[0.0, 150.0]]
    (_, _), (low, high) = vb.viewRange()
    losses = np.log10(run.trainer.history.train_loss)
    assert low <= losses.min() and losses.max() <= high
    top = np.log10(stepped.ladder_up(10 ** losses.max(), (1, 2, 5, 10)))  # a round value ...
    bottom = np.floor(losses.min())
    assert high == pytest.approx(top + stepped.Y_MARGIN * (top - bottom))  # ... and a margin


def test_the_epoch_axis_leaves_room_for_a_second_of_training(qtbot):
    """Early on every step of the range would pass in a fraction of a second."""
    run = sin_run()
    view = make_view(qtbot, LossPlotView, run)
    vb = view.plot.getViewBox()
    view.show_snapshot(dataclasses.replace(run.snapshot(100), epochs_per_second=2_000.0))
    qtbot.waitUntil(lambda: vb.viewRange()[0] == [0.0, 5_000.0])  # 100 + 2 s: up to 5,000
    view.show_snapshot(dataclasses.replace(run.snapshot(10), epochs_per_second=20.0))
    assert vb.viewRange()[0] == [0.0, 5_000.0]  # slower now, but it does not shrink back ...
    view.show_snapshot(run.snapshot(10))  # ... until training pauses: then it fits the data
    assert vb.viewRange()[0] == [0.0, 150.0]



def test_zooming_into_the_loss_draws_the_epochs_in_view_in_full(qtbot):
    run = sin_run()
    view = make_view(qtbot, LossPlotView, run)
    n = 50_000
    losses = np.exp(-np.arange(n) / 1e4)
    view.show_snapshot(with_rows(run.snapshot(0), np.arange(1, n + 1), losses))
    qtbot.waitUntil(lambda: n_points(view.train_curve) > 0)
    assert n_points(view.train_curve) < 2 * view.plot.width()  # downsampled: all in view
    view.plot.getViewBox().setXRange(1_000, 1_100, padding=0)  # as a mouse zoom does
    qtbot.waitUntil(lambda: n_points(view.train_curve) < 200)
    x, y = view.train_curve.getData()
    np.testing.assert_array_equal(x, np.arange(999, 1_102))  # and one beyond either edge
    np.testing.assert_allclose(y, np.log10(losses[998:1_101]))
    # training goes on: the view stays where it is
    view.show_snapshot(with_rows(run.snapshot(0), np.arange(n + 1, n + 11), np.full(10, 1e-3)))
    assert view.plot.getViewBox().viewRange()[0] == pytest.approx([1_000, 1_100])
    view.clear()  # a new run: all of it in view again
    view.show_snapshot(run.snapshot(30))
    qtbot.waitUntil(lambda: view.plot.getViewBox().viewRange()[0] == [0, 30])


def test_peak_downsampling_keeps_spikes_and_the_direction_of_each_block():
    x = np.arange(1.0, 1_001.0)
    y = np.linspace(10.0, 0.0, 1_000)  # falling
    y[500] = 50.0  # a spike
    y[600:605] = np.nan
    xd, yd = curve.peak_downsample(x, y, bins=100)
    assert len(xd) == 200
    assert xd[0] == 1 and xd[-1] == 1_000
    assert yd.max() == 50.0 and yd.min() == 0.0
    assert yd[0] == 10.0 and yd[1] == y[9]  # a falling block: its larger value first
    assert np.isfinite(yd).all()  # NaN skipped where a block has other values
    short = np.arange(5.0)
    assert curve.peak_downsample(short, short, bins=100)[1] is short


def test_bold_curve_looks_two_pixels_wide_on_screen_and_in_exports(qtbot):
    """On screen three 1 px strokes (cheap), in an export one 2 px stroke: both ~2 px."""
    widget = pg.PlotWidget(background="w")
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    item = curve.BoldCurve("#000000")
    widget.addItem(item)
    item.setData([0.0, 1.0], [0.5, 0.5])
    widget.show()
    qtbot.waitExposed(widget)

    def thickness(image) -> float:
        """Ink across the line, in pixels: 1 - value of each pixel in a column, summed."""
        return sum(1 - image.pixelColor(image.width() // 2, row).valueF()
                   for row in range(image.height()))

    on_screen = thickness(widget.grab().toImage())
    exported = thickness(exporters.ImageExporter(widget.getPlotItem()).export(toBytes=True))
    # a 2 px stroke that straddles a pixel row edge inks three rows when it is not antialiased
    # (where the line lands depends on the axis widths, i.e. on fonts set by earlier tests);
    # a 1 px or a 4 px line is still caught
    assert 1.6 <= on_screen <= 3.0 and 1.6 <= exported <= 3.0, (on_screen, exported)


def test_series_envelope_keeps_block_extremes_as_it_grows():
    rng = np.random.default_rng(0)
    y = rng.normal(size=10_000)
    grown = series.Series()
    for chunk in np.array_split(np.arange(10_000), 37):
        grown.extend(chunk + 1, y[chunk])
        grown.envelope(limit=500)
    x_env, y_env = grown.envelope(limit=500)
    blocks = y[: 312 * 32].reshape(312, 32)  # 10,000 epochs, at most 500 blocks: 312 of 32
    np.testing.assert_array_equal(y_env[0:624:2], blocks.max(axis=1))
    np.testing.assert_array_equal(y_env[1:624:2], blocks.min(axis=1))
    np.testing.assert_array_equal(x_env[:4], [17, 17, 49, 49])  # block middles
    np.testing.assert_array_equal(y_env[624:], y[9_984:])  # the tail as it is
    grown.keep_before(5_001)
    x_env, y_env = grown.envelope(limit=500)
    np.testing.assert_array_equal(x_env[310:314], [4_977, 4_977, 4_993, 4_994])
    assert y_env.max() == y[:5_000].max() and grown.n == 5_000


# -- fit -------------------------------------------------------------------------------------


def test_fit_draws_points_truth_and_the_network_curve(qtbot):
    run = sin_run()
    view = make_view(qtbot, FitPlotView, run)
    assert len(view.train_points.data) == run.data.train.n_samples == 30
    assert len(view.test_points.data) == run.data.test.n_samples == 10
    x, y = view.truth_curve.getData()
    np.testing.assert_array_equal(x, run.grid.xs)
    np.testing.assert_array_equal(y, np.sin(run.grid.xs))
    snap = run.snapshot(3)
    view.show_snapshot(snap)
    x, y = view.model_curve.getData()
    np.testing.assert_array_equal(x, run.grid.xs)
    np.testing.assert_array_equal(
        y, run.net.predict(run.data.standardizer.transform(run.grid.inputs))[:, 0]
    )
    view.clear()
    assert n_points(view.model_curve) == 0
    assert len(view.train_points.data) == 30


def test_fit_draws_the_first_of_several_outputs(qtbot):
    X = np.linspace(-1, 1, 20).reshape(-1, 1)
    table = Table(X, np.column_stack([X[:, 0] ** 2, -X[:, 0]]), "regression")
    run = Run(SIN, DataSpec("table", table=table))
    view = make_view(qtbot, FitPlotView, run)
    np.testing.assert_array_equal(view.train_points.data["y"], X[:, 0] ** 2)
    assert n_points(view.truth_curve) == 0
    snap = run.snapshot(2)
    view.show_snapshot(snap)
    np.testing.assert_array_equal(view.model_curve.getData()[1], snap.grid_outputs[:, 0])


@pytest.mark.parametrize("ys, note", [
    ([28.1, 34.6], "curve above the plot: ŷ 28.1 … 34.6"),
    ([-9.0, -3.0], "curve below the plot: ŷ -9 … -3"),
    ([-50.0, np.nan, 50.0], "curve outside the plot: ŷ -50 … 50"),
    ([0.5, 40.0], ""),
    ([np.nan, np.inf], ""),
    ([], ""),
])
def test_fit_names_where_a_curve_out_of_sight_is(ys, note):
    from bpstudio.gui.views.fit_plot import off_plot_note

    assert off_plot_note(np.array(ys), -2.0, 2.0) == note


def test_fit_says_when_the_network_curve_is_above_the_plot_until_it_is_in_sight(qtbot):
    run = sin_run()
    view = make_view(qtbot, FitPlotView, run)
    run.net.biases[-1] += 100.0  # far above the sine's -1..1, as the textbook's uniform start
    view.show_snapshot(run.snapshot(0))
    qtbot.waitUntil(lambda: "curve above the plot: ŷ" in view.status_label.text())
    high = view.plot.getPlotItem().viewRange()[1][1]
    assert high < 10 and view.model_curve.getData()[1].min() > high  # the data keep the frame
    view.plot.getPlotItem().setYRange(-5, 150, padding=0)  # the person zooms out: in sight
    qtbot.waitUntil(lambda: "curve" not in view.status_label.text())
    view.clear()
    assert view.status_label.text() == ""


def test_fit_explains_when_there_is_nothing_to_fit(qtbot):
    run = Run(BINARY, DataSpec("xor", {"n": 40}))
    view = make_view(qtbot, FitPlotView, run)
    assert "classification" in view.message
    view.show_snapshot(run.snapshot(1))
    assert n_points(view.model_curve) == 0


# -- decision regions ------------------------------------------------------------------------


def test_binary_regions_shade_the_probability_with_fixed_levels(qtbot):
    run = Run(BINARY, DataSpec("circles", {"n": 60}, test_fraction=0.25, standardize=True))
    view = make_view(qtbot, DecisionRegionView, run)
    assert len(view.train_points.data) == 45 and len(view.test_points.data) == 15
    snap = run.snapshot(5)
    view.show_snapshot(snap)
    image = view.image.image
    assert image.shape == (40, 40, 3) and image.dtype == np.uint8
    np.testing.assert_array_equal(view.image.getLevels(), [0, 255])
    lut = palette.diverging_lut()
    index = np.rint(snap.grid_outputs.reshape(40, 40) * 255).astype(int)
    np.testing.assert_array_equal(image, lut[index])  # pixel (i, j) shades output (i, j)
    view.show_snapshot(dataclasses.replace(snap, epoch=snap.epoch + 1))
    assert view.image.image is image  # looks the same: not redrawn
    fixed = np.tile([0.0, 0.5, 1.0, np.nan], 400).reshape(-1, 1)  # the same colours whatever
    view.show_snapshot(dataclasses.replace(snap, grid_outputs=fixed))  # else is on screen
    blue, white, orange = (tuple(int(v) for v in c) for c in (
        palette.shade(palette.BLUE).round(), (255, 255, 255),
        palette.shade(palette.ORANGE).round()))
    assert [tuple(int(v) for v in view.image.image[0, j]) for j in range(4)] == [
        blue, white, orange, white]  # an overflowed output is white
    rect = view.image.mapRectToView(view.image.boundingRect())
    dx = run.grid.xs[1] - run.grid.xs[0]
    assert rect.left() == pytest.approx(run.grid.xs[0] - dx / 2)
    assert rect.width() == pytest.approx(40 * dx)
    boundary_x, _ = view.boundary.getData()
    assert len(boundary_x) > 0 and len(boundary_x) % 2 == 0


def test_regions_report_accuracy_and_leave_out_what_was_not_measured(qtbot):
    run = Run(BINARY, DataSpec("xor", {"n": 40}))
    view = make_view(qtbot, DecisionRegionView, run)
    metrics = {"train_accuracy": 0.975, "test_accuracy": float("nan")}
    view.show_snapshot(dataclasses.replace(run.snapshot(1), metrics=metrics))
    assert view.status_label.text() == "accuracy   train 97.5 %"
    assert number_format.score_text({"train_r2": 0.98123, "test_r2": 0.5}, "r2") == (
        "R²   train 0.981   test 0.500"
    )
    # a diverged fit's R² is short, not three hundred digits
    assert number_format.score_text({"train_r2": -2.3e300}, "r2") == "R²   train -2.3e+300"


@pytest.mark.parametrize("cls", [LossPlotView, FitPlotView, DecisionRegionView])
def test_legends_name_test_data_only_when_there_is_some(qtbot, cls):
    network, name = (SIN, "sin") if cls is FitPlotView else (BINARY, "xor")
    view = make_view(qtbot, cls)
    for fraction, shown in ((0.25, True), (0.0, False)):
        run = Run(network, DataSpec(name, {"n": 40}, test_fraction=fraction))
        view.set_data(run.data, run.grid)
        assert ("train" in view.legend_label.text(), "test" in view.legend_label.text()) == (
            True, shown)


def test_test_points_are_hollow_and_coloured_by_class(qtbot):
    run = Run(BINARY, DataSpec("xor", {"n": 40}, test_fraction=0.5))
    view = make_view(qtbot, DecisionRegionView, run)
    train, test = view.train_points.data, view.test_points.data
    for points, labels in ((train, run.data.train.y), (test, run.data.test.y)):
        colours = [
            (p["brush"] if points is train else p["pen"]).color().name() for p in points
        ]
        assert colours == [palette.class_colour(int(c)) for c in labels]
    assert view.test_points.opts["brush"].color().name() == "#ffffff"  # hollow: white inside


def test_softmax_regions_show_the_class_colours(qtbot):
    run = Run(SOFTMAX, DataSpec("gaussians", {"n": 60, "classes": 3}))
    view = make_view(qtbot, DecisionRegionView, run)
    snap = run.snapshot(2)
    thirds = np.repeat(np.eye(3), [600, 500, 500], axis=0)  # rows 0-14 class 0, ...
    view.show_snapshot(dataclasses.replace(snap, grid_outputs=thirds))
    image = view.image.image
    assert image.shape == (40, 40, 3) and image.dtype == np.uint8
    np.testing.assert_array_equal(view.image.getLevels(), [0, 255])
    colours = {tuple(int(v) for v in c) for c in image.reshape(-1, 3)}
    expected = {tuple(int(v) for v in palette.shade(palette.class_colour(k)).round())
                for k in range(3)}
    assert colours == expected
    assert len(view.boundary.getData()[0]) > 0


def test_softmax_blend_mixes_colours_by_probability(qtbot):
    run = Run(SOFTMAX, DataSpec("gaussians", {"n": 60, "classes": 3}))
    view = make_view(qtbot, DecisionRegionView, run)
    mixed = view.blend(np.array([[[0.5, 0.5, 0.0]]]))
    half = (palette.shade(palette.class_colour(0)) + palette.shade(palette.class_colour(1))) / 2
    np.testing.assert_array_equal(mixed[0, 0], half.round())


@pytest.mark.parametrize(
    ("network", "data", "reason"),
    [
        (BINARY, DataSpec("binary4"), "this data has 4"),
        (SIN, DataSpec("sin", {"n": 10}), "regression"),
    ],
)
def test_regions_explain_when_there_is_no_plane(qtbot, network, data, reason):
    run = Run(network, data)
    view = make_view(qtbot, DecisionRegionView, run)
    assert reason in view.message
    view.show_snapshot(run.snapshot(1))
    assert view.image.image is None


def test_clear_forgets_the_regions(qtbot):
    run = Run(BINARY, DataSpec("moons", {"n": 40}))
    view = make_view(qtbot, DecisionRegionView, run)
    view.show_snapshot(run.snapshot(1))
    view.clear()
    assert view.image.image is None
    assert n_points(view.boundary) == 0


def _model_curve(view, snapshot=None):
    return view.model_curve.getData()[1] if snapshot is None else snapshot.grid_outputs[:, 0]


def _region_image(view, snapshot=None):
    if snapshot is None:
        return view.image.image
    return view.shade_probability(view._grid.shape_outputs(snapshot.grid_outputs)[:, :, 0])


@pytest.mark.parametrize(
    ("cls", "network", "data", "drawn"),
    [
        (FitPlotView, SIN, DataSpec("sin", {"n": 40}), _model_curve),
        (DecisionRegionView, BINARY, DataSpec("moons", {"n": 40}), _region_image),
    ],
)
def test_live_plots_draw_each_snapshot_at_once_and_clear_forgets_it(
        qtbot, cls, network, data, drawn):
    """How often they draw is the training controller's to pace (tests/gui/test_frames.py)."""
    run = Run(network, data)
    view = make_view(qtbot, cls, run)
    first = run.snapshot(1)
    view.show_snapshot(first)
    np.testing.assert_array_equal(drawn(view), drawn(view, first))
    second = run.snapshot(30)
    view.show_snapshot(second)  # right after: drawn too
    np.testing.assert_array_equal(drawn(view), drawn(view, second))
    view.show_snapshot(run.snapshot(5))
    view.clear()  # nothing brings the old network's output back
    qtbot.wait(50)
    assert n_points(view.model_curve if cls is FitPlotView else view.boundary) == 0


# -- network diagram -------------------------------------------------------------------------


def _weights_run(sizes_hidden: tuple[int, ...]) -> Run:
    network = dict(SIN, hidden=tuple(LayerSpec(n, "tanh") for n in sizes_hidden))
    return Run(network, DataSpec("sin", {"n": 10}))


def test_lines_are_coloured_by_sign_and_as_wide_as_the_magnitude(qtbot):
    run = _weights_run((5,))
    W1, W2 = run.net.weights
    W1[0, :] = [2.0, -2.0, 0.1, -0.1, 1.0]
    W2[:, 0] = [0.5, -0.5, 0.05, -1.5, 0.0]
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(0))
    strong_pos, strong_neg = view.line_pen(1, 0, 0), view.line_pen(1, 0, 1)
    weak_pos, weak_neg = view.line_pen(1, 0, 2), view.line_pen(1, 0, 3)
    assert strong_pos.color().name() == palette.ORANGE
    assert strong_neg.color().name() == palette.BLUE
    for weak, strong in ((weak_pos, strong_pos), (weak_neg, strong_neg)):  # paler, same hue
        assert abs(weak.color().hue() - strong.color().hue()) <= 3
        assert weak.color().lightness() > strong.color().lightness()
    assert strong_pos.widthF() == strong_neg.widthF() > view.line_pen(1, 0, 4).widthF()
    assert view.line_pen(1, 0, 4).widthF() > weak_pos.widthF() == weak_neg.widthF()
    assert abs(view.line_pen(2, 3, 0).color().hue() - strong_neg.color().hue()) <= 3
    drawn = view.drawn_lines(1)
    assert drawn == 1 * 5


def test_lines_move_between_widths_as_the_weights_change(qtbot):
    """Only the widths whose lines changed are redrawn: what is drawn must still match."""
    run = _weights_run((8, 6))
    view = make_view(qtbot, NetworkView, run)
    rng = np.random.default_rng(3)
    for _ in range(6):
        for W in run.net.weights:
            W += rng.normal(0, 0.3, W.shape)  # some lines change width or sign, most do not
        view.show_snapshot(run.snapshot(0))
        for index, keys in enumerate(view._keys):
            for key in range(2 * network_view.WIDTH_LEVELS):
                assert view._lines.count(index, key) == np.count_nonzero(keys == key)


def test_hovering_a_line_names_the_weight(qtbot):
    run = _weights_run((5,))
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(2))
    (x0, x1), (y0, y1) = view._layout.line(2, 3, 0)
    hover(qtbot, view, (x0 + x1) / 2, (y0 + y1) / 2)
    qtbot.waitUntil(view.readout.isVisible)
    value = number_format.format_value(run.net.weights[1][3, 0])
    assert view.readout.toPlainText() == f"W2[3,0] = {value}"
    np.testing.assert_array_equal(view.highlight.getData()[0], [x0, x1])


def test_hovering_a_neuron_names_its_bias(qtbot):
    run = _weights_run((5,))
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(2))
    ys = view._layout.columns[1]
    hover(qtbot, view, 1.0, ys[2])
    qtbot.waitUntil(view.readout.isVisible)
    bias = number_format.format_value(run.net.biases[0][2])
    assert view.readout.toPlainText() == f"b1[2] = {bias}"


def test_a_network_without_biases_fills_its_neurons_as_zero_biases(qtbot):
    network = dict(SIN, bias=False)
    run = Run(network, DataSpec("sin", {"n": 10}))
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(1))
    brushes = [spot.brush().color().name() for spot in view.neurons.points()]
    zero = network_view._bias_brush(True, 0).color().name()
    assert brushes == [network_view._INPUT_BRUSH.color().name()] + [zero] * 7


def test_large_layers_draw_only_the_strongest_lines(qtbot):
    run = _weights_run((100, 100))
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(0))
    drawn = view.drawn_lines(2)
    assert drawn == network_view.MAX_LINES
    W2 = np.abs(run.net.weights[1])
    weakest = np.unravel_index(np.argmin(W2), W2.shape)
    strongest = np.unravel_index(np.argmax(W2), W2.shape)
    assert view.line_pen(2, *weakest) is None
    assert view.line_pen(2, *strongest) is not None
    assert len(view.neurons.data) == 1 + 100 + 100 + 1


def test_network_follows_the_weights_and_clears(qtbot):
    run = _weights_run((3,))
    view = make_view(qtbot, NetworkView, run)
    assert view.message
    run.net.weights[0][0, 0] = 5.0
    view.show_snapshot(run.snapshot(0))
    assert not view.message
    assert len(view.neurons.data) == 5
    assert view.line_pen(1, 0, 0).color().name() == palette.ORANGE
    run.net.weights[0][0, 0] = -5.0
    view.show_snapshot(run.snapshot(0))  # soon after the last one: drawn as well
    assert view.line_pen(1, 0, 0).color().name() == palette.BLUE
    view.show_snapshot(run.snapshot(0))
    view.clear()  # nothing brings the diagram back
    qtbot.wait(50)
    assert len(view.neurons.data) == 0 and view.drawn_lines(1) == 0
    assert view.message


# -- data at the ends of the float range --------------------------------------------------------


def extreme_table(task: str, reach: float) -> DataSpec:
    if task == "classification":
        X = np.array([[reach, -reach], [-reach, reach], [0.0, 0.0], [1.0, 1.0]])
        return DataSpec("table", table=Table(X, np.array([0, 1, 0, 1]), task))
    X = np.array([[reach], [-reach], [0.0], [1.0]])
    return DataSpec("table", table=Table(X, np.arange(4.0).reshape(-1, 1), task))


@pytest.mark.parametrize("cls, network, task", [
    (FitPlotView, SIN, "regression"), (DecisionRegionView, BINARY, "classification"),
])
def test_data_too_far_out_to_draw_gets_a_note_instead(qtbot, cls, network, task):
    """Inputs of ±1.797e308 made pyqtgraph's range NaN ("Cannot set range [nan, nan]")."""
    from bpstudio.gui.explain.neuron_view import NeuronView

    run = Run(network, extreme_table(task, 1.797e308))
    for view_class in (cls, NeuronView):
        view = make_view(qtbot, view_class, run)
        view.show_snapshot(run.snapshot(1))
        view.grab()  # paints without an exception
        assert "reach ±1.797e+308: too far out to draw" in view.message


@pytest.mark.parametrize("cls, network, task", [
    (FitPlotView, SIN, "regression"), (DecisionRegionView, BINARY, "classification"),
])
def test_data_far_out_but_within_reach_is_drawn(qtbot, cls, network, task):
    run = Run(network, extreme_table(task, 1e299))
    view = make_view(qtbot, cls, run)
    view.show_snapshot(run.snapshot(1))
    view.grab()
    assert view.message == ""


@pytest.mark.parametrize("log_y", [True, False])
@pytest.mark.parametrize("top", [1e300, 1.7e308])
def test_losses_near_the_largest_float_are_framed(qtbot, log_y, top):
    """A log range rounded 1.7e308 up to 2e308 = inf ("Cannot set range [-inf, inf]")."""
    run = Run(SIN, DataSpec("sin"))
    view = make_view(qtbot, LossPlotView, run)
    view.log_check.setChecked(log_y)
    snap = run.snapshot(1)
    view.show_snapshot(with_rows(snap, np.array([1, 2, 3]), np.array([1.0, top / 2, top])))
    view.grab()
    (x_low, x_high), (y_low, y_high) = view.view_box.viewRange()
    assert np.isfinite([x_low, x_high, y_low, y_high]).all() and y_high > y_low
    assert view._follow  # pyqtgraph took the range as it was asked: within its limits
    top_in_view = np.log10(top) if log_y else top
    assert y_high >= min(top_in_view, 308.2 if log_y else 1e300)


def test_stepped_log_range_never_rounds_past_the_floats():
    assert stepped.log_range(-3.0, np.log10(1.7e308)) == (-3, 308 + np.log10(2.0))
    assert stepped.log_range(-3.0, np.log10(0.15)) == pytest.approx((-3, np.log10(0.2)))
