"""How big anything in BP Studio may be: one table for everything that creates, changes,
writes or reads a session.

The designer's widget ranges, the command line's flags, the session's own checks, training
and the ``.bpnet`` reader all take their numbers from here, so nothing can be made that
cannot be opened again. docs/file-format.md#limits lists them for people. Nothing here
imports anything: every layer may use it.
"""

MAX_FILE_BYTES = 320 * 2**20
"""Larger ``.bpnet`` files are refused before they are read. Every session the limits below
allow fits (``tests/io`` checks the worst case), so a save never meets this limit. (It was
256 MiB until early stopping's best weights, a third copy of the parameters, joined the
state in format version 4: the worst case grew from 255 MiB to 296 MiB.)"""

MAX_PARAMETERS = 1_000_000
"""Weights plus biases of one network (8 MB per float64 copy)."""

MAX_LAYERS = 100
"""Weight layers of one network (hidden layers + the output layer)."""

MAX_SAMPLES = 100_000
"""Rows of data: embedded rows, and the ``n`` a data generator may be asked for."""

MAX_CLASSES = 1000
"""Classes of a classification problem (one output neuron each)."""

MAX_DATA_VALUES = 20_000_000
"""Samples × (inputs + outputs) that training holds in memory (160 MB as float64): 100,000
samples of 1,000 one-hot classes would need 800 MB for the targets alone."""

MAX_TABLE_VALUES = 2_000_000
"""Numbers of embedded rows (inputs and targets) a file holds."""

MAX_EPOCHS = 1_000_000_000
"""Epochs a session may reach, and the largest epoch limit."""

MAX_HISTORY_ROWS = 100_000
"""Rows the history keeps; beyond them it keeps every 2nd, then 4th, ... epoch (and always
the latest), so a run of any length saves in a file of bounded size."""

MAX_STEPS = MAX_EPOCHS * MAX_SAMPLES
"""Optimizer updates (Adam's step count): epochs × mini-batches per epoch."""

MAX_SEED = 2**63 - 1
"""Seeds of data, weights, split and shuffling."""

MAX_SECONDS = 1_000_000_000
"""The longest time limit of training (about 31 years), and the most seconds a state counts."""

MAX_TITLE_CHARS = 1000
"""A session's title (one line)."""

MAX_NOTES_CHARS = 100_000
"""A session's notes."""

MAX_CSV_BYTES = 64 * 2**20
"""Larger CSV files are refused from their size, before they are read. The most numbers an
import may keep (``MAX_TABLE_VALUES``), written with all 17 digits, take about 50 MB."""

MAX_CSV_CELLS = 10_000_000
"""Cells (rows × columns) of a CSV file that an import reads; more is refused while reading,
so a file of many short cells cannot fill the memory (about 9 bytes are kept per cell)."""

MAX_NAME_CHARS = 100
"""A name that embedded rows keep: a class's, an input column's or a target column's (a CSV
import cuts longer header names; the legend and the messages show names)."""

MAX_COLUMN_NAMES = 10_000
"""Named columns (inputs and targets) of embedded rows: a table with more columns keeps no
column names. With MAX_CLASSES class names, every name at its longest, the names add at
most about 6.6 MB to a file (``tests/io`` checks the worst case)."""

MAX_SWEEP_SETTINGS = 2
"""Settings a sweep varies at once: a curve over one, a grid over two."""

MAX_SWEEP_VALUES = 1000
"""Values one setting of a sweep takes (a list, or the points of a range)."""

MAX_SWEEP_SEEDS = 1000
"""Seeds per point of a sweep (each point trains this many runs)."""

MAX_SWEEP_RUNS = 10_000
"""Runs of one sweep (values × values × seeds): its results table stays small enough to
read, plot and keep in memory."""

MAX_SWEEP_PARAMETERS = 20_000_000
"""Weights and biases of all the runs of a sweep together: every run's final state is kept
(weights, and Adam's two moments: 480 MB as float64), so that any run can be opened as a
document and trained on."""

MAX_SWEEP_JOBS = 1024
"""Worker processes a sweep starts on this machine (``bpstudio sweep --jobs``)."""

MAX_SWEEP_EPOCHS = 100_000
"""Epochs each run of a sweep trains: at most one history row each (``MAX_HISTORY_ROWS``),
so a run's best epoch is always in its history."""

MAX_PINNED_RUNS = 8
"""Runs pinned beside the live one for comparison: their curves stay readable in one plot,
and each keeps its weights and history in memory (and in the document's file)."""

MAX_PINNED_PARAMETERS = 100_000
"""Weights and biases of all pinned runs saved with a document, together (a run's start, when
it was given, counts again). With the pinned runs' history rows, at most
``MAX_HISTORY_ROWS`` together, this keeps the largest file under ``MAX_FILE_BYTES``; pinned
runs beyond either total stay in the window but are not saved."""
