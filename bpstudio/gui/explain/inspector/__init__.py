"""The step inspector: one backpropagation step as the textbook's tables."""

from .view import InspectorView, make_inspector_dock

__all__ = ["InspectorView", "make_inspector_dock"]
