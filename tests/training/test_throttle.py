"""The one throttle where snapshots are made while training."""

from bpstudio.training import SnapshotThrottle
from bpstudio.training.throttle import SNAPSHOT_BUDGET


def test_the_next_snapshot_waits_for_the_receiver_and_the_interval():
    throttle = SnapshotThrottle(max_per_second=10)
    throttle.restart(now=100.0)
    assert not throttle.due(100.05)  # too soon after the start
    assert throttle.due(100.11)
    throttle.made(now=100.11, cost=0.001)
    assert not throttle.due(101.0)  # the receiver has not drawn it yet
    throttle.want()
    assert not throttle.due(100.2) and throttle.due(100.22)


def test_a_costly_snapshot_comes_less_often():
    throttle = SnapshotThrottle(max_per_second=10)
    throttle.made(now=0.0, cost=0.02)
    throttle.want()
    wait = 0.02 / SNAPSHOT_BUDGET  # 0.4 s: making them takes at most the budget's share
    assert not throttle.due(wait - 0.01) and throttle.due(wait)
