"""Fuzz: damaged and hostile files either load into a valid session or raise BPFileError,
and cost little either way.

Bases: sessions trained a few epochs and every example file the app ships
(resources/examples/*.bpnet). Damage: truncation at every length class, byte flips and cuts,
wrong types, missing and extra keys, huge numbers, NaN/Infinity tokens, deep nesting, shapes
that disagree, negative and enormous layer sizes, wrong versions, and the hostile values of
``hostile.py`` (giant text, terminal escapes, control characters, bidi overrides, lone
surrogates, huge numbers, long lists, giant keys) put anywhere, alone or with other damage.

Nothing but BPFileError may escape (pytest turns a NumPy RuntimeWarning into an error too),
every refusal is one printable line of at most 1,000 characters, no document takes more than
:data:`SECONDS` to load, and loading holds no more memory than :func:`memory_budget` (the
tracemalloc peak; it catches a cost that grows faster than the document, such as difflib on
a giant name).

CI runs one round (about 5,000 documents, a few seconds) and measures memory on every
:data:`MEMORY_EVERY`-th document. A long run draws new damage round after round with other
seeds and measures memory on every document::

    BPSTUDIO_FUZZ_ROUNDS=40 .venv/bin/python -m pytest tests/io/test_fuzz.py -s

It prints how many documents it tried and what became of them.
"""

import contextlib
import copy
import functools
import json
import os
import random
import time
import tracemalloc
from collections import Counter

import pytest

from bpstudio.examples import EXAMPLES
from bpstudio.io import BPFileError, dumps, loads

from .conftest import moons_session, table_session, train
from .hostile import (
    HOSTILE_TEXT,
    SLOT,
    check_message,
    example_texts,
    fill,
    json_texts,
    parent_of,
    paths,
)

ROUNDS = int(os.environ.get("BPSTUDIO_FUZZ_ROUNDS", "1"))
"""Rounds of damage; each round uses another seed. 1 in CI."""
MEMORY_EVERY = 1 if ROUNDS > 1 else 7
"""Loading is measured with tracemalloc (several times slower) on every n-th document."""
SECONDS = 2.0
"""The longest one document may take to load (or be refused)."""
GIANT = "sigmoid" * 150_000
"""Text of a megabyte: a cost that grows faster than it (difflib: 36 bytes a character) shows
above everything else loading holds."""


def slot_texts():
    """What each slot stands for: the hostile values of ``hostile.py``, then :data:`GIANT`."""
    return [*json_texts(), json.dumps(GIANT)]


HOSTILE_SLOTS = len(slot_texts())
TEXT_SLOTS = [*range(len(HOSTILE_TEXT)), HOSTILE_SLOTS - 1]
CASES_PER_KIND = 40
DEEP = "__DEEP__"
EVIL = [
    None, True, False, 0, -1, 1, 2, 3, 2**31, 2**63, -(2**63) - 1, 10**30, 10**400, 0.5, -0.0,
    1e308, 5e-324, float("nan"), float("inf"), float("-inf"), "", "x", "sigmoid", "NaN",
    "Infinity", "1", [], [1], [[1.0]], [None], {}, {"a": 1}, "é" * 5000, [0.0] * 500, DEEP,
]
SIZES = [-1, 0, 1, 2, 7, 1000, 10**6, 10**9, 10**18, 2**64, 10**40, -(10**40)]


def evil(rng):
    """A fresh copy of one of :data:`EVIL`: later damage may change it in place, and a shared
    list changed in place could come to hold itself."""
    return copy.deepcopy(rng.choice(EVIL))


@functools.cache
def bases():
    """The text of each base document: trained sessions and the shipped example files."""
    trained = [
        train(moons_session("adam"), 3),
        train(table_session(), 2),
        train(EXAMPLES["points8"](), 2),
    ]
    return [dumps(session) for session in trained] + list(example_texts().values())


