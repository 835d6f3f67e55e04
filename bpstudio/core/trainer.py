"""Training loops: one step, slices of an epoch, many epochs, with divergence caught and undone.

The same :class:`Trainer` runs in the GUI's worker thread, the command line and the tests.
:meth:`Trainer.advance` trains until a deadline, a number of mini-batches or an epoch, and
may stop inside an epoch, even inside a batch too large to finish in time (computed in
chunks, see :meth:`~bpstudio.core.network.Network.chunk_rows`). Its whole state (parameters,
optimizer state, random generator, epoch count, the position inside the epoch, history) can
be taken out with :meth:`Trainer.state` and put back with :meth:`Trainer.load_state`, so
training saved anywhere and resumed is bit for bit the same as training straight through.

Over 300 lines on purpose: the trainer's position inside an epoch, its checkpoints and its
divergence roll-back are one state machine; split, each part would reach into another's
private state.
"""

from __future__ import annotations

import copy
import math
import sys
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any, ClassVar, NamedTuple

import numpy as np

from ..limits import MAX_EPOCHS, MAX_HISTORY_ROWS
from .network import QUIET, Network
from .optimizers import Optimizer
from .phrase import Phrase
from .schedules import PlateauState, Schedule
from .stopping import EarlyStopState
from .text import quote
from .translatable import QT_TRANSLATE_NOOP


class DivergenceError(ArithmeticError):
    """Training produced a non-finite loss or weight; the last finite state was kept."""


class _Diverged(Exception):
    """Raised inside a step; the training loop rolls back and raises DivergenceError."""

    def __init__(self, what: str, *, loss_was_finite: bool) -> None:
        super().__init__(what)
        self.what = what
        self.loss_was_finite = loss_was_finite


Row = tuple[int, float, float, float, float, float]


@dataclass
class History:
    """Per-epoch records. ``NaN`` marks a value that was not measured at that epoch.

    It keeps at most :attr:`MAX_ROWS` rows: beyond them it keeps the epochs that are
    multiples of :attr:`stride` (which doubles each time the rows would be too many) and
    always the newest epoch as its last row. Which rows stay depends on the epochs only, so
    a resumed run keeps the same ones as a straight run.
    """

    epoch: list[int] = field(default_factory=list)
    train_loss: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)
    train_metric: list[float] = field(default_factory=list)
    test_metric: list[float] = field(default_factory=list)
    learning_rate: list[float] = field(default_factory=list)
    stride: int = 1

    COLUMNS = ("epoch", "train_loss", "test_loss", "train_metric", "test_metric",
               "learning_rate")
    MAX_ROWS: ClassVar[int] = MAX_HISTORY_ROWS

    def __post_init__(self) -> None:
        if self.epoch and not self.learning_rate:  # made without the rates: not recorded
            self.learning_rate = [math.nan] * len(self.epoch)

    def append(
        self,
        epoch: int,
        train_loss: float,
        test_loss: float = math.nan,
        train_metric: float = math.nan,
        test_metric: float = math.nan,
        learning_rate: float = math.nan,
    ) -> None:
        """Add the newest epoch's row (``learning_rate``: the η it trained with); the previous
        newest goes if it is off the stride."""
        epochs = self.epoch
        if epochs and epochs[-1] % self.stride:
            self._pop()
        epochs.append(int(epoch))
        self.train_loss.append(float(train_loss))
        self.test_loss.append(float(test_loss))
        self.train_metric.append(float(train_metric))
        self.test_metric.append(float(test_metric))
        self.learning_rate.append(float(learning_rate))
        while len(epochs) > self.MAX_ROWS:
            self.stride *= 2
            last = len(epochs) - 1
            self._keep([i for i, e in enumerate(epochs) if e % self.stride == 0 or i == last])

    def __len__(self) -> int:
        return len(self.epoch)

    def keep_through(self, epoch: int, newest: Row | None) -> None:
        """Back to how it stood at ``epoch``, whose row was ``newest``: later rows go, and
        ``newest`` comes back if a later epoch had replaced it (the stride stays)."""
        while self.epoch and self.epoch[-1] > epoch:
            self._pop()
        if newest is not None and (not self.epoch or self.epoch[-1] != newest[0]):
            self._push(newest)

    def copy(self) -> History:
        return History(*(list(getattr(self, c)) for c in self.COLUMNS), stride=self.stride)

    def _push(self, row: Row | tuple[int, float, float, float, float]) -> None:
        """Append a row; one without its learning rate (five values) gets NaN, not recorded."""
        if len(row) == len(self.COLUMNS) - 1:
            row = (*row, math.nan)
        for column, value in zip(self.COLUMNS, row, strict=True):
            getattr(self, column).append(value)

    def _pop(self) -> None:
        for column in self.COLUMNS:
            getattr(self, column).pop()

    def _keep(self, rows: list[int]) -> None:
        for column in self.COLUMNS:
            values = getattr(self, column)
            values[:] = [values[i] for i in rows]


