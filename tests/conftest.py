import os

import numpy as np
import pytest

# Qt needs a platform; with no display it aborts. `setdefault` lets `QT_QPA_PLATFORM=xcb` win.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(0)
