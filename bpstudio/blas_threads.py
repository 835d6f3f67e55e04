"""Let OpenBLAS's idle worker threads sleep soon, so they leave the CPU to our own work.

After each matrix product OpenBLAS keeps its worker threads spinning for 2**28 TSC cycles
(about 0.1 s) in case another product follows. A training step alternates products with
element-wise NumPy work (ReLU, softmax, the update, the batch gather) that runs on the calling
thread, so on a small machine the spinning worker competes with it: on our 2-core test machine
the W4 benchmark's steps took up to twice as long, in long stretches (bench/README.md). Spinning
2**16 cycles (tens of microseconds) still bridges back-to-back products and measured no slower
for any workload.

OpenBLAS reads ``OPENBLAS_THREAD_TIMEOUT`` (log2 of the cycles, 4..30) once, when NumPy loads
it, so this only works before NumPy is imported; a value the person set is never changed.
"""

from __future__ import annotations

import os
import sys

ENV_VAR = "OPENBLAS_THREAD_TIMEOUT"
SPIN_LOG2_CYCLES = "16"


def let_idle_threads_sleep() -> bool:
    """Set OpenBLAS's spin time unless NumPy is already loaded or the person chose one.

    Returns whether the setting was made here.
    """
    if "numpy" in sys.modules or ENV_VAR in os.environ:
        return False
    os.environ[ENV_VAR] = SPIN_LOG2_CYCLES
    return True
