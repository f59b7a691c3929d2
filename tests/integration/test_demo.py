"""The demo project: made once, and finished when a first attempt was killed half-way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from golive_desk.domain.errors import DuplicateError
from golive_desk.domain.issues import IssueQuery
from golive_desk.services.container import Services
from golive_desk.services.demo import DEMO_CODE, DEMO_PEOPLE, fill_demo
from golive_desk.services.store_admin import init_store


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    path = tmp_path / "store.db"
    init_store(path, "张力", "ZL")
    opened = Services.open(path)
    yield opened
    opened.close()


def test_a_demo_killed_after_its_first_people_is_finished_on_its_own_dates(
        services: Services) -> None:
    # What a demo killed half-way leaves: the project and a few people, no issues.
    live = date.today() - timedelta(days=20)
    services.projects.add_project(DEMO_CODE, "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                  live.isoformat())
    for name, role, initials, *_ in DEMO_PEOPLE[:3]:
        services.projects.add_person(DEMO_CODE, name, role, initials=initials)
    result = fill_demo(services, issues=12)
    assert result.issues == 12
    people = services.projects.people(DEMO_CODE)
    assert sorted(p.name for p in people) == sorted(row[0] for row in DEMO_PEOPLE)
    assert len(services.issues.list_ids(IssueQuery(project=DEMO_CODE))) == 12
    assert services.projects.get(DEMO_CODE).go_live == live
    assert services.calendar.slots(DEMO_CODE, None, live, live + timedelta(days=40))


def test_a_finished_demo_is_not_made_twice(services: Services) -> None:
    fill_demo(services, issues=5)
    with pytest.raises(DuplicateError):
        fill_demo(services, issues=5)
    assert len(services.issues.list_ids(IssueQuery(project=DEMO_CODE))) == 5
