import fcntl
import os

import numpy as np
import pytest

# Qt needs a platform; with no display it aborts. `setdefault` lets `QT_QPA_PLATFORM=xcb` win.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(0)


@pytest.fixture(autouse=True)
def serial_when_marked(request, tmp_path_factory):
    """Under pytest-xdist a test marked ``serial`` runs while no other test does: it
    measures time, which a test beside it would take. (``./run.sh test`` runs them after the
    others, in one process.)
    Every test holds a shared lock, a serial one the whole lock; a serial test waiting holds
    the gate, so no new test starts before it."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        yield
        return
    serial = request.node.get_closest_marker("serial") is not None
    run = tmp_path_factory.getbasetemp().parent  # one folder for all the workers of a run
    with open(run / "serial.gate", "a") as gate, open(run / "serial.lock", "a") as lock:
        fcntl.flock(gate, fcntl.LOCK_EX)
        fcntl.flock(lock, fcntl.LOCK_EX if serial else fcntl.LOCK_SH)
        fcntl.flock(gate, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
