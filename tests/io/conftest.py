"""Sessions to save and load, and exact comparisons of what they hold."""

import numpy as np
import pytest

from bpstudio.core import TrainerState
from bpstudio.io import dumps
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, Table, TrainingConfig

TIME = "2026-02-03T04:05:06Z"


def text_of(session: Session) -> str:
    """The file text with fixed times: equal text means equal sessions, bit for bit."""
    return dumps(session, created=TIME, modified=TIME)


def train(session: Session, epochs: int) -> Session:
    bench = session.build()
    bench.trainer.fit(*bench.train_arrays(), epochs)
    return session.with_state(bench.trainer.state())


def assert_states_identical(a: TrainerState, b: TrainerState) -> None:
    """Weights, optimizer arrays, generator and history equal bit for bit (NaN == NaN)."""
    assert a.parameters.tobytes() == b.parameters.tobytes()
    assert a.optimizer == b.optimizer
    assert a.optimizer_state.keys() == b.optimizer_state.keys()
    for name, value in a.optimizer_state.items():
        other = b.optimizer_state[name]
        if isinstance(value, np.ndarray):
            assert value.tobytes() == other.tobytes(), name
        else:
            assert value == other, name
    assert a.rng_state == b.rng_state
    assert (a.epoch, a.progress, a.history.stride) == (b.epoch, b.progress, b.history.stride)
    for column in a.history.COLUMNS:
        left = np.array(getattr(a.history, column), dtype=float)
        right = np.array(getattr(b.history, column), dtype=float)
        assert left.tobytes() == right.tobytes(), column
    assert (a.plateau, a.seconds) == (b.plateau, b.seconds)
    assert (a.early_stop is None) == (b.early_stop is None)
    if a.early_stop is not None:
        ea, eb = a.early_stop, b.early_stop
        assert (ea.best_loss, ea.best_epoch, ea.wait) == (eb.best_loss, eb.best_epoch, eb.wait)
        assert (ea.best_parameters is None) == (eb.best_parameters is None)
        if ea.best_parameters is not None:
            assert ea.best_parameters.tobytes() == eb.best_parameters.tobytes()


def moons_session(optimizer: str = "adam", batch_size: int | None = 8) -> Session:
    """Generated data with a test split and standardized inputs, shuffled mini-batches."""
    return Session(
        network=NetworkSpec((LayerSpec(5, "tanh"),), "sigmoid", "binary_cross_entropy"),
        data=DataSpec("moons", {"n": 40, "noise": 0.2}, test_fraction=0.25, standardize=True),
        training=TrainingConfig(optimizer, learning_rate=0.05, batch_size=batch_size, l2=1e-3,
                                seed=7),
        title="moons", notes="Notes with ünïcödé, \"quotes\" and a\nnew line.",
    )


def table_session() -> Session:
    """Embedded regression rows with two outputs, momentum."""
    rng = np.random.default_rng(5)
    X = rng.normal(size=(12, 3))
    y = np.column_stack([X.sum(axis=1), X[:, 0] * X[:, 1]])
    return Session(
        network=NetworkSpec((LayerSpec(4, "relu"), LayerSpec(3, "sigmoid")), "identity"),
        data=DataSpec("table", table=Table(X, y, "regression"), test_fraction=0.25,
                      standardize=True),
        training=TrainingConfig("momentum", learning_rate=0.01, batch_size=5, momentum=0.8),
    )


def named_table_session() -> Session:
    """Embedded rows of three named classes with named inputs, split for testing."""
    rng = np.random.default_rng(6)
    X = rng.normal(size=(15, 2))
    y = np.arange(15) % 3
    table = Table(X, y, "classification", class_names=("setosa", "versi color", "é;\"x\""),
                  input_names=("petal length", "petal;width"), target_names=("species",))
    return Session(
        network=NetworkSpec((LayerSpec(4, "tanh"),), "softmax", "cross_entropy"),
        data=DataSpec("table", table=table, test_fraction=0.2, standardize=True),
        training=TrainingConfig("adam", learning_rate=0.01),
    )


@pytest.fixture
def trained() -> Session:
    return train(moons_session(), 4)
