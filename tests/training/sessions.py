"""Small sessions the training tests build runs from."""

from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig


def spiral_session(**training) -> Session:
    """Two classes, a test split, standardized inputs: every measurement has something."""
    return Session(
        network=NetworkSpec((LayerSpec(6, "tanh"),), "sigmoid", "binary_cross_entropy"),
        data=DataSpec("spiral", {"n": 60}, test_fraction=0.25, standardize=True),
        training=TrainingConfig("sgd", learning_rate=0.1, **training),
    )


def sin_session(**training) -> Session:
    """Regression with a test split: R² instead of accuracy."""
    return Session(
        network=NetworkSpec((LayerSpec(5, "tanh"),)),
        data=DataSpec("sin", {"n": 40}, test_fraction=0.25),
        training=TrainingConfig(**{"optimizer": "adam", "learning_rate": 0.02, **training}),
    )
