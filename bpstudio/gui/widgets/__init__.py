"""Small reusable widgets."""

from .log_spin_box import LogSpinBox

__all__ = ["LogSpinBox"]
