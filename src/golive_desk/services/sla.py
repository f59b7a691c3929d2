"""The SLA policy of a project, the office's holiday years, and every issue's clock.

Nothing computed here is stored: the clock is read from the issue's report
time, its status changes and its first vendor entry each time, so changing the
policy (or receiving next year's holidays) recomputes everything.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from golive_desk.domain.enums import Side
from golive_desk.domain.errors import NotFoundError
from golive_desk.domain.ids import uuid7
from golive_desk.domain.issues import IssueStatus, Severity
from golive_desk.domain.models import Changes, Project
from golive_desk.domain.sla import (
    SlaPolicy,
    SlaReading,
    SlaState,
    StatusChange,
    default_expected_by,
    policy_from_text,
    sla_reading,
)
from golive_desk.domain.workdays import HolidayCalendar, YearData
from golive_desk.storage import queries, sla_reads
from golive_desk.storage.engine import Store, Tx
from golive_desk.storage.oplog import utc_now
from golive_desk.storage.unit_of_work import unit_of_work

_SEVERITY = {s.value: s for s in Severity}
_CHUNK = 500  # ids per IN (…): SQLite caps the bound parameters of one statement
_STATUS = {s.value: s for s in IssueStatus}
_parse = datetime.fromisoformat


@dataclass(frozen=True, slots=True)
class IssueClock:
    """One issue's SLA reading, with what the register shows beside it."""

    id: str
    number: str
    severity: Severity
    reading: SlaReading


@dataclass(frozen=True, slots=True)
class ProjectClocks:
    """Every live issue's clock in one project, and the years counted Monday–Friday."""

    policy: SlaPolicy
    clocks: tuple[IssueClock, ...]
    unknown_years: tuple[int, ...]

    def ids_in(self, state: SlaState) -> set[str]:
        return {c.id for c in self.clocks if c.reading.state is state}

    def count(self, state: SlaState) -> int:
        return sum(1 for c in self.clocks if c.reading.state is state)


