"""SYNC.md points 3, 11–14: any import order converges, over random edit histories.

Three stores (an office and two laptops) make random edits to projects, people,
issues, the support calendar and the handover while bundles are exported at
random moments and delivered in a random order, some twice, some before the
bundles they depend on. The edits
include saves from a form opened before an import arrived (a stale ``seen``),
deletes racing restores, notes and attachments added under a concurrent
delete, and resolutions of whatever conflicts a store shows. After every
import the receiving store's rebuild from its op log equals its live tables;
after a final round in which every store sees every op, all projections and
all conflicts are equal.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from golive_desk.domain.enums import ProjectStatus
from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.handover_records import MaintenanceNote
from golive_desk.domain.issues import IssueQuery
from golive_desk.domain.ops import Op
from golive_desk.services.container import Services
from golive_desk.storage import projector
from golive_desk.storage.unit_of_work import unit_of_work
from tests.integration.merge_oracle import expected_conflicts, shown_conflicts
from tests.integration.sync_support import Node, make_node, send

NAMES = (("周建国", "ZJG", True), ("张力", "ZL", False), ("陈思远", "CSY", False))
# Repeated kinds are drawn more often: edits of the shared issues and exchanges
# between them are what make concurrent histories.
KINDS = ("project", "set_project", "person", "phone", "issue",
         "issue_set", "issue_set", "issue_delete", "issue_delete", "issue_restore",
         "issue_restore", "issue_note", "issue_attach", "open_form", "open_form", "form_save",
         "form_save", "resolve", "resolve", "export", "deliver", "deliver", "sync", "sync",
         "sync", "stale_form", "race_delete", "race_restore",
         # the support calendar and the handover (revisions 0008, 0011)
         "slot", "slot_move", "slot_delete", "milestone", "handover_save", "handover_save",
         "scenario", "scenario_edit", "scenario_delete", "note", "note_edit", "modules")
# The races: one store acts while another store's action, which it has not seen
# yet, touches the same issue (the exchange in between is part of the race).
RACES = ("stale_form", "race_delete", "race_restore")
Action = tuple[str, int, int, int]


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three stores that know each other's keys and share project HX with three issues."""
    folder = tmp_path_factory.mktemp("sync-property")
    nodes = [make_node(folder, name, initials, office=office)
             for name, initials, office in NAMES]
    nodes[0].services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                           "2026-11-02")
    for title in ("凭证审核后无法反审核", "入库单价为零", "打印缺页"):
        nodes[0].services.issues.create("HX", {"title": title})
    nodes[0].services.projects.add_person("HX", "刘芳", "key_user")
    for src in nodes:
        for dst in nodes:
            if src is not dst:
                send(src, dst, folder)
    for node in nodes:
        node.close()
    return [n.path for n in nodes]


# What each store's "form" loaded: issue number -> the versions it saw.
Forms = dict[str, dict[str, tuple[str, ...]]]
# Few fields and issues, so that two stores often edit the same one concurrently.
_ISSUE_EDITS = [("title", ("打印缺页", "凭证错误", "无法登录", "报表为空")),
                ("severity", ("urgent", "high", "medium", "low"))]


