"""Gradient-descent optimizers that update a flat parameter vector in place.

Their state is a step count plus float arrays aligned with the parameter vector, so
``state()`` → ``load_state()`` restores an optimizer bit for bit. The learning rate is a plain
attribute and may change between steps. ``weight_decay`` adds the L2 term ``λ·w`` to the
gradient of the weights (never the biases): the first ``n_decayed`` entries of the vector.

:data:`OPTIMIZER_KINDS` is what a person picks (plain SGD, SGD with momentum, Adam): the one
list the session, the designer, the command line and the file format are built from.
"""

from __future__ import annotations

import inspect
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .text import quote
from .translatable import QT_TRANSLATE_NOOP
from .validation import unknown_name


def _check_rate(field: str, value: float, *, allow_zero: bool = False) -> float:
    value = float(value)
    if not math.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{field}: must be a finite number {bound}, got {value}")
    return value


class Optimizer:
    """Common parts: learning rate, weight decay, state as named arrays."""

    name = "optimizer"
    _state_arrays: tuple[str, ...] = ()

    def __init__(self, lr: float, weight_decay: float = 0.0) -> None:
        self.lr = lr
        self.weight_decay = _check_rate("weight_decay", weight_decay, allow_zero=True)
        self.t = 0

    @property
    def lr(self) -> float:
        return self._lr

    @lr.setter
    def lr(self, value: float) -> None:
        self._lr = _check_rate("lr", value)

    def update(
        self, params: np.ndarray, grads: np.ndarray, n_decayed: int | None = None, *,
        overwrite_grads: bool = False,
    ) -> None:
        """Take one step on ``params`` (flat, modified in place) from ``grads`` (same shape).

        With ``overwrite_grads`` the step may be worked out in ``grads`` itself (a trainer's
        own buffer): the same numbers, one parameter-sized array less to keep in cache.
        """
        if self.weight_decay:
            if not overwrite_grads:
                grads = grads.copy()
            decayed = slice(None) if n_decayed is None else slice(0, n_decayed)
            grads[decayed] += self.weight_decay * params[decayed]
        self.t += 1
        self._step(params, grads, overwrite_grads)

    def _step(self, params: np.ndarray, grads: np.ndarray, overwrite_grads: bool) -> None:
        raise NotImplementedError

    def _arrays_for(self, params: np.ndarray) -> list[np.ndarray]:
        for name in self._state_arrays:
            arr = getattr(self, name, None)
            if arr is None or arr.shape != params.shape or arr.dtype != params.dtype:
                setattr(self, name, np.zeros_like(params))
        return [getattr(self, name) for name in self._state_arrays]

    def _scratch_for(self, params: np.ndarray) -> np.ndarray:
        scratch = self.__dict__.get("_scratch")
        if scratch is None or scratch.shape != params.shape or scratch.dtype != params.dtype:
            scratch = self._scratch = np.empty_like(params)
        return scratch

    def config(self) -> dict[str, Any]:
        """The settings that define this optimizer (no state)."""
        raise NotImplementedError

    def state(self) -> dict[str, Any]:
        """Step count and copies of the state arrays."""
        out: dict[str, Any] = {"t": self.t}
        for name in self._state_arrays:
            arr = getattr(self, name, None)
            out[name] = None if arr is None else arr.copy()
        return out

    def load_state(self, state: dict[str, Any]) -> None:
        """Restore what :meth:`state` returned; arrays are copied in."""
        t = state.get("t")
        if isinstance(t, bool) or not isinstance(t, int | np.integer) or t < 0:
            raise ValueError(f"optimizer state t: expected a step count >= 0, got {quote(t)}")
        for name in self._state_arrays:
            arr = state.get(name)
            if arr is not None and not isinstance(arr, np.ndarray):
                raise ValueError(f"optimizer state {name}: expected an array, got {quote(arr)}")
        self.t = int(t)
        for name in self._state_arrays:
            arr = state.get(name)
            setattr(self, name, None if arr is None else arr.copy())

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.config().items() if k != "name")
        return f"{type(self).__name__}({args})"


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with (Nesterov) momentum.

    ``v ← μ·v − η·g``; ``w ← w + v`` (Nesterov: ``w ← w + μ·v − η·g``). With ``μ = 0`` this is
    the textbook rule ``w ← w − η·g``.
    """

    name = "sgd"

    def __init__(
        self, lr: float, momentum: float = 0.0, nesterov: bool = False, weight_decay: float = 0.0
    ) -> None:
        super().__init__(lr, weight_decay)
        self.momentum = float(momentum)
        if not 0.0 <= self.momentum < 1.0:
            raise ValueError(f"momentum: must be in [0, 1), got {momentum}")
        if nesterov and self.momentum == 0.0:
            raise ValueError("nesterov: needs momentum > 0")
        self.nesterov = bool(nesterov)
        self._state_arrays = ("velocity",) if self.momentum else ()
        self.velocity: np.ndarray | None = None

    def _step(self, params: np.ndarray, grads: np.ndarray, overwrite_grads: bool) -> None:
        step = grads if overwrite_grads else self._scratch_for(params)
        np.multiply(grads, self.lr, out=step)  # η·g without a fresh temporary each step
        if not self.momentum:
            params -= step
            return
        (v,) = self._arrays_for(params)
        v *= self.momentum
        v -= step
        if self.nesterov:
            params += self.momentum * v - step
        else:
            params += v

    def config(self) -> dict[str, Any]:
        return {
            "name": self.name, "lr": self.lr, "momentum": self.momentum,
            "nesterov": self.nesterov, "weight_decay": self.weight_decay,
        }


class Adam(Optimizer):
    """Adam (Kingma & Ba, 2015) with bias-corrected first and second moments.

    ``m ← β₁m + (1−β₁)g``, ``v ← β₂v + (1−β₂)g²``,
    ``w ← w − η·m̂ / (√v̂ + ε)`` with ``m̂ = m/(1−β₁ᵗ)``, ``v̂ = v/(1−β₂ᵗ)``, as in the paper.
    """

    name = "adam"
    _state_arrays = ("m", "v")

    def __init__(
        self,
        lr: float = 1e-3,
        beta1: float = 0.9,
        beta2: float = 0.999,
        eps: float = 1e-8,
        weight_decay: float = 0.0,
    ) -> None:
        super().__init__(lr, weight_decay)
        for field, value in (("beta1", beta1), ("beta2", beta2)):
            if not 0.0 <= float(value) < 1.0:
                raise ValueError(f"{field}: must be in [0, 1), got {quote(value)}")
        self.beta1, self.beta2 = float(beta1), float(beta2)
        self.eps = _check_rate("eps", eps)
        self.m: np.ndarray | None = None
        self.v: np.ndarray | None = None

    def _step(self, params: np.ndarray, grads: np.ndarray, overwrite_grads: bool) -> None:
        m, v = self._arrays_for(params)
        m *= self.beta1
        m += (1.0 - self.beta1) * grads
        v *= self.beta2
        v += (1.0 - self.beta2) * (grads * grads)
        denom = np.sqrt(v / (1.0 - self.beta2**self.t))
        denom += self.eps
        params -= (self.lr / (1.0 - self.beta1**self.t)) * m / denom

    def config(self) -> dict[str, Any]:
        return {
            "name": self.name, "lr": self.lr, "beta1": self.beta1, "beta2": self.beta2,
            "eps": self.eps, "weight_decay": self.weight_decay,
        }


OPTIMIZERS: dict[str, type[Optimizer]] = {"sgd": SGD, "adam": Adam}
"""The core optimizers by the name their :meth:`~Optimizer.config` (and a file's state) has."""

CONFIG_KEYS: tuple[str, ...] = tuple(dict.fromkeys(
    key for kind in OPTIMIZERS.values()
    for key in list(inspect.signature(kind.__init__).parameters)[1:]
))
"""Every setting an optimizer's config may hold besides its name: its constructor's
parameters (``lr``, ``momentum``, ``nesterov``, ``weight_decay``, ``beta1``, ...)."""


@dataclass(frozen=True)
class OptimizerKind:
    """An optimizer as a person picks it: its name (``TrainingConfig.optimizer``), the word
    the designer shows, the core optimizer it makes and the defaults of its settings."""

    name: str
    label: str
    optimizer: type[Optimizer]
    learning_rate: float
    """The learning rate a new session of this kind starts at (``bpstudio new``)."""
    momentum: float | None = None
    """The default momentum coefficient; ``None``: this kind takes no momentum."""
    moments: int = 0
    """Arrays the size of the parameter vector it keeps between steps (velocity; m and v)."""
    betas: tuple[float, float] | None = None
    """The default decays of Adam's running means; ``None``: this kind takes none."""

    def make(
        self, learning_rate: float, momentum: float, weight_decay: float,
        betas: tuple[float, float] | None = None,
    ) -> Optimizer:
        """The core optimizer; ``momentum`` and ``betas`` are used only by a kind that takes
        them (``betas`` ``None``: its defaults)."""
        settings: dict[str, float] = {} if self.momentum is None else {"momentum": momentum}
        if self.betas is not None:
            settings["beta1"], settings["beta2"] = betas or self.betas
        return self.optimizer(learning_rate, weight_decay=weight_decay, **settings)


OPTIMIZER_KINDS: dict[str, OptimizerKind] = {
    kind.name: kind
    for kind in (
        OptimizerKind("sgd", QT_TRANSLATE_NOOP("Vocabulary", "SGD"), SGD, learning_rate=0.05),
        OptimizerKind("momentum", QT_TRANSLATE_NOOP("Vocabulary", "Momentum"), SGD,
                      learning_rate=0.05, momentum=0.9, moments=1),
        OptimizerKind("adam", QT_TRANSLATE_NOOP("Vocabulary", "Adam"), Adam,
                      learning_rate=0.01, moments=2, betas=(0.9, 0.999)),
    )
}
"""What a person picks, in the order the designer and the command line offer it."""


def make_optimizer(config: dict[str, Any]) -> Optimizer:
    """Build an optimizer from :meth:`Optimizer.config` output."""
    config = dict(config)
    name = config.pop("name", None)
    if name not in OPTIMIZERS:
        raise unknown_name("optimizer.name", name, OPTIMIZERS)
    try:
        return OPTIMIZERS[name](**config)
    except TypeError as exc:
        raise ValueError(f"optimizer: {exc}") from exc
