"""The Overview dashboard: figures from the demo, and tiles that lead into the register."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.domain.enums import ProjectStatus, SupportMode
from golive_desk.domain.issues import OPEN_STATUSES, IssueQuery, Severity
from golive_desk.domain.models import Changes
from golive_desk.domain.sla import SlaState
from golive_desk.domain.support_calendar import Half
from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo
from golive_desk.services.store_admin import init_store
from golive_desk.ui.calendar import texts
from golive_desk.ui.issues.model import IssueTableModel
from golive_desk.ui.issues.page import IssuesPage
from golive_desk.ui.overview.page import OverviewPage
from golive_desk.ui.overview.schedule import week_of
from tests.gui.conftest import settle


def test_a_severity_tile_opens_the_register_filtered(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    services = Services.open(store_path)
    fill_demo(services, issues=120)
    services.close()
    assert desktop.open_store(store_path)
    window = desktop.show_window()
    window.resize(1400, 900)
    settle(qtbot, desktop)
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    summary = overview.summary
    assert summary is not None
    dashboard = overview.dashboard
    urgent = summary.open_by_severity[Severity.URGENT]
    assert dashboard.severity_tiles[Severity.URGENT].value.text() == str(urgent)
    assert dashboard.breached.value.text() == str(summary.sla_breached)
    assert len(dashboard.trend.points()) == summary.day
    assert dashboard.categories.items()
    assert overview.people_model.rowCount() > 0

    tile = dashboard.severity_tiles[Severity.URGENT]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    settle(qtbot, desktop)
    assert window.stack.currentIndex() == 1
    register = window.page("issues")
    assert isinstance(register, IssuesPage)
    query = register.current_query()
    assert query is not None
    assert query.severities == frozenset({Severity.URGENT})
    assert query.statuses == frozenset(OPEN_STATUSES)
    assert register.model.rowCount() == urgent
    expected = desktop.services.issues.list_ids(IssueQuery(  # type: ignore[union-attr]
        project="HX", severities=frozenset({Severity.URGENT}),
        statuses=frozenset(OPEN_STATUSES)))
    assert len(expected) == urgent

    window.show_page("overview")
    qtbot.mouseClick(dashboard.overdue, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    settle(qtbot, desktop)
    query = register.current_query()
    assert query is not None
    assert query.overdue
    assert query.severities == frozenset()
    assert register.model.rowCount() == summary.overdue


def test_the_figures_are_painted_before_the_sla_clocks(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    services = Services.open(store_path)
    fill_demo(services, issues=40)
    services.close()
    assert desktop.open_store(store_path)
    window = desktop.show_window()
    settle(qtbot, desktop)
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    project = overview.summary.project if overview.summary else None
    assert project is not None
    order: list[str] = []
    overview.figures_shown.connect(lambda: order.append(
        "figures:" + overview.dashboard.breached.value.text()))
    overview.sla_shown.connect(lambda: order.append("sla"))
    overview.set_project(None)
    overview.set_project(project)
    with qtbot.waitSignal(overview.sla_shown, timeout=10_000):
        pass
    assert order == ["figures:…", "sla"]
    summary = overview.summary
    assert summary is not None
    assert summary.sla is not None
    assert overview.dashboard.breached.value.text() == str(summary.sla.breached)


def test_sla_tiles_lead_to_the_register_with_its_sla_column(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    services = Services.open(store_path)
    fill_demo(services, issues=60)
    # Reported in a year the holiday calendar does not know: the register says so.
    services.issues.create("HX", {"title": "明年的问题", "severity": "low",
                                  "reported_at": "2027-01-04T09:00"})
    services.close()
    assert desktop.open_store(store_path)
    window = desktop.show_window()
    window.resize(1600, 900)
    settle(qtbot, desktop)
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    summary = overview.summary
    assert summary is not None
    assert summary.sla is not None
    assert 2027 in summary.unknown_years
    assert overview.dashboard.notice.isVisibleTo(overview)
    register = window.page("issues")
    assert isinstance(register, IssuesPage)

    qtbot.mouseClick(overview.dashboard.breached, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    settle(qtbot, desktop)
    assert window.stack.currentIndex() == 1
    query = register.current_query()
    assert query is not None
    assert query.sla == SlaState.BREACHED.value
    assert register.model.rowCount() == summary.sla_breached
    assert register.filters.sla.currentData() == SlaState.BREACHED.value
    column = IssueTableModel.COLUMNS.index("sla")
    first = register.model.index(0, column)
    assert str(register.model.data(first)).startswith(("overdue", "超期"))

    window.show_page("overview")
    qtbot.mouseClick(overview.dashboard.at_risk, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    settle(qtbot, desktop)
    assert register.model.rowCount() == summary.sla_at_risk

    register.filters.set_sla(None)  # every issue; the newest (2027) first
    settle(qtbot, desktop)
    assert register.model.rowCount() == summary.total
    assert register.model.sla_label(0) is not None
    assert str(register.model.sla_label(0)).endswith("*")
    assert register.sla_notice.isVisibleTo(register)
    assert "2027" in register.sla_notice.text()


def test_the_support_card_shows_today_and_this_week(
        qtbot: QtBot, desktop: DesktopApp, tmp_path: Path) -> None:
    path = tmp_path / "support.db"
    init_store(path, "张力", "ZL")
    services = Services.open(path)
    today = date.today()
    monday, sunday = week_of(today)
    try:
        services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                      (today - timedelta(days=3)).isoformat())
        wang, _ = services.projects.add_person("HX", "王敏", "consultant", initials="WM")
        services.calendar.add_slot("HX", wang.id, today, today, Half.AM, SupportMode.PHONE)
    finally:
        services.close()
    assert desktop.open_store(path)
    window = desktop.show_window()
    window.resize(1500, 950)
    settle(qtbot, desktop)
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    card = overview.dashboard.support
    assert not card.empty.isVisibleTo(overview)
    lines = card.lines()
    assert len(lines) == 8  # today, then Monday to Sunday
    assert "王敏" in lines[0]
    assert texts.mode(SupportMode.PHONE) in lines[0]
    assert texts.half(Half.AM) in lines[0]
    assert "王敏" in lines[1 + today.weekday()]
    assert sum("王敏" in line for line in lines[1:]) == 1
    assert monday <= today <= sunday

    # Moved to next week: nothing this week, and the card says so.
    slot = desktop.services.calendar.slots("HX", None, today, today)[0]  # type: ignore[union-attr]
    desktop.services.calendar.move_slot(  # type: ignore[union-attr]
        slot.id, sunday + timedelta(days=1), sunday + timedelta(days=1))
    overview.set_project(overview.summary.project if overview.summary else None)
    settle(qtbot, desktop)
    assert card.empty.isVisibleTo(overview)
    assert card.lines()[1:] == []

    card.link.linkActivated.emit("calendar")
    settle(qtbot, desktop)
    assert window.page("calendar") is window.stack.currentWidget()


def test_the_readiness_tile_counts_the_exit_criteria_and_opens_the_handover(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    services = Services.open(store_path)
    fill_demo(services, issues=80)
    expected = services.handover.readiness("HX")
    services.close()
    assert desktop.open_store(store_path)
    window = desktop.show_window()
    window.resize(1400, 900)
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    with qtbot.waitSignal(overview.readiness_shown, timeout=20_000):
        settle(qtbot, desktop)
    tile = overview.dashboard.readiness
    met = sum(1 for c in expected if c.ok)
    assert tile.value.text() == f"{met}/{len(expected)}"
    red = [c for c in expected if not c.ok]
    assert red  # the demo is a month into support: not ready yet
    assert tile.note.text() == f"{len(red)} not yet met"
    # Every criterion is listed with its mark, the red ones with a cross.
    lines = overview.dashboard.checklist_lines()
    assert len(lines) == len(expected)
    assert sum(line.startswith("✗") for line in lines) == len(red)
    assert sum(line.startswith("✓") for line in lines) == met
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    settle(qtbot, desktop)
    assert window.current_page() is window.page("handover")


def test_a_signed_off_project_says_handed_over(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    services = Services.open(store_path)
    services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                  "2026-11-02")
    services.projects.set_status("HX", ProjectStatus.HANDOVER)
    services.close()
    assert desktop.open_store(store_path)
    window = desktop.show_window()
    settle(qtbot, desktop)
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    assert overview._subtitle.text().endswith("Handed over")


def test_readiness_is_counted_again_only_when_the_dashboard_is_seen(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    """It reads every issue and every clock: a change made on another page waits for the
    overview to be shown again."""
    services = Services.open(store_path)
    fill_demo(services, issues=60)
    services.close()
    assert desktop.open_store(store_path)
    window = desktop.show_window()
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    with qtbot.waitSignal(overview.readiness_shown, timeout=20_000):
        settle(qtbot, desktop)
    window.show_page("issues")
    settle(qtbot, desktop)
    with qtbot.assertNotEmitted(overview.readiness_shown, wait=300):
        overview.apply_changes(Changes.of("issue"))
        settle(qtbot, desktop)
    assert overview.summary is not None  # the figures were read again
    with qtbot.waitSignal(overview.readiness_shown, timeout=20_000):
        window.show_page("overview")
        settle(qtbot, desktop)


def test_a_tile_takes_its_accent_from_the_style_sheet_and_can_change_it(
        qtbot: QtBot, desktop: DesktopApp) -> None:
    """Readiness turns from orange to green when every criterion is met; the colour
    comes from the application's style sheet, not a style sheet per tile."""
    from golive_desk.ui.overview.page import Tile

    desktop.translators.install("en")  # the desktop fixture: the app's style sheet is on
    tile = Tile("Readiness", "orange")
    qtbot.addWidget(tile)
    tile.show()
    QApplication.processEvents()
    assert tile.styleSheet() == ""
    assert tile.value.styleSheet() == ""
    colour = tile.value.palette().color(QPalette.ColorRole.WindowText)
    assert colour == QColor("#e07b00")
    tile.set_accent("green")
    QApplication.processEvents()
    assert tile.value.palette().color(QPalette.ColorRole.WindowText) == QColor("#2e7d32")
    with pytest.raises(ValueError, match="no accent"):
        tile.set_accent("#123456")