def _edit(node: Node, kind: str, pick: int, value: int, forms: Forms) -> None:
    s = node.services
    projects = s.projects.list_projects()
    issues = [i for code in sorted({p.code for p in projects})
              for i in s.issues.list_issues(IssueQuery(project=code, include_deleted=True))]
    if kind == "project":
        s.projects.add_project(("HX", "QT")[value % 2], f"项目{value}", "客户", "2026-11-02")
    elif kind == "set_project" and projects:
        project = projects[pick % len(projects)]
        s.projects.set_status(project.code, list(ProjectStatus)[value])
    elif kind == "person" and projects:
        s.projects.add_person(projects[pick % len(projects)].code, f"用户{value}", "key_user")
    elif kind == "phone" and projects:
        people = s.projects.people(projects[pick % len(projects)].code)
        if people:
            with unit_of_work(s.store) as uow:
                uow.set("person", people[pick % len(people)].id, "phone", f"0571-{value}")
    elif kind == "issue" and projects:
        s.issues.create(projects[pick % len(projects)].code, {"title": f"问题{value}"})
    elif kind == "issue_set" and issues:
        field, values = _ISSUE_EDITS[pick % 2]
        s.issues.update(issues[pick % len(issues)].number, {field: values[value]})
    elif kind == "open_form" and issues:
        issue = s.issues.get(issues[pick % len(issues)].number)
        forms[issue.number] = dict(issue.versions)
    elif kind in ("form_save", "form_save_of") and forms:
        number = sorted(forms)[pick % len(forms)]
        field, values = _ISSUE_EDITS[value % 2]
        seen = forms.pop(number)
        before = _own_seq(node)
        s.issues.update(number, {field: values[value]}, seen=seen)
        written = _last_op(node)
        if written is not None and written.seq > before:  # (an unchanged value writes nothing)
            assert written.prev == seen[field]  # it supersedes what the form saw, no more
    elif kind == "issue_note" and issues:
        s.issues.add_entry(issues[pick % len(issues)].number, "note", f"备注{value}")
    elif kind == "issue_attach" and issues:
        s.issues.attach_bytes(issues[pick % len(issues)].number, f"截图{value}.png",
                              f"screenshot {value}".encode())
    elif kind == "resolve":
        _resolve(node, pick, value)
    elif kind in ("issue_delete", "issue_delete_of") and issues:
        issue = (issues[pick % len(issues)] if kind == "issue_delete" else
                 next(i for i in issues if i.number in forms))
        under = _children(node, issue.id)
        before = _own_seq(node)
        s.issues.delete(issue.number)
        written = _last_op(node)
        if written is not None and written.seq > before:
            assert under <= set(written.prev)  # a delete names what it saw hanging under it
    elif kind == "issue_restore" and issues:
        s.issues.restore(issues[pick % len(issues)].number)
    elif projects:
        _edit_schedule_or_handover(s, projects[pick % len(projects)].code, kind, pick, value)


_DAYS = [date(2026, 11, 2) + timedelta(days=d) for d in range(0, 12, 3)]
_TEXTS = ("关键用户培训", "月结驻场", "备份账套", "网络中断")


def _edit_schedule_or_handover(s: Services, code: str, kind: str, pick: int,
                               value: int) -> None:
    """The support calendar's and the handover's records: slots, milestones, the
    handover's fields, scenarios, maintenance notes, members' modules."""
    h = s.handover
    if kind == "slot":
        people = s.projects.people(code)
        if people:
            s.calendar.add_slot(code, people[pick % len(people)].id, _DAYS[value],
                                _DAYS[value] + timedelta(days=pick % 3))
    elif kind in ("slot_move", "slot_delete"):
        slots = s.calendar.slots(code, None, _DAYS[0], _DAYS[-1] + timedelta(days=5))
        if slots:
            slot = slots[pick % len(slots)]
            if kind == "slot_move":
                s.calendar.move_slot(slot.id, _DAYS[value], _DAYS[value])
            else:
                s.calendar.delete_slot(slot.id)
    elif kind == "milestone":
        s.calendar.set_milestone(code, ("month_end_close", "planned_exit")[pick % 2],
                                 _DAYS[value] + timedelta(days=20))
    elif kind == "handover_save":  # the wizard's save of what it read
        field = ("handover_lessons", "handover_by")[pick % 2]
        h.save_record(code, {field: _TEXTS[value]}, h.record(code).versions)
    elif kind == "scenario":
        h.add_scenario(code, {"title": _TEXTS[value], "actions": f"步骤{pick}"})
    elif kind in ("scenario_edit", "scenario_delete"):
        scenarios = h.scenarios(code)
        if scenarios:
            chosen = scenarios[pick % len(scenarios)]
            if kind == "scenario_delete":
                h.delete_scenario(chosen.id)
            else:
                h.update_scenario(chosen, {"title": chosen.title, "actions": _TEXTS[value]})
    elif kind == "note":
        h.save_note(code, MaintenanceNote(None, None, "", "", "", "", ""),
                    {"module": "总账", "symptom": _TEXTS[value]})
    elif kind == "note_edit":
        notes = h.notes(code)
        if notes:
            h.save_note(code, notes[pick % len(notes)], {"solution": _TEXTS[value]})
    elif kind == "modules":
        people = [p for p in s.projects.people(code) if p.membership_id]
        if people:
            person = people[pick % len(people)]
            h.save_contact(code, person.id, phone=person.phone, email=person.email,
                           department=person.department, modules=_TEXTS[value])


