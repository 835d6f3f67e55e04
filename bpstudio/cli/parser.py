"""Every command and flag of ``bpstudio``: one argparse parser, each command's ``run`` set
as its default. The commands' work is in their own modules."""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from .. import __version__
from ..core import ACTIVATIONS, INITIALIZERS, LOSSES
from ..core.datasets import GENERATORS
from ..core.losses import REDUCTIONS
from ..examples import EXAMPLES
from ..experiments import SETTINGS
from ..io.csv_source import DELIMITERS, ENCODINGS
from ..io.csv_table import CLASS_GUESS_MAX, MISSING, TASKS
from ..limits import (
    MAX_EPOCHS,
    MAX_LAYERS,
    MAX_NOTES_CHARS,
    MAX_PARAMETERS,
    MAX_SAMPLES,
    MAX_SWEEP_EPOCHS,
    MAX_SWEEP_JOBS,
    MAX_SWEEP_SEEDS,
    MAX_TITLE_CHARS,
)
from ..session import DataSpec
from ..training_fields import TRAINING_FIELDS, Choice
from . import flags
from .desktop import desktop_command
from .export import export_command
from .info import info_command
from .new import DECIMAL_MARKS, new_command
from .output import say
from .sweep import sweep_command
from .train import DEFAULT_EPOCHS, train_command


