"""Scores that say how well a network does: accuracy for classes, R² and MSE for values.

They read plain arrays, so the trainer, the GUI worker, the CLI and the tests all score the
same way. An empty set scores NaN (nothing was measured), never a warning or an error.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from .data_checks import float_columns
from .dataset import Dataset
from .validation import check_finite

if TYPE_CHECKING:
    from .network import Network


def predict_classes(outputs: object) -> np.ndarray:
    """Class labels ``(N,)`` from network outputs.

    One column (a sigmoid probability) is class 1 where it is above 0.5, as in scikit-learn
    and Keras (exactly 0.5 is class 0); several columns (scores or softmax) pick the largest,
    the first one on a tie.
    """
    outputs = float_columns("outputs", outputs)
    if outputs.shape[1] == 1:
        return (outputs[:, 0] > 0.5).astype(np.int64)
    return np.argmax(outputs, axis=1).astype(np.int64)


def accuracy(outputs: object, labels: object) -> float:
    """The fraction of samples whose predicted class equals the label.

    ``labels`` may be class numbers ``(N,)`` or ``(N, 1)``, or one-hot rows ``(N, K)``.
    """
    predicted = predict_classes(outputs)
    true = _labels(labels, np.asarray(outputs).shape)
    if true.shape != predicted.shape:
        raise ValueError(
            f"labels: has {true.shape[0]} rows but outputs has {predicted.shape[0]}; "
            "they must match"
        )
    if true.size == 0:
        return math.nan
    return float(np.count_nonzero(predicted == true)) / true.size


def mse(y_true: object, y_pred: object) -> float:
    """Mean squared error over every sample and output: ``mean((ŷ − y)²)``.

    Plain MSE, as reported in papers; the network's ``"mse"`` loss is ``½·Σ_k (ŷ_k − y_k)²``
    per sample, which is ``n_out / 2`` times this.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    if y_true.size == 0:
        return math.nan
    with np.errstate(over="ignore"):
        return float(np.mean((y_pred - y_true) ** 2))


def r2(y_true: object, y_pred: object) -> float:
    """Coefficient of determination ``1 − SS_res / SS_tot``, pooled over all outputs.

    ``SS_tot`` measures each output column around its own mean (scikit-learn's
    ``"variance_weighted"``); for one output this is the usual R². Fewer than two samples
    have no spread to explain: NaN (not defined, as in scikit-learn). Constant targets leave
    nothing to explain either: 1.0 if the prediction is exact, else 0.0, never NaN or inf.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    if len(y_true) < 2:
        return math.nan
    with np.errstate(over="ignore", invalid="ignore"):
        ss_res = float(np.sum((y_true - y_pred) ** 2))
        ss_tot = float(np.sum((y_true - _column_means(y_true)) ** 2))
    if ss_tot == 0.0:
        return 1.0 if ss_res == 0.0 else 0.0
    return 1.0 - ss_res / ss_tot


def score_name(task: str) -> str:
    """The task's score, as it is keyed in measurements: ``accuracy`` for classes, ``r2``
    (R²) for values. The one place that decides it."""
    return "accuracy" if task == "classification" else "r2"


def evaluate(net: Network, data: Dataset) -> dict[str, float]:
    """The loss and the task's score of ``net`` on ``data``.

    ``{"loss", "accuracy"}`` for classification, ``{"loss", "r2"}`` for regression; NaN for
    both on an empty set (a split with no test part). Class labels are given to the network
    one-hot when it has one output per class, whatever its loss.
    """
    if not isinstance(data, Dataset):
        raise ValueError(f"data: expected a Dataset, got {type(data).__name__}")
    score = score_name(data.task)
    if data.n_samples == 0:
        return {"loss": math.nan, score: math.nan}
    outputs = net.predict(data.X)
    if data.task == "regression":
        return {"loss": float(net.loss(data.X, data.y)), "r2": r2(data.y, outputs)}
    targets = _class_targets(data.y, outputs.shape[1])
    return {"loss": float(net.loss(data.X, targets)), "accuracy": accuracy(outputs, data.y)}


def _labels(labels: object, outputs_shape: tuple[int, ...]) -> np.ndarray:
    """Class numbers ``(N,)`` from labels, one-hot rows or a 0/1 column."""
    labels = np.asarray(labels)
    if labels.ndim == 2 and labels.shape[1] > 1:
        if labels.shape != tuple(outputs_shape):
            raise ValueError(
                f"labels: one-hot labels of shape {labels.shape} need outputs of the same "
                f"shape, got {tuple(outputs_shape)}"
            )
        check_finite("labels", labels.astype(np.float64))
        return np.argmax(labels, axis=1)
    if labels.ndim == 2:
        labels = labels.reshape(-1)
    if labels.ndim != 1:
        raise ValueError(f"labels: expected shape (N,), (N, 1) or (N, K), got {labels.shape}")
    if labels.dtype.kind == "f" and not np.all(labels == np.round(labels)):
        raise ValueError("labels: class labels must be whole numbers 0..K-1 (got fractions)")
    return labels


def _pair(y_true: object, y_pred: object) -> tuple[np.ndarray, np.ndarray]:
    """Both as finite float64 ``(N, n_out)``; a ``(N,)`` vector is one column."""
    pair = [float_columns(field, values) for field, values in
            (("y_true", y_true), ("y_pred", y_pred))]
    if pair[0].shape != pair[1].shape:
        raise ValueError(
            f"y_pred: has shape {pair[1].shape} but y_true has {pair[0].shape}; they must match"
        )
    return pair[0], pair[1]


def _column_means(Y: np.ndarray) -> np.ndarray:
    """Column means, exact for constant columns (a float mean of equal values may be off)."""
    constant = np.all(Y[0] == Y, axis=0)
    return np.where(constant, Y[0], Y.mean(axis=0))


def _class_targets(labels: np.ndarray, n_out: int) -> np.ndarray:
    """Labels as the network wants them: a 0/1 column for one output, one-hot rows for K."""
    highest = int(labels.max())
    if n_out == 1:
        if highest > 1:
            raise ValueError(
                f"data.y: labels go up to {highest} but the network has one output, which "
                "separates two classes only; give the output layer one neuron per class"
            )
        return labels.astype(np.float64)
    if highest >= n_out:
        raise ValueError(
            f"data.y: labels go up to {highest} but the network has {n_out} outputs; "
            "give the output layer one neuron per class"
        )
    return np.eye(n_out)[labels]
