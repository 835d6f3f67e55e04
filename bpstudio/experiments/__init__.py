"""Experiments on many runs: sweeps of one or two settings over several seeds, trained in
stacks on any ``concurrent.futures.Executor`` (no Qt; the app's panels and ``bpstudio
sweep`` use the same engine)."""

from .engine import SweepProgress, local_executor, run_sweep
from .results import SweepResults
from .spec import SETTINGS, PlannedRun, SweepSpec, Vary, parse_vary, plan, setting

__all__ = [
    "SETTINGS",
    "PlannedRun",
    "SweepProgress",
    "SweepResults",
    "SweepSpec",
    "Vary",
    "local_executor",
    "parse_vary",
    "plan",
    "run_sweep",
    "setting",
]
