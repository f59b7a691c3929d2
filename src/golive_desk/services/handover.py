"""The handover's read path: readiness computed from the store, the open issues, the exit.

Reads through the other services only (issues, SLA clocks, calendar, people);
the counting is :func:`golive_desk.domain.handover.readiness`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from golive_desk.domain.handover import Criterion, ReadinessThresholds, readiness
from golive_desk.domain.issues import Issue, IssueQuery
from golive_desk.domain.support_calendar import FIRST_DAY, MilestoneKind
from golive_desk.services.calendar import CalendarService
from golive_desk.services.issues import IssueService
from golive_desk.services.projects import ProjectService
from golive_desk.services.sla import SlaService
from golive_desk.storage.engine import Store


@dataclass(frozen=True, slots=True)
class HandoverStatus:
    """What ``handover show`` reports of a project."""

    project: str
    state: str
    readiness: tuple[Criterion, ...]
    untransferred: tuple[str, ...]
    exit_date: date | None
    accepted_at: str | None = None


class HandoverService:
    """Readiness and the state of a project's handover (read only, for now)."""

    def __init__(self, store: Store, *, issues: IssueService | None = None,
                 sla: SlaService | None = None, calendar: CalendarService | None = None,
                 projects: ProjectService | None = None) -> None:
        self._sla = sla or SlaService(store)
        self._issues = issues or IssueService(store, sla=self._sla)
        self._calendar = calendar or CalendarService(store)
        self._projects = projects or ProjectService(store)

    def _issues_of(self, project_code: str) -> list[Issue]:
        return self._issues.list_issues(IssueQuery(project=project_code))

    def readiness(self, project_code: str, today: date | None = None,
                  thresholds: ReadinessThresholds | None = None) -> list[Criterion]:
        """The exit criteria of the project on ``today`` (default: today)."""
        return self._readiness(project_code, self._issues_of(project_code), today, thresholds)

    def _readiness(self, code: str, issues: list[Issue], today: date | None,
                   thresholds: ReadinessThresholds | None) -> list[Criterion]:
        now = datetime.now() if today is None else datetime.combine(today, time(23, 59))
        day = now.date()
        clocks = self._sla.clocks(code, now)
        sla = {c.id: c.reading for c in clocks.clocks}
        slots = self._calendar.slots(code, None, FIRST_DAY, day)
        milestones = self._calendar.milestones(code)
        people = self._projects.people(code)
        return readiness(issues, sla, slots, milestones, people, day, thresholds)

    def status(self, project_code: str, today: date | None = None) -> HandoverStatus:
        """Readiness, the issues still open (to transfer or close) and the planned exit."""
        code = self._projects.get(project_code).code
        issues = self._issues_of(code)
        criteria = self._readiness(code, issues, today, None)
        exits = sorted(m.day for m in self._calendar.milestones(code)
                       if m.kind is MilestoneKind.PLANNED_EXIT)
        open_numbers = tuple(sorted(i.number for i in issues if i.is_open and not i.deleted))
        return HandoverStatus(code, "in_support", tuple(criteria), open_numbers,
                              exits[-1] if exits else None)
