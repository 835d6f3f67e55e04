"""Train K networks of one shape at once, each ending exactly as its own Trainer would.

A sweep over seeds, learning rates, momentum or L2 trains many networks of the same shape.
One by one, each small network pays NumPy's per-call overhead for arrays of a few hundred
numbers; stacked, one call does the work of all K (:mod:`~bpstudio.core.stacked_passes`,
:mod:`~bpstudio.core.stacked_update`). Each network keeps its own starting weights, its own
shuffling generator (the trainer's, drawn from as the trainer would) and its own learning
rate, momentum and L2; its epochs' batches are gathered together, once per epoch.

Networks leave the stack when they diverge or when the caller stops them, and the others
go on undisturbed. A network that diverged is handed to its own :class:`Trainer`, which
replays its last one or two epochs (bit for bit the same numbers) and so rolls back and
words the :class:`DivergenceError` exactly as if it had trained alone. For that the stack
keeps where every network stood at the start of the last two epochs, its history included:
a history that thinned out since (``History.MAX_ROWS``) is rebuilt by the same appends.

Over 300 lines on purpose: the stacked trainer and its private stack of networks share the
bookkeeping of who is still in the stack and where each stood two epochs ago; the passes and
the update are already in modules of their own.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from .network import QUIET, Network
from .optimizers import SGD, Adam
from .stacked_losses import BlockLosses
from .stacked_passes import StackedPasses
from .stacked_update import StackedUpdate
from .trainer import DivergenceError, History, Trainer, TrainerState

GATHER_BYTES = 8 * 2**20
"""Most bytes of shuffled inputs and targets gathered at a time for all K networks; an epoch
of small data is gathered at once, a large one a few batches at a time."""


class StackKey(NamedTuple):
    """What must be equal for networks to train in one stack (all else may differ)."""

    layer_sizes: tuple[int, ...]
    activations: tuple[str, ...]
    loss: str
    reduction: str
    bias: bool
    dtype: str
    optimizer: str
    optimizer_settings: tuple
    momentum_on: bool
    l2_on: bool
    batch_size: int | None
    shuffle: bool


def stack_key(trainer: Trainer) -> StackKey:
    """Trainers with equal keys can train in one :class:`StackedTrainer`.

    Seeds, starting weights, learning rate, momentum and L2 may differ; whether momentum and
    L2 are used at all may not (the optimizers take another path when they are 0).
    """
    net, opt = trainer.net, trainer.optimizer
    if trainer.schedule is not None:
        raise ValueError(
            f"schedule: stacked training cannot follow the '{trainer.schedule.name}' schedule "
            "exactly; train such networks alone"
        )
    if type(opt) is SGD:
        settings: tuple = (opt.nesterov,)
    elif type(opt) is Adam:
        settings = (opt.beta1, opt.beta2, opt.eps)
    else:
        raise ValueError(
            f"optimizer: stacked training knows SGD and Adam, got {type(opt).__name__}"
        )
    return StackKey(
        net.layer_sizes, net.activation_names, net.loss_name, net.reduction, net.bias,
        net.dtype.str, opt.name, settings, bool(getattr(opt, "momentum", 0.0)),
        bool(opt.weight_decay), trainer.batch_size, trainer.shuffle,
    )


def stack_groups(trainers: Sequence[Trainer]) -> list[list[int]]:
    """Positions of ``trainers`` grouped by :func:`stack_key`, groups in first-seen order."""
    groups: dict[StackKey, list[int]] = {}
    for i, trainer in enumerate(trainers):
        groups.setdefault(stack_key(trainer), []).append(i)
    return list(groups.values())


@dataclass(frozen=True)
class EpochReport:
    """What a :meth:`StackedTrainer.fit` callback sees after each epoch.

    One entry per network that finished the epoch: its position in the trainers list, its
    epoch count, its epoch loss and (read-only) its parameter vector.
    """

    positions: np.ndarray
    epochs: np.ndarray
    losses: np.ndarray
    parameters: np.ndarray


Callback = Callable[[EpochReport], "bool | np.ndarray | None"]


class StackedTrainer:
    """Trains several :class:`Trainer` objects at once; each ends as if trained alone.

    All trainers must share a :func:`stack_key`. :meth:`fit` reads each trainer's state
    (parameters, optimizer state, generator, epoch, history) when it starts and hands the
    new state back when it ends, through ``Trainer.load_state``: afterwards every trainer is
    bit for bit where ``trainer.fit`` alone would have left it (after a ``load_state`` of its
    own state: a stacked fit starts without the rollback point of the epoch before it).

    All networks of a stack train the same rows at the same time, so a trainer stopped
    inside an epoch (``trainer.progress`` set) is refused: finish its epoch first.
    """

    def __init__(self, trainers: Sequence[Trainer]) -> None:
        self.trainers = list(trainers)
        if not self.trainers:
            raise ValueError("trainers: needs at least one Trainer")
        for i, trainer in enumerate(self.trainers):
            if not isinstance(trainer, Trainer):
                raise ValueError(f"trainers[{i}]: expected a Trainer, got {type(trainer).__name__}")
        for i, trainer in enumerate(self.trainers):
            if trainer.schedule is not None:
                raise ValueError(
                    f"trainers[{i}]: its learning rate follows the '{trainer.schedule.name}' "
                    "schedule, which stacked training cannot follow exactly; train it alone "
                    "(Trainer.fit) or with a constant rate"
                )
        if len({id(t.net) for t in self.trainers}) < len(self.trainers):
            raise ValueError("trainers: each needs its own Network; two share one")
        first = stack_key(self.trainers[0])
        for i, trainer in enumerate(self.trainers[1:], start=1):
            key = stack_key(trainer)
            for field, mine, theirs in zip(StackKey._fields, key, first):
                if mine != theirs:
                    raise ValueError(
                        f"trainers[{i}]: its {field} ({mine!r}) differs from trainers[0]'s "
                        f"({theirs!r}); only networks that differ in seeds, weights, learning "
                        "rate, momentum and L2 train together (group them with stack_groups)"
                    )

    def fit(
        self,
        X: object,
        Y: object,
        epochs: int,
        *,
        per_network: bool = False,
        callback: Callback | None = None,
    ) -> list[DivergenceError | None]:
        """Train every network ``epochs`` epochs on ``X``, ``Y`` (as ``Trainer.fit`` takes
        them), or with ``per_network`` on ``X[k]``, ``Y[k]`` each (equal sample counts).

        ``callback(report)`` runs after every epoch (:class:`EpochReport`); it returns
        ``True`` to stop all networks, a boolean array aligned with ``report.positions`` to
        stop those, or ``None``/``False`` to go on. Returns, per trainer, the
        :class:`DivergenceError` that stopped it, or ``None``.
        """
        if isinstance(epochs, bool) or not isinstance(epochs, int | np.integer) or epochs < 0:
            raise ValueError(f"epochs: must be a whole number >= 0, got {epochs!r}")
        for i, trainer in enumerate(self.trainers):
            _check_between_epochs(i, trainer)
        data = _Data(self.trainers, X, Y, per_network)
        outcomes: list[DivergenceError | None] = [None] * len(self.trainers)
        if epochs == 0:
            return outcomes
        with np.errstate(**QUIET):
            stack = _Stack(self.trainers, data)
            try:
                for _ in range(epochs):
                    losses, diverged = stack.run_epoch()
                    for row in np.flatnonzero(diverged):
                        outcomes[int(stack.positions[row])] = stack.replay_divergence(row)
                    stack.keep(np.flatnonzero(~diverged))
                    if not len(stack.positions):
                        break
                    stop = self._stops(callback, stack, losses[~diverged])
                    for row in np.flatnonzero(stop):
                        stack.hand_back(row)
                    stack.keep(np.flatnonzero(~stop))
                    if not len(stack.positions):
                        break
            except BaseException:
                stack.rewind()  # to the start of the unfinished epoch: a consistent state
                raise
            for row in range(len(stack.positions)):
                stack.hand_back(row)
        return outcomes

    @staticmethod
    def _stops(callback: Callback | None, stack: _Stack, losses: np.ndarray) -> np.ndarray:
        """Which networks of the stack the callback stops after the epoch they finished."""
        K = len(stack.positions)
        if callback is None:
            return np.zeros(K, dtype=bool)
        parameters = stack.params.copy()
        parameters.setflags(write=False)
        verdict = callback(EpochReport(
            stack.positions.copy(), stack.epochs.copy(), losses.copy(), parameters,
        ))
        verdict = np.asarray(False if verdict is None else verdict)
        if verdict.dtype == bool and verdict.ndim == 0:
            return np.full(K, bool(verdict))
        if verdict.dtype != bool or verdict.shape != (K,):
            raise ValueError(
                "callback: must return True, False, None or one bool per network of the "
                f"report ({K}), got {verdict!r}"
            )
        return verdict


def _check_between_epochs(i: int, trainer: Trainer) -> None:
    progress = trainer.progress
    if progress is not None:
        epoch = trainer.epoch + 1
        raise ValueError(
            f"trainers[{i}]: stopped {progress.samples:,} samples into epoch {epoch}, but the "
            "networks of a stack start their epochs together; finish that epoch first, e.g. "
            f"trainers[{i}].advance(X, Y, until_epoch={epoch})"
        )


class _Data:
    """The checked training arrays, shared by all networks or one set per network."""

    def __init__(self, trainers: list[Trainer], X: object, Y: object, per_network: bool) -> None:
        self.per_network = bool(per_network)
        if not self.per_network:
            net = trainers[0].net
            self.X = net.check_inputs(X)
            self.Y = net.check_targets(Y, self.X.shape[0])
            self.n = self.X.shape[0]
            return
        Xs, Ys = _one_per_network("X", X, len(trainers)), _one_per_network("Y", Y, len(trainers))
        checked_X, checked_Y = [], []
        for k, (trainer, Xk, Yk) in enumerate(zip(trainers, Xs, Ys)):
            try:
                Xk = trainer.net.check_inputs(Xk)
                checked_Y.append(trainer.net.check_targets(Yk, Xk.shape[0]))
            except ValueError as exc:
                raise ValueError(f"network {k}: {exc}") from None
            checked_X.append(Xk)
            if Xk.shape[0] != checked_X[0].shape[0]:
                raise ValueError(
                    f"X[{k}]: has {Xk.shape[0]} samples but X[0] has {checked_X[0].shape[0]}; "
                    "stacked networks train on the same number of samples"
                )
        self.X, self.Y = np.stack(checked_X), np.stack(checked_Y)
        self.n = self.X.shape[1]

    def of(self, position: int) -> tuple[np.ndarray, np.ndarray]:
        """Network ``position``'s own inputs and targets."""
        if self.per_network:
            return self.X[position], self.Y[position]
        return self.X, self.Y


