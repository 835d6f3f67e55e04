"""How much a file may ask for: checked before anything is allocated (docs/file-format.md)."""

MAX_FILE_BYTES = 64 * 2**20
"""Larger files are refused before they are read."""

MAX_PARAMETERS = 1_000_000
"""Weights plus biases of one network (8 MB per float64 copy)."""

MAX_LAYERS = 100
"""Weight layers of one network."""

MAX_SAMPLES = 100_000
"""Rows of embedded data, and the ``n`` a data generator may be asked for."""

MAX_CLASSES = 1000
"""Classes of a classification problem (one output neuron each)."""
