"""Training without Qt: one run of a session's network, its measurements and snapshots.

The app's worker (:mod:`bpstudio.gui.training`) is a thin Qt shell around a
:class:`SlicedTraining`, which trains one :class:`TrainingRun` in slices; the command line's
``train`` uses the same :class:`TrainingRun`, so both measure, record and save the same way.
Nothing here imports Qt.
"""

from .run import TrainingRun, work_until
from .slices import SlicedTraining
from .throttle import SnapshotThrottle

__all__ = ["SlicedTraining", "SnapshotThrottle", "TrainingRun", "work_until"]
