"""Output layers that suit the data: (output activation, loss) pairs, the standard one first.

The designer offers these pairs and the command line starts from the first, so both pick
the same output for the same data: regression wants an unbounded output; two classes share
one sigmoid output; more classes get one output per class, where softmax with
cross-entropy is the standard pair.
"""

from __future__ import annotations

from .losses import LOSSES
from .translatable import QT_TRANSLATE_NOOP

Pair = tuple[str, str]

LOSS_LABELS: dict[str, str] = {
    "mse": "MSE",
    "binary_cross_entropy": QT_TRANSLATE_NOOP("Vocabulary", "binary cross-entropy"),
    "cross_entropy": QT_TRANSLATE_NOOP("Vocabulary", "cross-entropy"),
}
"""How a loss reads in a pair's label."""

FALLBACK_LOSS = "mse"
"""The loss of an output activation that is no loss's canonical one (tanh, relu, ...)."""


def output_choices(task: str, n_outputs: int) -> list[Pair]:
    """The (output activation, loss) pairs that make sense for this data, the default first."""
    if task == "regression":
        return [("identity", "mse"), ("tanh", "mse"), ("sigmoid", "mse")]
    if n_outputs == 1:
        return [("sigmoid", "binary_cross_entropy"), ("sigmoid", "mse"), ("identity", "mse")]
    return [("softmax", "cross_entropy"), ("sigmoid", "mse"), ("identity", "mse")]


def default_output(task: str, n_outputs: int) -> str:
    """The output activation a new network for this data gets."""
    return output_choices(task, n_outputs)[0][0]


def default_loss(output_activation: str) -> str:
    """The loss for which ``output_activation`` is canonical (``∂L/∂z = ŷ − y``: identity with
    MSE, sigmoid with binary cross-entropy, softmax with cross-entropy), else MSE."""
    return next((name for name, loss in LOSSES.items() if loss.canonical == output_activation),
                FALLBACK_LOSS)


def pair_label(pair: Pair) -> str:
    """``"softmax + cross-entropy"``: how the designer's output list shows a pair."""
    activation, loss = pair
    return f"{activation} + {LOSS_LABELS.get(loss, loss)}"
