"""Reads of the handover: the project's handover fields, transfers, the plan, the notes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Connection, Row, select

from golive_desk.domain.handover_records import (
    RECORD_FIELDS,
    HandoverRecord,
    MaintenanceNote,
    Scenario,
    Transfer,
    parse_thresholds,
)
from golive_desk.domain.issues import IssueStatus, TimelineKind
from golive_desk.storage.conflicts import field_conflicts
from golive_desk.storage.tables import (
    emergency_scenarios,
    issues,
    maintenance_notes,
    projects,
    timeline_entries,
)
from golive_desk.storage.unit_of_work import versions_of

__all__ = ["handover_record", "has_handover_work", "scenario", "scenarios", "stored_notes",
           "transfers"]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def handover_record(conn: Connection, project_id: str) -> HandoverRecord:
    """The project's handover fields, the versions read and the fields in conflict."""
    row = conn.execute(select(*(projects.c[f] for f in RECORD_FIELDS))
                       .where(projects.c.id == project_id)).one()
    versions = versions_of(conn, "project", project_id)
    conflicts = {c.field: tuple(_text(v.value) for v in c.values)
                 for c in field_conflicts(conn, [project_id]) if c.field in RECORD_FIELDS}
    accepted = row.accepted_on
    return HandoverRecord(
        project_id=project_id, thresholds=parse_thresholds(row.handover_thresholds),
        handover_override=_text(row.handover_override),
        handover_lessons=_text(row.handover_lessons), handover_by=_text(row.handover_by),
        handover_receiver=_text(row.handover_receiver),
        accept_customer=_text(row.accept_customer), accept_vendor=_text(row.accept_vendor),
        accepted_on=date.fromisoformat(accepted) if accepted else None,
        versions={f: versions[f] for f in RECORD_FIELDS if f in versions},
        conflicts=conflicts,
    )


def transfers(conn: Connection, project_id: str) -> list[Transfer]:
    """The project's transferred issues, each with the owner and plan of its last transfer."""
    # The entry's conditions go in the join: an issue imported already transferred has
    # no such entry and is listed all the same (owner and plan unknown).
    moved = ((timeline_entries.c.issue_id == issues.c.id)
             & (timeline_entries.c.kind == TimelineKind.STATUS_CHANGE.value)
             & (timeline_entries.c.to_status == IssueStatus.TRANSFERRED.value)
             & timeline_entries.c.deleted.is_(False))
    query = (select(issues.c.id, issues.c.number, issues.c.title, issues.c.module,
                    timeline_entries.c.whom, timeline_entries.c.text, timeline_entries.c.at)
             .join(timeline_entries, moved, isouter=True)
             .where(issues.c.project_id == project_id, issues.c.deleted.is_(False),
                    issues.c.status == IssueStatus.TRANSFERRED.value)
             .order_by(issues.c.number, timeline_entries.c.at, timeline_entries.c.id))
    found: dict[str, Transfer] = {}
    for r in conn.execute(query):
        day = date.fromisoformat(r.at[:10]) if r.at else None
        found[r.id] = Transfer(r.id, r.number, r.title, _text(r.module), _text(r.whom),
                               _text(r.text), day)
    return list(found.values())


def _scenario(row: Row[Any], versions: Mapping[str, tuple[str, ...]]) -> Scenario:
    return Scenario(row.id, row.title, _text(row.actions), _text(row.contacts),
                    _text(row.escalation), row.position or 0, versions)


def scenarios(conn: Connection, project_id: str) -> list[Scenario]:
    """The emergency plan's scenarios in order (position, then creation)."""
    rows = conn.execute(select(emergency_scenarios).where(
        emergency_scenarios.c.project_id == project_id,
        emergency_scenarios.c.deleted.is_(False))
        .order_by(emergency_scenarios.c.position, emergency_scenarios.c.id)).all()
    return [_scenario(r, versions_of(conn, "emergency_scenario", r.id)) for r in rows]


def scenario(conn: Connection, scenario_id: str) -> tuple[str, Scenario] | None:
    """``(project id, scenario)``, or None for no such live scenario."""
    row = conn.execute(select(emergency_scenarios).where(
        emergency_scenarios.c.id == scenario_id,
        emergency_scenarios.c.deleted.is_(False))).first()
    if row is None:
        return None
    return row.project_id, _scenario(row, versions_of(conn, "emergency_scenario", row.id))


def stored_notes(conn: Connection, project_id: str,
                 note_id: str | None = None) -> list[MaintenanceNote]:
    """The edited maintenance notes (one when ``note_id`` is given), with their issues'
    numbers."""
    query = (select(maintenance_notes, issues.c.number)
             .join(issues, issues.c.id == maintenance_notes.c.issue_id, isouter=True)
             .where(maintenance_notes.c.project_id == project_id,
                    maintenance_notes.c.deleted.is_(False)))
    if note_id is not None:
        query = query.where(maintenance_notes.c.id == note_id)
    return [MaintenanceNote(r.id, r.issue_id, _text(r.number), _text(r.module), r.symptom,
                            _text(r.cause), _text(r.solution),
                            versions_of(conn, "maintenance_note", r.id))
            for r in conn.execute(query)]


def has_handover_work(conn: Connection, project_id: str) -> bool:
    """Whether any scenario or edited note of the project exists (the wizard started)."""
    for table in (emergency_scenarios, maintenance_notes):
        if conn.execute(select(table.c.id).where(table.c.project_id == project_id,
                                                 table.c.deleted.is_(False)).limit(1)).first():
            return True
    return False
