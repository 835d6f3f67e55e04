"""The multi-layer perceptron: forward pass, backward pass, and its parameter vector.

Row-vector convention, as in the seed articles: ``Z = A_prev @ W + b`` with ``W`` of shape
``(n_in, n_out)`` and a batch of shape ``(N, n_features)``.

All weights and biases live in one flat float vector (weights first, then biases); the
arrays in :attr:`Network.weights` and :attr:`Network.biases` are views into it. Optimizers
and the gradient check work on that one vector, which keeps an update to a single NumPy call
per operation however many layers there are. Editing a weight array in place changes the
network; assigning a new array to ``weights[i]`` copies it in at the next use (its shape is
checked then).

Over 300 lines on purpose: the forward and backward passes, the unchecked API and the
chunking all work on the one parameter vector and its views; split, each part would reach
into another's private arrays.
"""

from __future__ import annotations

import math
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from operator import is_

import numpy as np

from .activations import ACTIVATIONS, Activation
from .initializers import INITIALIZERS
from .losses import LOSSES, REDUCTIONS, output_delta
from .text import quote
from .validation import as_matrix, check_finite, check_name

CHUNK_FLOPS = 2e8
"""Work one chunk of rows may take (floating-point operations): 10-40 ms on a laptop core.
A batch that needs more is computed in chunks (:meth:`Network.chunk_rows`), so training and
measuring can stop between them, and memory for activations stays bounded."""

QUIET = {"all": "ignore"}
"""``np.errstate`` for every pass: a diverging network overflows, and the trainer reports
that in its own words (:class:`~bpstudio.core.trainer.DivergenceError`), never as NumPy
warnings."""


@dataclass(frozen=True)
class Trace:
    """Everything one forward pass computed.

    ``preactivations[l]`` is ``Z`` of weight layer ``l`` (``(N, n_out)``); ``activations[0]``
    is the input ``X`` and ``activations[-1]`` the output ``ŷ``.
    """

    preactivations: list[np.ndarray]
    activations: list[np.ndarray]

    @property
    def output(self) -> np.ndarray:
        return self.activations[-1]


@dataclass(frozen=True)
class Gradients:
    """One backward pass: ``dW[l]``, ``db[l]`` and ``deltas[l] = ∂loss/∂Z_l``.

    With ``reduction="mean"`` the deltas already carry the ``1/N`` factor. ``db`` is empty for
    a network without biases. ``vector`` holds ``dW`` then ``db`` flat, in parameter order.
    """

    dW: list[np.ndarray]
    db: list[np.ndarray]
    deltas: list[np.ndarray]
    vector: np.ndarray


