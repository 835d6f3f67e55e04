"""The seed-002 lessons' numbers: the TensorFlow printout is the run's test loss every 100
steps, and the references are the baseline's score (plus scikit-learn's when installed)."""

import importlib.util

import pytest

from bpstudio.experiments.seed002 import seed002_baseline, seed002_tensorflow
from bpstudio.experiments.seed002_lesson import (
    final_test_score,
    seed002_references,
    sklearn_references,
    tensorflow_printout,
)
from bpstudio.training import TrainingRun


def test_the_printout_is_the_test_loss_every_100_of_1000_full_batch_steps():
    printout = tensorflow_printout()
    assert [step for step, _ in printout] == list(range(100, 1001, 100))
    run = TrainingRun(seed002_tensorflow(), last_epoch=1000)
    run.train_for(measure_every=1)  # measured every step: the same run, more numbers
    by_epoch = dict(zip(run.history.epoch, run.history.test_loss))
    for step, loss in printout:
        assert loss == by_epoch[step]
    losses = [loss for _, loss in printout]
    assert losses == sorted(losses, reverse=True)  # gradient descent at 0.1 settles


def test_the_baseline_reference_is_logistic_regression_trained_like_the_study():
    lines = seed002_references(epochs=5)
    assert lines[0] == ("no hidden layer (logistic regression)",
                        final_test_score(seed002_baseline(), 5))
    assert seed002_baseline().network.hidden == ()
    assert lines[1:] == sklearn_references()


def test_without_scikit_learn_there_are_no_sklearn_lines(monkeypatch):
    if importlib.util.find_spec("sklearn") is None:
        assert sklearn_references() == []
        return
    import builtins

    real = builtins.__import__

    def no_sklearn(name, *args, **kwargs):
        if name.startswith("sklearn"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_sklearn)
    assert sklearn_references() == []


@pytest.mark.skipif(importlib.util.find_spec("sklearn") is None, reason="scikit-learn absent")
def test_sklearn_references_name_the_four_baselines():
    labels = [label for label, _ in sklearn_references()]
    assert labels == ["scikit-learn LogisticRegression", "scikit-learn LinearSVC",
                      "scikit-learn RandomForest", "scikit-learn GaussianNB"]
