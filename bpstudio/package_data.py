"""The files BP Studio ships inside the package (``bpstudio/resources/``): the example networks,
the file format's schema, the application icon, the interface's translations and the user guide
with its pictures.

Found through :mod:`importlib.resources`, never through a path relative to a checkout, so an
installed wheel finds them as well as a working copy does. ``resources/docs`` is a link to the
repository's ``docs/`` (one copy of the guide); building the wheel copies what it points to.
The app is installed as files (pip unpacks every wheel), and Qt and the loaders want real
paths, so these functions return :class:`~pathlib.Path`.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

RESOURCES = "resources"


def resource_path(*parts: str) -> Path:
    """The shipped file or folder ``bpstudio/resources/<parts>`` (it need not exist)."""
    found = files("bpstudio").joinpath(RESOURCES)
    for part in parts:
        found = found.joinpath(part)
    return Path(str(found))


def examples_dir() -> Path:
    """The folder of the shipped example networks (``NAME.bpnet``)."""
    return resource_path("examples")


def schema_path() -> Path:
    """The JSON Schema of the ``.bpnet`` format."""
    return resource_path("bpnet.schema.json")


def icon_path(size: int | None = None) -> Path:
    """The application icon: the SVG drawing, or its PNG rendering ``size`` pixels square."""
    return resource_path("icons", "bpstudio.svg" if size is None else f"bpstudio-{size}.png")


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
"""The PNG renderings of the icon that are shipped (the freedesktop hicolor sizes)."""


def translation_path() -> Path:
    """The folder of the interface's translations (``bpstudio_<language>.qm`` and ``.ts``)."""
    return resource_path("i18n")


def guide_path() -> Path:
    """The user guide (Markdown; its pictures are in ``screenshots/`` next to it)."""
    return resource_path("docs", "guide.md")
