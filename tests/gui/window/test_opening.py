"""Opening files: the files that crashed the app open (or are refused) cleanly, a failed open
changes nothing, and the window stays responsive while a large file is read.

The crash files are made here from ``bpstudio.io.dumps`` (and edits of its JSON), not kept
as fixtures. pytest-qt fails a test on any exception raised in a slot, so "no crash" is
checked by every test below.
"""

import json
import os
import sys
import time
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QMessageBox, QToolButton

from bpstudio import io as bpnet
from bpstudio.examples import EXAMPLES, example_path
from bpstudio.gui import MainWindow
from bpstudio.gui.widgets import BigSpinBox
from bpstudio.gui.window.app import SWITCH_INTERVAL
from bpstudio.session import DataSpec, NetworkSpec, Session, Table

FLOAT_MAX = 1.797e308
BIG = 2**31  # one past a Qt int


def edited(**changes):
    """The sin example as a file, with JSON fields changed: ``training={"batch_size": 2**31}``."""
    doc = json.loads(bpnet.dumps(EXAMPLES["sin"]()))
    for part, fields in changes.items():
        doc[part].update(fields)
    return json.dumps(doc)


def extreme_table(task):
    """Rows with inputs at the ends of the float range."""
    if task == "classification":
        X = np.array([[FLOAT_MAX, -FLOAT_MAX], [-FLOAT_MAX, FLOAT_MAX], [0.0, 0.0], [1.0, 1.0]])
        y = np.array([0, 1, 0, 1])
        network = NetworkSpec(output_activation="sigmoid", loss="binary_cross_entropy")
    else:
        X = np.array([[FLOAT_MAX], [-FLOAT_MAX], [0.0], [1.0]])
        y = np.array([[0.0], [1.0], [2.0], [3.0]])
        network = NetworkSpec()
    return bpnet.dumps(Session(network=network, data=DataSpec("table", table=Table(X, y, task))))


CRASH_FILES = {
    "seed": lambda: edited(network={"seed": 3_000_000_000}),
    "epoch_limit": lambda: edited(training={"epoch_limit": BIG}),
    "batch_size": lambda: edited(training={"batch_size": BIG}),
    "classification": lambda: extreme_table("classification"),
    "regression": lambda: extreme_table("regression"),
}


def shows_it(window, name):
    """What the window shows of each crash file once it is open."""
    spin = lambda n: window.findChild(BigSpinBox, n)  # noqa: E731
    return {
        "seed": lambda: spin("weightSeedSpin").value() == 3_000_000_000
        and window.session.network.seed == 3_000_000_000,
        "epoch_limit": lambda: spin("epochLimitSpin").value() == BIG,
        "batch_size": lambda: spin("batchSizeSpin").text() == "2,147,483,648",
        "classification": lambda: "too far out to draw" in window.decision_plot.message,
        "regression": lambda: "too far out to draw" in window.fit_plot.message,
    }[name]()


def write(tmp_path, name, text):
    path = tmp_path / f"{name}.bpnet"
    path.write_text(text)
    return path


def settled(qtbot, window):
    qtbot.waitUntil(lambda: not window.files.opening, timeout=20000)


def opened_or_refused(qtbot, window, dialogs, path, name):
    """Either the file is shown as it is, or (limits of the reader) refused with a message and
    the window left on what it showed; then it trains (or says why) like any network."""
    settled(qtbot, window)
    if "critical" in dialogs.kinds():
        assert path.name not in window.windowTitle()
    else:
        assert window.windowTitle() == f"{path.name}[*] — BP Studio"
        assert shows_it(window, name)
        assert not window.isWindowModified()
    before = window.session.epoch
    window.actions.step.trigger()
    diverged = lambda: window.findChild(QMessageBox, "divergenceMessage")  # noqa: E731
    qtbot.waitUntil(lambda: (window.last_snapshot is not None
                             and window.last_snapshot.epoch == before + 1)
                    or diverged() is not None, timeout=20000)


@pytest.mark.parametrize("name", CRASH_FILES)
def test_a_crash_file_given_on_the_command_line(qtbot, dialogs, tmp_path, name):
    path = write(tmp_path, name, CRASH_FILES[name]())
    window = MainWindow(str(path))
    qtbot.addWidget(window)
    window.show()
    opened_or_refused(qtbot, window, dialogs, path, name)
    window.close()


