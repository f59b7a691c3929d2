"""The issue form says who was on site the day the issue was reported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.domain.enums import SupportMode
from golive_desk.domain.support_calendar import Half
from golive_desk.services.container import Services
from golive_desk.ui.issues.form import IssueForm
from golive_desk.ui.issues.page import IssuesPage
from tests.gui.conftest import settle
from tests.gui.issue_support import open_issues


@pytest.fixture
def hx_store(store_path: Path) -> Path:
    """王敏 and 李强 on site on 3 November; 王敏 on the phone on the 4th."""
    services = Services.open(store_path)
    projects, calendar = services.projects, services.calendar
    projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司", "2026-11-02")
    wang, _ = projects.add_person("HX", "王敏", "consultant", initials="WM")
    li, _ = projects.add_person("HX", "李强", "consultant", initials="LQ")
    calendar.add_slot("HX", wang.id, date(2026, 11, 2), date(2026, 11, 3), Half.DAY,
                      SupportMode.ONSITE)
    calendar.add_slot("HX", li.id, date(2026, 11, 3), date(2026, 11, 3), Half.AM,
                      SupportMode.ONSITE)
    calendar.add_slot("HX", wang.id, date(2026, 11, 4), date(2026, 11, 4), Half.DAY,
                      SupportMode.PHONE)
    services.issues.create("HX", {"title": "凭证审核后无法反审核", "module": "总账",
                                  "severity": "high", "reporter": "刘芳",
                                  "reported_at": "2026-11-03T09:30", "assignee": "张力"})
    services.close()
    return store_path


@pytest.fixture
def page(qtbot: QtBot, desktop: DesktopApp, hx_store: Path) -> IssuesPage:
    return open_issues(qtbot, desktop, hx_store)[1]


def _report_on(form: IssueForm, when: str) -> None:
    form.fields.reported_at.setDateTime(QDateTime.fromString(when, "yyyy-MM-dd HH:mm"))


def test_an_opened_issue_names_who_was_on_site_that_day(
        qtbot: QtBot, page: IssuesPage, desktop: DesktopApp) -> None:
    page.view.selectRow(0)
    page.open_current()
    settle(qtbot, desktop)
    note = page.form.on_site
    assert note.isVisible()
    assert note.text() == "On site: 李强, 王敏"


def test_the_line_follows_the_reported_date(qtbot: QtBot, page: IssuesPage,
                                            desktop: DesktopApp) -> None:
    page.new_issue()
    settle(qtbot, desktop)
    form = page.form
    _report_on(form, "2026-11-02 15:00")
    settle(qtbot, desktop)
    assert form.on_site.text() == "On site: 王敏"
    _report_on(form, "2026-11-04 10:00")  # 王敏 supports by phone that day
    settle(qtbot, desktop)
    assert form.on_site.text() == "Nobody on site"
    assert form.on_site.isVisible()


def test_a_slot_added_elsewhere_shows_without_reopening(
        qtbot: QtBot, page: IssuesPage, desktop: DesktopApp) -> None:
    page.new_issue()
    settle(qtbot, desktop)
    form = page.form
    _report_on(form, "2026-11-05 10:00")
    settle(qtbot, desktop)
    assert form.on_site.text() == "Nobody on site"
    services = desktop.services
    assert services is not None
    li = next(p for p in services.projects.people("HX") if p.name == "李强")
    desktop.runner.run(lambda: services.calendar.add_slot(
        "HX", li.id, date(2026, 11, 5), date(2026, 11, 5), Half.PM, SupportMode.ONSITE)[1])
    settle(qtbot, desktop)
    assert form.on_site.text() == "On site: 李强"
