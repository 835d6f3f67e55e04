"""The session: the document a person designs, trains, saves and reopens.

A session bundles three frozen specs (network, data, training), the trainer state that lets
training continue exactly where it stopped (parameters, optimizer state, random generator,
epochs done, history) and free-text notes. It holds recipes and numbers, never Qt objects
and never open files; ``bpstudio.io`` turns it into a ``.bpnet`` file and back.

Over 300 lines on purpose: the specs, the prepared data and the session are the one data
model every layer shares; each class is small, and together they say what a document is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from .core import (
    ACTIVATIONS,
    INITIALIZERS,
    LOSSES,
    History,
    Network,
    Optimizer,
    Trainer,
    TrainerState,
)
from .core.dataset import Dataset
from .core.datasets import GENERATORS, make_dataset, train_test_split
from .core.optimizers import OPTIMIZER_KINDS as OPTIMIZER_KINDS  # where callers look for it
from .core.phrase import Translate, untranslated
from .core.schedules import Schedule
from .core.standardizer import Standardizer
from .core.stopping import StopRules
from .core.text import quote
from .core.validation import check_name
from .limit_checks import (
    check_column_names,
    check_data_values,
    check_epoch,
    check_history_rows,
    check_labels,
    check_layers,
    check_names,
    check_notes,
    check_parameters,
    check_params,
    check_rows,
    check_seed,
    check_steps,
    check_table_values,
    check_title,
)
from .limit_checks import count_parameters as count_parameters  # where callers look for it
from .limits import MAX_EPOCHS
from .memory import check_training_memory
from .training_fields import TRAINING_FIELDS

TABLE = "table"
"""``DataSpec.name`` of data imported as rows rather than made by a generator."""


@dataclass(frozen=True)
class LayerSpec:
    """One hidden layer: how many neurons and which activation."""

    size: int
    activation: str

    def __post_init__(self) -> None:
        if isinstance(self.size, bool) or not isinstance(self.size, int) or self.size < 1:
            raise ValueError(
                f"size: a layer needs a whole number of neurons >= 1, got {quote(self.size)}"
            )
        check_name("activation", self.activation, ACTIVATIONS)
        if not ACTIVATIONS[self.activation].hidden_allowed:
            raise ValueError(f"activation: '{self.activation}' is only allowed on the output layer")


@dataclass(frozen=True)
class NetworkSpec:
    """The architecture; the input and output sizes follow from the data."""

    hidden: tuple[LayerSpec, ...] = (LayerSpec(8, "tanh"),)
    output_activation: str = "identity"
    loss: str = "mse"
    reduction: str = "mean"
    init: str = "xavier_uniform"
    bias: bool = True
    seed: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "hidden", tuple(self.hidden))
        for i, layer in enumerate(self.hidden):
            if not isinstance(layer, LayerSpec):
                raise ValueError(f"hidden[{i}]: expected a LayerSpec, got {quote(layer)}")
        check_name("output_activation", self.output_activation, ACTIVATIONS)
        check_name("loss", self.loss, LOSSES)
        check_name("init", self.init, INITIALIZERS)
        outputs = LOSSES[self.loss].outputs
        if outputs is not None and self.output_activation not in outputs:
            raise ValueError(
                f"output_activation: loss '{self.loss}' needs a {' or '.join(sorted(outputs))} "
                f"output, got '{self.output_activation}'"
            )
        check_seed("seed", self.seed)
        check_layers("hidden", len(self.hidden) + 1)
        # too many parameters whatever the data: an input and an output are the fewest
        check_parameters("hidden", self.layer_sizes(1, 1), self.bias, least=True)

    def layer_sizes(self, n_in: int, n_out: int) -> list[int]:
        return [n_in, *(layer.size for layer in self.hidden), n_out]

    def activations(self) -> list[str]:
        return [*(layer.activation for layer in self.hidden), self.output_activation]

    def check_size(self, n_in: int, n_out: int) -> None:
        """Raise ``ValueError`` if the network for this data would be larger than BP Studio
        can save and open again (:data:`~bpstudio.limits.MAX_PARAMETERS`)."""
        check_parameters("hidden", self.layer_sizes(n_in, n_out), self.bias)

    def build(self, n_in: int, n_out: int) -> Network:
        """A freshly initialised network for data with ``n_in`` inputs and ``n_out`` outputs
        (refused before anything is allocated when it would be too large to save)."""
        self.check_size(n_in, n_out)
        return Network(
            self.layer_sizes(n_in, n_out), self.activations(), loss=self.loss,
            reduction=self.reduction, init=self.init, bias=self.bias, seed=self.seed,
        )


@dataclass(frozen=True, eq=False)
class Table:
    """Imported data kept inside the document: inputs, targets, the task kind, and the names
    the data came with: one per class (label order), per input and per target column. Names
    left empty are not known (a table made in code, a file older than version 4).

    Two tables are equal only if they are the same object: comparing arrays field by field
    cannot give one answer (and a ``DataSpec`` holding a table compares through it).
    """

    X: np.ndarray
    y: np.ndarray
    task: str
    class_names: tuple[str, ...] = ()
    input_names: tuple[str, ...] = ()
    target_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("class_names", "input_names", "target_names"):
            names = getattr(self, name)
            if isinstance(names, str) or not isinstance(names, Sequence):
                raise ValueError(f"{name}: expected a list of names, got {quote(names)}")
            object.__setattr__(self, name, tuple(names))


@dataclass(frozen=True)
class DataSpec:
    """Where the data comes from (a generator and its parameters, or embedded rows), the
    train/test split and whether inputs are standardized (fitted on the training part)."""

    name: str = "sin"
    params: Mapping[str, Any] = field(default_factory=dict)
    test_fraction: float = 0.0
    split_seed: int = 0
    standardize: bool = False
    table: Table | None = None

    def __post_init__(self) -> None:
        if self.table is None:
            check_name("name", self.name, GENERATORS)
        elif self.name != TABLE:
            raise ValueError(f"name: data with embedded rows must be called '{TABLE}'")
        object.__setattr__(self, "params", dict(self.params))
        f = self.test_fraction
        if isinstance(f, bool) or not isinstance(f, int | float) or not 0.0 <= f < 1.0:
            raise ValueError(f"test_fraction: must be a number in [0, 1), got {quote(f)}")
        check_seed("split_seed", self.split_seed)
        if self.table is None:
            check_params(self.params)
        else:
            _check_table(self.table)

    def load(self) -> PreparedData:
        """Generate (or take) the data, split it and fit the standardizer on the training part.

        Generated data too large to train on is refused right after it is made (a few MB at
        most, as ``n`` is limited) and before anything grows with the number of classes."""
        if self.table is not None:
            full = Dataset(self.table.X, self.table.y, self.table.task, TABLE, {})
        else:
            full = make_dataset(self.name, **self.params)
            y_columns = full.y.shape[1] if full.y.ndim == 2 else 1
            check_data_values("n", full.n_samples, full.n_features,
                              output_count(full.task, y_columns, full.n_classes))
        train, test = train_test_split(full, self.test_fraction, seed=self.split_seed)
        scaler = (
            Standardizer.fit(train.X) if self.standardize
            else Standardizer.identity(full.n_features)
        )
        return PreparedData(full, train, test, scaler, self.table)


@dataclass(frozen=True)
class PreparedData:
    """The data a trainer uses: raw full set, train and test parts, the input scaler, and
    the embedded rows it came from (``None`` for generated data), for their names."""

    full: Dataset
    train: Dataset
    test: Dataset
    standardizer: Standardizer
    table: Table | None = None

    @property
    def task(self) -> str:
        return self.full.task

    @property
    def n_inputs(self) -> int:
        return self.full.n_features

    @property
    def n_outputs(self) -> int:
        y_columns = self.full.y.shape[1] if self.task == "regression" else 1
        return output_count(self.task, y_columns, self.full.n_classes)

    def inputs(self, part: Dataset) -> np.ndarray:
        return self.standardizer.transform(part.X)

    @property
    def class_names(self) -> tuple[str, ...]:
        """One name per class in label order (the table's, else ``class 0``, ``class 1``, …);
        none for regression. For a legend, a confusion matrix, an export."""
        return self.class_names_said()

    def class_names_said(self, translate: Translate = untranslated) -> tuple[str, ...]:
        """:attr:`class_names`, the made-up ones in the language of ``translate``."""
        if self.task == "regression":
            return ()
        if self.table is not None and self.table.class_names:
            return self.table.class_names
        name = translate("Vocabulary", "class {index}")
        return tuple(name.format(index=k) for k in range(self.full.n_classes))

    @property
    def input_names(self) -> tuple[str, ...]:
        """One name per input column: the table's, else ``x1``, ``x2``, …"""
        if self.table is not None and self.table.input_names:
            return self.table.input_names
        return tuple(f"x{i + 1}" for i in range(self.n_inputs))

    @property
    def target_names(self) -> tuple[str, ...]:
        """One name per target column (one for classification): the table's, else ``y``, or
        ``y1``, ``y2``, … for several."""
        if self.table is not None and self.table.target_names:
            return self.table.target_names
        columns = self.full.y.shape[1] if self.task == "regression" else 1
        return ("y",) if columns == 1 else tuple(f"y{i + 1}" for i in range(columns))


def _default(name: str) -> Any:
    return TRAINING_FIELDS[name].default


@dataclass(frozen=True)
class TrainingConfig:
    """How to train: optimizer kind and settings, batching, L2, the learning-rate schedule
    and when to stop.

    Each field's default, range and check, its key in a file, its flag and its place in the
    designer are in :data:`~bpstudio.training_fields.TRAINING_FIELDS`, in this order.
    """

    optimizer: str = _default("optimizer")
    learning_rate: float = _default("learning_rate")
    momentum: float = _default("momentum")
    batch_size: int | None = _default("batch_size")
    shuffle: bool = _default("shuffle")
    l2: float = _default("l2")
    epoch_limit: int | None = _default("epoch_limit")
    seed: int = _default("seed")
    schedule: Schedule = _default("schedule")  # noqa: RUF009 (frozen: safely shared)
    stopping: StopRules = _default("stopping")  # noqa: RUF009 (frozen: safely shared)
    beta1: float = _default("beta1")
    beta2: float = _default("beta2")

    def __post_init__(self) -> None:
        for name, row in TRAINING_FIELDS.items():
            row.check(getattr(self, name))

    @property
    def last_epoch(self) -> int:
        """The epoch training stops at: the epoch limit, else the most a session may reach."""
        return MAX_EPOCHS if self.epoch_limit is None else min(self.epoch_limit, MAX_EPOCHS)

    def make_optimizer(self) -> Optimizer:
        return OPTIMIZER_KINDS[self.optimizer].make(
            self.learning_rate, self.momentum, self.l2, (self.beta1, self.beta2))


@dataclass(frozen=True)
class PinnedRun:
    """A run kept beside the document's for comparison, saved with it: its own network and
    training settings and state, on the document's data (``session.data``).
    ``same_start_as`` names the pinned run whose start it shares, else ``None``."""

    name: str
    session: Session
    seconds: float = 0.0
    same_start_as: str | None = None


@dataclass(eq=False)
class Session:
    """The document: specs, the state to resume from (``None`` before any training) and notes.

    ``state`` is what a trainer hands back (:class:`bpstudio.core.TrainerState`); it holds the
    network parameters too, so a session with a state opens with exactly the trained weights.
    ``created`` is the ISO 8601 time the document was first saved (kept by Save As).
    ``start`` is the flat parameter vector training began from when it was given rather than
    drawn from the network's seed (a worked example's weights); it outlives training, so a
    reset can go back to it. ``pinned`` are the runs saved with it for comparison (on its
    data). Sessions compare by identity: they hold arrays, and "same
    document" is what matters.
    """

    network: NetworkSpec = field(default_factory=NetworkSpec)
    data: DataSpec = field(default_factory=DataSpec)
    training: TrainingConfig = field(default_factory=TrainingConfig)
    state: TrainerState | None = None
    notes: str = ""
    title: str = ""
    created: str | None = None
    start: np.ndarray | None = None
    pinned: tuple[PinnedRun, ...] = ()

    def __post_init__(self) -> None:
        check_title("title", self.title)
        check_notes("notes", self.notes)
        if self.state is not None:
            check_state(self.state)
            check_control(self.training, self.state)

    def prepare_data(self) -> PreparedData:
        return self.data.load()

    def build(self, data: PreparedData | None = None, *, check_memory: bool = True) -> Workbench:
        """Network, trainer and data ready to train, continuing from ``state`` if there is one,
        else from :attr:`start` if given, else from the weights the network's seed draws.

        ``ValueError`` if training would need more memory than the machine can spare
        (:func:`~bpstudio.memory.check_training_memory`; ``check_memory=False`` to only look
        at the session).
        """
        data = self.data.load() if data is None else data
        check_test_part(self.training, data)
        net = self.network.build(data.n_inputs, data.n_outputs)
        if check_memory:
            check_training_memory(net, data, self.training)
        trainer = Trainer(
            net, self.training.make_optimizer(), batch_size=self.training.batch_size,
            shuffle=self.training.shuffle, seed=self.training.seed,
            schedule=self.training.schedule,
        )
        given = self.state.parameters if self.state is not None else self.start
        if given is not None and given.shape != net.parameters.shape:
            field = "state.parameters" if self.state is not None else "start"
            raise ValueError(
                f"{field}: the network has {net.n_params} parameters but {given.size} were given"
            )
        if self.state is not None:
            _check_progress(self.state, data.train.n_samples)
            trainer.load_state(self.state)
        elif self.start is not None:
            net.set_parameters(self.start)
        return Workbench(net, trainer, data)

    def with_state(self, state: TrainerState | None) -> Session:
        return replace(self, state=state)

    def with_training(self, config: TrainingConfig) -> Session:
        """New training settings, keeping the state; an optimizer of another kind starts
        afresh (the moments of one kind mean nothing to another), and so does the tracking
        of a schedule or of early stopping whose settings changed."""
        state, kind = self.state, config.make_optimizer()
        if state is not None and state.optimizer.get("name") != kind.name:
            state = replace(state, optimizer=kind.config(), optimizer_state={"t": 0})
        if state is not None and config.schedule != self.training.schedule:
            state = replace(state, plateau=config.schedule.start_state())
        if state is not None and _early_rules(config) != _early_rules(self.training):
            state = replace(state, early_stop=None)
        return replace(self, training=config, state=state)

    def starting_from(self, parameters: np.ndarray) -> Session:
        """This session at epoch 0 with the given flat parameter vector (a textbook's starting
        weights) as its state and its :attr:`start`, and its own optimizer, fresh."""
        bench = replace(self, state=None).build()
        bench.net.set_parameters(parameters)
        state = bench.trainer.state()
        return replace(self, state=state, start=state.parameters.copy())

    @property
    def epoch(self) -> int:
        return 0 if self.state is None else self.state.epoch

    @property
    def history(self) -> History:
        return History() if self.state is None else self.state.history


@dataclass
class Workbench:
    """What training needs, built from a session: the network, its trainer and the data."""

    net: Network
    trainer: Trainer
    data: PreparedData

    def train_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Training inputs (standardized if asked) and targets as this network takes them."""
        return self._arrays(self.data.train)

    def test_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        return self._arrays(self.data.test)

    def _arrays(self, part: Dataset) -> tuple[np.ndarray, np.ndarray]:
        return self.data.inputs(part), training_targets(part, self.net.layer_sizes[-1])


def _check_progress(state: TrainerState, n_train: int) -> None:
    """A state stopped inside an epoch must fit the data it goes on with."""
    if state.progress is not None and state.progress.samples >= n_train:
        raise ValueError(
            f"state.progress.samples: the epoch in progress is {state.progress.samples:,} "
            f"samples in, but the training data has {n_train:,}; reset the weights"
        )


def training_targets(part: Dataset, n_outputs: int) -> np.ndarray:
    """Targets as the network takes them: values, a 0/1 column, or one-hot rows for K outputs
    (whatever the loss: a K-output MSE classifier learns one-hot rows too)."""
    if part.task == "regression":
        return part.y
    if n_outputs == 1:
        return part.y.reshape(-1, 1).astype(np.float64)
    return np.eye(n_outputs)[part.y]


def output_count(task: str, y_columns: int, n_classes: int) -> int:
    """Output neurons: one per regression target, one for two classes, else one per class."""
    if task == "regression":
        return y_columns
    return 1 if n_classes <= 2 else n_classes


def _early_rules(config: TrainingConfig) -> tuple[object, ...]:
    rules = config.stopping
    return rules.patience, rules.min_delta, rules.restore_best


def check_test_part(config: TrainingConfig, data: PreparedData) -> None:
    """Early stopping watches the test loss: refused without a test part."""
    if config.stopping.patience is not None and data.test.n_samples == 0:
        raise ValueError(
            "stopping.patience: early stopping watches the test loss, but the data has no "
            "test part; hold some samples out (test_fraction above 0, e.g. 0.2) or leave "
            "early stopping out"
        )


def check_control(config: TrainingConfig, state: TrainerState) -> None:
    """The schedule's and early stopping's states are those the settings keep."""
    stateful = config.schedule.kind.stateful
    if (state.plateau is not None) != stateful:
        raise ValueError(
            f"state.plateau: the '{config.schedule.name}' schedule keeps "
            f"{'a' if stateful else 'no'} plateau state; "
            f"{'give one' if stateful else 'leave it null'}"
        )
    early = state.early_stop
    if early is None:
        return
    rules = config.stopping
    if rules.patience is None:
        raise ValueError("state.early_stop: there is no early stopping (no patience) to keep "
                         "a state for; leave it null")
    if early.best_epoch > state.epoch:
        raise ValueError(f"state.early_stop.best_epoch: {early.best_epoch:,} is after the "
                         f"epochs trained ({state.epoch:,})")
    kept = early.best_parameters is not None
    if kept != (rules.restore_best and early.best_epoch > 0):
        raise ValueError("state.early_stop.best: the best weights are kept exactly when "
                         "restore_best is on and a best epoch was found")
    if kept and early.best_parameters.shape != state.parameters.shape:
        raise ValueError(f"state.early_stop.best: expected {state.parameters.size} numbers, "
                         f"got {early.best_parameters.size}")


def check_state(state: TrainerState) -> None:
    """A trainer state within the limits: epochs, optimizer steps and rows of history."""
    check_epoch("state.epoch", state.epoch)
    check_steps("state.optimizer_state.t", state.optimizer_state.get("t", 0))
    check_history_rows("state.history", len(state.history))


def _check_table(table: Table) -> None:
    """Rows, numbers, classes and training size of embedded rows, before any is used."""
    X, y = np.asarray(table.X), np.asarray(table.y)
    n = X.shape[0] if X.ndim else 0
    check_rows("table", n)
    check_table_values("table", X.size + y.size)
    n_classes = 0
    if table.task != "regression" and y.size and y.dtype.kind in "iuf":
        largest = np.max(y)
        if np.isfinite(largest):
            check_labels("table.y", int(largest))
            n_classes = int(largest) + 1
    y_columns = y.shape[1] if y.ndim == 2 else 1
    inputs = X.shape[1] if X.ndim == 2 else 1
    check_data_values("table", n, inputs, output_count(table.task, y_columns, n_classes))
    _check_table_names(table, n_classes, inputs, y_columns)


def _check_table_names(table: Table, n_classes: int, inputs: int, y_columns: int) -> None:
    """The names of a table: none or one per class (distinct), input and target column."""
    check_column_names("table", len(table.input_names) + len(table.target_names))
    if table.class_names and table.task == "regression":
        raise ValueError("table.class_names: a regression table has no classes; leave them out")
    check_names("table.class_names", table.class_names, n_classes, "class")
    check_names("table.input_names", table.input_names, inputs, "input column")
    check_names("table.target_names", table.target_names,
                y_columns if table.task == "regression" else 1, "target column")
    if len(set(table.class_names)) < len(table.class_names):
        twice = next(name for name, n in Counter(table.class_names).items() if n > 1)
        raise ValueError(f"table.class_names: {quote(twice)} names two classes; each class "
                         "needs a name of its own")
