"""Training without Qt: one run of a session's network, its measurements and snapshots.

The app's worker (:mod:`bpstudio.gui.training`) is a thin shell around a
:class:`TrainingRun`; the command line's ``train`` uses the same class, so both measure,
record and save the same way. Nothing here imports Qt.
"""

from .run import TrainingRun, work_until
from .throttle import SnapshotThrottle

__all__ = ["SnapshotThrottle", "TrainingRun", "work_until"]
