"""Judging a trained model: what the confusion matrix, ROC curve and residual views show.

Plain NumPy on a network's outputs and the true targets, so the app's views, an export and
the tests judge the same way. The conventions follow scikit-learn's where it has one:

- **Confusion matrix**: ``counts[i, j]`` is how many samples of true class ``i`` were
  predicted as class ``j`` (rows true, columns predicted). Row-normalised, each row divides
  by its class's samples; a class without samples has a row of zeros (as scikit-learn's
  ``normalize="true"``).
- **Zero division**: precision of a class never predicted, recall of a class without
  samples and F1 of a class with neither are 0.0 (scikit-learn's default, without its
  warning). F1 is ``2·TP / (2·TP + FP + FN)``, the harmonic mean of precision and recall
  wherever both are defined. Accuracy of no samples is NaN (nothing was measured, as
  :func:`bpstudio.core.metrics.accuracy`).
- **ROC** (two classes): one point per distinct score, from the highest down; samples with
  the same score join the curve together, a diagonal step (scikit-learn's ``roc_curve`` with
  ``drop_intermediate=False``); the first point is (0, 0) at threshold +inf. AUC is the area
  by the trapezoidal rule, equal to P(score of a positive > score of a negative) + ½ P(tie).
  With only one class among the samples there is no curve: empty arrays and AUC NaN.
- **Regression**: residuals are ``true − predicted``; R² is :func:`bpstudio.core.metrics.r2`
  (pooled over outputs); MAE is the mean of ``|true − predicted|`` over every sample and
  output.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .data_checks import float_columns
from .metrics import predict_classes, r2


@dataclass(frozen=True, eq=False)
class ClassJudgement:
    """How a classifier did on some samples: the confusion matrix and what follows from it,
    and for two classes the ROC curve of the positive class's scores."""

    counts: np.ndarray
    """``(K, K)`` int64, rows true class, columns predicted class."""
    roc: RocCurve | None = None

    @property
    def n_classes(self) -> int:
        return self.counts.shape[0]

    @property
    def support(self) -> np.ndarray:
        """Samples of each true class."""
        return self.counts.sum(axis=1)

    @property
    def normalised(self) -> np.ndarray:
        """Each row as fractions of its class's samples (a row of zeros for none)."""
        support = self.support[:, None]
        return np.divide(self.counts, support, out=np.zeros(self.counts.shape),
                         where=support > 0)

    @property
    def accuracy(self) -> float:
        total = int(self.counts.sum())
        return int(np.trace(self.counts)) / total if total else math.nan

    @property
    def precision(self) -> np.ndarray:
        return _share(np.diag(self.counts), self.counts.sum(axis=0))

    @property
    def recall(self) -> np.ndarray:
        return _share(np.diag(self.counts), self.support)

    @property
    def f1(self) -> np.ndarray:
        tp = np.diag(self.counts)
        return _share(2 * tp, self.counts.sum(axis=0) + self.support)


@dataclass(frozen=True, eq=False)
class RocCurve:
    """False and true positive rates for each threshold (``score >= threshold`` is
    positive), from the highest threshold (+inf, the point (0, 0)) down to the lowest."""

    fpr: np.ndarray
    tpr: np.ndarray
    thresholds: np.ndarray

    @property
    def auc(self) -> float:
        if not len(self.fpr):
            return math.nan
        return float(np.sum(np.diff(self.fpr) * (self.tpr[1:] + self.tpr[:-1])) / 2)


@dataclass(frozen=True, eq=False)
class ValueJudgement:
    """How a regression did: ``true`` and ``predicted`` ``(N, outputs)`` side by side."""

    true: np.ndarray
    predicted: np.ndarray

    @property
    def residuals(self) -> np.ndarray:
        return self.true - self.predicted

    @property
    def r2(self) -> float:
        return r2(self.true, self.predicted)

    @property
    def mae(self) -> float:
        if not self.true.size:
            return math.nan
        return float(np.mean(np.abs(self.true - self.predicted)))


def confusion_counts(labels: object, predicted: object, n_classes: int) -> np.ndarray:
    """``(K, K)`` counts of (true, predicted) class pairs; labels are whole numbers
    ``0 … K − 1``."""
    true, guess = (_class_numbers(name, values, n_classes)
                   for name, values in (("labels", labels), ("predicted", predicted)))
    if true.shape != guess.shape:
        raise ValueError(f"predicted: has {guess.size} labels but labels has {true.size}; "
                         "they must match")
    pairs = np.bincount(true * n_classes + guess, minlength=n_classes * n_classes)
    return pairs.reshape(n_classes, n_classes)


def roc_curve(labels: object, scores: object) -> RocCurve:
    """The ROC curve of ``scores`` (higher means class 1) against 0/1 ``labels``."""
    true = _class_numbers("labels", labels, 2)
    scores = float_columns("scores", scores)
    if scores.shape[1] != 1 or len(scores) != len(true):
        raise ValueError(f"scores: expected one score per label ({len(true)}), got shape "
                         f"{scores.shape}")
    positives = int(true.sum())
    if positives in (0, len(true)):
        empty = np.zeros(0)
        return RocCurve(empty, empty, empty)
    order = np.argsort(-scores[:, 0], kind="mergesort")
    ranked, hits = scores[order, 0], true[order]
    last_of_ties = np.r_[np.flatnonzero(np.diff(ranked)), len(ranked) - 1]
    tp = np.cumsum(hits)[last_of_ties]
    fp = last_of_ties + 1 - tp
    return RocCurve(np.r_[0.0, fp / (len(true) - positives)], np.r_[0.0, tp / positives],
                    np.r_[np.inf, ranked[last_of_ties]])


def positive_scores(outputs: object) -> np.ndarray:
    """The score of class 1 from a two-class network's outputs: its one sigmoid output, or
    the second of two (softmax) outputs."""
    outputs = float_columns("outputs", outputs)
    if outputs.shape[1] not in (1, 2):
        raise ValueError(f"outputs: a ROC curve needs two classes, got {outputs.shape[1]} "
                         "output columns")
    return outputs[:, -1]


def judge_classes(outputs: object, labels: object, n_classes: int) -> ClassJudgement:
    """The confusion matrix of ``outputs`` (predicted as :func:`predict_classes` does)
    against ``labels``, with a ROC curve when there are two classes."""
    counts = confusion_counts(labels, predict_classes(outputs), n_classes)
    roc = roc_curve(labels, positive_scores(outputs)) if n_classes == 2 else None
    return ClassJudgement(counts, roc)


def judge_values(outputs: object, targets: object) -> ValueJudgement:
    """Predicted against true values; a ``(N,)`` vector is one output column."""
    true, predicted = float_columns("targets", targets), float_columns("outputs", outputs)
    if true.shape != predicted.shape:
        raise ValueError(f"outputs: has shape {predicted.shape} but targets has {true.shape}; "
                         "they must match")
    return ValueJudgement(true, predicted)


def _share(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """``part / whole``, 0.0 where ``whole`` is 0."""
    return np.divide(part, whole, out=np.zeros(part.shape), where=whole > 0)


def _class_numbers(field: str, values: object, n_classes: int) -> np.ndarray:
    array = np.asarray(values).reshape(-1)
    if array.size and (array.dtype.kind not in "iuf" or not np.all(array == np.round(array))
                       or array.min() < 0 or array.max() >= n_classes):
        raise ValueError(f"{field}: expected class numbers 0 … {n_classes - 1}")
    return array.astype(np.int64)
