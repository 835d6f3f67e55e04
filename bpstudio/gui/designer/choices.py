"""What the designer offers: datasets by their display names, valid output/loss pairs.

Names come from the core registries; this module only adds the words a person reads.
"""

from __future__ import annotations

import inspect

from bpstudio.core import ACTIVATIONS, INITIALIZERS
from bpstudio.core.datasets import GENERATORS

DATASETS: dict[str, str] = {
    "sin": "Sin fit",
    "points8": "8 points",
    "binary4": "3×4 binary",
    "xor": "XOR",
    "circles": "Circles",
    "moons": "Moons",
    "gaussians": "Gaussians",
    "spiral": "Spiral",
}
"""Generator name -> label in ``datasetCombo``, in the order shown."""

OPTIMIZERS: dict[str, str] = {"sgd": "SGD", "momentum": "Momentum", "adam": "Adam"}

LOSS_LABELS = {
    "mse": "MSE",
    "binary_cross_entropy": "binary cross-entropy",
    "cross_entropy": "cross-entropy",
}

HIDDEN_ACTIVATIONS = tuple(name for name, a in ACTIVATIONS.items() if a.hidden_allowed)
INIT_NAMES = tuple(INITIALIZERS)


def output_choices(task: str, n_outputs: int) -> list[tuple[str, str]]:
    """The (output activation, loss) pairs that make sense for this data, the default first.

    Regression wants an unbounded output; two classes share one sigmoid output; more
    classes get one output per class, where softmax with cross-entropy is the standard pair.
    """
    if task == "regression":
        return [("identity", "mse"), ("tanh", "mse"), ("sigmoid", "mse")]
    if n_outputs == 1:
        return [("sigmoid", "binary_cross_entropy"), ("sigmoid", "mse"), ("identity", "mse")]
    return [("softmax", "cross_entropy"), ("sigmoid", "mse"), ("identity", "mse")]


def pair_label(pair: tuple[str, str]) -> str:
    activation, loss = pair
    return f"{activation} + {LOSS_LABELS.get(loss, loss)}"


LONGEST_PAIR_LABEL = max(
    (pair_label(p) for kind in (("regression", 1), ("classification", 1), ("classification", 3))
     for p in output_choices(*kind)), key=len)
"""The widest the output combo gets: the designer is made wide enough for it from the start."""


def generator_defaults(name: str) -> dict[str, object]:
    """The keyword defaults of a dataset generator: what a freshly picked dataset starts at."""
    signature = inspect.signature(GENERATORS[name])
    return {
        key: p.default for key, p in signature.parameters.items()
        if p.default is not inspect.Parameter.empty
    }
