"""Reading a whole CSV file off the GUI thread, for the import dialog.

A preview reads 64 KiB and takes milliseconds, so the dialog makes it in place; reading the
whole file (up to 64 MiB, about half a second for 100,000 rows) happens in a thread pool,
so the dialog keeps painting and answering. Only the latest request is answered: changing
an option while a file is being read makes the reading under way be forgotten.
"""

from __future__ import annotations

import contextlib
import traceback

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from bpstudio.io.csv_import import CsvImportError, CsvOptions, ParsedCsv, parse


class CsvReader(QObject):
    """``parsed(ParsedCsv)`` or ``failed(why)`` arrive in the GUI thread for the latest
    :meth:`read` only."""

    parsed = Signal(object)
    failed = Signal(str)
    _finished = Signal(int, object, str)  # request, ParsedCsv or None, why

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request = 0
        self._busy = False
        self._finished.connect(self._on_finished)  # queued: emitted in a pool thread

    @property
    def busy(self) -> bool:
        return self._busy

    def read(self, path: str, options: CsvOptions) -> None:
        self._request += 1
        self._busy = True
        request, finished = self._request, self._finished
        QThreadPool.globalInstance().start(lambda: _parse_in_pool(request, path, options,
                                                                  finished))

    def cancel(self) -> None:
        self._request += 1
        self._busy = False

    @Slot(int, object, str)
    def _on_finished(self, request: int, parsed: ParsedCsv | None, reason: str) -> None:
        if request != self._request:
            return
        self._busy = False
        if parsed is None:
            self.failed.emit(reason)
        else:
            self.parsed.emit(parsed)


def _parse_in_pool(request: int, path: str, options: CsvOptions, finished: Signal) -> None:
    """Runs in a pool thread: never raises (an exception there would reach nobody)."""
    try:
        parsed, reason = parse(path, options), ""
    except (CsvImportError, OSError) as exc:
        parsed, reason = None, str(exc)
    except MemoryError:
        parsed, reason = None, "there is not enough memory to read it"
    except Exception as exc:  # a bug: printed, and still an answer
        traceback.print_exc()
        parsed, reason = None, f"{type(exc).__name__}: {exc}"
    with contextlib.suppress(RuntimeError):  # the dialog closed and took the reader with it
        finished.emit(request, parsed, reason)
