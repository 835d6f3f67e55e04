"""``bpstudio new``: a new session file from an example or from flags."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..core.outputs import default_loss, default_output
from ..core.text import quote
from ..examples import EXAMPLES
from ..headless import describe_network
from ..io import BPFileError, save
from ..io.csv_embed import embedded_table
from ..io.csv_import import CsvImportError, CsvOptions, preview, read_table
from ..io.csv_source import DELIMITERS
from ..io.csv_table import MISSING
from ..limit_checks import check_parameters
from ..limits import MAX_LAYERS, MAX_PARAMETERS
from ..session import TABLE, DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig
from ..training_fields import TRAINING_FIELDS, defaults_for
from . import flags
from .flags import UsageError
from .output import fail, say, show

CSV_FLAGS = ("target", "inputs", "task", "missing", "delimiter", "decimal", "header",
             "encoding")
"""The flags (their ``dest``) that choose how a CSV file is read: only with ``--csv``."""
DECIMAL_MARKS = {"point": ".", "comma": ","}
"""``--decimal``'s choices."""


def new_command(args: argparse.Namespace) -> int:
    if not args.force and os.path.lexists(args.output):
        return fail(args.output, "exists already; use --force to replace it")
    if args.example:
        given = [f for f in args.design_flags if getattr(args, f) not in (None, False, [])]
        if given:
            flag = "--" + given[0].replace("_", "-")
            raise UsageError(f"--example cannot be combined with {flag}")
        session = EXAMPLES[args.example]()
    else:
        try:
            session = session_from_flags(args, warn=lambda w: say(f"bpstudio: {args.csv}: {w}"))
        except CsvImportError as exc:
            return fail(args.csv, exc)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    try:
        save(args.output, session, overwrite_read_only=args.force)
    except BPFileError as exc:
        return fail(args.output, exc)
    show(f"wrote {args.output}: {describe_network(session)}")
    return 0


def session_from_flags(args: argparse.Namespace,
                       warn: Callable[[str], None] = lambda _: None) -> Session:
    """A session from ``new``'s flags; ``ValueError`` names the flag that does not fit, a
    :class:`CsvImportError` what is wrong in the CSV file; ``warn`` hears the import's
    warnings (dropped rows, a constant input).

    Everything is checked before anything large is made: the sizes and the data spec (which
    refuses data beyond the limits) before the data is generated, the network's parameter
    count before its weights are allocated.
    """
    training = _training_flags(args)
    if training["stopping"].patience is not None and not args.test_fraction:
        raise ValueError("--stop patience: early stopping watches the test loss, but there is "
                         "no test part; add --test-fraction 0.2, or leave patience out")
    seed = training["seed"]
    sizes = None if args.layers is None else _sizes(args.layers)
    data = _data(args, seed, warn)
    prepared = data.load()
    n_in, n_out = prepared.n_inputs, prepared.n_outputs
    default = [layer.size for layer in NetworkSpec.hidden]
    sizes = [n_in, *default, n_out] if sizes is None else sizes
    if sizes[0] != n_in or sizes[-1] != n_out:
        source = quote(args.csv) if args.csv is not None else f"'{data.name}'"
        raise ValueError(
            f"--layers: the data {source} has {n_in} inputs and {n_out} outputs, so the "
            f"sizes must start with {n_in} and end with {n_out}, e.g. {n_in},8,{n_out}"
        )
    check_parameters("--layers", sizes, not args.no_bias)  # before the spec's fewest count
    acts = _activations(args.activations, len(sizes) - 1, prepared.task, n_out)
    try:
        network = NetworkSpec(
            hidden=tuple(LayerSpec(n, a) for n, a in zip(sizes[1:-1], acts)),
            output_activation=acts[-1],
            loss=_or(args.loss, default_loss(acts[-1])),
            reduction=_or(args.reduction, NetworkSpec.reduction),
            init=_or(args.init, NetworkSpec.init),
            bias=not args.no_bias,
            seed=seed,
        )
        network.check_size(n_in, n_out)
    except ValueError as exc:
        raise ValueError(f"--layers: {str(exc).removeprefix('hidden: ')}") from None
    session = Session(network, data, TrainingConfig(**training), title=args.title or "",
                      notes=args.notes or "")
    session.build(prepared)
    return session


