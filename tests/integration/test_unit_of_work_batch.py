"""UnitOfWork.batch: ops held back, then checked, written and projected together."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from sqlalchemy import Connection

from golive_desk.domain.ids import uuid7
from golive_desk.domain.op_checks import MalformedOpError
from golive_desk.domain.ops import Op
from golive_desk.services.container import Services
from golive_desk.services.store_admin import canonical_dump
from golive_desk.storage import calendar_queries, oplog, projector
from golive_desk.storage.unit_of_work import unit_of_work


def _milestone(project_id: str, day: str) -> dict[str, object]:
    return {"project_id": project_id, "kind": "other", "day": day, "note": day}


def test_a_batch_is_projected_in_one_call_and_reads_see_it(
        services: Services, project_code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    project = services.projects.get(project_code)
    calls: list[int] = []
    real = projector.project
    monkeypatch.setattr(projector, "project",
                        lambda conn, items: (calls.append(len(items)), real(conn, items))[1])
    ids = [uuid7() for _ in range(3)]
    with unit_of_work(services.store) as uow, uow.batch():
        for n, stone in enumerate(ids):
            uow.create("milestone", stone, _milestone(project.id, f"2027-01-0{n + 1}"))
        assert calls == []  # held back
        # A read through the unit of work sees every op appended so far.
        assert {m.id for m in calendar_queries.milestones_of(uow.conn, [project.id])} \
            >= set(ids)
        assert calls == [3]
        uow.set("milestone", ids[0], "note", "moved")
    assert calls == [3, 1]
    with services.store.read() as tx:
        notes = {m.id: m.note for m in calendar_queries.milestones_of(tx, [project.id])}
    assert notes[ids[0]] == "moved"
    assert notes[ids[2]] == "2027-01-03"


def test_a_bad_op_in_a_batch_writes_nothing(services: Services, project_code: str) -> None:
    project = services.projects.get(project_code)
    before = canonical_dump(services.store)

    def write_two() -> None:
        with unit_of_work(services.store) as uow, uow.batch():
            uow.create("milestone", uuid7(), _milestone(project.id, "2027-01-01"))
            uow.create("milestone", uuid7(), _milestone(project.id, "not a day"))  # checked

    with pytest.raises(MalformedOpError):
        write_two()
    assert canonical_dump(services.store) == before


def test_ops_not_vouched_for_are_checked_beside_vouched_ones(
        services: Services, project_code: str) -> None:
    project = services.projects.get(project_code)
    before = canonical_dump(services.store)

    def write(vouched_first: bool) -> None:
        with unit_of_work(services.store) as uow, uow.batch():
            if not vouched_first:
                uow.create("milestone", uuid7(), _milestone(project.id, "not a day"))
            uow.create_many("milestone", [(uuid7(), _milestone(project.id, "2027-01-01"))],
                            checked=True)
            if vouched_first:
                uow.create("milestone", uuid7(), _milestone(project.id, "not a day"))

    for vouched_first in (True, False):
        with pytest.raises(MalformedOpError):
            write(vouched_first)
    assert canonical_dump(services.store) == before


def test_create_many_is_a_create_of_each_in_one_batch(
        services: Services, project_code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    project = services.projects.get(project_code)
    calls: list[int] = []
    real = projector.project

    def counted(conn: Connection, items: Sequence[tuple[str, Op]]) -> None:
        calls.append(len(items))
        real(conn, items)

    monkeypatch.setattr(projector, "project", counted)
    ids = [uuid7() for _ in range(4)]

    def records() -> Iterator[tuple[str, dict[str, object]]]:
        for n, stone in enumerate(ids):
            if n == 2:  # a read meanwhile writes what is held; what follows is still written
                assert len(calendar_queries.milestones_of(uow.conn, [project.id])) == 2
            yield stone, _milestone(project.id, f"2027-01-0{n + 1}")

    with unit_of_work(services.store) as uow:
        made = uow.create_many("milestone", records())
        assert uow.op_ids[-4:] == made
    assert calls == [2, 2]
    with services.store.read() as tx:
        stones = {m.id: m.day.isoformat() for m in calendar_queries.milestones_of(
            tx, [project.id])}
    assert stones == {stone: f"2027-01-0{n + 1}" for n, stone in enumerate(ids)}


class _Text(str):
    """A str subclass: its op's body must take the standard library's way."""


def test_make_creates_makes_what_make_op_makes() -> None:
    records: list[tuple[str, dict[str, object]]] = [
        (uuid7(), _milestone("p" * 36, f"2027-01-0{n}")) for n in range(1, 5)]
    records.append((_Text(uuid7()), {"note": 1.5, "day": _Text("x")}))  # (odd, not checked)
    records.append((uuid7(), {"note": 2**70}))  # (plain, but beyond what orjson writes)
    records.append((uuid7(), {"note": ["a", {"b": None}]}))  # (plain, not flat)
    walls = iter(["2027-01-01T00:00:00.000+00:00"] * 3 + [_Text("2027-01-01T00:00:01")] * 2
                 + ["2027-01-01T00:00:02.000+00:00"] * 2)
    by_batch = oplog.NodeCursor("ab" * 16, "张力", 7, "c" * 64, 9)
    made = list(oplog.make_creates(by_batch, "milestone", records, lambda: next(walls)))
    walls = iter(["2027-01-01T00:00:00.000+00:00"] * 3 + [_Text("2027-01-01T00:00:01")] * 2
                 + ["2027-01-01T00:00:02.000+00:00"] * 2)
    one_by_one = oplog.NodeCursor("ab" * 16, "张力", 7, "c" * 64, 9)
    expected = [oplog.make_op(one_by_one, entity="milestone", entity_id=entity_id,
                              kind="create", value=values, wall=next(walls))
                for entity_id, values in records]
    assert made == expected
    assert by_batch == one_by_one
    vouched = oplog.NodeCursor("ab" * 16, "张力", 7, "c" * 64, 9)  # (plain: not looked at)
    walls = iter(["2027-01-01T00:00:00.000+00:00"] * 3)
    assert list(oplog.make_creates(vouched, "milestone", records[:3], lambda: next(walls),
                                   plain=True)) == expected[:3]
