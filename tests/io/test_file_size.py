"""Every session the limits allow fits in a file BP Studio opens: MAX_FILE_BYTES is never met.

The largest file is bounded analytically from the encoder's layout: each number that grows
with a limit costs at most its longest text plus what stands around it, and everything else
(names, settings, up to MAX_LAYERS layer entries, the random generator) is a bounded
skeleton. The costs are then checked against real encodings of small sessions built to be
worst case item by item (the longest float texts, one number per row), so the formula cannot
drift from the encoder without a test failing.
"""

import dataclasses

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpstudio.core import History, TrainerState
from bpstudio.core.schedules import PlateauState, Schedule
from bpstudio.core.stopping import EarlyStopState, StopRules
from bpstudio.io import dumps, loads
from bpstudio.limits import (
    MAX_CLASSES,
    MAX_COLUMN_NAMES,
    MAX_EPOCHS,
    MAX_FILE_BYTES,
    MAX_HISTORY_ROWS,
    MAX_LAYERS,
    MAX_NAME_CHARS,
    MAX_NOTES_CHARS,
    MAX_PARAMETERS,
    MAX_PINNED_PARAMETERS,
    MAX_PINNED_RUNS,
    MAX_SECONDS,
    MAX_STEPS,
    MAX_TABLE_VALUES,
    MAX_TITLE_CHARS,
)
from bpstudio.session import (
    DataSpec,
    LayerSpec,
    NetworkSpec,
    PinnedRun,
    Session,
    Table,
    TrainingConfig,
)

from .conftest import TIME

LONGEST_FLOAT = -1.2345678901234567e-300
POSITIVE = 1.2345678901234567e-300
FLOAT = 24
"""The longest ``repr`` of a float64: sign, 17 digits, point, ``e-308``."""
ITEM = FLOAT + len(", ")
"""A number in a one-line list (Adam's moments, the standardizer, a history column)."""
ROW = len(" " * 8 + "[") + FLOAT + len("],\n")
"""A number alone on its row, four levels deep (a weight matrix, rows of embedded data)."""
DEEP_ROW = len("    ") + ROW
"""A number alone on its row six levels deep (early stopping's best weights)."""
EPOCH_ITEM = len(str(MAX_EPOCHS)) + len(", ")
CHAR = len("\\u0001")
"""The most bytes one character of the title or notes takes (a control character)."""
NAME = MAX_NAME_CHARS * CHAR + len('"", ')
"""A class's or column's name of embedded rows, at its longest, in a one-line list."""
SKELETON = 64 * 1024
"""Everything else: keys, settings, up to MAX_LAYERS layer entries, the generator state."""
PIN_SKELETON = 16 * 1024
"""A pinned run's keys, names, settings and up to MAX_LAYERS layer entries."""
HISTORY_ROW = EPOCH_ITEM + 5 * ITEM
"""An epoch, four measures and the learning rate."""


def pinned_bound(runs: int, parameters: int, history_rows: int) -> int:
    """The most bytes the pinned runs take: their weights and starts are one-line lists."""
    return runs * PIN_SKELETON + parameters * ITEM + history_rows * HISTORY_ROW


def bound(parameters: int, inputs: int, table_values: int, history_rows: int, chars: int,
          names: int = 0) -> int:
    """The most bytes a file can take with these counts, without pinned runs."""
    return (SKELETON
            + parameters * (2 * ROW + DEEP_ROW + 2 * ITEM)  # state, start, best; Adam's m, v
            + inputs * 2 * ITEM  # the standardizer's mean and scale
            + table_values * ROW
            + history_rows * HISTORY_ROW
            + chars * CHAR
            + names * NAME)


def test_the_worst_case_every_limit_allows_at_once_fits():
    inputs = min(MAX_PARAMETERS, MAX_TABLE_VALUES)  # each input has a weight and a column
    worst = bound(MAX_PARAMETERS, inputs, MAX_TABLE_VALUES, MAX_HISTORY_ROWS,
                  MAX_TITLE_CHARS + MAX_NOTES_CHARS, MAX_CLASSES + MAX_COLUMN_NAMES)
    worst += pinned_bound(MAX_PINNED_RUNS, MAX_PINNED_PARAMETERS, MAX_HISTORY_ROWS)
    assert worst <= MAX_FILE_BYTES, f"{worst:,} bytes > {MAX_FILE_BYTES:,}"


# -- the costs, against real encodings ----------------------------------------------------


