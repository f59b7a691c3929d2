"""The ICS preview's decisions, made for all events at once, are those made one by one."""

from __future__ import annotations

from datetime import date, timedelta
from typing import cast

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from golive_desk.domain.calendar_ics import _KIND_WORDS, IcsEvent, milestone_kind
from golive_desk.domain.enums import ProjectStatus
from golive_desk.domain.holiday_ics import _kind
from golive_desk.domain.models import Project
from golive_desk.domain.support_calendar import Milestone, MilestoneKind
from golive_desk.services import calendar_ics
from golive_desk.storage.engine import Tx

_WORDS = ["例会", "月底结账", "月结", "Closing", "验收", "撤离", "上线", "go live", "国庆节",
          "假期", "补班", "休", "班", "春", "节", "\n", "x" * 1_500]
_UIDS = ["e1@customer", "a@golive-desk", "a@golive-desk#2027-01-01", "@golive", "-desk", ""]
_EVENTS = st.lists(st.builds(
    lambda uid, words, first, length: IcsEvent(uid, "".join(words), first,
                                               first + timedelta(days=length)),
    st.sampled_from(_UIDS), st.lists(st.sampled_from(_WORDS), max_size=3),
    st.dates(date(2027, 1, 1), date(2027, 1, 6)), st.integers(0, 1)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_EVENTS, _EVENTS.map(lambda events: [  # (none a holiday by its words)
    e._replace(summary="例会") for e in events])))
@example([IcsEvent("x@golive", "例会", date(2027, 1, 1), date(2027, 1, 1)),  # (no UID ours,
           IcsEvent("-desk", "例会", date(2027, 1, 1), date(2027, 1, 1))])  # no summary off)
@example([IcsEvent("e", "国", date(2027, 1, 1), date(2027, 1, 1)),
          IcsEvent("f", "庆", date(2027, 1, 1), date(2027, 1, 1))])
def test_a_customer_only_calendar_is_one_whose_every_event_is_the_customers(
        events: list[IcsEvent]) -> None:
    one_by_one = all(e.own_id is None and _kind(e.summary) is None for e in events)
    assert calendar_ics._customer_only(events) == one_by_one


def _one_by_one(events: list[IcsEvent], have: set[tuple[MilestoneKind, date]],
                ) -> tuple[list[tuple[MilestoneKind, date, str]], int]:
    """The decision as it was made event by event."""
    kept: list[tuple[MilestoneKind, date, str]] = []
    skipped = 0
    for event in sorted(events, key=lambda e: (e.first, e.summary)):
        key = (milestone_kind(event.summary), event.first)
        if key in have:
            skipped += 1
            continue
        have.add(key)
        kept.append((*key, event.summary[:2_000]))
    return kept, skipped


@settings(max_examples=300, deadline=None)
@given(_EVENTS, st.lists(st.tuples(st.sampled_from(list(MilestoneKind)),
                                   st.dates(date(2027, 1, 1), date(2027, 1, 6))), max_size=4))
def test_milestones_are_decided_as_event_by_event(
        events: list[IcsEvent], had: list[tuple[MilestoneKind, date]]) -> None:
    project = Project("p1", "HX", "华星", "华星电子", date(2027, 1, 2), date(2027, 1, 5),
                      ProjectStatus.LIVE_SUPPORT)
    stones = [Milestone(f"m{i}", project.id, project.code, kind, day)
              for i, (kind, day) in enumerate(had)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(calendar_ics.calendar_queries, "milestones_of",
                      lambda _tx, _ids: stones)
        found, skipped = calendar_ics._new_milestones(cast(Tx, None), events, project)
    have = {*had, (MilestoneKind.GO_LIVE, project.go_live),
            (MilestoneKind.MONTH_END_CLOSE, date(2027, 1, 5))}
    assert ([(m.kind, m.day, m.note) for m in found], skipped) == _one_by_one(events, have)
    assert {(m.project_id, m.project_code) for m in found} <= {("p1", "HX")}
    assert len({m.id for m in found}) == len(found)


def _kind_one_by_one(summary: str) -> MilestoneKind:
    """The kind as it was found: each kind's words in turn."""
    low = summary.lower()
    for kind, words in _KIND_WORDS:
        if any(word in low for word in words):
            return kind
    return MilestoneKind.OTHER


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*(w for _, words in _KIND_WORDS for w in words), "例会", "CLOSE",
                                 "Go-Live", "go", "-", "live", "验", "收", " "]), max_size=5))
def test_a_milestone_kind_is_the_first_kind_found(words: list[str]) -> None:
    summary = "".join(words)
    assert milestone_kind(summary) == _kind_one_by_one(summary)