@dataclass(frozen=True)
class EpochProgress:
    """How far training got inside an epoch: the samples done and their summed loss
    (each batch's loss times its rows), from which the epoch's mean loss is finished."""

    samples: int
    loss_sum: float


@dataclass(frozen=True)
class TrainerState:
    """Everything needed to continue training exactly: the hand-back from a worker.

    ``progress`` is ``None`` between epochs. Inside one, ``rng_state`` is the generator as
    it stood at the epoch's start, before it drew the epoch's order of samples: resuming
    draws the same order again and goes on from ``progress.samples``. ``plateau`` is the
    reduce-on-plateau schedule's state, ``early_stop`` early stopping's (kept by the run that
    measures the test loss), ``seconds`` the time trained so far (for a time limit).
    """

    parameters: np.ndarray
    optimizer: dict[str, Any]
    optimizer_state: dict[str, Any]
    rng_state: dict[str, Any]
    epoch: int
    history: History
    progress: EpochProgress | None = None
    plateau: PlateauState | None = None
    early_stop: EarlyStopState | None = None
    seconds: float = 0.0


@dataclass(slots=True)
class _Checkpoint:
    """Where training stood. ``rng_state`` is filled when the generator first draws an
    epoch's order after it (``None``: it has not drawn since, and needs no restoring)."""

    parameters: np.ndarray
    optimizer_state: dict[str, Any]
    epoch: int
    samples: int
    loss_sum: float
    newest: Row | None
    rng_state: dict[str, Any] | None
    plateau: PlateauState | None
    early_stop: EarlyStopState | None


class _PendingStep(NamedTuple):
    """A batch too large for one call, part-way through its chunks: nothing changed yet."""

    X: np.ndarray
    start: int
    steps: Generator[None, None, float]


Callback = Callable[[int, float], "bool | None"]


