"""Sweeps on a Dask cluster: the same engine and tasks, on ``distributed``'s executor.

``run_on_cluster(base, spec, "tcp://HOST:8786")`` connects a ``distributed.Client`` to the
scheduler and hands :func:`~bpstudio.experiments.engine.run_sweep` the client's
``concurrent.futures`` executor (``Client.get_executor()``): Dask places the tasks, moves
them and their results, and restarts what a lost worker held; BP Studio adds no job
distribution of its own. Each worker needs BP Studio installed (the same version), and
``distributed`` is an optional extra: ``pip install 'bpstudio[cluster]'``.

A cancel reaches running tasks through a ``distributed.Event`` (workers on other machines
share no files); progress comes as tasks finish.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from typing import Any

from ..session import Session
from .engine import ProgressCallback, run_sweep
from .results import SweepResults
from .spec import SweepSpec

INSTALL = "pip install 'bpstudio[cluster]'"


def client_for(address: str, timeout: float = 10.0) -> Any:
    """A ``distributed.Client`` connected to the scheduler at ``address``; ``ValueError``
    when ``distributed`` is missing or no scheduler answers within ``timeout`` seconds."""
    try:
        from distributed import Client
    except ImportError:
        raise ValueError(f"scheduler: running on a Dask cluster needs the distributed "
                         f"package; install it with {INSTALL}") from None
    try:
        return Client(address, timeout=f"{timeout}s")
    except (OSError, TimeoutError) as exc:
        raise ValueError(f"scheduler: cannot reach a Dask scheduler at {address} ({exc}); "
                         "check the address (tcp://HOST:8786) and that it runs") from None


def run_on_cluster(
    base: Session,
    spec: SweepSpec,
    scheduler: str | Any,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> SweepResults:
    """:func:`run_sweep` on the Dask cluster whose scheduler is at ``scheduler`` (an
    address, or a ``distributed.Client`` already connected)."""
    own = isinstance(scheduler, str)
    client = client_for(scheduler) if own else scheduler
    try:
        workers = sum(client.nthreads().values()) or 1
        channel = DaskChannel(f"bpstudio-sweep-{uuid.uuid4().hex}")
        return run_sweep(base, spec, client.get_executor(), jobs=workers, progress=progress,
                         cancel=cancel, channel=channel)
    finally:
        if own:
            client.close()


@dataclass
class DaskChannel:
    """A sweep's stop flag as a ``distributed.Event`` named ``name`` (picklable: each
    worker opens the event through its own connection to the scheduler)."""

    name: str
    _event: Any = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        return {"name": self.name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.name, self._event = state["name"], None

    def _flag(self) -> Any:
        if self._event is None:
            from distributed import Event

            self._event = Event(self.name)
        return self._event

    def should_stop(self) -> bool:
        return bool(self._flag().is_set())

    def report(self, task: int, network_epochs: int) -> None:
        """Progress comes as tasks finish: nothing to send."""

    def stop(self) -> None:
        self._flag().set()