def memory_budget(data):
    """What loading ``data`` may hold at once: the parsed text (at most 4 bytes a character)
    and a little more, never a cost that grows faster than the document (measured: at most
    2.1 MB for documents of 2.1 MB, at most 1.2 MB for any under 1 MB)."""
    return 4 * 2**20 + 4 * len(data)


def render(doc, rng, texts):
    text = json.dumps(doc, indent=rng.choice([None, 1]), ensure_ascii=rng.random() < 0.5)
    depth = rng.choice([50, 900, 5000, 100_000])
    return fill(text.replace(json.dumps(DEEP), "[" * depth + "]" * depth), texts)


def set_value(doc, rng, value=None):
    path = rng.choice(list(paths(doc)))
    parent, key = parent_of(doc, path)
    parent[key] = evil(rng) if value is None else value


def delete_key(doc, rng):
    keyed = [p for p in paths(doc) if isinstance(p[-1], str)]
    parent, key = parent_of(doc, rng.choice(keyed))
    del parent[key]


def extra_key(doc, rng):
    objects = [doc] + [parent_of(doc, p)[0][p[-1]] for p in paths(doc)]
    objects = [o for o in objects if isinstance(o, dict)]
    rng.choice(objects)[rng.choice(["extra", "weights", "version", "n", "size"])] = \
        evil(rng)


def reshape_list(doc, rng):
    lists = [p for p in paths(doc) if isinstance(parent_of(doc, p)[0][p[-1]], list)]
    parent, key = parent_of(doc, rng.choice(lists))
    items = parent[key]
    action = rng.choice(["drop", "dup", "clear", "wrap"])
    if action == "drop" and items:
        items.pop(rng.randrange(len(items)))
    elif action == "dup" and items:
        items.append(items[rng.randrange(len(items))])
    elif action == "clear":
        items.clear()
    else:
        parent[key] = [items]


def layer_size(doc, rng):
    layers = doc["network"]["layers"]
    rng.choice(layers)["size"] = rng.choice(SIZES)
    if rng.random() < 0.3:
        doc["network"]["inputs"] = rng.choice(SIZES)


def version(doc, rng):
    doc["version"] = rng.choice([-1, 0, 2, 99, 10**40, "1", 1.0, None, True])


def hostile_value(doc, rng):
    """A hostile value (giant or poisoned text, a huge number, a long list, a deep nesting, a
    bad number token) anywhere."""
    set_value(doc, rng, SLOT.format(rng.randrange(HOSTILE_SLOTS)))


def hostile_key(doc, rng):
    """A key renamed to hostile text, or a hostile key added to an object."""
    keyed = [p for p in paths(doc) if isinstance(p[-1], str)]
    parent, key = parent_of(doc, rng.choice(keyed))
    hostile = SLOT.format(rng.choice(TEXT_SLOTS))
    parent[hostile] = parent.pop(key) if rng.random() < 0.7 else evil(rng)


def swap_values(doc, rng):
    all_paths = list(paths(doc))
    (pa, ka), (pb, kb) = (parent_of(doc, rng.choice(all_paths)) for _ in range(2))
    pa[ka], pb[kb] = json.loads(json.dumps(pb[kb])), json.loads(json.dumps(pa[ka]))


STRUCTURAL = [set_value, delete_key, extra_key, reshape_list, layer_size, version, swap_values,
              hostile_value, hostile_key]


def truncate(text, rng):
    n = len(text)
    cut = rng.choice([0, 1, rng.randrange(2, 12), rng.randrange(n), n - rng.randrange(1, 12)])
    return text.encode()[:cut]


def flip_bytes(text, rng):
    data = bytearray(text.encode())
    for _ in range(rng.randint(1, 4)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def flip_digits(text, rng):
    """Byte flips where they are most often still JSON: inside numbers."""
    data = bytearray(text.encode())
    digits = [i for i, c in enumerate(data) if chr(c).isdigit()]
    for _ in range(rng.randint(1, 3)):
        data[rng.choice(digits)] = ord(rng.choice("0123456789-.eE+"))
    return bytes(data)


def cut_bytes(text, rng):
    data = text.encode()
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 40):]


