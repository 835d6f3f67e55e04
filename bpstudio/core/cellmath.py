"""One cell of a step trace worked out by hand, from the cells it was computed from.

The articles write ``h = 0.1·0.4 + 0.3·(−0.2) = −0.02``; :func:`explain_cell` writes the
same line for any cell of a :class:`~bpstudio.core.steptrace.StepTrace`, with the core's own
numbers (formatted by the caller), so a learner can redo each number on paper. The line is a
:class:`~bpstudio.core.phrase.Phrase`: its few words ("new", "row … of", "more terms") are
marked for translation (context "Inspector").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .phrase import Phrase
from .steptrace import (
    ACTIVATION,
    AFFINE,
    BIAS_GRADIENT,
    CARRIED,
    CELL,
    CHANGE,
    ERROR,
    OUTPUT_DELTA,
    PRODUCT,
    ROW,
    SLOPE,
    UPDATE,
    WEIGHT_GRADIENT,
    StepTrace,
    TraceEntry,
)
from .translatable import QT_TRANSLATE_NOOP

MAX_TERMS = 6
"""Longer sums show their first terms and how many more there are."""

Format = Callable[[float], str]


def symbol(entry: TraceEntry) -> str:
    """The name a cell reference uses: ``Z₁``, ``ŷ``, ``δ₂``, ``(δ₂·W₂ᵀ)``, ``new W₁``."""
    if entry.kind == UPDATE:
        return Phrase(QT_TRANSLATE_NOOP("Inspector", "new {matrix}"),
                      matrix=entry.formula.split(" ← ")[0])
    if entry.kind == CARRIED:
        return f"({entry.formula})"
    if entry.formula:
        return entry.formula.split(" = ")[0]
    return entry.title.split()[-1]


def explain_cell(trace: StepTrace, key: str, row: int, col: int, fmt: Format) -> str:
    """``"Z₁[0, 0] = 0.100·0.400 + 0.300·(-0.200) = -0.020"``: the cell's arithmetic."""
    entry = trace[key]
    value = fmt(float(entry.value[row, col]))
    head = Phrase("{symbol}[{row}, {col}]", symbol=symbol(entry), row=row, col=col)
    return Phrase("{head} = {rest}", head=head, rest=_worked(trace, entry, row, col, fmt, value))


def _worked(trace: StepTrace, entry: TraceEntry, row: int, col: int, fmt: Format,
            value: str) -> str:
    """What follows ``head =``: the arithmetic and the value."""
    src = [trace[s.key].value for s in entry.sources]

    def p(x: float) -> str:  # a factor: negative numbers in parentheses
        text = fmt(float(x))
        return f"({text})" if text.startswith("-") else text

    n = trace["X"].shape[0]
    per_n = f" / {n}" if trace.reduction == "mean" and n > 1 else ""
    kind = entry.kind
    if kind == AFFINE:
        A, W = src[0], src[1]
        terms = [f"{fmt(A[row, k])}·{p(W[k, col])}" for k in range(W.shape[0])]
        bias = [fmt(src[2][0, col])] if len(src) == 3 else []
        return Phrase("{sum} = {value}", sum=_sum(terms, bias), value=value)
    if kind == ACTIVATION:
        f = entry.formula.split(" = ")[-1].split("(")[0]
        if entry.sources[0].rule == ROW:
            whole_row = Phrase(QT_TRANSLATE_NOOP("Inspector", "row {row} of {matrix}"), row=row,
                               matrix=symbol(trace[entry.sources[0].key]))
            return Phrase("{f}({whole_row})[{col}] = {value}", f=f, whole_row=whole_row, col=col,
                          value=value)
        return f"{f}({fmt(src[0][row, col])}) = {value}"
    if kind == ERROR:
        return f"y − ŷ = {fmt(src[0][row, col])} − {p(src[1][row, col])} = {value}"
    if kind == SLOPE:
        return f"f′({fmt(src[0][row, col])}) = {value}"
    if kind == OUTPUT_DELTA:
        return Phrase("{delta} = {value}",
                      delta=_output_delta(entry, src, row, col, fmt, p, per_n), value=value)
    if kind == CARRIED:
        delta, W = src
        terms = [f"{fmt(delta[row, k])}·{p(W[col, k])}" for k in range(W.shape[1])]
        return Phrase("{sum} = {value}", sum=_sum(terms), value=value)
    if kind == PRODUCT:
        return f"{fmt(src[0][row, col])}·{p(src[1][row, col])} = {value}"
    if kind == WEIGHT_GRADIENT:
        A, delta = src
        terms = [f"{fmt(A[n, row])}·{p(delta[n, col])}" for n in range(A.shape[0])]
        return Phrase("{sum} = {value}", sum=_sum(terms), value=value)
    if kind == BIAS_GRADIENT:
        delta = src[0]
        terms = [fmt(delta[n, col]) for n in range(delta.shape[0])]
        return Phrase("{sum} = {value}", sum=_sum(terms), value=value)
    if kind == CHANGE:
        return f"−η·dW = −{trace.learning_rate:g}·{p(src[0][row, col])} = {value}"
    if kind == UPDATE:
        old, grad = src[0][row, col], src[1][row, col]
        return f"{fmt(old)} − {trace.learning_rate:g}·{p(grad)} = {value}"
    return value


def _output_delta(entry, src, row, col, fmt, p, per_n) -> str:
    if entry.sources[0].rule != CELL:  # softmax slope with a non-canonical loss
        return Phrase(QT_TRANSLATE_NOOP(
            "Inspector", "Jᵀ·(ŷ − y) of row {row}, column {col}{per_n}"),
            row=row, col=col, per_n=per_n)
    difference = f"({fmt(src[0][row, col])} − {p(src[1][row, col])})"
    if len(src) == 3:
        return f"(ŷ − y)·f′{per_n} = {difference}·{p(src[2][row, col])}{per_n}"
    return f"(ŷ − y){per_n} = {difference}{per_n}"


def _sum(terms: list[str], tail: Sequence[str] = ()) -> str:
    """``a + b − c …``: a term's leading minus becomes the operator; long sums are cut."""
    if len(terms) <= MAX_TERMS:
        return terms[0] + _continued([*terms[1:], *tail])
    first = terms[: MAX_TERMS - 1]
    return Phrase(QT_TRANSLATE_NOOP("Inspector", "{terms} + … ({more} more terms){tail}"),
                  terms=first[0] + _continued(first[1:]), more=len(terms) - len(first),
                  tail=_continued(tail))


def _continued(terms: Sequence[str]) -> str:
    """`` + a − b``: each term with its operator in front."""
    return "".join(f" − {term[1:]}" if term.startswith("-") else f" + {term}" for term in terms)
