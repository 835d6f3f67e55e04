"""A view range that follows growing data in steps instead of every frame.

When the range changes, pyqtgraph regenerates both axes with their grid and text, redraws the
whole plot and re-downsamples every curve: 10-30 ms for the loss plot, time taken from the
training thread (both share the GIL). Snapped outward to round values, the range of a growing
loss curve changes a few times a decade, and most frames only redraw the curves.
"""

from __future__ import annotations

import math

import pyqtgraph as pg

GROWTH_LADDER = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
"""Where a range from 0 grows to (times a power of ten): the data fills at least 2/3 of it."""

TICK_LADDER = (1.0, 2.0, 5.0, 10.0)
"""Round values of a log axis and the steps of a linear one, as the ticks are labelled."""

LINEAR_STEPS = 10
"""A linear range is snapped to a round step of about 1/this of the data's span."""

_TOLERANCE = 1e-9


def ladder_up(value: float, ladder: tuple[float, ...] = GROWTH_LADDER) -> float:
    """The smallest ``ladder[i] * 10**k`` at or above ``value`` (> 0)."""
    power = 10.0 ** math.floor(math.log10(value))
    return next(step * power for step in ladder if step * power >= value * (1 - _TOLERANCE))


def ladder_down(value: float, ladder: tuple[float, ...] = TICK_LADDER) -> float:
    """The largest ``ladder[i] * 10**k`` at or below ``value`` (> 0)."""
    power = 10.0 ** math.floor(math.log10(value))
    return max(step * power for step in ladder if step * power <= value * (1 + _TOLERANCE))


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
    """``low`` and ``high`` are log10 of the values: outward to log10 of 1, 2 or 5 times a
    power of ten, where the log axis has its labels."""
    return (math.log10(ladder_down(10.0**low)), math.log10(ladder_up(10.0**high, TICK_LADDER)))


class SteppedViewBox(pg.ViewBox):
    """A ViewBox whose auto-range snaps outward: x with :func:`growing_range`, y with
    :func:`log_range` when :attr:`log_y` (the items then hold log10 values), else with
    :func:`linear_range`. Panning or zooming by hand turns auto-range off, as usual.

    The bounds are those of the data alone: pyqtgraph's margin for the pen's width would
    push a curve ending on a round value (1,000 epochs) to the next step.
    """

    def __init__(self) -> None:
        super().__init__(defaultPadding=0.0)
        self.log_y = False

    def childrenBounds(self, frac=None, orthoRange=(None, None), items=None) -> list:
        x_range, y_range = [], []
        for item in self.addedItems if items is None else items:
            if item.isVisible() and hasattr(item, "dataBounds"):
                x_range.extend(item.dataBounds(0) or ())
                y_range.extend(item.dataBounds(1) or ())
        snap_y = log_range if self.log_y else linear_range
        return [_snapped(x_range, growing_range), _snapped(y_range, snap_y)]


def _snapped(values: list[float | None], snap) -> list[float] | None:
    """``snap(low, high)`` of the finite ``values`` as a list (pyqtgraph adjusts it in
    place), half a unit either side of a single round value; ``None`` without any."""
    finite = [v for v in values if v is not None and math.isfinite(v)]
    if not finite:
        return None
    low, high = snap(min(finite), max(finite))
    return [low, high] if high > low else [low - 0.5, high + 0.5]
