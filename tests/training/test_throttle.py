"""The one throttle where snapshots are made while training."""

import math

from bpstudio.training import SnapshotThrottle, TrainingRun
from bpstudio.training.throttle import SNAPSHOT_BUDGET

from .sessions import spiral_session


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


def test_snapshots_are_made_over_slices_and_say_whether_the_state_goes_with_them(
    small_chunks
):
    run = TrainingRun(spiral_session())
    throttle = SnapshotThrottle()
    throttle.begin(run, None, running=False, hand_back=True)
    assert throttle.making and throttle.work(deadline=0.0) is None  # a chunk, then out of time
    throttle.begin(run, 0, running=False, hand_back=False)  # replaces it, still handing back
    snapshot, hand_back = throttle.work(deadline=math.inf)
    assert hand_back and not throttle.making and snapshot.epoch == 0
    throttle.want()
    throttle.begin(run, None, running=True, hand_back=False)
    throttle.drop()
    assert not throttle.making
    throttle.begin(run, None, running=True, hand_back=False)
    assert throttle.work(deadline=math.inf)[1] is False
    assert not throttle.due(math.inf)  # made: the next waits until it is wanted
