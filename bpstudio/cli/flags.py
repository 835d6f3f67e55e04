"""How the command line's words are read: flag types bounded by :mod:`bpstudio.limits`, and
the error a command line that cannot work raises."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from ..control_fields import Structured
from ..core.text import quote
from ..experiments.spec import Vary, parse_vary
from ..limits import MAX_SEED
from ..training_fields import Count, Number, Seed, TrainingField


class UsageError(Exception):
    """A command line that cannot work: exit 2 with the message."""


def flag_type(field: TrainingField) -> Callable[[str], Any]:
    """How a training field's flag reads its text (a choice's flag has ``choices``)."""
    if isinstance(field, Count):
        return whole(1, field.maximum, field.limit_is)
    if isinstance(field, Seed):
        return seed
    if isinstance(field, Structured):
        return structured(field)
    if isinstance(field, Number) and field.flag is not None and field.flag.strict:
        return number(field)
    return float


def structured(field: Structured) -> Callable[[str], Any]:
    """``--schedule``/``--stop``: the field reads its text; argparse names the flag."""

    def parse(text: str) -> Any:
        try:
            return field.parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = field.flag.name.removeprefix("--") if field.flag else field.name
    return parse


def path(text: str) -> str:
    if not text:
        raise argparse.ArgumentTypeError("expected a file name, got an empty one")
    return text


def text(max_chars: int) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if len(text) > max_chars:
            raise argparse.ArgumentTypeError(
                f"at most {max_chars:,} characters are allowed, got {len(text):,}"
            )
        return text

    return parse


def number(field: Number) -> Callable[[str], float]:
    """A number within ``field``'s range: ``must be a finite number > 0, got '-1'``."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, got {quote(text)}") from None
        try:
            field.check(value)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"must be {field.range_text()}, got {quote(text)}") from None
        return value

    return parse


def whole(minimum: int, maximum: int, limit: str) -> Callable[[str], int]:
    """A whole number in ``[minimum, maximum]``; ``limit`` says what ``maximum`` is."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            digits = text.strip().lstrip("+-")
            if not digits.isdigit():  # else: too many digits for int(), far beyond any limit
                raise argparse.ArgumentTypeError(
                    f"expected a whole number, got {quote(text)}"
                ) from None
            value = minimum - 1 if text.strip().startswith("-") else maximum + 1
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be >= {minimum}, got {quote(text)}")
        if value > maximum:
            raise argparse.ArgumentTypeError(
                f"must be at most {maximum:,} ({limit}), got {quote(text)}"
            )
        return value

    return parse


seed = whole(0, MAX_SEED, "the largest seed BP Studio keeps")


def vary(text: str) -> Vary:
    """``NAME=VALUES`` of ``bpstudio sweep --vary``."""
    try:
        return parse_vary(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
