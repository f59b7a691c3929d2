"""People have one identity: one person, many project memberships (issue 10, item 5)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from golive_desk.domain.enums import Role
from golive_desk.domain.errors import NotFoundError
from golive_desk.domain.ids import uuid7
from golive_desk.services import store_admin
from golive_desk.services.container import Services
from golive_desk.services.store_admin import init_store
from golive_desk.storage import migrate
from golive_desk.storage.engine import Store, _make_engine
from golive_desk.storage.unit_of_work import unit_of_work


def _open(path: Path, name: str = "张力", initials: str = "ZL") -> Services:
    init_store(path, name, initials)
    services = Services.open(path)
    for code, customer in (("HX", "杭州华星电子"), ("DF", "东方机械"), ("QS", "青山食品")):
        services.projects.add_project(code, f"{customer} ERP", customer, "2026-11-02")
    return services


def _legacy_person(services: Services, code: str, name: str, role: str) -> str:
    """A person as versions before memberships wrote one: project and role in the record."""
    project = services.projects.get(code)
    person_id = uuid7()
    with unit_of_work(services.store) as uow:
        uow.create("person", person_id, {
            "project_id": project.id, "name": name, "initials": "", "role": role,
            "side": "customer" if role in ("key_user", "end_user", "customer_pm",
                                           "internal_support") else "vendor",
            "phone": "", "email": "", "department": "",
        }, depends_on=(uow.created_op(project.id),))
    return person_id


def test_a_consultant_on_three_projects_is_one_person(tmp_path: Path) -> None:
    services = _open(tmp_path / "s.db")
    try:
        ids = {services.projects.add_person(code, "陈思远", "consultant", initials="CSY",
                                            phone="137 5810 4412")[0].id
               for code in ("HX", "DF", "QS")}
        assert len(ids) == 1
        everyone = services.projects.all_people()
        assert [(p.name, p.projects) for p in everyone] == [("陈思远", ("DF", "HX", "QS"))]
        assert everyone[0].phone == "137 5810 4412"
        for code in ("HX", "DF", "QS"):
            assert [(p.name, p.role) for p in services.projects.people(code)] == [
                ("陈思远", Role.CONSULTANT)]
        # Other initials: another person of the same name.
        other, _ = services.projects.add_person("HX", "陈思远", "key_user", initials="CS")
        assert other.id not in ids
    finally:
        services.close()


def test_a_member_changes_role_and_leaves_one_project(tmp_path: Path) -> None:
    services = _open(tmp_path / "s.db")
    try:
        person, _ = services.projects.add_person("HX", "周建国", "consultant")
        services.projects.add_member("DF", person.id, "vendor_pm")
        services.projects.add_member("HX", person.id, "vendor_pm")  # a new role in HX
        assert services.projects.people("HX")[0].role == Role.VENDOR_PM
        assert services.projects.get("DF").vendor_pm == person.id
        services.projects.remove_member("HX", person.id)
        assert services.projects.people("HX") == []
        assert [p.projects for p in services.projects.all_people()] == [("DF",)]
        with pytest.raises(NotFoundError):
            services.projects.remove_member("HX", person.id)
        with pytest.raises(NotFoundError):
            services.projects.add_member("HX", uuid7(), "consultant")
    finally:
        services.close()


def test_people_written_before_memberships_keep_their_project_and_role(tmp_path: Path) -> None:
    services = _open(tmp_path / "s.db")
    try:
        old = _legacy_person(services, "HX", "刘芳", "key_user")
        assert [(p.id, p.role, p.membership_id) for p in services.projects.people("HX")] == [
            (old, Role.KEY_USER, None)]
        # Adding the same name to another project adds a membership, not a person.
        again, _ = services.projects.add_person("DF", "刘芳", "key_user")
        assert again.id == old
        assert [p.projects for p in services.projects.all_people()] == [("DF", "HX")]
        # A new role in the old project: the membership speaks for the pair.
        services.projects.add_member("HX", old, "customer_pm")
        assert [p.role for p in services.projects.people("HX")] == [Role.CUSTOMER_PM]
        services.projects.remove_member("HX", old)
        assert services.projects.people("HX") == []
        before = store_admin.canonical_dump(services.store)
        store_admin.doctor(services.store, rebuild=True)
        assert store_admin.canonical_dump(services.store) == before
    finally:
        services.close()


def test_the_local_user_is_linked_to_their_person(tmp_path: Path) -> None:
    services = _open(tmp_path / "s.db")
    try:
        assert services.projects.me() is None
        services.projects.add_person("HX", "周建国", "vendor_pm", initials="ZJG")
        assert services.projects.me() is None
        me, _ = services.projects.add_person("HX", "张力", "consultant", initials="ZL")
        found = services.projects.me()
        assert found is not None
        assert found.id == me.id
        services.projects.link_me(None)
        assert services.projects.me() is None
        with pytest.raises(NotFoundError):
            services.projects.link_me(uuid7())
    finally:
        services.close()


# -- a store written by the previous schema (revision 0005) ------------------------------

_COPIED = ("store_meta", "ops", "field_heads", "projects", "people")


def _make_0005_store(path: Path, scratch: Path) -> str:
    """A store as the release before memberships left it: one project, one old-style person."""
    services = Services.open(scratch)
    try:
        person_id = _legacy_person(services, "HX", "刘芳", "key_user")
    finally:
        services.close()
    store = Store(path, _make_engine(path))
    with store.write() as conn:
        migrate.upgrade(conn, "0005")
    store.close()
    db = sqlite3.connect(path)
    db.execute("ATTACH DATABASE ? AS scratch", (str(scratch),))
    with db:
        for table in _COPIED:
            columns = [r[1] for r in db.execute(f"PRAGMA main.table_info({table})")]
            names = ", ".join(columns)
            db.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM scratch.{table}")
        columns = [r[1] for r in db.execute("PRAGMA main.table_info(local_node)")]
        names = ", ".join(columns)
        db.execute(f"INSERT INTO main.local_node ({names}) SELECT {names} "
                   "FROM scratch.local_node")
    db.execute("DETACH DATABASE scratch")
    db.close()
    return person_id


def test_an_older_store_keeps_its_people_in_their_projects(tmp_path: Path) -> None:
    scratch = tmp_path / "scratch.db"
    _open(scratch).close()
    path = tmp_path / "old.db"
    person_id = _make_0005_store(path, scratch)
    services = Services.open(path)  # upgrades, after a backup copy
    try:
        assert list(tmp_path.glob("old.db.rev0005-*.bak"))
        assert [(p.id, p.name, p.role) for p in services.projects.people("HX")] == [
            (person_id, "刘芳", Role.KEY_USER)]
        again, _ = services.projects.add_person("DF", "刘芳", "end_user")
        assert again.id == person_id
        assert services.projects.people("DF")[0].role == Role.END_USER
        issue, _ = services.issues.create("HX", {"title": "凭证打印", "reporter": "刘芳"})
        assert services.issues.get(issue.number).reporter == "刘芳"
        before = store_admin.canonical_dump(services.store)
        store_admin.doctor(services.store, rebuild=True)
        assert store_admin.canonical_dump(services.store) == before
    finally:
        services.close()


@pytest.mark.parametrize(("user", "initials", "expected"), [
    ("张力", "ZL", "张力"), ("周建国", "ZJG", "周建国"), ("李雷", "LL", "张力")])
def test_the_demo_makes_its_people_once_and_links_the_local_user(
        tmp_path: Path, user: str, initials: str, expected: str) -> None:
    from golive_desk.services.demo import DEMO_PEOPLE, fill_demo

    path = tmp_path / "demo.db"
    init_store(path, user, initials)
    services = Services.open(path)
    try:
        fill_demo(services, issues=5)
        everyone = services.projects.all_people()
        assert len(everyone) == len(DEMO_PEOPLE)
        assert all(p.projects == ("HX",) for p in everyone)
        me = services.projects.me()
        assert me is not None
        assert me.name == expected
    finally:
        services.close()


def test_a_project_bundle_carries_its_members_and_their_people(tmp_path: Path) -> None:
    from tests.integration.sync_support import make_node

    laptop = make_node(tmp_path, "张力", "ZL")
    office = make_node(tmp_path, "周建国", "ZJG", office=True)
    try:
        projects = laptop.services.projects
        for code in ("HX", "DF"):
            projects.add_project(code, f"{code} ERP", f"{code} 客户", "2026-11-02")
        person, _ = projects.add_person("DF", "陈思远", "consultant", initials="CSY")
        projects.add_person("HX", "陈思远", "consultant", initials="CSY")
        # Contact details changed later travel too.
        with unit_of_work(laptop.services.store) as uow:
            uow.set("person", person.id, "phone", "137 5810 4412")
        projects.add_person("DF", "马超", "end_user")  # after HX's last op: not carried
        bundle = laptop.sync.export_bundle(tmp_path / "hx.zip", project="HX", full=True).file
        office.sync.import_bundle(bundle, trust_new=True)
        assert [(p.name, p.role, p.phone) for p in office.services.projects.people("HX")] == [
            ("陈思远", Role.CONSULTANT, "137 5810 4412")]
        assert [p.name for p in office.services.projects.all_people()] == ["陈思远"]
    finally:
        laptop.close()
        office.close()


def test_an_issue_names_its_assignee_and_reporter_as_people(tmp_path: Path) -> None:
    services = _open(tmp_path / "s.db")
    try:
        consultant, _ = services.projects.add_person("HX", "陈思远", "consultant")
        key_user, _ = services.projects.add_person("HX", "刘芳", "key_user")
        services.projects.add_person("DF", "林晓", "consultant")  # not a member of HX
        issue, _ = services.issues.create("HX", {"title": "凭证打印", "assignee": "陈思远",
                                                 "reporter": "刘芳"})
        shown = services.issues.get(issue.number)
        assert (shown.assignee_id, shown.reporter_id) == (consultant.id, key_user.id)
        services.issues.update(issue.number, {"assignee": "林晓", "reporter": "门卫老王"})
        shown = services.issues.get(issue.number)
        assert (shown.assignee, shown.assignee_id) == ("林晓", None)
        assert (shown.reporter, shown.reporter_id) == ("门卫老王", None)  # a free name
        services.issues.update(issue.number, {"assignee": "陈思远"})
        shown = services.issues.get(issue.number)
        assert shown.assignee_id == consultant.id
        # The timeline tells the name's changes only.
        fields = [e.field for e in shown.timeline if e.field]
        assert "assignee_id" not in fields
        assert fields.count("assignee") == 2
    finally:
        services.close()


def test_three_stores_exchanging_people_and_memberships_converge(tmp_path: Path) -> None:
    from tests.integration.sync_support import make_node, send

    office = make_node(tmp_path, "周建国", "ZJG", office=True)
    a = make_node(tmp_path, "张力", "ZL")
    b = make_node(tmp_path, "林晓", "LX")
    nodes = (office, a, b)
    try:
        for code in ("HX", "DF"):
            a.services.projects.add_project(code, f"{code} ERP", f"{code} 客户", "2026-11-02")
        person, _ = a.services.projects.add_person("HX", "陈思远", "consultant", initials="CSY")
        for _ in range(2):
            for src, dst in ((a, office), (office, b), (b, office), (office, a)):
                send(src, dst, tmp_path)
        # Offline: a gives the member another role, b gives another; b adds them to DF;
        # a adds a key user whom b, meanwhile, also adds to DF (a second person).
        a.services.projects.add_member("HX", person.id, "vendor_pm")
        b.services.projects.add_member("HX", person.id, "consultant")  # no change: no op
        b.services.projects.add_member("DF", person.id, "consultant")
        membership = b.services.projects.people("HX")[0].membership_id
        assert membership is not None
        with unit_of_work(b.services.store) as uow:
            uow.set("membership", membership, "role", "key_user")
        a.services.projects.add_person("HX", "刘芳", "key_user")
        b.services.projects.add_person("DF", "刘芳", "key_user")
        for _ in range(2):
            for src, dst in ((a, office), (b, office), (office, a), (office, b)):
                send(src, dst, tmp_path)
        dumps = [n.dump() for n in nodes]
        assert dumps[0] == dumps[1] == dumps[2]
        conflicts = [sorted((c.entity, c.field) for c in n.sync.conflicts()) for n in nodes]
        assert conflicts[0] == conflicts[1] == conflicts[2] == [("membership", "role")]
        for node in nodes:
            # Two people added offline under one name stay two (ids differ); say so.
            assert sorted((p.name, p.projects) for p in node.services.projects.all_people()) == [
                ("刘芳", ("DF",)), ("刘芳", ("HX",)), ("陈思远", ("DF", "HX"))]
            before = node.dump()
            store_admin.doctor(node.services.store, rebuild=True)
            assert node.dump() == before
    finally:
        for node in nodes:
            node.close()
