"""A new issue shows, before it is saved, the expected-by date its SLA gives it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.services.container import Services
from tests.gui.conftest import settle
from tests.gui.issue_support import open_issues, services_of


def _store(store_path: Path) -> Path:
    services = Services.open(store_path)
    services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                  "2026-11-02", "2026-11-30")
    services.close()
    return store_path


def test_the_policys_date_shows_before_saving_and_is_what_the_save_gives(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    _, page = open_issues(qtbot, desktop, _store(store_path))
    services = services_of(desktop)
    page.new_issue()
    settle(qtbot, desktop)
    form = page.form
    reported = datetime(2026, 11, 6, 16, 0)  # a Friday afternoon: the weekend is skipped
    form.fields.reported_at.setDateTime(QDateTime(reported))
    settle(qtbot, desktop)
    medium = services.issues.default_expected_by("HX", "medium", reported)
    assert form.expected_hint.shown == medium
    assert form.fields.expected_by.edit.placeholderText().startswith(medium.isoformat())
    form.fields.severity.setCurrentIndex(form.fields.severity.findData("urgent"))
    settle(qtbot, desktop)
    urgent = services.issues.default_expected_by("HX", "urgent", reported)
    assert urgent < medium
    assert form.expected_hint.shown == urgent
    assert form.fields.expected_by.edit.placeholderText().startswith(urgent.isoformat())
    form.fields.title.setText("月末结账时凭证断号")
    form.save()
    settle(qtbot, desktop)
    assert form.issue is not None
    assert form.issue.expected_by == urgent
    # A saved issue shows its own date; no hint.
    assert form.expected_hint.shown is None