def _one_per_network(field: str, value: object, K: int) -> list[Any]:
    if not isinstance(value, Sequence | np.ndarray) or len(value) != K:
        raise ValueError(f"{field}: with per_network, expected {K} arrays (one per network)")
    return list(value)


class _Snapshot(NamedTuple):
    """The stack at the start of an epoch: where a diverged network's replay begins."""

    params: np.ndarray
    optimizer: dict[str, np.ndarray]
    rng_states: list[dict[str, Any]]
    epochs: np.ndarray

    def take(self, rows: np.ndarray) -> _Snapshot:
        return _Snapshot(
            self.params[rows], {n: a[rows] for n, a in self.optimizer.items()},
            [self.rng_states[r] for r in rows], self.epochs[rows],
        )


class _Stack:
    """The networks still training: their parameters and optimizer state as ``(K, P)``
    arrays, their trainers, and the two latest epoch-start snapshots.

    Each network's history is kept as it stood at the oldest snapshot, with the losses of
    the epochs since (:attr:`recent`): its history at either snapshot, or now, is that
    history and the same :meth:`History.append` calls as the network's own trainer made.
    """

    def __init__(self, trainers: list[Trainer], data: _Data) -> None:
        self.all_trainers, self.data = trainers, data
        states = [t.state() for t in trainers]  # the generator as at the epoch's start
        template = trainers[0]
        self.batch = data.n if template.batch_size is None else min(template.batch_size, data.n)
        self.shuffle = template.shuffle and self.batch < data.n
        self.positions = np.arange(len(trainers))
        self.params = np.stack([s.parameters for s in states])
        self.epochs = np.array([s.epoch for s in states], dtype=np.int64)
        self.update = StackedUpdate(
            [t.optimizer for t in trainers], self.params.shape, template.net.dtype,
            template.net.n_weight_params,
        )
        self.rngs = [copy.deepcopy(t.rng) for t in trainers]  # the stack's own, until handed
        for rng, state in zip(self.rngs, states):  # back: the trainers stay as they were
            rng.bit_generator.state = state.rng_state
        self.snapshots: list[_Snapshot] = []
        self.histories = [s.history for s in states]  # as they were at snapshots[0]
        self.recent: list[np.ndarray] = []  # the epoch losses since snapshots[0]
        self._build(template.net)

    def _build(self, template: Network) -> None:
        self.template = template
        self.passes = StackedPasses(template, self.params)
        self.losses = BlockLosses(template.loss_name, template.reduction == "mean",
                                  template.layer_sizes[-1], template.dtype)

    # -- one epoch ----------------------------------------------------------------------------

    def run_epoch(self) -> tuple[np.ndarray, np.ndarray]:
        """Train every network one epoch; returns the epoch losses and who diverged."""
        self._snapshot()
        n, size, K = self.data.n, self.batch, len(self.positions)
        passes, update, params = self.passes, self.update, self.params
        keep = size <= passes.chunk_rows  # the losses of a block's batches in one go
        order = np.stack([rng.permutation(n) for rng in self.rngs]) if self.shuffle else None
        losses, finite = np.zeros(K), np.ones(K, dtype=bool)
        for start, stop in self._blocks(size):
            Xblock, Yblock = self._rows(order, start, stop)
            kept = self.losses.store(K, stop - start) if keep else None
            computed = []
            for s in range(0, stop - start, size):
                rows = slice(s, s + size)
                loss = passes.step(Xblock[..., rows, :], Yblock[..., rows, :],
                                   None if kept is None else kept[:, rows])
                if loss is not None:
                    computed.append(loss)
                update.apply(params, passes.grad)
            batches = np.array(computed) if kept is None else self.losses.of(kept, Yblock, size)
            # a non-finite batch loss stops a lone trainer; finite ones may add up to inf
            finite &= np.isfinite(batches).all(axis=0)
            if size == n:
                losses = batches[0]
            else:
                for s, batch in zip(range(start, stop, size), batches):
                    losses += batch * (min(s + size, stop) - s)
        if size < n:
            losses /= n
        self.epochs += 1
        self.recent.append(losses)
        sums = np.add.reduce(self.params, axis=1)  # as the Trainer checks its weights
        return losses, ~(finite & np.isfinite(sums))

    def _blocks(self, size: int) -> list[tuple[int, int]]:
        """Row ranges of whole batches, each gathered in one go for all networks."""
        n = self.data.n
        per_row = len(self.positions) * (self.data.X.shape[-1] + self.data.Y.shape[-1])
        rows = GATHER_BYTES // (per_row * self.params.itemsize) // size * size
        rows = max(size, rows)
        return [(start, min(start + rows, n)) for start in range(0, n, rows)]

    def _rows(self, order: np.ndarray | None, start: int, stop: int
              ) -> tuple[np.ndarray, np.ndarray]:
        """Rows ``start:stop`` of the epoch for every network: ``(m, n)`` views when all
        networks see the same rows, else ``(K, m, n)`` gathered copies."""
        data = self.data
        if order is None and not data.per_network:
            return data.X[start:stop], data.Y[start:stop]
        rows = np.arange(start, stop) if order is None else order[:, start:stop]
        if data.per_network:  # row r of network p is row p·N + r of the stacked data
            rows = rows + (self.positions * data.n)[:, None]
            return (np.take(data.X.reshape(-1, data.X.shape[-1]), rows, axis=0),
                    np.take(data.Y.reshape(-1, data.Y.shape[-1]), rows, axis=0))
        return np.take(data.X, rows, axis=0), np.take(data.Y, rows, axis=0)

    # -- snapshots, replays, hand-back ----------------------------------------------------------

    def _snapshot(self) -> None:
        if len(self.snapshots) == 2:  # the oldest goes: the histories move on to the next
            oldest = self.snapshots.pop(0)
            for row, (history, epoch, loss) in enumerate(
                    zip(self.histories, oldest.epochs + 1, self.recent.pop(0))):
                history.append(epoch, loss, learning_rate=self._rate(row))
        self.snapshots.append(_Snapshot(
            self.params.copy(), self.update.snapshot(),
            [rng.bit_generator.state for rng in self.rngs], self.epochs.copy(),
        ))

    def _history(self, row: int, epochs: int) -> History:
        """Network ``row``'s history ``epochs`` epochs after ``snapshots[0]`` (a copy)."""
        history = self.histories[row].copy()
        for snapshot, losses in zip(self.snapshots[:epochs], self.recent):
            history.append(snapshot.epochs[row] + 1, losses[row],
                           learning_rate=self._rate(row))
        return history

    def _rate(self, row: int) -> float:
        """Network ``row``'s learning rate (constant: a schedule is refused)."""
        return self.all_trainers[int(self.positions[row])].optimizer.lr

    def _load(self, row: int, at: int | None) -> Trainer:
        """Give network ``row``'s trainer its state at ``snapshots[at]``, or now (``None``)."""
        trainer = self.all_trainers[int(self.positions[row])]
        if at is None:
            params, optimizer_state = self.params[row], self.update.state_of(row)
            rng_state, epoch = self.rngs[row].bit_generator.state, self.epochs[row]
            done = len(self.recent)
        else:
            snapshot = self.snapshots[at]
            params = snapshot.params[row]
            optimizer_state = self.update.state_of(row, snapshot.optimizer)
            rng_state, epoch, done = snapshot.rng_states[row], snapshot.epochs[row], at
        # state an optimizer kept from a network of another size (the trainer starts it
        # afresh at its next step) goes in after the trainer's own checks, which refuse it
        foreign = {name: None for name, a in optimizer_state.items()
                   if isinstance(a, np.ndarray) and a.shape != params.shape}
        trainer.load_state(TrainerState(
            parameters=params, optimizer=trainer.optimizer.config(),
            optimizer_state={**optimizer_state, **foreign}, rng_state=rng_state,
            epoch=int(epoch), history=self._history(row, done),
            early_stop=trainer.early_stop, seconds=trainer.seconds,
        ))
        if foreign:
            trainer.optimizer.load_state(optimizer_state)
        return trainer

    def replay_divergence(self, row: int) -> DivergenceError:
        """Let network ``row``'s own trainer redo its last one or two epochs (those since the
        oldest snapshot); it diverges as it did here and rolls back as it would alone."""
        trainer = self._load(row, 0)
        X, Y = self.data.of(int(self.positions[row]))
        try:
            trainer.advance(X, Y, until_epoch=int(self.epochs[row]))
        except DivergenceError as exc:
            return exc
        raise AssertionError(
            f"network {self.positions[row]} diverged stacked but not alone: stacked training "
            "must repeat the Trainer's arithmetic exactly"
        )

    def hand_back(self, row: int) -> None:
        """Give network ``row``'s trainer its state as it is now."""
        self._load(row, None)

    def rewind(self) -> None:
        """After an interruption: every network back to the start of its unfinished epoch."""
        if self.snapshots:
            for row in range(len(self.positions)):
                self._load(row, len(self.snapshots) - 1)

    def keep(self, rows: np.ndarray) -> None:
        """Go on with only the networks at ``rows`` of the stack."""
        if len(rows) == len(self.positions):
            return
        self.positions, self.epochs = self.positions[rows], self.epochs[rows]
        self.params = self.params[rows]
        self.update.keep(rows)
        self.snapshots = [s.take(rows) for s in self.snapshots]
        self.rngs = [self.rngs[r] for r in rows]
        self.histories = [self.histories[r] for r in rows]
        self.recent = [losses[rows] for losses in self.recent]
        self._build(self.template)
