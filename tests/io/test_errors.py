"""Bad files raise BPFileError saying what is wrong and where, before allocating anything."""

import json
import tracemalloc

import pytest

from bpstudio.examples import EXAMPLES
from bpstudio.io import BPFileError, dumps, load, loads
from bpstudio.io import bpnet as bpnet_module

from .conftest import train


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
     "version: made by a newer BP Studio (file version 7, this app reads up to 3)"),
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
     "network.layers[0].size: must be between 1 and 1000000, got -4"),
    (_set(["network", "layers", 0, "size"], 10**12),
     "network.layers[0].size: must be between 1 and 1000000"),
    (_set(["network", "layers", 0, "size"], 900_000),
     "network.layers: the network would have 2,700,000 parameters; BP Studio opens networks "
     "of up to 1,000,000"),
    (_set(["network", "layers", 0, "activation"], "softmax"),
     "network.layers[0].activation: 'softmax' is only allowed on the output layer"),
    (_set(["network", "bias"], "yes"), "network.bias: expected true or false"),
    (_set(["data", "params", "seed"], 1.5), "data.params.seed: must be a whole number"),
    (_set(["data", "generator"], "spiarl"), "unknown data generator 'spiarl' (did you mean "
                                            "'spiral'?)"),
    (_set(["data", "params", "noise"], 0.1), "data.params: unknown key 'noise'"),
    (_set(["data", "test_fraction"], 1.5), "data.test_fraction: must be a number in [0, 1)"),
    (_set(["standardizer"], {"mean": [0, 0], "scale": [1, 1]}),
     "standardizer: must be null when data.standardize is false"),
    (_set(["training", "learning_rate"], -1), "training.learning_rate: must be a finite number"),
    (_set(["training", "optimizer"], "adam"), "state.optimizer: the saved state is for 'sgd'"),
    (_set(["training", "batch_size"], 0), "training.batch_size: must be between 1 and"),
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
    ("1e999", "got 1e999"),
    ("1" * 60, "got 11111111111111111111…(60 characters)"),
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


def test_files_over_the_size_limit_are_refused_before_reading(tmp_path, monkeypatch, doc):
    path = tmp_path / "big.bpnet"
    path.write_text(json.dumps(doc))
    monkeypatch.setattr(bpnet_module, "MAX_FILE_BYTES", 1000)
    with pytest.raises(BPFileError, match=r"MiB; BP Studio opens files of up to 0 MiB"):
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
