"""BP Studio: design, train and understand backpropagation networks."""

from .blas_threads import let_idle_threads_sleep

let_idle_threads_sleep()  # before anything imports NumPy (see blas_threads)

__version__ = "0.1.0"
