"""What a path names, checked before a file is read or written.

An empty path is refused rather than taken as "here"; a symbolic link is followed to the file
it names, as editors do, so that saving keeps the link; and only regular files are read or
replaced: a FIFO would block a reader for ever, and replacing a device or a folder is never
what a person meant.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import BPFileError

MAX_LINKS = 40
"""Symbolic links followed in a row before giving up (Linux's own limit)."""

KINDS = (
    (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"),
)


def named(path: str | os.PathLike[str]) -> Path:
    """``path`` as a :class:`Path`; an empty one is an error rather than the current folder."""
    if not os.fspath(path):
        raise BPFileError("no file name was given (the path is empty)")
    return Path(path)


def final_target(path: str | os.PathLike[str]) -> Path:
    """The file a chain of symbolic links ends at (``path`` itself if it is no link); a
    link to a missing file gives the missing file, which saving creates."""
    target = named(path)
    for _ in range(MAX_LINKS):
        if not target.is_symlink():
            return target
        target = target.parent / os.readlink(target)
    raise BPFileError(f"more than {MAX_LINKS} symbolic links in a row (a loop?)")


def irregular(mode: int) -> str | None:
    """What a file of this ``st_mode`` is when it is not a regular file, else ``None``."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in KINDS if test(mode)), "not a regular file")
