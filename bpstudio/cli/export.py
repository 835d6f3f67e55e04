"""``bpstudio export``: a file's arrays (``.npz``) or its history (``.csv``)."""

from __future__ import annotations

import argparse

from ..core.metrics import score_name
from ..io import BPFileError, load
from ..io.export import export_csv, export_npz
from .output import fail, show


def export_command(args: argparse.Namespace) -> int:
    try:
        session = load(args.file)
    except BPFileError as exc:
        return fail(args.file, exc)
    out = args.csv if args.npz is None else args.npz
    try:
        if args.npz is not None:
            names = export_npz(session, out)
            show(f"wrote {out}: {len(names)} arrays ({', '.join(names)})")
        else:
            metric = score_name(session.prepare_data().task)
            rows = export_csv(session, out, metric)
            show(f"wrote {out}: {rows} rows of history")
    except BPFileError as exc:
        return fail(out, exc)
    return 0
