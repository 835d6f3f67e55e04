"""Numbers written small: subscript and superscript digits for labels (``W₁``, ``δ₂``,
``10⁻⁴``). The step trace writes its formulas with them and the views their labels, so they
live in the core beside neither."""

from __future__ import annotations

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def sub(n: int) -> str:
    """``n`` in Unicode subscript digits (``W₁``)."""
    return str(n).translate(_SUBSCRIPTS)


def sup(n: int) -> str:
    """``n`` in Unicode superscript digits and minus (``10⁻⁴``)."""
    return str(n).translate(_SUPERSCRIPTS)
