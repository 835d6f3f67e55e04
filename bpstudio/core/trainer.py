"""Training loops: one step, one epoch, many epochs, with divergence caught and undone.

The same :class:`Trainer` runs in the GUI's worker thread, the command line and the tests.
Its whole state (parameters, optimizer state, random generator, epoch count, history) can be
taken out with :meth:`Trainer.state` and put back with :meth:`Trainer.load_state`, so training
saved after N epochs and resumed for M more is bit for bit the same as N + M uninterrupted.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np

from .network import Network
from .optimizers import Optimizer
from .text import quote


class DivergenceError(ArithmeticError):
    """Training produced a non-finite loss or weight; the last finite state was kept."""


class _Diverged(Exception):
    """Raised inside a step; the epoch loop rolls back and raises DivergenceError."""

    def __init__(self, what: str, *, loss_was_finite: bool) -> None:
        super().__init__(what)
        self.what = what
        self.loss_was_finite = loss_was_finite


@dataclass
class History:
    """Per-epoch records. ``NaN`` marks a value that was not measured at that epoch."""

    epoch: list[int] = field(default_factory=list)
    train_loss: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)
    train_metric: list[float] = field(default_factory=list)
    test_metric: list[float] = field(default_factory=list)

    COLUMNS = ("epoch", "train_loss", "test_loss", "train_metric", "test_metric")

    def append(
        self,
        epoch: int,
        train_loss: float,
        test_loss: float = math.nan,
        train_metric: float = math.nan,
        test_metric: float = math.nan,
    ) -> None:
        self.epoch.append(int(epoch))
        self.train_loss.append(float(train_loss))
        self.test_loss.append(float(test_loss))
        self.train_metric.append(float(train_metric))
        self.test_metric.append(float(test_metric))

    def __len__(self) -> int:
        return len(self.epoch)

    def truncate(self, n_rows: int) -> None:
        """Drop every row after the first ``n_rows``."""
        for column in self.COLUMNS:
            del getattr(self, column)[n_rows:]

    def copy(self) -> History:
        return History(*(list(getattr(self, c)) for c in self.COLUMNS))


class _Checkpoint(NamedTuple):
    parameters: np.ndarray
    optimizer_state: dict[str, Any]
    epoch: int
    history_length: int


@dataclass(frozen=True)
class TrainerState:
    """Everything needed to continue training exactly: the hand-back from a worker."""

    parameters: np.ndarray
    optimizer: dict[str, Any]
    optimizer_state: dict[str, Any]
    rng_state: dict[str, Any]
    epoch: int
    history: History


class Trainer:
    """Trains a :class:`Network` with an optimizer on full or mini-batches.

    ``batch_size=None`` means full batch. With ``shuffle`` the samples are permuted each epoch
    by a generator seeded from ``seed`` before they are cut into mini-batches; without it they
    are visited in order. A full batch is never permuted.
    """

    def __init__(
        self,
        net: Network,
        optimizer: Optimizer,
        *,
        batch_size: int | None = None,
        shuffle: bool = True,
        seed: int | np.random.Generator | None = None,
    ) -> None:
        if batch_size is not None and (
            isinstance(batch_size, bool) or not isinstance(batch_size, int | np.integer)
            or batch_size < 1
        ):
            raise ValueError(
                f"batch_size: must be a whole number >= 1 or None, got {quote(batch_size)}"
            )
        self.net = net
        self.optimizer = optimizer
        self.batch_size = None if batch_size is None else int(batch_size)
        self.shuffle = bool(shuffle)
        self.rng = np.random.default_rng(seed)
        self.epoch = 0
        self.history = History()
        self._grad = np.empty_like(net.parameters)
        self._checkpoints: list[_Checkpoint] = []
        self._xbuf: np.ndarray | None = None
        self._ybuf: np.ndarray | None = None

    def step(self, X: object, Y: object) -> float:
        """One update on exactly this batch; returns the batch loss before the update."""
        X, Y = self._check(X, Y)
        self._take_checkpoint()
        with np.errstate(over="ignore", under="ignore"):
            try:
                loss = self._step(X, Y)
                self._check_weights()
                return loss
            except _Diverged as exc:
                failed_in = self.epoch + 1
                self._restore_checkpoint(before_previous=exc.loss_was_finite is False)
                raise self._divergence(exc.what, failed_in) from None

    def run_epoch(self, X: object, Y: object) -> float:
        """One pass over the data in batches; returns the sample-weighted mean batch loss."""
        X, Y = self._check(X, Y)
        with np.errstate(over="ignore", under="ignore"):
            return self._run_epoch(X, Y)

    def fit(
        self,
        X: object,
        Y: object,
        epochs: int,
        callback: Callable[[int, float], bool | None] | None = None,
    ) -> History:
        """Train ``epochs`` epochs, recording each loss in :attr:`history`.

        ``callback(epoch, loss)`` runs after every epoch; returning ``True`` stops training.
        """
        if isinstance(epochs, bool) or not isinstance(epochs, int | np.integer) or epochs < 0:
            raise ValueError(f"epochs: must be a whole number >= 0, got {quote(epochs)}")
        X, Y = self._check(X, Y)
        with np.errstate(over="ignore", under="ignore"):
            for _ in range(epochs):
                loss = self._run_epoch(X, Y)
                if callback is not None and callback(self.epoch, loss):
                    break
        return self.history

    # -- state hand-back -----------------------------------------------------------------------

    def state(self) -> TrainerState:
        """A deep copy of everything that determines how training continues."""
        return TrainerState(
            parameters=self.net.parameters.copy(),
            optimizer=self.optimizer.config(),
            optimizer_state=self.optimizer.state(),
            rng_state=self.rng.bit_generator.state,
            epoch=self.epoch,
            history=self.history.copy(),
        )

    def load_state(self, state: TrainerState) -> None:
        """Continue from a :meth:`state` taken earlier (on this or an identical network).

        The optimizer keeps its own settings (a resumed run may use another learning rate),
        but its kind must match the saved one and its state arrays the parameter vector.
        """
        saved_kind = state.optimizer.get("name")
        if saved_kind != self.optimizer.name:
            raise ValueError(
                f"optimizer: the saved state is for {quote(saved_kind)}, this trainer uses "
                f"'{self.optimizer.name}'"
            )
        for name, value in state.optimizer_state.items():
            if isinstance(value, np.ndarray) and value.shape != self.net.parameters.shape:
                raise ValueError(
                    f"optimizer_state.{name}: expected {self.net.n_params} numbers, "
                    f"got shape {value.shape}"
                )
        self.net.set_parameters(state.parameters)
        self.optimizer.load_state(state.optimizer_state)
        self.rng.bit_generator.state = state.rng_state
        self.epoch = int(state.epoch)
        self.history = state.history.copy()
        self._checkpoints = []

    # -- kernels (inputs checked, np.errstate set) ------------------------------------------------

    def _check(self, X: object, Y: object) -> tuple[np.ndarray, np.ndarray]:
        X = self.net.check_inputs(X)
        return X, self.net.check_targets(Y, X.shape[0])

    def _run_epoch(self, X: np.ndarray, Y: np.ndarray) -> float:
        self._take_checkpoint()
        n = X.shape[0]
        size = n if self.batch_size is None else min(self.batch_size, n)
        first = True
        try:
            if size == n:  # full batch: the order of samples changes nothing but rounding
                loss = self._step(X, Y)
            else:
                order = self.rng.permutation(n) if self.shuffle else None
                total = 0.0
                for start in range(0, n, size):
                    Xb, Yb = self._batch(X, Y, order, start, min(start + size, n))
                    total += self._step(Xb, Yb) * Xb.shape[0]
                    first = False
                loss = total / n
            self._check_weights()
        except _Diverged as exc:
            failed_in = self.epoch + 1
            self._restore_checkpoint(before_previous=first and exc.loss_was_finite is False)
            raise self._divergence(exc.what, failed_in) from None
        self.epoch += 1
        self.history.append(self.epoch, loss)
        return loss

    def _batch(
        self, X: np.ndarray, Y: np.ndarray, order: np.ndarray | None, start: int, stop: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Rows ``start:stop`` of the epoch's order, gathered into reused buffers."""
        if order is None:
            return X[start:stop], Y[start:stop]
        m = stop - start
        if self._xbuf is None or self._xbuf.shape[1] != X.shape[1] or len(self._xbuf) < m:
            self._xbuf = np.empty((m, X.shape[1]), dtype=X.dtype)
            self._ybuf = np.empty((m, Y.shape[1]), dtype=Y.dtype)
        rows = order[start:stop]  # a permutation: every index is valid, so no checked copy
        return (
            np.take(X, rows, axis=0, out=self._xbuf[:m], mode="clip"),
            np.take(Y, rows, axis=0, out=self._ybuf[:m], mode="clip"),
        )

    def _step(self, X: np.ndarray, Y: np.ndarray) -> float:
        """Forward, loss, backward, update; the caller checks the weights and rolls back."""
        net, params = self.net, self.net.parameters
        trace = net._forward(X)
        loss = net._loss_value(trace, Y)
        if not math.isfinite(loss):
            raise _Diverged(f"the loss became {loss}", loss_was_finite=False)
        net._backward(trace, Y, self._grad)
        self.optimizer.update(params, self._grad, net.n_weight_params, overwrite_grads=True)
        return loss

    def _check_weights(self) -> None:
        """Once per epoch: a NaN weight also turns the next loss into NaN, but a weight that
        overflowed to ±inf behind a saturated sigmoid would not."""
        if not math.isfinite(np.add.reduce(self.net.parameters)):
            raise _Diverged("a weight became infinite or NaN", loss_was_finite=True)

    def _take_checkpoint(self) -> None:
        """Remember the state at the start of this epoch, keeping the previous epoch's too.

        A divergence rolls back to the start of the epoch it happened in, or, when the very
        first loss of the epoch is already non-finite (the last update made it so), to the
        start of the epoch before: always to weights whose loss was finite.
        """
        if len(self._checkpoints) == 2:
            buffer = self._checkpoints.pop(0).parameters
        else:
            buffer = np.empty_like(self._grad)
        np.copyto(buffer, self.net.parameters)
        self._checkpoints.append(
            _Checkpoint(buffer, self.optimizer.state(), self.epoch, len(self.history))
        )

    def _restore_checkpoint(self, *, before_previous: bool) -> None:
        if before_previous and len(self._checkpoints) == 2:
            self._checkpoints.pop()  # the start of this epoch is the state that failed
        point = self._checkpoints[-1]
        np.copyto(self.net.parameters, point.parameters)
        self.optimizer.load_state(point.optimizer_state)
        self.epoch = point.epoch
        self.history.truncate(point.history_length)

    def _divergence(self, what: str, failed_in: int) -> DivergenceError:
        """The message, once the weights are back at the last checkpoint known to be sound."""
        kept = f"the weights after epoch {self.epoch}" if self.epoch else "the starting weights"
        return DivergenceError(
            f"Training diverged at epoch {failed_in}: {what}. Training went back to {kept}, "
            f"the last known to be finite. Lower the learning rate (now "
            f"{self.optimizer.lr:g}), for example to a tenth, or reset the weights and try again."
        )
