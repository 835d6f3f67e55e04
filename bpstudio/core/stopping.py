"""Stopping rules: when training stops by itself, and the words that say why.

Rules combine freely, and the first that holds stops training: the epoch limit (a field of
its own, ``epoch_limit``), a target training loss, early stopping on the test loss, a time
limit. Early stopping follows Keras's ``EarlyStopping``: an epoch improves when its test loss
is below the best so far by more than ``min_delta``; after ``patience`` epochs without one,
training stops, and with ``restore_best`` the weights of the best epoch come back (only when
early stopping is what stopped it). Its state (:class:`EarlyStopState`) is saved with the
trainer's state, so a resumed run stops where a straight one would.

The time limit counts the seconds spent training this session while a time limit is set,
across saves (as the epoch limit counts its epochs), so it is the one rule a resumed run
cannot repeat to the bit; without one nothing is counted and a saved file repeats exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

import numpy as np

from ..limits import MAX_EPOCHS, MAX_SECONDS
from .phrase import Translate, untranslated
from .text import quote
from .translatable import QT_TRANSLATE_NOOP


class StopReason(Enum):
    """Why training stopped by itself; the value is what a status bar says."""

    EPOCH_LIMIT = QT_TRANSLATE_NOOP("Vocabulary", "reached the epoch limit")
    TARGET_LOSS = QT_TRANSLATE_NOOP("Vocabulary", "reached the target training loss")
    EARLY_STOPPING = QT_TRANSLATE_NOOP("Vocabulary",
                                       "early stopping: the test loss stopped improving")
    TIME_LIMIT = QT_TRANSLATE_NOOP("Vocabulary", "reached the time limit")


@dataclass(frozen=True)
class StopRules:
    """The rules beyond the epoch limit; ``None`` leaves a rule out.

    ``target_loss``: stop once an epoch's training loss is at most this. ``patience``: stop
    after this many epochs without a better test loss (needs a test part). ``min_delta``: how
    much lower a test loss must be to count as better. ``restore_best``: on an early stop,
    go back to the best epoch's weights. ``seconds``: stop after this much training time.
    """

    target_loss: float | None = None
    patience: int | None = None
    min_delta: float = 0.0
    restore_best: bool = False
    seconds: float | None = None

    def __post_init__(self) -> None:
        _number("stopping.target_loss", self.target_loss, optional=True)
        if self.patience is not None and (
                isinstance(self.patience, bool) or not isinstance(self.patience, int)
                or not 1 <= self.patience <= MAX_EPOCHS):
            raise ValueError(f"stopping.patience: must be a whole number from 1 to "
                             f"{MAX_EPOCHS:,} or None, got {quote(self.patience)}")
        _number("stopping.min_delta", self.min_delta)
        if not isinstance(self.restore_best, bool):
            raise ValueError(f"stopping.restore_best: must be True or False, got "
                             f"{quote(self.restore_best)}")
        if self.restore_best and self.patience is None:
            raise ValueError("stopping.restore_best: only early stopping keeps the best "
                             "weights; give a patience too, or leave restore_best off")
        _number("stopping.seconds", self.seconds, optional=True, positive=True,
                high=MAX_SECONDS)

    @property
    def early_stopping(self) -> bool:
        return self.patience is not None

    def describe(self) -> str:
        """``target loss 0.001, patience 50 (min_delta 0, restore best), 60 s``; ``none``."""
        parts = []
        if self.target_loss is not None:
            parts.append(f"target loss {self.target_loss:g}")
        if self.patience is not None:
            extra = f"min_delta {self.min_delta:g}" + (", restore best" if self.restore_best
                                                        else "")
            parts.append(f"patience {self.patience} ({extra})")
        if self.seconds is not None:
            parts.append(f"{self.seconds:g} s")
        return ", ".join(parts) or "none"


def _number(field: str, value: Any, *, optional: bool = False, positive: bool = False,
            high: float | None = None) -> None:
    if value is None and optional:
        return
    real = isinstance(value, int | float) and not isinstance(value, bool)
    ok = real and math.isfinite(value) and (value > 0 if positive else value >= 0)
    if not ok or (high is not None and value > high):
        what = "> 0" if positive else ">= 0"
        upto = f" and at most {high:,}" if high is not None else ""
        none = " or None" if optional else ""
        raise ValueError(f"{field}: must be a finite number {what}{upto}{none}, got "
                         f"{quote(value)}")


@dataclass(frozen=True)
class EarlyStopState:
    """Where early stopping stands: the best test loss and its epoch (0: none yet), the
    epochs since, and (with ``restore_best``) a read-only copy of that epoch's weights."""

    best_loss: float = math.inf
    best_epoch: int = 0
    wait: int = 0
    best_parameters: np.ndarray | None = None

    def after_epoch(self, rules: StopRules, epoch: int, test_loss: float,
                    parameters: np.ndarray) -> EarlyStopState:
        """The state after ``epoch``, whose test loss was ``test_loss`` with ``parameters``."""
        if test_loss < self.best_loss - rules.min_delta:
            best = None
            if rules.restore_best:
                best = parameters.copy()
                best.setflags(write=False)
            return EarlyStopState(float(test_loss), epoch, 0, best)
        return replace(self, wait=self.wait + 1)

    def exhausted(self, rules: StopRules) -> bool:
        return rules.patience is not None and self.wait >= rules.patience


def rule_that_holds(rules: StopRules, *, train_loss: float, early: EarlyStopState | None,
                    seconds: float) -> StopReason | None:
    """The rule (other than the epoch limit) that stops training now, if any: the target
    loss first, then early stopping, then the time limit."""
    if rules.target_loss is not None and train_loss <= rules.target_loss:
        return StopReason.TARGET_LOSS
    if early is not None and early.exhausted(rules):
        return StopReason.EARLY_STOPPING
    if rules.seconds is not None and seconds >= rules.seconds:
        return StopReason.TIME_LIMIT
    return None


@dataclass(frozen=True)
class Stopped:
    """Training stopped by itself: why, at which epoch, and the best test epoch for a
    marker on the loss plot (``None`` without early stopping)."""

    reason: StopReason
    epoch: int
    best_epoch: int | None = None
    best_loss: float | None = None
    restored: bool = False

    def words(self, translate: Translate = untranslated) -> str:
        """The status bar's line: ``Stopped at epoch 230: early stopping: ...``, in the
        language of ``translate`` (the GUI passes ``QCoreApplication.translate``)."""
        text = translate("Vocabulary", "Stopped at epoch {epoch}: {reason}").format(
            epoch=f"{self.epoch:,}", reason=translate("Vocabulary", self.reason.value))
        if self.best_epoch:
            best = (translate("Vocabulary", "; best test loss {loss} at epoch {epoch} (its "
                              "weights restored)") if self.restored else
                    translate("Vocabulary", "; best test loss {loss} at epoch {epoch}"))
            text += best.format(loss=f"{self.best_loss:.6g}", epoch=f"{self.best_epoch:,}")
        return text
