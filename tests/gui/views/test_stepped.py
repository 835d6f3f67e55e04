"""Axis ranges that grow in round steps instead of with every snapshot."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.gui.views import stepped


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


def test_stepped_log_range_never_rounds_past_the_floats():
    assert stepped.log_range(-3.0, np.log10(1.7e308)) == (-3, 308 + np.log10(2.0))
    assert stepped.log_range(-3.0, np.log10(0.15)) == pytest.approx((-3, np.log10(0.2)))
