"""A sweep in the background: :func:`~bpstudio.experiments.run_sweep` in a thread of its own
(never the GUI thread), training on a process pool; progress and the results come back as
queued signals.

Cancel sets the engine's flag: it stops within a second and hands back what ended.
:meth:`SweepRunner.shutdown` (the window closing) cancels and joins the thread, by which
time the engine has shut its pool down: no process stays behind.
"""

from __future__ import annotations

import threading
from concurrent.futures import Executor

from PySide6.QtCore import QObject, Signal

from bpstudio.experiments import SweepProgress, SweepResults, SweepSpec, run_sweep
from bpstudio.session import Session

JOIN_SECONDS = 10.0
"""How long closing waits for a cancelled sweep (it stops within a second)."""


class SweepRunner(QObject):
    """Runs one sweep at a time; ``progressed(SweepProgress)``, then ``finished(results)`` or
    ``failed(message)``."""

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, executor: Executor | None = None,
                 jobs: int | None = None) -> None:
        super().__init__(parent)
        self.executor, self.jobs = executor, jobs
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self._busy = False

    @property
    def running(self) -> bool:
        """A sweep was started and has not yet reported its end."""
        return self._busy

    def start(self, base: Session, spec: SweepSpec) -> None:
        if self.running:
            raise RuntimeError("a sweep is running")
        self._cancel = threading.Event()
        self._busy = True
        self._thread = threading.Thread(target=self._run, args=(base, spec, self._cancel),
                                        name="bpstudio-sweep", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def shutdown(self) -> None:
        """Cancel and wait for the thread (and so the pool) to end."""
        self._cancel.set()
        if self._thread is not None:
            self._thread.join(JOIN_SECONDS)

    def _run(self, base: Session, spec: SweepSpec, cancel: threading.Event) -> None:
        try:
            results: SweepResults = run_sweep(
                base, spec, self.executor, jobs=self.jobs, cancel=cancel,
                progress=self._progress)
        except Exception as exc:  # shown to the person, never lost
            self._busy = False
            self.failed.emit(str(exc))
            return
        self._busy = False
        self.finished.emit(results)

    def _progress(self, progress: SweepProgress) -> None:
        self.progressed.emit(progress)
