"""Training in a worker thread: the worker, its GUI-thread controller and their messages."""

from .controller import TrainingController
from .setup import TrainingSetup
from .worker import TrainingWorker

__all__ = ["TrainingController", "TrainingSetup", "TrainingWorker"]
