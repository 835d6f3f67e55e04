"""Running a command line: the app without a command, else the command, with its exit code."""

from __future__ import annotations

import os
import sys

from ..core.validation import unknown_name
from .flags import UsageError
from .output import INTERRUPTED, say
from .parser import build_parser

COMMANDS = ("new", "train", "info", "export", "sweep")


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
        say(f"bpstudio: error: {unknown_name('command', first, COMMANDS)}{hint}")
        return 2
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command and (args.install_desktop_entry or args.uninstall_desktop_entry):
            parser.error("the desktop entry flags take no command")
    except SystemExit as exc:  # argparse has printed the usage or the help
        return int(exc.code or 0)
    try:
        return args.run(args)
    except UsageError as exc:
        say(f"bpstudio {args.command}: error: {exc}")
        return 2
    except KeyboardInterrupt:  # train says more itself; every write is atomic
        say(f"bpstudio {args.command}: interrupted; every file is as it was or completely "
            "written, never half-written")
        return INTERRUPTED
    except MemoryError:
        say(f"bpstudio {args.command}: not enough memory for this; nothing was saved")
        return 1
    except Exception as exc:  # a bug: still one line, and no file was changed
        say(f"bpstudio {args.command}: unexpected {type(exc).__name__}: {exc} (a bug in BP "
            "Studio; please report it with the command line); nothing was saved")
        return 1


def launch_gui(path: str | None) -> int:
    """Open the desktop app (imported only now: the commands need no Qt)."""
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        say(f"bpstudio: no display to open the app on (DISPLAY is not set); the commands "
            f"{', '.join(COMMANDS)} work without one (see bpstudio --help)")
        return 1
    try:
        from bpstudio.gui.window.app import run_app
    except ImportError as exc:
        say(f"bpstudio: the desktop app is not available ({exc}); the commands "
            f"{', '.join(COMMANDS)} work without it (see bpstudio --help)")
        return 1
    return run_app(path)
