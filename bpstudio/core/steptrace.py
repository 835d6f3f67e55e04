"""One backpropagation step laid out as the textbooks draw it, matrix by matrix.

seeds/001 fills in X, the weights, the hidden input, its activation, the output, the error
``E = y − output``, the slopes, the deltas and the updates one table at a time, and marks
which cells each number came from. :func:`trace_step` produces exactly those tables from the
real forward and backward pass of a :class:`Network`: the inspector shows the core's numbers,
it never recomputes them. Each entry knows its formula, and for every cell which cells of
which other entries it was computed from.

Sign convention: the core's ``δ`` is ``∂L/∂Z``, so ``δ_out = (ŷ − y) ⊙ f′(Z)``; the book's
error term ``δ° = (y − ŷ) ⊙ f′(Z)`` is ``−δ``, and the book's ``ΔW = η·δ°·a`` is our
``ΔW = −η·dW``. Both show up in the trace (``E``, ``step…``) so either reading can be checked.

The titles, notes and formulas are English; those with words in them are marked for
translation (context "Inspector"), built as :class:`~bpstudio.core.phrase.Phrase` where
they have parts, and the inspector shows them translated.

Over 300 lines on purpose: the tables of one step and the rules saying which cells each
cell came from are written together, entry by entry, as the textbook fills them in; split,
a rule would sit apart from the entry it describes.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .digits import sub
from .network import Network
from .phrase import Phrase
from .read_only import frozen_copy
from .text import quote
from .trainer import Trainer
from .translatable import QT_TRANSLATE_NOOP

CELL, ROW, COL, ROW_OF_COL, COL_OF_ROW = "cell", "row", "col", "row_of_col", "col_of_row"
"""Which cells of a source entry cell ``(i, j)`` reads: cell ``(i, j)``, row ``i``, column
``j``, row ``j`` (``H = δ·Wᵀ`` reads row ``j`` of ``W``) or column ``i`` (``dW = Aᵀ·δ`` reads
column ``i`` of ``A``)."""

GIVEN, AFFINE, ACTIVATION, ERROR, SLOPE = "given", "affine", "activation", "error", "slope"
OUTPUT_DELTA, CARRIED, PRODUCT = "output_delta", "carried", "product"
WEIGHT_GRADIENT, BIAS_GRADIENT, CHANGE, UPDATE = "dW", "db", "change", "update"
"""How an entry was computed (``TraceEntry.kind``), so a cell's arithmetic can be written
out (:mod:`bpstudio.core.cellmath`)."""

_CANCELS = {
    ("identity", "mse"): QT_TRANSLATE_NOOP(
        "Inspector", "identity output with mse: f′ cancels against ∂L/∂ŷ, so δ = ŷ − y; it is −E"),
    ("sigmoid", "binary_cross_entropy"): QT_TRANSLATE_NOOP(
        "Inspector", "sigmoid output with binary_cross_entropy: f′ cancels against ∂L/∂ŷ, "
        "so δ = ŷ − y; it is −E"),
    ("softmax", "cross_entropy"): QT_TRANSLATE_NOOP(
        "Inspector", "softmax output with cross_entropy: f′ cancels against ∂L/∂ŷ, "
        "so δ = ŷ − y; it is −E"),
}
"""The note of each canonical (output activation, loss) pair, written out to be translated."""


WORDED_FORMULAS = (
    QT_TRANSLATE_NOOP("Inspector", "relu′(z) = 1 if z > 0 else 0"),
    QT_TRANSLATE_NOOP("Inspector", "leaky_relu(z) = z if z > 0 else 0.01·z"),
    QT_TRANSLATE_NOOP("Inspector", "leaky_relu′(z) = 1 if z > 0 else 0.01"),
)
"""The activations' formulas with words in them, which the entries' notes show as they are
(:mod:`bpstudio.core.activations` keeps them): marked here, so the inspector shows them
translated; a test holds this list to the activations."""


@dataclass(frozen=True)
class Source:
    """Entry ``key`` feeds this one; ``rule`` says which of its cells (see ``CELL``…)."""

    key: str
    rule: str


@dataclass(frozen=True)
class TraceEntry:
    """One named matrix of the step: its value (always 2-D, read-only) and how it was made.

    Biases and bias gradients are shown as one row ``(1, n)``.
    """

    key: str
    title: str
    formula: str
    value: np.ndarray
    sources: tuple[Source, ...] = ()
    note: str = ""
    kind: str = GIVEN

    @property
    def shape(self) -> tuple[int, int]:
        return self.value.shape


@dataclass(frozen=True)
class TraceStep:
    """One step of the walk-through: a heading and the entries it shows, in order."""

    title: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class StepTrace:
    """Every matrix of one forward + backward pass and one plain SGD step, in book order."""

    entries: Mapping[str, TraceEntry]
    steps: tuple[TraceStep, ...]
    learning_rate: float
    loss: float
    n_layers: int
    bias: bool
    reduction: str

    def __getitem__(self, key: str) -> TraceEntry:
        return self.entries[key]

    def source_cells(self, key: str, row: int, col: int) -> dict[str, np.ndarray]:
        """Boolean masks (one per source entry, in its shape) of the cells ``(row, col)`` of
        entry ``key`` was computed from."""
        masks: dict[str, np.ndarray] = {}
        for source in self.entries[key].sources:
            shape = self.entries[source.key].shape
            mask = masks.setdefault(source.key, np.zeros(shape, dtype=bool))
            mask |= _rule_mask(source.rule, shape, row, col)
        return masks

    def updated_parameters(self) -> np.ndarray:
        """The network's flat parameter vector after the step (weights, then biases)."""
        layers = range(1, self.n_layers + 1)
        parts = [self[f"W{l}_new"].value.ravel() for l in layers]
        if self.bias:
            parts += [self[f"b{l}_new"].value.ravel() for l in layers]
        return np.concatenate(parts)


