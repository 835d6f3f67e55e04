"""The NumPy core of BP Studio: networks, losses, optimizers, training, data and checks.

Pure NumPy: nothing here imports Qt, touches files or prints. See ``docs/core.md``.
"""

from .activations import ACTIVATIONS, Activation
from .dataset import Dataset
from .datasets import GENERATORS, make_dataset, train_test_split
from .gradcheck import gradient_check
from .initializers import INITIALIZERS
from .losses import LOSSES, Loss
from .metrics import accuracy, evaluate, mse, predict_classes, r2
from .network import Gradients, Network, Trace
from .optimizers import OPTIMIZER_KINDS, OPTIMIZERS, SGD, Adam, Optimizer, make_optimizer
from .standardizer import Standardizer
from .trainer import DivergenceError, History, Trainer, TrainerState

__all__ = [
    "ACTIVATIONS",
    "GENERATORS",
    "INITIALIZERS",
    "LOSSES",
    "OPTIMIZERS",
    "OPTIMIZER_KINDS",
    "SGD",
    "Activation",
    "Adam",
    "Dataset",
    "DivergenceError",
    "Gradients",
    "History",
    "Loss",
    "Network",
    "Optimizer",
    "Standardizer",
    "Trace",
    "Trainer",
    "TrainerState",
    "accuracy",
    "evaluate",
    "gradient_check",
    "make_dataset",
    "make_optimizer",
    "mse",
    "predict_classes",
    "r2",
    "train_test_split",
]
