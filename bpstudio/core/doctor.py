"""The training doctor: watches a run for the patterns that make beginners give up and
says what to try.

:func:`diagnose` runs every rule on the run's history (cheap: call it as often as the
history changes) and, if the caller took one, a unit reading
(:func:`~bpstudio.core.unit_readings.read_units`: a forward and a backward pass, so every
few seconds, not every epoch). The thresholds are named constants beside their rules, in
:mod:`~bpstudio.core.doctor_curves` and :mod:`~bpstudio.core.doctor_units`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .doctor_curves import exploding_loss, flat_loss, oscillating_loss, overfitting
from .doctor_findings import Evidence, Finding
from .doctor_units import dead_relus, saturated_units, vanishing_gradients
from .network import QUIET
from .trainer import History
from .unit_readings import UnitReadings

Rule = Callable[[Evidence], Finding | None]

RULES: tuple[Rule, ...] = (
    exploding_loss,
    oscillating_loss,
    saturated_units,
    dead_relus,
    vanishing_gradients,
    flat_loss,
    overfitting,
)
"""Every rule, in the order :func:`diagnose` reports them: the urgent first, then causes
(units) before the symptom they explain (a flat loss)."""


def diagnose(
    history: History,
    learning_rate: float | None = None,
    units: UnitReadings | None = None,
) -> tuple[Finding, ...]:
    """The findings of every rule in :data:`RULES`, in that order (each rule at most once).

    Ratios of losses far apart (1e-30 and 1e300) overflow quietly to ``inf``, which reads
    "over 1e308" (:func:`~bpstudio.core.doctor_findings.number`).
    """
    evidence = Evidence(history, learning_rate, units)
    with np.errstate(**QUIET):
        return tuple(finding for rule in RULES if (finding := rule(evidence)) is not None)