def _rule_mask(rule: str, shape: tuple[int, int], row: int, col: int) -> np.ndarray:
    mask = np.zeros(shape, dtype=bool)
    if rule == CELL:
        mask[row, col] = True
    elif rule == ROW:
        mask[row, :] = True
    elif rule == COL:
        mask[:, col] = True
    elif rule == ROW_OF_COL:
        mask[col, :] = True
    elif rule == COL_OF_ROW:
        mask[:, row] = True
    else:
        raise ValueError(f"rule: unknown source rule {quote(rule)}")
    return mask


def trace_step(net: Network, X: object, Y: object, learning_rate: float) -> StepTrace:
    """Run one forward and backward pass of ``net`` on the batch ``X``, ``Y`` and lay it out.

    The network is not changed. The update shown is plain SGD, ``W − η·dW``, whatever
    optimizer trains the network otherwise (momentum and Adam have no textbook table).

    Parameters
    ----------
    X : (N, n_in) inputs, already transformed as the network's inputs are.
    Y : (N, n_out) targets (or class labels, as :meth:`Network.check_targets` accepts).
    """
    lr = float(learning_rate)
    if not (np.isfinite(lr) and lr > 0):
        raise ValueError(f"learning_rate: must be a finite number > 0, got {quote(learning_rate)}")
    X = net.check_inputs(X)
    Y = net.check_targets(Y, X.shape[0])
    trace = net.forward(X)
    grads = net.backward(trace, Y)
    with np.errstate(over="ignore", under="ignore"):
        loss = net.trace_loss(trace, Y)
        builder = _Builder(net, X, Y, lr)
        builder.add_all(trace, grads)
    return StepTrace(
        builder.entries, tuple(builder.steps), lr, float(loss), len(net.weights), net.bias,
        net.reduction,
    )