@pytest.mark.parametrize("name", CRASH_FILES)
def test_a_crash_file_through_file_open(qtbot, window, dialogs, tmp_path, name):
    path = write(tmp_path, name, CRASH_FILES[name]())
    dialogs.open_path = str(path)
    window.actions.open.trigger()
    opened_or_refused(qtbot, window, dialogs, path, name)


def test_a_crash_file_saves_and_opens_again_unchanged(qtbot, window, dialogs, tmp_path):
    path = write(tmp_path, "seed", CRASH_FILES["seed"]())
    dialogs.open_path = str(path)
    window.actions.open.trigger()
    settled(qtbot, window)
    dialogs.save_path = str(tmp_path / "again")
    window.actions.save_as.trigger()
    assert bpnet.load(tmp_path / "again.bpnet").network == bpnet.load(path).network


# -- a failed open changes nothing ----------------------------------------------------------


@pytest.fixture
def saved_and_training(qtbot, window, dialogs, tmp_path):
    """The window on a saved document, training."""
    dialogs.save_path = str(tmp_path / "mine")
    window.actions.save.trigger()
    window.actions.train.trigger()
    qtbot.waitUntil(lambda: window.last_snapshot.epoch > 0)
    dialogs.calls.clear()
    return window


def assert_as_it_was(qtbot, window, dialogs, tmp_path, network):
    reports = [text for kind, text in dialogs.calls if kind != "question"]  # (unsaved changes)
    assert len(reports) == 1 and "left as it was" in reports[0]
    assert window.windowTitle() == "mine.bpnet[*] — BP Studio"
    assert window.files.path == str(tmp_path / "mine.bpnet")
    assert window.session.network is network and window.designer.network_spec() is network
    assert window.designer.isEnabled()
    assert window.training.running  # the old network keeps training
    epoch = window.last_snapshot.epoch
    qtbot.waitUntil(lambda: window.last_snapshot.epoch > epoch)
    window.actions.train.trigger()  # pause, and Save still saves what is shown
    window.actions.save.trigger()
    assert not window.isWindowModified()
    assert bpnet.load(tmp_path / "mine.bpnet").epoch == window.last_snapshot.epoch > epoch


def test_a_file_that_cannot_be_read_changes_nothing(
        qtbot, saved_and_training, dialogs, tmp_path):
    window = saved_and_training
    network = window.session.network
    bad = write(tmp_path, "bad", edited(training={"batch_size": 0}))
    dialogs.open_path = str(bad)
    window.actions.open.trigger()
    settled(qtbot, window)
    assert_as_it_was(qtbot, window, dialogs, tmp_path, network)


def test_a_recent_file_that_was_damaged_changes_nothing(
        qtbot, saved_and_training, dialogs, tmp_path):
    window = saved_and_training
    network = window.session.network
    damaged = write(tmp_path, "damaged", EXAMPLES["sin"]().title)  # was a network once
    window.settings.add_recent_file(str(damaged))
    window.files.recent_menu.aboutToShow.emit()
    action = next(a for a in window.files.recent_menu.actions() if a.text() == "damaged.bpnet")
    action.trigger()
    settled(qtbot, window)
    assert_as_it_was(qtbot, window, dialogs, tmp_path, network)


@pytest.mark.parametrize("how", ["open", "new"])
def test_a_document_the_designer_cannot_show_changes_nothing(
        qtbot, saved_and_training, dialogs, tmp_path, monkeypatch, how):
    window = saved_and_training
    network = window.session.network
    shown = window.designer.set_session

    def refuse(session, prepared=None):
        if session.network is not network:
            shown(session, prepared)  # half shown, then it fails
            raise OverflowError("Python int too large to convert to C int")
        shown(session, prepared)

    monkeypatch.setattr(window.designer, "set_session", refuse)
    if how == "open":
        dialogs.open_path = str(example_path("points8"))
        window.actions.open.trigger()
        settled(qtbot, window)
    else:
        window.actions.new.trigger()
    assert "OverflowError" in dialogs.calls[-1][1]
    assert window.designer.session().network is network
    assert_as_it_was(qtbot, window, dialogs, tmp_path, network)