def worst_session(inputs=1, rows=2, history=0, chars=0, hidden=(), standardize=False,
                  data=None, names=False):
    """A trained-looking Adam session whose every number has the longest text: ``inputs``
    columns and ``rows`` rows of embedded data (half of them to test; with ``names``, each
    column has a name of the most bytes), a network of one-number rows, a plateau schedule's
    state and early stopping's best weights."""
    if data is None:
        X = np.full((rows, inputs), LONGEST_FLOAT)
        longest = ("\x01" * MAX_NAME_CHARS,) if names else ()
        data = DataSpec("table", table=Table(X, X[:, :1].copy(), "regression",
                                             input_names=longest * inputs, target_names=longest),
                        standardize=standardize, test_fraction=0.5)  # early stopping tests
    session = Session(
        NetworkSpec(tuple(LayerSpec(1, a) for a in hidden), "identity", "mse",
                    bias=bool(hidden)),
        data, TrainingConfig("adam", learning_rate=0.001, schedule=Schedule("plateau"),
                             stopping=StopRules(patience=MAX_EPOCHS, restore_best=True)),
        title="\x01" * min(chars, 5), notes="\x01" * max(chars - 5, 0),
    )
    state = session.build().trainer.state()
    n = state.parameters.size
    values = np.full(n, LONGEST_FLOAT)
    epochs = MAX_EPOCHS
    state = TrainerState(
        values, state.optimizer, {"t": MAX_STEPS, "m": values.copy(), "v": values.copy()},
        state.rng_state, epochs,
        History([epochs] * history, *([[LONGEST_FLOAT] * history] * 4), [POSITIVE] * history),
        plateau=PlateauState(POSITIVE, MAX_EPOCHS, POSITIVE),
        early_stop=EarlyStopState(POSITIVE, MAX_EPOCHS, MAX_EPOCHS, values.copy()),
        seconds=float(MAX_SECONDS),
    )
    return dataclasses.replace(session, state=state, start=values.copy())


def size(session):
    text = dumps(session, created=TIME, modified=TIME)
    assert loads(text) is not None  # a file that opens
    return len(text.encode("utf-8"))


def test_the_longest_float_text():
    assert len(repr(LONGEST_FLOAT)) == FLOAT
    assert len(repr(-2.2250738585072014e-308)) == FLOAT


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_no_float_is_written_longer(x):
    assert len(float.__repr__(x)) <= FLOAT


K = 40


def test_each_parameter_costs_three_rows_and_two_items():
    # k inputs in two rows of data: k weights of one number per row, Adam's m and v, start,
    # the best weights, and the rows of data (2k one-line items)
    grown = size(worst_session(inputs=2 * K)) - size(worst_session(inputs=K))
    assert grown == K * (2 * ROW + DEEP_ROW + 2 * ITEM + 2 * ITEM)


def test_each_input_costs_two_items_of_the_standardizer():
    grown = (size(worst_session(inputs=2 * K, standardize=True))
             - size(worst_session(inputs=K, standardize=True)))
    # one row of training data: the mean is the value itself, the scale 1.0 (at most an item)
    assert grown == K * (2 * ROW + DEEP_ROW + 2 * ITEM + 2 * ITEM) + K * (ITEM + len("1.0, "))


def test_each_value_of_embedded_rows_costs_a_row():
    grown = size(worst_session(rows=2 * K)) - size(worst_session(rows=K))
    assert grown == K * 2 * ROW  # a row of X and a row of y, one number each


def test_each_name_costs_its_longest_escapes_in_a_list():
    def grown(names):
        return size(worst_session(inputs=2 * K, names=names)) - size(worst_session(inputs=K,
                                                                                  names=names))
    assert grown(True) - grown(False) == K * NAME


def test_each_history_row_costs_an_epoch_and_five_numbers():
    grown = size(worst_session(history=2 * K)) - size(worst_session(history=K))
    # a learning rate is positive: its longest text has no sign, one byte less than ITEM
    assert grown == K * (EPOCH_ITEM + 4 * ITEM + ITEM - len("-"))


def test_each_character_of_title_and_notes_costs_at_most_an_escape():
    grown = size(worst_session(chars=2 * K)) - size(worst_session(chars=K))
    assert grown == K * CHAR
    assert all(len(dumps(Session(notes=c)).encode()) - len(dumps(Session()).encode()) <= CHAR
               for c in ("\x00", "\x1f", "\x7f", "\u2028", "\U0001f600", '"', "\\"))


@pytest.mark.parametrize("data", [None, DataSpec("spiral", {"classes": 3}, standardize=True,
                                                  test_fraction=0.5)])
def test_the_rest_is_a_bounded_skeleton(data):
    hidden = ("leaky_relu",) * (MAX_LAYERS - 1)  # the longest name, on every layer there can be
    session = worst_session(hidden=hidden, data=data, history=3, chars=10)
    inputs = session.prepare_data().n_inputs
    table = 0 if data is not None else 2 * (inputs + 1)
    counted = bound(session.state.parameters.size, inputs, table, 3, 10) - SKELETON
    assert size(session) <= counted + SKELETON


# -- pinned runs ----------------------------------------------------------------------------


def with_pin(session):
    """``session`` with itself pinned under a name of the most bytes, its weights given."""
    longest = "\x01" * MAX_NAME_CHARS
    pinned = dataclasses.replace(session, pinned=())
    return dataclasses.replace(session, pinned=(
        PinnedRun(longest, pinned, float(MAX_SECONDS), longest),))


def pin_cost(session):
    return size(with_pin(session)) - size(session)


def test_each_pinned_weight_costs_two_items():
    grown = pin_cost(worst_session(inputs=2 * K)) - pin_cost(worst_session(inputs=K))
    assert grown == K * 2 * ITEM  # its final weights and its start, one-line lists


def test_each_pinned_history_row_costs_a_history_row():
    grown = pin_cost(worst_session(history=2 * K)) - pin_cost(worst_session(history=K))
    assert grown == K * (HISTORY_ROW - len("-"))  # a positive learning rate


def test_the_rest_of_a_pinned_run_is_a_bounded_skeleton():
    session = worst_session(hidden=("leaky_relu",) * (MAX_LAYERS - 1), history=3)
    n = session.state.parameters.size
    assert pin_cost(session) <= pinned_bound(1, 2 * n, 3)
