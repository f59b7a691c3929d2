"""The SLA clock: response and resolution targets counted in the site's working time.

A project's :class:`SlaPolicy` gives, per severity, a response and a resolution
target in working hours or working days (a working day is the site's daily
working time, e.g. 8 h for 08:30–12:00, 13:00–17:30), the site's working hours
and the share of a target after which an issue is "at risk" (75 % unless the
project says otherwise). Time is counted on the Chinese working-day calendar
(:mod:`golive_desk.domain.workdays`): a 调休 Saturday counts, a Spring Festival
weekday does not, a report at night starts the clock at the next opening.

The clocks of one issue (:func:`sla_reading`):

- **Response** runs from ``reported_at`` until the first timeline entry by the
  vendor side (the caller decides who that is; see ``storage/sla_reads.py``).
- **Resolution** runs from ``reported_at`` until the issue is closed or
  transferred, and stands still while it waits for the customer:
  :data:`PAUSE_STATUSES` (the fix applied on site, or resolved — both wait for
  the customer's confirmation). Escalated is *not* a pause: the vendor is
  still working. A reopened issue's clock runs again.

A year the holiday calendar does not know is counted Monday–Friday and named
in :attr:`SlaReading.unknown_years`, so the window can say so.

Everything here is pure and cheap: the overview computes it for every issue of
a project each time it opens (100k issues in well under a second).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType

from golive_desk.domain.errors import SlaPolicyError, WorkingHoursError
from golive_desk.domain.issue_kinds import PAUSE_STATUSES, STOP_STATUSES, IssueStatus, Severity
from golive_desk.domain.issue_kinds import SlaState as SlaState  # named from here too
from golive_desk.domain.ops import JsonValue
from golive_desk.domain.workdays import HolidayCalendar
from golive_desk.domain.working_time import (
    STANDARD_HOURS,
    WorkingHours,
    add_working_time,
    working_seconds_between,
)

_TARGET_TEXT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*([hdHD]|小时|工作日|天)\s*$")
_UNIT_WORDS = {"h": "h", "小时": "h", "d": "d", "工作日": "d", "天": "d"}
DEFAULT_AT_RISK = 75


class TargetUnit(StrEnum):
    HOURS = "h"
    DAYS = "d"


@dataclass(frozen=True, slots=True)
class WorkTarget:
    """An amount of working time: ``2 h`` or ``1 d`` (a day is the site's working day)."""

    amount: float
    unit: TargetUnit

    @classmethod
    def parse(cls, text: str, field: str = "target") -> WorkTarget:
        """Read ``"2h"``, ``"1.5 d"``, ``"4 小时"`` or ``"1 工作日"``.

        Raises:
            SlaPolicyError: ``target_syntax`` or ``target_not_positive``.
        """
        match = _TARGET_TEXT.match(str(text))
        if match is None:
            raise SlaPolicyError(field, "target_syntax",
                                 f"'{text}' is not a working time such as 2h or 1d",
                                 value=str(text))
        target = cls(float(match.group(1)), TargetUnit(_UNIT_WORDS[match.group(2).lower()]))
        target.check(field)
        return target

    def check(self, field: str) -> None:
        if not math.isfinite(self.amount) or self.amount <= 0:
            raise SlaPolicyError(field, "target_not_positive",
                                 f"{field}: a target must be more than zero",
                                 value=self.to_text())

    def seconds(self, hours: WorkingHours) -> int:
        """Working seconds of this target under ``hours``."""
        per_unit = 3600 if self.unit is TargetUnit.HOURS else hours.day_seconds
        return round(self.amount * per_unit)

    def to_text(self) -> str:
        amount = int(self.amount) if float(self.amount).is_integer() else self.amount
        return f"{amount}{self.unit.value}"


@dataclass(frozen=True, slots=True)
class SeverityTargets:
    response: WorkTarget
    resolution: WorkTarget


def _targets(response: str, resolution: str) -> SeverityTargets:
    return SeverityTargets(WorkTarget.parse(response), WorkTarget.parse(resolution))


DEFAULT_TARGETS: Mapping[Severity, SeverityTargets] = MappingProxyType({
    Severity.URGENT: _targets("2h", "1d"),
    Severity.HIGH: _targets("4h", "3d"),
    Severity.MEDIUM: _targets("1d", "5d"),
    Severity.LOW: _targets("2d", "10d"),
})


@dataclass(frozen=True)
class SlaPolicy:
    """A project's SLA: targets per severity, the site's hours, the at-risk threshold (%).

    Raises (on construction):
        SlaPolicyError: a target of zero or less (``target_not_positive``, field
            ``urgent.response`` …), a threshold outside 1–100 (``threshold_range``).
    """

    targets: Mapping[Severity, SeverityTargets] = field(default_factory=lambda: DEFAULT_TARGETS)
    hours: WorkingHours = STANDARD_HOURS
    at_risk_percent: int = DEFAULT_AT_RISK
    _seconds: Mapping[Severity, tuple[int, int]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        full = {s: self.targets.get(s, DEFAULT_TARGETS[s]) for s in Severity}
        for severity, pair in full.items():
            pair.response.check(f"{severity.value}.response")
            pair.resolution.check(f"{severity.value}.resolution")
        if type(self.at_risk_percent) is not int or not 1 <= self.at_risk_percent <= 100:
            raise SlaPolicyError("at_risk_percent", "threshold_range",
                                 "the at-risk threshold must be 1–100 %",
                                 value=str(self.at_risk_percent))
        object.__setattr__(self, "targets", MappingProxyType(full))
        object.__setattr__(self, "_seconds", MappingProxyType({
            s: (p.response.seconds(self.hours), p.resolution.seconds(self.hours))
            for s, p in full.items()}))

    def response_seconds(self, severity: Severity) -> int:
        return self._seconds[severity][0]

    def resolution_seconds(self, severity: Severity) -> int:
        return self._seconds[severity][1]

    def to_json(self) -> dict[str, JsonValue]:
        """A JSON-able dict, as carried in the project's ``sla_policy`` field."""
        return {
            "v": 1,
            "hours": self.hours.to_text(),
            "at_risk_percent": self.at_risk_percent,
            "targets": {s.value: {"response": p.response.to_text(),
                                  "resolution": p.resolution.to_text()}
                        for s, p in self.targets.items()},
        }

    @classmethod
    def from_json(cls, value: object) -> SlaPolicy:
        """Rebuild from :meth:`to_json`; missing parts take the defaults, unknown keys are ignored.

        Raises:
            SlaPolicyError: not such a dict (``json``) or a rule broken.
            WorkingHoursError: the hours cannot be read.
        """
        if not isinstance(value, dict):
            raise SlaPolicyError("sla_policy", "json", "the SLA policy is not a JSON object")
        hours = value.get("hours")
        raw_targets = value.get("targets", {})
        if not isinstance(raw_targets, dict):
            raise SlaPolicyError("targets", "json", "the SLA targets are not a JSON object")
        targets: dict[Severity, SeverityTargets] = {}
        for severity in Severity:
            raw = raw_targets.get(severity.value)
            if raw is None:
                continue
            if not isinstance(raw, dict):
                raise SlaPolicyError(severity.value, "json",
                                     f"the {severity.value} targets are not a JSON object")
            default = DEFAULT_TARGETS[severity]
            targets[severity] = SeverityTargets(
                _read_target(raw, "response", severity, default.response),
                _read_target(raw, "resolution", severity, default.resolution))
        threshold = value.get("at_risk_percent", DEFAULT_AT_RISK)
        return cls(targets, WorkingHours.parse(hours) if isinstance(hours, str) else STANDARD_HOURS,
                   threshold if type(threshold) is int else -1)


def _read_target(raw: Mapping[str, object], key: str, severity: Severity,
                 default: WorkTarget) -> WorkTarget:
    text = raw.get(key)
    return default if text is None else WorkTarget.parse(str(text), f"{severity.value}.{key}")


DEFAULT_POLICY = SlaPolicy()


def policy_from_text(text: str | None) -> SlaPolicy:
    """The policy stored as JSON text, or the default where none (or a broken one) is stored.

    A policy written by a newer version that this one cannot read falls back to
    the default rather than failing every screen; the dialog shows the error.
    """
    if not text:
        return DEFAULT_POLICY
    try:
        return SlaPolicy.from_json(json.loads(text))
    except (ValueError, SlaPolicyError, WorkingHoursError):
        return DEFAULT_POLICY


@dataclass(frozen=True, slots=True)
class ClockReading:
    """One clock: its target and the working time used so far (or in all, once stopped)."""

    target: int  # working seconds
    used: int    # working seconds
    stopped: bool
    state: SlaState

    @property
    def left(self) -> int:
        """Working seconds left; negative: overdue by that much."""
        return self.target - self.used

    @property
    def share(self) -> float:
        return self.used / self.target if self.target else 1.0


@dataclass(frozen=True, slots=True)
class SlaReading:
    response: ClockReading
    resolution: ClockReading
    state: SlaState
    paused: bool
    unknown_years: tuple[int, ...] = ()


StatusChange = tuple[datetime, IssueStatus]


def _state(used: int, target: int, stopped: bool, threshold: int) -> SlaState:
    if used > target:
        return SlaState.BREACHED
    if not stopped and used * 100 >= target * threshold:
        return SlaState.AT_RISK
    return SlaState.OK


def resolution_span(reported: datetime, changes: Iterable[StatusChange], status: IssueStatus,
                    now: datetime) -> tuple[datetime, list[tuple[datetime, datetime]], bool]:
    """When the resolution clock ends (``now`` if it runs), its pauses, and whether it stopped.

    ``changes`` are the issue's status changes (time, new status) in order. A
    current status that the changes do not reach (an issue imported already
    closed) ends the clock at the last change, or at the report.
    """
    pauses: list[tuple[datetime, datetime]] = []
    pause_from: datetime | None = None
    stop_at: datetime | None = None
    last = reported
    for at, to in changes:
        at = max(at, reported)
        last = at
        if pause_from is not None and to not in PAUSE_STATUSES:
            pauses.append((pause_from, at))
            pause_from = None
        elif pause_from is None and to in PAUSE_STATUSES:
            pause_from = at
        stop_at = at if to in STOP_STATUSES else None
    if status in STOP_STATUSES:
        end = stop_at or last
        if pause_from is not None:
            pauses.append((pause_from, end))
        return end, pauses, True
    if pause_from is None and status in PAUSE_STATUSES:
        pause_from = last
    if pause_from is not None:
        pauses.append((pause_from, now))
    return now, pauses, False


def sla_reading(policy: SlaPolicy, calendar: HolidayCalendar, severity: Severity,
                reported: datetime, status: IssueStatus, changes: Iterable[StatusChange],
                first_response: datetime | None, now: datetime) -> SlaReading:
    """Both clocks of one issue at ``now`` (all datetimes naive, site-local).

    Args:
        policy: the project's policy.
        calendar: which days are worked.
        severity: the issue's severity (its targets).
        reported: when the issue was reported (the clocks' start).
        status: its current status.
        changes: its status changes ``(at, new status)`` in time order.
        first_response: the first timeline entry by the vendor side, if any.
        now: the time of the reading.
    """
    hours = policy.hours
    response_target, resolution_target = policy._seconds[severity]
    threshold = policy.at_risk_percent
    response_end = first_response if first_response is not None else now
    response_used = working_seconds_between(reported, max(response_end, reported), hours,
                                            calendar)
    responded = first_response is not None
    response = ClockReading(response_target, response_used, responded,
                            _state(response_used, response_target, responded, threshold))
    end, pauses, stopped = resolution_span(reported, changes, status, now)
    resolution_used = working_seconds_between(reported, end, hours, calendar, pauses)
    resolution = ClockReading(resolution_target, resolution_used, stopped,
                              _state(resolution_used, resolution_target, stopped, threshold))
    # Once resolved, a late first response no longer matters for "at risk".
    state = max(resolution.state, response.state if not stopped else
                (SlaState.BREACHED if response.state is SlaState.BREACHED else SlaState.OK),
                key=_RANK.__getitem__)
    unknown = (calendar.unknown_years(reported, end)
               if reported.year != end.year or not calendar.known(reported.year) else ())
    paused = not stopped and bool(pauses) and pauses[-1][1] == now and status in PAUSE_STATUSES
    return SlaReading(response, resolution, state, paused, unknown)


_RANK: dict[SlaState, int] = {SlaState.OK: 0, SlaState.AT_RISK: 1, SlaState.BREACHED: 2}


def default_expected_by(policy: SlaPolicy, calendar: HolidayCalendar, severity: Severity,
                        reported: datetime) -> date:
    """The day the resolution target runs out for an issue reported at ``reported``
    (site-local, naive): a new issue's expected-by date unless one is given."""
    return add_working_time(reported, policy.resolution_seconds(severity), policy.hours,
                            calendar).date()


def deciding_clock(reading: SlaReading) -> ClockReading:
    """The clock a register cell shows: the response clock while it runs and is the worse
    of the two, else the resolution clock."""
    response, resolution = reading.response, reading.resolution
    if not response.stopped and _RANK[response.state] > _RANK[resolution.state]:
        return response
    return resolution
