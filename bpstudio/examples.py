"""The textbook examples as sessions, built in code; the package ships them as files
(``bpstudio/resources/examples``, :func:`~bpstudio.package_data.examples_dir`).

Each builder returns a fresh :class:`~bpstudio.session.Session` ready to train. The worked
examples of seeds/004 start from the weights the article gives, so their state holds those
weights at epoch 0. ``python -m bpstudio.examples --write`` regenerates the files.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .core.validation import check_name
from .io import dumps
from .io.atomic import write_atomic
from .package_data import examples_dir
from .session import TABLE, DataSpec, LayerSpec, NetworkSpec, Session, Table, TrainingConfig

FILE_TIME = "2026-01-01T00:00:00Z"
"""``created``/``modified`` of the shipped files, fixed so that regenerating changes nothing."""


def sin() -> Session:
    return Session(
        network=NetworkSpec(
            (LayerSpec(100, "sigmoid"),), "identity", "mse", "mean", "uniform", True, 0
        ),
        data=DataSpec("sin", {"n": 100, "low": -3.0, "high": 3.0, "noise": 0.1, "seed": 0}),
        training=TrainingConfig("sgd", learning_rate=0.05, batch_size=None, shuffle=False),
        title="Fitting a sine curve",
        notes=(
            "100 noisy samples of sin(x) on [-3, 3]; one hidden layer of 100 sigmoid neurons "
            "and a linear output learn the curve by full-batch gradient descent (η = 0.05). "
            "Train a few thousand epochs and watch the fit bend into shape."
        ),
    )


def points8() -> Session:
    return Session(
        network=NetworkSpec(
            (LayerSpec(4, "sigmoid"),), "sigmoid", "mse", "sum", "symmetric_uniform", False, 0
        ),
        data=DataSpec("points8", {"seed": 0}),
        training=TrainingConfig("sgd", learning_rate=0.1, batch_size=None, shuffle=False),
        title="Eight labelled points",
        notes=(
            "Eight points in the plane, in two classes. A 2-4-1 sigmoid network without "
            "biases, weights drawn from U[-1, 1), learns a boundary that gets every point "
            "right; the loss is the summed squared error, η = 0.1."
        ),
    )


def binary4() -> Session:
    return Session(
        network=NetworkSpec(
            (LayerSpec(3, "sigmoid"),), "sigmoid", "mse", "sum", "uniform", True, 0
        ),
        data=DataSpec("binary4", {"seed": 0}),
        training=TrainingConfig("sgd", learning_rate=0.1, batch_size=None, shuffle=False),
        title="Three binary patterns",
        notes=(
            "Three 4-bit inputs with targets 1, 1 and 0. A 4-3-1 sigmoid network, started "
            "from U[0, 1) weights, is trained on the summed squared error with η = 0.1; after "
            "some thousands of epochs its outputs come close to the targets."
        ),
    )


def two_input() -> Session:
    session = Session(
        network=_no_bias_sigmoid(1),
        data=_one_row([0.1, 0.3], [1], "classification"),
        training=TrainingConfig("sgd", learning_rate=0.5, batch_size=None, shuffle=False),
        title="Backpropagation by hand: two inputs",
        notes=(
            "The worked example: inputs (0.1, 0.3), target 1, one hidden sigmoid neuron and "
            "one sigmoid output, no biases. Starting weights (0.4, -0.2) into the hidden "
            "neuron and 0.1 into the output, η = 0.5. Take one step and compare each number "
            "with the hand calculation: h = -0.02, a = 0.495, ŷ = 0.512, δ = 0.122."
        ),
    )
    return _with_weights(session, [[[0.4], [-0.2]], [[0.1]]])


def three_input() -> Session:
    session = Session(
        network=_no_bias_sigmoid(2),
        data=_one_row([0.5, 0.1, -0.2], [[0.6]], "regression"),
        training=TrainingConfig("sgd", learning_rate=0.5, batch_size=None, shuffle=False),
        title="Backpropagation by hand: three inputs",
        notes=(
            "The exercise after the worked example: input (0.5, 0.1, -0.2), target 0.6, a "
            "3-2-1 sigmoid network without biases and the given weights, η = 0.5. One step "
            "shows the weight changes the exercise asks you to compute."
        ),
    )
    return _with_weights(session, [[[0.5, -0.6], [0.1, -0.2], [0.1, 0.7]], [[0.1], [-0.3]]])


def linear_regression() -> Session:
    return Session(
        network=NetworkSpec((), "identity", "mse", "sum", "uniform", True, 0),
        data=_one_row([1.0, 2.0, 3.0], [[1.0]], "regression"),
        training=TrainingConfig("sgd", learning_rate=0.002, batch_size=None, shuffle=False),
        title="One linear layer",
        notes=(
            "ŷ = x·w + b for the single sample x = (1, 2, 3), y = 1, with w and b from "
            "U[0, 1). The article minimises (ŷ - y)² with learning rate 0.001; our loss is "
            "½(ŷ - y)², whose gradient is half as large, so η = 0.002 takes the same steps."
        ),
    )


EXAMPLES: dict[str, Callable[[], Session]] = {
    "sin": sin,
    "points8": points8,
    "binary4": binary4,
    "two_input": two_input,
    "three_input": three_input,
    "linear_regression": linear_regression,
}


def example_path(name: str) -> Path:
    """The shipped ``.bpnet`` file of the example ``name``."""
    return examples_dir() / f"{check_name('example', name, EXAMPLES)}.bpnet"


def _no_bias_sigmoid(hidden: int) -> NetworkSpec:
    return NetworkSpec(
        (LayerSpec(hidden, "sigmoid"),), "sigmoid", "mse", "sum", "uniform", False, 0
    )


def _one_row(x: list[float], y: list, task: str) -> DataSpec:
    return DataSpec(TABLE, table=Table(np.array([x]), np.array(y), task))


def _with_weights(session: Session, weights: list) -> Session:
    """``session`` at epoch 0 with the article's starting weights."""
    vector = np.concatenate([np.asarray(W, dtype=float).ravel() for W in weights])
    return session.starting_from(vector)


def write_files(folder: Path | None = None) -> list[Path]:
    """Write every example as ``folder/NAME.bpnet`` (the shipped folder by default); returns
    the paths."""
    folder = examples_dir() if folder is None else folder
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, build in EXAMPLES.items():
        path = folder / f"{name}.bpnet"
        write_atomic(path, dumps(build(), created=FILE_TIME, modified=FILE_TIME).encode())
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bpstudio.examples", description=__doc__)
    parser.add_argument("--write", action="store_true", help=f"write the files to {examples_dir()}")
    args = parser.parse_args(argv)
    if not args.write:
        print("\n".join(EXAMPLES))
        return 0
    for path in write_files():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
