"""Judging a model: exact small cases worked by hand, properties, and scikit-learn's numbers."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpstudio.core.judging import (
    ClassJudgement,
    confusion_counts,
    judge_classes,
    judge_values,
    positive_scores,
    roc_curve,
)
from bpstudio.core.metrics import accuracy, r2

# -- classes, by hand ----------------------------------------------------------------------

LABELS = [0, 0, 0, 1, 1, 2, 2, 2, 2]
GUESSES = [0, 1, 0, 1, 1, 2, 0, 2, 1]


def test_the_confusion_matrix_counts_true_rows_and_predicted_columns():
    counts = confusion_counts(LABELS, GUESSES, 4)
    assert counts.tolist() == [[2, 1, 0, 0], [0, 2, 0, 0], [1, 1, 2, 0], [0, 0, 0, 0]]
    judged = ClassJudgement(counts)
    assert judged.support.tolist() == [3, 2, 4, 0]
    np.testing.assert_array_equal(judged.normalised, [[2 / 3, 1 / 3, 0, 0], [0, 1, 0, 0],
                                                      [1 / 4, 1 / 4, 2 / 4, 0], [0, 0, 0, 0]])
    assert judged.accuracy == 6 / 9


def test_precision_recall_f1_with_zero_division_as_zero():
    judged = ClassJudgement(confusion_counts(LABELS, GUESSES, 4))
    # class 0: tp 2, predicted 3, true 3; class 1: tp 2, predicted 4, true 2;
    # class 2: tp 2, predicted 2, true 4; class 3: never true, never predicted
    np.testing.assert_array_equal(judged.precision, [2 / 3, 2 / 4, 2 / 2, 0])
    np.testing.assert_array_equal(judged.recall, [2 / 3, 2 / 2, 2 / 4, 0])
    np.testing.assert_array_equal(judged.f1, [4 / 6, 4 / 6, 4 / 6, 0])


def test_a_class_predicted_but_never_true_has_precision_0_and_recall_0():
    judged = ClassJudgement(confusion_counts([0, 0], [1, 0], 2))
    assert judged.precision.tolist() == [1.0, 0.0] and judged.recall.tolist() == [0.5, 0.0]
    assert judged.f1.tolist() == [2 / 3, 0.0]


def test_no_samples_have_no_accuracy_and_zero_rows():
    judged = ClassJudgement(confusion_counts([], [], 3))
    assert math.isnan(judged.accuracy) and judged.counts.sum() == 0
    assert judged.normalised.tolist() == [[0.0] * 3] * 3


@pytest.mark.parametrize(("labels", "predicted"), [([0, 3], [0, 1]), ([0, 1], [0, -1]),
                                                   ([0.5], [0]), ([0, 1], [0])])
def test_labels_outside_the_classes_are_refused(labels, predicted):
    with pytest.raises(ValueError, match=r"^(labels|predicted): "):
        confusion_counts(labels, predicted, 3)


def test_judging_outputs_predicts_as_the_metrics_do():
    outputs = np.array([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3], [0.3, 0.3, 0.4]])
    judged = judge_classes(outputs, [1, 1, 2], 3)
    assert judged.counts.tolist() == [[0, 0, 0], [1, 1, 0], [0, 0, 1]]
    assert judged.roc is None and judged.accuracy == accuracy(outputs, [1, 1, 2])


# -- the ROC curve, by hand ----------------------------------------------------------------


def test_roc_points_and_auc_with_tied_scores():
    # scores 0.9 (pos), 0.8 (neg), 0.8 (pos): the tie at 0.8 is one diagonal step
    curve = roc_curve([1, 0, 1, 0], [0.9, 0.8, 0.8, 0.1])
    assert curve.thresholds.tolist() == [np.inf, 0.9, 0.8, 0.1]
    assert curve.tpr.tolist() == [0, 0.5, 1, 1] and curve.fpr.tolist() == [0, 0, 0.5, 1]
    # P(pos > neg) + ½ P(tie): pairs (0.9,0.8) (0.9,0.1) (0.8,0.1) win, (0.8,0.8) ties
    assert curve.auc == (3 + 0.5) / 4


def test_a_perfect_and_a_reversed_ranking():
    assert roc_curve([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]).auc == 1.0
    assert roc_curve([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]).auc == 0.0
    assert roc_curve([1, 0, 1, 0], [0.5] * 4).auc == 0.5


def test_one_class_only_has_no_curve():
    curve = roc_curve([1, 1, 1], [0.2, 0.5, 0.9])
    assert len(curve.fpr) == 0 and math.isnan(curve.auc)


def test_the_positive_score_is_the_sigmoid_or_the_second_softmax_output():
    assert positive_scores([[0.2], [0.7]]).tolist() == [0.2, 0.7]
    assert positive_scores([[0.8, 0.2], [0.3, 0.7]]).tolist() == [0.2, 0.7]
    with pytest.raises(ValueError, match=r"^outputs: a ROC curve needs two classes"):
        positive_scores(np.zeros((2, 3)))
    judged = judge_classes([[0.2], [0.7], [0.6]], [0, 1, 0], 2)
    assert judged.counts.tolist() == [[1, 1], [0, 1]] and judged.roc.auc == 1.0


# -- regression, by hand -------------------------------------------------------------------


def test_residuals_r2_and_mae():
    judged = judge_values([1.5, 2.0, 2.5], [1.0, 2.0, 4.0])
    assert judged.true.tolist() == [[1.0], [2.0], [4.0]]
    assert judged.residuals[:, 0].tolist() == [-0.5, 0.0, 1.5]
    assert judged.mae == 2.0 / 3
    assert judged.r2 == 1 - (0.25 + 0 + 2.25) / ((1 - 7 / 3) ** 2 + (2 - 7 / 3) ** 2
                                                 + (4 - 7 / 3) ** 2)


def test_values_of_other_shapes_are_refused_and_none_are_nan():
    with pytest.raises(ValueError, match=r"^outputs: has shape \(2, 1\) but targets has"):
        judge_values([1.0, 2.0], [[1.0, 2.0], [3.0, 4.0]])
    empty = judge_values(np.zeros((0, 1)), np.zeros((0, 1)))
    assert math.isnan(empty.mae) and math.isnan(empty.r2)


# -- properties ----------------------------------------------------------------------------

pairs = st.integers(1, 6).flatmap(lambda k: st.tuples(
    st.just(k), st.lists(st.tuples(st.integers(0, k - 1), st.integers(0, k - 1)), max_size=60)))


@given(pairs)
def test_counts_add_up_and_the_scores_stay_in_range(case):
    k, rows = case
    labels, guesses = [r[0] for r in rows], [r[1] for r in rows]
    judged = ClassJudgement(confusion_counts(labels, guesses, k))
    assert judged.counts.sum() == len(rows)
    assert judged.support.tolist() == np.bincount(labels, minlength=k).tolist()
    assert judged.counts.sum(axis=0).tolist() == np.bincount(guesses, minlength=k).tolist()
    for scores in (judged.precision, judged.recall, judged.f1, judged.normalised):
        assert np.all((scores >= 0) & (scores <= 1))
    assert np.allclose(judged.normalised.sum(axis=1), judged.support > 0)
    p, r = judged.precision, judged.recall
    harmonic = np.divide(2 * p * r, p + r, out=np.zeros(k), where=p + r > 0)
    np.testing.assert_allclose(judged.f1, harmonic, rtol=1e-12, atol=1e-15)
    if rows:
        assert judged.accuracy == np.mean(np.array(labels) == np.array(guesses))


scored = st.lists(st.tuples(st.integers(0, 1), st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0])
                            | st.floats(-5, 5)), min_size=1, max_size=50)


@given(scored)
def test_auc_is_the_chance_a_positive_outranks_a_negative(rows):
    labels = np.array([r[0] for r in rows])
    scores = np.array([r[1] for r in rows])
    curve = roc_curve(labels, scores)
    pos, neg = scores[labels == 1], scores[labels == 0]
    if not len(pos) or not len(neg):
        assert math.isnan(curve.auc)
        return
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    assert curve.auc == pytest.approx(wins / (len(pos) * len(neg)), abs=1e-12)
    assert curve.fpr[0] == curve.tpr[0] == 0 and curve.fpr[-1] == curve.tpr[-1] == 1
    assert np.all(np.diff(curve.fpr) >= 0) and np.all(np.diff(curve.tpr) >= 0)
    assert np.all(np.diff(curve.thresholds) < 0)
    scaled = roc_curve(labels, scores * 4)  # the same order, exactly
    assert scaled.auc == curve.auc


@given(st.lists(st.tuples(st.floats(-1e3, 1e3), st.floats(-1e3, 1e3)), min_size=2,
                max_size=40))
def test_residuals_are_what_the_prediction_misses(rows):
    true, predicted = np.array(rows).T
    judged = judge_values(predicted, true)
    np.testing.assert_array_equal(judged.predicted[:, 0] + judged.residuals[:, 0]
                                  - judged.true[:, 0], (predicted + (true - predicted)) - true)
    assert 0 <= judged.mae <= np.max(np.abs(judged.residuals)) * (1 + 1e-12)  # a mean rounds
    assert judged.mae == 0 or not np.all(true == predicted)
    assert judged.r2 == r2(true, predicted)


# -- scikit-learn, when it is there --------------------------------------------------------


def test_the_same_numbers_as_scikit_learn():
    metrics = pytest.importorskip("sklearn.metrics")
    rng = np.random.default_rng(3)
    labels, guesses = rng.integers(0, 4, 300), rng.integers(0, 4, 300)
    guesses[guesses == 3] = 2  # class 3 is never predicted: zero division
    judged = ClassJudgement(confusion_counts(labels, guesses, 4))
    np.testing.assert_array_equal(judged.counts, metrics.confusion_matrix(labels, guesses))
    np.testing.assert_allclose(judged.normalised, metrics.confusion_matrix(
        labels, guesses, normalize="true"), rtol=1e-15)
    p, r, f, s = metrics.precision_recall_fscore_support(labels, guesses, zero_division=0.0)
    for ours, theirs in ((judged.precision, p), (judged.recall, r), (judged.f1, f)):
        np.testing.assert_allclose(ours, theirs, rtol=1e-15)
    assert judged.support.tolist() == s.tolist()
    assert judged.accuracy == metrics.accuracy_score(labels, guesses)
    binary = rng.integers(0, 2, 200)
    scores = np.round(rng.random(200), 1)  # many ties
    curve = roc_curve(binary, scores)
    fpr, tpr, thresholds = metrics.roc_curve(binary, scores, drop_intermediate=False)
    np.testing.assert_array_equal(curve.fpr, fpr)
    np.testing.assert_array_equal(curve.tpr, tpr)
    np.testing.assert_array_equal(curve.thresholds[1:], thresholds[1:])
    assert curve.auc == pytest.approx(metrics.roc_auc_score(binary, scores), abs=1e-15)
    true, predicted = rng.normal(size=50), rng.normal(size=50)
    values = judge_values(predicted, true)
    assert values.mae == pytest.approx(metrics.mean_absolute_error(true, predicted), rel=1e-15)
    assert values.r2 == pytest.approx(metrics.r2_score(true, predicted), rel=1e-14)
