"""The ``bpstudio`` command: the desktop app, or headless work on ``.bpnet`` files.

``bpstudio`` opens the app, ``bpstudio FILE.bpnet`` opens a file in it; ``new``, ``train``,
``info`` and ``export`` work without a display. Exit codes: 0 success, 1 a bad file or data
(one line on stderr, no traceback), 2 a usage error, 130 interrupted by Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import __version__
from .core import ACTIVATIONS, INITIALIZERS, LOSSES, DivergenceError
from .core.datasets import GENERATORS
from .core.losses import REDUCTIONS
from .examples import EXAMPLES
from .headless import (
    Progress,
    describe_network,
    duration,
    make_meter,
    metric_name,
    scores,
    summarize,
)
from .io import BPFileError, load, load_info, save
from .io.export import export_csv, export_npz
from .session import (
    OPTIMIZER_KINDS,
    TABLE,
    DataSpec,
    LayerSpec,
    NetworkSpec,
    Session,
    TrainingConfig,
    Workbench,
)

COMMANDS = ("new", "train", "info", "export")
DEFAULT_EPOCHS = 100
INTERRUPTED = 130


class UsageError(Exception):
    """A command line that cannot work: exit 2 with the message."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        return launch_gui(None)
    if len(argv) == 1 and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        return launch_gui(argv[0])
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage or the help
        return int(exc.code or 0)
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"bpstudio {args.command}: error: {exc}", file=sys.stderr)
        return 2


def launch_gui(path: str | None) -> int:
    """Open the desktop app (imported only now: the commands need no Qt)."""
    try:
        from bpstudio.gui.app import run_app
    except ImportError as exc:
        print(
            f"bpstudio: the desktop app is not available ({exc}); the commands "
            f"{', '.join(COMMANDS)} work without it (see bpstudio --help)", file=sys.stderr,
        )
        return 1
    return run_app(path)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bpstudio",
        description="Design, train and understand backpropagation networks.",
        epilog="With no command, bpstudio opens the desktop app; bpstudio FILE.bpnet opens "
        "that file in it.",
    )
    parser.add_argument("--version", action="version", version=f"bpstudio {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_new(sub)
    train = sub.add_parser("train", help="train a file's network headless, resuming its state")
    train.add_argument("file", metavar="FILE")
    train.add_argument("--epochs", type=_whole(1), help="epochs to train (default: up to the "
                       f"file's epoch limit, else {DEFAULT_EPOCHS})")
    train.add_argument("--lr", type=_positive, help="a new learning rate (kept in the file)")
    train.add_argument("--out", metavar="FILE", help="write here instead of back to FILE")
    train.add_argument("--measure-every", type=_whole(1), default=1, metavar="N",
                       help="measure test loss and metrics every N epochs and after the last "
                       "(default 1; larger trains faster, the others stay empty)")
    train.set_defaults(run=train_command)
    info = sub.add_parser("info", help="show a file's network, data, epochs and last scores")
    info.add_argument("file", metavar="FILE")
    info.add_argument("--json", action="store_true", help="print JSON for machines")
    info.set_defaults(run=info_command)
    export = sub.add_parser("export", help="write a file's arrays (.npz) or history (.csv)")
    export.add_argument("file", metavar="FILE")
    what = export.add_mutually_exclusive_group(required=True)
    what.add_argument("--npz", metavar="OUT", help="weights, biases, optimizer state, history")
    what.add_argument("--csv", metavar="OUT", help="the history, one row per epoch")
    export.set_defaults(run=export_command)
    return parser


def _add_new(sub: Any) -> None:
    new = sub.add_parser(
        "new", help="write a new session file from an example or from flags",
        description="Write a new .bpnet file. Flags left out take defaults suited to the data.",
    )
    new.add_argument("-o", "--output", metavar="FILE", required=True)
    new.add_argument("--force", action="store_true", help="replace FILE if it exists")
    new.add_argument("--example", choices=list(EXAMPLES), help="start from a textbook example")
    design = new.add_argument_group("design (not with --example)")
    design.add_argument("--data", choices=list(GENERATORS), help="data generator (sin)")
    design.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                        help="a generator parameter, e.g. n=200 or noise=0.1 (repeatable)")
    design.add_argument("--test-fraction", type=float, help="share of samples held out (0)")
    design.add_argument("--standardize", action="store_true", help="scale inputs to mean 0, sd 1")
    design.add_argument("--layers", help="sizes from input to output, e.g. 2,8,8,1")
    design.add_argument("--activations", help="one per weight layer, e.g. tanh,tanh,sigmoid "
                        f"({', '.join(ACTIVATIONS)})")
    design.add_argument("--loss", choices=list(LOSSES), help="default: suits the output")
    design.add_argument("--reduction", choices=list(REDUCTIONS))
    design.add_argument("--init", choices=list(INITIALIZERS))
    design.add_argument("--no-bias", action="store_true", help="a network without biases")
    design.add_argument("--optimizer", choices=list(OPTIMIZER_KINDS), help="default sgd")
    design.add_argument("--lr", type=_positive, help="learning rate (0.05; adam 0.01)")
    design.add_argument("--momentum", type=float, help="for --optimizer momentum (0.9)")
    design.add_argument("--batch-size", type=_whole(1), help="default: the full batch")
    design.add_argument("--l2", type=float, help="weight decay λ (0)")
    design.add_argument("--seed", type=_whole(0), help="seeds data, weights and shuffling (0)")
    design.add_argument("--title", help="a title for the session")
    design.add_argument("--notes", help="notes kept in the file")
    new.set_defaults(run=new_command)


