"""BP Studio in the desktop's menu: a freedesktop ``.desktop`` file, the icon in the hicolor
theme and a MIME type for ``.bpnet`` files, so a double-click opens them in the app.

Everything goes under the user's data folder (``$XDG_DATA_HOME``, else ``~/.local/share``);
nothing needs root. :func:`install` writes the files of :func:`planned_files` and
:func:`uninstall` removes exactly those, so a removal leaves every other application's files
alone. The desktop's caches are refreshed with ``update-desktop-database``,
``update-mime-database`` and ``gtk-update-icon-cache`` when they are installed; without them
the desktop picks the files up at its next start.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .package_data import ICON_SIZES, icon_path

APP_ID = "bpstudio"
"""The desktop file's name (``bpstudio.desktop``), the icon's name, and what the app gives
Qt as its desktop file name, so the task bar matches the window to the menu entry."""

MIME_TYPE = "application/x-bpstudio"
EXTENSION = ".bpnet"

MIME_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>BP Studio network</comment>
    <sub-class-of type="application/json"/>
    <icon name="{APP_ID}"/>
    <glob pattern="*{EXTENSION}"/>
  </mime-type>
</mime-info>
"""

_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
"""Characters that make an argument of ``Exec`` need double quotes (Desktop Entry spec)."""


def data_home() -> Path:
    """``$XDG_DATA_HOME`` when it is an absolute path (the spec ignores others), else
    ``~/.local/share``."""
    given = os.environ.get("XDG_DATA_HOME", "")
    return Path(given) if os.path.isabs(given) else Path.home() / ".local" / "share"


def planned_files(home: Path) -> dict[Path, Path | str]:
    """Each file the entry consists of under ``home``, with its content: a shipped file to
    copy, or text."""
    files: dict[Path, Path | str] = {
        home / "applications" / f"{APP_ID}.desktop": desktop_file(launch_command()),
        home / "mime" / "packages" / f"{APP_ID}.xml": MIME_XML,
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": icon_path(),
    }
    for size in ICON_SIZES:
        folder = home / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        files[folder / f"{APP_ID}.png"] = icon_path(size)
    return files


def launch_command() -> list[str]:
    """How the desktop starts this installation: its ``bpstudio`` script when there is one
    next to this Python, else ``python -m bpstudio``."""
    script = Path(sys.executable).parent / "bpstudio"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "bpstudio"]


def desktop_file(command: list[str]) -> str:
    """The ``.desktop`` text that runs ``command`` with the file to open."""
    exec_line = " ".join(exec_argument(arg) for arg in command) + " %f"
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.5\n"
        "Name=BP Studio\n"
        "GenericName=Neural network trainer\n"
        "Comment=Design, train and understand backpropagation networks\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "Categories=Education;Science;ArtificialIntelligence;\n"
        f"MimeType={MIME_TYPE};\n"
        "Keywords=neural;network;backpropagation;machine learning;\n"
        f"StartupWMClass={APP_ID}\n"
    )


def exec_argument(arg: str) -> str:
    """``arg`` written for an ``Exec`` key: double-quoted (with ``"`` `` ` `` ``$`` ``\\``
    escaped) when it holds a reserved character, ``%`` doubled, and the backslashes the
    desktop file's string escaping adds on top."""
    arg = arg.replace("%", "%%")
    if _EXEC_RESERVED.intersection(arg):
        arg = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return arg.replace("\\", "\\\\")


def install(home: Path | None = None) -> list[Path]:
    """Write the desktop entry, icons and MIME type under ``home`` (default
    :func:`data_home`), refresh the desktop's caches; the files written."""
    home = data_home() if home is None else home
    written = []
    for path, content in planned_files(home).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, path)
        else:
            path.write_text(content, encoding="utf-8")
        written.append(path)
    refresh_caches(home)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote under ``home`` and refresh the caches; the files
    removed (those that were there)."""
    home = data_home() if home is None else home
    removed = []
    for path in planned_files(home):
        if path.is_file():
            path.unlink()
            removed.append(path)
    refresh_caches(home)
    return removed


def refresh_caches(home: Path) -> list[str]:
    """Run the desktop's cache tools that are installed; the names of those that ran."""
    tools = {
        "update-desktop-database": [str(home / "applications")],
        "update-mime-database": [str(home / "mime")],
        "gtk-update-icon-cache": ["-f", "-t", "-q", str(home / "icons" / "hicolor")],
    }
    ran = []
    for tool, args in tools.items():
        found = shutil.which(tool)
        if found and Path(args[-1]).is_dir():
            subprocess.run([found, *args], capture_output=True, timeout=60, check=False)
            ran.append(tool)
    return ran
