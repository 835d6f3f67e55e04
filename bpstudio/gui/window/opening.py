"""Opening a document: everything that can fail happens first, the heavy part off the GUI thread.

Reading and checking a file, generating its data and the plot grid take seconds for the
largest files allowed (a 2,000,000-number table: 3 s to parse). :class:`DocumentLoader` does
them in a thread pool while the window goes on painting and training (io, session, core and
the document are Qt-free and keep no shared state); only an :class:`Opened` document,
complete, reaches the window, which takes it in one step. A failure reaches it as a
message, and the window stays as it was.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot

from bpstudio import io as bpnet
from bpstudio.document import Opened
from bpstudio.session import Session

from ..designer.data_size import check_data_size
from ..vocabulary import refusal_words

EXPECTED = (bpnet.BPFileError, OSError, ValueError, MemoryError)
"""What opening a file a person chose may raise; anything else is a bug, reported as such."""


def prepare(session: Session, path: str | None = None) -> Opened:
    """``session`` with its data generated and its plot grid; ``ValueError`` if the data
    cannot be made or is more than the app trains on."""
    opened = Opened.prepare(session, path)
    check_data_size(opened.data)
    return opened


def read(path: str) -> Opened:
    """The document in the file at ``path``, prepared; ``BPFileError`` for any problem."""
    return prepare(bpnet.load(path), path)


def why(exc: BaseException) -> str:
    """What went wrong, in words: the message of an error a file can cause, else its type too."""
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate("Files", "there is not enough memory to open it")
    return refusal_words(exc) if isinstance(exc, EXPECTED) else f"{type(exc).__name__}: {exc}"


class DocumentLoader(QObject):
    """Reads files in a thread pool; only the latest request is answered.

    ``opened(Opened)`` or ``failed(path, why)`` arrive in the GUI thread. A new request or
    :meth:`cancel` makes the answer of a request still under way be dropped (the thread
    cannot be interrupted; it finishes and its result is forgotten). ``work(path, *args)``
    is what reading is (by default :func:`read`; the import dialog reads a CSV file with
    it), and ``opened`` carries its result.
    """

    opened = Signal(object)
    failed = Signal(str, str)
    _finished = Signal(int, object, str, str)  # request, Opened or None, path, why

    def __init__(self, parent: QObject | None = None,
                 work: Callable[..., object] = read) -> None:
        super().__init__(parent)
        self._work = work
        self._request = 0
        self._busy = False
        self._finished.connect(self._on_finished)  # queued: emitted in a pool thread

    @property
    def busy(self) -> bool:
        return self._busy

    def load(self, path: str, *args: object) -> None:
        self._request += 1
        self._busy = True
        request, finished, work = self._request, self._finished, self._work
        QThreadPool.globalInstance().start(
            lambda: _read_in_pool(request, lambda: work(path, *args), path, finished))

    def cancel(self) -> None:
        self._request += 1
        self._busy = False

    @Slot(int, object, str, str)
    def _on_finished(self, request: int, opened: Opened | None, path: str, reason: str) -> None:
        if request != self._request:
            return
        self._busy = False
        if opened is None:
            self.failed.emit(path, reason)
        else:
            self.opened.emit(opened)


def _read_in_pool(request: int, work: Callable[[], object], path: str,
                  finished: Signal) -> None:
    """Runs in a pool thread: never raises (an exception there would reach nobody)."""
    try:
        opened, reason = work(), ""
    except Exception as exc:  # every failure becomes an answer; bugs are printed as well
        if not isinstance(exc, EXPECTED):
            traceback.print_exc()
        opened, reason = None, why(exc)
    with contextlib.suppress(RuntimeError):  # the window closed and took the loader with it
        finished.emit(request, opened, path, reason)
