"""What a calendar view reads: one project's month with the others' clashing slots, on a
basis (projects, people, milestones, holidays) a page keeps between months."""

from __future__ import annotations

from datetime import date

import pytest

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.support_calendar import Half
from golive_desk.services.container import Services

D = date.fromisoformat
MONTHS = [(D("2026-10-26"), D("2026-12-06")), (D("2026-11-30"), D("2027-01-10")),
          (D("2027-01-26"), D("2027-03-07"))]


@pytest.fixture
def busy(services: Services, project_code: str) -> dict[str, str]:
    """HX, DF and NB share 张力 and 李强: on site for two projects on some half-days,
    beside each other on others, past HX's planned exit and over the Spring Festival."""
    projects, calendar = services.projects, services.calendar
    for code in ("DF", "NB"):
        projects.add_project(code, f"{code} ERP", f"客户{code}", "2026-11-09")
    people = {}
    for name, initials in (("张力", "ZL"), ("李强", "LQ")):
        person = projects.add_person("HX", name, "consultant", initials=initials)[0]
        for code in ("DF", "NB"):
            projects.add_member(code, person.id, "consultant")
        people[name] = person.id
    zl, lq = people["张力"], people["李强"]
    onsite, phone = SupportMode.ONSITE, SupportMode.PHONE
    for code, who, first, last, half, mode in (
            ("HX", zl, "2026-11-09", "2026-11-13", Half.DAY, onsite),
            ("DF", zl, "2026-11-12", "2026-11-12", Half.AM, onsite),  # clash
            ("NB", zl, "2026-11-13", "2026-11-16", Half.PM, onsite),  # clash
            ("DF", lq, "2026-11-10", "2026-11-10", Half.PM, onsite),
            ("HX", lq, "2026-11-10", "2026-11-10", Half.AM, onsite),  # beside, no clash
            ("NB", lq, "2026-11-30", "2026-12-02", Half.DAY, phone),
            ("HX", lq, "2026-12-01", "2026-12-01", Half.DAY, onsite),  # not on site elsewhere
            ("HX", zl, "2026-12-28", "2027-01-04", Half.DAY, onsite),  # New Year, past exit
            ("DF", zl, "2027-01-01", "2027-01-01", Half.DAY, onsite),  # a holiday clash
            ("HX", lq, "2027-02-05", "2027-02-18", Half.DAY, onsite),  # Spring Festival
            ("NB", lq, "2027-02-10", "2027-02-11", Half.AM, onsite)):
        calendar.add_slot(code, who, D(first), D(last), half, mode)
    calendar.set_milestone("HX", "planned_exit", D("2026-12-30"))
    calendar.set_milestone("DF", "month_end_close", D("2026-11-30"))
    return people


@pytest.mark.parametrize(("start", "end"), MONTHS)
@pytest.mark.parametrize("code", ["HX", "DF", "NB"])
def test_a_projects_view_warns_as_the_rules_over_every_slot_do(
        services: Services, busy: dict[str, str], code: str, start: date, end: date) -> None:
    calendar = services.calendar
    expected = [w for w in calendar.coverage(None, start, end) if w.project_code == code]
    assert any(w.code == "double_booked" for w in calendar.coverage(None, *MONTHS[0]))
    for person in (None, *busy.values()):
        view = calendar.view(code, person, start, end)
        assert list(view.warnings) == expected
        assert all(s.project_code == code for s in view.slots)
        assert all(s.person_id == person for s in view.slots if person)


@pytest.mark.parametrize(("start", "end"), MONTHS)
def test_every_projects_view_warns_for_every_project(
        services: Services, busy: dict[str, str], start: date, end: date) -> None:
    calendar = services.calendar
    expected = calendar.coverage(None, start, end)
    assert list(calendar.view(None, None, start, end).warnings) == expected
    assert list(calendar.view("HX", None, start, end, every_project=True).warnings) == expected


def test_a_kept_basis_draws_what_a_fresh_read_draws(services: Services,
                                                    busy: dict[str, str]) -> None:
    calendar = services.calendar
    basis = calendar.view("HX", None, *MONTHS[0]).basis
    for start, end in MONTHS:
        for code in ("HX", None):
            for team in (False, True):
                fresh = calendar.view(code, None, start, end, every_project=team)
                kept = calendar.view(code, None, start, end, every_project=team, basis=basis)
                assert kept.basis is basis
                assert (kept.slots, kept.warnings, kept.milestones, kept.issues) == (
                    fresh.slots, fresh.warnings, fresh.milestones, fresh.issues)
                assert kept.projects == fresh.projects
                assert kept.members == fresh.members


def test_a_moved_slot_carries_the_versions_of_its_move(services: Services,
                                                       busy: dict[str, str]) -> None:
    calendar = services.calendar
    slot = calendar.view("HX", busy["李强"], *MONTHS[1]).slots[0]
    assert set(slot.versions["start_day"]) == set(slot.versions["mode"])  # the create op
    moved, _ = calendar.move_slot(slot.id, D("2026-12-03"), D("2026-12-03"),
                                  seen=slot.versions)
    again = calendar.view("HX", busy["李强"], *MONTHS[1]).slots
    shown = next(s for s in again if s.id == slot.id)
    assert shown.versions == moved.versions
    assert shown.versions["start_day"] != slot.versions["start_day"]
    assert shown.versions["mode"] == slot.versions["mode"]


def test_views_on_the_kept_connection_see_each_write_and_end_with_the_store(
        services: Services, busy: dict[str, str]) -> None:
    """The view reads on a connection kept between reads: each read is a transaction of
    its own, so it sees what was committed since the last one, on any thread."""
    from concurrent.futures import ThreadPoolExecutor

    calendar = services.calendar
    start, end = MONTHS[0]
    before = calendar.view("HX", None, start, end)
    calendar.add_slot("HX", busy["李强"], D("2026-11-20"), D("2026-11-20"))
    with ThreadPoolExecutor(1) as worker:
        after = worker.submit(calendar.view, "HX", None, start, end, basis=before.basis).result()
    assert len(after.slots) == len(before.slots) + 1
    with services.store.read_kept() as tx, services.store.read_kept() as other:
        assert tx is not other  # (busy: the second read opens its own)
    services.store.close()
    with services.store.read_kept() as tx:  # closed: a connection of its own
        assert tx is not None
