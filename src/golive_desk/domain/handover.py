"""Handover readiness (交接准备度): the exit criteria, each green or red with its figures.

Pure: the caller reads the issues, their SLA clocks, the support schedule and
the project's people; :func:`readiness` only counts. Deleted issues never count.

The criteria (``Criterion.code``) and their rules:

- ``urgent_without_plan``: open issues of severity urgent whose ``proposal``
  (处理方案, the action plan) is empty. Figure: how many; green when at most
  ``max_urgent_without_plan`` (default 0).
- ``sla_urgent_high``: of the urgent and high issues that have an SLA reading,
  the share (%) whose clock is not breached (at risk still counts as within).
  Green when ≥ ``min_sla_share`` (default 90). No such issue: 100 %, green.
- ``resolved_by_staying``: of the issues resolved or closed, the share (%)
  resolved by someone who stays after the consultant leaves. An issue counts
  when its ``assignee`` (who the register says did the work) or the author of
  its last timeline move to ``resolved`` (when the timeline is loaded) names, by
  id, name or initials, a project member on the customer side (key user,
  internal support, customer PM, end user). Either is evidence: the author is
  whoever sat at the computer, often the consultant recording what internal
  support did; the assignee is often the consultant by habit. ``confirmed_by``
  is not used: confirmation is always the customer's, so it says nothing about
  who solved it. Green when ≥ ``min_resolved_by_staying`` (default 95).
  Nothing resolved yet: 0 %, red (there is no evidence yet that the customer
  can solve its own issues).
- ``month_end_closes``: every month-end close milestone on or before today
  must be *covered* (someone on site, an ``onsite`` slot that day) and
  *passed* (no urgent issue reported that day is still open). Figure:
  ``"passed/held"``; green when all passed and at least
  ``min_month_end_closes`` (default 1) were held.
- ``new_issues_per_day``: issues reported in the last ``trend_days`` days
  (default 7, today included) divided by that many days. Green when ≤
  ``max_new_per_day`` (default 5).
- ``days_since_urgent``: days from the report day of the latest urgent issue
  to today. Green when ≥ ``min_days_since_urgent`` (default 7); no urgent
  issue ever: figure ``"none"``, green.
- ``operation_error_share``: the share (%) of all issues whose category is
  operation error; ``details["reporters"]`` lists who reported them, most
  first (whom to train). Green when ≤ ``max_operation_error_share``
  (default 30).

Percentages are rounded to one decimal, the daily average to two.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from golive_desk.domain.enums import Side, SupportMode
from golive_desk.domain.issues import Category, Issue, IssueStatus, Severity
from golive_desk.domain.models import Person
from golive_desk.domain.sla import SlaReading, SlaState
from golive_desk.domain.support_calendar import Milestone, MilestoneKind, Slot

__all__ = ["CRITERIA", "Criterion", "ReadinessThresholds", "readiness", "resolver_of"]

CRITERIA: tuple[str, ...] = (
    "urgent_without_plan", "sla_urgent_high", "resolved_by_staying", "month_end_closes",
    "new_issues_per_day", "days_since_urgent", "operation_error_share",
)
_RESOLVED = frozenset({IssueStatus.RESOLVED, IssueStatus.CLOSED})


@dataclass(frozen=True, slots=True)
class ReadinessThresholds:
    """A project's exit thresholds; the defaults are the published vendor figures
    (no urgent issue without a plan, 90 % in SLA, 95 % resolved by the customer)
    and the methodology's own."""

    max_urgent_without_plan: int = 0
    min_sla_share: float = 90.0
    min_resolved_by_staying: float = 95.0
    min_month_end_closes: int = 1
    max_new_per_day: float = 5.0
    trend_days: int = 7
    min_days_since_urgent: int = 7
    max_operation_error_share: float = 30.0