DESIGN_FLAGS = (
    "data", "param", "test_fraction", "standardize", "layers", "activations", "loss",
    "reduction", "init", "no_bias", "optimizer", "lr", "momentum", "batch_size", "l2", "seed",
    "title", "notes",
)


def new_command(args: argparse.Namespace) -> int:
    if args.example:
        given = [f for f in DESIGN_FLAGS if getattr(args, f) not in (None, False, [])]
        if given:
            flag = "--" + given[0].replace("_", "-")
            raise UsageError(f"--example cannot be combined with {flag}")
        session = EXAMPLES[args.example]()
    else:
        try:
            session = session_from_flags(args)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    if not args.force and Path(args.output).exists():
        return _fail(args.output, "exists already; use --force to replace it")
    try:
        save(args.output, session)
    except BPFileError as exc:
        return _fail(args.output, exc)
    print(f"wrote {args.output}: {describe_network(session)}")
    return 0


def session_from_flags(args: argparse.Namespace) -> Session:
    """A session from ``new``'s flags; ``ValueError`` names the flag that does not fit."""
    seed = 0 if args.seed is None else args.seed
    params = dict(_key_value(p) for p in args.param)
    if args.seed is not None:
        params.setdefault("seed", seed)
    data = DataSpec(
        args.data or "sin", params, 0.0 if args.test_fraction is None else args.test_fraction,
        split_seed=seed, standardize=args.standardize,
    )
    prepared = data.load()
    n_in, n_out = prepared.n_inputs, prepared.n_outputs
    sizes = [n_in, 8, n_out] if args.layers is None else _sizes(args.layers)
    if sizes[0] != n_in or sizes[-1] != n_out:
        raise ValueError(
            f"--layers: the data '{data.name}' has {n_in} inputs and {n_out} outputs, so the "
            f"sizes must start with {n_in} and end with {n_out}, e.g. {n_in},8,{n_out}"
        )
    acts = _activations(args.activations, len(sizes) - 1, prepared.task, n_out)
    network = NetworkSpec(
        hidden=tuple(LayerSpec(n, a) for n, a in zip(sizes[1:-1], acts)),
        output_activation=acts[-1],
        loss=args.loss or _default_loss(acts[-1]),
        reduction=args.reduction or "mean",
        init=args.init or "xavier_uniform",
        bias=not args.no_bias,
        seed=seed,
    )
    optimizer = args.optimizer or "sgd"
    training = TrainingConfig(
        optimizer,
        learning_rate=args.lr or (0.01 if optimizer == "adam" else 0.05),
        momentum=0.9 if args.momentum is None else args.momentum,
        batch_size=args.batch_size,
        l2=args.l2 or 0.0,
        seed=seed,
    )
    session = Session(network, data, training, title=args.title or "", notes=args.notes or "")
    session.build(prepared)
    return session


def _key_value(text: str) -> tuple[str, Any]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise ValueError(f"--param: expected KEY=VALUE, e.g. noise=0.1, got {text!r}")
    for kind in (int, float):
        try:
            return key, kind(value)
        except ValueError:
            pass
    return key, value


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(s) for s in text.split(",")]
    except ValueError:
        sizes = []
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(
            f"--layers: expected sizes >= 1 from input to output separated by commas, "
            f"e.g. 2,8,1, got {text!r}"
        )
    return sizes


def _activations(text: str | None, n_layers: int, task: str, n_out: int) -> list[str]:
    if text is None:
        output = "identity" if task == "regression" else "sigmoid" if n_out == 1 else "softmax"
        return ["tanh"] * (n_layers - 1) + [output]
    names = text.split(",")
    if len(names) != n_layers:
        raise ValueError(f"--activations: expected {n_layers} names (one per weight layer), "
                         f"got {len(names)}")
    return names


