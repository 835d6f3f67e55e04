"""Arrays nobody can change by accident: a dataset's columns, a snapshot's weights, a trace's
tables are read-only copies, so a view or a caller cannot alter what another holds."""

from __future__ import annotations

import numpy as np


def frozen_copy(a: np.ndarray) -> np.ndarray:
    """A read-only copy of ``a``."""
    out = np.array(a, copy=True)
    out.setflags(write=False)
    return out
