"""What the two seed-002 lessons compute beyond a sweep: the reference scores drawn across
the hidden-size plot, and the TensorFlow example's printout of the test loss.

The references are the network without hidden layer (logistic regression, BP Studio's own,
trained as the study's networks are) and, when scikit-learn is importable (never a
dependency of BP Studio), the seed's four baselines fitted on the identical split. Both
lessons use only seeded randomness, so the numbers are the same on every machine.
"""

from __future__ import annotations

import math

from ..session import Session
from ..training import TrainingRun
from .seed002 import EPOCHS, seed002_baseline, seed002_session, seed002_tensorflow

PRINT_EVERY = 100
"""The seed prints its TensorFlow network's test loss every 100 steps."""


def final_test_score(session: Session, epochs: int) -> float:
    """The test score of ``session`` trained ``epochs`` epochs (measured at the end)."""
    run = TrainingRun(session, last_epoch=epochs)
    run.train_for(measure_every=epochs)
    return run.history.test_metric[-1]


def seed002_references(epochs: int = EPOCHS, seed: int = 0) -> list[tuple[str, float]]:
    """(label, test accuracy) of the no-hidden-layer baseline and, with scikit-learn, of
    LogisticRegression, LinearSVC, RandomForest and GaussianNB on the same split."""
    lines = [("no hidden layer (logistic regression)",
              final_test_score(seed002_baseline(seed), epochs))]
    return lines + sklearn_references(seed)


def sklearn_references(seed: int = 0) -> list[tuple[str, float]]:
    """The seed's scikit-learn baselines on the study's split; ``[]`` without scikit-learn."""
    try:
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.linear_model import LogisticRegression
        from sklearn.naive_bayes import GaussianNB
        from sklearn.svm import LinearSVC
    except ImportError:
        return []
    data = seed002_session(seed=seed).prepare_data()
    models = (("scikit-learn LogisticRegression", LogisticRegression()),
              ("scikit-learn LinearSVC", LinearSVC()),
              ("scikit-learn RandomForest", RandomForestClassifier(random_state=seed)),
              ("scikit-learn GaussianNB", GaussianNB()))
    out = []
    for label, model in models:
        model.fit(data.train.X, data.train.y)
        out.append((label, float(model.score(data.test.X, data.test.y))))
    return out


def tensorflow_printout(seed: int = 0) -> list[tuple[int, float]]:
    """(step, test loss) every :data:`PRINT_EVERY` steps of the seed's TensorFlow example
    (1,000 full-batch steps), as our squared error ½(ŷ − y)² measures it."""
    session = seed002_tensorflow(seed)
    run = TrainingRun(session)
    run.train_for(measure_every=PRINT_EVERY)
    history = run.history
    return [(epoch, loss) for epoch, loss in zip(history.epoch, history.test_loss)
            if epoch % PRINT_EVERY == 0 and not math.isnan(loss)]
