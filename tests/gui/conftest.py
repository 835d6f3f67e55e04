"""GUI tests run offscreen and never touch the developer's real settings."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("BPStudioTests")
    QCoreApplication.setApplicationName("BPStudioTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path
