"""Numbers as the views and the status line show them: scores, R², losses and weights."""

from __future__ import annotations

import math
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def score_text(metrics: Mapping[str, float], score: str) -> str:
    """``"accuracy  train 98.5 %  test 96.0 %"`` or ``"R²  train 0.981  test 0.975"`` from
    a snapshot's metrics; parts that were not measured are left out."""
    parts = []
    for part, word in (("train", translate("Views", "train")),
                       ("test", translate("Views", "test"))):
        value = metrics.get(f"{part}_{score}", math.nan)
        if math.isfinite(value):
            parts.append(f"{word} {100 * value:.1f} %" if score == "accuracy" else
                         f"{word} {format_r2(value)}")
    label = "R²" if score == "r2" else translate("Views", "accuracy") if score == "accuracy" \
        else score
    return "   ".join([label, *parts]) if parts else ""


def format_r2(value: float) -> str:
    """R² to three decimals; a wildly negative one (a diverged fit) in short form."""
    if not math.isfinite(value):
        return "–"
    return f"{value:.3f}" if abs(value) < 1000 else f"{value:.3g}"


def format_value(value: float) -> str:
    """Four significant digits, the way losses and weights are read."""
    return f"{value:.4g}"
