"""The loss plot draws every measured loss of the history, and reads them out."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtWidgets import QCheckBox

from bpstudio.gui.views import LossPlotView, number_format, series, stepped
from tests.gui.views.runs import hover, make_view, n_points, sin_run, with_rows


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
    assert text.startswith(f"epoch 10\ntrain (epoch mean) {number_format.format_value(loss)}")
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
    assert second == f"train (epoch mean) {number_format.format_value(losses[epoch - 1])}"


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
