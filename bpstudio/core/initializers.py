"""Weight initialisation schemes, keyed by name.

Each scheme fills one layer's weight matrix ``(n_in, n_out)`` and bias vector ``(n_out,)``
from an explicit ``numpy.random.Generator``. The two uniform schemes draw the biases too, as
the textbook examples do; the scaled schemes start the biases at zero.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Initializer:
    """One scheme: ``draw(rng, n_in, n_out) -> (W, b)`` and a line describing it."""

    name: str
    draw: Callable[[np.random.Generator, int, int], tuple[np.ndarray, np.ndarray]]
    description: str


def _uniform(rng: np.random.Generator, n_in: int, n_out: int):
    return rng.random((n_in, n_out)), rng.random(n_out)


def _symmetric_uniform(rng: np.random.Generator, n_in: int, n_out: int):
    return 2.0 * rng.random((n_in, n_out)) - 1.0, 2.0 * rng.random(n_out) - 1.0


def _xavier_uniform(rng: np.random.Generator, n_in: int, n_out: int):
    limit = np.sqrt(6.0 / (n_in + n_out))
    return rng.uniform(-limit, limit, (n_in, n_out)), np.zeros(n_out)


def _he_normal(rng: np.random.Generator, n_in: int, n_out: int):
    return rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, n_out)), np.zeros(n_out)


INITIALIZERS: dict[str, Initializer] = {
    i.name: i
    for i in (
        Initializer(QT_TRANSLATE_NOOP("Vocabulary", "uniform"), _uniform, QT_TRANSLATE_NOOP(
            "Vocabulary", "weights and biases from U[0, 1), as in the textbook")),
        Initializer(QT_TRANSLATE_NOOP("Vocabulary", "symmetric_uniform"), _symmetric_uniform,
                    QT_TRANSLATE_NOOP("Vocabulary", "weights and biases from U[−1, 1)")),
        Initializer(
            QT_TRANSLATE_NOOP("Vocabulary", "xavier_uniform"), _xavier_uniform,
            QT_TRANSLATE_NOOP("Vocabulary",
                              "weights from U[−√(6/(n_in+n_out)), +√(6/(n_in+n_out))), biases 0"),
        ),
        Initializer(QT_TRANSLATE_NOOP("Vocabulary", "he_normal"), _he_normal,
                    QT_TRANSLATE_NOOP("Vocabulary", "weights from N(0, 2/n_in), biases 0")),
    )
}
