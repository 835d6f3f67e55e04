"""``.bpnet`` files: a :class:`~bpstudio.session.Session` as strict JSON and back.

Writing checks the session first, so the app never writes a file it could not read back.
Reading checks every field before anything is allocated, and builds the session's network,
data and trainer once, so a file that loads is a session that trains. Every problem raises
:class:`BPFileError` naming where it is. See ``docs/file-format.md`` for each field.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from .. import __version__
from ..core import ACTIVATIONS, INITIALIZERS, LOSSES
from ..core.losses import REDUCTIONS
from ..limits import MAX_FILE_BYTES, MAX_LAYERS, MAX_PARAMETERS
from ..session import (
    OPTIMIZER_KINDS,
    LayerSpec,
    NetworkSpec,
    PreparedData,
    Session,
    TrainingConfig,
    count_parameters,
)
from . import jsonfmt
from .atomic import write_atomic
from .data import check_standardizer, decode_data, encode_data, encode_standardizer, prepare
from .errors import BPFileError
from .fields import (
    array,
    at,
    boolean,
    check_text,
    choice,
    fail,
    guard,
    integer,
    number,
    obj,
    optional_integer,
    text,
)
from .migrations import FORMAT, VERSION, migrate
from .state import decode_start, decode_state, encode_start, encode_state

TOP_KEYS = (
    "format", "version", "app_version", "created", "modified", "title", "notes",
    "network", "data", "standardizer", "training", "state", "start",
)
NETWORK_KEYS = ("inputs", "layers", "loss", "reduction", "init", "bias", "seed")
TRAINING_KEYS = (
    "optimizer", "learning_rate", "momentum", "batch_size", "shuffle", "l2", "epoch_limit",
    "seed",
)


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
    net, train = session.network, session.training
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "created": created,
        "modified": modified,
        "title": session.title,
        "notes": session.notes,
        "network": {
            "inputs": sizes[0],
            "layers": [
                {"size": size, "activation": act}
                for size, act in zip(sizes[1:], net.activations())
            ],
            "loss": net.loss, "reduction": net.reduction, "init": net.init,
            "bias": net.bias, "seed": net.seed,
        },
        "data": encode_data(session.data, prepared),
        "standardizer": encode_standardizer(session.data, prepared),
        "training": {
            "optimizer": train.optimizer,
            "learning_rate": float(train.learning_rate),
            "momentum": float(train.momentum),
            "batch_size": train.batch_size,
            "shuffle": train.shuffle,
            "l2": float(train.l2),
            "epoch_limit": train.epoch_limit,
            "seed": train.seed,
        },
        "state": None if session.state is None else encode_state(session.state, sizes, net.bias),
        "start": None if session.start is None else encode_start(session.start, sizes, net.bias),
    }


def dumps(session: Session, *, created: str | None = None, modified: str | None = None) -> str:
    """The ``.bpnet`` text of ``session``; ``created`` defaults to the session's, else now."""
    stamp = now()
    created = created or session.created or stamp
    return jsonfmt.dump(encode(session, created=created, modified=modified or stamp))


def save(
    path: str | os.PathLike[str], session: Session, *, overwrite_read_only: bool = False
) -> None:
    """Write ``session`` to ``path`` atomically; on failure the old file stays intact.

    ``created`` is the session's own (set when it was loaded), else kept from the file being
    replaced if that is a readable ``.bpnet`` file, else now. A read-only file is replaced
    only with ``overwrite_read_only``.
    """
    # stand-in from i9-cli for the io engineer's version of this agreed API
    try:
        read_only = not os.stat(path).st_mode & 0o222
    except OSError:
        read_only = False
    if read_only and not overwrite_read_only:
        raise BPFileError("the file is read-only; it was left as it was")
    stamp = now()
    created = session.created or _created_of(path) or stamp
    data = dumps(session, created=created, modified=stamp).encode("utf-8")
    write_atomic(path, data)


def _created_of(path: str | os.PathLike[str]) -> str | None:
    try:
        doc = jsonfmt.parse(read_bytes(path))
    except BPFileError:
        return None
    created = doc.get("created") if isinstance(doc, dict) else None
    try:
        return created if _check_time("created", created) else None
    except BPFileError:
        return None


