"""Pinned runs saved with the document (format version 5): exact round trips, the board's
choice of what is saved, and refusals that name where a file is wrong."""

import json
from dataclasses import replace

import numpy as np
import pytest

from bpstudio.experiments.pins import PinBoard
from bpstudio.io import BPFileError, dumps, load, loads
from bpstudio.limits import MAX_NAME_CHARS, MAX_PINNED_PARAMETERS, MAX_PINNED_RUNS
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, PinnedRun, Session, TrainingConfig

from .conftest import TIME, text_of, train


def _document() -> Session:
    return Session(
        network=NetworkSpec((LayerSpec(4, "tanh"),), "sigmoid", "binary_cross_entropy", seed=3),
        data=DataSpec("spiral", {"n": 40}, test_fraction=0.25, standardize=True),
        training=TrainingConfig(optimizer="adam", learning_rate=0.01, batch_size=8, seed=5),
    )


def _with_pins(document: Session) -> Session:
    a = train(document, 3)
    wider = replace(document, network=replace(document.network, hidden=(LayerSpec(6, "relu"),)))
    b = train(wider.starting_from(np.linspace(-1, 1, 25)), 2)
    return replace(document, pinned=(PinnedRun("baseline", a, 1.25),
                                     PinnedRun("wider ✓", b, 0.5, "baseline")))


def _doc(session: Session) -> dict:
    return json.loads(text_of(session))


def _loads(doc: dict) -> Session:
    return loads(json.dumps(doc))


def test_pinned_runs_round_trip_bit_for_bit():
    session = _with_pins(_document())
    loaded = loads(text_of(session))
    assert text_of(loaded) == text_of(session)
    for saved, back in zip(session.pinned, loaded.pinned, strict=True):
        assert (back.name, back.seconds, back.same_start_as) == (
            saved.name, saved.seconds, saved.same_start_as)
        assert back.session.data is loaded.data  # shared, never a table of its own
        assert back.session.network == saved.session.network
        assert back.session.training == saved.session.training
        assert back.session.state.parameters.tobytes() == saved.session.state.parameters.tobytes()
        for column in saved.session.history.COLUMNS:
            assert (np.array(getattr(back.session.history, column), float).tobytes()
                    == np.array(getattr(saved.session.history, column), float).tobytes())
    assert loaded.pinned[0].session.start is None
    assert loaded.pinned[1].session.start.tobytes() == session.pinned[1].session.start.tobytes()


def test_a_document_without_pins_writes_an_empty_section():
    assert _doc(_document())["pinned"] == []
    assert loads(text_of(_document())).pinned == ()


def test_the_writer_refuses_a_pin_of_other_data_or_untrained():
    document = _document()
    other = train(replace(document, data=replace(document.data, params={"n": 50})), 1)
    with pytest.raises(BPFileError, match=r"pinned\[0\]: trained on other data"):
        dumps(replace(document, pinned=(PinnedRun("a", other),)))
    with pytest.raises(BPFileError, match=r"pinned\[0\]: has not trained"):
        dumps(replace(document, pinned=(PinnedRun("a", document),)))