class _Parser(argparse.ArgumentParser):
    """argparse whose error line is escaped and shortened like every other message (it
    quotes the command line, which may hold anything)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        say(f"{self.prog}: error: {message}")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="bpstudio",
        description="Design, train and understand backpropagation networks.",
        epilog="With no command, bpstudio opens the desktop app; bpstudio FILE.bpnet opens "
        "that file in it.",
    )
    parser.add_argument("--version", action="version", version=f"bpstudio {__version__}")
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument("--install-desktop-entry", action="store_true",
                         help="add BP Studio to the desktop's menu, with its icon, opening "
                         ".bpnet files (under $XDG_DATA_HOME, else ~/.local/share)")
    desktop.add_argument("--uninstall-desktop-entry", action="store_true",
                         help="remove what --install-desktop-entry wrote")
    parser.set_defaults(run=desktop_command, command="")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_new(sub)
    epochs = flags.whole(1, MAX_EPOCHS, "the most epochs a session may reach")
    train = sub.add_parser("train", help="train a file's network headless, resuming its state")
    train.add_argument("file", metavar="FILE", type=flags.path)
    train.add_argument("--epochs", type=epochs,
                       help="epochs to train (default: up to the file's epoch limit, else "
                       f"{DEFAULT_EPOCHS}; at most {MAX_EPOCHS:,} in all)")
    train.add_argument("--lr", type=flags.flag_type(TRAINING_FIELDS["learning_rate"]),
                       help="a new learning rate (kept in the file)")
    for name in ("schedule", "stopping"):
        field = TRAINING_FIELDS[name]
        train.add_argument(field.flag.name, type=flags.flag_type(field),
                           help=f"new {field.help()} (kept in the file; the schedule's or early "
                           "stopping's tracking starts afresh)")
    train.add_argument("--out", metavar="FILE", type=flags.path,
                       help="write here instead of back to FILE")
    train.add_argument("--force", action="store_true",
                       help="replace the file written even if it is read-only")
    train.add_argument("--measure-every", type=epochs, default=1,
                       metavar="N", help="measure test loss and metrics every N epochs and "
                       "after the last (default 1; larger trains faster, the others stay empty)")
    train.set_defaults(run=train_command)
    info = sub.add_parser("info", help="show a file's network, data, epochs and last scores")
    info.add_argument("file", metavar="FILE", type=flags.path)
    info.add_argument("--json", action="store_true", help="print JSON for machines")
    info.set_defaults(run=info_command)
    export = sub.add_parser("export", help="write a file's arrays (.npz), history (.csv), "
                            "predictions (.csv), ONNX model or NumPy script")
    export.add_argument("file", metavar="FILE", type=flags.path)
    what = export.add_mutually_exclusive_group(required=True)
    what.add_argument("--npz", metavar="OUT", type=flags.path,
                      help="weights, biases, optimizer state, history")
    what.add_argument("--csv", metavar="OUT", type=flags.path,
                      help="the history, one row per epoch")
    what.add_argument("--predictions", metavar="OUT", type=flags.path,
                      help="CSV: each sample's inputs, targets, outputs (and predicted class), "
                      "train and test")
    what.add_argument("--onnx", metavar="OUT", type=flags.path,
                      help='the network as an ONNX model (needs pip install "bpstudio[onnx]")')
    what.add_argument("--script", "--python", metavar="OUT", type=flags.path,
                      help="the network as a Python script that needs only NumPy")
    export.add_argument("--float32", action="store_true",
                        help="with --onnx: a float32 model (default float64, exactly the "
                        "network)")
    export.set_defaults(run=export_command)
    _add_sweep(sub, epochs)
    return parser


def _add_sweep(sub: Any, epochs: Any) -> None:
    sweep = sub.add_parser(
        "sweep", help="train a file's network over settings' values and seeds, in parallel",
        description="Train FILE's network once per combination of the values of one or two "
        "settings and per seed, from fresh weights, and print the mean and spread of the "
        "final scores per point. The file is not changed.",
    )
    sweep.add_argument("file", metavar="FILE", type=flags.path)
    sweep.add_argument("--vary", action="append", required=True, type=flags.vary,
                       metavar="NAME=VALUES",
                       help="a setting and its values: a list (hidden=4,8,16), a range "
                       "(hidden=5:100:5) or a log range (lr=1e-3:1:log5); once or twice (a "
                       f"grid). Settings: {', '.join(SETTINGS)}, hidden1, hidden2, ...")
    sweep.add_argument("--seeds", type=flags.whole(1, MAX_SWEEP_SEEDS, "seeds per point"),
                       default=1, help="runs per point, seeds 0, 1, ... added to the file's "
                       "(default 1)")
    sweep.add_argument("--epochs", type=flags.whole(1, MAX_SWEEP_EPOCHS, "epochs of a sweep"),
                       help=f"epochs per run (default: the file's epoch limit, else "
                       f"{DEFAULT_EPOCHS})")
    sweep.add_argument("--measure-every", type=epochs, default=1, metavar="N",
                       help="measure test loss and scores every N epochs and after the last "
                       "(default 1; the best scores are over the epochs measured)")
    sweep.add_argument("--target-loss", type=float, metavar="LOSS",
                       help="also report the first epoch whose train loss is at or below LOSS")
    sweep.add_argument("--jobs", type=flags.whole(1, MAX_SWEEP_JOBS, "worker processes"),
                       help="worker processes (default: one per core)")
    sweep.add_argument("--csv", metavar="OUT", type=flags.path,
                       help="write the table of runs (one row per run) here")
    sweep.add_argument("--points-csv", metavar="OUT", type=flags.path,
                       help="write the table of points (mean and spread over seeds) here")
    sweep.add_argument("--scheduler", metavar="ADDRESS",
                       help="run on a Dask cluster, e.g. tcp://HOST:8786 (needs "
                       "bpstudio[cluster]); --jobs is then ignored")
    sweep.set_defaults(run=sweep_command)


def _add_new(sub: Any) -> None:
    new = sub.add_parser(
        "new", help="write a new session file from an example or from flags",
        description="Write a new .bpnet file. Flags left out take defaults suited to the data.",
    )
    new.add_argument("-o", "--output", metavar="FILE", required=True, type=flags.path)
    new.add_argument("--force", action="store_true",
                     help="replace FILE if it exists (even if it is read-only)")
    new.add_argument("--example", choices=list(EXAMPLES), help="start from a textbook example")
    group = new.add_argument_group("design (not with --example)")
    design_flags: list[str] = []  # what --example may not be combined with, in --help's order

    def design(*names: str, **options: Any) -> None:
        design_flags.append(group.add_argument(*names, **options).dest)

    design("--data", choices=list(GENERATORS), help=f"data generator ({DataSpec.name})")
    design("--param", action="append", default=[], metavar="KEY=VALUE",
           help=f"a generator parameter, e.g. n=200 or noise=0.1 (repeatable; n <= "
           f"{MAX_SAMPLES:,})")
    design("--csv", metavar="CSV", type=flags.path,
           help="import this CSV file's rows instead of generating data (delimiter, decimal "
           "mark, header and encoding are detected); needs --target")
    design("--target", action="append", default=[], metavar="COLUMN",
           help="with --csv: the column to learn (repeat for several regression targets)")
    design("--inputs", metavar="A,B,...", help="with --csv: the input columns (default: every "
           "other column of numbers)")
    design("--task", choices=list(TASKS), help="with --csv: default guessed from the target "
           f"(text, or whole numbers with at most {CLASS_GUESS_MAX} values: classification)")
    design("--missing", choices=list(MISSING), help="with --csv: refuse a missing value "
           "(default), or drop the rows that have one")
    design("--delimiter", choices=list(DELIMITERS.values()),
           help="with --csv: the delimiter, when detection guesses wrong")
    design("--decimal", choices=list(DECIMAL_MARKS), help="with --csv: the decimal mark")
    design("--header", choices=("yes", "no"), help="with --csv: whether the first row holds "
           "the column names")
    design("--encoding", choices=list(ENCODINGS), help="with --csv: the file's encoding")
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
                       else {"type": flags.flag_type(field)})
            design(field.flag.name, help=field.help(), **options)
    design("--title", type=flags.text(MAX_TITLE_CHARS), help="a title for the session")
    design("--notes", type=flags.text(MAX_NOTES_CHARS), help="notes kept in the file")
    new.set_defaults(run=new_command, design_flags=tuple(design_flags))
