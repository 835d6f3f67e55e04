"""A view range that follows growing data in steps instead of every frame.

When the range changes, pyqtgraph regenerates the axis with its grid and text and redraws the
whole plot: ~6 ms for the loss plot, against ~1 ms for a frame that only redraws the curves,
time taken from the training thread (both share the GIL). Snapped outward to round values,
the range of a growing loss curve changes a few times a decade.
"""

from __future__ import annotations

import math

import numpy as np

from .reach import LOG_LIMITS, PLOT_LIMIT

GROWTH_LADDER = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
"""Where a range from 0 grows to (times a power of ten): the data fills at least 2/3 of it."""

TICK_LADDER = (1.0, 2.0, 5.0, 10.0)
"""Where a log range ends and the steps of a linear one, as the ticks are labelled."""

LINEAR_STEPS = 10
"""A linear range is snapped to a round step of about 1/this of the data's span."""

Y_MARGIN = 0.04
"""Share of the y range added above and below: a label on the range's end would be cut."""

_TOLERANCE = 1e-9


def ladder_up(value: float, ladder: tuple[float, ...] = GROWTH_LADDER) -> float:
    """The smallest ``ladder[i] * 10**k`` at or above ``value`` (> 0)."""
    power = 10.0 ** math.floor(math.log10(value))
    return next(step * power for step in ladder if step * power >= value * (1 - _TOLERANCE))


def growing_range(low: float, high: float) -> tuple[float, float]:
    """From 0 to the next step of :data:`GROWTH_LADDER` for data from 0 on (epochs); other
    ranges as :func:`linear_range`."""
    if low < 0 or high <= 0:
        return linear_range(low, high)
    return 0.0, ladder_up(high)


def linear_range(low: float, high: float) -> tuple[float, float]:
    """Outward to multiples of a round step (1, 2 or 5 times a power of ten) near a tenth
    of the span."""
    span = high - low if high > low else abs(high) or 1.0
    step = ladder_up(span / LINEAR_STEPS, TICK_LADDER)
    return math.floor(low / step) * step, math.ceil(high / step) * step


def log_range(low: float, high: float) -> tuple[float, float]:
    """``low`` and ``high`` are log10 of the values: down to a power of ten (a falling loss
    moves the range once a decade) and up to 1, 2 or 5 times one, where the axis has labels
    (worked out in decades: ``10**high`` of a loss near 1.8e308 rounds up past the floats)."""
    decade = math.floor(high)
    return math.floor(low + _TOLERANCE), decade + math.log10(
        ladder_up(10.0 ** (high - decade), TICK_LADDER))


def stepped_range(
    x: np.ndarray, y: np.ndarray, log_y: bool, x_ahead: float = 0.0
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The view range for points ``x``, ``y`` in view coordinates (``y`` is log10 of the
    values when ``log_y``): x by :func:`growing_range` with room for ``x_ahead`` more, y by
    :func:`log_range` or :func:`linear_range` with a margin of :data:`Y_MARGIN` (so the
    labels at its ends show), half a unit either side of a single round value; ``None``
    without a finite point. A range ends where pyqtgraph can still draw: ±
    :data:`~.reach.PLOT_LIMIT`, or :data:`~.reach.LOG_LIMITS` on a log scale."""
    finite = np.isfinite(x) & np.isfinite(y)
    if not finite.any():
        return None
    x, y = x[finite], y[finite]
    limits = LOG_LIMITS if log_y else (-PLOT_LIMIT, PLOT_LIMIT)
    y = np.clip(y, *limits)  # a range stays where pyqtgraph can draw; more falls off it
    ranges = []
    for snap, low, high in (
        (growing_range, x.min(), x.max() + x_ahead),
        (log_range if log_y else linear_range, y.min(), y.max()),
    ):
        low, high = snap(float(low), float(high))
        ranges.append((low, high) if high > low else (low - 0.5, high + 0.5))
    (y_low, y_high), margin = ranges[1], Y_MARGIN * (ranges[1][1] - ranges[1][0])
    return ranges[0], (max(y_low - margin, limits[0]), min(y_high + margin, limits[1]))
