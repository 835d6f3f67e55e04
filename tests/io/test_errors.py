"""Bad files raise BPFileError saying what is wrong and where, before allocating anything."""

import json
import time
import tracemalloc
from collections import Counter

import pytest

from bpstudio.examples import EXAMPLES
from bpstudio.io import BPFileError, dumps, load, loads
from bpstudio.io import bpnet as bpnet_module
from bpstudio.io.fields import guard
from bpstudio.limits import MAX_FILE_BYTES

from .conftest import train
from .hostile import check_message, hostile_documents


@pytest.fixture(scope="module")
def doc():
    """points8, trained 3 epochs: a 2-4-1 network without biases (weights[0] is 2×4)."""
    return json.loads(dumps(train(EXAMPLES["points8"](), 3)))


def mutated(doc, change):
    copy = json.loads(json.dumps(doc))
    change(copy)
    return json.dumps(copy)


def error_of(text):
    with pytest.raises(BPFileError) as info:
        loads(text)
    return str(info.value)


def _set(path, value):
    def change(d):
        *parents, last = path
        for key in parents:
            d = d[key]
        d[last] = value
    return change


def _delete(path):
    def change(d):
        *parents, last = path
        for key in parents:
            d = d[key]
        del d[last]
    return change


CASES = [
    (_set(["network", "layers", 1, "activation"], "sigmod"),
     "network.layers[1].activation: unknown activation 'sigmod' (did you mean 'sigmoid'?)"),
    (lambda d: d["state"]["weights"][0].__setitem__(1, [0.1, 0.2, 0.3]),
     "state.weights[0]: expected 2×4 numbers, found 7"),
    (lambda d: d["state"]["weights"][0].__setitem__(1, [[0.1], 0.2, 0.3, 0.4]),
     "state.weights[0][1][0]: expected a finite number, got a list"),
    (_set(["state", "weights", 1], [[0.1], [0.2], [0.3], [0.4], [0.5]]),
     "state.weights[1]: expected 4×1 numbers, found 5"),
    (_set(["state", "biases"], [[0.0] * 4, [0.0]]),
     "state.biases: expected 0 vectors, found 2 (the network has no biases)"),
    (_set(["start"], {"weights": [[[0.1] * 4] * 2, [[0.2]] * 3], "biases": []}),
     "start.weights[1]: expected 4×1 numbers, found 3"),
    (_set(["start"], {"weights": [[[0.1] * 4] * 2, [[0.2]] * 4], "biases": [], "epoch": 0}),
     "start: unknown key 'epoch'"),
    (_set(["start"], {"weights": [[[0.1] * 4] * 2, [[1e999]] * 4], "biases": []}),
     "start.weights[1][0][0]: expected a finite number"),
    (_set(["format"], "something-else"), "format: expected 'bpstudio-network'"),
    (_set(["version"], 7),
     "version: made by a newer BP Studio (file version 7, this app reads up to 5)"),
    (_set(["version"], -1), "version: expected a whole number >= 0, got -1"),
    (_set(["version"], "1"), "version: expected a whole number >= 0, got the text '1'"),
    (_delete(["training"]), "missing key 'training'"),
    (_set(["colour"], "red"), "unknown key 'colour'"),
    (_set(["network", "layer"], []), "network: unknown key 'layer' (did you mean 'layers'?)"),
    (_set(["network", "inputs"], 3), "network.inputs: the data has 2 inputs but the network "
                                     "takes 3"),
    (_set(["network", "layers", 1, "size"], 2),
     "network.layers[1].size: the data needs 1 outputs but the output layer has 2"),
    (_set(["network", "layers", 0, "size"], -4),
     "network.layers[0].size: must be between 1 and 9223372036854775807, got -4"),
    (_set(["network", "layers", 0, "size"], 10**12),
     "network.layers: the network would have 3,000,000,000,000 parameters; BP Studio works "
     "with up to 1,000,000 (use fewer or smaller hidden layers)"),
    (_set(["network", "layers", 0, "size"], 900_000),
     "network.layers: the network would have 2,700,000 parameters; BP Studio works with up "
     "to 1,000,000"),
    (_set(["network", "layers", 0, "activation"], 3),
     "network.layers[0].activation: expected the name of an activation, got 3"),
    (_set(["network", "loss"], None), "network.loss: expected the name of a loss, got null"),
    (_set(["network", "layers", 0, "activation"], "softmax"),
     "network.layers[0].activation: 'softmax' is only allowed on the output layer"),
    (_set(["network", "bias"], "yes"), "network.bias: expected true or false"),
    (_set(["data", "params", "seed"], 1.5), "data.params.seed: a seed must be a whole number "
                                            "from 0 to 2**63 - 1"),
    (_set(["data", "generator"], "spiarl"), "unknown data generator 'spiarl' (did you mean "
                                            "'spiral'?)"),
    (_set(["data", "params", "noise"], 0.1), "data.params: unknown key 'noise'"),
    (_set(["data", "test_fraction"], 1.5), "data.test_fraction: must be a number in [0, 1)"),
    (_set(["standardizer"], {"mean": [0, 0], "scale": [1, 1]}),
     "standardizer: must be null when data.standardize is false"),
    (_set(["training", "learning_rate"], -1), "training.learning_rate: must be a finite number"),
    (_set(["training", "optimizer"], "adam"), "state.optimizer: the saved state is for 'sgd'"),
    (_set(["training", "batch_size"], 0), "training.batch_size: must be a whole number >= 1, or "
                                          "None (null in a file) for the whole training set"),
    (_set(["state", "epoch"], 2), "state.history.epoch[2]: must be between 0 and 2, got 3"),
    (_set(["state", "rng", "state"], 12), "state.rng.state: expected a whole number 0 <= n < "
                                          "2**128 written as a decimal string, got 12"),
    (_set(["state", "rng", "bit_generator"], "MT19937"), "unknown bit generator 'MT19937'"),
    (_set(["state", "optimizer", "lr"], 0), "state.optimizer.lr: must be a finite number > 0"),
    (_set(["state", "optimizer_state", "velocity"], [0.0] * 12),
     "state.optimizer_state: unknown key 'velocity'"),
    (_set(["state", "history", "train_loss"], [0.5, "x", 0.25]),
     "state.history.train_loss[1]: expected a number, null (not measured) or \"Infinity\""),
    (_set(["state", "history", "test_loss"], [None]),
     "state.history.test_loss: has 1 entries but epoch has 3"),
    (_set(["notes"], 12), "notes: expected text in quotes, got 12"),
    (_set(["created"], "yesterday"), "created: expected an ISO 8601 time"),
]


