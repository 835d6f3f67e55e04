"""bpstudio --install-desktop-entry / --uninstall-desktop-entry, in a temporary
XDG_DATA_HOME: what is written, that it opens .bpnet files, and that removal takes exactly
that away."""

import configparser
import shutil
import subprocess

import pytest

from bpstudio import desktop_entry
from bpstudio.cli import main
from bpstudio.package_data import ICON_SIZES, icon_path


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def files_under(folder):
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def read_entry(path):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_writes_the_entry_the_icons_and_the_mime_type(home, capsys):
    assert main(["--install-desktop-entry"]) == 0
    assert "10 files" in capsys.readouterr().out
    entry = read_entry(home / "applications" / "bpstudio.desktop")
    assert entry["Type"] == "Application"
    assert entry["Name"] == "BP Studio"
    assert entry["Icon"] == "bpstudio"
    assert entry["MimeType"] == "application/x-bpstudio;"
    assert entry["Exec"].endswith(" %f")
    program = entry["Exec"].split()[0]
    assert subprocess.run([program, *desktop_entry.launch_command()[1:], "--version"],
                          capture_output=True, text=True, timeout=60).stdout.startswith("bpstudio")
    mime = (home / "mime" / "packages" / "bpstudio.xml").read_text()
    assert '<mime-type type="application/x-bpstudio">' in mime
    assert '<glob pattern="*.bpnet"/>' in mime
    for size in ICON_SIZES:
        installed = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "bpstudio.png"
        assert installed.read_bytes() == icon_path(size).read_bytes()
    svg = home / "icons" / "hicolor" / "scalable" / "apps" / "bpstudio.svg"
    assert svg.read_bytes() == icon_path().read_bytes()


@pytest.mark.skipif(shutil.which("update-mime-database") is None,
                    reason="shared-mime-info is not installed")
def test_the_mime_database_maps_bpnet_files_to_the_type(home):
    desktop_entry.install(home)
    assert "application/x-bpstudio:*.bpnet" in (home / "mime" / "globs2").read_text()


def test_uninstall_removes_exactly_what_install_wrote(home, capsys, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)  # compare files, not the caches
    other_entry = home / "applications" / "other.desktop"
    other_icon = home / "icons" / "hicolor" / "48x48" / "apps" / "other.png"
    for path in (other_entry, other_icon):
        path.parent.mkdir(parents=True)
        path.write_text("someone else's")
    before = files_under(home)
    assert main(["--install-desktop-entry"]) == 0
    written = files_under(home) - before
    assert len(written) == 2 + len(ICON_SIZES) + 1
    assert main(["--uninstall-desktop-entry"]) == 0
    assert "removed 10 files" in capsys.readouterr().out
    assert files_under(home) == before
    assert other_entry.read_text() == "someone else's"
    assert main(["--uninstall-desktop-entry"]) == 0  # nothing left to remove is no error
    assert "removed 0 files" in capsys.readouterr().out


def test_a_relative_xdg_data_home_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/data")
    assert desktop_entry.data_home() == tmp_path / ".local" / "share"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert desktop_entry.data_home() == tmp_path / ".local" / "share"


def test_a_folder_that_cannot_be_written_is_one_line_and_exit_1(home, capsys):
    home.parent.mkdir(exist_ok=True)
    home.write_text("a file where the folder should be")
    assert main(["--install-desktop-entry"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "desktop entry" in err


def test_the_two_flags_exclude_each_other_and_take_no_command(home, capsys, tmp_path):
    assert main(["--install-desktop-entry", "--uninstall-desktop-entry"]) == 2
    assert "not allowed" in capsys.readouterr().err
    assert main(["--install-desktop-entry", "new", "-o", str(tmp_path / "a.bpnet")]) == 2
    assert "take no command" in capsys.readouterr().err
    assert not home.exists() and not (tmp_path / "a.bpnet").exists()


@pytest.mark.parametrize(("arg", "written"), [
    ("/usr/bin/bpstudio", "/usr/bin/bpstudio"),
    ("/home/a b/bin/bpstudio", '"/home/a b/bin/bpstudio"'),
    ('/x/"q"$`', r'"/x/\\"q\\"\\$\\`"'),
    ("/x/100%", "/x/100%%"),
    ("/x/back\\slash", r'"/x/back\\\\slash"'),
])
def test_exec_arguments_are_quoted_as_the_desktop_entry_spec_says(arg, written):
    assert desktop_entry.exec_argument(arg) == written
    assert f"Exec={written} %f\n" in desktop_entry.desktop_file([arg])