class SlaService:
    """Read and change SLA policies; compute the clocks of a project's issues."""

    def __init__(self, store: Store, *, now: Callable[[], datetime] = datetime.now,
                 wall: Callable[[], str] = utc_now) -> None:
        self._store = store
        self._now = now
        self._wall = wall

    def _project(self, tx: Tx, code: str) -> Project:
        project = queries.find_project(tx, code.strip().upper())
        if project is None:
            raise NotFoundError(f"no project {code}", code=code)
        return project

    def policy(self, project_code: str) -> SlaPolicy:
        with self._store.read() as tx:
            project = self._project(tx, project_code)
            return policy_from_text(sla_reads.policy_text(tx, project.id))

    def set_policy(self, project_code: str, policy: SlaPolicy) -> Changes:
        """Store ``policy`` as the project's (one op: it travels in bundles)."""
        text = json.dumps(policy.to_json(), ensure_ascii=False, sort_keys=True)
        with unit_of_work(self._store, self._wall) as uow:
            project = self._project(uow.conn, project_code)
            uow.set("project", project.id, "sla_policy", text)
        return Changes.of("project", project.id)

    def calendar(self) -> HolidayCalendar:
        with self._store.read() as tx:
            return self.calendar_in(tx)

    @staticmethod
    def calendar_in(tx: Tx) -> HolidayCalendar:
        """The working-day calendar with the office's holiday years, inside a caller's read."""
        return HolidayCalendar.from_year_texts(sla_reads.holiday_year_texts(tx))

    @staticmethod
    def expected_by_rule(tx: Tx, project_id: str) -> Callable[[Severity, datetime], date]:
        """Inside a caller's read: the day a new issue is expected by when none is given
        (its severity's resolution target, on the project's policy and working days)."""
        policy = policy_from_text(sla_reads.policy_text(tx, project_id))
        calendar = SlaService.calendar_in(tx)
        return lambda severity, reported: default_expected_by(policy, calendar, severity,
                                                              reported)

    def holiday_years(self) -> tuple[YearData, ...]:
        """The office's holiday years in this store (the ones in force), by year."""
        return self.calendar().user_years

    @staticmethod
    def library_years(first: int = 2000, last: int = 2100) -> tuple[int, ...]:
        """The years the holiday library (chinese-calendar) knows."""
        library = HolidayCalendar()
        return tuple(year for year in range(first, last + 1) if library.known(year))

    def set_holiday_year(self, data: YearData) -> Changes:
        """Record one year's holidays (replacing this store's record of that year)."""
        text = json.dumps(data.to_json(), ensure_ascii=False, sort_keys=True)
        with unit_of_work(self._store, self._wall) as uow:
            existing = sla_reads.holiday_year_id(uow.conn, data.year)
            if existing is None:
                existing = uuid7()
                uow.create("holiday_year", existing, {"year": data.year, "data": text})
            else:
                uow.set("holiday_year", existing, "data", text)
        return Changes.of("holiday_year", existing)

    def clocks(self, project_code: str, now: datetime | None = None) -> ProjectClocks:
        """Every live issue's SLA reading at ``now`` (default: the local time)."""
        with self._store.read() as tx:
            project = self._project(tx, project_code)
            return self.clocks_in(tx, project, now or self._now())

    def readings(self, ids: Sequence[str], now: datetime | None = None,
                 ) -> dict[str, SlaReading]:
        """The clocks of these issues only (the register's rows on screen), by id."""
        now = now or self._now()
        found: dict[str, SlaReading] = {}
        with self._store.read() as tx:
            calendar = self.calendar_in(tx)
            for project_id, some in sla_reads.projects_of(tx, ids).items():
                for start in range(0, len(some), _CHUNK):
                    for clock in self._clocks(tx, project_id, now, calendar,
                                              some[start:start + _CHUNK]).clocks:
                        found[clock.id] = clock.reading
        return found

    def ids_in_state(self, tx: Tx, project_id: str, state: SlaState,
                     now: datetime | None = None) -> set[str]:
        """Inside a caller's read: the ids of the project's issues whose clock is in ``state``
        (the register's "breached" / "at risk" filters: every issue's clock, once)."""
        return self._clocks(tx, project_id, now or self._now(), self.calendar_in(tx)
                            ).ids_in(state)

    def clocks_in_project(self, tx: Tx, project_id: str, now: datetime) -> ProjectClocks:
        """Inside a caller's read: every clock of the project (the register's SLA sort)."""
        return self._clocks(tx, project_id, now, self.calendar_in(tx))

    def clocks_in(self, tx: Tx, project: Project, now: datetime) -> ProjectClocks:
        """:meth:`clocks` inside a read the caller holds (the overview reads it all at once)."""
        return self._clocks(tx, project.id, now, self.calendar_in(tx))

    def _clocks(self, tx: Tx, project_id: str, now: datetime, calendar: HolidayCalendar,
                ids: Sequence[str] | None = None) -> ProjectClocks:
        policy = policy_from_text(sla_reads.policy_text(tx, project_id))
        customers = {p.name for p in queries.people_of(tx, project_id)
                     if p.side is Side.CUSTOMER}
        rows = sla_reads.issue_clock_rows(tx, project_id, ids)
        changes = _changes_by_issue(sla_reads.status_changes(tx, project_id, ids))
        responses = sla_reads.first_responses(tx, project_id, customers, ids)
        clocks = []
        unknown: set[int] = set()
        for issue_id, number, severity, status, reported_at, created_at in rows:
            reported = _parse(reported_at or created_at[:16])
            if reported.tzinfo is not None:  # created_at is UTC: the site's wall time
                reported = reported.astimezone().replace(tzinfo=None)
            first = responses.get(issue_id)
            level = _SEVERITY.get(severity or "", Severity.MEDIUM)
            reading = sla_reading(policy, calendar, level,
                                  reported, _STATUS.get(status or "", IssueStatus.NEW),
                                  changes.get(issue_id, ()), _parse(first) if first else None,
                                  now)
            if reading.unknown_years:
                unknown.update(reading.unknown_years)
            clocks.append(IssueClock(issue_id, number, level, reading))
        return ProjectClocks(policy, tuple(clocks), tuple(sorted(unknown)))


def _changes_by_issue(rows: Iterable[tuple[str, str, str]]) -> dict[str, list[StatusChange]]:
    by_issue: dict[str, list[StatusChange]] = {}
    for issue_id, at, to in rows:
        status = _STATUS.get(to)
        if status is None:
            continue
        changes = by_issue.get(issue_id)
        if changes is None:
            changes = by_issue[issue_id] = []
        changes.append((_parse(at), status))
    return by_issue
