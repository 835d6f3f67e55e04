"""``.bpnet`` files: a :class:`~bpstudio.session.Session` as strict JSON and back.

Writing reads the document back by the reader's own rules first, so the app never writes a
file it could not open again. Reading checks every field before anything is allocated, and
builds the session's network, data and trainer once, so a file that loads is a session that
trains. Every problem raises :class:`BPFileError` naming where it is. See
``docs/file-format.md`` for each field.

Over 300 lines on purpose: writing and reading are one format, and the writer reads what it
wrote by the reader's own checks, so both sides stay together (the sections' details are in
:mod:`.state`, :mod:`.data`, :mod:`.training_section`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

from .. import __version__
from ..limits import MAX_FILE_BYTES
from ..session import (
    PreparedData,
    Session,
)
from . import jsonfmt
from .atomic import untouched, writable_target, write_atomic
from .data import check_standardizer, decode_data, encode_data, encode_standardizer, prepare
from .errors import BPFileError
from .fields import (
    check_text,
    fail,
    guard,
    obj,
    text,
)
from .migrations import FORMAT, VERSION, migrate
from .network_section import check_sizes, decode_network, encode_network
from .paths import irregular, named
from .pinned_section import decode_pinned, encode_pinned
from .state import decode_start, decode_state, encode_start, encode_state
from .training_section import decode_training, encode_training

TOP_KEYS = (
    "format", "version", "app_version", "created", "modified", "title", "notes",
    "network", "data", "standardizer", "training", "state", "start", "pinned",
)
HEAD_BYTES = 4096
"""The first bytes of a file, where BP Studio writes ``created``."""
_CREATED = re.compile(rb'^\s*"created": "([^"\\]{1,64})"', re.MULTILINE)


@dataclass(frozen=True)
class FileInfo:
    """What a file says about itself, beyond the session: its version and times."""

    version: int
    app_version: str
    created: str
    modified: str


def now() -> str:
    """The current UTC time as ISO 8601 to the second: ``2026-11-27T03:42:05Z``."""
    stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    return stamp.replace("+00:00", "Z")


# -- writing ------------------------------------------------------------------------------


def encode(session: Session, *, created: str, modified: str) -> dict[str, Any]:
    """The JSON document of ``session``; :class:`BPFileError` if it could not be read back."""
    prepared = prepare("data", session.data)
    sizes = session.network.layer_sizes(prepared.n_inputs, prepared.n_outputs)
    _check_buildable(session, prepared)
    for field in ("title", "notes"):
        check_text(field, getattr(session, field))
    bias = session.network.bias
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "created": created,
        "modified": modified,
        "title": session.title,
        "notes": session.notes,
        "network": encode_network(session.network, sizes),
        "data": encode_data(session.data, prepared),
        "standardizer": encode_standardizer(session.data, prepared),
        "training": encode_training(session.training),
        "state": None if session.state is None else encode_state(session.state, sizes, bias),
        "start": None if session.start is None else encode_start(session.start, sizes, bias),
        "pinned": encode_pinned(session, prepared),
    }


def dumps(session: Session, *, created: str | None = None, modified: str | None = None) -> str:
    """The ``.bpnet`` text of ``session``; ``created`` defaults to the session's, else now."""
    stamp = now()
    created = created or session.created or stamp
    return jsonfmt.dump(encode(session, created=created, modified=modified or stamp))


def save(path: str | os.PathLike[str], session: Session, *,
         overwrite_read_only: bool = False) -> None:
    """Write ``session`` to ``path`` atomically; on failure the old file stays intact.

    A link is followed to the file it names (the link stays); a read-only file is refused
    unless ``overwrite_read_only`` (the command line's ``--force``, a question in the app).
    What is written is first read back by the reader's own rules (see :func:`encoded`).
    ``created`` is the session's own (set when it was loaded), else kept from the ``.bpnet``
    file being replaced, else now.
    """
    target = writable_target(path, overwrite_read_only=overwrite_read_only)
    stamp = now()
    created = session.created or _created_of(target) or stamp
    try:
        data = encoded(session, created=created, modified=stamp)
    except (ValueError, TypeError) as exc:  # BPFileError included
        raise BPFileError(f"{exc}; {untouched(target)}") from None
    write_atomic(target, data, overwrite_read_only=overwrite_read_only)


def encoded(session: Session, *, created: str, modified: str) -> bytes:
    """The bytes of the file, checked as opening it will check them: the exact size against
    :data:`MAX_FILE_BYTES`, then the whole document parsed and decoded by the reader itself
    (about a third more time than writing it alone), so a file it could not open is never
    written."""
    data = dumps(session, created=created, modified=modified).encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise BPFileError(_too_large("would be", len(data)))
    try:
        decode(jsonfmt.parse(data))
    except BPFileError as exc:
        raise BPFileError(f"the file would not open again ({exc})") from None
    return data


