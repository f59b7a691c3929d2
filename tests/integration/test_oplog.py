"""Every change is an op; projections are a pure function of the op log."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from golive_desk.domain.errors import DuplicateError, NotFoundError, ValidationError
from golive_desk.services import store_admin
from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo


def _ops(path: Path) -> list[dict[str, object]]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT body FROM ops ORDER BY seq").fetchall()
    conn.close()
    return [json.loads(r[0]) for r in rows]


def test_each_write_appends_chained_signed_ops(services: Services, project_code: str) -> None:
    services.projects.add_person(project_code, "周建国", "vendor_pm")
    ops = _ops(services.store.path)
    # create project, create person, their membership, set project.vendor_pm
    assert [(o["entity"], o["kind"], o["field"]) for o in ops] == [
        ("project", "create", None), ("person", "create", None), ("membership", "create", None),
        ("project", "set", "vendor_pm")]
    assert [o["seq"] for o in ops] == [1, 2, 3, 4]
    assert ops[0]["chain"] is None
    assert all(o["author"] == "张力" for o in ops)
    lamports = [int(o["lamport"]) for o in ops]  # type: ignore[call-overload]
    assert lamports == sorted(lamports)
    assert len(set(lamports)) == 4
    # the membership's creation depends on the project's and the person's creation
    conn = sqlite3.connect(services.store.path)
    project_op = conn.execute("SELECT op_id FROM ops WHERE seq = 1").fetchone()[0]
    second_op = conn.execute("SELECT op_id FROM ops WHERE seq = 2").fetchone()[0]
    conn.close()
    assert ops[1]["prev"] == []
    assert sorted(ops[2]["prev"]) == sorted([project_op, second_op])  # type: ignore[call-overload]
    assert ops[2]["chain"] == second_op


def test_rebuilding_projections_gives_identical_tables(services: Services) -> None:
    fill_demo(services)
    before = store_admin.canonical_dump(services.store)
    assert before["people"]
    report = store_admin.doctor(services.store, rebuild=True)
    assert report.chain_ok
    assert report.rebuilt
    assert store_admin.canonical_dump(services.store) == before


def test_doctor_finds_a_tampered_op(services: Services, project_code: str) -> None:
    services.projects.add_person(project_code, "刘芳", "key_user")
    conn = sqlite3.connect(services.store.path)
    conn.execute("UPDATE ops SET body = replace(body, '刘芳', '王芳') WHERE seq = 2")
    conn.commit()
    conn.close()
    report = store_admin.doctor(services.store)
    assert not report.chain_ok
    assert any("does not match its hash" in p for p in report.problems)


def test_bad_input_changes_nothing(services: Services, project_code: str) -> None:
    before = len(_ops(services.store.path))
    with pytest.raises(DuplicateError):
        services.projects.add_project("hx", "again", "x", "2026-11-02")
    with pytest.raises(ValidationError, match="month-end close cannot be before go-live"):
        services.projects.add_project("AB", "x", "y", "2026-11-02", "2026-10-31")
    with pytest.raises(ValidationError, match="unknown role 'boss'"):
        services.projects.add_person(project_code, "某人", "boss")
    with pytest.raises(NotFoundError):
        services.projects.add_person("ZZ", "某人", "end_user")
    assert len(_ops(services.store.path)) == before


def test_the_first_pm_of_each_side_becomes_the_projects_pm(services: Services,
                                                           project_code: str) -> None:
    vendor, _ = services.projects.add_person(project_code, "周建国", "vendor_pm")
    customer, _ = services.projects.add_person(project_code, "王海东", "customer_pm")
    services.projects.add_person(project_code, "另一位", "vendor_pm")
    project = services.projects.get(project_code)
    assert (project.vendor_pm, project.customer_pm) == (vendor.id, customer.id)


def test_demo_project_has_every_role_and_all_modules(services: Services) -> None:
    from golive_desk.domain.enums import Role
    from golive_desk.services.demo import MODULES

    result = fill_demo(services)
    people = services.projects.people(result.project_code)
    assert {p.role for p in people} == set(Role)
    assert set(MODULES) == {"总账", "应收", "应付", "存货", "采购", "销售", "成本"}
    with pytest.raises(DuplicateError):
        fill_demo(services)


def test_rename_keeps_past_authors(services: Services, project_code: str) -> None:
    store_admin.rename_local_user(services.store, "张力（杭州）")
    services.projects.add_person(project_code, "刘芳", "key_user")
    authors = [o["author"] for o in _ops(services.store.path)]
    assert authors == ["张力", "张力（杭州）", "张力（杭州）"]  # person, membership


def test_an_ops_wall_is_utc_now_to_the_millisecond() -> None:
    from datetime import UTC, datetime, timedelta

    from golive_desk.storage.oplog import utc_now

    before = datetime.now(UTC) - timedelta(milliseconds=1)  # (a wall is cut to the ms)
    walls = [utc_now() for _ in range(2_000)]
    after = datetime.now(UTC)
    assert walls == sorted(walls)
    for wall in (walls[0], walls[-1]):
        assert len(wall) == len("2026-11-02T08:00:00.000+00:00")
        assert before <= datetime.fromisoformat(wall) <= after