# -- reading ------------------------------------------------------------------------------


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, refusing files over :data:`MAX_FILE_BYTES` before reading them."""
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            data = b"" if size > MAX_FILE_BYTES else stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise BPFileError(f"cannot read the file ({exc.strerror or exc})") from None
    if size > MAX_FILE_BYTES or len(data) > MAX_FILE_BYTES:
        raise BPFileError(
            f"the file is {max(size, len(data)) / 2**20:.1f} MiB; BP Studio opens files of up "
            f"to {MAX_FILE_BYTES // 2**20} MiB"
        )
    return data


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
    network, sizes = _decode_network("network", doc["network"])
    data = decode_data("data", doc["data"])
    prepared = prepare("data", data)
    _check_sizes(sizes, prepared)
    check_standardizer("standardizer", doc["standardizer"], data, prepared.n_inputs)
    training = _decode_training("training", doc["training"])
    state = None
    if doc["state"] is not None:
        state = decode_state("state", doc["state"], sizes, network.bias)
    start = None
    if doc["start"] is not None:
        start = decode_start("start", doc["start"], sizes, network.bias)
    session = Session(
        network=network, data=data, training=training, state=state,
        notes=text("notes", doc["notes"]), title=text("title", doc["title"]),
        created=info.created, start=start,
    )
    _check_buildable(session, prepared)
    return session, info


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


def _decode_network(path: str, value: Any) -> tuple[NetworkSpec, list[int]]:
    d = obj(path, value, NETWORK_KEYS)
    sizes = [integer(at(path, "inputs"), d["inputs"], 1, MAX_PARAMETERS)]
    layers = array(at(path, "layers"), d["layers"], MAX_LAYERS)
    if not layers:
        raise fail(at(path, "layers"), "needs at least the output layer")
    activations = []
    for i, layer in enumerate(layers):
        where = at(at(path, "layers"), i)
        layer = obj(where, layer, ("size", "activation"))
        sizes.append(integer(at(where, "size"), layer["size"], 1, MAX_PARAMETERS))
        activations.append(choice(at(where, "activation"), layer["activation"], ACTIVATIONS,
                                  "activation"))
    bias = boolean(at(path, "bias"), d["bias"])
    n = count_parameters(sizes, bias)
    if n > MAX_PARAMETERS:
        raise fail(at(path, "layers"), f"the network would have {n:,} parameters; "
                   f"BP Studio opens networks of up to {MAX_PARAMETERS:,}")
    hidden = []
    for i, (size, act) in enumerate(zip(sizes[1:-1], activations[:-1])):
        with guard(at(at(path, "layers"), i)):
            hidden.append(LayerSpec(size, act))
    with guard(path):
        spec = NetworkSpec(
            hidden=tuple(hidden),
            output_activation=activations[-1],
            loss=choice(at(path, "loss"), d["loss"], LOSSES, "loss"),
            reduction=choice(at(path, "reduction"), d["reduction"], REDUCTIONS, "reduction"),
            init=choice(at(path, "init"), d["init"], INITIALIZERS, "initializer"),
            bias=bias,
            seed=integer(at(path, "seed"), d["seed"]),
        )
    return spec, sizes


def _check_sizes(sizes: list[int], prepared: PreparedData) -> None:
    if sizes[0] != prepared.n_inputs:
        raise fail("network.inputs", f"the data has {prepared.n_inputs} inputs but the network "
                   f"takes {sizes[0]}")
    if sizes[-1] != prepared.n_outputs:
        raise fail(f"network.layers[{len(sizes) - 2}].size", f"the data needs "
                   f"{prepared.n_outputs} outputs but the output layer has {sizes[-1]}")


def _decode_training(path: str, value: Any) -> TrainingConfig:
    d = obj(path, value, TRAINING_KEYS)
    with guard(path):
        return TrainingConfig(
            optimizer=choice(at(path, "optimizer"), d["optimizer"], OPTIMIZER_KINDS, "optimizer"),
            learning_rate=number(at(path, "learning_rate"), d["learning_rate"]),
            momentum=number(at(path, "momentum"), d["momentum"]),
            batch_size=optional_integer(at(path, "batch_size"), d["batch_size"], 1),
            shuffle=boolean(at(path, "shuffle"), d["shuffle"]),
            l2=number(at(path, "l2"), d["l2"]),
            epoch_limit=optional_integer(at(path, "epoch_limit"), d["epoch_limit"], 1),
            seed=integer(at(path, "seed"), d["seed"]),
        )


def _check_buildable(session: Session, prepared: PreparedData) -> None:
    """Build network, trainer and state once: what opens is what trains."""
    with guard("state" if session.state is not None else "network"):
        session.build(prepared)
