"""The SLA service and the overview's figures on a real store, with hand-counted expectations.

Times are site-local; standard hours 08:30–12:00, 13:00–17:30. Go-live is
Monday 2026-03-02; "now" is Tuesday 2026-03-03 10:00.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from golive_desk.domain.errors import NotFoundError
from golive_desk.domain.issues import IssueQuery, IssueStatus, Severity
from golive_desk.domain.sla import SeverityTargets, SlaPolicy, SlaState, TargetUnit, WorkTarget
from golive_desk.domain.workdays import YearData
from golive_desk.services.container import Services
from golive_desk.services.issues import IssueService

NOW = datetime(2026, 3, 3, 10, 0)


class Clock:
    def __init__(self) -> None:
        self.at = datetime(2026, 3, 2, 9, 0)

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def hx(services: Services) -> tuple[Services, dict[str, str]]:
    services.projects.add_project("HX", "华星电子", "杭州华星电子有限公司", "2026-03-02",
                                  "2026-03-31")
    clock = Clock()
    issues = IssueService(services.store, now=clock)

    def new(title: str, severity: str, reported: str, **more: str) -> str:
        issue, _ = issues.create("HX", {"title": title, "severity": severity,
                                        "reported_at": reported, **more})
        return issue.number

    numbers = {
        # answered at 09:30, never resolved: 9 h of the urgent day by now → breached
        "urgent": new("凭证无法审核", "urgent", "2026-03-02T09:00", module="总账"),
        # reported an hour ago, nobody answered: 1 h of 4 h → ok
        "high": new("发票打印错位", "high", "2026-03-03T09:00", module="应收"),
        # fix applied at 09:40 Monday, waiting for the customer: paused, awaiting
        "medium": new("入库单价为零", "medium", "2026-03-02T09:00", module="存货"),
        # an operation error, closed the same day
        "low": new("不会反结账", "low", "2026-03-02T10:00", module="总账",
                   category="operation_error", reporter="王会计"),
    }
    clock.at = datetime(2026, 3, 2, 9, 30)
    issues.add_entry(numbers["urgent"], "note", "已远程查看")
    issues.change_status(numbers["medium"], IssueStatus.IN_PROGRESS)
    clock.at = datetime(2026, 3, 2, 9, 40)
    for status in (IssueStatus.ESCALATED, IssueStatus.BRANCH_TESTED, IssueStatus.APPLIED_ON_SITE):
        issues.change_status(numbers["medium"], status, updates={
            "proposal": "修正入库单价", "cause": "价格表缺失", "resolution": "补录价格"})
    clock.at = datetime(2026, 3, 2, 11, 0)
    issues.change_status(numbers["low"], IssueStatus.RESOLVED,
                         updates={"cause": "操作不熟", "resolution": "已培训"})
    issues.change_status(numbers["low"], IssueStatus.CLOSED,
                         updates={"confirmed_by": "王会计", "confirmed_at": "2026-03-02"})
    return services, numbers


def test_clocks_per_issue(hx: tuple[Services, dict[str, str]]) -> None:
    services, numbers = hx
    clocks = {c.number: c.reading for c in services.sla.clocks("HX", NOW).clocks}
    urgent = clocks[numbers["urgent"]]
    assert (urgent.response.used, urgent.response.stopped) == (1800, True)
    assert urgent.resolution.used == 9 * 3600
    assert urgent.state is SlaState.BREACHED
    assert clocks[numbers["high"]].state is SlaState.OK
    medium = clocks[numbers["medium"]]
    assert medium.paused
    assert medium.resolution.used == 40 * 60
    low = clocks[numbers["low"]]
    assert low.resolution.stopped
    assert low.resolution.used == 3600
    assert low.state is SlaState.OK


def test_policy_change_recomputes_and_travels_as_an_op(
        hx: tuple[Services, dict[str, str]]) -> None:
    services, numbers = hx
    hours = WorkTarget(1, TargetUnit.HOURS)
    services.sla.set_policy("HX", SlaPolicy({Severity.HIGH: SeverityTargets(
        hours, WorkTarget(1, TargetUnit.DAYS))}, at_risk_percent=50))
    assert services.sla.policy("HX").at_risk_percent == 50
    clocks = {c.number: c.reading for c in services.sla.clocks("HX", NOW).clocks}
    assert clocks[numbers["high"]].response.state is SlaState.AT_RISK  # 1 h of 1 h: not over
    assert services.sla.clocks("HX", datetime(2026, 3, 3, 10, 1)).ids_in(SlaState.BREACHED) >= {
        c.id for c in services.sla.clocks("HX", NOW).clocks if c.number == numbers["high"]}


def test_office_holiday_year_makes_a_year_known(services: Services) -> None:
    services.projects.add_project("NY", "明年", "客户", "2027-02-01")
    issues = IssueService(services.store, now=lambda: datetime(2027, 2, 1, 9, 0))
    issues.create("NY", {"title": "春节前", "severity": "low", "reported_at": "2027-02-05T17:00"})
    later = datetime(2027, 2, 15, 9, 0)
    assert services.sla.clocks("NY", later).unknown_years == (2027,)
    data = YearData.build(2027, {date(2027, 2, d): "春节" for d in range(6, 15)})
    services.sla.set_holiday_year(data)
    clocks = services.sla.clocks("NY", later)
    assert clocks.unknown_years == ()
    # Fri 17:00–17:30 and Mon 15th 08:30–09:00: the festival week is off.
    assert clocks.clocks[0].reading.resolution.used == 3600
    # A second notice for the year replaces the first (one record per year).
    services.sla.set_holiday_year(YearData.build(2027, {date(2027, 2, 8): "春节"}))
    assert services.sla.calendar().is_workday(date(2027, 2, 9))


def test_summary_figures(hx: tuple[Services, dict[str, str]]) -> None:
    services, _ = hx
    summary = services.overview.summary("HX", NOW)
    assert summary.day == 2
    assert (summary.month_end_close, summary.days_to_month_end) == (date(2026, 3, 31), 28)
    assert (summary.total, summary.open) == (4, 3)
    assert dict(summary.open_by_severity) == {Severity.URGENT: 1, Severity.HIGH: 1,
                                              Severity.MEDIUM: 1, Severity.LOW: 0}
    assert summary.awaiting_confirmation == 1
    assert (summary.sla_breached, summary.sla_breached_open, summary.sla_at_risk) == (1, 1, 0)
    assert summary.operation_errors == 1
    assert summary.operation_error_reporters == (("王会计", 1),)
    assert summary.by_module == {"总账": 2, "应收": 1, "存货": 1}
    assert [(p.day.isoformat(), p.opened, p.closed, p.open) for p in summary.trend] == [
        ("2026-03-02", 3, 1, 2), ("2026-03-03", 1, 0, 3)]
    data = summary.to_json()
    for key in ("project", "day", "open_by_severity", "overdue", "awaiting_confirmation", "sla",
                "by_category", "by_module", "operation_error_share", "trend"):
        assert key in data
    assert data["sla"]["breached"] == 1
    assert data["trend"][-1] == {"date": "2026-03-03", "opened": 1, "closed": 0, "open": 3}


def test_summary_of_an_unknown_project(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.overview.summary("NOPE")


def test_figures_first_then_sla(hx: tuple[Services, dict[str, str]]) -> None:
    """The page's two reads give what ``summary`` gives in one."""
    services, _ = hx
    figures = services.overview.figures("HX", NOW)
    assert figures.sla is None
    assert (figures.sla_breached, figures.unknown_years) == (0, ())
    sla = services.overview.sla_figures("HX", NOW)
    assert (sla.breached, sla.breached_open, sla.at_risk, sla.at_risk_percent) == (1, 1, 0, 75)
    whole = services.overview.summary("HX", NOW)
    assert whole.sla == sla
    assert whole.to_json() == replace(figures, sla=sla).to_json()


