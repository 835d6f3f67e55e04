"""Files: ``.bpnet`` sessions (strict JSON), and exports of weights and history.

No Qt here. ``save``/``load`` are what the GUI and the command line use; ``dumps``/``loads``
do the same on text. Every problem with a file raises :class:`BPFileError`.
"""

from ..limits import MAX_FILE_BYTES, MAX_PARAMETERS
from .bpnet import FileInfo, dumps, load, load_info, loads, save
from .errors import BPFileError
from .migrations import FORMAT, VERSION

__all__ = [
    "FORMAT",
    "MAX_FILE_BYTES",
    "MAX_PARAMETERS",
    "VERSION",
    "BPFileError",
    "FileInfo",
    "dumps",
    "load",
    "load_info",
    "loads",
    "save",
]
