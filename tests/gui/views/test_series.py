"""A growing series and its envelope."""

from __future__ import annotations

import numpy as np

from bpstudio.gui.views import series


def test_series_envelope_keeps_block_extremes_as_it_grows():
    rng = np.random.default_rng(0)
    y = rng.normal(size=10_000)
    grown = series.Series()
    for chunk in np.array_split(np.arange(10_000), 37):
        grown.extend(chunk + 1, y[chunk])
        grown.envelope(limit=500)
    x_env, y_env = grown.envelope(limit=500)
    blocks = y[: 312 * 32].reshape(312, 32)  # 10,000 epochs, at most 500 blocks: 312 of 32
    np.testing.assert_array_equal(y_env[0:624:2], blocks.max(axis=1))
    np.testing.assert_array_equal(y_env[1:624:2], blocks.min(axis=1))
    np.testing.assert_array_equal(x_env[:4], [17, 17, 49, 49])  # block middles
    np.testing.assert_array_equal(y_env[624:], y[9_984:])  # the tail as it is
    grown.keep_before(5_001)
    x_env, y_env = grown.envelope(limit=500)
    np.testing.assert_array_equal(x_env[310:314], [4_977, 4_977, 4_993, 4_994])
    assert y_env.max() == y[:5_000].max() and grown.n == 5_000