def test_every_aggregate_reads_an_index_only(hx: tuple[Services, dict[str, str]]) -> None:
    """No overview query reads the issues' or entries' rows (revision 0009's indexes)."""
    services, _ = hx
    statements: list[str] = []

    def trace(statement: str) -> None:
        statements.append(statement)

    with services.store.read() as tx:
        raw = tx.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        raw.set_trace_callback(trace)
        try:
            services.overview._figures(tx, "HX", NOW)
        finally:
            raw.set_trace_callback(None)
        plans = {}
        for sql in statements:
            if "GROUP BY" not in sql and "count(" not in sql:
                continue
            plans[sql] = [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + sql)]
    assert len(plans) >= 8
    for sql, plan in plans.items():
        reads = [step for step in plan if step.startswith(("SCAN", "SEARCH"))
                 and "AUTOMATIC" not in step and " m " not in f" {step} "]
        assert reads, sql
        assert all("COVERING INDEX" in step for step in reads), (sql, plan)


def test_register_sla_filter_and_readings_of_some_rows(
        hx: tuple[Services, dict[str, str]]) -> None:
    services, numbers = hx
    issues = IssueService(services.store, now=lambda: NOW, sla=services.sla)
    everything = issues.list_ids(IssueQuery(project="HX"))
    clocks = services.sla.clocks("HX", NOW)
    breached = issues.list_ids(IssueQuery(project="HX", sla=SlaState.BREACHED.value))
    assert set(breached) == clocks.ids_in(SlaState.BREACHED)
    assert breached == [i for i in everything if i in set(breached)]  # register order kept
    assert [r.number for r in issues.register_top(
        IssueQuery(project="HX", sla="breached"), 80)] == [numbers["urgent"]]
    assert issues.list_ids(IssueQuery(project="HX", sla="at_risk")) == []
    counts = issues.counts(IssueQuery(project="HX", sla="breached"))
    assert sum(counts.values()) == 1
    # Only the rows asked for, and the same readings the whole project gives.
    some = everything[:2]
    readings = services.sla.readings(some, NOW)
    assert set(readings) == set(some)
    whole = {c.id: c.reading for c in clocks.clocks}
    assert all(readings[i] == whole[i] for i in some)
    assert services.sla.readings([], NOW) == {}


