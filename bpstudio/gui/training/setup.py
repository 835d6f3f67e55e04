"""What the controller hands the worker: frozen inputs for one run."""

from __future__ import annotations

from dataclasses import dataclass

from bpstudio.core.snapshot import PlotGrid
from bpstudio.session import PreparedData, Session


@dataclass(frozen=True)
class TrainingSetup:
    """One run: its id, the session to build from (specs + state to resume) and its data.

    ``session`` is a private copy: its specs are frozen and the worker only reads its state.
    ``grid`` holds raw inputs; the run applies the data's standardizer to it.
    """

    run_id: int
    session: Session
    data: PreparedData
    grid: PlotGrid | None
