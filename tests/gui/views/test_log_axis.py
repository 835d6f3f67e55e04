"""The loss plot's logarithmic axis: ticks at 1, 2, 5 that never crowd."""

from __future__ import annotations

import pytest

from bpstudio.gui.views import LossPlotView, log_axis
from tests.gui.views.runs import make_view


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
