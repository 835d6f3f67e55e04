"""Hostile documents built from the real example files: every position of each example given
giant or poisoned text, huge numbers, deep nesting and long lists, and every key replaced or
joined by a hostile one. Used by test_errors (messages stay one short, clean line) and
test_fuzz (only BPFileError escapes, at little cost).
"""

import inspect
import json
import re
from collections.abc import Iterator

from bpstudio.core.datasets import GENERATORS
from bpstudio.package_data import examples_dir

EXAMPLES_DIR = examples_dir()
GIANT_CHARS = 100_000
"""Far past every bound on shown text, yet cheap enough to try a few thousand times."""

POISON = "\u001b[31mRED\nb"
HOSTILE_TEXT = [
    "x" * GIANT_CHARS,
    "sigmoid" * (GIANT_CHARS // 7),             # close to a valid name, but giant
    POISON,
    POISON * (GIANT_CHARS // len(POISON)),     # giant and poisoned: cut, then escaped
    "".join(map(chr, range(32))) + "\x7f\x85\xa0\u2028\u2029\ufeff",
    "\u202egnp.exe\u202c \u2066rtl\u2069 \u200f\u200b",   # bidi overrides, zero width
    "\ud800 lone \udfff surrogates",
    "sigmod\r\nInjected: line",
    "tanh" + "\u0301" * 5000,                  # one letter under 5,000 combining accents
    "\U000f0000" * 1000,                       # private use: each escapes to 10 characters
]
HOSTILE_VALUES = [
    *HOSTILE_TEXT,
    10**39, -(10**39), 1e308, -1e308, 5e-324, 2.0**1023,
    [0.5] * 20_000,
    ["x" * 1000] * 1000,
    {POISON: POISON},
]
HOSTILE_TOKENS = ["9" * 100_000, "-" + "1" * 5000, "1e999", "-1e400", "NaN", "-Infinity",
                  "1" + "0" * 400 + ".5"]
"""Raw number tokens that json cannot hold as a Python value (kept as BadNumber)."""
SLOT = "__HOSTILE_{}__"
_SLOTS = re.compile(r'"__HOSTILE_(\d+)__"')
"""Stands for a hostile value in a document until it is rendered: the document stays small to
copy, and each giant value is written as JSON once."""


def example_texts() -> dict[str, str]:
    """The text of each example file shipped with the app, and of one with pinned runs."""
    texts = {path.stem: path.read_text("utf-8") for path in sorted(EXAMPLES_DIR.glob("*.bpnet"))}
    return {**texts, "pinned": pinned_text()}


def pinned_text() -> str:
    """A small trained example with a pinned run of given starting weights, so every field
    of the ``pinned`` section is a position to damage (of a list, only the first item is)."""
    from dataclasses import replace

    from bpstudio.examples import EXAMPLES
    from bpstudio.io import dumps
    from bpstudio.session import PinnedRun

    session = EXAMPLES["points8"]()
    bench = session.build()
    bench.trainer.fit(*bench.train_arrays(), 2)
    trained = session.with_state(bench.trainer.state())
    given = replace(trained, start=trained.state.parameters.copy())
    return dumps(replace(trained, pinned=(PinnedRun("a", given, 1.0, "a"),)))


def paths(value, prefix=(), list_items: int | None = None) -> Iterator[tuple]:
    """Every position in a parsed document, parents first; of a list, only the first
    ``list_items`` items if given."""
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))[:list_items]
    else:
        return
    for key, child in items:
        yield (*prefix, key)
        yield from paths(child, (*prefix, key), list_items)


def positions(doc) -> Iterator[tuple]:
    """The positions of ``doc`` worth trying: of a list, only its first item (the rest are
    alike, and a weight matrix would multiply the cases for nothing)."""
    return paths(doc, list_items=1)


def parent_of(doc, path):
    for key in path[:-1]:
        doc = doc[key]
    return doc, path[-1]


def json_texts() -> list[str]:
    """Each hostile value as JSON text (escaped ASCII, so lone surrogates survive), then a
    nesting 100,000 deep, then each raw bad number token; ``SLOT.format(i)`` stands for the
    ``i``-th."""
    deep = "[" * 100_000 + "]" * 100_000
    return [*map(json.dumps, HOSTILE_VALUES), deep, *HOSTILE_TOKENS]


def render(doc, texts: list[str]) -> str:
    """The JSON text of ``doc`` with its slots filled (see :func:`fill`)."""
    return fill(json.dumps(doc), texts)


def fill(text: str, texts: list[str]) -> str:
    """JSON ``text`` with every ``SLOT.format(i)`` (as a value or a key) replaced by
    ``texts[i]``."""
    return _SLOTS.sub(lambda match: texts[int(match[1])], text)


def copy(doc):
    return json.loads(json.dumps(doc))


def hostile_documents() -> Iterator[tuple[str, str]]:
    """``(what, text)`` for every hostile change of every example: each position given each
    hostile value, a deep nesting and each bad number token; each key renamed to each hostile
    text; each object given a hostile extra key."""
    texts = json_texts()
    for name, text in example_texts().items():
        doc = json.loads(text)
        for path in positions(doc):
            where = f"{name}:{'.'.join(map(str, path))}"
            for i in range(len(texts)):
                changed = copy(doc)
                parent, key = parent_of(changed, path)
                parent[key] = SLOT.format(i)
                yield f"{where}=value{i}", render(changed, texts)
            if isinstance(path[-1], str):
                for i in range(len(HOSTILE_TEXT)):
                    changed = copy(doc)
                    parent, key = parent_of(changed, path)
                    parent[SLOT.format(i)] = parent.pop(key)
                    yield f"{where}=renamed{i}", render(changed, texts)
        objects = [()] + [p for p in positions(doc) if isinstance(parent_of(doc, p)[0][p[-1]],
                                                                   dict)]
        for path in objects:
            for i in range(len(HOSTILE_TEXT)):
                changed = copy(doc)
                target = changed
                for key in path:
                    target = target[key]
                target[SLOT.format(i)] = SLOT.format(i)
                yield f"{name}:{'.'.join(map(str, path))}+key{i}", render(changed, texts)
    yield from generator_documents(texts)


def generator_documents(texts: list[str]) -> Iterator[tuple[str, str]]:
    """The sin example asking each data generator for each hostile value of each of its
    parameters (the examples alone use only three generators)."""
    doc = json.loads(example_texts()["sin"])
    for generator, entry in GENERATORS.items():
        for param in inspect.signature(entry.make).parameters:
            for i in range(len(texts)):
                changed = copy(doc)
                changed["data"].update(generator=generator, params={param: SLOT.format(i)})
                yield f"{generator}({param}=value{i})", render(changed, texts)


MESSAGE_CHARS = 1000
"""The longest a file error's message may be: it names where, what and the fix."""


def check_message(message: str) -> None:
    """A file error's message is one line of printable characters, at most
    :data:`MESSAGE_CHARS` long: no terminal escape, bidi override or line break from the file
    gets through."""
    assert message, "empty message"
    assert message.isprintable(), f"not one clean line: {message[:300]!r}"
    assert len(message) <= MESSAGE_CHARS, f"{len(message):,} characters: {message[:300]!r}"
