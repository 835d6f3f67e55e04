"""One cell of a step trace worked out by hand, from the cells it was computed from.

The articles write ``h = 0.1·0.4 + 0.3·(−0.2) = −0.02``; :func:`explain_cell` writes the
same line for any cell of a :class:`~bpstudio.core.steptrace.StepTrace`, with the core's own
numbers (formatted by the caller), so a learner can redo each number on paper.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

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

MAX_TERMS = 6
"""Longer sums show their first terms and how many more there are."""

Format = Callable[[float], str]


def symbol(entry: TraceEntry) -> str:
    """The name a cell reference uses: ``Z₁``, ``ŷ``, ``δ₂``, ``(δ₂·W₂ᵀ)``, ``new W₁``."""
    if entry.kind == UPDATE:
        return "new " + entry.formula.split(" ← ")[0]
    if entry.kind == CARRIED:
        return f"({entry.formula})"
    if entry.formula:
        return entry.formula.split(" = ")[0]
    return entry.title.split()[-1]


def explain_cell(trace: StepTrace, key: str, row: int, col: int, fmt: Format) -> str:
    """``"Z₁[0, 0] = 0.100·0.400 + 0.300·(-0.200) = -0.020"``: the cell's arithmetic."""
    entry = trace[key]
    value = fmt(float(entry.value[row, col]))
    head = f"{symbol(entry)}[{row}, {col}]"
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
        return f"{head} = {_sum(terms, bias)} = {value}"
    if kind == ACTIVATION:
        f = entry.formula.split(" = ")[-1].split("(")[0]
        if entry.sources[0].rule == ROW:
            whole_row = f"row {row} of {symbol(trace[entry.sources[0].key])}"
            return f"{head} = {f}({whole_row})[{col}] = {value}"
        return f"{head} = {f}({fmt(src[0][row, col])}) = {value}"
    if kind == ERROR:
        return f"{head} = y − ŷ = {fmt(src[0][row, col])} − {p(src[1][row, col])} = {value}"
    if kind == SLOPE:
        return f"{head} = f′({fmt(src[0][row, col])}) = {value}"
    if kind == OUTPUT_DELTA:
        return f"{head} = {_output_delta(entry, src, row, col, fmt, p, per_n)} = {value}"
    if kind == CARRIED:
        delta, W = src
        terms = [f"{fmt(delta[row, k])}·{p(W[col, k])}" for k in range(W.shape[1])]
        return f"{head} = {_sum(terms)} = {value}"
    if kind == PRODUCT:
        return f"{head} = {fmt(src[0][row, col])}·{p(src[1][row, col])} = {value}"
    if kind == WEIGHT_GRADIENT:
        A, delta = src
        terms = [f"{fmt(A[n, row])}·{p(delta[n, col])}" for n in range(A.shape[0])]
        return f"{head} = {_sum(terms)} = {value}"
    if kind == BIAS_GRADIENT:
        delta = src[0]
        terms = [fmt(delta[n, col]) for n in range(delta.shape[0])]
        return f"{head} = {_sum(terms)} = {value}"
    if kind == CHANGE:
        return f"{head} = −η·dW = −{trace.learning_rate:g}·{p(src[0][row, col])} = {value}"
    if kind == UPDATE:
        old, grad = src[0][row, col], src[1][row, col]
        return f"{head} = {fmt(old)} − {trace.learning_rate:g}·{p(grad)} = {value}"
    return f"{head} = {value}"


def _output_delta(entry, src, row, col, fmt, p, per_n) -> str:
    if entry.sources[0].rule != CELL:  # softmax slope with a non-canonical loss
        return f"Jᵀ·(ŷ − y) of row {row}, column {col}{per_n}"
    difference = f"({fmt(src[0][row, col])} − {p(src[1][row, col])})"
    if len(src) == 3:
        return f"(ŷ − y)·f′{per_n} = {difference}·{p(src[2][row, col])}{per_n}"
    return f"(ŷ − y){per_n} = {difference}{per_n}"


def _sum(terms: list[str], tail: Sequence[str] = ()) -> str:
    """``a + b − c …``: a term's leading minus becomes the operator; long sums are cut."""
    if len(terms) > MAX_TERMS:
        more = len(terms) - MAX_TERMS + 1
        terms = [*terms[: MAX_TERMS - 1], f"… ({more} more terms)"]
    text = ""
    for i, term in enumerate([*terms, *tail]):
        if i == 0:
            text = term
        elif term.startswith("-"):
            text += f" − {term[1:]}"
        else:
            text += f" + {term}"
    return text
