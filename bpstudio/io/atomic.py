"""Write a file so that a crash or a full disk never leaves it half written."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from .errors import BPFileError


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data``, all or nothing.

    The bytes go to a temporary file in the same folder, are flushed and fsynced, and the
    temporary file is renamed over ``path`` (``os.replace`` is atomic on one file system).
    If anything fails the temporary file is removed, the previous file stays as it was, and
    :class:`BPFileError` says so (without the path: the caller names it). A new file gets the
    usual permissions (not the 0600 of a temporary file); a replaced one keeps its own.
    """
    target = Path(path)
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as exc:
        raise _failed(exc) from None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _failed(exc) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise _failed(exc) from None
        raise
    _sync_folder(folder)


def _failed(exc: OSError) -> BPFileError:
    reason = exc.strerror or str(exc)
    return BPFileError(f"could not save ({reason}); the file on disk was left as it was")


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows fsync on a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