# -- opening stays responsive -------------------------------------------------------------


def table_file(tmp_path, rows, inputs):
    """A regression table of ``rows`` × (``inputs`` + 1) numbers."""
    rng = np.random.default_rng(0)
    table = Table(rng.normal(size=(rows, inputs)), rng.normal(size=(rows, 1)), "regression")
    session = replace(EXAMPLES["sin"](), data=DataSpec("table", table=table), state=None,
                      start=None)
    path = tmp_path / "large.bpnet"
    path.write_text(bpnet.dumps(session))
    return path


def gaps_while_opening(qtbot, window, path):
    """Seconds between the ticks of a 10 ms timer in the GUI thread while ``path`` is read."""
    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        if window.files.opening:
            gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    window.files.open_path(str(path))
    assert window.statusBar().findChild(QToolButton, "cancelOpeningButton").isVisible()
    assert not window.designer.isEnabled()  # an edit now would be lost
    settled(qtbot, window)
    timer.stop()
    return gaps


@pytest.fixture
def switch_interval():
    """Threads take turns with the GIL as often as in the app (create_app sets it)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    yield
    sys.setswitchinterval(before)


SLOW = os.environ.get("BPSTUDIO_LONG_TESTS") == "1"


@pytest.mark.parametrize("rows, inputs", [
    (100_000, 5),  # 600,000 numbers: about a second to read
    pytest.param(100_000, 19, marks=pytest.mark.skipif(
        not SLOW, reason="the largest table a file may hold (MAX_TABLE_VALUES); "
                         "BPSTUDIO_LONG_TESTS=1 runs it")),
])
def test_the_window_stays_responsive_while_a_large_file_is_read(
        qtbot, window, dialogs, tmp_path, switch_interval, rows, inputs):
    path = table_file(tmp_path, rows, inputs)
    window.actions.train.trigger()  # and training goes on meanwhile
    gaps = gaps_while_opening(qtbot, window, path)
    assert dialogs.kinds() == [] and window.windowTitle() == "large.bpnet[*] — BP Studio"
    assert len(gaps) >= 5, gaps  # the timer kept firing all along
    assert max(gaps) < 0.5, f"the GUI thread stood still for {max(gaps):.2f} s"
    assert window.data.full.n_samples == rows


def test_cancel_keeps_the_document_on_screen(qtbot, window, dialogs, tmp_path):
    path = table_file(tmp_path, 20_000, 1)
    title, network = window.windowTitle(), window.session.network
    window.files.open_path(str(path))
    qtbot.mouseClick(window.statusBar().findChild(QToolButton, "cancelOpeningButton"),
                     Qt.MouseButton.LeftButton)
    assert not window.files.opening and window.designer.isEnabled()
    QThreadPool.globalInstance().waitForDone(20000)  # the reading finishes in the background
    qtbot.wait(50)  # and its answer arrives, to be forgotten
    assert window.windowTitle() == title and window.session.network is network
    assert dialogs.kinds() == []


@pytest.mark.serial
def test_a_tiny_file_asking_for_too_much_data_is_refused_at_once(
        qtbot, window, dialogs, tmp_path):
    """917 bytes asking for 100,000 samples of 1,000 classes: 800 MB of one-hot targets."""
    data = {"generator": "gaussians", "params": {"n": 100_000, "classes": 1000}}
    doc = json.loads(bpnet.dumps(EXAMPLES["sin"]()))
    doc["data"] = {**{k: v for k, v in doc["data"].items() if k not in ("generator", "params")},
                   **data}
    doc["network"]["inputs"], doc["network"]["layers"][-1]["size"] = 2, 1000
    path = write(tmp_path, "gaussians", json.dumps(doc))
    title, network = window.windowTitle(), window.session.network
    start = time.perf_counter()
    dialogs.open_path = str(path)
    window.actions.open.trigger()
    settled(qtbot, window)
    assert time.perf_counter() - start < 3.0
    (kind, text), = dialogs.calls
    assert kind == "critical" and "20,000,000" in text
    assert window.windowTitle() == title and window.session.network is network
