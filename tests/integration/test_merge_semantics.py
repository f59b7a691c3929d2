"""SYNC.md points 12–14: an edit supersedes only what its author saw, a delete's
concurrent restore or note is a conflict everywhere, the Lamport order holds
against the store, and ops are checked against the entity registry.

Each test is an exchange between real stores with real bundles.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from golive_desk.domain.conflicts import ConflictKind
from golive_desk.domain.errors import BundleError, WorkflowError
from golive_desk.domain.ids import uuid7
from golive_desk.domain.ops import canonical_json
from golive_desk.storage import oplog, projector
from tests.integration.sync_support import Node, exchange, file_state, make_trio, send


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[tuple[Node, Node, Node]]:
    """The office and two laptops that share project HX and issue HX-ZL-0001."""
    office, a, b = make_trio(tmp_path)
    a.services.issues.create("HX", {"title": "凭证审核后无法反审核", "severity": "medium"})
    exchange(tmp_path, office, a, b)
    yield office, a, b
    for node in (office, a, b):
        node.close()


NUMBER = "HX-ZL-0001"


def _conflicts(node: Node) -> list[tuple[str, str, ConflictKind, tuple[object, ...]]]:
    return [(c.label, c.field, c.kind, tuple(v.value for v in c.values))
            for c in node.sync.conflicts()]


def _severity_conflict(tmp_path: Path, office: Node, a: Node, b: Node) -> None:
    a.services.issues.update(NUMBER, {"severity": "urgent"})
    b.services.issues.update(NUMBER, {"severity": "low"})
    exchange(tmp_path, office, a, b)
    exchange(tmp_path, office, a, b)


# -- an edit supersedes only what its author saw ---------------------------------------

def test_a_plain_set_on_a_field_in_conflict_is_refused_naming_both_values(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    _severity_conflict(tmp_path, office, a, b)
    shown = a.services.issues.get(NUMBER).severity.value
    a.services.issues.update(NUMBER, {"severity": shown})  # no change: the conflict stays
    with pytest.raises(WorkflowError) as refused:
        a.services.issues.update(NUMBER, {"severity": "high"})
    assert refused.value.details["reason"] == "conflict"
    assert set(refused.value.details["values"]) == {"urgent", "low"}  # type: ignore[arg-type]
    assert "'urgent'" in str(refused.value)
    assert "'low'" in str(refused.value)
    # Still in conflict on every store: nothing was cleared.
    exchange(tmp_path, office, a, b)
    for node in (office, a, b):
        assert [c[1] for c in _conflicts(node)] == ["severity"]


def test_set_with_resolve_settles_the_conflict_everywhere(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    _severity_conflict(tmp_path, office, a, b)
    issue, _ = b.services.issues.update(NUMBER, {"severity": "high"}, resolve=True)
    assert issue.severity.value == "high"
    exchange(tmp_path, office, a, b)
    for node in (office, a, b):
        assert _conflicts(node) == []
        assert node.services.issues.get(NUMBER).severity.value == "high"


def test_a_save_after_an_import_changed_the_field_joins_the_conflict(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    shown = a.services.issues.get(NUMBER)  # the form opens on laptop A
    b.services.issues.update(NUMBER, {"severity": "urgent"})
    exchange(tmp_path, office, b)
    send(office, a, tmp_path)  # the import arrives while the form is open
    assert a.services.issues.get(NUMBER).severity.value == "urgent"
    saved, _ = a.services.issues.update(NUMBER, {"severity": "low"}, seen=shown.versions)
    # The value A never saw is not superseded: both stay, on every store.
    assert {v.value for c in saved.conflicts for v in c.values} == {"urgent", "low"}
    exchange(tmp_path, office, a, b)
    expected = _conflicts(office)
    assert [c[1] for c in expected] == ["severity"]
    assert _conflicts(a) == _conflicts(b) == expected


def test_a_save_that_saw_the_current_value_supersedes_it(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    b.services.issues.update(NUMBER, {"severity": "urgent"})
    exchange(tmp_path, office, a, b)
    shown = a.services.issues.get(NUMBER)
    a.services.issues.update(NUMBER, {"severity": "low"}, seen=shown.versions)
    exchange(tmp_path, office, a, b)
    for node in (office, a, b):
        assert _conflicts(node) == []
        assert node.services.issues.get(NUMBER).severity.value == "low"


# -- delete, restore, and additions under a delete -------------------------------------

def test_a_restore_concurrent_with_a_delete_is_a_conflict_on_every_store(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    a.services.issues.delete(NUMBER)
    exchange(tmp_path, office, a, b)
    b.services.issues.restore(NUMBER)   # B restores…
    a.services.issues.restore(NUMBER)   # …A restores and deletes again, not seeing B
    a.services.issues.delete(NUMBER)
    exchange(tmp_path, office, a, b)
    exchange(tmp_path, office, a, b)
    states = {node.services.issues.get(NUMBER).deleted for node in (office, a, b)}
    assert len(states) == 1  # the same provisional state everywhere
    found = [_conflicts(node) for node in (office, a, b)]
    assert found[0] == found[1] == found[2]
    assert [(c[1], c[2]) for c in found[0]] == [("deleted", ConflictKind.DELETE_RESTORE)]
    office.sync.resolve(NUMBER, "deleted", "restore")
    exchange(tmp_path, office, a, b)
    for node in (office, a, b):
        assert _conflicts(node) == []
        assert not node.services.issues.get(NUMBER).deleted


def test_a_note_added_while_the_issue_was_deleted_elsewhere_is_a_conflict_and_stays(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    a.services.issues.delete(NUMBER)
    b.services.issues.add_entry(NUMBER, "note", "客户已补录凭证，请复核")
    b.services.issues.attach_bytes(NUMBER, "截图.png", b"\x89PNG fake screenshot")
    exchange(tmp_path, office, a, b)
    exchange(tmp_path, office, a, b)
    for node in (office, a, b):
        issue = node.services.issues.get(NUMBER)
        assert issue.deleted
        assert "客户已补录凭证，请复核" in [e.text for e in issue.timeline]
        assert [x.name for x in issue.attachments] == ["截图.png"]
        kinds = {(c[1], c[2]) for c in _conflicts(node)}
        assert kinds == {("timeline_entry", ConflictKind.EDITED_AFTER_DELETE),
                         ("attachment", ConflictKind.EDITED_AFTER_DELETE)}
    a.sync.resolve(NUMBER, "deleted", "restore")
    exchange(tmp_path, office, a, b)
    for node in (office, a, b):
        assert _conflicts(node) == []
        assert not node.services.issues.get(NUMBER).deleted


def test_the_import_report_counts_a_note_added_under_a_delete(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    """The report names what the inbox will show: the note's conflict is the issue's."""
    office, a, b = trio
    a.services.issues.delete(NUMBER)
    exchange(tmp_path, office, a)
    b.services.issues.add_entry(NUMBER, "note", "客户已补录凭证，请复核")
    report = send(b, office, tmp_path)
    assert [(c.label, c.field, c.kind) for c in report.conflicts] == [
        (NUMBER, "timeline_entry", ConflictKind.EDITED_AFTER_DELETE)]
    assert len(office.sync.conflicts()) == len(report.conflicts)


def test_deleting_again_having_seen_the_note_settles_it(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    a.services.issues.delete(NUMBER)
    b.services.issues.add_entry(NUMBER, "note", "已电话通知刘芳")
    exchange(tmp_path, office, a, b)
    exchange(tmp_path, office, a, b)
    b.sync.resolve(NUMBER, "timeline_entry", "delete")
    exchange(tmp_path, office, a, b)
    for node in (office, a, b):
        assert _conflicts(node) == []
        assert node.services.issues.get(NUMBER).deleted


# -- the op log's own rules ----------------------------------------------------------

def _append_raw(node: Node, body: dict[str, Any]) -> str:
    """Write an op exactly as ``body`` says (chained, unchecked, unprojected), as a buggy
    or hostile peer would, so that its export carries it under a valid signature."""
    with node.services.store.write() as conn:
        cursor = oplog.load_cursor(conn)
        cursor.last_seq += 1
        data = {"node": cursor.node_id, "seq": cursor.last_seq, "lamport": cursor.lamport + 1,
                "wall": "2026-11-05T02:00:00.000+00:00", "author": cursor.author,
                "kind": "set", "field": None, "value": None, "prev": [],
                "chain": cursor.last_op, "v": "1.0", **body}
        text = canonical_json(data)
        op_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
        conn.exec_driver_sql(
            "INSERT INTO ops (op_id, node, seq, lamport, wall, entity, entity_id, kind, field, "
            "body) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (op_id, cursor.node_id, cursor.last_seq, cursor.lamport + 1, "2026-11-05",
             str(data.get("entity")), str(data.get("entity_id")), str(data.get("kind")),
             None, text))
        cursor.lamport += 1
        cursor.last_op = op_id
        oplog.save_cursor(conn, cursor)
    return op_id


def _issue(node: Node) -> Any:
    return node.services.issues.get(NUMBER)


@pytest.mark.parametrize(("make", "check", "says"), [
    (lambda i, n: {"entity": "issue", "entity_id": i.id, "field": {}, "value": "x"},
     "ops", "field"),
    (lambda i, n: {"entity": "issue", "entity_id": i.id, "field": 10**300, "value": "x"},
     "ops", "field"),
    (lambda i, n: {"entity": {}, "entity_id": i.id, "field": "title", "value": "x"},
     "ops", "entity"),
    (lambda i, n: {"entity": "issue", "entity_id": i.id, "author": [], "field": "title",
                   "value": "x"}, "ops", "author"),
    (lambda i, n: {"entity": "issue", "entity_id": i.id, "field": "title", "value": {}},
     "ops", "title"),
    (lambda i, n: {"entity": "issue", "entity_id": i.id, "field": "severity",
                   "value": "apocalyptic"}, "ops", "severity"),
    (lambda i, n: {"entity": "issue", "entity_id": i.id, "field": "title", "value": "x",
                   "wall": "yesterday"}, "ops", "wall"),
    (lambda i, n: {"entity": "attachment", "entity_id": uuid7(), "kind": "create",
                   "value": {"issue_id": i.id, "name": "a.png", "sha256": "0" * 64,
                             "size": "big"}, "prev": [n]}, "ops", "size"),
    (lambda i, n: {"entity": "timeline_entry", "entity_id": _note(i).id, "field": "text",
                   "value": "rewritten"}, "ops", "append-only"),
    (lambda i, n: {"entity": "issue", "entity_id": uuid7(), "kind": "create",
                   "value": {"project_id": i.project_id, "number": "../../etc/passwd",
                             "title": "x"}, "prev": [n]}, "ops", "number"),
], ids=["field-dict", "field-huge-int", "entity-dict", "author-list", "value-dict",
        "enum-unknown", "wall-not-a-date", "size-not-int", "set-append-only",
        "number-path"])
def test_an_enrolled_peers_bad_op_refuses_the_bundle_and_changes_nothing(
        tmp_path: Path, trio: tuple[Node, Node, Node], make: Any, check: str,
        says: str) -> None:
    office, a, _ = trio
    a.services.issues.add_entry(NUMBER, "note", "先记一条")
    exchange(tmp_path, office, a)
    a.services.issues.add_entry(NUMBER, "note", "再记一条")  # a good op before the bad one
    issue = _issue(a)
    _append_raw(a, make(issue, issue.versions["title"][0]))
    bundle = a.sync.export_bundle(tmp_path / "bad.zip", peer="ZJG").file
    before = file_state(office.path)
    with pytest.raises(BundleError) as refused:
        office.sync.import_bundle(bundle)
    assert refused.value.check == check
    assert says in str(refused.value)
    assert file_state(office.path) == before


def test_an_op_whose_clock_is_not_above_a_stored_dependency_is_refused(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    """The bundle alone looks fine; only the receiver's own op shows the clock is stale."""
    office, a, _ = trio
    with office.services.store.write() as conn:  # the office's clock runs far ahead
        conn.exec_driver_sql("UPDATE local_node SET lamport = lamport + 1000")
    office.services.issues.update(NUMBER, {"title": "凭证审核后无法反审核(总部)"})
    ahead = office.services.issues.get(NUMBER).versions["title"][0]
    a.services.issues.add_entry(NUMBER, "note", "先记一条")
    exchange(tmp_path, office)  # nothing sent to A: its clock stays low
    _append_raw(a, {"entity": "issue", "entity_id": _issue(a).id, "field": "title",
                    "value": "x", "prev": [ahead]})
    bundle = a.sync.export_bundle(tmp_path / "stale.zip", peer="ZJG").file
    before = file_state(office.path)
    with pytest.raises(BundleError) as refused:
        office.sync.import_bundle(bundle)
    assert refused.value.check == "lamport"
    assert "not above" in str(refused.value)
    assert file_state(office.path) == before


