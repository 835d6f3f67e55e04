"""Write a file like a careful editor: all or nothing, through links, never over a read-only
file unless asked, and without leaving temporary files behind.

The bytes go to a temporary file ``.NAME.xxxxxxxx.tmp`` in the target's folder, are flushed
and fsynced, and the temporary file is renamed over the target (``os.replace`` is atomic on
one file system), so a crash, a ``kill -9`` or a full disk leaves the old file as it was.

A save holds an exclusive ``flock`` on its temporary file from the moment it exists until it
is renamed; the kernel drops the lock when the process ends, however it ends. So the next save
of the same file removes exactly the temporary files whose lock it can take: those of saves
that were interrupted, never one that is still being written (by this or another process).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import stat
import tempfile
from pathlib import Path

from .errors import BPFileError
from .paths import final_target, irregular

TEMP_SUFFIX = ".tmp"
TEMP_TRIES = 5
"""New temporary files to try when a cleaner removed ours before we held its lock."""


def write_atomic(path: str | os.PathLike[str], data: bytes, *,
                 overwrite_read_only: bool = False) -> None:
    """Replace the file ``path`` names (a link's target) with ``data``, all or nothing.

    If anything fails the temporary file is removed, the previous file stays as it was, and
    :class:`BPFileError` says so (without the path: the caller names it). A new file gets the
    usual permissions (not the 0600 of a temporary file); a replaced one keeps its own, a
    read-only one included when ``overwrite_read_only`` lets it be replaced.
    """
    target = writable_target(path, overwrite_read_only=overwrite_read_only)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as exc:
        raise _failed(exc, target) from None
    fd, temp = _locked_temp(target)
    try:
        _remove_stale_temps(target, keep=temp)
        with os.fdopen(fd, "wb") as stream:  # closing it drops the lock, after the rename
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            os.chmod(temp, mode)
            os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise _failed(exc, target) from None
        raise
    _sync_folder(target.parent)


def writable_target(path: str | os.PathLike[str], *, overwrite_read_only: bool = False
                    ) -> Path:
    """The file saving to ``path`` replaces: links followed; :class:`BPFileError` for an
    empty path, something that is not a regular file, or (unless allowed) a read-only file."""
    try:
        target = final_target(path)
        info = target.stat()
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise _failed(exc, None) from None
    kind = irregular(info.st_mode)
    if kind:
        raise BPFileError(f"it is {kind}, not a file; nothing was written")
    if not overwrite_read_only and _read_only(target, info.st_mode):
        raise BPFileError(
            "the file is read-only; it was left as it was (save under another name, or "
            "choose to replace it anyway)"
        )
    return target


def untouched(target: Path | None) -> str:
    """How a failed save leaves the disk: the old file as it was, or nothing written."""
    if target is not None and target.exists():
        return "the file on disk was left as it was"
    return "nothing was written"


def temp_pattern(target: Path) -> re.Pattern[str]:
    """Names of the temporary files saves of ``target`` make (``tempfile``'s 8 characters)."""
    return re.compile(re.escape(f".{target.name}.") + r"[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX))


def _locked_temp(target: Path) -> tuple[int, str]:
    """A new temporary file next to ``target``, open and locked; it still has its name."""
    for _ in range(TEMP_TRIES):
        try:
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX,
                                        dir=target.parent)
        except OSError as exc:
            raise _failed(exc, target) from None
        with contextlib.suppress(OSError):  # no locks here: nobody can clean it up either
            fcntl.flock(fd, fcntl.LOCK_EX)  # waits only while a cleaner looks at it
        if _still_named(fd, temp):
            return fd, temp
        os.close(fd)
    raise BPFileError(f"could not make a temporary file to save to; {untouched(target)}")


def _remove_stale_temps(target: Path, *, keep: str) -> None:
    """Remove the temporary files of interrupted saves of ``target``: those nobody locks."""
    pattern, own, stale = temp_pattern(target), os.path.basename(keep), []
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        stale = [e.path for e in entries if pattern.fullmatch(e.name) and e.name != own]
    for path in stale:
        with contextlib.suppress(OSError):
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            try:
                if stat.S_ISREG(os.fstat(fd).st_mode) and _try_lock(fd) and \
                        _still_named(fd, path):
                    os.unlink(path)
            finally:
                os.close(fd)


def _try_lock(fd: int) -> bool:
    """Whether the lock was free: a save still running holds it, an interrupted one not."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _still_named(fd: int, path: str) -> bool:
    """Whether ``path`` is still the file open as ``fd`` (not removed or replaced)."""
    try:
        named = os.lstat(path)
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


def _read_only(target: Path, mode: int) -> bool:
    """No write permission for anybody (0444, as root sees it too), or none for us."""
    return not mode & 0o222 or not os.access(target, os.W_OK)


def _failed(exc: OSError, target: Path | None) -> BPFileError:
    reason = exc.strerror or str(exc)
    return BPFileError(f"could not save ({reason}); {untouched(target)}")


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
