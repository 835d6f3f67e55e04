"""Driving a generator of work (one that yields between chunks and returns its result)."""

from collections.abc import Generator


def chunks_and_result(steps: Generator[None, None, object]) -> tuple[int, object]:
    """How many chunks of work ``steps`` did (one more than it yielded), and its result."""
    result = []

    def collected():
        result.append((yield from steps))

    yields = sum(1 for _ in collected())
    return yields + 1, result[0]
