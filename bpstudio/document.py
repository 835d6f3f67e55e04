"""The document a window shows, and its rules, without Qt.

A :class:`Document` owns the session, the file it came from, whether it changed since, and
the data prepared for it (made once per data spec: a reset or a new network trains on the
same data). It decides what each kind of designer edit resets (:meth:`Document.apply`), which
weights training starts from (a textbook example's, while its network and data are the ones
they were given for), and which state a run hands back is kept. The window and its commands
act on these decisions; tests check them here without a window.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable
from dataclasses import dataclass, fields, replace

from bpstudio import io as bpnet
from bpstudio.core.phrase import Translate, untranslated
from bpstudio.core.snapshot import PlotGrid
from bpstudio.core.text import quote
from bpstudio.core.trainer import TrainerState
from bpstudio.core.translatable import QT_TRANSLATE_NOOP
from bpstudio.session import (
    DataSpec,
    NetworkSpec,
    PinnedRun,
    PreparedData,
    Session,
    TrainingConfig,
)

APP_NAME = "BP Studio"
LIVE_TRAINING_FIELDS = frozenset({"learning_rate", "epoch_limit"})
"""Training settings a running trainer takes as they are; any other change rebuilds it."""


def new_session() -> Session:
    """What New starts from, and a window before it opens anything: the sin-fit example."""
    from bpstudio.examples import EXAMPLES

    return EXAMPLES["sin"]()


@dataclass(frozen=True)
class Opened:
    """A document ready to show: the session, its data and its plot grid, and its file."""

    session: Session
    data: PreparedData
    grid: PlotGrid | None
    path: str | None = None

    @classmethod
    def prepare(cls, session: Session, path: str | None = None) -> Opened:
        """``session`` with its data made; ``ValueError`` if it cannot be."""
        data = session.prepare_data()
        return cls(session, data, PlotGrid.around(data.full.X), path)


@dataclass(frozen=True)
class DocumentSnapshot:
    """What an undo step gives back: the session (with its trained state), the file it
    belongs to and the starting weights the document came with. Sessions are never changed
    in place, so holding one is cheap."""

    session: Session
    path: str | None
    start: tuple[NetworkSpec, DataSpec, object] | None


class Change(enum.IntEnum):
    """What an edit asks of the training run, least to most: a burst of edits asks for the
    most any of them asked for."""

    LIVE = 0
    """Learning rate or epoch limit: the run takes it as it goes."""
    TRAINING = 1
    """Other training settings: the trainer is rebuilt, the weights are kept."""
    NETWORK = 2
    """A new network: a new run from the starting weights."""
    DATA = 3
    """New data: prepared again, and a new run from the starting weights."""


class Document:
    """One open document. ``listen(callback)`` is told when the path or "modified" changes."""

    def __init__(self, opened: Opened) -> None:
        self._listeners: list[Callable[[], None]] = []
        self._modified = False
        self.choose_pins: Callable[[Session, PreparedData], tuple[
            tuple[PinnedRun, ...], list[str]]] = lambda session, data: (self.pinned, [])
        """Which pinned runs Save writes, and the names of those it leaves out (the
        window's Compare dock says; by default the runs the document was opened with)."""
        self.unsaved_pins: list[str] = []
        """The pinned runs the last Save left out."""
        self.take(opened)

    # -- what it is ----------------------------------------------------------------------------

    @property
    def session(self) -> Session:
        return self._session

    @property
    def path(self) -> str | None:
        return self._path

    @property
    def data(self) -> PreparedData:
        """The data of the last run (of the session's data spec unless it could not be made)."""
        return self._data

    @property
    def grid(self) -> PlotGrid | None:
        return self._grid

    @property
    def modified(self) -> bool:
        return self._modified

    @modified.setter
    def modified(self, modified: bool) -> None:
        if modified != self._modified:
            self._modified = modified
            self._changed()

    @property
    def display_name(self) -> str:
        return os.path.basename(self._path) if self._path else "Untitled"

    @property
    def pending(self) -> Change | None:
        """The most an edit not yet acted on asked for (``None``: nothing waits)."""
        return self._pending

    @property
    def start_name(self) -> str:
        """Which weights a new run starts from, in words."""
        given = self._session.start is not None
        return (QT_TRANSLATE_NOOP("Document", "the document's starting weights") if given
                else QT_TRANSLATE_NOOP("Document", "fresh weights from the seed"))

    def saved_message(self, path: str, translate: Translate = untranslated) -> str:
        """What the status bar says after a save to ``path``: the epoch saved, and the pinned
        runs the save left out, if any; ``translate`` says it in the interface's language."""
        note = "" if not self.unsaved_pins else translate(
            "Document", "; not saved: the pinned runs {names} (trained on other data, or past "
            "the limits of a file)").format(names=", ".join(map(quote, self.unsaved_pins)))
        return translate("Document", "Saved {path} (epoch {epoch}){note}").format(
            path=path, epoch=f"{self._session.epoch:,}", note=note)

    def listen(self, callback: Callable[[], None]) -> None:
        self._listeners.append(callback)

    # -- changes -------------------------------------------------------------------------------

    def take(self, opened: Opened) -> None:
        """Become ``opened``, unmodified. The starting weights it brings (a textbook
        example's) belong to its network and data: Reset, and a return to that network and
        data, start from them again."""
        session = opened.session
        self.pinned = session.pinned
        """The runs pinned in the file it was opened from (the live session keeps none)."""
        self._session = replace(session, pinned=()) if session.pinned else session
        self._data, self._grid, self._data_spec = opened.data, opened.grid, session.data
        self._start = None if session.start is None else (
            session.network, session.data, session.start)
        self._pending: Change | None = None
        self._epoch = session.epoch
        self._path = opened.path
        self._modified = False
        self._changed()

    def apply(self, spec: NetworkSpec | DataSpec | TrainingConfig) -> Change:
        """Take a designer edit into the session: what it asks of the run. A change of network
        or data goes back to epoch 0 (:meth:`reset_weights`' weights); one beyond
        :attr:`Change.LIVE` waits in :attr:`pending` until :meth:`take_pending`."""
        self.modified = True
        session = self._session
        if isinstance(spec, TrainingConfig):
            old, self._session = session.training, session.with_training(spec)
            if all(getattr(old, f.name) == getattr(spec, f.name)
                   for f in fields(spec) if f.name not in LIVE_TRAINING_FIELDS):
                return Change.LIVE
            change = Change.TRAINING
        else:
            network = isinstance(spec, NetworkSpec)
            change = Change.NETWORK if network else Change.DATA
            self._session = self._at_start(
                replace(session, **{"network" if network else "data": spec}))
        self._pending = change if self._pending is None else max(self._pending, change)
        return change

    def snapshot(self) -> DocumentSnapshot:
        """The document as it is, for an undo step (:mod:`bpstudio.document_edits`)."""
        return DocumentSnapshot(self._session, self._path, self._start)

    def restore(self, snapshot: DocumentSnapshot) -> None:
        """Become ``snapshot`` again (an undo or redo): modified, nothing pending; the next
        :meth:`start_run` prepares its data if it is not the data of the last run."""
        self._session, self._path, self._start = snapshot.session, snapshot.path, snapshot.start
        self._pending = None
        self._epoch = snapshot.session.epoch
        self._modified = True
        self._changed()

    def take_pending(self) -> Change | None:
        """What waits to be acted on, now that it is; nothing waits afterwards."""
        change, self._pending = self._pending, None
        return change

    def reset_weights(self) -> None:
        """Back to epoch 0, from the starting weights the document came with or else the ones
        the weight seed draws."""
        self._session = self._at_start(self._session)
        self.modified = True

    def accept_state(self, state: TrainerState) -> None:
        """Keep what a run handed back, unless an edit of the network or data waits: then it
        is the outgoing run's state, which would not fit the new network. A waiting change of
        optimizer applies to it as it did to the state it replaces."""
        if self._pending not in (Change.NETWORK, Change.DATA):
            session = self._session
            self._session = session.with_state(state).with_training(session.training)

    def start_run(self) -> tuple[PreparedData, PlotGrid | None]:
        """The data and grid a new run of the session trains on: made again only when the
        data spec changed since. ``ValueError`` (and nothing changed) if they cannot be made."""
        if self._session.data != self._data_spec:
            opened = Opened.prepare(self._session)
            self._data, self._grid, self._data_spec = opened.data, opened.grid, self._session.data
        self._epoch = self._session.epoch
        return self._data, self._grid

    def trained_to(self, epoch: int) -> None:
        """The run shows ``epoch``: training that moved it (not a Train or Step at the epoch
        limit) modifies the document."""
        if epoch != self._epoch:
            self._epoch = epoch
            self.modified = True

    def save(self, path: str, *, overwrite_read_only: bool = False) -> None:
        """Write the session to ``path``, which becomes the document's file, unmodified.
        ``BPFileError`` or ``OSError`` if it cannot be written (nothing changes then)."""
        bpnet.save(path, self._with_pins(), overwrite_read_only=overwrite_read_only)
        self._path, self._modified = path, False
        self._changed()

    def save_copy(self, path: str, *, overwrite_read_only: bool = False) -> None:
        """Write the session to ``path``; the document stays as it was (file, modified)."""
        bpnet.save(path, self._with_pins(), overwrite_read_only=overwrite_read_only)

    # -- details -------------------------------------------------------------------------------

    def _with_pins(self) -> Session:
        """The session to write: with the pinned runs :attr:`choose_pins` keeps."""
        pinned, self.unsaved_pins = self.choose_pins(self._session, self._data)
        return replace(self._session, pinned=pinned)

    def _at_start(self, session: Session) -> Session:
        """``session`` at epoch 0: with the document's starting weights while its network and
        data are the ones they were given for, else with none (the weight seed draws them)."""
        session = replace(session, state=None, start=None)
        if self._start is not None:
            network, data, parameters = self._start
            if session.network == network and session.data == data:
                return session.starting_from(parameters)
        return session

    def _changed(self) -> None:
        for callback in self._listeners:
            callback()
