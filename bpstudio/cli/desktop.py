"""``bpstudio --install-desktop-entry`` / ``--uninstall-desktop-entry``: BP Studio in the
desktop's menu, opening ``.bpnet`` files (:mod:`bpstudio.desktop_entry`)."""

from __future__ import annotations

import argparse

from .. import desktop_entry
from .flags import UsageError
from .output import say, show


def desktop_command(args: argparse.Namespace) -> int:
    """Install or remove the desktop entry; 1 when a file cannot be written or removed."""
    home = desktop_entry.data_home()
    try:
        if args.install_desktop_entry:
            written = desktop_entry.install(home)
            show(f"bpstudio: wrote {len(written)} files under {home}: the menu entry "
                 f"applications/{desktop_entry.APP_ID}.desktop, the icon and the MIME type "
                 f"{desktop_entry.MIME_TYPE} for *{desktop_entry.EXTENSION} files")
        elif args.uninstall_desktop_entry:
            removed = desktop_entry.uninstall(home)
            show(f"bpstudio: removed {len(removed)} files of the desktop entry under {home}")
        else:
            raise UsageError("give a command (see bpstudio --help)")
    except OSError as exc:
        say(f"bpstudio: the desktop entry under {home}: {exc.strerror or exc}")
        return 1
    return 0
