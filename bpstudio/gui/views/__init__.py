"""Live plot views: they draw what training snapshots say and hold nothing else."""

from .decision_plot import DecisionRegionView
from .fit_plot import FitPlotView
from .loss_plot import LossPlotView
from .network_view import NetworkView

__all__ = ["DecisionRegionView", "FitPlotView", "LossPlotView", "NetworkView"]
