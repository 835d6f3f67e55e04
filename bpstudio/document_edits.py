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


def describe(before: Session, after: Session) -> str:
    """An edit of the designer in a few words: ``"Network: hidden 8 tanh → 16 tanh"``,
    ``"Data: Spiral"``, ``"Learning rate 0.05 → 0.2"``; how undoing it treats the training
    in brackets."""
    what = _what(before, after)
    if before.network == after.network and before.data == after.data:
        return f"{what} (weights kept)"
    if before.epoch > 0:
        return f"{what} (undo returns to epoch {before.epoch:,})"
    return what


def _what(before: Session, after: Session) -> str:
    if before.data != after.data:
        old, new = before.data, after.data
        return f"Data: {new.name}" if old.name != new.name else "Data settings"
    if before.network != after.network:
        return f"Network: {_layers(before)} → {_layers(after)}" if (
            before.network.hidden != after.network.hidden) else "Network settings"
    changed = [f.name for f in fields(before.training)
               if getattr(before.training, f.name) != getattr(after.training, f.name)]
    if len(changed) == 1:
        name = changed[0]
        widget = TRAINING_FIELDS[name].widget
        label = widget.label if widget else name.replace("_", " ").capitalize()
        return (f"{label} {_value(getattr(before.training, name))} → "
                f"{_value(getattr(after.training, name))}")
    return "Training settings"


def _layers(session: Session) -> str:
    hidden = session.network.hidden
    return " × ".join(f"{layer.size} {layer.activation}" for layer in hidden) or "no hidden"


def _value(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, Schedule | StopRules):
        return value.describe()
    return f"{value:g}" if isinstance(value, float) else str(value)