class Network:
    """A fully connected feed-forward network trained by backpropagation.

    Parameters
    ----------
    layer_sizes : sizes from input to output, e.g. ``[2, 4, 1]``.
    activations : one name per weight layer (``len(layer_sizes) - 1``), from
        ``ACTIVATIONS``; ``softmax`` only on the last layer.
    loss : ``"mse"`` (per sample ½‖ŷ − y‖²), ``"binary_cross_entropy"`` (sigmoid output) or
        ``"cross_entropy"`` (softmax output; targets one-hot or integer labels).
    reduction : ``"mean"`` over samples or ``"sum"``.
    init : a name from ``INITIALIZERS``; ``seed`` makes the draw repeatable.
    """

    def __init__(
        self,
        layer_sizes: Sequence[int],
        activations: Sequence[str],
        *,
        loss: str = "mse",
        reduction: str = "mean",
        init: str = "xavier_uniform",
        bias: bool = True,
        seed: int | np.random.Generator | None = None,
        dtype: type | np.dtype = np.float64,
    ) -> None:
        self.layer_sizes = _check_layer_sizes(layer_sizes)
        self.activation_names = _check_activations(activations, len(self.layer_sizes) - 1)
        self.loss_name = check_name("loss", loss, LOSSES)
        self.reduction = check_name("reduction", reduction, REDUCTIONS)
        self.init_name = check_name("init", init, INITIALIZERS)
        self.bias = bool(bias)
        self.dtype = np.dtype(dtype)
        if self.dtype not in (np.dtype(np.float32), np.dtype(np.float64)):
            raise ValueError(f"dtype: expected float32 or float64, got {self.dtype}")
        self.loss_function = LOSSES[self.loss_name]
        """The loss as a function object (value and gradient), for unchecked evaluation."""
        outputs, out_act = self.loss_function.outputs, self.activation_names[-1]
        if outputs is not None and out_act not in outputs:
            raise ValueError(
                f"activations[-1]: loss '{self.loss_name}' needs a "
                f"{' or '.join(sorted(outputs))} output layer, got '{out_act}'"
            )
        if self.loss_name == "cross_entropy" and self.layer_sizes[-1] < 2:
            raise ValueError(
                "layer_sizes[-1]: cross_entropy needs at least 2 output classes; "
                "use binary_cross_entropy with one sigmoid output for two classes"
            )
        self.activation_functions: tuple[Activation, ...] = tuple(
            ACTIVATIONS[a] for a in self.activation_names)
        """Each weight layer's activation as a function object (function, slope, vjp)."""
        self._build_parameter_vector()
        self.initialize(seed)

    # -- parameters -------------------------------------------------------------------------

    def _build_parameter_vector(self) -> None:
        shapes = list(zip(self.layer_sizes[:-1], self.layer_sizes[1:]))
        self.n_weight_params = sum(i * o for i, o in shapes)
        n_bias = sum(o for _, o in shapes) if self.bias else 0
        self._params = np.zeros(self.n_weight_params + n_bias, dtype=self.dtype)
        self._weight_views = _views(self._params, shapes)
        self._bias_views = (
            _views(self._params[self.n_weight_params:], [(o,) for _, o in shapes])
            if self.bias else []
        )
        self._grad_view_cache: tuple = (None, [], [])
        self.weights: list[np.ndarray] = list(self._weight_views)
        self.biases: list[np.ndarray] = list(self._bias_views)

    def initialize(self, seed: int | np.random.Generator | None = None) -> None:
        """Draw fresh weights (and biases) with this network's ``init`` scheme."""
        rng = np.random.default_rng(seed)
        draw = INITIALIZERS[self.init_name].draw
        self.weights, self.biases = list(self._weight_views), list(self._bias_views)
        for l, (n_in, n_out) in enumerate(zip(self.layer_sizes[:-1], self.layer_sizes[1:])):
            W, b = draw(rng, n_in, n_out)
            self._weight_views[l][...] = W
            if self.bias:
                self._bias_views[l][...] = b

    @property
    def parameters(self) -> np.ndarray:
        """The flat parameter vector (weights then biases); optimizers update it in place."""
        self._sync()
        return self._params

    @property
    def n_params(self) -> int:
        return self._params.size

    def set_parameters(self, vector: np.ndarray) -> None:
        """Copy a flat parameter vector (as from :attr:`parameters`) into the network."""
        vector = np.asarray(vector, dtype=self.dtype)
        if vector.shape != self._params.shape:
            raise ValueError(
                f"parameters: expected {self._params.size} numbers, got shape {vector.shape}"
            )
        check_finite("parameters", vector)
        self._sync()
        self._params[...] = vector

    def _sync(self) -> None:
        """Copy arrays a person assigned into ``weights``/``biases`` back into the vector."""
        for field, current, views in (
            ("weights", self.weights, self._weight_views),
            ("biases", self.biases, self._bias_views),
        ):
            if len(current) == len(views) and all(map(is_, current, views)):
                continue
            if len(current) != len(views):
                raise ValueError(
                    f"{field}: expected {len(views)} arrays, got {len(current)}"
                )
            for l, (a, v) in enumerate(zip(current, views)):
                if a is v:
                    continue
                a = np.asarray(a, dtype=self.dtype)
                if a.shape != v.shape:
                    raise ValueError(f"{field}[{l}]: expected shape {v.shape}, got {a.shape}")
                check_finite(f"{field}[{l}]", a)
                v[...] = a
            current[:] = views

    def copy(self) -> Network:
        """An independent network with the same architecture and parameters."""
        twin = Network.__new__(Network)
        twin.__dict__.update(self.__dict__)
        twin._build_parameter_vector()
        twin._params[...] = self.parameters
        return twin

    # -- passes -------------------------------------------------------------------------------

    def check_inputs(self, X: object) -> np.ndarray:
        """``X`` as a finite ``(N, n_in)`` array of this network's dtype, or ``ValueError``."""
        return as_matrix("X", X, self.layer_sizes[0], self.dtype)

    def check_targets(self, Y: object, n_samples: int) -> np.ndarray:
        """``Y`` as a finite ``(N, n_out)`` array, or ``ValueError`` naming the fix.

        Integer class labels ``(N,)`` become one-hot rows for ``cross_entropy``; a ``(N,)``
        vector is taken as one column when the network has a single output.
        """
        n_out = self.layer_sizes[-1]
        Y = np.asarray(Y)
        if Y.ndim == 1 and self.loss_name == "cross_entropy":
            Y = _one_hot(Y, n_out)
        elif Y.ndim == 1 and n_out == 1:
            Y = Y.reshape(-1, 1)
        Y = as_matrix("Y", Y, n_out, self.dtype)
        if Y.shape[0] != n_samples:
            raise ValueError(f"Y: has {Y.shape[0]} rows but X has {n_samples}; they must match")
        if self.loss_name != "mse" and (Y.min() < 0 or Y.max() > 1):
            raise ValueError(
                    f"Y: {self.loss_name} targets must lie in [0, 1], found values from "
                    f"{Y.min():g} to {Y.max():g}"
                )
        if self.loss_name == "cross_entropy" and not np.allclose(Y.sum(axis=1), 1.0):
            raise ValueError("Y: cross_entropy targets must be one-hot rows (or class labels)")
        return Y

    def forward(self, X: object) -> Trace:
        """Run the forward pass, keeping every ``Z`` and activation."""
        X = self.check_inputs(X)
        with np.errstate(**QUIET):
            return self.forward_unchecked(X)

    def predict(self, X: object) -> np.ndarray:
        """The network's output ``ŷ`` of shape ``(N, n_out)``."""
        return self.forward(X).output

    def loss(self, X: object, Y: object) -> float:
        """The loss (with this network's reduction) on ``X``, ``Y``."""
        X = self.check_inputs(X)
        Y = self.check_targets(Y, X.shape[0])
        with np.errstate(**QUIET):
            return self.trace_loss(self.forward_unchecked(X), Y)

    def backward(self, trace: Trace, Y: object) -> Gradients:
        """Backpropagate from a forward :class:`Trace` to the gradients of the loss."""
        if not isinstance(trace, Trace):
            raise ValueError(
                f"trace: expected the Trace from forward(), got {type(trace).__name__}"
            )
        Y = self.check_targets(Y, trace.activations[0].shape[0])
        with np.errstate(**QUIET):
            return self.trace_gradients(trace, Y)

    def loss_and_gradients(
        self, X: object, Y: object
    ) -> tuple[float, list[np.ndarray], list[np.ndarray]]:
        """``(loss, dW, db)`` for one batch."""
        X = self.check_inputs(X)
        Y = self.check_targets(Y, X.shape[0])
        with np.errstate(**QUIET):
            trace = self.forward_unchecked(X)
            grads = self.trace_gradients(trace, Y)
            return self.trace_loss(trace, Y), grads.dW, grads.db

    # -- unchecked evaluation ----------------------------------------------------------------
    # For callers that checked their arrays once (check_inputs, check_targets) and evaluate
    # often: the trainer, the measurements between frames, chunked passes, the gradient check.
    # These skip every input check and set no np.errstate (wrap them in ``np.errstate(**QUIET)``
    # where a pass may overflow); given unchecked arrays they may fail or answer nonsense.

    def forward_unchecked(self, X: np.ndarray) -> Trace:
        """:meth:`forward` without checking ``X``: every ``Z`` and activation of the pass."""
        self._sync()
        acts = self.activation_functions
        Zs, As = [], [X]
        A = X
        biases = self._bias_views if self.bias else [None] * len(acts)
        for W, b, act in zip(self._weight_views, biases, acts):
            Z = A @ W
            if b is not None:
                Z += b
            A = act.fn(Z)
            Zs.append(Z)
            As.append(A)
        return Trace(Zs, As)

    def trace_loss(self, trace: Trace, Y: np.ndarray) -> float:
        """The loss of a forward pass against the targets ``Y`` (not checked), with this
        network's reduction."""
        total = self.trace_loss_total(trace, Y)
        return total / Y.shape[0] if self.reduction == "mean" else total

    def trace_loss_total(self, trace: Trace, Y: np.ndarray) -> float:
        """The loss of a forward pass summed over the rows of ``Y`` (before the reduction;
        ``Y`` not checked)."""
        return self.loss_function.value(trace.preactivations[-1], trace.activations[-1], Y)

    def trace_gradients(self, trace: Trace, Y: np.ndarray) -> Gradients:
        """:meth:`backward` without checking ``trace`` or ``Y``, into a new gradient vector."""
        grad = np.empty_like(self._params)
        deltas = self.backward_into(trace, Y, grad)
        dW, db = self.gradient_views(grad)
        return Gradients(list(dW), list(db), deltas, grad)

    def backward_into(
        self, trace: Trace, Y: np.ndarray, grad: np.ndarray, n_rows: int | None = None
    ) -> list[np.ndarray]:
        """Write ``dW`` and ``db`` into the flat ``grad`` vector; return the deltas. Nothing
        is checked.

        ``n_rows`` is the size of the whole batch when ``Y`` is one chunk of it: the mean
        reduction divides by the batch, so the chunks' gradients add up to the batch's.
        """
        acts = self.activation_functions
        Zs, As = trace.preactivations, trace.activations
        n_layers = len(acts)
        # output delta = (ŷ − y)·f′(z)  (seeds/004, step 3), averaged for reduction="mean"
        delta = output_delta(self.loss_function, acts[-1], Zs[-1], As[-1], Y)
        if self.reduction == "mean":
            delta /= Y.shape[0] if n_rows is None else n_rows
        dW, db = self.gradient_views(grad)
        deltas = [delta] * n_layers
        for l in range(n_layers - 1, -1, -1):
            deltas[l] = delta
            np.matmul(As[l].T, delta, out=dW[l])
            if db:
                np.add.reduce(delta, axis=0, out=db[l])
            if l:
                # hidden delta = (δ·Wᵀ) ⊙ f′(z)  (seeds/004, step 4)
                delta = acts[l - 1].vjp(Zs[l - 1], As[l], delta @ self._weight_views[l].T)
        return deltas

    def gradient_steps(
        self, X: np.ndarray, Y: np.ndarray, grad: np.ndarray, scratch: np.ndarray, rows: int
    ) -> Generator[None, None, float]:
        """The loss of the batch ``X``, ``Y`` (not checked) summed over its rows, and its
        gradient in ``grad``, in chunks of ``rows`` rows, yielding between two chunks.

        Each chunk's gradient is reduced as the whole batch's (``n_rows``) and added to ``grad``
        in row order (``scratch`` holds one chunk's). Stops early, returning the non-finite
        total, when a chunk's loss is not finite: there is no gradient to take then.
        """
        total = 0.0
        for k, part in enumerate(chunks(len(X), rows)):
            if k:
                yield
            with np.errstate(**QUIET):  # per chunk: a state set across a yield leaks to the caller
                trace = self.forward_unchecked(X[part])
                total += self.trace_loss_total(trace, Y[part])
                if not math.isfinite(total):
                    return total
                self.backward_into(trace, Y[part], scratch if k else grad, n_rows=len(X))
                if k:
                    grad += scratch
        return total

    def gradient_views(self, grad: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Weight and bias views into a flat gradient vector (cached for a reused buffer)."""
        cached, dW, db = self._grad_view_cache
        if grad is not cached:
            dW = _views(grad, list(zip(self.layer_sizes[:-1], self.layer_sizes[1:])))
            db = (
                _views(grad[self.n_weight_params:], [(o,) for o in self.layer_sizes[1:]])
                if self.bias else []
            )
            self._grad_view_cache = (grad, dW, db)
        return dW, db

    def chunk_rows(self, *, backward: bool = True) -> int:
        """How many rows one chunk of a pass holds: about :data:`CHUNK_FLOPS` of work.

        A function of the architecture only (never of timing), so a batch is cut the same way
        on every run and chunked training repeats bit for bit. A forward pass costs about
        ``2·weights`` operations per row, a backward pass twice that again; activations and
        their derivatives a few per neuron.
        """
        per_row = (6 if backward else 2) * self.n_weight_params + 16 * sum(self.layer_sizes)
        return max(1, int(CHUNK_FLOPS // per_row))

    def __repr__(self) -> str:
        acts = ", ".join(self.activation_names)
        return (
            f"Network({list(self.layer_sizes)}, [{acts}], loss={self.loss_name!r}, "
            f"reduction={self.reduction!r})"
        )


def run_steps(steps: Generator[None, None, object]) -> object:
    """Drive a generator of work in steps (it yields between them) to its end; its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def chunks(n_rows: int, rows: int) -> list[slice]:
    """``n_rows`` cut into as few equal chunks of at most ``rows`` rows as will do."""
    if n_rows < 1:
        return []
    count = -(-n_rows // max(rows, 1))
    size = -(-n_rows // count)
    return [slice(start, min(start + size, n_rows)) for start in range(0, n_rows, size)]


def _views(buffer: np.ndarray, shapes: list[tuple[int, ...]]) -> list[np.ndarray]:
    views, start = [], 0
    for shape in shapes:
        size = int(np.prod(shape))
        views.append(buffer[start:start + size].reshape(shape))
        start += size
    return views


def _check_layer_sizes(layer_sizes: Sequence[int]) -> tuple[int, ...]:
    try:
        sizes = list(layer_sizes)
    except TypeError:
        raise ValueError(
            f"layer_sizes: expected a list of integers like [2, 4, 1], got {quote(layer_sizes)}"
        ) from None
    if len(sizes) < 2:
        raise ValueError(
            "layer_sizes: needs an input and an output size (at least 2 entries), "
            f"got {quote(sizes)}"
        )
    for i, n in enumerate(sizes):
        if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
            raise ValueError(
                f"layer_sizes[{i}]: every layer needs a whole number of neurons >= 1, "
                f"got {quote(n)}"
            )
    return tuple(int(n) for n in sizes)


def _check_activations(activations: Sequence[str], n_layers: int) -> tuple[str, ...]:
    if isinstance(activations, str):
        activations = [activations]
    names = list(activations)
    if len(names) != n_layers:
        raise ValueError(
            f"activations: expected {n_layers} names (one per weight layer), got {len(names)}"
        )
    for i, name in enumerate(names):
        check_name(f"activations[{i}]", name, ACTIVATIONS)
        if i < n_layers - 1 and not ACTIVATIONS[name].hidden_allowed:
            raise ValueError(
                f"activations[{i}]: '{name}' may only be used on the last layer"
            )
    return tuple(names)


def _one_hot(labels: np.ndarray, n_classes: int) -> np.ndarray:
    if labels.dtype.kind not in "iu":
        if labels.dtype.kind != "f" or not np.all(np.isfinite(labels)):
            raise ValueError("Y: class labels must be whole numbers")
        if not np.all(labels == np.round(labels)):
            raise ValueError("Y: class labels must be whole numbers (got fractions)")
        labels = labels.astype(np.int64)
    if labels.size and (labels.min() < 0 or labels.max() >= n_classes):
        raise ValueError(
            f"Y: class labels must lie in 0..{n_classes - 1} for {n_classes} outputs, "
            f"found {labels.min()}..{labels.max()}"
        )
    Y = np.zeros((labels.size, n_classes))
    Y[np.arange(labels.size), labels] = 1.0
    return Y

