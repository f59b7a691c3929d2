"""The Overview dashboard: figures from the demo, and tiles that lead into the register."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.domain.issues import OPEN_STATUSES, IssueQuery, Severity
from golive_desk.domain.sla import SlaState
from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo
from golive_desk.ui.issues.model import IssueTableModel
from golive_desk.ui.issues.page import IssuesPage
from golive_desk.ui.overview.page import OverviewPage
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
