"""Undo steps of a document, without Qt: what an edit was, in words, and what undoing it
gives back.

An edit (a designer change, a dataset or lesson switch, Reset, a weight typed into the
network view) is the document before and after it (:class:`DocumentSnapshot`). Training is
not an edit: undoing goes back to the trained state that preceded the edit, and redoing goes
forward to the document as it was when it was undone (training since included). Where only
the training settings differ between the two sides, the shapes allow more: undo keeps the
weights trained so far and puts back only the settings. The window's ``QUndoStack``
(:mod:`bpstudio.gui.window.undo`) carries these out.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .core.datasets import GENERATORS
from .core.phrase import Translate, untranslated
from .core.schedules import Schedule
from .core.stopping import StopRules
from .document import DocumentSnapshot
from .session import Session
from .training_fields import TRAINING_FIELDS


@dataclass(frozen=True)
class Edit:
    """One undo step: its words and the document before and after."""

    text: str
    before: DocumentSnapshot
    after: DocumentSnapshot

    def undone(self, now: DocumentSnapshot) -> DocumentSnapshot:
        """What Undo shows, ``now`` being the document on screen: the state before the edit,
        or (same network and data) the weights trained so far with the old settings."""
        return _keeping_weights(self.before, now)

    def redone(self, now: DocumentSnapshot) -> DocumentSnapshot:
        """What Redo shows: the document after the edit, with training since it was made
        where the shapes allow."""
        return _keeping_weights(self.after, now)


def _keeping_weights(target: DocumentSnapshot, now: DocumentSnapshot) -> DocumentSnapshot:
    """``target`` with the weights trained since, for an edit of training settings only (a
    weight typed in, a Reset: the weights are the edit, ``target`` as it is)."""
    old, new = target.session, now.session
    settings_only = old.training != new.training
    if settings_only and old.network == new.network and old.data == new.data and new.epoch > 0:
        return DocumentSnapshot(new.with_training(old.training), target.path, target.start)
    return target


def describe(before: Session, after: Session, translate: Translate = untranslated) -> str:
    """An edit of the designer in a few words: ``"Network: hidden 8 tanh → 16 tanh"``,
    ``"Data: spiral"``, ``"Learning rate 0.05 → 0.2"``; how undoing it treats the training
    in brackets. ``translate`` says it in the interface's language (the Edit menu's)."""
    what = _what(before, after, translate)
    if before.network == after.network and before.data == after.data:
        return translate("Undo", "{what} (weights kept)").format(what=what)
    if before.epoch > 0:
        return translate("Undo", "{what} (undo returns to epoch {epoch})").format(
            what=what, epoch=f"{before.epoch:,}")
    return what


def _what(before: Session, after: Session, translate: Translate) -> str:
    if before.data != after.data:
        old, new = before.data, after.data
        if old.name == new.name:
            return translate("Undo", "Data settings")
        return translate("Undo", "Data: {name}").format(name=_data_name(new.name, translate))
    if before.network != after.network:
        if before.network.hidden == after.network.hidden:
            return translate("Undo", "Network settings")
        return translate("Undo", "Network: {before} → {after}").format(
            before=_layers(before, translate), after=_layers(after, translate))
    changed = [f.name for f in fields(before.training)
               if getattr(before.training, f.name) != getattr(after.training, f.name)]
    if len(changed) == 1:
        name = changed[0]
        widget = TRAINING_FIELDS[name].widget
        label = (translate("Fields", widget.label) if widget
                 else name.replace("_", " ").capitalize())
        return (f"{label} {_value(getattr(before.training, name), translate)} → "
                f"{_value(getattr(after.training, name), translate)}")
    return translate("Undo", "Training settings")


def _data_name(name: str, translate: Translate) -> str:
    """The dataset's name: its code in English (``spiral``), its label said in another
    language (螺旋)."""
    label = GENERATORS[name].label if name in GENERATORS else name
    said = translate("Vocabulary", label)
    return name if said == label else said


def _layers(session: Session, translate: Translate) -> str:
    said = [(layer.size, translate("Vocabulary", layer.activation))
            for layer in session.network.hidden]
    return " × ".join(f"{size} {activation}" for size, activation in said) or translate(
        "Undo", "no hidden")


def _value(value: object, translate: Translate) -> str:
    if value is None:
        return translate("Undo", "none")
    if isinstance(value, Schedule | StopRules):
        return value.describe()
    return f"{value:g}" if isinstance(value, float) else str(value)