def _note(issue: Any) -> Any:
    return next(e for e in issue.timeline if e.text == "先记一条")


def test_rebuild_equals_live_after_edits_imports_and_resolutions(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    _severity_conflict(tmp_path, office, a, b)
    a.services.issues.delete(NUMBER)
    b.services.issues.add_entry(NUMBER, "note", "补充说明")
    exchange(tmp_path, office, a, b)
    live = office.dump()
    with office.services.store.write() as conn:
        projector.rebuild(conn)
    assert office.dump() == live


def test_an_assignee_edited_on_two_laptops_is_one_conflict_and_one_choice_settles_it(
        tmp_path: Path, trio: tuple[Node, Node, Node]) -> None:
    office, a, b = trio
    for name in ("林晓", "王磊"):
        a.services.projects.add_person("HX", name, "consultant")
    exchange(tmp_path, office, a, b)
    a.services.issues.update(NUMBER, {"assignee": "林晓"})
    b.services.issues.update(NUMBER, {"assignee": "王磊"})
    exchange(tmp_path, office, a, b)
    exchange(tmp_path, office, a, b)
    # The person's id follows the name: the inbox lists the name's conflict alone.
    listed = _conflicts(office)
    assert [c[1] for c in listed] == ["assignee"]
    assert set(listed[0][3]) == {"林晓", "王磊"}
    office.sync.resolve(NUMBER, "assignee", "王磊")
    exchange(tmp_path, office, a, b)
    wang = next(p for p in office.services.projects.people("HX") if p.name == "王磊")
    for node in (office, a, b):
        assert _conflicts(node) == []
        issue = node.services.issues.get(NUMBER)
        assert (issue.assignee, issue.assignee_id) == ("王磊", wang.id)