def _data(args: argparse.Namespace, seed: int, warn: Callable[[str], None]) -> DataSpec:
    """The data spec of ``--data``/``--param`` (a generator) or of ``--csv`` (its rows)."""
    split = {"test_fraction": _or(args.test_fraction, DataSpec.test_fraction),
             "split_seed": seed, "standardize": args.standardize}
    if args.csv is None:
        for dest in CSV_FLAGS:
            if getattr(args, dest):
                raise UsageError(f"--{dest} is about reading a CSV file; give it with --csv")
        params = dict(_key_value(p) for p in args.param)
        if args.seed is not None:
            params.setdefault("seed", seed)
        return DataSpec(_or(args.data, DataSpec.name), params, **split)
    if args.data is not None or args.param:
        flag = "--data" if args.data is not None else "--param"
        raise UsageError(f"--csv cannot be combined with {flag}: the rows come from the file")
    if not args.target:
        raise UsageError("--csv needs --target COLUMN, the column the network should learn")
    inputs = None if args.inputs is None else [n.strip() for n in args.inputs.split(",")]
    imported = read_table(args.csv, _csv_options(args), target=args.target, inputs=inputs,
                          task=args.task, missing=_or(args.missing, MISSING[0]))
    for warning in imported.warnings:
        warn(warning)
    return DataSpec(TABLE, table=embedded_table(imported), **split)


def _csv_options(args: argparse.Namespace) -> CsvOptions | None:
    """How to read the CSV file: detected (None), with the options the flags give replacing
    the detected ones."""
    given = {"delimiter": {name: mark for mark, name in DELIMITERS.items()}.get(args.delimiter),
             "decimal": DECIMAL_MARKS.get(args.decimal),
             "header": None if args.header is None else args.header == "yes",
             "encoding": args.encoding}
    given = {key: value for key, value in given.items() if value is not None}
    return replace(preview(args.csv).options, **given) if given else None


def _training_flags(args: argparse.Namespace) -> dict[str, Any]:
    """The training fields the flags give, the others at their defaults for the optimizer
    kind (its own learning rate)."""
    given = {name: getattr(args, field.flag.dest) for name, field in TRAINING_FIELDS.items()
             if field.flag is not None}
    defaults = defaults_for(_or(given["optimizer"], TRAINING_FIELDS["optimizer"].default))
    return {name: _or(given.get(name), default) for name, default in defaults.items()}


def _or(value: Any, default: Any) -> Any:
    """A flag's value, or ``default`` when the flag was left out."""
    return default if value is None else value


def _key_value(text: str) -> tuple[str, Any]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise ValueError(f"--param: expected KEY=VALUE, e.g. noise=0.1, got {quote(text)}")
    if key == "seed":  # bounded like --seed: a larger one could not be opened again
        try:
            return key, flags.seed(value)
        except argparse.ArgumentTypeError as exc:
            raise ValueError(f"--param seed: {exc}") from None
    for kind in (int, float):
        try:
            return key, kind(value)
        except ValueError:
            pass
    return key, value


def _sizes(text: str) -> list[int]:
    """``--layers``: counted before parsing (a million commas cost nothing), each size bounded
    before any is multiplied."""
    if text.count(",") > MAX_LAYERS:
        raise ValueError(
            f"--layers: at most {MAX_LAYERS + 1} sizes ({MAX_LAYERS} weight layers) are "
            f"allowed, got {text.count(',') + 1:,}"
        )
    try:
        sizes = [int(s) for s in text.split(",")]
    except ValueError:
        sizes = []
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(
            f"--layers: expected sizes >= 1 from input to output separated by commas, "
            f"e.g. 2,8,1, got {quote(text)}"
        )
    if max(sizes) > MAX_PARAMETERS:
        raise ValueError(
            f"--layers: a layer may have at most {MAX_PARAMETERS:,} neurons (the most "
            f"parameters a network may have), got {max(sizes):,}"
        )
    return sizes


def _activations(text: str | None, n_layers: int, task: str, n_out: int) -> list[str]:
    if text is None:
        hidden = NetworkSpec.hidden[0].activation
        return [hidden] * (n_layers - 1) + [default_output(task, n_out)]
    names = text.split(",")
    if len(names) != n_layers:
        raise ValueError(f"--activations: expected {n_layers} names (one per weight layer), "
                         f"got {len(names)}")
    return names
