"""Pinned runs: finished or paused runs kept beside the live one, to compare with it.

A :class:`Pin` is a run as it stood when pinned (its session, whose state holds the weights
and the history, and the seconds it trained). :class:`PinBoard` holds up to
:data:`~bpstudio.limits.MAX_PINNED_RUNS` of them under distinct names. :func:`differences`
says in words which settings of a run differ from the live one; :func:`same_start` makes
the live session a variant of a pinned run that starts exactly where the pinned run started
(weights, data, split, order of the samples), so that only the person's change differs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace

from ..core.metrics import score_name
from ..core.network import Network
from ..core.phrase import Translate, untranslated
from ..core.translatable import QT_TRANSLATE_NOOP
from ..io.pinned_section import check_totals, pinned_totals
from ..limit_checks import at_most
from ..limits import MAX_NAME_CHARS, MAX_PINNED_RUNS
from ..session import (
    DataSpec,
    NetworkSpec,
    PinnedRun,
    PreparedData,
    Session,
    TrainingConfig,
    count_parameters,
)
from ..training_fields import TRAINING_FIELDS
from .results import run_numbers


@dataclass(frozen=True)
class Pin(PinnedRun):
    """A run as it stood when pinned. ``same_start_as`` names the pinned run whose start it
    shares (it was a "same start" variant of it), else ``None``. Saved with the document
    (:attr:`Session.pinned`) while it is on the document's data."""

    @property
    def epochs(self) -> int:
        return self.session.epoch

    def numbers(self, task: str) -> dict[str, float]:
        """Final and best train/test loss and score (:func:`run_numbers`)."""
        return run_numbers(self.session.history, score_name(task))


class PinBoard:
    """The pinned runs, in the order they were pinned, under distinct names."""

    def __init__(self) -> None:
        self._pins: list[Pin] = []

    def __iter__(self) -> Iterator[Pin]:
        return iter(self._pins)

    def __len__(self) -> int:
        return len(self._pins)

    def __getitem__(self, name: str) -> Pin:
        for pin in self._pins:
            if pin.name == name:
                return pin
        raise KeyError(name)

    @property
    def names(self) -> list[str]:
        return [pin.name for pin in self._pins]

    def pin(self, session: Session, seconds: float = 0.0, *, name: str | None = None,
            same_start_as: str | None = None) -> Pin:
        """Pin ``session`` (its state is the run); ``ValueError`` when the board is full or
        the name is taken. Without a name the run is called ``run N`` (the first free N)."""
        at_most("pinned runs", len(self._pins) + 1, MAX_PINNED_RUNS, "pinned runs",
                "remove a pin first")
        if name is None:
            name = next(f"run {n}" for n in range(1, MAX_PINNED_RUNS + 2)
                        if f"run {n}" not in self.names)
        self._check_name(name)
        pin = Pin(name, session, float(seconds), same_start_as)
        self._pins.append(pin)
        return pin

    def remove(self, name: str) -> None:
        self._pins.remove(self[name])

    def rename(self, old: str, new: str) -> None:
        """Rename a pin (and the pins that name it as their start)."""
        pin = self[old]
        if new == old:
            return
        self._check_name(new)
        self._pins = [replace(p, name=new) if p is pin else
                      replace(p, same_start_as=new) if p.same_start_as == old else p
                      for p in self._pins]

    def clear(self) -> None:
        self._pins.clear()

    def restore(self, runs: tuple[PinnedRun, ...]) -> None:
        """The board of a document opened: its saved runs, in their order."""
        self._pins = [Pin(run.name, run.session, run.seconds, run.same_start_as)
                      for run in runs]

    def saved(self, live: Session, data: PreparedData) -> tuple[tuple[Pin, ...], list[str]]:
        """The pins saved with ``live``: those trained on its data, in order, while a file's
        totals hold (:func:`~bpstudio.io.pinned_section.check_totals`); and the names of
        the pins left out (they stay on the board)."""
        kept: list[Pin] = []
        left_out: list[str] = []
        for pin in self._pins:
            trial = (*kept, pin)
            try:
                if pin.session.data != live.data or pin.session.state is None:
                    raise ValueError("other data")
                check_totals("pinned", len(trial), *pinned_totals(trial, data))
            except ValueError:
                left_out.append(pin.name)
                continue
            kept.append(pin)
        return tuple(kept), left_out

    def _check_name(self, name: str) -> None:
        if not name.strip():
            raise ValueError("name: a pinned run needs a name; type one")
        at_most("name", len(name), MAX_NAME_CHARS, "characters", "shorten the name")
        if name in self.names:
            raise ValueError(f"name: a pinned run is already called '{name}'; choose another")


NAMES = {
    "hidden": QT_TRANSLATE_NOOP("Compare", "hidden layers"),
    "output_activation": QT_TRANSLATE_NOOP("Compare", "output activation"),
    "loss": QT_TRANSLATE_NOOP("Compare", "loss"),
    "reduction": QT_TRANSLATE_NOOP("Compare", "reduction"),
    "init": QT_TRANSLATE_NOOP("Compare", "init"), "bias": QT_TRANSLATE_NOOP("Compare", "bias"),
    "network.seed": QT_TRANSLATE_NOOP("Compare", "weight seed"),
    "shuffle": QT_TRANSLATE_NOOP("Compare", "shuffle"),
    "seed": QT_TRANSLATE_NOOP("Compare", "seed"),
    "schedule": QT_TRANSLATE_NOOP("Compare", "schedule"),
    "stopping": QT_TRANSLATE_NOOP("Compare", "stopping"),
    "test_fraction": QT_TRANSLATE_NOOP("Compare", "test fraction"),
    "split_seed": QT_TRANSLATE_NOOP("Compare", "split seed"),
    "standardize": QT_TRANSLATE_NOOP("Compare", "standardize"),
}
"""The words :func:`differences` names a setting by where no training field labels it
(marked for the "Compare" context; English as the field's name)."""