def _resolve(node: Node, pick: int, value: int) -> None:
    """Settle one of the conflicts this store shows, as a user would pick."""
    found = node.sync.conflicts()
    if not found:
        return
    conflict = found[pick % len(found)]
    # Issues by number, as the inbox names them; other records by id (two scenarios
    # may share a title).
    label = conflict.label if conflict.entity == "issue" else conflict.entity_id
    if conflict.kind != "field":
        node.sync.resolve(label, conflict.field, ("restore", "delete")[value % 2])
        return
    chosen = conflict.values[value % len(conflict.values)].value
    node.sync.resolve(label, conflict.field,
                      chosen if isinstance(chosen, str) else json.dumps(chosen))


def _last_op(node: Node) -> Op | None:
    with node.services.store.read() as conn:
        body = conn.exec_driver_sql("SELECT body FROM ops WHERE node = (SELECT node_id FROM "
                                    "local_node) ORDER BY seq DESC LIMIT 1").scalar()
    return Op.from_body(body) if body is not None else None


def _race(kind: str, nodes: list[Node], who: int, pick: int, value: int,
          folder: Path) -> None:
    """A race between store ``who`` and the next one, on shared issue ``pick``."""
    a, b = nodes[who], nodes[(who + 1) % 3]
    number = _shared_number(a, b, pick)
    if number is None:
        return
    if kind == "stale_form":  # A's form is open while B's edit arrives
        field, values = _ISSUE_EDITS[value % 2]
        shown = a.services.issues.get(number)
        with contextlib.suppress(GoLiveError):
            b.services.issues.update(number, {field: values[value]})
        send(b, a, folder)
        with contextlib.suppress(GoLiveError):  # (the issue may be deleted)
            _edit(a, "form_save_of", pick, (value + 2) % 4, {number: dict(shown.versions)})
    elif kind == "race_delete":  # A deletes while B adds a note, a file, or an edit
        with contextlib.suppress(GoLiveError):
            _edit(a, "issue_delete_of", 0, 0, {number: {}})
        with contextlib.suppress(GoLiveError):
            _edit(b, ("issue_note", "issue_attach", "issue_set")[value % 3], pick, value, {})
    else:  # both deleted; A restores, B restores and deletes again without seeing A
        with contextlib.suppress(GoLiveError):
            a.services.issues.delete(number)
        send(a, b, folder)
        for node, steps in ((a, ("restore",)), (b, ("restore", "delete"))):
            for step in steps:
                with contextlib.suppress(GoLiveError):
                    getattr(node.services.issues, step)(number)


def _shared_number(a: Node, b: Node, pick: int) -> str | None:
    """The number of an issue both stores hold, chosen by ``pick``."""
    numbers = [sorted(i.number for i in n.services.issues.list_issues(
        IssueQuery(project="HX", include_deleted=True))) for n in (a, b)]
    shared = sorted(set(numbers[0]) & set(numbers[1]))
    return shared[pick % len(shared)] if shared else None


def _children(node: Node, issue_id: str) -> set[str]:
    with node.services.store.read() as conn:
        return {r[0] for r in conn.exec_driver_sql(
            "SELECT created_op FROM timeline_entries WHERE issue_id = ? UNION "
            "SELECT created_op FROM attachments WHERE issue_id = ?", (issue_id, issue_id))}


def _own_seq(node: Node) -> int:
    with node.services.store.read() as conn:
        return int(conn.exec_driver_sql("SELECT last_seq FROM local_node").scalar_one())


def _own_ops_after(node: Node, seq: int) -> set[str]:
    with node.services.store.read() as conn:
        return {r[0] for r in conn.exec_driver_sql(
            "SELECT op_id FROM ops WHERE node = (SELECT node_id FROM local_node) AND seq > ?",
            (seq,))}


def _no_plain_edit_settled_a_conflict(node: Node, chosen: set[str]) -> None:
    """Only a resolution (or a form save, which names what the user saw) may name
    versions of different values: a plain edit is refused on a field in conflict."""
    with node.services.store.read() as conn:
        log = {i: Op.from_body(b) for i, b in conn.exec_driver_sql("SELECT op_id, body FROM ops")}
    for op_id, op in log.items():
        if op.kind != "set" or op_id in chosen:
            continue
        values = set()
        for dep in op.prev:
            named = log[dep]
            values.add(json.dumps(named.value if named.kind == "set" else
                                  named.value.get(op.field), sort_keys=True))
        assert len(values) <= 1, f"{op.entity} {op.field} settled without a choice: {values}"


