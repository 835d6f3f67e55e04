"""Networks and inputs the exports of a network are checked on: every activation of the core,
every output/loss pair the core allows, with and without biases and a standardizer."""

from __future__ import annotations

import functools

import numpy as np
from hypothesis import strategies as st

from bpstudio.core import ACTIVATIONS, LOSSES, Network, Standardizer
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig

from .conftest import train

HIDDEN = [name for name, act in ACTIVATIONS.items() if act.hidden_allowed]
"""Every activation a hidden layer may have: one hidden layer of each, in one network."""

PAIRS = [
    (output, loss)
    for loss, spec in LOSSES.items()
    for output in (sorted(ACTIVATIONS) if spec.outputs is None else sorted(spec.outputs))
]
"""Every (output activation, loss) the core accepts."""

N_INPUTS = 3


def pair_id(pair: tuple[str, str]) -> str:
    return f"{pair[0]}-{pair[1]}"


def network(output: str, loss: str, *, bias: bool, seed: int = 0) -> Network:
    """A network through every hidden activation to ``output``, with random weights and biases
    (the initializers start biases at 0, which would hide a missing bias)."""
    n_out = 1 if loss == "binary_cross_entropy" else 3
    sizes = [N_INPUTS, *[4] * len(HIDDEN), n_out]
    net = Network(sizes, [*HIDDEN, output], loss=loss, bias=bias, seed=seed)
    rng = np.random.default_rng(seed + 1)
    net.set_parameters(rng.normal(0.0, 0.8, net.n_params))
    return net


def raw_inputs(rows: int = 40, seed: int = 2) -> np.ndarray:
    """Inputs far from standardized (mean 3, sd 2), with a few rows large enough to saturate
    every activation."""
    rng = np.random.default_rng(seed)
    X = rng.normal(3.0, 2.0, (rows, N_INPUTS))
    X[:3] = [[40.0, -40.0, 3.0], [-300.0, 250.0, 1.0], [3.0, 3.0, 3.0]]
    return X


def standardizer(seed: int = 3) -> Standardizer:
    return Standardizer.fit(np.random.default_rng(seed).normal(3.0, 2.0, (30, N_INPUTS)))


def reference(net: Network, scaler: Standardizer | None, X: np.ndarray) -> np.ndarray:
    """What the network predicts for raw inputs ``X``."""
    return net.predict(X if scaler is None else scaler.transform(X))


def huge_column_standardizer() -> tuple[Standardizer, np.ndarray]:
    """A standardizer with a column of numbers near -1.5e308 and one near 1e-300, and raw
    inputs for it whose first row has ``x − mean`` beyond the largest float (3.2e308)."""
    rng = np.random.default_rng(4)
    X = np.column_stack([rng.normal(-1.5, 0.1, 20) * 1e308, rng.normal(0, 1, 20) * 1e-300,
                         rng.normal(0, 1, 20)])
    scaler = Standardizer.fit(X[1:])
    X[0, 0] = 1.7e308
    return scaler, X


@functools.cache
def softmax_session() -> Session:
    """Three classes of Gaussian blobs, standardized, trained a few epochs."""
    return train(Session(
        network=NetworkSpec((LayerSpec(5, "leaky_relu"),), "softmax", "cross_entropy"),
        data=DataSpec("gaussians", {"n": 30, "classes": 3}, standardize=True),
        training=TrainingConfig("adam", learning_rate=0.05, seed=2),
    ), 3)


@st.composite
def any_network(draw) -> tuple[Network, Standardizer | None, np.ndarray]:
    """Any architecture the core builds (no hidden layer up to three, widths 1-6, any pair),
    random weights and biases, with or without a standardizer, and raw inputs for it."""
    output, loss = draw(st.sampled_from(PAIRS))
    n_out = 1 if loss == "binary_cross_entropy" else draw(st.integers(2 if loss ==
                                                                      "cross_entropy" else 1, 5))
    hidden = draw(st.lists(st.tuples(st.integers(1, 6), st.sampled_from(HIDDEN)), max_size=3))
    n_in = draw(st.integers(1, 5))
    seed = draw(st.integers(0, 2**32 - 1))
    net = Network([n_in, *(size for size, _ in hidden), n_out], [*(a for _, a in hidden), output],
                  loss=loss, bias=draw(st.booleans()), seed=seed)
    rng = np.random.default_rng(seed)
    net.set_parameters(rng.normal(0.0, 0.8, net.n_params))
    shift, spread = draw(st.floats(-1e3, 1e3)), draw(st.floats(1e-3, 1e3))
    scaler = (Standardizer.fit(rng.normal(shift, spread, (8, n_in))) if draw(st.booleans())
              else None)
    X = rng.normal(shift, spread, (draw(st.integers(1, 12)), n_in))
    return net, scaler, X