def differences(run: Session, live: Session, translate: Translate = untranslated) -> list[str]:
    """What ``run`` sets differently from ``live``, in words, each as ``what: run's → live's``
    (empty: the same settings); ``translate`` says them in the interface's language."""
    def changed(what: str, a: object, b: object) -> str:
        return f"{what}: {_shown(a, translate)} → {_shown(b, translate)}"

    out = _network_differences(run.network, live.network, translate, changed)
    out += _data_differences(run.data, live.data, translate, changed)
    for f in fields(TrainingConfig):
        a, b = getattr(run.training, f.name), getattr(live.training, f.name)
        if a != b:
            out.append(changed(_training_name(f.name, translate), a, b))
    return out


def _name(key: str, translate: Translate) -> str:
    return translate("Compare", NAMES.get(key, key.replace("_", " ")))


def _training_name(name: str, translate: Translate) -> str:
    """A training field's name: as the file has it in English (``learning rate``), its
    designer label in another language."""
    widget = TRAINING_FIELDS[name].widget
    if widget is None:
        return _name(name, translate)
    said = translate("Fields", widget.label)
    return name.replace("_", " ") if said == widget.label else said


def _network_differences(a: NetworkSpec, b: NetworkSpec, translate: Translate,
                         changed: Callable[[str, object, object], str]) -> list[str]:
    out = []
    if a.hidden != b.hidden:
        out.append(changed(_name("hidden", translate), _layers(a, translate),
                           _layers(b, translate)))
    for f in fields(NetworkSpec):
        if f.name != "hidden" and getattr(a, f.name) != getattr(b, f.name):
            key = "network.seed" if f.name == "seed" else f.name
            out.append(changed(_name(key, translate), getattr(a, f.name), getattr(b, f.name)))
    return out


def _data_differences(a: DataSpec, b: DataSpec, translate: Translate,
                      changed: Callable[[str, object, object], str]) -> list[str]:
    data = translate("Compare", "data")
    if a.name != b.name:
        return [changed(data, a.name, b.name)]
    out = []
    for key in sorted({*a.params, *b.params}):
        x, y = a.params.get(key), b.params.get(key)
        if x != y:
            out.append(changed(f"{data} {key}", x, y))
    for name in ("test_fraction", "split_seed", "standardize"):
        x, y = getattr(a, name), getattr(b, name)
        if x != y:
            out.append(changed(_name(name, translate), x, y))
    if a.table is not b.table:
        out.append(translate("Compare", "data: other rows"))
    return out


def _layers(network: NetworkSpec, translate: Translate) -> str:
    if not network.hidden:
        return translate("Compare", "none")
    said = [(layer.size, translate("Vocabulary", layer.activation)) for layer in network.hidden]
    return ", ".join(f"{size} {activation}" for size, activation in said)


def _shown(value: object, translate: Translate = untranslated) -> str:
    if value is None:
        return translate("Compare", "none")
    if isinstance(value, bool):
        return translate("Compare", "True") if value else translate("Compare", "False")
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        return translate("Vocabulary", value)
    return str(value)


def same_start(live: Session, reference: Pin, data: PreparedData | None = None) -> Session:
    """The live session at epoch 0 starting as ``reference`` started: the same order of
    samples (its training seed), and its very starting weights when the networks' weights
    have the same shapes and initialiser, else fresh weights from its weight seed. The
    live data spec stays (the same data and split when the person left them alone)."""
    ref = reference.session
    data = live.prepare_data() if data is None else data
    session = replace(live, state=None, start=None,
                      network=replace(live.network, seed=ref.network.seed),
                      training=replace(live.training, seed=ref.training.seed))
    same_shapes = (live.network.layer_sizes(data.n_inputs, data.n_outputs)
                   == ref.network.layer_sizes(data.n_inputs, data.n_outputs)
                   and live.network.bias == ref.network.bias
                   and live.network.init == ref.network.init)
    if not same_shapes:
        return session
    if ref.start is not None:
        return session.starting_from(ref.start.copy())
    drawn = ref.network.build(data.n_inputs, data.n_outputs).parameters
    return session.starting_from(drawn.copy())


def shown_number(value: float, digits: int = 4) -> str:
    """A table's number: ``–`` where there is none."""
    return "–" if value is None or math.isnan(value) else f"{value:.{digits}g}"


def fits(session: Session, data: PreparedData) -> bool:
    """Whether the run's weights take ``data``'s inputs and give its outputs (a pin of other
    data cannot be drawn over this data's plot)."""
    state = session.state
    if state is None:
        return False
    sizes = session.network.layer_sizes(data.n_inputs, data.n_outputs)
    return count_parameters(sizes, session.network.bias) == state.parameters.size


def pinned_network(session: Session, data: PreparedData) -> Network:
    """The run's network with the weights it was pinned with (``fits`` must hold)."""
    return session.build(data, check_memory=False).net
