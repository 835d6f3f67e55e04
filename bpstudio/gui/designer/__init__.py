"""The network designer panel: plain values in, frozen specs out."""

from .layers_table import LayersTable
from .panel import DesignerPanel

__all__ = ["DesignerPanel", "LayersTable"]
