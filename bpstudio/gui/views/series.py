"""A growing per-epoch record and a bounded-size picture of it for drawing.

After a million epochs, handing every point to pyqtgraph on each snapshot costs ~20 ms
(log mapping, bounds, peak downsampling, all over the full array). :meth:`Series.envelope`
instead keeps the min and max of fixed blocks of epochs, updated only for new blocks, so a
redraw costs the same at 10⁴ and 10⁶ epochs.
"""

from __future__ import annotations

import numpy as np

ENVELOPE_BLOCKS = 8192
"""Beyond twice this many points, draw at most this many block (max, min) pairs."""


class _Buffer:
    """Columns of floats with amortised O(1) appends."""

    def __init__(self, columns: int) -> None:
        self._data = np.empty((1024, columns))
        self.n = 0

    def column(self, k: int) -> np.ndarray:
        return self._data[: self.n, k]

    def truncate(self, n: int) -> None:
        self.n = min(self.n, n)

    def extend(self, *columns: np.ndarray) -> None:
        need = self.n + len(columns[0])
        if need > len(self._data):
            grown = np.empty((max(need, 2 * len(self._data)), self._data.shape[1]))
            grown[: self.n] = self._data[: self.n]
            self._data = grown
        for k, values in enumerate(columns):
            self._data[self.n : need, k] = values
        self.n = need


class Series:
    """``(epoch, value)`` points in increasing epoch order."""

    def __init__(self) -> None:
        self._points = _Buffer(2)
        self._blocks = _Buffer(3)  # x at the block's middle, max, min
        self._block_size = 1

    @property
    def n(self) -> int:
        return self._points.n

    @property
    def x(self) -> np.ndarray:
        return self._points.column(0)

    @property
    def y(self) -> np.ndarray:
        return self._points.column(1)

    def keep_before(self, epoch: float) -> None:
        """Forget points from ``epoch`` on: a reset or reloaded run starts over there."""
        self._points.truncate(int(np.searchsorted(self.x, epoch, side="left")))
        self._blocks.truncate(self.n // self._block_size)

    def extend(self, x: np.ndarray, y: np.ndarray) -> None:
        self._points.extend(np.asarray(x, dtype=float), np.asarray(y, dtype=float))

    def envelope(self, limit: int = ENVELOPE_BLOCKS) -> tuple[np.ndarray, np.ndarray]:
        """All points while there are at most ``2 * limit``; beyond, the max and min of each
        block of epochs (blocks double in size as the record grows) and the raw tail."""
        if self.n <= 2 * limit:
            return self.x, self.y
        size = self._block_size
        while self.n > limit * size:
            size *= 2
        if size != self._block_size:
            self._block_size = size
            self._blocks.truncate(0)
        self._add_blocks()
        done = self._blocks.n * size
        mid, high, low = (self._blocks.column(k) for k in range(3))
        x = np.concatenate([np.repeat(mid, 2), self.x[done:]])
        y = np.concatenate([np.column_stack([high, low]).ravel(), self.y[done:]])
        return x, y

    def window(
        self, low: float, high: float, limit: int = ENVELOPE_BLOCKS
    ) -> tuple[np.ndarray, np.ndarray]:
        """The points with ``low <= x <= high`` and one more on either side (so a line runs
        on to the edges of a view), from the :meth:`envelope` where they are too many."""
        x, y = _cut(self.x, self.y, low, high)
        return (x, y) if len(x) <= 2 * limit else _cut(*self.envelope(limit), low, high)

    def _add_blocks(self) -> None:
        size, start = self._block_size, self._blocks.n
        stop = self.n // size
        if stop <= start:
            return
        values = self.y[start * size : stop * size].reshape(-1, size)
        middles = self.x[start * size + size // 2 : stop * size : size]
        self._blocks.extend(middles, values.max(axis=1), values.min(axis=1))


def _cut(x: np.ndarray, y: np.ndarray, low: float, high: float) -> tuple[np.ndarray, np.ndarray]:
    start = max(int(np.searchsorted(x, low, side="left")) - 1, 0)
    stop = int(np.searchsorted(x, high, side="right")) + 1
    return x[start:stop], y[start:stop]