def _shows_what_the_log_says(node: Node) -> None:
    assert shown_conflicts(node) == expected_conflicts(node)


def _rebuild_equals_live(node: Node) -> None:
    live = node.dump()
    with node.services.store.write() as conn:
        projector.rebuild(conn)
    assert node.dump() == live


def _search_rows(node: Node) -> list[tuple[object, ...]]:
    """The search documents, which SQL triggers keep beside the issue tables."""
    with node.services.store.read() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            "SELECT source_id, issue_id, body FROM issue_search ORDER BY source_id")]


# About 0.3 s an example here; SYNC_PROPERTY_EXAMPLES=500 for a longer hunt.
@pytest.mark.timeout(900)  # a failure is shrunk, which takes minutes
@settings(max_examples=int(os.environ.get("SYNC_PROPERTY_EXAMPLES", "50")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(actions=st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 2),
                                  st.integers(0, 40), st.integers(0, 3)),
                        min_size=12, max_size=40),
       shuffle=st.randoms(use_true_random=False))
def test_any_exchange_order_converges(templates: list[Path], actions: list[Action],
                                      shuffle: random.Random) -> None:
    folder = Path(tempfile.mkdtemp(prefix="sync-prop-"))
    nodes: list[Node] = []
    try:
        for (name, initials, _), template in zip(NAMES, templates, strict=True):
            path = folder / template.name
            shutil.copy(template, path)
            nodes.append(Node(name, initials, path, Services.open(path)))
        mailbox: list[list[Path]] = [[] for _ in nodes]
        forms: list[Forms] = [{} for _ in nodes]
        chosen: set[str] = set()  # ops of resolutions and form saves
        for kind, who, pick, value in actions:
            node = nodes[who]
            if kind == "export":
                dst = nodes[pick % 3]
                if dst is not node:
                    bundle = folder / f"b{len(list(folder.glob('*.zip')))}.zip"
                    node.sync.export_bundle(bundle, peer=dst.initials)
                    mailbox[pick % 3].append(bundle)
            elif kind in RACES:
                before = _own_seq(node)
                _race(kind, nodes, who, pick, value, folder)
                if kind == "stale_form":  # its save names what the form showed
                    chosen |= _own_ops_after(node, before)
            elif kind == "sync":
                dst = nodes[pick % 3]
                if dst is not node:  # a direct exchange, as over a USB stick
                    send(node, dst, folder)
                    _rebuild_equals_live(dst)
                    _shows_what_the_log_says(dst)
            elif kind == "deliver":
                if mailbox[who]:
                    node.sync.import_bundle(mailbox[who][pick % len(mailbox[who])])
                    _rebuild_equals_live(node)
                    _shows_what_the_log_says(node)
            else:
                # A refused edit (a deleted issue, a taken code) is a valid history too.
                before = _own_seq(node)
                with contextlib.suppress(GoLiveError):
                    _edit(node, kind, pick, value, forms[who])
                if kind in ("resolve", "form_save", "handover_save", "scenario_edit",
                            "note_edit"):
                    chosen |= _own_ops_after(node, before)
        for index, bundles in enumerate(mailbox):
            order = list(bundles)
            shuffle.shuffle(order)
            for bundle in order:
                nodes[index].sync.import_bundle(bundle)
        for _ in range(2):
            for src in nodes:
                for dst in nodes:
                    if src is not dst:
                        send(src, dst, folder)
        dumps = [n.dump() for n in nodes]
        assert dumps[0] == dumps[1] == dumps[2]
        searches = [_search_rows(n) for n in nodes]
        assert searches[0] == searches[1] == searches[2]
        conflicts = [[(c.entity_id, c.field, c.kind, [v.op_id for v in c.values])
                      for c in n.sync.conflicts()] for n in nodes]
        assert conflicts[0] == conflicts[1] == conflicts[2]
        for node in nodes:
            _rebuild_equals_live(node)
            _shows_what_the_log_says(node)
            _no_plain_edit_settled_a_conflict(node, chosen)
        assert _search_rows(nodes[1]) == searches[0]
    finally:
        for node in nodes:
            node.close()
        shutil.rmtree(folder, ignore_errors=True)

