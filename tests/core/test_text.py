"""quote, clip and shorten: text from outside shown in a message as one short, clean line,
at a cost that does not grow with the text."""

import ast
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.core.text import MESSAGE_CHARS, QUOTE_CHARS, clip, quote, shorten

POISON = "\u001b[31mRED\nb"


def peak_bytes(function, *args):
    """The most memory ``function(*args)`` held at once (the arguments already exist)."""
    tracemalloc.start()
    try:
        function(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(("value", "shown"), [
    ("sigmod", "'sigmod'"),
    (POISON, "'\\x1b[31mRED\\nb'"),
    ("it's", '"it\'s"'),
    ("\u202egnp.exe", "'\\u202egnp.exe'"),
    ("\ud800", "'\\ud800'"),
    ("a\u2028b\x85c\r", "'a\\u2028b\\x85c\\r'"),
    ("x" * 81, "'" + "x" * 80 + "'… (81 characters)"),
    ("ünïcödé", "'ünïcödé'"),
    (Path("/tmp/a\nb"), "'/tmp/a\\nb'"),
    (12, "12"),
    (1.5, "1.5"),
    (None, "None"),
    (True, "True"),
    (2**128, "340282366920938463463374607431768211456"),
    ([1, "a\n"], "[1, 'a\\n']"),
    ((1,), "(1,)"),
    ({"k\x1b": [2]}, "{'k\\x1b': [2]}"),
    ([[[[[1]]]]], "[[[[…]]]]"),
    (b"\x00" * 100, "b'" + "\\x00" * 20 + "'… (100 bytes)"),
    ("\x00" * 30, "'" + "\\x00" * 20 + "'… (30 characters)"),
    ("\U000f0000" * 9, "'" + "\\U000f0000" * 8 + "'… (9 characters)"),
    ("it's" * 30, '"' + "it's" * 16 + '"… (120 characters)'),
])
def test_quote_shows_a_value_escaped_and_bounded(value, shown):
    assert quote(value) == shown


def test_quote_shows_giant_text_and_numbers_by_their_size():
    assert quote("y" * 60_000_000) == "'" + "y" * 80 + "'… (60,000,000 characters)"
    assert quote(10**5000) == "a whole number of about 5,001 digits"
    assert quote(-(10**400)) == "-a whole number of about 401 digits"


def test_quote_cuts_long_lists_by_items_and_says_how_many():
    shown = quote(list(range(10**6)))
    assert shown.startswith("[0, 1, 2, ") and shown.endswith(", …] (1,000,000 items)")
    assert len(shown) < 2 * QUOTE_CHARS


def test_quote_takes_a_limit():
    assert quote("abcdef", limit=3) == "'abc'… (6 characters)"
    assert quote("abc", limit=3) == "'abc'"


def test_an_object_whose_repr_breaks_lines_is_shown_on_one_line():
    shown = quote(np.zeros((3, 3)))
    assert "\n" not in shown and shown.startswith("array([[0., 0., 0.],\\n")


@settings(deadline=None)
@given(st.text(max_size=300))
def test_quoted_text_is_one_short_printable_line_that_reads_back(text):
    shown = quote(text)
    assert shown.isprintable()
    suffix = f"… ({len(text):,} characters)"
    literal = shown.removesuffix(suffix)
    start = ast.literal_eval(literal)
    assert len(literal) <= QUOTE_CHARS + 2
    assert text.startswith(start) and (start == text) == (literal == shown)


@settings(max_examples=60, deadline=None)
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=20,
))
def test_any_json_value_quotes_to_one_bounded_printable_line(value):
    shown = quote(value)
    assert shown.isprintable()
    assert len(shown) < 100 * QUOTE_CHARS


@pytest.mark.parametrize("make", [
    lambda: "x" * 60_000_000, lambda: list(range(3_000_000)), lambda: 10**100_000,
    lambda: b"\x00" * 60_000_000, lambda: POISON * 6_000_000,
], ids=["text", "list", "int", "bytes", "poison"])
def test_quoting_costs_little_whatever_the_size(make):
    assert peak_bytes(quote, make()) < 100_000


def test_clip_cuts_like_quote_without_quotes():
    assert clip("1" * 30, 24) == "1" * 24 + "… (30 characters)"
    assert clip("1e999") == "1e999"
    assert clip("a\nb") == "a\\nb"


def test_shorten_keeps_a_short_message():
    message = "line 3: not valid JSON (Expecting value at column 7)"
    assert shorten(message) == message


def test_shorten_cuts_the_middle_and_says_how_much():
    message = "a" * 3000 + "b" * 3000
    shown = shorten(message)
    assert shown == "a" * 1000 + " … [4,000 characters left out] … " + "b" * 1000
    assert shorten("abcdefghij", limit=4) == "ab … [6 characters left out] … ij"


def test_shorten_escapes_what_could_move_the_cursor_but_keeps_line_breaks():
    assert shorten(f"bad {POISON}\tend\u202e\ud800") == "bad \\x1b[31mRED\nb\tend\\u202e\\ud800"


@settings(deadline=None)
@given(st.text(), st.integers(10, 3000))
def test_a_shortened_message_is_bounded_printable_and_can_be_written(message, limit):
    shown = shorten(message, limit)
    assert all(c.isprintable() or c in "\n\t" for c in shown)
    shown.encode("utf-8")  # no lone surrogate left to fail on stderr
    if message.isprintable():
        assert len(shown) <= limit + 50


def test_shortening_costs_little_whatever_the_size():
    message = POISON * 10_000_000
    assert peak_bytes(shorten, message) < 20 * MESSAGE_CHARS * 4
