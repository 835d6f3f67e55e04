"""The GUI test harness itself: what keeps the suite from crashing on its own teardown."""

import gc


def test_the_cyclic_collector_is_off_while_a_gui_test_runs():
    # conftest's pytest_runtest_protocol: a window freed by the collector inside pytest-qt's
    # processEvents crashed CI; windows are reclaimed between tests instead
    assert not gc.isenabled()
