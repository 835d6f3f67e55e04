"""The training doctor's rules on the loss curves: a loss that stays flat, one that
explodes, one that oscillates, and a test loss that rises while the training loss falls.

Each rule is a function of the :class:`~bpstudio.core.doctor_findings.Evidence` that
returns a :class:`~bpstudio.core.doctor_findings.Finding` or ``None``. They read the history
by epoch where time matters (a thinned history keeps every ``stride``-th epoch) and by row
where only the order does. Every loss in a history is finite: the trainer rolls back what
is not.
"""

from __future__ import annotations

import numpy as np

from .doctor_findings import (
    CRITICAL,
    GUIDE,
    INFO,
    WARNING,
    Evidence,
    Finding,
    number,
    share,
    words,
)
from .doctor_units import stuck_layers
from .phrase import Phrase
from .translatable import QT_TRANSLATE_NOOP
from .unit_readings import SATURATING

FLAT_MIN_EPOCHS = 250
"""The rule looks at the last half of the run, once that spans at least this many epochs
(so it speaks from epoch 500 on). Plateaus of a few hundred epochs happen and end by
themselves: the 3×4 binary example, from 13 of 1,000 random starting weights, sits on one
(at loss 1/3) past epoch 200, and from 1 of them (seed 779) past epoch 500; that one leaves
it near epoch 1,100, and would much sooner with a larger learning rate."""

FLAT_CHANGE = 0.005
"""Over that half the loss's level moved by less than this share (the median of its last
fifth against that of its first fifth): it is not going anywhere. The shipped 3×4 binary
example, slow as it starts, moves 1.4 % between epochs 50 and 100; the issue's stuck spiral
0.1 to 0.3 % (mini-batch noise)."""

FLAT_BAND = 0.1
"""...and it stayed within this share of its level (highest minus lowest, over the
median): a loss that jumps about is oscillating, not flat."""

FLAT_START_SHARE = 0.5
"""...and it is still at least this share of the first epoch's loss: it never got
anywhere. A run that learned and then levelled off is done, not stuck."""

EXPLOSION_FACTOR = 100.0
"""The latest loss is at least this many times the lowest so far, and above the first
epoch's: every step overshoots further, and the loss will overflow."""

OSCILLATION_ROWS = 30
"""The oscillation rule looks at the last this many steps of the history."""

OSCILLATION_JUMP = 0.1
"""A step that changes the loss by more than this share (up, or down by the same factor)
is a jump."""

OSCILLATION_SHARE = 0.2
"""At least this share of the steps jump up and as many jump down..."""

OSCILLATION_ABOVE_BEST = 1.5
"""...the loss stays above the lowest it reached before (no new low in the window) and
its median is at least this many times that lowest: it bounces around a level it has
already been below..."""

OSCILLATION_LEVEL = 0.1
"""...and that median is at least this share of the first epoch's loss. Near the end of a
good run Adam's loss may bounce by factors at 1 % of where it started, and recover: that
is noise at the bottom, not a learning rate keeping the network from learning."""

OVERFIT_RISE = 0.2
"""The latest test loss is at least this share above its lowest..."""

OVERFIT_MIN_EPOCHS = 50
"""...the lowest lies at least this many epochs back, with at least
:data:`OVERFIT_MIN_POINTS` test measurements since..."""

OVERFIT_MIN_POINTS = 3
"""(the test loss may be measured every few epochs only)..."""

OVERFIT_NOTABLE = 0.01
"""...the rise is at least this share of the first epoch's training loss (a test loss
going from 0.0006 to 0.0008 after a start at 1.05 is noise at the bottom)..."""

OVERFIT_TRAIN_FALL = 0.1
"""...and the training loss fell by at least this share below the lowest it had reached by
then, and below the test loss: it learns on. (A training loss that bounces about, or stays
above the test loss, is no sign of learning the samples by heart.)"""


