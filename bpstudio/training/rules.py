"""The session's stopping rules as a training run applies them (:mod:`bpstudio.core.stopping`
says what each rule is).

Their state lives in the trainer (``early_stop``, ``seconds``), so it is saved and resumed
with it; :class:`RunRules` reads and updates it: whether a rule holds now (worked out from
the state alone, so a file saved after a stop opens stopped, and a changed rule or epoch
limit lets training go on), the time a time limit leaves, and after each epoch early
stopping's test loss and the rule that stops training.
"""

from __future__ import annotations

import math
import time

from bpstudio.core import Trainer
from bpstudio.core.stopping import (
    EarlyStopState,
    Stopped,
    StopReason,
    StopRules,
    rule_that_holds,
)

from .scores import Scores

NO_RULES = StopRules()


class RunRules:
    """The stopping rules of a run training ``trainer``, measured with ``scores``."""

    def __init__(self, rules: StopRules, trainer: Trainer, scores: Scores) -> None:
        self.rules, self.trainer, self.scores = rules, trainer, scores

    @property
    def any(self) -> bool:
        """Whether there is a rule beyond the epoch limit (each epoch is then looked at)."""
        return self.rules != NO_RULES

    def stopped(self, last_epoch: int) -> Stopped | None:
        """Why training stops here, if a rule holds (the epoch limit last)."""
        trainer, rules = self.trainer, self.rules
        history, early = trainer.history, trainer.early_stop
        reason = rule_that_holds(
            rules, train_loss=history.train_loss[-1] if len(history) else math.inf,
            early=early, seconds=trainer.seconds)
        if reason is None and trainer.epoch >= last_epoch:
            reason = StopReason.EPOCH_LIMIT
        if reason is None:
            return None
        best = early if early is not None and early.best_epoch else None
        return Stopped(reason, trainer.epoch, best and best.best_epoch,
                       best and best.best_loss,
                       reason is StopReason.EARLY_STOPPING and rules.restore_best)

    def seconds(self, asked: float | None) -> float | None:
        """``asked`` seconds of training, or fewer if the time limit leaves fewer."""
        if self.rules.seconds is None:
            return asked
        left = self.rules.seconds - self.trainer.seconds
        return left if asked is None else min(asked, left)

    def count(self, started: float) -> None:
        """Count the time trained since ``started`` (only under a time limit: a file without
        one repeats to the bit)."""
        if self.rules.seconds is not None:
            self.trainer.seconds += time.perf_counter() - started

    def after_epoch(self, epoch: int, loss: float, started: float) -> StopReason | None:
        """Early stopping's test loss after ``epoch`` (into the history too), and the rule
        that stops training now, if any; ``loss`` is the epoch's training loss."""
        trainer, rules = self.trainer, self.rules
        if rules.early_stopping:
            test_loss = self.scores.test_loss(trainer.net)
            trainer.history.test_loss[-1] = test_loss
            early = trainer.early_stop or EarlyStopState()
            trainer.early_stop = early.after_epoch(rules, epoch, test_loss,
                                                   trainer.net.parameters)
        seconds = trainer.seconds + time.perf_counter() - started
        return rule_that_holds(rules, train_loss=loss, early=trainer.early_stop,
                               seconds=seconds)

    def restore_best(self, reason: StopReason | None) -> None:
        """Put the best epoch's weights back if early stopping stopped training with
        ``restore_best``."""
        if reason is StopReason.EARLY_STOPPING and self.rules.restore_best:
            self.trainer.net.set_parameters(self.trainer.early_stop.best_parameters)
