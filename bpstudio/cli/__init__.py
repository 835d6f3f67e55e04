"""The ``bpstudio`` command: the desktop app, or headless work on ``.bpnet`` files.

``bpstudio`` opens the app, ``bpstudio FILE.bpnet`` opens an existing file in it; ``new``,
``train``, ``info`` and ``export`` work without a display. Exit codes: 0 success, 1 a bad file
or data (one line on stderr, no traceback), 2 a usage error, 130 interrupted by Ctrl-C.

Every flag is bounded by :mod:`bpstudio.limits`, so nothing the command line makes is refused
when it is opened again. Every line printed is one line: text from a file or the command line
is escaped (a terminal never sees its control characters) and long messages are shortened.

:mod:`.entry` runs a command line, :mod:`.parser` defines every command and flag,
:mod:`.flags` reads the flags' words, :mod:`.output` prints; each command is one module
(:mod:`.new`, :mod:`.train`, :mod:`.info`, :mod:`.export`).
"""

from .entry import main

__all__ = ["main"]
