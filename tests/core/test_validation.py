"""The closest-name suggestion: helpful for a near miss, free for a name that cannot match."""

import difflib
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.core import ACTIVATIONS, LOSSES
from bpstudio.core.validation import SIMILARITY, check_name, suggestion, unknown_name

NAMES = list(ACTIVATIONS)


@pytest.mark.parametrize(("name", "hint"), [
    ("sigmod", " (did you mean 'sigmoid'?)"),
    ("Tanh", " (did you mean 'tanh'?)"),
    ("leaky-relu", " (did you mean 'leaky_relu'?)"),
    ("zzzz", ""),
    ("", ""),
    (12, ""),
    ("sigmoid" * 1000, ""),
])
def test_a_near_miss_gets_the_closest_name(name, hint):
    assert suggestion(name, NAMES) == hint


@settings(deadline=None)
@given(st.sampled_from(NAMES), st.text(max_size=40), st.integers(0, 40), st.booleans())
def test_skipping_long_names_never_loses_a_suggestion(valid, noise, at, before):
    """Whatever difflib itself would suggest, suggestion() suggests too."""
    name = noise + valid if before else valid[:at] + noise + valid[at:]
    close = difflib.get_close_matches(name, NAMES, n=1, cutoff=SIMILARITY)
    assert suggestion(name, NAMES) == (f" (did you mean '{close[0]}'?)" if close else "")


@pytest.mark.parametrize("valid", [NAMES, list(LOSSES), ["x"]])
def test_only_names_too_long_to_match_are_skipped(valid):
    """At three times the longest valid name (difflib's ratio 0.5 at best) a name still gets
    its suggestion; one character more can never match and is not compared."""
    longest = max(valid, key=len)
    limit = int(len(longest) * (2 - SIMILARITY) / SIMILARITY)
    assert suggestion(longest.ljust(limit, "."), valid) == f" (did you mean '{longest}'?)"
    assert suggestion(longest.ljust(limit + 1, "."), valid) == ""


@pytest.mark.parametrize("valid", [NAMES, ["x"]])
def test_a_giant_name_costs_little(valid):
    name = "x" * 60_000_000
    tracemalloc.start()
    try:
        assert suggestion(name, valid) == ""
        assert len(str(unknown_name("activation", name, valid))) < 400
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100_000


def test_unknown_name_quotes_the_name_on_one_line():
    with pytest.raises(ValueError) as info:
        check_name("activation", "sigmod\n\x1b[2J", NAMES)
    message = str(info.value)
    assert message.startswith("activation: unknown name 'sigmod\\n\\x1b[2J' (did you mean ")
    assert message.isprintable()
