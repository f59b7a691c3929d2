"""The projector's way for a batch of new records gives what applying each op gives."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from golive_desk.domain.ids import uuid7
from golive_desk.domain.ops import Op
from golive_desk.services.container import Services
from golive_desk.services.store_admin import canonical_dump, init_store
from golive_desk.storage import oplog, projector
from golive_desk.storage.dialect import RawSql
from golive_desk.storage.unit_of_work import unit_of_work


def _store_with_project(path: Path) -> tuple[Services, str, str]:
    """A store with a project and a milestone: (services, project id, milestone id)."""
    init_store(path, "张力", "ZL")
    services = Services.open(path)
    project, _ = services.projects.add_project("HX", "华星电子 ERP", "杭州华星电子", "2026-11-02")
    stone, _ = services.calendar.set_milestone("HX", "acceptance", project.go_live)
    return services, project.id, stone.id


def _creates(project_id: str, existing: str) -> list[tuple[str, dict[str, object]]]:
    """Milestones, one already there (its create is skipped), a note left out (None)."""
    stones: list[tuple[str, dict[str, object]]] = [
        (uuid7(), {"project_id": project_id, "kind": "other", "day": f"2027-02-{n:02d}",
                   "note": f"第{n}次"}) for n in range(1, 6)]
    stones.append((existing, {"project_id": project_id, "kind": "other", "day": "2027-03-01",
                              "note": "again"}))
    stones.append((uuid7(), {"project_id": project_id, "kind": "go_live", "day": "2027-04-01"}))
    return stones


def _project_each(self: projector._Batch, items: Sequence[tuple[str, Op]]) -> None:
    self._apply_each(items, {op.entity_id: op.entity for _, op in items})


def _import(path: Path, records: list[tuple[str, dict[str, object]]]
            ) -> dict[str, list[tuple[object, ...]]]:
    services = Services.open(path)
    try:
        with unit_of_work(services.store, lambda: "2027-01-05T08:00:00.000+00:00") as uow:
            uow.create_many("milestone", records)
        return canonical_dump(services.store)
    finally:
        services.close()


def test_new_records_are_projected_as_applying_each_op_would(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    services, project_id, existing = _store_with_project(tmp_path / "template.db")
    services.close()
    records = _creates(project_id, existing)
    for name in ("quick", "each"):
        shutil.copy(tmp_path / "template.db", tmp_path / f"{name}.db")
    quick: list[int] = []
    real = projector._Batch._insert_created
    monkeypatch.setattr(projector._Batch, "_insert_created",
                        lambda self, items: (quick.append(len(items)), real(self, items))[1])
    by_rows = _import(tmp_path / "quick.db", records)
    assert quick == [7]
    monkeypatch.setattr(projector._Batch, "_insert_created", _project_each)
    by_ops = _import(tmp_path / "each.db", records)
    assert by_rows == by_ops
    assert len(by_rows["milestones"]) == 7  # six new and the one already there


def test_a_batch_with_another_kind_of_op_takes_the_general_way(
        services: Services, project_code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    project = services.projects.get(project_code)
    quick: list[int] = []
    monkeypatch.setattr(projector._Batch, "_insert_created",
                        lambda self, items: quick.append(len(items)))
    stone = uuid7()
    with unit_of_work(services.store) as uow, uow.batch():
        uow.create("milestone", stone, {"project_id": project.id, "kind": "other",
                                        "day": "2027-01-01", "note": ""})
        uow.create("milestone", stone, {"project_id": project.id, "kind": "other",
                                        "day": "2027-01-02", "note": "twice"})
    assert quick == []  # (one record created twice: the first create wins)
    assert [(m.day.isoformat(), m.note) for m in services.calendar.milestones(project_code)
            if m.id == stone] == [("2027-01-01", "")]


def test_registers_of_a_record_not_yet_created_are_taken_by_its_create(
        services: Services, project_code: str) -> None:
    """A set that arrived before its record's create (a peer's odd bundle) leaves a
    register; the create then takes its value, as replaying the log does."""
    project = services.projects.get(project_code)
    stone = uuid7()
    with unit_of_work(services.store) as uow:
        cursor = uow.cursor
        made = [oplog.make_op(cursor, entity="milestone", entity_id=stone, kind="set",
                              field="note", value="set first")]
        oplog.write_new(uow.conn, made)
        made = [oplog.make_op(cursor, entity="milestone", entity_id=stone, kind="create",
                              value={"project_id": project.id, "kind": "other",
                                     "day": "2027-01-01", "note": "created"})]
        oplog.insert_ops(uow.conn, made)
        batch = projector._Batch(RawSql(uow.conn))
        batch.run([(op_id, op) for op_id, op, _body in made])
    assert [m.note for m in services.calendar.milestones(project_code) if m.id == stone] \
        == ["set first"]
