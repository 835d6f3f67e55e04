"""``bpstudio info``: a file's network, data, epochs and last scores, for people or as JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..core.loss_words import TRAIN_LOSS
from ..core.text import quote
from ..headless import describe_network, summarize
from ..io import BPFileError, load_info
from ..io.data import NAME_KEYS
from ..limits import MAX_NOTES_CHARS, MAX_TITLE_CHARS
from ..session import TABLE, Session, Table
from .output import fail, show, shown


def info_command(args: argparse.Namespace) -> int:
    try:
        session, file_info = load_info(args.file)
    except BPFileError as exc:
        return fail(args.file, exc)
    prepared = session.prepare_data()
    summary = summarize(session, prepared)
    summary["file"] = {"path": args.file, **vars(file_info)}
    table = session.data.table
    if table is not None:  # the names the rows came with (a CSV import's)
        summary["data"] |= {key: list(getattr(table, key)) for key in NAME_KEYS}
    if args.json:  # ASCII: a terminal never sees a control character from the file
        print(json.dumps(summary, indent=2))
        return 0
    data, train, last = summary["data"], summary["training"], summary["last"]
    rows = [
        ("file", f"{args.file} (file version {file_info.version}, written by BP Studio "
                 f"{shown(file_info.app_version)}, modified {file_info.modified})"),
        ("title", shown(session.title, MAX_TITLE_CHARS) or "-"),
        ("network", describe_network(session, prepared)),
        ("data", f"{_recipe(data['name'], data['params'])}: {data['task']}, "
                 f"{data['train_samples']} train + {data['test_samples']} test samples"
                 f"{', standardized' if data['standardize'] else ''}"),
        *_names(table),
        ("training", f"{train['optimizer']}, learning rate {train['learning_rate']:g}, "
                     f"batch {train['batch_size'] or 'full'}"),
        ("schedule", session.training.schedule.describe()),
        ("stopping", _stopping(session)),
        ("epochs", str(summary["epochs"])),
        ("last", _scores(last)),
        *[("pinned", f"{shown(run['name'])}: {run['epochs']:,} epochs, {_scores(run['last'])}"
                     + (f", same start as {shown(run['same_start_as'])}"
                        if run["same_start_as"] else ""))
          for run in summary["pinned"]],
    ]
    if session.notes:
        rows.append(("notes", shown(session.notes, MAX_NOTES_CHARS)))
    for name, value in rows:
        show(f"{name:<9} {value}")
    return 0


def _scores(last: dict[str, float | None]) -> str:
    """``train loss (epoch mean) 0.05, test loss -, …``; ``not trained yet``."""
    if not last:
        return "not trained yet"
    return ", ".join(f"{_label(k)} {'-' if v is None else f'{v:.6g}'}" for k, v in last.items())


def _label(key: str) -> str:
    """``train_loss`` -> ``train loss (epoch mean)``: which train loss it is."""
    return TRAIN_LOSS if key == "train_loss" else key.replace("_", " ")


def _stopping(session: Session) -> str:
    """``epoch limit 500, patience 50 (min_delta 0, restore best)``; ``none``."""
    limit = session.training.epoch_limit
    rules = session.training.stopping.describe()
    parts = ([f"epoch limit {limit:,}"] if limit else []) + ([rules] if rules != "none" else [])
    return ", ".join(parts) or "none"


def _recipe(name: str, params: dict[str, Any]) -> str:
    if name == TABLE:
        return "rows embedded in the file"
    return f"{name}({', '.join(f'{k}={v}' for k, v in params.items())})"


def _names(table: Table | None) -> list[tuple[str, str]]:
    """Rows of the names embedded rows keep: the first few of each kind, and how many."""
    if table is None:
        return []
    kinds = (("inputs", table.input_names), ("targets", table.target_names),
             ("classes", table.class_names))
    return [(kind, _listed(names)) for kind, names in kinds if names]


def _listed(names: tuple[str, ...], most: int = 8) -> str:
    listed = ", ".join(quote(name, 40) for name in names[:most])
    return listed + (f" and {len(names) - most:,} more" if len(names) > most else "")
