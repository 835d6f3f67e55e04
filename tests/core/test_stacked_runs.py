"""train_runs: a sweep's runs from their settings, each as its own trainer would end."""

import numpy as np
import pytest

from bpstudio.core import SGD, Adam, DivergenceError, Network, Trainer
from bpstudio.core.stacked_runs import RunRecipe, RunSettings, build_trainer, train_runs

from .test_stacked import assert_same_trainer

RECIPE = RunRecipe((2, 5, 1), ("tanh", "sigmoid"), loss="binary_cross_entropy", batch_size=7)


def _data(seed=0, n=30):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    return X, (X[:, 0] * X[:, 1] > 0).astype(float)


def _alone(recipe: RunRecipe, run: RunSettings, X, Y, epochs: int) -> tuple[Trainer, object]:
    trainer = build_trainer(recipe, run)
    try:
        trainer.fit(X, Y, epochs)
    except DivergenceError as exc:
        return trainer, exc
    return trainer, None


def test_a_run_is_built_as_a_lone_run_would_be():
    run = RunSettings(seed=4, shuffle_seed=9, learning_rate=0.2, momentum=0.5, l2=1e-3)
    trainer = build_trainer(RECIPE, run)
    net = Network((2, 5, 1), ("tanh", "sigmoid"), loss="binary_cross_entropy", seed=4)
    np.testing.assert_array_equal(trainer.net.parameters, net.parameters)
    assert trainer.optimizer.config() == SGD(0.2, momentum=0.5, weight_decay=1e-3).config()
    assert trainer.batch_size == 7 and trainer.shuffle
    assert trainer.rng.bit_generator.state == np.random.default_rng(9).bit_generator.state
    adam = build_trainer(RunRecipe((2, 1), ("identity",), optimizer="adam"),
                         RunSettings(learning_rate=0.01, l2=0.1))
    assert adam.optimizer.config() == Adam(0.01, weight_decay=0.1).config()


def test_runs_of_every_kind_end_as_they_would_alone():
    X, Y = _data()
    runs = [
        RunSettings(seed=k, shuffle_seed=10 + k, learning_rate=lr, momentum=mu, l2=l2)
        for k, (lr, mu, l2) in enumerate([
            (0.1, 0.0, 0.0), (0.3, 0.9, 0.0), (0.05, 0.0, 1e-2), (0.2, 0.5, 0.0),
            (0.01, 0.0, 0.0), (1e307, 0.9, 0.0),
        ])
    ]
    seen: dict[int, list[int]] = {}

    def record(report):
        for position, epoch in zip(report.positions, report.epochs):
            seen.setdefault(int(position), []).append(int(epoch))

    results = train_runs(RECIPE, runs, X, Y, 6, callback=record)
    # run 5's first epoch: every batch loss finite, their sum inf; a trainer records that and
    # goes on (only a non-finite batch loss or weight stops it), so the stack must too
    assert results[5].history.train_loss == [np.inf]
    for k, (run, result) in enumerate(zip(runs, results)):
        trainer, error = _alone(RECIPE, run, X, Y, 6)
        assert str(result.error) == str(error)
        np.testing.assert_array_equal(result.parameters, trainer.net.parameters)
        assert result.history.train_loss == trainer.history.train_loss
        assert (error is None) == (k != 5)  # lr 1e307 overflows the weights
        if error is None:  # the callback saw every epoch of every run, numbered among all runs
            assert seen[k] == list(range(1, 7))


def test_given_starting_weights_and_data_per_run():
    recipe = RunRecipe((2, 3, 1), ("relu", "identity"), optimizer="adam", batch_size=4)
    start = np.linspace(-1.0, 1.0, 13)
    runs = [RunSettings(seed=k, shuffle_seed=k, learning_rate=0.01, start=start)
            for k in range(3)]
    data = [_data(seed=k, n=12) for k in range(3)]
    X, Y = [d[0] for d in data], [d[1] for d in data]
    results = train_runs(recipe, runs, X, Y, 3, per_network=True)
    for run, result, Xk, Yk in zip(runs, results, X, Y):
        trainer, error = _alone(recipe, run, Xk, Yk, 3)
        assert error is None and result.error is None
        assert_same_trainer(trainer, _trainer_at(recipe, run, result))
    assert not np.array_equal(results[0].parameters, results[1].parameters)


def _trainer_at(recipe: RunRecipe, run: RunSettings, result) -> Trainer:
    trainer = build_trainer(recipe, run)
    trainer.load_state(result.state)
    return trainer


def test_bad_recipes_and_runs():
    with pytest.raises(ValueError, match="unknown name 'momentum'; valid names are sgd, adam"):
        RunRecipe((2, 1), ("identity",), optimizer="momentum")
    with pytest.raises(ValueError, match="momentum: Adam keeps its own moments"):
        build_trainer(RunRecipe((2, 1), ("identity",), optimizer="adam"),
                      RunSettings(momentum=0.9))