@dataclass(frozen=True, slots=True)
class Criterion:
    """One exit criterion: green (``ok``) or red, its figure, the threshold it meets."""

    code: str
    ok: bool
    figure: str | float
    threshold: str | float
    details: Mapping[str, object] = field(default_factory=dict)


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def _day_of(issue: Issue) -> date | None:
    text = (issue.reported_at or issue.created_at)[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def resolver_of(issue: Issue) -> str:
    """Who resolved ``issue``: the author of its last move to resolved, else its assignee."""
    for entry in reversed(issue.timeline):
        if entry.to_status is IssueStatus.RESOLVED and entry.author:
            return entry.author
    return issue.assignee


def _names(person: Person, name: str) -> bool:
    return bool(name) and (name == person.name or bool(
        person.initials and name.upper() == person.initials.upper()))


def _stays(issue: Issue, people: Sequence[Person]) -> bool:
    resolver = resolver_of(issue).strip()
    assignee = issue.assignee.strip()
    for person in people:
        if person.side is not Side.CUSTOMER:
            continue
        if _names(person, resolver) or _names(person, assignee):
            return True
        if issue.assignee_id and issue.assignee_id == person.id:
            return True
    return False


def readiness(issues: Sequence[Issue], sla: Mapping[str, SlaReading], slots: Sequence[Slot],
              milestones: Sequence[Milestone], people: Sequence[Person], today: date,
              thresholds: ReadinessThresholds | None = None) -> list[Criterion]:
    """The exit criteria of one project on ``today``, in :data:`CRITERIA` order."""
    t = thresholds or ReadinessThresholds()
    live = [i for i in issues if not i.deleted]
    return [
        _urgent_without_plan(live, t),
        _sla_urgent_high(live, sla, t),
        _resolved_by_staying(live, people, t),
        _month_end_closes(live, slots, milestones, today, t),
        _new_per_day(live, today, t),
        _days_since_urgent(live, today, t),
        _operation_errors(live, t),
    ]


def _urgent_without_plan(live: Sequence[Issue], t: ReadinessThresholds) -> Criterion:
    found = sorted(i.number for i in live if i.is_open and i.severity is Severity.URGENT
                   and not i.proposal.strip())
    return Criterion("urgent_without_plan", len(found) <= t.max_urgent_without_plan,
                     float(len(found)), float(t.max_urgent_without_plan), {"issues": found})


def _sla_urgent_high(live: Sequence[Issue], sla: Mapping[str, SlaReading],
                     t: ReadinessThresholds) -> Criterion:
    counted = [i for i in live if i.severity in (Severity.URGENT, Severity.HIGH)
               and i.id in sla]
    breached = sorted(i.number for i in counted if sla[i.id].state is SlaState.BREACHED)
    within = len(counted) - len(breached)
    share = _pct(within, len(counted)) if counted else 100.0
    return Criterion("sla_urgent_high", share >= t.min_sla_share, share, t.min_sla_share,
                     {"within": within, "total": len(counted), "breached": breached})


def _resolved_by_staying(live: Sequence[Issue], people: Sequence[Person],
                         t: ReadinessThresholds) -> Criterion:
    resolved = [i for i in live if i.status in _RESOLVED]
    staying = [i for i in resolved if _stays(i, people)]
    share = _pct(len(staying), len(resolved))
    ok = bool(resolved) and share >= t.min_resolved_by_staying
    by_vendor = sorted(i.number for i in resolved if i not in staying)
    return Criterion("resolved_by_staying", ok, share, t.min_resolved_by_staying,
                     {"staying": len(staying), "total": len(resolved),
                      "not_staying": by_vendor})


def _month_end_closes(live: Sequence[Issue], slots: Sequence[Slot],
                      milestones: Sequence[Milestone], today: date,
                      t: ReadinessThresholds) -> Criterion:
    closes = sorted({m.day for m in milestones
                     if m.kind is MilestoneKind.MONTH_END_CLOSE and m.day <= today})
    uncovered: list[str] = []
    failed: list[str] = []
    for day in closes:
        if not any(s.mode is SupportMode.ONSITE and s.covers(day) for s in slots):
            uncovered.append(day.isoformat())
        if any(i.is_open and i.severity is Severity.URGENT and _day_of(i) == day
               for i in live):
            failed.append(day.isoformat())
    passed = sum(1 for d in closes if d.isoformat() not in uncovered
                 and d.isoformat() not in failed)
    ok = passed == len(closes) and len(closes) >= t.min_month_end_closes
    return Criterion("month_end_closes", ok, f"{passed}/{len(closes)}",
                     float(t.min_month_end_closes),
                     {"held": [d.isoformat() for d in closes], "uncovered": uncovered,
                      "not_passed": failed})


def _new_per_day(live: Sequence[Issue], today: date, t: ReadinessThresholds) -> Criterion:
    days = max(1, t.trend_days)
    first = today - timedelta(days=days - 1)
    count = sum(1 for i in live if (d := _day_of(i)) is not None and first <= d <= today)
    average = round(count / days, 2)
    return Criterion("new_issues_per_day", average <= t.max_new_per_day, average,
                     t.max_new_per_day,
                     {"new": count, "days": days, "from": first.isoformat(),
                      "to": today.isoformat()})


def _days_since_urgent(live: Sequence[Issue], today: date, t: ReadinessThresholds) -> Criterion:
    days = [d for i in live if i.severity is Severity.URGENT
            and (d := _day_of(i)) is not None and d <= today]
    if not days:
        return Criterion("days_since_urgent", True, "none", float(t.min_days_since_urgent),
                         {"last": None})
    last = max(days)
    since = (today - last).days
    return Criterion("days_since_urgent", since >= t.min_days_since_urgent, float(since),
                     float(t.min_days_since_urgent), {"last": last.isoformat()})


def _operation_errors(live: Sequence[Issue], t: ReadinessThresholds) -> Criterion:
    errors = [i for i in live if i.category is Category.OPERATION_ERROR]
    share = _pct(len(errors), len(live))
    reporters = Counter(i.reporter or "?" for i in errors)
    ranked = [{"reporter": name, "issues": n}
              for name, n in sorted(reporters.items(), key=lambda kv: (-kv[1], kv[0]))]
    return Criterion("operation_error_share", share <= t.max_operation_error_share, share,
                     t.max_operation_error_share,
                     {"errors": len(errors), "total": len(live), "reporters": ranked})
