"""What a sweep varies: one or two settings over lists or ranges of values, several seeds per
point, and the runs that follows from a base session.

A setting is typed as the command line takes it (``hidden=5:100:5``, ``lr=1e-3:1:log5``,
``optimizer=sgd,adam``) and checked here, with messages that name the setting and the fix;
each value then goes through the session's own checks (:class:`~bpstudio.session.LayerSpec`,
:class:`~bpstudio.session.TrainingConfig`), so a sweep can only make runs the app could
make. Seed ``j`` of every point draws its starting weights from the base network's seed + j
and its batch order from the base training seed + j: the points share their seeds, so a
difference between points is not a difference of luck.

(300 lines on purpose: the settings, how their values are read and how they make the runs are one
vocabulary, and split apart each half would import the other.)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import product
from typing import Any

from ..core import ACTIVATIONS
from ..core.optimizers import OPTIMIZER_KINDS
from ..core.text import quote
from ..core.translatable import QT_TRANSLATE_NOOP
from ..core.validation import unknown_name
from ..limit_checks import at_most
from ..limits import (
    MAX_SEED,
    MAX_SWEEP_EPOCHS,
    MAX_SWEEP_PARAMETERS,
    MAX_SWEEP_RUNS,
    MAX_SWEEP_SEEDS,
    MAX_SWEEP_SETTINGS,
    MAX_SWEEP_VALUES,
)
from ..session import LayerSpec, PreparedData, Session, count_parameters

Value = int | float | str | None


@dataclass(frozen=True)
class Setting:
    """A setting a sweep can vary: how its values are read and how one goes into a session.

    ``kind`` is ``"int"``, ``"float"`` or ``"name"``; ``log`` says a plot shows it on a
    log axis; ``order`` when two settings are applied (the layer count before the sizes).
    """

    name: str
    label: str
    kind: str
    apply: Callable[[Session, Any], Session]
    log: bool = False
    order: int = 1
    names: tuple[str, ...] = ()
    """The values a ``"name"`` setting takes."""


def _hidden(session: Session, layers: Sequence[LayerSpec]) -> Session:
    return replace(session, network=replace(session.network, hidden=tuple(layers)))


def _all_sizes(session: Session, size: int) -> Session:
    layers = _layers("hidden", session)
    return _hidden(session, [LayerSpec(size, layer.activation) for layer in layers])


def _one_size(number: int) -> Callable[[Session, int], Session]:
    def apply(session: Session, size: int) -> Session:
        layers = list(session.network.hidden)
        if number > len(layers):
            raise ValueError(
                f"hidden{number}: the network has {len(layers)} hidden layer(s); vary "
                f"hidden1 to hidden{len(layers)}, or hidden for all of them"
                if layers else f"hidden{number}: the network has no hidden layer; vary layers")
        layers[number - 1] = LayerSpec(size, layers[number - 1].activation)
        return _hidden(session, layers)

    return apply


def _layer_count(session: Session, count: int) -> Session:
    layers = list(session.network.hidden)
    if count > len(layers):
        last = _layers("layers", session)[-1]
        layers += [last] * (count - len(layers))  # new layers repeat the last one
    return _hidden(session, layers[:count])


def _activation(session: Session, name: str) -> Session:
    layers = _layers("activation", session)
    return _hidden(session, [LayerSpec(layer.size, name) for layer in layers])


def _layers(field: str, session: Session) -> tuple[LayerSpec, ...]:
    if not session.network.hidden:
        raise ValueError(f"{field}: the network has no hidden layer to change; add one in the "
                         "file, or vary layers first")
    return session.network.hidden


def _training(name: str) -> Callable[[Session, Any], Session]:
    def apply(session: Session, value: Any) -> Session:
        return replace(session, training=replace(session.training, **{name: value}))

    return apply


def _momentum(session: Session, value: float) -> Session:
    kind = OPTIMIZER_KINDS[session.training.optimizer]
    if kind.momentum is None:
        raise ValueError(
            f"momentum: the optimizer '{kind.name}' takes no momentum; set the file's optimizer "
            "to momentum, or vary optimizer too")
    return _training("momentum")(session, value)


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("hidden", QT_TRANSLATE_NOOP("Sweep", "hidden neurons (every layer)"), "int",
                _all_sizes, order=2),
        Setting("layers", QT_TRANSLATE_NOOP("Sweep", "hidden layers"), "int", _layer_count,
                order=0),
        Setting("lr", QT_TRANSLATE_NOOP("Sweep", "learning rate"), "float",
                _training("learning_rate"), log=True),
        Setting("batch", QT_TRANSLATE_NOOP("Sweep", "batch size"), "int",
                _training("batch_size")),
        Setting("optimizer", QT_TRANSLATE_NOOP("Sweep", "optimizer"), "name",
                _training("optimizer"), names=tuple(OPTIMIZER_KINDS)),
        Setting("activation", QT_TRANSLATE_NOOP("Sweep", "hidden activation"), "name",
                _activation, order=2,
                names=tuple(n for n, a in ACTIVATIONS.items() if a.hidden_allowed)),
        Setting("l2", "L2", "float", _training("l2")),
        Setting("momentum", QT_TRANSLATE_NOOP("Sweep", "momentum"), "float", _momentum),
    )
}
"""The settings a sweep varies; ``hiddenN`` (``hidden1``, ``hidden2``, ...) is one layer's
neuron count. Their labels are marked for the "Sweep" context (the Sweep dialog shows them
translated)."""
LAYER_LABEL = QT_TRANSLATE_NOOP("Sweep", "hidden neurons (layer {number})")
"""The label of ``hiddenN``, with ``{number}`` for N."""

_LAYER_SETTING = re.compile(r"hidden([1-9][0-9]{0,2})")


def setting(name: str) -> Setting:
    """The setting called ``name``; ``ValueError`` naming the valid ones."""
    if name in SETTINGS:
        return SETTINGS[name]
    layer = _LAYER_SETTING.fullmatch(name)
    if layer:
        number = int(layer.group(1))
        return Setting(name, LAYER_LABEL.format(number=number), "int", _one_size(number),
                       order=2)
    raise unknown_name("setting", name, [*SETTINGS, "hidden1", "hidden2"])


@dataclass(frozen=True)
class Vary:
    """One setting and the values it takes, in order."""

    setting: str
    values: tuple[Value, ...]

    @property
    def about(self) -> Setting:
        return setting(self.setting)


def parse_vary(text: str) -> Vary:
    """``NAME=VALUES``: a list ``a,b,c``, a range ``start:stop:step`` (stop included when
    the steps reach it) or ``start:stop:logN`` (N values, evenly spaced on a log scale)."""
    name, equals, values = text.partition("=")
    name = name.strip()
    if not equals or not values.strip():
        raise ValueError(f"vary: expected NAME=VALUES such as hidden=5:100:5 or lr=1e-3:1:log5, "
                         f"got {quote(text)}")
    about = setting(name)
    return Vary(name, parse_values(about, values.strip()))


def parse_values(about: Setting, text: str) -> tuple[Value, ...]:
    if ":" in text:
        values = _range(about, text)
    else:
        values = tuple(_one(about, item.strip(), text) for item in text.split(","))
    at_most(about.name, len(values), MAX_SWEEP_VALUES, "values",
            "take a coarser step or a shorter range")
    if len(set(values)) < len(values):
        raise ValueError(f"{about.name}: {quote(text)} gives a value twice; give each once")
    return values


def _one(about: Setting, item: str, text: str) -> Value:
    if about.kind == "name":
        if item not in about.names:
            raise unknown_name(about.name, item, about.names)
        return item
    if about.name == "batch" and item == "full":
        return None
    try:
        value = float(item)
    except ValueError:
        raise ValueError(f"{about.name}: expected numbers separated by commas or a range "
                         f"START:STOP:STEP, got {quote(text)}") from None
    if about.kind == "int":
        if not value.is_integer():
            raise ValueError(f"{about.name}: expected whole numbers, got {quote(item)}")
        return int(value)
    if not math.isfinite(value):
        raise ValueError(f"{about.name}: expected finite numbers, got {quote(item)}")
    return value


def _range(about: Setting, text: str) -> tuple[Value, ...]:
    parts = text.split(":")
    example = "1e-3:1:log5" if about.log else "5:100:5"
    if about.kind == "name" or len(parts) != 3:
        raise ValueError(f"{about.name}: a range is START:STOP:STEP or START:STOP:logN, e.g. "
                         f"{about.name}={example}; got {quote(text)}")
    start, stop = (_one(about, p.strip(), text) for p in parts[:2])
    if start is None or stop is None:
        raise ValueError(f"{about.name}: 'full' cannot start or end a range; list it: "
                         "batch=16,32,full")
    step_text = parts[2].strip()
    if step_text.startswith("log"):
        count = step_text[3:]
        if not count.isdigit() or int(count) < 2:
            raise ValueError(f"{about.name}: logN needs a whole number of values N >= 2, e.g. "
                             f"{about.name}=1e-3:1:log5; got {quote(step_text)}")
        at_most(about.name, int(count), MAX_SWEEP_VALUES, "values", "ask for fewer")
        if start <= 0 or stop <= 0:
            raise ValueError(f"{about.name}: a log range needs START and STOP > 0, got "
                             f"{quote(text)}")
        n = int(count)
        raw = [start * (stop / start) ** (i / (n - 1)) for i in range(n)]
        values = [start, *(float(f"{v:.12g}") for v in raw[1:-1]), stop]
    else:
        step = _one(about, step_text, text)
        if step is None or step <= 0:
            raise ValueError(f"{about.name}: the step must be > 0, e.g. {about.name}={example}; "
                             f"got {quote(text)}")
        if stop < start:
            raise ValueError(f"{about.name}: STOP must not be below START in {quote(text)}")
        count = math.floor((stop - start) / step + 1e-9) + 1
        at_most(about.name, count, MAX_SWEEP_VALUES, "values", "take a coarser step")
        values = [start + i * step if about.kind == "int" else float(f"{start + i * step:.12g}")
                  for i in range(count)]
    if about.kind == "int":
        if any(not float(v).is_integer() for v in values):
            raise ValueError(f"{about.name}: a log range of whole numbers must give whole "
                             f"numbers; list them instead, e.g. {about.name}=8,16,32")
        values = [int(v) for v in values]
    return tuple(values)


@dataclass(frozen=True)
class SweepSpec:
    """One or two varied settings, the seeds per point, the epochs each run trains, how
    often (in epochs) test loss and scores are measured (and always after the last), and a
    train loss whose first epoch at or below it the results report (``None``: none)."""

    vary: tuple[Vary, ...]
    seeds: int = 1
    epochs: int = 100
    measure_every: int = 1
    target_loss: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "vary", tuple(self.vary))
        if not self.vary:
            raise ValueError("vary: a sweep varies at least one setting, e.g. hidden=5:100:5")
        at_most("vary", len(self.vary), MAX_SWEEP_SETTINGS, "settings",
                "vary one setting, or two for a grid")
        names = [v.setting for v in self.vary]
        if len(set(names)) < len(names):
            raise ValueError(f"vary: {names[0]} is varied twice; give its values once")
        for field, value, limit in (("seeds", self.seeds, MAX_SWEEP_SEEDS),
                                    ("epochs", self.epochs, MAX_SWEEP_EPOCHS),
                                    ("measure_every", self.measure_every, MAX_SWEEP_EPOCHS)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{field}: must be a whole number >= 1, got {quote(value)}")
            at_most(field, value, limit, field.replace("_", " "), f"ask for fewer {field}")
        target = self.target_loss
        if target is not None and (isinstance(target, bool) or not isinstance(target, int | float)
                                   or not math.isfinite(target) or target < 0):
            raise ValueError(f"target_loss: must be a finite number >= 0, got {quote(target)}")
        runs = math.prod(len(v.values) for v in self.vary) * self.seeds
        at_most("runs", runs, MAX_SWEEP_RUNS, "runs per sweep (values × seeds)",
                "take fewer values or seeds")

    @property
    def points(self) -> list[tuple[Value, ...]]:
        """Every combination of values, the first setting outermost."""
        return list(product(*(v.values for v in self.vary)))


@dataclass(frozen=True)
class PlannedRun:
    """One run of a sweep: its place, its settings' values, its seed number and session."""

    index: int
    point: int
    values: tuple[Value, ...]
    seed: int
    session: Session