class Trainer:
    """Trains a :class:`Network` with an optimizer on full or mini-batches.

    ``batch_size=None`` means full batch. With ``shuffle`` the samples are permuted each epoch
    by a generator seeded from ``seed`` before they are cut into mini-batches; without it they
    are visited in order. A full batch is never permuted. ``schedule`` sets the optimizer's
    rate before each epoch: its factor times :attr:`base_rate` (the optimizer's rate when
    given, then :meth:`set_learning_rate`'s).

    Read-only arrays are checked once and trusted while the same objects come again (the
    worker trains on one pair of arrays slice after slice); others are checked every call.
    """

    def __init__(
        self,
        net: Network,
        optimizer: Optimizer,
        *,
        batch_size: int | None = None,
        shuffle: bool = True,
        seed: int | np.random.Generator | None = None,
        schedule: Schedule | None = None,
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
        self._scratch: np.ndarray | None = None
        self._chunk_rows = net.chunk_rows()
        self._samples = 0  # samples of the current epoch done
        self._loss_sum = 0.0  # their summed loss
        self._order: np.ndarray | None = None  # the current epoch's order, once drawn
        self._epoch_rng: dict[str, Any] | None = None  # the generator before drawing it
        self._pending: _PendingStep | None = None
        self._checkpoints: list[_Checkpoint] = []
        self._checkpointed = False  # the newest checkpoint is where training stands
        self._since_checkpoint = 0  # batches done since it
        self._checked: tuple[object, object, np.ndarray, np.ndarray] | None = None
        self._xbuf: np.ndarray | None = None
        self._ybuf: np.ndarray | None = None
        self.schedule = None if schedule is None or schedule.constant else schedule
        self.base_rate = optimizer.lr
        self.plateau = None if self.schedule is None else self.schedule.start_state()
        self.early_stop: EarlyStopState | None = None  # the run's, kept and saved here
        self.seconds = 0.0  # time trained, kept and saved here
        self._set_rate()

    def set_learning_rate(self, learning_rate: float) -> None:
        """A new η0, applied at once (times the schedule's factor for this epoch)."""
        self.base_rate = learning_rate
        self.optimizer.lr = learning_rate
        self._set_rate()

    def _set_rate(self) -> None:
        """The optimizer's rate for the epoch in progress (or the next): once per epoch."""
        if self.schedule is not None:
            self.optimizer.lr = self.base_rate * self.schedule.factor(self.epoch + 1,
                                                                      self.plateau)

    @property
    def progress(self) -> EpochProgress | None:
        """Where training stands inside the current epoch; ``None`` between epochs."""
        return EpochProgress(self._samples, self._loss_sum) if self._samples else None

    def step(self, X: object, Y: object) -> float:
        """One update on exactly this batch; returns the batch loss before the update."""
        X, Y = self._check(X, Y)
        self._pending = None
        self._take_checkpoint()
        with np.errstate(**QUIET):
            try:
                loss = self._step(X, Y)
                self._check_weights()
            except _Diverged as exc:
                failed_in = self.epoch + 1
                self._restore_checkpoint(before_previous=exc.loss_was_finite is False)
                raise self._divergence(exc.what, failed_in) from None
        self._checkpointed = False
        return loss

    def run_epoch(self, X: object, Y: object) -> float:
        """Train to the end of the current epoch (a whole one between epochs); returns its
        loss: the sample-weighted mean batch loss."""
        self.advance(X, Y, until_epoch=self.epoch + 1)
        return self.history.train_loss[-1]

    def fit(
        self,
        X: object,
        Y: object,
        epochs: int,
        callback: Callback | None = None,
    ) -> History:
        """Train ``epochs`` epochs (an epoch in progress counts as one), recording each loss
        in :attr:`history`.

        ``callback(epoch, loss)`` runs after every epoch; returning ``True`` stops training.
        """
        if isinstance(epochs, bool) or not isinstance(epochs, int | np.integer) or epochs < 0:
            raise ValueError(f"epochs: must be a whole number >= 0, got {quote(epochs)}")
        self.advance(X, Y, until_epoch=self.epoch + int(epochs), callback=callback)
        return self.history

    def advance(
        self,
        X: object,
        Y: object,
        *,
        deadline: float | None = None,
        max_batches: int | None = None,
        until_epoch: int = MAX_EPOCHS,
        callback: Callback | None = None,
    ) -> None:
        """Train until the epoch count reaches ``until_epoch``, ``max_batches`` more
        mini-batches are done, ``callback(epoch, loss)`` returns ``True`` after an epoch, or
        the clock (:func:`time.perf_counter`) passes ``deadline``.

        The deadline is looked at between mini-batches and between the chunks of a batch too
        large for one; such a batch, unfinished, has changed nothing and goes on at the next
        call. Every other stop may fall inside an epoch: :meth:`state` then says where.
        """
        X, Y = self._check(X, Y)
        with np.errstate(**QUIET):
            self._advance(X, Y, deadline, max_batches, until_epoch, callback)

    # -- state hand-back -----------------------------------------------------------------------

    def state(self) -> TrainerState:
        """A deep copy of everything that determines how training continues.

        A batch still in progress (:meth:`advance` stopped between its chunks) is not part
        of it: it changed nothing yet, and a trainer resuming this state computes it again.
        """
        return TrainerState(
            parameters=self.net.parameters.copy(),
            optimizer=self.optimizer.config(),
            optimizer_state=self.optimizer.state(),
            rng_state=self._rng_state(),
            epoch=self.epoch,
            history=self.history.copy(),
            progress=self.progress,
            plateau=self.plateau,
            early_stop=self.early_stop,
            seconds=self.seconds,
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
        progress = state.progress
        if progress is not None and not (
            isinstance(progress.samples, int | np.integer) and progress.samples >= 1
            and not math.isnan(progress.loss_sum)
        ):
            raise ValueError(
                f"progress: expected samples >= 1 and a loss sum that is a number, got {progress}"
            )
        self.net.set_parameters(state.parameters)
        self.optimizer.load_state(state.optimizer_state)
        self.rng.bit_generator.state = state.rng_state
        self.epoch = int(state.epoch)
        self.history = state.history.copy()
        self._samples, self._loss_sum = (
            (0, 0.0) if progress is None else (int(progress.samples), float(progress.loss_sum)))
        self._order = self._epoch_rng = self._pending = None
        self._checkpoints = []
        self._checkpointed = False
        self.plateau = None if self.schedule is None else (
            state.plateau or self.schedule.start_state())
        self.early_stop, self.seconds = state.early_stop, float(state.seconds)
        self._set_rate()

    # -- the training loop (inputs checked, np.errstate set) ----------------------------------

    def _check(self, X: object, Y: object) -> tuple[np.ndarray, np.ndarray]:
        checked = self._checked
        if checked is not None and checked[0] is X and checked[1] is Y:
            return checked[2], checked[3]
        Xc = self.net.check_inputs(X)
        Yc = self.net.check_targets(Y, Xc.shape[0])
        if all(isinstance(a, np.ndarray) and not a.flags.writeable for a in (X, Y)):
            self._checked = (X, Y, Xc, Yc)
        return Xc, Yc

    def _advance(
        self, X: np.ndarray, Y: np.ndarray, deadline: float | None, max_batches: int | None,
        until_epoch: int, callback: Callback | None,
    ) -> None:
        n = X.shape[0]
        if self._samples >= n:
            raise ValueError(
                f"progress: the epoch in progress is {self._samples} samples in, but the data "
                f"has {n}; train on the data the state was saved with, or reset the weights"
            )
        if self._order is not None and len(self._order) != n:
            raise ValueError(
                f"X: the epoch in progress has {len(self._order)} samples, this data {n}; "
                "train an epoch on the same data to its end"
            )
        shuffled = self.shuffle and (self.batch_size or n) < n
        size = n if self.batch_size is None else min(self.batch_size, n)
        budget = sys.maxsize if max_batches is None else max_batches
        clock, chunk = time.perf_counter, self._chunk_rows
        done = 0
        try:
            while self.epoch < until_epoch and done < budget:
                if not self._checkpointed:
                    self._take_checkpoint()
                    self._set_rate()
                order = self._order
                if order is None and shuffled:
                    order = self._draw_order(n)
                start, total, first, rows = self._samples, self._loss_sum, done, 0
                while start < n:
                    stop = start + size if start + size < n else n
                    rows = stop - start
                    if rows > chunk:
                        loss = self._chunked_step(X, Y, order, start, stop, deadline)
                        if loss is None:  # out of time between two chunks: the batch waits
                            break
                    elif rows == n:
                        loss = self._step(X, Y)
                    else:
                        Xb, Yb = self._batch(X, Y, order, start, stop)
                        loss = self._step(Xb, Yb)
                    total = loss if rows == n else total + loss * rows
                    start = stop
                    done += 1
                    if done >= budget or (deadline is not None and clock() >= deadline):
                        break
                self._since_checkpoint += done - first
                self._samples, self._loss_sum = start, total
                if start < n:
                    self._check_weights()  # a state handed back mid-epoch is finite too
                    return
                loss = total if rows == n else total / n
                self._check_weights()
                self.epoch += 1
                self.history.append(self.epoch, loss, learning_rate=self.optimizer.lr)
                if self.plateau is not None:
                    self.plateau = self.schedule.after_epoch(self.plateau, loss)
                self._samples, self._loss_sum = 0, 0.0
                self._order = self._epoch_rng = None
                self._checkpointed = False
                if callback is not None and callback(self.epoch, loss):
                    return
                if deadline is not None and clock() >= deadline:
                    return
        except _Diverged as exc:
            failed_in = self.epoch + 1
            first_batch = self._since_checkpoint + done - first == 0
            self._restore_checkpoint(before_previous=first_batch and not exc.loss_was_finite)
            raise self._divergence(exc.what, failed_in) from None

    def _draw_order(self, n: int) -> np.ndarray:
        """The epoch's order of samples, drawn at its first batch; after a resumed state it
        is drawn again from the generator as it stood then."""
        self._epoch_rng = self.rng.bit_generator.state
        if self._checkpoints and self._checkpoints[-1].rng_state is None:
            self._checkpoints[-1].rng_state = self._epoch_rng
        self._order = self.rng.permutation(n)
        return self._order

    def _rng_state(self) -> dict[str, Any]:
        """The generator as :meth:`state` gives it: at the epoch's start once its order is
        drawn (resuming draws it again)."""
        if self._order is not None:
            return copy.deepcopy(self._epoch_rng)
        return self.rng.bit_generator.state

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
        trace = net.forward_unchecked(X)
        loss = net.trace_loss(trace, Y)
        if not math.isfinite(loss):
            raise _Diverged(_became(loss), loss_was_finite=False)
        net.backward_into(trace, Y, self._grad)
        self.optimizer.update(params, self._grad, net.n_weight_params, overwrite_grads=True)
        return loss

    def _chunked_step(
        self, X: np.ndarray, Y: np.ndarray, order: np.ndarray | None, start: int, stop: int,
        deadline: float | None,
    ) -> float | None:
        """:meth:`_step` over chunks of the batch; ``None`` if the deadline passed first (the
        step goes on from the next chunk at the next call)."""
        pending = self._pending
        if pending is None or pending.X is not X or pending.start != start:
            if self._scratch is None:
                self._scratch = np.empty_like(self._grad)
            Xb, Yb = (X, Y) if stop - start == len(X) else self._batch(X, Y, order, start, stop)
            steps = self.net.gradient_steps(Xb, Yb, self._grad, self._scratch, self._chunk_rows)
            pending = self._pending = _PendingStep(X, start, steps)
        try:
            while True:
                next(pending.steps)
                if deadline is not None and time.perf_counter() >= deadline:
                    return None
        except StopIteration as finished:
            total = finished.value
        self._pending = None
        loss = total / (stop - start) if self.net.reduction == "mean" else total
        if not math.isfinite(loss):
            raise _Diverged(_became(loss), loss_was_finite=False)
        net = self.net
        self.optimizer.update(net.parameters, self._grad, net.n_weight_params,
                              overwrite_grads=True)
        return loss

    def _check_weights(self) -> None:
        """At an epoch's end and where training pauses: a NaN weight also turns the next loss
        into NaN, but a weight that overflowed to ±inf behind a saturated sigmoid would not."""
        if not math.isfinite(np.add.reduce(self.net.parameters)):
            raise _Diverged(QT_TRANSLATE_NOOP("Trainer", "a weight became infinite or NaN"),
                            loss_was_finite=True)

    # -- checkpoints ------------------------------------------------------------------------

    def _take_checkpoint(self) -> None:
        """Remember where training stands (an epoch's start, or where it resumed), keeping the
        previous checkpoint too.

        A divergence rolls back to the newest checkpoint, or, when the very first loss after
        it is already non-finite (the update before made it so), to the one before: always to
        weights whose loss was finite.
        """
        if len(self._checkpoints) == 2:
            buffer = self._checkpoints.pop(0).parameters
        else:
            buffer = np.empty_like(self._grad)
        np.copyto(buffer, self.net.parameters)
        h = self.history
        newest = (h.epoch[-1], h.train_loss[-1], h.test_loss[-1], h.train_metric[-1],
                  h.test_metric[-1], h.learning_rate[-1]) if h.epoch else None
        self._checkpoints.append(_Checkpoint(
            buffer, self.optimizer.state(), self.epoch, self._samples, self._loss_sum, newest,
            None if self._order is None else copy.deepcopy(self._epoch_rng),
            self.plateau, self.early_stop,
        ))
        self._checkpointed = True
        self._since_checkpoint = 0

    def _restore_checkpoint(self, *, before_previous: bool) -> None:
        points = self._checkpoints  # before_previous: the newest is the state that failed
        index = 0 if before_previous and len(points) == 2 else len(points) - 1
        point = points[index]
        # the generator as it stood there: as it stood when it first drew after it, if it did
        drawn = [c.rng_state for c in points[index:] if c.rng_state is not None]
        del points[index + 1:]
        np.copyto(self.net.parameters, point.parameters)
        self.optimizer.load_state(point.optimizer_state)
        if drawn:
            self.rng.bit_generator.state = drawn[0]
        self.epoch, self._samples, self._loss_sum = point.epoch, point.samples, point.loss_sum
        self.history.keep_through(point.epoch, point.newest)
        self._order = self._epoch_rng = self._pending = None
        self._checkpointed = True
        self._since_checkpoint = 0
        self.plateau, self.early_stop = point.plateau, point.early_stop
        self._set_rate()

    def _divergence(self, what: str, failed_in: int) -> DivergenceError:
        """The message, once the weights are back at the last checkpoint known to be sound."""
        if self._samples:
            kept = Phrase(QT_TRANSLATE_NOOP(
                "Trainer", "the weights {samples} samples into epoch {epoch}"), "Trainer",
                samples=f"{self._samples:,}", epoch=self.epoch + 1)
        elif self.epoch:
            kept = Phrase(QT_TRANSLATE_NOOP("Trainer", "the weights after epoch {epoch}"),
                          "Trainer", epoch=self.epoch)
        else:
            kept = Phrase(QT_TRANSLATE_NOOP("Trainer", "the starting weights"), "Trainer")
        return DivergenceError(Phrase(QT_TRANSLATE_NOOP(
            "Trainer", "Training diverged at epoch {epoch}: {what}. Training went back to "
            "{kept}, the last known to be finite. Lower the learning rate (now {rate}), for "
            "example to a tenth, or reset the weights and try again."), "Trainer",
            epoch=failed_in, what=what, kept=kept, rate=f"{self.optimizer.lr:g}"))


def _became(loss: float) -> str:
    return (QT_TRANSLATE_NOOP("Trainer", "the loss became infinite") if math.isinf(loss)
            else QT_TRANSLATE_NOOP("Trainer", "the loss became NaN (not a number)"))