def test_printed_and_exported_register_carry_the_sla(
        hx: tuple[Services, dict[str, str]], tmp_path: Path) -> None:
    services, numbers = hx
    services.issues.create("HX", {"title": "明年", "severity": "low",
                                  "reported_at": "2027-01-04T09:00"})
    target = tmp_path / "register.csv"
    services.printing.export_register_csv("HX", target)
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    column = rows[0].index("SLA")
    by_number = {row[0]: row[column] for row in rows[1:]}
    assert by_number[numbers["urgent"]].startswith("超期 ")
    assert by_number[numbers["low"]] == "已达成"
    assert any("2027年按周一至周五计" in text for text in by_number.values())
    xlsx = tmp_path / "register.xlsx"
    services.printing.export_register_xlsx("HX", xlsx, language="en")
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).worksheets[0]
    header = [c.value for c in sheet[1]]
    sla_col = header.index("SLA")
    values = {row[0]: row[sla_col] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert str(values[numbers["urgent"]]).startswith("Overdue ")
    pdf = services.printing.print_register("HX", None, "zh_CN")
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    assert "超期" in text
    assert "SLA" in text


def test_changing_the_policy_recomputes(hx: tuple[Services, dict[str, str]]) -> None:
    services, _ = hx
    assert services.overview.sla_figures("HX", NOW).breached == 1
    loose = SlaPolicy({Severity.URGENT: SeverityTargets(WorkTarget.parse("2h"),
                                                        WorkTarget.parse("10d"))})
    services.sla.set_policy("HX", loose)
    assert services.sla.policy("HX") == loose
    figures = services.overview.sla_figures("HX", NOW)
    assert (figures.breached, figures.at_risk) == (0, 0)
    services.sla.set_policy("HX", SlaPolicy(at_risk_percent=10))
    assert services.overview.sla_figures("HX", NOW).breached == 1


def test_expected_by_defaults_from_the_policy(services: Services) -> None:
    services.projects.add_project("HX", "华星电子", "客户", "2026-03-02")
    issues = IssueService(services.store, now=lambda: datetime(2026, 3, 2, 9, 0))

    def expected(severity: str, reported: str, **more: object) -> date | None:
        issue, _ = issues.create("HX", {"title": "t", "severity": severity,
                                        "reported_at": reported, **more})
        return issue.expected_by

    # urgent: 1 working day from Friday 16:00 → Monday (the weekend does not count)
    assert expected("urgent", "2026-03-06T16:00") == date(2026, 3, 9)
    # low: 10 working days from Wednesday 2026-09-30 09:00: 7.5 h that day, Oct 1–7 off,
    # Saturday Oct 10 worked (调休): 9 more days to Oct 19, the last half hour on Oct 20
    assert expected("low", "2026-09-30T09:00") == date(2026, 10, 20)
    # a night report counts from the next morning: high 3 d from Monday 22:00 → Thursday
    assert expected("high", "2026-03-02T22:00") == date(2026, 3, 5)
    assert expected("medium", "2026-03-02T09:00", expected_by="2026-03-20") == date(2026, 3, 20)
    assert expected("medium", "2026-03-02T09:00", expected_by=None) is None
    services.sla.set_policy("HX", SlaPolicy({Severity.URGENT: SeverityTargets(
        WorkTarget.parse("1h"), WorkTarget.parse("4h"))}))
    assert expected("urgent", "2026-03-06T16:00") == date(2026, 3, 9)
    assert expected("urgent", "2026-03-06T09:00") == date(2026, 3, 6)
