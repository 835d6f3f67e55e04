"""The lessons registry: well-formed entries, and every number a lesson promises is shown."""

import re

import numpy as np
import pytest

from bpstudio.core import Network
from bpstudio.core.expression import BILLS
from bpstudio.core.steptrace import format_number, trace_step
from bpstudio.lessons import BATCHES, LESSONS, VIEWS, get_lesson

EXAMPLE_NAMES = {"sin", "points8", "binary4", "two_input", "three_input", "linear_regression",
                 "seed002", "seed002_tensorflow"}


def _two_input_trace():
    """seeds/004: x = (0.1, 0.3), weights (0.4, −0.2) then 0.1, target 1, η = 0.5."""
    net = Network([2, 1, 1], ["sigmoid", "sigmoid"], bias=False)
    net.weights[0][:] = [[0.4], [-0.2]]
    net.weights[1][:] = [[0.1]]
    return trace_step(net, [[0.1, 0.3]], [[1.0]], 0.5)


def _three_input_trace():
    """seeds/004 exercise: x = (0.5, 0.1, −0.2), target 0.6, η = 0.5, the given weights."""
    net = Network([3, 2, 1], ["sigmoid", "sigmoid"], bias=False)
    net.weights[0][:] = [[0.5, -0.6], [0.1, -0.2], [0.1, 0.7]]
    net.weights[1][:] = [[0.1], [-0.3]]
    return trace_step(net, [[0.5, 0.1, -0.2]], [[0.6]], 0.5)


TRACES = {"two_input": _two_input_trace, "three_input": _three_input_trace}


def test_registry_is_well_formed():
    assert len(LESSONS) >= 7
    for key, lesson in LESSONS.items():
        assert key == lesson.id
        assert lesson.title and lesson.explanation
        assert set(lesson.views) <= set(VIEWS), lesson.id
        assert lesson.example is None or lesson.example in EXAMPLE_NAMES
        if lesson.inspector is not None:
            assert lesson.inspector.batch in BATCHES
            assert 1 <= lesson.inspector.precision <= 12
        assert (lesson.example is None) == (lesson.bill is not None), lesson.id
    assert {lesson.example for lesson in LESSONS.values()} - {None} == EXAMPLE_NAMES


def test_examples_exist_when_the_examples_module_does():
    examples = pytest.importorskip("bpstudio.examples")
    for lesson in LESSONS.values():
        if lesson.example is not None:
            assert lesson.example in examples.EXAMPLES


@pytest.mark.parametrize("lesson_id", sorted(TRACES))
def test_book_numbers_hold_for_the_shipped_example_sessions(lesson_id):
    """The same numbers from the example the lesson loads, through Session.build()."""
    examples = pytest.importorskip("bpstudio.examples")
    lesson = get_lesson(lesson_id)
    session = examples.EXAMPLES[lesson.example]()
    bench = session.build()
    X, Y = bench.train_arrays()
    trace = trace_step(bench.net, X, Y, session.training.learning_rate)
    preset = lesson.inspector
    for number in lesson.book_numbers:
        value = trace[number.entry].value[number.cell]
        assert format_number(value, preset.precision, preset.significant) == number.shown


def test_graph_lesson_opens_a_real_bill():
    lesson = get_lesson("computational_graph")
    assert lesson.bill in BILLS and lesson.views == ("graph_lab",)


@pytest.mark.parametrize("lesson_id", sorted(TRACES))
def test_book_numbers_are_what_the_inspector_shows(lesson_id):
    lesson = get_lesson(lesson_id)
    trace = TRACES[lesson_id]()
    preset = lesson.inspector
    assert lesson.book_numbers
    for number in lesson.book_numbers:
        value = trace[number.entry].value[number.cell]
        assert format_number(value, preset.precision, preset.significant) == number.shown, (
            number.label
        )
        # the book's figure is the same number, up to its rounding (and our sign of δ)
        decimals = len(number.book.split(".")[1]) if "e" not in number.book else 10
        if "rounded" not in number.note:
            assert abs(float(number.book)) == pytest.approx(abs(value), abs=10.0**-decimals)


def test_two_input_lesson_names_every_number_of_the_issue():
    lesson = get_lesson("two_input")
    for figure in ("0.495", "0.512", "0.122", "0.003", "0.0302", "(0.00015, 0.00045)",
                   "(0.000152, 0.000457)", "−0.122", "−0.00305"):
        assert figure in lesson.explanation, figure
    # the book's Δw comes from δʰ rounded to 0.003 first: 0.5·0.003·(0.1, 0.3)
    trace = _two_input_trace()
    book_delta_h = round(-trace["delta1"].value[0, 0], 3)
    assert book_delta_h == 0.003
    book = 0.5 * book_delta_h * np.array([0.1, 0.3])
    assert [format_number(v, 5) for v in book] == ["0.00015", "0.00045"]
    assert [n.book for n in lesson.book_numbers if n.entry == "step1"] == ["0.00015", "0.00045"]


def test_three_input_lesson_quotes_the_traced_answers():
    lesson = get_lesson("three_input")
    for number in lesson.book_numbers:
        if number.entry == "step2":
            assert number.shown in lesson.explanation


def test_linear_regression_error_shrinks_by_the_factor_the_lesson_states():
    assert "1 − 0.002·15 = 0.97" in get_lesson("linear_regression").explanation
    net = Network([3, 1], ["identity"], init="uniform", reduction="sum", seed=0)
    X, Y = np.array([[1.0, 2.0, 3.0]]), np.array([[1.0]])
    trace = trace_step(net, X, Y, 0.002)
    net.set_parameters(trace.updated_parameters())
    before = trace["A1"].value[0, 0] - 1.0
    after = net.predict(X)[0, 0] - 1.0
    assert after == pytest.approx(0.97 * before, rel=1e-12)


def test_explanations_are_rich_text_without_latex():
    for lesson in LESSONS.values():
        assert "\\" not in lesson.explanation and "$" not in lesson.explanation
        assert lesson.explanation.count("<p") == lesson.explanation.count("</p>")
        assert not re.search(r"[\u4e00-\u9fff]", lesson.explanation)  # our own English words


def test_unknown_lesson_lists_the_choices():
    with pytest.raises(ValueError, match="two_input"):
        get_lesson("three_body")