class _Builder:
    """Collects entries and steps; one method per textbook stage."""

    def __init__(self, net: Network, X: np.ndarray, Y: np.ndarray, lr: float) -> None:
        self.net, self.X, self.Y, self.lr = net, X, Y, lr
        self.L = len(net.weights)
        self.acts = list(net.activation_functions)
        self.entries: dict[str, TraceEntry] = {}
        self.steps: list[TraceStep] = []

    def entry(self, key, title, formula, value, sources=(), note="", kind=GIVEN) -> str:
        value = np.asarray(value)
        value = value.reshape(1, -1) if value.ndim == 1 else value
        sources = tuple(Source(k, rule) for k, rule in sources)
        self.entries[key] = TraceEntry(
            key, title, formula, frozen_copy(value), sources, note, kind
        )
        return key

    def step(self, title: str, *keys: str) -> None:
        self.steps.append(TraceStep(title, keys))

    def a_key(self, l: int) -> str:
        return "X" if l == 0 else f"A{l}"

    def a_name(self, l: int) -> str:
        return "X" if l == 0 else "ŷ" if l == self.L else f"A{sub(l)}"

    def add_all(self, trace, grads) -> None:
        self.add_inputs()
        for l in range(1, self.L + 1):
            self.add_forward(l, trace.preactivations[l - 1], trace.activations[l])
        self.add_error_and_slopes(trace)
        self.add_output_delta(grads.deltas[-1])
        for l in range(self.L - 1, 0, -1):
            self.add_hidden_delta(l, grads.deltas[l - 1])
        for l in range(self.L, 0, -1):
            self.add_gradients_and_update(l, grads.dW[l - 1], grads.db[l - 1] if grads.db else None)

    def add_inputs(self) -> None:
        net, n = self.net, self.X.shape[0]
        self.step(
            QT_TRANSLATE_NOOP("Inspector", "Inputs and targets"),
            self.entry("X", QT_TRANSLATE_NOOP("Inspector", "Inputs X"), "", self.X,
                       note=Phrase(QT_TRANSLATE_NOOP("Inspector", "{n} sample(s), one per row"),
                                   n=n)),
            self.entry("Y", QT_TRANSLATE_NOOP("Inspector", "Targets y"), "", self.Y,
                       note=QT_TRANSLATE_NOOP("Inspector", "the wanted output for each row of X")),
        )
        keys = []
        for l in range(1, self.L + 1):
            keys.append(self.entry(
                f"W{l}", Phrase(QT_TRANSLATE_NOOP("Inspector", "Weights W{l}"), l=sub(l)), "",
                net.weights[l - 1], note=Phrase(QT_TRANSLATE_NOOP(
                    "Inspector", "row i: input i, column j: neuron j of layer {l}"), l=l),
            ))
            if net.bias:
                keys.append(self.entry(
                    f"b{l}", Phrase(QT_TRANSLATE_NOOP("Inspector", "Biases b{l}"), l=sub(l)), "",
                    net.biases[l - 1],
                    note=Phrase(QT_TRANSLATE_NOOP("Inspector", "one per neuron of layer {l}"), l=l),
                ))
        self.step(QT_TRANSLATE_NOOP("Inspector", "Weights and biases"), *keys)

    def add_forward(self, l: int, Z: np.ndarray, A: np.ndarray) -> None:
        prev, act = self.a_key(l - 1), self.acts[l - 1]
        bias = f" + b{sub(l)}" if self.net.bias else ""
        sources = [(prev, ROW), (f"W{l}", COL)] + ([(f"b{l}", COL)] if self.net.bias else [])
        z = self.entry(
            f"Z{l}", Phrase(QT_TRANSLATE_NOOP("Inspector", "Pre-activation Z{l}"), l=sub(l)),
            f"Z{sub(l)} = {self.a_name(l - 1)}·W{sub(l)}{bias}", Z, sources, kind=AFFINE,
        )
        f = act.formula.split("(")[0]
        output = "ŷ = " if l == self.L else ""
        a = self.entry(
            f"A{l}", QT_TRANSLATE_NOOP("Inspector", "Output ŷ") if l == self.L
            else Phrase(QT_TRANSLATE_NOOP("Inspector", "Activation A{l}"), l=sub(l)),
            f"{output}A{sub(l)} = {f}(Z{sub(l)})", A,
            [(f"Z{l}", ROW if act.name == "softmax" else CELL)], act.formula, ACTIVATION,
        )
        if l == self.L:
            title = QT_TRANSLATE_NOOP("Inspector", "Forward through the output layer")
        else:
            title = Phrase(QT_TRANSLATE_NOOP("Inspector", "Forward through hidden layer {l}"), l=l)
        self.step(title, z, a)

    def add_error_and_slopes(self, trace) -> None:
        out = f"A{self.L}"
        E = self.Y - trace.output
        self.step(
            QT_TRANSLATE_NOOP("Inspector", "Error at the output"),
            self.entry("E", QT_TRANSLATE_NOOP("Inspector", "Error E"), "E = y − ŷ", E,
                       [("Y", CELL), (out, CELL)],
                       QT_TRANSLATE_NOOP("Inspector",
                                         "the book's error; the core's deltas use ŷ − y = −E"),
                       ERROR),
        )
        keys = []
        for l in range(self.L, 0, -1):
            act = self.acts[l - 1]
            Z, A = trace.preactivations[l - 1], trace.activations[l]
            if act.slope is None:  # softmax: each output depends on every z of its row
                slope = A * (1.0 - A)
                formula = Phrase(QT_TRANSLATE_NOOP("Inspector", "diag f′(Z{l}) = ŷ ⊙ (1 − ŷ)"),
                                 l=sub(l))
                note = Phrase(QT_TRANSLATE_NOOP(
                    "Inspector", "softmax is not elementwise: its slope is a matrix per sample, "
                    "{slope}; only its diagonal is shown"), slope=act.slope_formula)
            else:
                slope, formula, note = act.slope(Z, A), f"f′(Z{sub(l)})", act.slope_formula
            keys.append(self.entry(
                f"fp{l}", Phrase(QT_TRANSLATE_NOOP("Inspector", "Slope f′(Z{l})"), l=sub(l)),
                formula, slope,
                [(f"Z{l}", CELL), (f"A{l}", CELL)], note, SLOPE,
            ))
        self.step(QT_TRANSLATE_NOOP("Inspector", "Slopes of the activations"), *keys)

    def add_output_delta(self, delta: np.ndarray) -> None:
        L, act, loss = self.L, self.acts[-1], self.net.loss_function
        n = self.X.shape[0]
        mean = (Phrase(QT_TRANSLATE_NOOP("Inspector", " / N  (N = {n}, mean loss)"), n=n)
                if self.net.reduction == "mean" else "")
        out = f"A{L}"
        if act.name == loss.canonical:
            formula = Phrase("δ{l} = ŷ − y{mean}", l=sub(L), mean=mean)
            note = _CANCELS.get((act.name, loss.name)) or (
                f"{act.name} output with {loss.name}: f′ cancels against ∂L/∂ŷ, "
                "so δ = ŷ − y; it is −E")
            sources = [(out, CELL), ("Y", CELL)]
        elif act.slope is None:
            formula = Phrase(QT_TRANSLATE_NOOP("Inspector", "δ{l} = Jᵀ·(ŷ − y) per row{mean}"),
                             l=sub(L), mean=mean)
            note = Phrase(QT_TRANSLATE_NOOP("Inspector",
                                            "softmax slope is a matrix per sample: {slope}"),
                          slope=act.slope_formula)
            sources = [(out, ROW), ("Y", ROW)]
        else:
            formula = Phrase("δ{l} = (ŷ − y) ⊙ f′(Z{l}){mean}", l=sub(L), mean=mean)
            note = QT_TRANSLATE_NOOP("Inspector", "δ = ∂L/∂Z; the book's δ° = E ⊙ f′(Z) is −δ")
            sources = [(out, CELL), ("Y", CELL), (f"fp{L}", CELL)]
        self.step(
            QT_TRANSLATE_NOOP("Inspector", "Delta of the output layer"),
            self.entry(f"delta{L}",
                       Phrase(QT_TRANSLATE_NOOP("Inspector", "Output delta δ{l}"), l=sub(L)),
                       formula, delta, sources, note, OUTPUT_DELTA),
        )

    def add_hidden_delta(self, l: int, delta: np.ndarray) -> None:
        above = self.entries[f"delta{l + 1}"].value
        # the error carried back, exactly as Network.backward_into computes it
        H = above @ self.net.weights[l].T
        h = self.entry(
            f"back{l}", Phrase(QT_TRANSLATE_NOOP("Inspector", "Error carried back to layer {l}"),
                               l=l),
            f"δ{sub(l + 1)}·W{sub(l + 1)}ᵀ", H,
            [(f"delta{l + 1}", ROW), (f"W{l + 1}", ROW_OF_COL)], kind=CARRIED,
        )
        d = self.entry(
            f"delta{l}", Phrase(QT_TRANSLATE_NOOP("Inspector", "Hidden delta δ{l}"), l=sub(l)),
            f"δ{sub(l)} = (δ{sub(l + 1)}·W{sub(l + 1)}ᵀ) "
            f"⊙ f′(Z{sub(l)})", delta, [(h, CELL), (f"fp{l}", CELL)], kind=PRODUCT,
        )
        self.step(Phrase(QT_TRANSLATE_NOOP("Inspector", "Back to hidden layer {l}"), l=l), h, d)

    def add_gradients_and_update(self, l: int, dW: np.ndarray, db: np.ndarray | None) -> None:
        W, s, prev = self.net.weights[l - 1], sub(l), self.a_name(l - 1)
        keys = [self.entry(
            f"dW{l}", Phrase(QT_TRANSLATE_NOOP("Inspector", "Weight gradient dW{l}"), l=s),
            f"dW{s} = {prev}ᵀ·δ{s}", dW,
            [(self.a_key(l - 1), COL_OF_ROW), (f"delta{l}", COL)], kind=WEIGHT_GRADIENT,
        )]
        if db is not None:
            keys.append(self.entry(
                f"db{l}", Phrase(QT_TRANSLATE_NOOP("Inspector", "Bias gradient db{l}"), l=s),
                Phrase(QT_TRANSLATE_NOOP("Inspector", "db{l} = Σ over rows of δ{l}"), l=s), db,
                [(f"delta{l}", COL)], kind=BIAS_GRADIENT,
            ))
        self.step(Phrase(QT_TRANSLATE_NOOP("Inspector", "Gradients of layer {l}"), l=l), *keys)
        step = self.lr * dW  # the same product SGD subtracts, so W_new is bit for bit SGD's
        keys = [
            self.entry(f"step{l}", Phrase(QT_TRANSLATE_NOOP("Inspector", "Weight change ΔW{l}"),
                                          l=s),
                       f"ΔW{s} = −η·dW{s}  (η = {self.lr:g})", -step, [(f"dW{l}", CELL)],
                       QT_TRANSLATE_NOOP("Inspector", "the book's ΔW = η·δ°·a"), CHANGE),
            self.entry(f"W{l}_new", Phrase(QT_TRANSLATE_NOOP("Inspector", "Updated W{l}"), l=s),
                       f"W{s} ← W{s} − η·dW{s}", W - step,
                       [(f"W{l}", CELL), (f"dW{l}", CELL)], kind=UPDATE),
        ]
        if db is not None:
            keys.append(self.entry(
                f"b{l}_new", Phrase(QT_TRANSLATE_NOOP("Inspector", "Updated b{l}"), l=s),
                f"b{s} ← b{s} − η·db{s}",
                self.net.biases[l - 1] - self.lr * db, [(f"b{l}", CELL), (f"db{l}", CELL)],
                kind=UPDATE,
            ))
        self.step(Phrase(QT_TRANSLATE_NOOP("Inspector", "Update of layer {l}"), l=l), *keys)


def next_batch_indices(trainer: Trainer, n_samples: int) -> np.ndarray:
    """Rows of the training set the trainer's next step will use (the first mini-batch of
    its next epoch), without touching its random generator."""
    size = n_samples if trainer.batch_size is None else min(trainer.batch_size, n_samples)
    if size == n_samples or not trainer.shuffle:
        return np.arange(size)
    return copy.deepcopy(trainer.rng).permutation(n_samples)[:size]


def format_number(value: float, precision: int, significant: bool = False) -> str:
    """``value`` with ``precision`` decimals (or significant digits), ``-0`` shown as ``0``."""
    text = f"{value:.{max(precision, 1)}g}" if significant else f"{value:.{precision}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text
