"""bench/decision_redraw.py (the heatmap's redraw rate for bench/gui_bench.py) still runs."""

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "decision_redraw.py"


def test_redraw_benchmark_runs(qtbot):
    spec = importlib.util.spec_from_file_location("decision_redraw", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.decision_redraw_rate(resolution=20, frames=2) > 0
