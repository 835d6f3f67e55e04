"""Where a network for each dataset starts: the settings a freshly picked dataset brings.

A network that suits one dataset fails silently on another: the sin example's ``uniform``
U[0, 1) weights saturate a 3×32 tanh network on the spiral (a flat loss at 33 % accuracy for
thousands of epochs), where ``xavier_uniform`` weights reach 100 %. So picking a dataset
applies its :class:`Starter` to every setting the person has not set on purpose
(:func:`adapt`), and says what it changed. The textbook datasets start as their worked
examples do, and never hold out a test part: their few rows are all the book trains on.

Each starter was checked by training it (``tests/test_starters.py`` trains every one).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, replace

from .core.optimizers import OPTIMIZER_KINDS
from .core.phrase import Translate, untranslated
from .examples import EXAMPLES
from .session import LayerSpec, Session

FIELDS = ("hidden", "init", "optimizer", "learning_rate", "batch_size", "test_fraction",
          "standardize")
"""The settings a starter brings, by the names the designer tracks edits under."""


@dataclass(frozen=True)
class Starter:
    """A dataset's starting settings. ``always``: fields applied even if the person set
    them (a textbook dataset's test fraction of 0)."""

    hidden: tuple[LayerSpec, ...]
    init: str
    optimizer: str
    learning_rate: float
    batch_size: int | None
    test_fraction: float
    standardize: bool
    always: frozenset[str] = frozenset()


Setting = tuple[str, object]
"""A setting a starter brings, by its :data:`FIELDS` name, and its value."""


@dataclass(frozen=True)
class Adaptation:
    """What :func:`adapt` made: the session, the settings it changed (with their new values)
    and those it kept because the person set them (with the values kept)."""

    session: Session
    changed_settings: tuple[Setting, ...]
    kept_settings: tuple[Setting, ...]

    @property
    def changed(self) -> tuple[str, ...]:
        """The changed settings in words: ``("init xavier_uniform", ...)``."""
        return tuple(_words(*setting) for setting in self.changed_settings)

    @property
    def kept(self) -> tuple[str, ...]:
        return tuple(_words(*setting) for setting in self.kept_settings)

    def message(self, label: str, translate: Translate = untranslated) -> str:
        """The status bar's sentence, or ``""`` when nothing changed or was kept; in the
        language of ``translate`` (the GUI passes ``QCoreApplication.translate``)."""
        if not self.changed_settings and not self.kept_settings:
            return ""
        comma = translate("Starters", ", ")
        parts = []
        if self.changed_settings:
            settings = comma.join(_words(*s, translate) for s in self.changed_settings)
            parts.append(translate("Starters", "Adapted to {dataset}: {settings}").format(
                dataset=label, settings=settings))
        if self.kept_settings:
            settings = comma.join(_words(*s, translate) for s in self.kept_settings)
            parts.append(translate("Starters", "kept what you set: {settings}").format(
                settings=settings))
        return translate("Starters", "{parts}.").format(
            parts=translate("Starters", "; ").join(parts))


def of_session(session: Session, always: frozenset[str] = frozenset()) -> Starter:
    """A session's own settings as a starter: what a document's imported rows come back
    with when they are picked again after trying a generator."""
    network, training, data = session.network, session.training, session.data
    return Starter(network.hidden, network.init, training.optimizer, training.learning_rate,
                   training.batch_size, data.test_fraction, data.standardize, always)


def _layers(*sizes: int, activation: str = "tanh") -> tuple[LayerSpec, ...]:
    return tuple(LayerSpec(size, activation) for size in sizes)


def _from_example(name: str) -> Starter:
    """A textbook dataset starts as its worked example (never with a test part)."""
    example = EXAMPLES[name]()
    example = replace(example, data=replace(example.data, test_fraction=0.0))
    return of_session(example, always=frozenset({"test_fraction"}))


def _plane(*sizes: int) -> Starter:
    """Two-dimensional toy data: tanh layers from xavier_uniform weights, Adam, mini-batches
    of 32, a fifth held out, inputs standardized."""
    return Starter(_layers(*sizes), "xavier_uniform", "adam", 0.01, 32, 0.2, True)


STARTERS: dict[str, Starter] = {
    **{name: _from_example(name) for name in ("sin", "points8", "binary4")},
    "xor": _plane(8),
    "circles": _plane(8, 8),
    "moons": _plane(8, 8),
    "gaussians": _plane(8),
    "spiral": _plane(16, 16),
    "classification": Starter(_layers(16, 16, activation="relu"), "he_normal", "adam", 0.01,
                              32, 0.25, True),
}
"""One starter per data generator (a test keeps it complete); imported tables have none."""


def adapt(
    session: Session, kept: Set[str] = frozenset(), starter: Starter | None = None
) -> Adaptation:
    """``session`` with ``starter`` (by default its dataset's) applied to every setting of
    :data:`FIELDS` not in ``kept`` (the ones the person set on purpose), except those the
    starter always applies. The data's name and parameters, the output and the loss are left
    as they are."""
    starter = starter or STARTERS.get(session.data.name)
    if starter is None:
        return Adaptation(session, (), ())
    network, training, data = session.network, session.training, session.data
    now = {"hidden": network.hidden, "init": network.init, "optimizer": training.optimizer,
           "learning_rate": training.learning_rate, "batch_size": training.batch_size,
           "test_fraction": data.test_fraction, "standardize": data.standardize}
    chosen = dict(now)
    changed, held = [], []
    for name in FIELDS:
        wanted = getattr(starter, name)
        if wanted == now[name]:
            continue
        if name in kept and name not in starter.always:
            held.append((name, now[name]))
        else:
            chosen[name] = wanted
            changed.append((name, wanted))
    adapted = replace(
        session,
        network=replace(network, hidden=chosen["hidden"], init=chosen["init"]),
        training=replace(training, optimizer=chosen["optimizer"],
                         learning_rate=chosen["learning_rate"],
                         batch_size=chosen["batch_size"]),
        data=replace(data, test_fraction=chosen["test_fraction"],
                     standardize=chosen["standardize"]),
    )
    return Adaptation(adapted, tuple(changed), tuple(held))


def _words(name: str, value: object, translate: Translate = untranslated) -> str:
    """A setting as the status bar names it: ``"hidden layers 16, 16 tanh"``."""
    if name == "hidden":
        layers = value if isinstance(value, tuple) else ()
        if not layers:
            return translate("Starters", "no hidden layer")
        kinds = {layer.activation for layer in layers}
        sizes = ", ".join(str(layer.size) for layer in layers)
        what = f" {translate('Vocabulary', kinds.pop())}" if len(kinds) == 1 else ""
        return translate("Starters", "hidden layers {sizes}").format(sizes=sizes) + what
    if name == "optimizer":
        label = translate("Vocabulary", OPTIMIZER_KINDS[str(value)].label)
        return translate("Starters", "optimizer {name}").format(name=label)
    if name == "batch_size":
        if value is None:
            return translate("Starters", "full batch")
        return translate("Starters", "batch size {size}").format(size=value)
    if name == "standardize":
        return (translate("Starters", "standardize on") if value
                else translate("Starters", "standardize off"))
    if name == "init":
        return translate("Starters", "init {name}").format(
            name=translate("Vocabulary", str(value)))
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    if name == "learning_rate":
        return translate("Starters", "learning rate {value}").format(value=shown)
    return translate("Starters", "test fraction {value}").format(value=shown)
