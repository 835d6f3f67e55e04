"""Small reusable widgets."""

from .big_spin_box import BigSpinBox
from .log_spin_box import LogSpinBox

__all__ = ["BigSpinBox", "LogSpinBox"]
