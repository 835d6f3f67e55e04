"""bpstudio sets OpenBLAS's idle spin time before NumPy loads, and only then."""

import os
import subprocess
import sys

import numpy as np
import pytest

from bpstudio.blas_threads import ENV_VAR, SPIN_LOG2_CYCLES

PRINT_SETTING = f"import os; print(os.environ.get({ENV_VAR!r}, 'unset'))"


def run(code: str, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True, env={**clean, **env}).stdout.strip()


def test_importing_bpstudio_first_sets_the_spin_time():
    assert run(f"import bpstudio; {PRINT_SETTING}") == SPIN_LOG2_CYCLES


def test_a_value_the_person_set_is_kept():
    assert run(f"import bpstudio; {PRINT_SETTING}", **{ENV_VAR: "28"}) == "28"


def test_nothing_is_set_once_numpy_is_loaded():
    # OpenBLAS has read its settings by then; a late value would only mislead child processes
    assert run(f"import numpy, bpstudio; {PRINT_SETTING}") == "unset"


IDLE_CPU = """
import time, bpstudio, numpy as np
a = np.ones((1024, 1024))
for _ in range(3):
    a @ a
t0 = time.process_time()
time.sleep(0.4)
print(time.process_time() - t0)
"""


@pytest.mark.serial
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="OpenBLAS keeps no worker thread")
@pytest.mark.skipif("openblas" not in str(np.show_config(mode="dicts")).lower(),
                    reason="NumPy does not use OpenBLAS here")
def test_blas_workers_stop_spinning_soon_after_a_product():
    spun = float(run(IDLE_CPU, **{ENV_VAR: "28"}))  # OpenBLAS's own default
    if spun < 0.03:
        pytest.skip("this OpenBLAS build does not spin its workers")
    assert float(run(IDLE_CPU)) < 0.02, "the workers still burn CPU while the process sleeps"