def plan(base: Session, spec: SweepSpec, data: PreparedData | None = None) -> list[PlannedRun]:
    """Every run of the sweep, checked before any trains: each value as the session takes it,
    each network within the limits for the data, all of them together within
    :data:`~bpstudio.limits.MAX_SWEEP_PARAMETERS`. Runs start from their seed's weights (a
    file's trained state and given starting weights are not used)."""
    data = base.prepare_data() if data is None else data
    fresh = replace(base, state=None, start=None)
    order = sorted(range(len(spec.vary)), key=lambda i: spec.vary[i].about.order)
    runs: list[PlannedRun] = []
    total = 0
    for point, values in enumerate(spec.points):
        session = fresh
        for i in order:
            session = _with_value(session, spec.vary[i], values[i])
        sizes = session.network.layer_sizes(data.n_inputs, data.n_outputs)
        session.network.check_size(data.n_inputs, data.n_outputs)
        total += count_parameters(sizes, session.network.bias) * spec.seeds
        at_most("runs", total, MAX_SWEEP_PARAMETERS, "weights and biases in all runs together",
                "take fewer or smaller networks, or fewer seeds")
        for seed in range(spec.seeds):
            runs.append(PlannedRun(len(runs), point, values, seed, _seeded(session, seed)))
    return runs


def _with_value(session: Session, vary: Vary, value: Value) -> Session:
    try:
        return vary.about.apply(session, value)
    except ValueError as exc:
        message = str(exc)
        if not message.startswith(f"{vary.setting}:"):
            message = f"{vary.setting}={value}: {message}"
        raise ValueError(message) from None


def _seeded(session: Session, seed: int) -> Session:
    net_seed, train_seed = session.network.seed + seed, session.training.seed + seed
    if max(net_seed, train_seed) > MAX_SEED:
        raise ValueError(f"seeds: the file's seeds + {seed} pass the largest seed "
                         f"({MAX_SEED:,}); lower the file's seeds")
    return replace(session, network=replace(session.network, seed=net_seed),
                   training=replace(session.training, seed=train_seed))
