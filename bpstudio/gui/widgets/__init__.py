"""Small reusable widgets."""

from .big_spin_box import BigSpinBox
from .log_spin_box import LogSpinBox
from .range_spin_boxes import RangeDoubleSpinBox, RangeSpinBox, range_span, range_text

__all__ = [
    "BigSpinBox", "LogSpinBox", "RangeDoubleSpinBox", "RangeSpinBox", "range_span", "range_text",
]
