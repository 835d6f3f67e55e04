"""The two seed-002 lessons' texts and what they compute beyond a sweep: the reference scores
drawn across the hidden-size plot, and the TensorFlow example's printout of the test loss.

The references are the network without hidden layer (logistic regression, BP Studio's own,
trained as the study's networks are) and, when scikit-learn is importable (never a
dependency of BP Studio), the seed's four baselines fitted on the identical split. Both
lessons use only seeded randomness, so the numbers are the same on every machine.
"""

from __future__ import annotations

import math

from ..core.phrase import Phrase
from ..core.translatable import QT_TRANSLATE_NOOP
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
    lines = [(QT_TRANSLATE_NOOP("Lessons", "no hidden layer (logistic regression)"),
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


HIDDEN_SIZE_TEXT = QT_TRANSLATE_NOOP(
    "Lessons",
    "<p>The study of the seed-002 article: 1,000 samples of 20 features, of which only 2 are "
    "informative and 2 more are linear combinations of them (the rest is noise), 25 % held "
    "out for testing. A network with two hidden layers of i sigmoid neurons is trained for "
    "i = 5, 10, …, 100, several seeds per size, and its test accuracy plotted against i.</p>"
    "<p>The Sweep dialog runs it as the lesson opens, quickly (3 seeds, 40 epochs); "
    "<b>Full Study</b> runs the seed's numbers (5 seeds, 200 epochs of Adam, batches of 32). "
    "The dashed line is the network without a hidden layer (logistic regression, trained the "
    "same way); with scikit-learn installed its LogisticRegression, LinearSVC, RandomForest "
    "and GaussianNB join it, fitted on the identical split.</p>"
    "<p><b>Why the curve is flat and noisy.</b> The classes differ in two directions only: a "
    "handful of neurons already draws every boundary the data holds, and more neurons add "
    "capacity the data cannot use (the other 16 features are noise or copies). Above five "
    "neurons the mean moves by less than the spread between seeds. That spread is small in "
    "absolute terms but large against the differences: the test set has 250 samples, so one "
    "sample is 0.4 % of accuracy, and a different starting point or sample order flips a few "
    "of the samples near the boundary (and 1 % of the labels are flipped on purpose). Read "
    "the band, not the wiggles: one seed per size would show a pattern that is not there.</p>"
    "<p>Click a dot to open that run as the document, and pin it (Compare) to set it beside "
    "another.</p>",
)

TENSORFLOW_TEXT = QT_TRANSLATE_NOOP(
    "Lessons",
    "<p>The seed's TensorFlow example on the same data: 20-10-10-1, ReLU hidden layers and "
    "an identity output, squared error, full-batch gradient descent at learning rate 0.1 "
    "for 1,000 steps, weights drawn Glorot-uniform as Keras does. Press Train: each epoch "
    "is one step on the whole training set. The printout below is this run's test loss "
    "every 100 steps, computed as the lesson opened.</p>"
    "<p><b>Why our numbers are half of Keras's.</b> BP Studio's squared error is "
    "½(ŷ − y)², the textbook's, whose gradient is (ŷ − y); Keras's <code>mse</code> is "
    "(ŷ − y)² with gradient 2(ŷ − y). So the loss printed here is half the one TensorFlow "
    "prints for the same predictions (the right column doubles it), and at the same "
    "learning rate our steps are half as long: η = 0.2 here takes Keras's steps at 0.1.</p>",
)


def tensorflow_printout_html() -> str:
    """:func:`tensorflow_printout` as the lesson's table, beside what Keras would print (a
    :class:`~bpstudio.core.phrase.Phrase`: its headings are translated, the rows kept)."""
    rows = "".join(f"<tr><td align='right'>{step:,}</td><td align='right'>{loss:.5f}</td>"
                   f"<td align='right'>{2 * loss:.5f}</td></tr>"
                   for step, loss in tensorflow_printout())
    return Phrase(QT_TRANSLATE_NOOP(
        "Lessons", "<h4>Test loss every 100 steps</h4><table cellspacing='0' cellpadding='3' "
        "border='1' style='border-color:#cccccc'><tr><th>step</th><th>½(ŷ − y)²</th>"
        "<th>(ŷ − y)², as Keras</th></tr>{rows}</table>"), rows=rows)