@pytest.mark.parametrize(("change", "message"), CASES, ids=[m[:40] for _, m in CASES])
def test_a_bad_field_is_named_with_the_fix(doc, change, message):
    assert message in error_of(mutated(doc, change))


def test_the_untouched_document_loads(doc):
    assert loads(json.dumps(doc)).epoch == 3


@pytest.mark.parametrize(("token", "where"), [
    ("NaN", "state.weights[0][0][1]: expected a finite number, got NaN (JSON has no NaN or "
            "Infinity)"),
    ("-Infinity", "got -Infinity"),
    ("1e999", "got 1e999 (too large for a float64)"),
    ("1" * 60, "got 111111111111111111111111… (60 characters) (whole numbers have at most 40 "
               "digits)"),
])
def test_non_finite_and_huge_numbers_are_refused_where_they_stand(doc, token, where):
    text = json.dumps(doc, indent=1)
    first = repr(doc["state"]["weights"][0][0][1])
    assert first in text
    assert where in error_of(text.replace(first, token, 1))


@pytest.mark.parametrize(("text", "message"), [
    ("", "line 1: not valid JSON (Expecting value at column 1)"),
    ('{"format": "bpstudio-network",\n "version": 1,\n oops}', "line 3: not valid JSON"),
    ("[1, 2]", "a .bpnet file holds one JSON object {...} at the top"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"format": "bpstudio-network", "format": "x"}', "duplicate key 'format'"),
    (b'{"format": "\xff"}', "byte 12: not valid UTF-8"),
    ('"\\ud800"', "a .bpnet file holds one JSON object"),
])
def test_what_is_not_json_says_where(text, message):
    assert message in error_of(text)


def test_a_lone_surrogate_in_the_notes_is_refused(doc):
    text = json.dumps({**doc, "notes": "\ud800"})
    assert "notes: contains an invalid character" in error_of(text)


def test_missing_file_and_folder_give_file_errors(tmp_path):
    for path in (tmp_path / "missing.bpnet", tmp_path):
        with pytest.raises(BPFileError, match="cannot read the file"):
            load(path)