def test_the_board_saves_the_pins_of_the_live_data_within_the_totals():
    document = _document()
    board = PinBoard()
    board.pin(train(document, 1))
    board.pin(train(replace(document, data=replace(document.data, params={"n": 50})), 1))
    big = replace(document, network=replace(
        document.network, hidden=(LayerSpec(MAX_PINNED_PARAMETERS // 4, "tanh"),)))
    board.pin(big.with_state(big.build(check_memory=False).trainer.state()))  # untrained
    kept, left_out = board.saved(document, document.prepare_data())
    assert [pin.name for pin in kept] == ["run 1"]
    assert left_out == ["run 2", "run 3"]
    board.restore(loads(text_of(replace(document, pinned=kept))).pinned)
    assert board.names == ["run 1"]


@pytest.mark.parametrize(("change", "where", "why"), [
    (lambda d: d["pinned"].append(d["pinned"][0]), r"pinned\[2\]\.name", "already called"),
    (lambda d: d["pinned"][0].update(name=" "), r"pinned\[0\]\.name", "needs a name"),
    (lambda d: d["pinned"][0].update(name="x" * (MAX_NAME_CHARS + 1)), r"pinned\[0\]\.name",
     "at most"),
    (lambda d: d["pinned"][0]["parameters"].pop(), r"pinned\[0\]\.parameters", "expected 17"),
    (lambda d: d["pinned"][1].update(start=[0.5]), r"pinned\[1\]\.start", "expected 25"),
    (lambda d: d["pinned"][0]["parameters"].__setitem__(0, "1"),
     r"pinned\[0\]\.parameters\[0\]", ""),
    (lambda d: d["pinned"][0]["network"].update(inputs=3), r"pinned\[0\]\.network\.inputs",
     "the data has 2 inputs"),
    (lambda d: d["pinned"][0]["network"]["layers"][-1].update(size=2),
     r"pinned\[0\]\.network\.layers\[1\]\.size", "outputs"),
    (lambda d: d["pinned"][0].update(epoch=1), r"pinned\[0\]\.history\.epoch\[1\]", ""),
    (lambda d: d["pinned"][0].update(seconds=-1.0), r"pinned\[0\]\.seconds", ""),
    (lambda d: d["pinned"][0].update(extra=1), r"pinned\[0\]", "extra"),
    (lambda d: d["pinned"][0]["training"].update(learning_rate=-1),
     r"pinned\[0\]\.training", ""),
    (lambda d: d.update(pinned=[d["pinned"][0]] * (MAX_PINNED_RUNS + 1)), "pinned",
     "at most 8 pinned runs"),
    (lambda d: d.update(pinned={}), "pinned", "expected a list"),
])
def test_the_reader_refuses_with_the_path(change, where, why):
    doc = _doc(_with_pins(_document()))
    change(doc)
    with pytest.raises(BPFileError, match=where) as err:
        _loads(doc)
    assert why in str(err.value)


def test_the_totals_are_checked_before_the_weights_are_read():
    doc = _doc(_with_pins(_document()))
    hidden = MAX_PINNED_PARAMETERS // 3
    doc["pinned"][0]["network"]["layers"][0]["size"] = hidden  # 2 in, 1 out: 4h + 1
    with pytest.raises(BPFileError, match="pinned: at most 100,000 weights"):
        _loads(doc)


def test_a_version_4_document_opens_with_no_pins():
    doc = _doc(_document())
    del doc["pinned"]
    doc["version"] = 4
    assert _loads(doc).pinned == ()
    assert json.loads(dumps(_loads(doc), created=TIME, modified=TIME))["version"] == 5


def test_the_document_saves_the_pins_it_is_given_and_names_those_left_out(tmp_path):
    from bpstudio.document import Document, Opened

    session = _with_pins(_document())
    document = Document(Opened.prepare(session))
    assert document.session.pinned == () and len(document.pinned) == 2  # kept apart
    path = str(tmp_path / "a.bpnet")
    document.save(path)
    assert [run.name for run in load(path).pinned] == ["baseline", "wider ✓"]
    assert document.saved_message(path) == f"Saved {path} (epoch 0)"
    document.choose_pins = lambda live, data: (document.pinned[:1], ["wider ✓"])
    document.save(path)
    assert [run.name for run in load(path).pinned] == ["baseline"]
    assert document.saved_message(path).endswith("not saved: the pinned runs 'wider ✓' "
                                                 "(trained on other data, or past the limits "
                                                 "of a file)")


def test_info_lists_the_pinned_runs(tmp_path, capsys):
    """``bpstudio info`` names each pinned run with its epochs and last scores (JSON too)."""
    from bpstudio import cli
    from bpstudio.io import save

    path = tmp_path / "pins.bpnet"
    session = _with_pins(_document())
    save(path, session)
    assert cli.main(["info", str(path)]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("pinned")]
    assert len(rows) == 2
    assert rows[0].startswith("pinned    baseline: 3 epochs, train loss (epoch mean) ")
    assert rows[1].startswith("pinned    wider ✓: 2 epochs, ")
    assert rows[1].endswith(", same start as baseline")
    assert cli.main(["info", str(path), "--json"]) == 0
    pinned = json.loads(capsys.readouterr().out)["pinned"]
    assert [(p["name"], p["epochs"], p["same_start_as"]) for p in pinned] == [
        ("baseline", 3, None), ("wider ✓", 2, "baseline")]
    last = session.pinned[0].session.history.train_loss[-1]
    assert pinned[0]["last"]["train_loss"] == last
