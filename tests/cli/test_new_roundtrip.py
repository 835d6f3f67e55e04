"""Every session ``new`` writes opens again: hypothesis over the flags' allowed ranges, edge
values included (#9 §1)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpstudio.core.datasets import GENERATORS
from bpstudio.io import load
from bpstudio.limits import MAX_LAYERS, MAX_NOTES_CHARS, MAX_SAMPLES, MAX_SEED, MAX_TITLE_CHARS
from bpstudio.session import OPTIMIZER_KINDS, DataSpec

from .helpers import run


def _inputs_outputs(name: str) -> tuple[int, int]:
    data = DataSpec(name).load()
    return data.n_inputs, data.n_outputs


SIZES = {name: _inputs_outputs(name) for name in GENERATORS}
"""Inputs and outputs of each generator's data with its default parameters."""

SEEDS = st.one_of(st.just(0), st.just(MAX_SEED), st.integers(0, MAX_SEED))
HIDDEN = st.one_of(
    st.lists(st.integers(1, 12), max_size=3),
    st.just([1] * (MAX_LAYERS - 1)),  # the most layers
)
TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)
LINE = TEXT.filter(lambda t: t.splitlines() in ([], [t]))
"""A title is one line (str.splitlines' line breaks refused)."""


@st.composite
def new_flags(draw):
    data = draw(st.sampled_from(list(GENERATORS)))
    n_in, n_out = SIZES[data]
    hidden = draw(HIDDEN)
    flags = [
        "--data", data, "--seed", draw(SEEDS),
        "--layers", ",".join(map(str, [n_in, *hidden, n_out])),
        "--test-fraction", draw(st.sampled_from([0.0, 0.2, 0.5])),
        "--optimizer", draw(st.sampled_from(list(OPTIMIZER_KINDS))),
        "--lr", draw(st.sampled_from([1e-300, 0.05, 1e300])),
        "--batch-size", draw(st.sampled_from([1, 16, MAX_SAMPLES])),
        "--l2", draw(st.sampled_from([0.0, 1e-4, 1e300])),
        # --flag=TEXT: a text may start with "-" (as "-:"), which alone would read as a flag
        "--title=" + draw(st.one_of(LINE, st.just("t" * MAX_TITLE_CHARS))),
        "--notes=" + draw(st.one_of(TEXT, st.just("n\n" * (MAX_NOTES_CHARS // 2)))),
    ]
    if data in ("sin", "xor", "circles", "moons"):
        flags += ["--param", f"n={draw(st.sampled_from([8, 37, MAX_SAMPLES]))}"]
    return flags + draw(st.sets(st.sampled_from(["--standardize", "--no-bias"])).map(sorted))


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flags=new_flags())
def test_every_session_new_writes_opens_again(tmp_path, capsys, flags):
    out = tmp_path / "s.bpnet"
    code, _, err = run(capsys, "new", "-o", out, "--force", *flags)
    assert code == 0, err
    session = load(out)
    texts = dict(f.split("=", 1) for f in flags if str(f).startswith(("--title=", "--notes=")))
    assert session.title == texts["--title"]
    assert session.notes == texts["--notes"]
    assert session.network.seed == flags[flags.index("--seed") + 1]