@pytest.mark.parametrize(("over", "message"), [
    (2, "the file is 335,544,322 bytes; BP Studio opens files of up to 335,544,320 bytes"),
    (2**20 // 10, "the file is 320.1 MiB; BP Studio opens files of up to 320 MiB"),
    (44 * 2**20, "the file is 364.0 MiB; BP Studio opens files of up to 320 MiB"),
])
def test_files_over_the_size_limit_are_refused_before_reading(tmp_path, over, message):
    path = tmp_path / "big.bpnet"
    with path.open("wb") as stream:  # sparse: nothing is really written, or read
        stream.truncate(MAX_FILE_BYTES + over)
    tracemalloc.start()
    try:
        with pytest.raises(BPFileError) as info:
            load(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(info.value) == message
    assert peak < 2**20


def test_a_file_at_the_size_limit_is_read(tmp_path, monkeypatch, doc):
    path = tmp_path / "net.bpnet"
    path.write_text(json.dumps(doc))
    size = path.stat().st_size
    monkeypatch.setattr(bpnet_module, "MAX_FILE_BYTES", size)
    assert load(path).epoch == 3
    monkeypatch.setattr(bpnet_module, "MAX_FILE_BYTES", size - 1)
    with pytest.raises(BPFileError, match=f"the file is {size:,} bytes; BP Studio opens files "
                                          f"of up to {size - 1:,} bytes"):
        load(path)


BOMBS = {
    "layers": _set(["network", "layers"], [{"size": 10**6, "activation": "tanh"}] * 3
                   + [{"size": 1, "activation": "sigmoid"}]),
    "many layers": _set(["network", "layers"], [{"size": 1, "activation": "tanh"}] * 200),
    "samples": lambda d: d["data"].update(generator="sin", params={"n": 10**12}),
    "classes": lambda d: d["data"].update(generator="gaussians",
                                          params={"n": 90_000, "classes": 10**7}),
    "labels": lambda d: d["data"].update(
        table={"task": "classification", "X": [[0.0]], "y": [10**9]}, generator=None,
        params=None),
}


@pytest.mark.parametrize("name", list(BOMBS))
def test_a_small_file_cannot_ask_for_much_memory(doc, name):
    text = mutated(doc, BOMBS[name])
    assert len(text) < 100_000
    tracemalloc.start()
    try:
        with pytest.raises(BPFileError):
            loads(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 2**20


def test_hostile_text_anywhere_gives_one_short_clean_line():
    """Every example file with hostile text, numbers, nesting and lists in every position and
    as every key: what loads is fine (a title may hold anything), what is refused says so in
    one printable line of at most 1,000 characters."""
    outcomes, longest = Counter(), ""
    for what, text in hostile_documents():
        try:
            loads(text)
            outcomes["loaded"] += 1
        except BPFileError as exc:
            message = str(exc)
            try:
                check_message(message)
            except AssertionError as failure:
                raise AssertionError(f"{what}: {failure}") from None
            outcomes["refused"] += 1
            longest = max(longest, message, key=len)
    assert outcomes["refused"] > 10_000 and outcomes["loaded"] > 100, outcomes
    assert len(longest) < 400, longest


@pytest.mark.serial
@pytest.mark.parametrize("where", ["activation", "key", "generator", "param", "param value"])
def test_a_60_mb_name_costs_little(doc, where):
    """The closest-name suggestion used to compare the whole name: 2.5 GB and 11 s."""
    giant = "\u202e" + "x" * 60_000_000
    changes = {
        "activation": _set(["network", "layers", 0, "activation"], giant),
        "key": _set(["network", giant], 1),
        "generator": _set(["data", "generator"], giant),
        "param": _set(["data", "params", giant], 1),
        "param value": _set(["data", "params", "seed"], giant),
    }
    text = mutated(doc, changes[where])
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(BPFileError) as info:
            loads(text)
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    check_message(str(info.value))
    assert "(60,000,001 characters)" in str(info.value)
    assert peak < 3 * len(text) and elapsed < 3.0, (peak, elapsed)


@pytest.mark.parametrize(("key", "shown"), [
    ("\u001b[31mRED\nb", "'\\x1b[31mRED\\nb'"),
    ("\u202egnp.exe", "'\\u202egnp.exe'"),
    ("layers\ud800", "'layers\\ud800' (did you mean 'layers'?)"),
    ("x'y\r\n", '"x\'y\\r\\n"'),
])
def test_a_poisoned_key_is_quoted_escaped(doc, key, shown):
    message = error_of(mutated(doc, _set(["network", key], 1)))
    assert message == f"network: unknown key {shown}"


def test_invalid_json_names_the_column_once():
    assert error_of('{"title": "never closed') == (
        "line 1: not valid JSON (Unterminated string starting at column 11)"
    )
    assert "(Invalid control character at column 13)" in error_of('{"title": "a\x01"}')


def test_a_message_from_below_the_checks_is_bounded_on_one_line():
    with pytest.raises(BPFileError) as info, guard("data.params"):
        raise ValueError("could not convert string to float: '" + "x\n" * 100_000 + "'")
    message = str(info.value)
    check_message(message)
    assert message.startswith("data.params: could not convert string to float: 'x\\nx\\n")
    assert message.endswith("… (200,037 characters)")