def flat_loss(evidence: Evidence) -> Finding | None:
    """The loss has not moved over the last half of the run and never fell far from where
    it started: saturated (or dead) units, or a learning rate too small."""
    epochs, loss = evidence.epochs, evidence.train_loss
    if len(loss) < 2 or epochs[-1] < 2 * FLAT_MIN_EPOCHS or not loss[0] > 0:
        return None
    late = epochs >= epochs[-1] / 2
    window = loss[late]
    fifth = max(1, len(window) // 5)
    level = float(np.median(window))
    change = abs(float(np.median(window[-fifth:]) - np.median(window[:fifth])))
    spread = float(np.max(window) - np.min(window))
    if (change > FLAT_CHANGE * level or spread > FLAT_BAND * level
            or level < FLAT_START_SHARE * loss[0]):
        return None
    span = int(epochs[-1] - epochs[late][0])
    seen = words(QT_TRANSLATE_NOOP(
        "Doctor", "The training loss has stayed near {level} for the last {span} epochs (it "
        "moved {moved}), {share} of the {first} at epoch {epoch}: the network is not "
        "learning."), level=number(level), span=f"{span:,}", moved=share(change / level),
        share=share(level / loss[0]), first=number(loss[0]), epoch=f"{int(epochs[0]):,}")
    return Finding("flat_loss", WARNING, seen, _flat_advice(evidence), GUIDE + "flat-loss")


def _flat_advice(evidence: Evidence) -> Phrase:
    units = evidence.units
    raise_rate = words(QT_TRANSLATE_NOOP(
        "Doctor", "raise the learning rate{rate} tenfold, or train with Adam"),
        rate=evidence.rate)
    if units is None:
        return words(QT_TRANSLATE_NOOP(
            "Doctor", "If most units are saturated or dead, start again from xavier_uniform "
            "weights (sigmoid, tanh) or he_normal (relu); otherwise {raise_rate}."),
            raise_rate=raise_rate)
    stuck = [layer for _, layer in stuck_layers(units)]
    if not stuck:
        return words(QT_TRANSLATE_NOOP(
            "Doctor", "The units are neither saturated nor dead: {raise_rate}."),
            raise_rate=raise_rate)
    saturating = any(layer.activation in SATURATING for layer in stuck)
    fresh = "xavier_uniform" if saturating else "he_normal"
    start = (
        words(QT_TRANSLATE_NOOP(
            "Doctor", "reset the weights and train with a smaller learning rate{rate}"),
            rate=evidence.rate)
        if units.init == fresh else
        words(QT_TRANSLATE_NOOP("Doctor", "start again from {fresh} weights instead of {init}"),
              fresh=fresh, init=units.init)
    )
    return words(QT_TRANSLATE_NOOP(
        "Doctor", "Most units of some layers are stuck (see the notes on units): {start}."),
        start=start)


def exploding_loss(evidence: Evidence) -> Finding | None:
    """The loss grows by orders of magnitude and is already worse than at the start: the
    learning rate is too large. Said while the loss is still finite, before training stops."""
    epochs, loss = evidence.epochs, evidence.train_loss
    if len(loss) < 2:
        return None
    now, lowest = loss[-1], float(np.min(loss))
    if not (now > loss[0] and now >= EXPLOSION_FACTOR * lowest):
        return None
    times = (words(QT_TRANSLATE_NOOP("Doctor", "infinitely many")) if lowest == 0
             else number(now / lowest))
    seen = words(QT_TRANSLATE_NOOP(
        "Doctor", "The training loss has grown to {now}, {times} times its lowest ({lowest} at "
        "epoch {lowest_epoch}) and above the {first} at epoch {epoch}: every step overshoots "
        "further, and soon the loss overflows and training stops."),
        now=number(now), times=times, lowest=number(lowest),
        lowest_epoch=f"{int(epochs[np.argmin(loss)]):,}", first=number(loss[0]),
        epoch=f"{int(epochs[0]):,}")
    advice = words(QT_TRANSLATE_NOOP(
        "Doctor", "Lower the learning rate{rate} to a tenth or less, then reset the weights "
        "(these have grown huge)."), rate=evidence.rate)
    return Finding("exploding_loss", CRITICAL, seen, advice, GUIDE + "exploding-loss")


def oscillating_loss(evidence: Evidence) -> Finding | None:
    """The loss jumps up and down and stays above a low it already reached: the steps are
    too large to settle into the minimum."""
    epochs, loss = evidence.epochs, evidence.train_loss
    if len(loss) <= OSCILLATION_ROWS + 1:
        return None
    window, before = loss[-OSCILLATION_ROWS - 1:], loss[:-OSCILLATION_ROWS - 1]
    ratio = window[1:] / np.maximum(window[:-1], np.finfo(float).tiny)
    ups = int(np.count_nonzero(ratio > 1.0 + OSCILLATION_JUMP))
    downs = int(np.count_nonzero(ratio * (1.0 + OSCILLATION_JUMP) < 1.0))
    best = float(np.min(before))
    median = float(np.median(window))
    need = OSCILLATION_SHARE * OSCILLATION_ROWS
    if (ups < need or downs < need or window.min() <= best
            or median < OSCILLATION_ABOVE_BEST * best or median < OSCILLATION_LEVEL * loss[0]):
        return None
    span = int(epochs[-1] - epochs[-OSCILLATION_ROWS - 1])
    times = (words(QT_TRANSLATE_NOOP("Doctor", "{ratio} times the {best}"),
                   ratio=number(median / best), best=number(best)) if best > 0
             else words(QT_TRANSLATE_NOOP("Doctor", "above the 0")))
    seen = words(QT_TRANSLATE_NOOP(
        "Doctor", "Over the last {span} epochs the loss jumped up {ups} times and down {downs} "
        "times by more than {jump}, around {median}, {times} it reached at epoch {epoch}: the "
        "steps are too large to settle."),
        span=f"{span:,}", ups=ups, downs=downs, jump=share(OSCILLATION_JUMP),
        median=number(median), times=times, epoch=f"{int(epochs[np.argmin(before)]):,}")
    advice = words(QT_TRANSLATE_NOOP(
        "Doctor", "Lower the learning rate{rate} to a third or a tenth; with mini-batches, a "
        "larger batch also steadies the steps."), rate=evidence.rate)
    return Finding("oscillating_loss", WARNING, seen, advice, GUIDE + "oscillating-loss")


def overfitting(evidence: Evidence) -> Finding | None:
    """The test loss has risen for a while from its lowest as the training loss fell: the
    network learns the training samples rather than the pattern."""
    epochs, train, test = evidence.epochs, evidence.train_loss, evidence.test_loss
    measured = np.flatnonzero(np.isfinite(test))
    if len(measured) < OVERFIT_MIN_POINTS + 1:
        return None
    best_row = measured[np.argmin(test[measured])]
    now_row = measured[-1]
    since = np.count_nonzero(measured > best_row)
    best, now = test[best_row], test[now_row]
    if (since < OVERFIT_MIN_POINTS or epochs[now_row] - epochs[best_row] < OVERFIT_MIN_EPOCHS
            or now < (1.0 + OVERFIT_RISE) * best or now - best < OVERFIT_NOTABLE * train[0]
            or train[now_row] > (1.0 - OVERFIT_TRAIN_FALL) * np.min(train[:best_row + 1])
            or train[now_row] >= now):
        return None
    best_epoch = f"{int(epochs[best_row]):,}"
    seen = words(QT_TRANSLATE_NOOP(
        "Doctor", "The test loss rose from {best} at epoch {epoch} to {now} (+{rise}) while the "
        "training loss fell from {train_then} to {train_now}: the network is learning the "
        "training samples by heart, not the pattern behind them."),
        best=number(best), epoch=best_epoch, now=number(now), rise=share(now / best - 1.0),
        train_then=number(train[best_row]), train_now=number(train[now_row]))
    advice = words(QT_TRANSLATE_NOOP(
        "Doctor", "Stop near epoch {epoch} (set an epoch limit), add L2 weight decay, use more "
        "data, or a smaller network."), epoch=best_epoch)
    return Finding("overfitting", INFO, seen, advice, GUIDE + "overfitting")

