"""The one exception every problem with a file raises."""

from __future__ import annotations


class BPFileError(ValueError):
    """A file could not be read or written; the message says what and where.

    Messages start with where the problem is (``line 12``, ``network.layers[1].activation``,
    ``state.weights[0]``) and say what is wrong, so the GUI can show them and the command
    line can print them as one line.
    """
