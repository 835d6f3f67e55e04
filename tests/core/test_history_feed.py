"""A snapshot carries the history rows that changed since the previous one, no more, no less."""

import math

from bpstudio.core import History
from bpstudio.core.snapshot import HistoryFeed


def grown(history: History, *epochs: int) -> History:
    for epoch in epochs:
        history.append(epoch, 1.0 / epoch)
    return history


def test_rows_held_stay_until_a_later_epoch_replaces_or_a_thinning_drops_them(monkeypatch):
    monkeypatch.setattr(History, "MAX_ROWS", 4)
    feed, history = HistoryFeed(), History()
    assert feed.unchanged_rows(grown(history, 1, 2)) == 0  # nothing sent yet
    feed.sent(history)
    assert feed.unchanged_rows(grown(history, 3)) == 2  # appended
    feed.sent(history)
    grown(history, 4, 5)  # five rows: every 2nd epoch and the newest, a new stride
    assert (history.epoch, history.stride) == ([2, 4, 5], 2)
    assert feed.unchanged_rows(history) == 0  # all replaced
    feed.sent(history)
    grown(history, 6)  # 5 was kept only as the newest
    assert history.epoch == [2, 4, 6] and feed.unchanged_rows(history) == 2
    feed.sent(history)
    history.keep_through(4, (4, 0.25, math.nan, math.nan, math.nan))  # a divergence undid 6
    assert history.epoch == [2, 4] and feed.unchanged_rows(history) == 2
