"""Exchanges between real stores: SYNC.md points 1, 2, 4, 5, 6, 7 and 11."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from golive_desk.domain.conflicts import ConflictKind
from golive_desk.domain.enums import ProjectStatus
from golive_desk.domain.errors import BundleError, NotFoundError, ValidationError
from golive_desk.domain.sync_warnings import SyncWarning, WarningCode
from golive_desk.services.container import Services
from golive_desk.storage import projector
from tests.integration.sync_support import (
    Node,
    append_with_wall,
    exchange,
    file_state,
    make_node,
    make_trio,
    send,
)


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[tuple[Node, Node, Node]]:
    """The office and two laptops; the office has enrolled both, both know the office."""
    nodes = make_trio(tmp_path)
    yield nodes
    for node in nodes:
        node.close()


def test_importing_the_same_bundle_twice_is_a_reported_no_op(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, _ = trio
    a.services.projects.add_person("HX", "刘芳", "key_user")
    bundle = a.sync.export_bundle(tmp_path / "a.zip", peer="ZJG").file
    first = office.sync.import_bundle(bundle)
    before = office.dump()
    second = office.sync.import_bundle(bundle)
    assert first.applied == 2  # the person and their membership
    assert (second.applied, second.pending, second.already_had) == (0, 0, first.applied
                                                                    + first.already_had)
    assert second.already_imported_at is not None
    assert office.dump() == before


def test_ops_arriving_directly_and_through_the_office_apply_once(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    a.services.projects.add_person("HX", "刘芳", "key_user")
    direct = send(a, b, tmp_path, full=True)  # a laptop-to-laptop stick
    relayed_to_office = send(a, office, tmp_path)
    relayed = send(office, b, tmp_path)
    assert direct.applied >= 1
    assert relayed_to_office.applied == 2
    assert relayed.applied == 0
    assert relayed.already_had >= 1
    assert b.dump() == a.dump() == office.dump()
    people = b.services.projects.people("HX")
    assert [p.name for p in people] == ["刘芳"]


def test_same_field_set_offline_on_two_laptops_conflicts_identically_everywhere(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    issue, _ = a.services.issues.create("HX", {"title": "凭证打印缺页"})
    exchange(tmp_path, office, a, b)
    a.services.issues.update(issue.number, {"title": "总账凭证打印缺页"})
    b.services.issues.update(issue.number, {"title": "凭证打印第二页空白"})
    report_a = send(a, office, tmp_path)
    report_b = send(b, office, tmp_path)
    assert not report_a.conflicts
    assert [(c.label, c.field) for c in report_b.conflicts] == [(issue.number, "title")]
    send(office, a, tmp_path)
    send(office, b, tmp_path)
    shown = [[(c.field, tuple(v.value for v in c.values)) for c in n.sync.conflicts()]
             for n in (office, a, b)]
    assert shown[0] == shown[1] == shown[2]
    assert len(shown[0]) == 1
    assert set(shown[0][0][1]) == {"总账凭证打印缺页", "凭证打印第二页空白"}
    winner = shown[0][0][1][0]
    assert {n.services.issues.get(issue.number).title for n in (office, a, b)} == {winner}
    # One resolution, on one laptop, clears it everywhere.
    b.sync.resolve(issue.number, "title", "凭证打印缺页(已确认)")
    exchange(tmp_path, office, a, b)
    for node in (office, a, b):
        assert node.sync.conflicts() == []
        assert node.services.issues.get(issue.number).title == "凭证打印缺页(已确认)"
    assert office.dump() == a.dump() == b.dump()


def test_different_fields_of_one_issue_merge_without_conflict(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    issue, _ = a.services.issues.create("HX", {"title": "入库单无法审核"})
    exchange(tmp_path, office, a, b)
    a.services.issues.update(issue.number, {"cause": "审核流程未配置"})
    b.services.issues.update(issue.number, {"severity": "high"})
    exchange(tmp_path, office, a, b)
    for node in (office, a, b):
        merged = node.services.issues.get(issue.number)
        assert (merged.cause, merged.severity.value) == ("审核流程未配置", "high")
        assert node.sync.conflicts() == []
    assert office.dump() == a.dump() == b.dump()


def test_edit_concurrent_with_delete_stays_deleted_with_a_restore_conflict(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    issue, _ = a.services.issues.create("HX", {"title": "采购订单价格错误"})
    exchange(tmp_path, office, a, b)
    a.services.issues.update(issue.number, {"cause": "价格表未生效"})
    b.services.issues.delete(issue.number)
    exchange(tmp_path, office, a, b)
    exchange(tmp_path, office, a, b)
    for node in (office, a, b):
        assert node.services.issues.get(issue.number).deleted  # no silent resurrection
        found = node.sync.conflicts()
        assert [(c.kind, c.field) for c in found] == [
            (ConflictKind.EDITED_AFTER_DELETE, "cause")]
    a.sync.resolve(issue.number, "deleted", "restore")
    exchange(tmp_path, office, a, b)
    for node in (office, a, b):
        restored = node.services.issues.get(issue.number)
        assert not restored.deleted
        assert restored.cause == "价格表未生效"
        assert node.sync.conflicts() == []
    assert office.dump() == a.dump() == b.dump()


@pytest.mark.parametrize("wall", ["2001-01-01T08:00:00.000+00:00",
                                  "2031-06-01T08:00:00.000+00:00"])
def test_a_laptop_clock_far_off_changes_nothing_but_a_warning(
        tmp_path: Path, trio: tuple[Node, Node, Node], wall: str) -> None:
    office, a, b = trio
    project = a.services.projects.get("HX")
    b.services.projects.add_person("HX", "赵磊", "key_user")
    append_with_wall(a, "project", project.id, "customer", "华星电子(集团)", wall)
    send(b, office, tmp_path)
    report = send(a, office, tmp_path)
    assert any(w.is_clock and w.params["author"] == "张力" for w in report.warnings)
    exchange(tmp_path, office, a, b)
    for node in (office, a, b):
        assert node.services.projects.get("HX").customer == "华星电子(集团)"
        assert [p.name for p in node.services.projects.people("HX")] == ["赵磊"]
    assert office.dump() == a.dump() == b.dump()


def test_an_op_building_on_one_dated_year_one_is_reported_not_a_crash(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, _ = trio
    project = a.services.projects.get("HX")
    append_with_wall(a, "project", project.id, "customer", "华星", "0001-01-01T00:00:00+00:00")
    a.services.projects.set_status("HX", ProjectStatus.HANDOVER)  # its chain: the op above
    report = send(a, office, tmp_path)
    assert any(w.code == WarningCode.CLOCK_PAST for w in report.warnings)
    assert office.services.projects.get("HX").status == ProjectStatus.HANDOVER


@pytest.mark.parametrize(("walls", "expected"), [
    # Beijing time two days before the op it builds on (UTC): behind, though the
    # texts alone would sort the other way.
    (("2026-11-27T09:00:00.000+00:00", "2026-11-25T16:00:00+08:00"), WarningCode.CLOCK_BEHIND),
    # Year one east of Greenwich (no UTC time to compare); a wall that is no date.
    (("0001-01-01T00:00:00+08:00",), WarningCode.CLOCK_PAST),
])
def test_odd_walls_are_compared_as_times_and_never_crash_an_import(
        tmp_path: Path, trio: tuple[Node, Node, Node], walls: tuple[str, ...],
        expected: WarningCode) -> None:
    office, a, _ = trio
    project = a.services.projects.get("HX")
    for n, wall in enumerate(walls):
        append_with_wall(a, "project", project.id, "customer", f"华星{n}", wall)
    report = send(a, office, tmp_path)
    assert any(w.code == expected for w in report.warnings)
    assert office.services.projects.get("HX").customer == f"华星{len(walls) - 1}"


def test_an_op_whose_wall_is_no_date_refuses_the_bundle_before_any_write(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, _ = trio
    project = a.services.projects.get("HX")
    append_with_wall(a, "project", project.id, "customer", "华星", "2026-13-45T09:00:00+00:00")
    bundle = a.sync.export_bundle(tmp_path / "bad-wall.zip", peer="ZJG").file
    before = file_state(office.path)
    with pytest.raises(BundleError) as refused:
        office.sync.import_bundle(bundle)
    assert refused.value.check == "ops"
    assert "wall" in str(refused.value)
    assert file_state(office.path) == before


def test_an_absurd_lamport_jump_is_reported_and_merges_as_usual(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    project = a.services.projects.get("HX")
    append_with_wall(a, "project", project.id, "customer", "华星", "2026-11-27T09:00:00+00:00",
                     lamport_jump=5_000_000)
    report = send(a, office, tmp_path)
    assert any(w.code == WarningCode.LAMPORT_JUMP for w in report.warnings)
    b.services.projects.set_status("HX", ProjectStatus.HANDOVER)  # b's clock follows later
    exchange(tmp_path, office, a, b)
    assert office.dump() == a.dump() == b.dump()


def test_ops_whose_prerequisites_are_missing_wait_and_apply_later(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, _ = trio
    a.services.projects.add_person("HX", "刘芳", "key_user")
    first = a.sync.export_bundle(tmp_path / "1.zip", peer="ZJG").file
    office.sync.import_bundle(first)
    send(office, a, tmp_path)  # a learns that the office holds the first bundle
    a.services.projects.add_person("HX", "孙丽华", "key_user")
    second = a.sync.export_bundle(tmp_path / "2.zip", peer="ZJG").file
    fresh = make_node(tmp_path, "林晓", "LX")
    try:
        late = fresh.sync.import_bundle(second, trust_new=True)
        assert (late.applied, late.pending) == (0, 2)
        still = fresh.sync.import_bundle(first)
        assert (still.applied, still.pending) == (0, 2)
        caught_up = send(office, fresh, tmp_path)
        assert (caught_up.applied, caught_up.pending) == (5, 0)
        names = sorted(p.name for p in fresh.services.projects.people("HX"))
        assert names == ["刘芳", "孙丽华"]
        assert fresh.dump() == a.dump()
    finally:
        fresh.close()


def test_unknown_senders_need_trust_and_known_nodes_keep_their_key(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, _ = trio
    (tmp_path / "elsewhere").mkdir()
    stranger = make_node(tmp_path / "elsewhere", "外人", "WR")
    impostor = make_node(tmp_path / "elsewhere", "张力", "ZL")
    try:
        bundle = stranger.sync.export_bundle(tmp_path / "s.zip", full=True).file
        with pytest.raises(BundleError) as refused:
            office.sync.import_bundle(bundle)
        assert refused.value.check == "trust"
        assert refused.value.details["name"] == "外人"
        # a's node id with another key: refused even when trusting new keys.
        with impostor.services.store.write() as conn:
            conn.exec_driver_sql("UPDATE local_node SET node_id = ?", (a.node_id,))
        fake = impostor.sync.export_bundle(tmp_path / "fake.zip", full=True).file
        with pytest.raises(BundleError) as forged:
            office.sync.import_bundle(fake, trust_new=True)
        assert forged.value.check == "key"
    finally:
        stranger.close()
        impostor.close()


def test_the_office_roster_enrolls_laptops_on_other_laptops(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    a_peers = {p.node_id: p for p in a.sync.peers()}
    assert b.node_id in a_peers
    assert a_peers[b.node_id].enrolled_via == office.node_id
    b.services.projects.add_person("HX", "马超", "end_user")
    send(b, office, tmp_path)
    report = send(office, a, tmp_path, trust_new=False)
    assert report.applied == 2


def test_export_needs_a_known_peer_or_full(tmp_path: Path,
                                           trio: tuple[Node, Node, Node]) -> None:
    _, a, _ = trio
    with pytest.raises(ValidationError):
        a.sync.export_bundle(tmp_path / "x.zip")
    with pytest.raises(NotFoundError, match="no peer"):
        a.sync.export_bundle(tmp_path / "x.zip", peer="nobody")
    # b is known only from the office's roster: a has never heard from it.
    with pytest.raises(NotFoundError, match="--full"):
        a.sync.export_bundle(tmp_path / "x.zip", peer="CSY")


def test_project_bundle_carries_that_project_and_what_it_needs(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    _, a, _ = trio
    a.services.projects.add_project("QT", "其他项目", "其他客户", "2026-12-01")
    a.services.projects.add_person("QT", "其他人", "key_user")
    a.services.projects.add_person("HX", "刘芳", "key_user")
    fresh = make_node(tmp_path, "林晓", "LX")
    try:
        bundle = a.sync.export_bundle(tmp_path / "hx.zip", project="HX", full=True).file
        report = fresh.sync.import_bundle(bundle, trust_new=True)
        assert report.pending == 0
        assert [p.name for p in fresh.services.projects.people("HX")] == ["刘芳"]
    finally:
        fresh.close()


def test_passphrase_bundles_round_trip_and_refuse_a_wrong_passphrase(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, _ = trio
    a.services.projects.add_person("HX", "刘芳", "key_user")
    bundle = a.sync.export_bundle(tmp_path / "mail.bundle", peer="ZJG",
                                  passphrase="华星 2026!").file
    assert b"\xe5\x88\x98\xe8\x8a\xb3" not in bundle.read_bytes()  # 刘芳 not in clear
    for wrong in (None, "华星 2025!"):
        with pytest.raises(BundleError) as refused:
            office.sync.import_bundle(bundle, passphrase=wrong)
        assert refused.value.check == "passphrase"
    assert office.sync.import_bundle(bundle, passphrase="华星 2026!").applied == 2


def test_batch_import_equals_a_rebuild_from_the_op_log(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    issue, _ = a.services.issues.create("HX", {"title": "成本计算报错"})
    a.services.issues.add_entry(issue.number, "note", "已联系客户")
    b.services.projects.add_person("HX", "孙丽华", "key_user")
    exchange(tmp_path, office, a, b)
    before = office.dump()
    with office.services.store.write() as conn:
        projector.rebuild(conn)
    assert office.dump() == before


def test_attachments_travel_once_by_hash(tmp_path: Path,
                                         trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    issue, _ = a.services.issues.create("HX", {"title": "打印机驱动报错"})
    scan = tmp_path / "报错截图.png"
    scan.write_bytes(b"\x89PNG\r\n" + bytes(range(256)) * 64)
    a.services.issues.attach_file(issue.number, scan)
    a.services.issues.attach_file(issue.number, scan)  # the same file twice
    bundle = a.sync.export_bundle(tmp_path / "att.zip", peer="ZJG")
    assert bundle.blobs == 1
    office.sync.import_bundle(bundle.file)
    send(office, b, tmp_path)
    copy = b.services.issues.get(issue.number).attachments
    assert len(copy) == 2
    assert b.services.issues.blob_path(copy[0].sha256).read_bytes() == scan.read_bytes()
    assert not list(b.services.store.blob_dir.rglob(".incoming-*"))


def test_a_laptop_restored_from_a_backup_continues_after_its_own_ops(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, _ = trio
    a.services.store.engine.dispose()
    backup = tmp_path / "a-backup.db"
    shutil.copy(a.path, backup)
    a.services.projects.add_person("HX", "刘芳", "key_user")
    send(a, office, tmp_path)
    a.close()
    shutil.copy(backup, a.path)
    restored = Node(a.name, a.initials, a.path, Services.open(a.path))
    try:
        back = send(office, restored, tmp_path, full=True)
        assert back.applied == 2
        restored.services.projects.add_person("HX", "赵磊", "key_user")  # no seq reused
        send(restored, office, tmp_path)
        assert sorted(p.name for p in office.services.projects.people("HX")) == ["刘芳", "赵磊"]
    finally:
        restored.close()


def test_unknown_fields_of_a_newer_minor_format_are_kept_and_relayed(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    project = a.services.projects.get("HX")
    op_id = append_with_wall(a, "project", project.id, "name", "华星电子二期",
                             "2026-11-27T09:00:00.000+00:00",
                             extra={"v": "1.4", "confidence": "high"})
    send(a, office, tmp_path)
    send(office, b, tmp_path)
    with b.services.store.read() as conn:
        body = conn.exec_driver_sql("SELECT body FROM ops WHERE op_id = ?",
                                    (op_id,)).scalar_one()
    assert '"confidence":"high"' in body
    assert '"v":"1.4"' in body
    assert b.services.projects.get("HX").name == "华星电子二期"


def test_two_laptops_with_the_same_initials_get_a_warning_not_a_silent_clash(
        tmp_path: Path) -> None:
    from golive_desk.services.container import Services
    from golive_desk.services.store_admin import init_store

    first, second = tmp_path / "zl1.db", tmp_path / "zl2.db"
    init_store(first, "张力", "ZL")
    init_store(second, "赵磊", "ZL")
    one = Services.open(first)
    one.projects.add_project("HX", "华星", "华星电子", "2026-11-02")
    one.sync.export_bundle(tmp_path / "a.golive", full=True)
    two = Services.open(second)
    two.sync.import_bundle(tmp_path / "a.golive", trust_new=True)
    one.issues.create("HX", {"title": "凭证无法反审核", "module": "总账"})
    two.issues.create("HX", {"title": "采购入库单价取不到", "module": "采购"})
    one.sync.export_bundle(tmp_path / "b.golive", full=True)
    report = two.sync.import_bundle(tmp_path / "b.golive")
    one.close()
    two.close()
    assert SyncWarning.of(WarningCode.DUPLICATE_ISSUE_NUMBER, count=2,
                          number="HX-ZL-0001") in report.warnings
