"""The SLA clock, checked against times a consultant works out by hand.

Standard hours 08:30–12:00, 13:00–17:30 (8 h a day); the 2026 calendar as
chinese-calendar ships it: Saturday 2026-02-14 is a 调休 working day, the
Spring Festival holidays run from Sunday 15 to Monday 23 February.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from golive_desk.domain.errors import SlaPolicyError, WorkingHoursError
from golive_desk.domain.issues import IssueStatus, Severity
from golive_desk.domain.sla import (
    DEFAULT_POLICY,
    SeverityTargets,
    SlaPolicy,
    SlaState,
    TargetUnit,
    WorkTarget,
    policy_from_text,
    sla_reading,
)
from golive_desk.domain.workdays import HolidayCalendar
from golive_desk.domain.working_time import WorkingHours

CAL = HolidayCalendar()
H = 3600
S = IssueStatus


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def read(severity: Severity, reported: str, now: str, status: IssueStatus = S.IN_PROGRESS,
         changes: tuple[tuple[str, IssueStatus], ...] = (), response: str | None = None,
         policy: SlaPolicy = DEFAULT_POLICY):
    return sla_reading(policy, CAL, severity, at(reported), status,
                       [(at(t), s) for t, s in changes], at(response) if response else None,
                       at(now))


def test_an_adjusted_saturday_counts() -> None:
    # Fri 16:30–17:30 (1 h) + the 调休 Saturday 08:30–10:00 (1.5 h).
    reading = read(Severity.URGENT, "2026-02-13T16:30", "2026-02-14T10:00")
    assert reading.resolution.used == int(2.5 * H)
    assert reading.resolution.state is SlaState.OK  # 2.5 h of a day
    assert reading.response.state is SlaState.BREACHED  # 2.5 h of 2 h, nobody answered
    assert reading.state is SlaState.BREACHED


def test_spring_festival_weekdays_do_not_count() -> None:
    # Fri 17:00–17:30 (0.5 h) + Sat 14th (8 h) + Tue 24th 08:30–09:30 (1 h); 15th–23rd off.
    reading = read(Severity.URGENT, "2026-02-13T17:00", "2026-02-24T09:30",
                   response="2026-02-13T17:10")
    assert reading.resolution.used == int(9.5 * H)
    assert reading.resolution.left == -int(1.5 * H)
    assert reading.state is SlaState.BREACHED
    assert reading.unknown_years == ()


def test_lunch_break_is_not_working_time() -> None:
    # 11:30–12:00 and 13:00–13:30: one hour of the urgent response's two.
    assert read(Severity.URGENT, "2026-03-02T11:30", "2026-03-02T13:30").response.used == H
    reading = read(Severity.URGENT, "2026-03-02T11:30", "2026-03-02T14:00")
    assert reading.response.used == int(1.5 * H)
    assert reading.response.state is SlaState.AT_RISK  # 75 % used
    assert reading.state is SlaState.AT_RISK


def test_a_night_report_starts_at_the_next_opening() -> None:
    reading = read(Severity.HIGH, "2026-03-02T22:00", "2026-03-03T09:00")
    assert reading.response.used == H // 2
    assert reading.state is SlaState.OK


def test_a_report_on_a_holiday_starts_on_the_next_working_day() -> None:
    reading = read(Severity.HIGH, "2026-02-17T10:00", "2026-02-24T10:00")
    assert reading.resolution.used == int(1.5 * H)


def test_first_vendor_entry_stops_the_response_clock() -> None:
    answered = read(Severity.URGENT, "2026-03-02T09:00", "2026-03-02T17:00",
                    response="2026-03-02T10:30")
    assert (answered.response.used, answered.response.stopped) == (int(1.5 * H), True)
    assert answered.response.state is SlaState.OK  # 75 % used, but it has stopped
    late = read(Severity.URGENT, "2026-03-02T09:00", "2026-03-02T12:00",
                response="2026-03-02T11:30")
    assert late.response.state is SlaState.BREACHED
    assert late.state is SlaState.BREACHED


def test_waiting_for_the_customer_pauses_and_a_reopen_resumes() -> None:
    changes = (("2026-03-02T10:00", S.IN_PROGRESS), ("2026-03-02T11:00", S.APPLIED_ON_SITE),
               ("2026-03-04T09:00", S.IN_PROGRESS), ("2026-03-04T10:00", S.RESOLVED))
    # Mon 09:00–11:00 and Wed 09:00–10:00 run; the rest waits for the customer.
    waiting = read(Severity.HIGH, "2026-03-02T09:00", "2026-03-06T10:00", S.RESOLVED, changes,
                   response="2026-03-02T10:00")
    assert waiting.resolution.used == 3 * H
    assert waiting.paused
    assert not waiting.resolution.stopped
    closed = read(Severity.HIGH, "2026-03-02T09:00", "2026-03-10T10:00", S.CLOSED,
                  (*changes, ("2026-03-06T09:00", S.CLOSED)), response="2026-03-02T10:00")
    assert (closed.resolution.used, closed.resolution.stopped) == (3 * H, True)
    assert closed.state is SlaState.OK


def test_escalated_is_not_a_pause() -> None:
    reading = read(Severity.HIGH, "2026-03-02T09:00", "2026-03-02T12:00", S.ESCALATED,
                   (("2026-03-02T09:30", S.ESCALATED),), response="2026-03-02T09:30")
    assert reading.resolution.used == 3 * H
    assert not reading.paused


def test_a_closed_issue_is_breached_or_met_never_at_risk() -> None:
    changes = (("2026-03-02T16:30", S.RESOLVED), ("2026-03-03T09:00", S.CLOSED))
    met = read(Severity.URGENT, "2026-03-02T09:00", "2026-03-20T09:00", S.CLOSED, changes,
               response="2026-03-02T09:10")
    assert met.resolution.used == int(6.5 * H)  # 81 % of a day, but done
    assert met.state is SlaState.OK


def test_a_year_the_calendar_does_not_know_is_named_and_weekends_still_count() -> None:
    assert not CAL.known(2027)
    reading = read(Severity.URGENT, "2027-03-05T17:00", "2027-03-08T09:00")
    assert reading.resolution.used == H  # Fri 0.5 h + Mon 0.5 h, not the weekend
    assert reading.unknown_years == (2027,)
    across = read(Severity.LOW, "2026-12-30T09:00", "2027-01-05T09:00")
    assert across.unknown_years == (2027,)


def test_policy_round_trips_through_json() -> None:
    policy = SlaPolicy({Severity.URGENT: SeverityTargets(WorkTarget.parse("1h"),
                                                         WorkTarget.parse("0.5d"))},
                       WorkingHours.parse("09:00-12:00, 13:30-18:00"), 80)
    again = SlaPolicy.from_json(json.loads(json.dumps(policy.to_json())))
    assert again == policy
    assert again.resolution_seconds(Severity.URGENT) == int(3.75 * H)  # half of 7.5 h
    assert again.response_seconds(Severity.LOW) == 2 * int(7.5 * H)  # the default 2d


@pytest.mark.parametrize(("text", "rule"), [
    ("0h", "target_not_positive"), ("-2h", "target_not_positive"), ("2 weeks", "target_syntax"),
    ("", "target_syntax")])
def test_bad_targets_are_refused_with_a_rule(text: str, rule: str) -> None:
    with pytest.raises(SlaPolicyError) as caught:
        WorkTarget.parse(text, "urgent.response")
    assert (caught.value.rule, caught.value.field) == (rule, "urgent.response")


def test_zero_target_in_json_and_bad_threshold_are_refused() -> None:
    with pytest.raises(SlaPolicyError) as caught:
        SlaPolicy.from_json({"targets": {"high": {"resolution": "0d"}}})
    assert caught.value.field == "high.resolution"
    with pytest.raises(SlaPolicyError) as threshold:
        SlaPolicy(at_risk_percent=0)
    assert threshold.value.rule == "threshold_range"
    with pytest.raises(SlaPolicyError):
        SlaPolicy(targets={Severity.LOW: SeverityTargets(WorkTarget(2, TargetUnit.HOURS),
                                                         WorkTarget(-1, TargetUnit.DAYS))})


def test_hours_that_end_before_they_start_are_refused() -> None:
    with pytest.raises(WorkingHoursError) as caught:
        SlaPolicy.from_json({"hours": "17:30-08:30"})
    assert caught.value.rule == "end_not_after_start"


def test_stored_text_that_cannot_be_read_falls_back_to_the_default() -> None:
    assert policy_from_text(None) == DEFAULT_POLICY
    assert policy_from_text("{not json") == DEFAULT_POLICY
    assert policy_from_text(json.dumps({"at_risk_percent": 60})).at_risk_percent == 60
