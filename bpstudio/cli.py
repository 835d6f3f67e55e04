"""The ``bpstudio`` command: the desktop app, or headless work on ``.bpnet`` files.

``bpstudio`` opens the app, ``bpstudio FILE.bpnet`` opens an existing file in it; ``new``,
``train``, ``info`` and ``export`` work without a display. Exit codes: 0 success, 1 a bad file
or data (one line on stderr, no traceback), 2 a usage error, 130 interrupted by Ctrl-C.

Every flag is bounded by :mod:`bpstudio.limits`, so nothing the command line makes is refused
when it is opened again. Every line printed is one line: text from a file or the command line
is escaped (a terminal never sees its control characters) and long messages are shortened.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any, NoReturn

from . import __version__
from .core import ACTIVATIONS, INITIALIZERS, LOSSES, DivergenceError
from .core.datasets import GENERATORS
from .core.losses import REDUCTIONS
from .core.metrics import score_name
from .core.outputs import default_loss, default_output
from .core.text import QUOTE_CHARS, quote, shorten
from .core.validation import unknown_name
from .examples import EXAMPLES
from .headless import (
    Progress,
    describe_network,
    duration,
    scores,
    summarize,
)
from .io import BPFileError, load, load_info, save
from .io.export import export_csv, export_npz
from .limit_checks import check_parameters
from .limits import (
    MAX_EPOCHS,
    MAX_LAYERS,
    MAX_NOTES_CHARS,
    MAX_PARAMETERS,
    MAX_SAMPLES,
    MAX_SEED,
    MAX_TITLE_CHARS,
)
from .session import (
    TABLE,
    DataSpec,
    LayerSpec,
    NetworkSpec,
    Session,
    TrainingConfig,
)
from .training import TrainingRun
from .training_fields import (
    TRAINING_FIELDS,
    Choice,
    Count,
    Number,
    Seed,
    TrainingField,
    defaults_for,
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
    first = argv[0]
    if first not in COMMANDS and not first.startswith("-"):
        if len(argv) == 1 and os.path.exists(first):
            return launch_gui(first)
        hint = " or an existing FILE to open in the app" if len(argv) == 1 else ""
        _say(f"bpstudio: error: {unknown_name('command', first, COMMANDS)}{hint}")
        return 2
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage or the help
        return int(exc.code or 0)
    try:
        return args.run(args)
    except UsageError as exc:
        _say(f"bpstudio {args.command}: error: {exc}")
        return 2
    except KeyboardInterrupt:  # train says more itself; every write is atomic
        _say(f"bpstudio {args.command}: interrupted; every file is as it was or completely "
             "written, never half-written")
        return INTERRUPTED
    except MemoryError:
        _say(f"bpstudio {args.command}: not enough memory for this; nothing was saved")
        return 1
    except Exception as exc:  # a bug: still one line, and no file was changed
        _say(f"bpstudio {args.command}: unexpected {type(exc).__name__}: {exc} (a bug in BP "
             "Studio; please report it with the command line); nothing was saved")
        return 1


def launch_gui(path: str | None) -> int:
    """Open the desktop app (imported only now: the commands need no Qt)."""
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        _say(f"bpstudio: no display to open the app on (DISPLAY is not set); the commands "
             f"{', '.join(COMMANDS)} work without one (see bpstudio --help)")
        return 1
    try:
        from bpstudio.gui.app import run_app
    except ImportError as exc:
        _say(f"bpstudio: the desktop app is not available ({exc}); the commands "
             f"{', '.join(COMMANDS)} work without it (see bpstudio --help)")
        return 1
    return run_app(path)


class _Parser(argparse.ArgumentParser):
    """argparse whose error line is escaped and shortened like every other message (it
    quotes the command line, which may hold anything)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        _say(f"{self.prog}: error: {message}")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="bpstudio",
        description="Design, train and understand backpropagation networks.",
        epilog="With no command, bpstudio opens the desktop app; bpstudio FILE.bpnet opens "
        "that file in it.",
    )
    parser.add_argument("--version", action="version", version=f"bpstudio {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_new(sub)
    epochs = _whole(1, MAX_EPOCHS, "the most epochs a session may reach")
    train = sub.add_parser("train", help="train a file's network headless, resuming its state")
    train.add_argument("file", metavar="FILE", type=_path)
    train.add_argument("--epochs", type=epochs,
                       help="epochs to train (default: up to the file's epoch limit, else "
                       f"{DEFAULT_EPOCHS}; at most {MAX_EPOCHS:,} in all)")
    train.add_argument("--lr", type=_flag_type(TRAINING_FIELDS["learning_rate"]),
                       help="a new learning rate (kept in the file)")
    train.add_argument("--out", metavar="FILE", type=_path,
                       help="write here instead of back to FILE")
    train.add_argument("--force", action="store_true",
                       help="replace the file written even if it is read-only")
    train.add_argument("--measure-every", type=epochs, default=1,
                       metavar="N", help="measure test loss and metrics every N epochs and "
                       "after the last (default 1; larger trains faster, the others stay empty)")
    train.set_defaults(run=train_command)
    info = sub.add_parser("info", help="show a file's network, data, epochs and last scores")
    info.add_argument("file", metavar="FILE", type=_path)
    info.add_argument("--json", action="store_true", help="print JSON for machines")
    info.set_defaults(run=info_command)
    export = sub.add_parser("export", help="write a file's arrays (.npz) or history (.csv)")
    export.add_argument("file", metavar="FILE", type=_path)
    what = export.add_mutually_exclusive_group(required=True)
    what.add_argument("--npz", metavar="OUT", type=_path,
                      help="weights, biases, optimizer state, history")
    what.add_argument("--csv", metavar="OUT", type=_path, help="the history, one row per epoch")
    export.set_defaults(run=export_command)
    return parser


def _add_new(sub: Any) -> None:
    new = sub.add_parser(
        "new", help="write a new session file from an example or from flags",
        description="Write a new .bpnet file. Flags left out take defaults suited to the data.",
    )
    new.add_argument("-o", "--output", metavar="FILE", required=True, type=_path)
    new.add_argument("--force", action="store_true",
                     help="replace FILE if it exists (even if it is read-only)")
    new.add_argument("--example", choices=list(EXAMPLES), help="start from a textbook example")
    group = new.add_argument_group("design (not with --example)")
    flags: list[str] = []  # what --example may not be combined with, in --help's order

    def design(*names: str, **options: Any) -> None:
        flags.append(group.add_argument(*names, **options).dest)

    design("--data", choices=list(GENERATORS), help=f"data generator ({DataSpec.name})")
    design("--param", action="append", default=[], metavar="KEY=VALUE",
           help=f"a generator parameter, e.g. n=200 or noise=0.1 (repeatable; n <= "
           f"{MAX_SAMPLES:,})")
    design("--test-fraction", type=float,
           help=f"share of samples held out ({DataSpec.test_fraction:g})")
    design("--standardize", action="store_true", help="scale inputs to mean 0, sd 1")
    design("--layers", help="sizes from input to output, e.g. 2,8,8,1 (at most "
           f"{MAX_LAYERS + 1} sizes and {MAX_PARAMETERS:,} parameters)")
    design("--activations", help="one per weight layer, e.g. tanh,tanh,sigmoid "
           f"({', '.join(ACTIVATIONS)})")
    design("--loss", choices=list(LOSSES), help="default: suits the output")
    design("--reduction", choices=list(REDUCTIONS))
    design("--init", choices=list(INITIALIZERS))
    design("--no-bias", action="store_true", help="a network without biases")
    for field in TRAINING_FIELDS.values():
        if field.flag is not None:
            options = ({"choices": list(field.choices)} if isinstance(field, Choice)
                       else {"type": _flag_type(field)})
            design(field.flag.name, help=field.help(), **options)
    design("--title", type=_text(MAX_TITLE_CHARS), help="a title for the session")
    design("--notes", type=_text(MAX_NOTES_CHARS), help="notes kept in the file")
    new.set_defaults(run=new_command, design_flags=tuple(flags))


def _flag_type(field: TrainingField) -> Callable[[str], Any]:
    """How a training field's flag reads its text (a choice's flag has ``choices``)."""
    if isinstance(field, Count):
        return _whole(1, field.maximum, field.limit_is)
    if isinstance(field, Seed):
        return _seed
    if isinstance(field, Number) and field.flag is not None and field.flag.strict:
        return _number(field)
    return float


def new_command(args: argparse.Namespace) -> int:
    if not args.force and os.path.lexists(args.output):
        return _fail(args.output, "exists already; use --force to replace it")
    if args.example:
        given = [f for f in args.design_flags if getattr(args, f) not in (None, False, [])]
        if given:
            flag = "--" + given[0].replace("_", "-")
            raise UsageError(f"--example cannot be combined with {flag}")
        session = EXAMPLES[args.example]()
    else:
        try:
            session = session_from_flags(args)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    try:
        save(args.output, session, overwrite_read_only=args.force)
    except BPFileError as exc:
        return _fail(args.output, exc)
    _show(f"wrote {args.output}: {describe_network(session)}")
    return 0


def session_from_flags(args: argparse.Namespace) -> Session:
    """A session from ``new``'s flags; ``ValueError`` names the flag that does not fit.

    Everything is checked before anything large is made: the sizes and the data spec (which
    refuses data beyond the limits) before the data is generated, the network's parameter
    count before its weights are allocated.
    """
    training = _training_flags(args)
    seed = training["seed"]
    sizes = None if args.layers is None else _sizes(args.layers)
    params = dict(_key_value(p) for p in args.param)
    if args.seed is not None:
        params.setdefault("seed", seed)
    data = DataSpec(
        _or(args.data, DataSpec.name), params, _or(args.test_fraction, DataSpec.test_fraction),
        split_seed=seed, standardize=args.standardize,
    )
    prepared = data.load()
    n_in, n_out = prepared.n_inputs, prepared.n_outputs
    default = [layer.size for layer in NetworkSpec.hidden]
    sizes = [n_in, *default, n_out] if sizes is None else sizes
    if sizes[0] != n_in or sizes[-1] != n_out:
        raise ValueError(
            f"--layers: the data '{data.name}' has {n_in} inputs and {n_out} outputs, so the "
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
            return key, _seed(value)
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


def train_command(args: argparse.Namespace) -> int:
    out = args.file if args.out is None else args.out
    if not args.force and _read_only(out):
        return _fail(out, "is read-only; use --force to replace it (nothing was trained)")
    try:
        session = load(args.file)
    except BPFileError as exc:
        return _fail(args.file, exc)
    if args.lr is not None:
        session = replace(session, training=replace(session.training, learning_rate=args.lr))
    epochs = _epochs_to_train(session, args.epochs, args.file)
    if epochs < 1:
        return 0
    run = TrainingRun(session, last_epoch=session.epoch + epochs)
    started = time.monotonic()
    try:
        train_with_progress(run, args.measure_every)
    except KeyboardInterrupt:
        _say(f"bpstudio: interrupted at epoch {run.epoch}; nothing was saved and "
             f"{args.file} is unchanged")
        return INTERRUPTED
    except DivergenceError as exc:
        return _fail(args.file, f"{exc} Nothing was saved.")
    try:
        save(out, run.to_session(), overwrite_read_only=args.force)
    except KeyboardInterrupt:
        _say(f"bpstudio: interrupted while saving; {out} is either as it was or completely "
             "saved, never half-written")
        return INTERRUPTED
    except BPFileError as exc:
        return _fail(out, exc)
    _show(f"{out}: trained epochs {session.epoch + 1}-{run.epoch} in "
          f"{duration(time.monotonic() - started)}; {scores(run)}")
    return 0


def _epochs_to_train(session: Session, asked: int | None, path: str) -> int:
    """``--epochs``, else up to the epoch limit, else :data:`DEFAULT_EPOCHS`; never past
    :data:`~bpstudio.limits.MAX_EPOCHS`, the most a session may reach (and be opened again).
    Says why when that leaves nothing to do."""
    training = session.training
    if asked is None and training.epoch_limit:
        epochs = training.last_epoch - session.epoch
        if epochs < 1:
            _show(f"{path}: already trained to its epoch limit ({training.epoch_limit:,}); "
                  "nothing to do (use --epochs N to train on)")
            return 0
    else:
        epochs = DEFAULT_EPOCHS if asked is None else asked
    room = MAX_EPOCHS - session.epoch
    if room < 1:
        _show(f"{path}: already at epoch {MAX_EPOCHS:,}, the most a session may reach; "
              "nothing to do")
    elif epochs > room:
        _say(f"bpstudio: {path}: training {room:,} epochs, up to epoch {MAX_EPOCHS:,}, the "
             "most a session may reach")
    return min(epochs, room)


def train_with_progress(run: TrainingRun, measure_every: int = 1) -> None:
    """Train ``run`` to its last epoch, drawing progress on stderr; test loss and metrics are
    measured every ``measure_every`` epochs (counted from epoch 0) and after the last."""
    progress = Progress(sys.stderr, run.last_epoch - run.epoch)
    try:
        run.train_for(measure_every=measure_every, callback=lambda epoch, loss:
                      progress.update(loss))
    finally:
        progress.close()


def info_command(args: argparse.Namespace) -> int:
    try:
        session, file_info = load_info(args.file)
    except BPFileError as exc:
        return _fail(args.file, exc)
    prepared = session.prepare_data()
    summary = summarize(session, prepared)
    summary["file"] = {"path": args.file, **vars(file_info)}
    if args.json:  # ASCII: a terminal never sees a control character from the file
        print(json.dumps(summary, indent=2))
        return 0
    data, train, last = summary["data"], summary["training"], summary["last"]
    rows = [
        ("file", f"{args.file} (file version {file_info.version}, written by BP Studio "
                 f"{_shown(file_info.app_version)}, modified {file_info.modified})"),
        ("title", _shown(session.title, MAX_TITLE_CHARS) or "-"),
        ("network", describe_network(session, prepared)),
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
        rows.append(("notes", _shown(session.notes, MAX_NOTES_CHARS)))
    for name, value in rows:
        _show(f"{name:<9} {value}")
    return 0


def export_command(args: argparse.Namespace) -> int:
    try:
        session = load(args.file)
    except BPFileError as exc:
        return _fail(args.file, exc)
    out = args.csv if args.npz is None else args.npz
    try:
        if args.npz is not None:
            names = export_npz(session, out)
            _show(f"wrote {out}: {len(names)} arrays ({', '.join(names)})")
        else:
            metric = score_name(session.prepare_data().task)
            rows = export_csv(session, out, metric)
            _show(f"wrote {out}: {rows} rows of history")
    except BPFileError as exc:
        return _fail(out, exc)
    return 0


def _recipe(name: str, params: dict[str, Any]) -> str:
    if name == TABLE:
        return "rows embedded in the file"
    return f"{name}({', '.join(f'{k}={v}' for k, v in params.items())})"


def _read_only(path: str) -> bool:
    """Whether ``path`` is an existing file nobody may write (checked before training, so
    a refusal costs no training time; :func:`bpstudio.io.save` has the last word)."""
    try:
        return not os.stat(path).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    except OSError:
        return False


# -- printing ---------------------------------------------------------------------------------


def _escaped(text: str) -> str:
    """``text`` with each character a terminal would act on (a line break, an escape)
    written as its Python escape, so a printed line stays one harmless line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _shown(text: str, limit: int = QUOTE_CHARS) -> str:
    """Text from a file as it is when it is one printable line of at most ``limit``
    characters, else quoted and escaped (:func:`bpstudio.core.text.quote`)."""
    return text if text.isprintable() and len(text) <= limit else quote(text)


def _show(line: str) -> None:
    print(_escaped(line))


def _say(message: str) -> None:
    """A message on stderr: one line, escaped, shortened."""
    print(shorten(_escaped(message)), file=sys.stderr)


def _fail(path: str, problem: object) -> int:
    _say(f"bpstudio: {path}: {problem}")
    return 1


# -- flag types -------------------------------------------------------------------------------


def _path(text: str) -> str:
    if not text:
        raise argparse.ArgumentTypeError("expected a file name, got an empty one")
    return text


def _text(max_chars: int) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if len(text) > max_chars:
            raise argparse.ArgumentTypeError(
                f"at most {max_chars:,} characters are allowed, got {len(text):,}"
            )
        return text

    return parse


def _number(field: Number) -> Callable[[str], float]:
    """A number within ``field``'s range: ``must be a finite number > 0, got '-1'``."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, got {quote(text)}") from None
        try:
            field.check(value)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"must be {field.range_text()}, got {quote(text)}") from None
        return value

    return parse


def _whole(minimum: int, maximum: int, limit: str) -> Callable[[str], int]:
    """A whole number in ``[minimum, maximum]``; ``limit`` says what ``maximum`` is."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            digits = text.strip().lstrip("+-")
            if not digits.isdigit():  # else: too many digits for int(), far beyond any limit
                raise argparse.ArgumentTypeError(
                    f"expected a whole number, got {quote(text)}"
                ) from None
            value = minimum - 1 if text.strip().startswith("-") else maximum + 1
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be >= {minimum}, got {quote(text)}")
        if value > maximum:
            raise argparse.ArgumentTypeError(
                f"must be at most {maximum:,} ({limit}), got {quote(text)}"
            )
        return value

    return parse


_seed = _whole(0, MAX_SEED, "the largest seed BP Studio keeps")