def _default_loss(output_activation: str) -> str:
    return {"sigmoid": "binary_cross_entropy", "softmax": "cross_entropy"}.get(
        output_activation, "mse"
    )


def train_command(args: argparse.Namespace) -> int:
    try:
        session = load(args.file)
    except BPFileError as exc:
        return _fail(args.file, exc)
    if args.lr is not None:
        session = replace(session, training=replace(session.training, learning_rate=args.lr))
    limit = session.training.epoch_limit
    epochs = args.epochs or (limit - session.epoch if limit else DEFAULT_EPOCHS)
    if epochs < 1:
        print(f"{args.file}: already trained to its epoch limit ({limit}); nothing to do "
              "(use --epochs N to train on)")
        return 0
    bench, out = session.build(), args.out or args.file
    started = time.monotonic()
    try:
        train_with_progress(bench, epochs, args.measure_every)
    except KeyboardInterrupt:
        print(f"bpstudio: interrupted at epoch {bench.trainer.epoch}; nothing was saved and "
              f"{args.file} is unchanged", file=sys.stderr)
        return INTERRUPTED
    except DivergenceError as exc:
        return _fail(args.file, f"{exc} Nothing was saved.")
    try:
        save(out, session.with_state(bench.trainer.state()))
    except KeyboardInterrupt:
        print(f"bpstudio: interrupted while saving; {out} is either as it was or completely "
              "saved, never half-written", file=sys.stderr)
        return INTERRUPTED
    except BPFileError as exc:
        return _fail(out, exc)
    print(f"{out}: trained epochs {session.epoch + 1}-{bench.trainer.epoch} in "
          f"{duration(time.monotonic() - started)}; {scores(bench)}")
    return 0


def train_with_progress(bench: Workbench, epochs: int, measure_every: int = 1) -> None:
    """Train with :meth:`Trainer.fit`, drawing progress on stderr; test loss and metrics are
    measured every ``measure_every`` epochs (counted from epoch 0) and after the last."""
    progress = Progress(sys.stderr, epochs)
    measure = make_meter(bench)
    last = bench.trainer.epoch + epochs

    def after_epoch(epoch: int, loss: float) -> None:
        if epoch % measure_every == 0 or epoch == last:
            measure()
        progress.update(loss)

    try:
        bench.trainer.fit(*bench.train_arrays(), epochs, callback=after_epoch)
    finally:
        progress.close()


def info_command(args: argparse.Namespace) -> int:
    try:
        session, file_info = load_info(args.file)
    except BPFileError as exc:
        return _fail(args.file, exc)
    summary = summarize(session)
    summary["file"] = {"path": args.file, **vars(file_info)}
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        return 0
    data, train, last = summary["data"], summary["training"], summary["last"]
    rows = [
        ("file", f"{args.file} (file version {file_info.version}, written by BP Studio "
                 f"{file_info.app_version}, modified {file_info.modified})"),
        ("title", session.title or "-"),
        ("network", describe_network(session)),
        ("data", f"{_recipe(data['name'], data['params'])}: {data['task']}, "
                 f"{data['train_samples']} train + {data['test_samples']} test samples"
                 f"{', standardized' if data['standardize'] else ''}"),
        ("training", f"{train['optimizer']}, learning rate {train['learning_rate']:g}, "
                     f"batch {train['batch_size'] or 'full'}"),
        ("epochs", str(summary["epochs"])),
        ("last", ", ".join(f"{k.replace('_', ' ')} {'-' if v is None else f'{v:.6g}'}"
                           for k, v in last.items()) if last else "not trained yet"),
    ]
    if session.notes:
        rows.append(("notes", session.notes))
    for name, value in rows:
        print(f"{name:<9} {value}")
    return 0


def export_command(args: argparse.Namespace) -> int:
    try:
        session = load(args.file)
    except BPFileError as exc:
        return _fail(args.file, exc)
    out = args.npz or args.csv
    try:
        if args.npz:
            names = export_npz(session, out)
            print(f"wrote {out}: {len(names)} arrays ({', '.join(names)})")
        else:
            metric = metric_name(session.prepare_data().task)
            rows = export_csv(session, out, metric)
            print(f"wrote {out}: {rows} rows of history")
    except BPFileError as exc:
        return _fail(out, exc)
    return 0


def _recipe(name: str, params: dict[str, Any]) -> str:
    if name == TABLE:
        return "rows embedded in the file"
    return f"{name}({', '.join(f'{k}={v}' for k, v in params.items())})"


def _fail(path: str, problem: object) -> int:
    print(f"bpstudio: {path}: {problem}", file=sys.stderr)
    return 1


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"must be a finite number > 0, got {text!r}")
    return value


def _whole(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be >= {minimum}, got {value}")
        return value

    return parse