def _created_of(target: Path) -> str | None:
    """The ``created`` time of the ``.bpnet`` file being replaced, read from its first lines
    (where BP Studio writes it) rather than by parsing a file of up to 256 MiB."""
    try:
        with _opened(target) as stream:
            head = stream.read(HEAD_BYTES)
    except BPFileError:
        return None
    found = _CREATED.search(head)
    try:
        return _check_time("created", found[1].decode("utf-8")) if found else None
    except (BPFileError, UnicodeDecodeError):
        return None


# -- reading ------------------------------------------------------------------------------


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a regular file, refusing files over :data:`MAX_FILE_BYTES` before
    reading them."""
    with _opened(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        data = b"" if size > MAX_FILE_BYTES else stream.read(MAX_FILE_BYTES + 1)
    size = max(size, len(data))
    if size > MAX_FILE_BYTES:
        raise BPFileError(_too_large("is", size))
    return data


@contextmanager
def _opened(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """``path`` open for reading if it is a regular file. Opened without blocking, so a FIFO
    or a device is refused at once instead of waiting for a writer that never comes."""
    named(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
        kind = irregular(os.fstat(fd).st_mode)
        if kind:
            os.close(fd)
            raise BPFileError(f"cannot read the file: it is {kind}, not a file")
        with os.fdopen(fd, "rb") as stream:
            yield stream
    except OSError as exc:
        raise BPFileError(f"cannot read the file ({exc.strerror or exc})") from None


def _too_large(verb: str, size: int) -> str:
    """"the file is 300.2 MiB; ... up to 256 MiB", in bytes where MiB would look equal."""
    shown, limit = f"{size / 2**20:.1f}", f"{MAX_FILE_BYTES / 2**20:.1f}"
    if shown == limit:
        shown, limit = f"{size:,} bytes", f"{MAX_FILE_BYTES:,} bytes"
    else:
        shown, limit = f"{shown} MiB", f"{limit.removesuffix('.0')} MiB"
    return f"the file {verb} {shown}; BP Studio opens files of up to {limit}"


def decode(doc: Any) -> tuple[Session, FileInfo]:
    """The session a parsed document describes, checked and migrated."""
    if not isinstance(doc, dict):
        raise BPFileError("a .bpnet file holds one JSON object {...} at the top")
    if doc.get("format") != FORMAT:
        raise fail("format", f"expected '{FORMAT}': this is not a BP Studio network file")
    version = doc.get("version")
    doc = obj("", migrate(doc), TOP_KEYS)
    info = FileInfo(
        version=version,
        app_version=text("app_version", doc["app_version"], 100),
        created=_check_time("created", doc["created"]),
        modified=_check_time("modified", doc["modified"]),
    )
    network, sizes = decode_network("network", doc["network"])
    data = decode_data("data", doc["data"])
    prepared = prepare("data", data)
    check_sizes(sizes, prepared)
    check_standardizer("standardizer", doc["standardizer"], data, prepared.n_inputs)
    training = decode_training("training", doc["training"])
    state = None
    if doc["state"] is not None:
        state = decode_state("state", doc["state"], sizes, network.bias)
    start = None
    if doc["start"] is not None:
        start = decode_start("start", doc["start"], sizes, network.bias)
    with guard(""):  # the title's and notes' limits, epochs and steps: the session's checks
        session = Session(
            network=network, data=data, training=training, state=state,
            notes=text("notes", doc["notes"]), title=text("title", doc["title"]),
            created=info.created, start=start,
        )
    _check_buildable(session, prepared)
    pinned = decode_pinned("pinned", doc["pinned"], session, prepared)
    return replace(session, pinned=pinned), info


def loads(data: str | bytes) -> Session:
    """The session in ``.bpnet`` text (or its UTF-8 bytes)."""
    return decode(jsonfmt.parse(data))[0]


def load_info(path: str | os.PathLike[str]) -> tuple[Session, FileInfo]:
    """The session in the file at ``path`` and what the file says about itself."""
    return decode(jsonfmt.parse(read_bytes(path)))


def load(path: str | os.PathLike[str]) -> Session:
    """The session in the file at ``path``; :class:`BPFileError` for any problem."""
    return load_info(path)[0]


def _check_time(path: str, value: Any) -> str:
    value = text(path, value, 64)
    try:
        datetime.fromisoformat(value.removesuffix("Z"))
    except ValueError:
        message = f"expected an ISO 8601 time like 2026-01-31T12:00:00Z, got {value!r}"
        raise fail(path, message) from None
    return value


def _check_buildable(session: Session, prepared: PreparedData) -> None:
    """Build network, trainer and state once: what opens is what trains. The memory training
    needs is this machine's matter, checked when training starts, not a file's."""
    with guard("state" if session.state is not None else "network"):
        session.build(prepared, check_memory=False)
