"""The seed-002 study as data: its data and split, its network, and its hidden-size sweep.

Seed 002 draws ``make_classification(n_samples=1000, n_features=20, n_informative=2,
n_redundant=2)``, holds out 25 % for testing, and trains an MLP with two hidden layers of
i sigmoid neurons for i = 5, 10, ..., 100, plotting test accuracy against i. Here the same
recipe uses BP Studio's own ``classification`` generator (no scikit-learn), Adam at its
usual 0.001 with batches of 32 (issue #13), a sigmoid output with binary cross-entropy, and
several seeds per size: the app's lesson and ``bench/sweep_bench.py`` call these functions.
Test accuracy is measured after the last epoch only, as the study does.

Two more runs of the study share its data: the network without hidden layers (logistic
regression, the baseline point), and the seed's TensorFlow example, a 20-10-10-1 ReLU network
with squared error trained by full-batch gradient descent at 0.1 for 1,000 steps.
"""

from __future__ import annotations

from dataclasses import replace

from ..session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig
from .spec import SweepSpec, Vary

SIZES = tuple(range(5, 101, 5))
"""The study's hidden sizes i."""
EPOCHS = 200
SEEDS = 5


def seed002_data(seed: int = 0) -> DataSpec:
    """1,000 samples of 20 features (2 informative, 2 redundant), 25 % held out."""
    return DataSpec("classification", {"n": 1000, "n_features": 20, "n_informative": 2,
                                       "n_redundant": 2, "seed": seed},
                    test_fraction=0.25, split_seed=seed)


def seed002_session(hidden: int = 5, seed: int = 0) -> Session:
    """The study's network at one size: 20-i-i-1 sigmoid, Adam 0.001, batch 32."""
    layer = LayerSpec(hidden, "sigmoid")
    return Session(
        network=NetworkSpec((layer, layer), "sigmoid", "binary_cross_entropy", seed=seed),
        data=seed002_data(seed),
        training=TrainingConfig("adam", learning_rate=0.001, batch_size=32, seed=seed),
        title="Hidden size and accuracy (seed 002)",
    )


def seed002_baseline(seed: int = 0) -> Session:
    """Logistic regression on the study's data: no hidden layer, the same training."""
    base = seed002_session(seed=seed)
    return replace(base, network=replace(base.network, hidden=()),
                   title="Logistic regression (seed 002)")


def seed002_tensorflow(seed: int = 0) -> Session:
    """The seed's TensorFlow example: 20-10-10-1 ReLU/identity, squared error, full-batch
    gradient descent at 0.1 for 1,000 steps (epochs), on the study's data, with Glorot
    (Xavier) uniform weights as Keras starts them. BP Studio's squared error is ½(ŷ − y)²
    (the textbook's), so at the same rate its steps are half those of Keras's ``mse``."""
    layer = LayerSpec(10, "relu")
    return Session(
        network=NetworkSpec((layer, layer), "identity", "mse", seed=seed),
        data=seed002_data(seed),
        training=TrainingConfig("sgd", learning_rate=0.1, batch_size=None, epoch_limit=1000,
                                seed=seed),
        title="The TensorFlow example (seed 002)",
    )


def seed002_sweep(seeds: int = SEEDS, epochs: int = EPOCHS,
                  sizes: tuple[int, ...] = SIZES) -> tuple[Session, SweepSpec]:
    """The base session and the hidden-size sweep of the study (measured at the end)."""
    spec = SweepSpec((Vary("hidden", tuple(sizes)),), seeds=seeds, epochs=epochs,
                     measure_every=epochs)
    return seed002_session(sizes[0]), spec
