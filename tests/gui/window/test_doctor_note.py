"""The training doctor in the app: a note under the loss plot that names what it sees, links
the guide, and stays dismissed while its finding holds."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QToolButton

from bpstudio.core.doctor_findings import Finding
from bpstudio.core.snapshot import DOCTOR_FINDINGS
from bpstudio.gui.window.doctor_note import DoctorNote, guide_url

GUIDE = Path(__file__).resolve().parents[3] / "docs" / "guide.md"


def finding(id_="flat_loss", severity="warning"):
    return Finding(id_, severity, "The loss is flat.", "Try a larger rate.",
                   f"guide.md#{id_.replace('_', '-')}")


class Snap:
    def __init__(self, *findings):
        self.extras = {DOCTOR_FINDINGS: findings}


def test_a_dismissed_finding_stays_dismissed_while_it_holds_and_comes_back_after(qtbot):
    note = DoctorNote()
    qtbot.addWidget(note)
    note.show()
    note.show_snapshot(Snap(finding()))
    assert note.isVisible() and [f.id for f in note.findings] == ["flat_loss"]
    qtbot.mouseClick(note.rows[0].close_button, Qt.MouseButton.LeftButton)
    assert not note.isVisible()
    note.show_snapshot(Snap(finding()))  # still holds: still dismissed
    assert note.findings == ()
    note.show_snapshot(Snap())  # it went away
    note.show_snapshot(Snap(finding()))  # and came back: shown again
    assert [f.id for f in note.findings] == ["flat_loss"]


def test_each_finding_links_its_guide_section_and_the_guide_has_it():
    anchors = {line.removeprefix("### ").strip().lower().replace(" ", "-")
               for line in GUIDE.read_text().splitlines() if line.startswith("### ")}
    for id_ in ("flat_loss", "exploding_loss", "oscillating_loss", "dead_relus",
                "saturated_units", "vanishing_gradients", "overfitting"):
        url = guide_url(finding(id_).explained_in)
        assert url.fileName() == "guide.md" and url.fragment() in anchors


def test_the_link_opens_the_guide(qtbot, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    note = DoctorNote()
    qtbot.addWidget(note)
    note.show_snapshot(Snap(finding()))
    label = note.rows[0].label
    assert "Read more" in label.text()
    label.linkActivated.emit(guide_url(finding().explained_in).toString())
    assert opened and opened[0].fragment() == "flat-loss"


@pytest.mark.timeout(60)
def test_the_window_shows_a_learning_rate_too_large_under_the_loss_plot(qtbot, window):
    """lr 10 on the sin fit explodes or oscillates: the doctor says so while it trains."""
    window.designer.training.widgets["learning_rate"].setValue(10.0)
    optimizer = window.findChild(QComboBox, "optimizerCombo")
    optimizer.setCurrentIndex(optimizer.findData("sgd"))
    qtbot.mouseClick(window.findChild(QToolButton, "trainButton"), Qt.MouseButton.LeftButton)
    note = window.doctor_note
    qtbot.waitUntil(lambda: bool(note.findings), timeout=30000)
    if window.training.running:
        qtbot.mouseClick(window.findChild(QToolButton, "trainButton"), Qt.MouseButton.LeftButton)
    assert note.isVisible()
    assert note.parent() is window.docks["lossDock"].widget()  # under the loss plot
    seen = note.findings[0]
    assert seen.id in {"exploding_loss", "oscillating_loss", "saturated_units", "flat_loss"}
    qtbot.mouseClick(note.rows[0].close_button, Qt.MouseButton.LeftButton)
    assert seen.id in note.dismissed
