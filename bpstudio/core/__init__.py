"""The NumPy core of BP Studio: networks, losses, optimizers, training, data and checks.

Pure NumPy: nothing here imports Qt, touches files or prints. See ``docs/core.md``.
"""

from .activations import ACTIVATIONS, Activation
from .initializers import INITIALIZERS
from .losses import LOSSES, Loss
from .network import Gradients, Network, Trace
from .optimizers import OPTIMIZERS, SGD, Adam, Optimizer, make_optimizer
from .trainer import DivergenceError, History, Trainer, TrainerState

__all__ = [
    "ACTIVATIONS",
    "INITIALIZERS",
    "LOSSES",
    "OPTIMIZERS",
    "SGD",
    "Activation",
    "Adam",
    "DivergenceError",
    "Gradients",
    "History",
    "Loss",
    "Network",
    "Optimizer",
    "Trace",
    "Trainer",
    "TrainerState",
    "make_optimizer",
]
