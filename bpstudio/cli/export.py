"""``bpstudio export``: a file's arrays (``.npz``), history (``.csv``), predictions
(``.csv``), ONNX model or NumPy script."""

from __future__ import annotations

import argparse

from ..core.metrics import score_name
from ..io import BPFileError, load
from ..io.export import export_csv, export_npz
from ..io.onnx_export import ONNX_MISSING, export_onnx, onnx_available
from ..io.predictions import export_predictions
from ..io.script_export import export_script
from ..session import Session
from .flags import UsageError
from .output import fail, show

KINDS = ("npz", "csv", "predictions", "onnx", "script")
"""The export flags, one of which is given."""


def export_command(args: argparse.Namespace) -> int:
    kind = next(k for k in KINDS if getattr(args, k) is not None)
    out = getattr(args, kind)
    if args.float32 and kind != "onnx":
        raise UsageError("--float32 chooses the number type of an ONNX model; give it with "
                         "--onnx")
    if kind == "onnx" and not onnx_available():  # before the file is read
        return fail(out, ONNX_MISSING)
    try:
        session = load(args.file)
    except BPFileError as exc:
        return fail(args.file, exc)
    try:
        show(f"wrote {out}: {_export(kind, session, out, args.float32)}")
    except BPFileError as exc:
        return fail(out, exc)
    return 0


def _export(kind: str, session: Session, out: str, float32: bool) -> str:
    """Write one export; returns what was written, in a few words."""
    if kind == "npz":
        names = export_npz(session, out)
        return f"{len(names)} arrays ({', '.join(names)})"
    if kind == "csv":
        return f"{export_csv(session, out, score_name(session.prepare_data().task))} rows of " \
            "history"
    if kind == "predictions":
        return f"{export_predictions(session, out)} rows of predictions"
    names = _class_names(session)
    if kind == "onnx":
        dtype = "float32" if float32 else "float64"
        export_onnx(session, out, dtype=dtype, class_names=names)
        return f"an ONNX model ({dtype}, opset 17)"
    text = export_script(session, out, class_names=names)
    return f"a NumPy script of {text.count(chr(10)):,} lines (python {out} inputs.csv)"


def _class_names(session: Session) -> tuple[str, ...] | None:
    """The data's class names (a table's own, else ``class 0``, …) for a classifier."""
    try:
        data = session.prepare_data()
    except ValueError as exc:
        raise BPFileError(f"the session cannot be built: {exc}") from None
    return data.class_names or None