def bad_tokens(text, rng):
    numbers = [i for i in range(1, len(text)) if text[i].isdigit() and text[i - 1] in " [-"]
    i = rng.choice(numbers)
    end = i
    while end < len(text) and text[end] in "0123456789.eE+-":
        end += 1
    token = rng.choice(["NaN", "Infinity", "-Infinity", "1e999", "-1e400", "9" * 500, "1" * 41,
                        "true", "null", '"0.5"', "0.5.5", "1e"])
    return text[:i] + token + text[end:]


TEXTUAL = [truncate, flip_bytes, flip_digits, cut_bytes, bad_tokens]


def cases(rng, texts):
    for text in bases():
        doc = json.loads(text)
        for mutate in TEXTUAL:
            for _ in range(CASES_PER_KIND):
                yield mutate.__name__, mutate(text, rng)
        for mutate in STRUCTURAL:
            for _ in range(CASES_PER_KIND):
                changed = json.loads(text)
                for step in [mutate, *rng.sample(STRUCTURAL, rng.choice([0, 0, 0, 1, 2]))]:
                    with contextlib.suppress(LookupError, TypeError, ValueError):
                        step(changed, rng)  # an earlier step may have removed what this one needs
                yield mutate.__name__, render(changed, rng, texts)
        yield "untouched", render(doc, rng, texts)


def outcome(data, measure):
    """``("refused" or "loaded", the tracemalloc peak of loading or 0)``."""
    if measure:
        tracemalloc.start()
    try:
        session = loads(data)
    except BPFileError as exc:
        check_message(str(exc))
        return "refused", _peak(measure)
    peak = _peak(measure)
    # what loads is a valid session: it builds, and saving it reads back the same
    again = dumps(session, created="2026-01-01T00:00:00Z", modified="2026-01-01T00:00:00Z")
    assert dumps(loads(again), created="2026-01-01T00:00:00Z",
                 modified="2026-01-01T00:00:00Z") == again
    session.build()
    return "loaded", peak


def _peak(measure):
    if not measure:
        return 0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


@pytest.mark.timeout(150 * ROUNDS)
def test_damaged_files_load_or_raise_bpfileerror_only():
    texts = slot_texts()
    results, slowest, heaviest, total, measured = Counter(), (0.0, ""), (0.0, ""), 0, 0
    for round_ in range(ROUNDS):
        rng = random.Random(20261127 + round_)
        for kind, data in cases(rng, texts):
            measure = total % MEMORY_EVERY == 0
            start = time.perf_counter()
            try:
                result, peak = outcome(data, measure)
            except Exception as exc:  # report the case that escaped
                tracemalloc.stop()
                shown = data[:300] if isinstance(data, bytes) else data[:300].encode()
                raise AssertionError(f"{kind}: {type(exc).__name__}: {exc}\n{shown!r}") from exc
            slowest = max(slowest, (time.perf_counter() - start, kind))
            heaviest = max(heaviest, (peak / memory_budget(data), kind))
            results[kind, result] += 1
            total += 1
            measured += measure
    refused = sum(n for (_, result), n in results.items() if result == "refused")
    loaded = total - refused
    if ROUNDS > 1:
        print(f"\nfuzz: {total:,} documents in {ROUNDS} rounds, {refused:,} refused with "
              f"BPFileError, {loaded:,} loaded; slowest {slowest[0]:.3f} s ({slowest[1]}); "
              f"memory measured on {measured:,}, the heaviest at {heaviest[0]:.0%} of its "
              f"budget ({heaviest[1]})")
    assert total >= 5000 * ROUNDS
    assert slowest[0] < SECONDS, slowest
    assert heaviest[0] <= 1.0, heaviest
    assert refused > total // 2 and loaded > 100 * ROUNDS, results
    assert results["untouched", "loaded"] == len(bases()) * ROUNDS
