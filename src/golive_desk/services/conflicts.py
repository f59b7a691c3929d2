"""Conflicts: list them, and settle one — the one resolution path.

The form's conflict box, the conflict inbox, ``conflicts resolve`` and
``issue set --resolve`` all end here. A field conflict is settled by one op
naming every current version in ``prev`` (``UnitOfWork.resolve``), so each
store that receives it ends with that one version: the conflict clears
everywhere. A delete raced by an edit, a note, or a restore is settled by a
restore or a delete naming everything the store holds of the record.
Issue fields take the issue rules' checks (and a status change its timeline
line) through ``IssueWriter.resolve_conflict``.
"""

from __future__ import annotations

import json

from golive_desk.domain.conflicts import ConflictKind, FieldConflict
from golive_desk.domain.errors import NotFoundError, ValidationError
from golive_desk.domain.models import Changes
from golive_desk.domain.op_checks import field_problem
from golive_desk.domain.ops import JsonValue
from golive_desk.domain.schema import spec_for
from golive_desk.storage.conflicts import conflicts
from golive_desk.storage.engine import Store
from golive_desk.storage.unit_of_work import unit_of_work

RESTORE = "restore"
DELETE = "delete"
_DELETED_NAMES = ("deleted", "_deleted")
_RECORD_KINDS = (ConflictKind.EDITED_AFTER_DELETE, ConflictKind.DELETE_RESTORE)


class ConflictService:
    """List the conflicts sync left for the user, and settle them."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def list_conflicts(self) -> list[FieldConflict]:
        """Every conflict in the store, labelled, winner first."""
        with self._store.read() as conn:
            return conflicts(conn)

    def resolve(self, label: str, field: str, value: str) -> Changes:
        """Settle the conflict on ``field`` of the record called ``label``.

        ``label`` is what the listing shows (an issue number, a project code) or
        the record's id. A deleted record's conflict (``field`` ``deleted``, or the
        field the listing names) takes ``restore`` or ``delete``.

        Raises:
            NotFoundError: no open conflict on that record and field.
            ValidationError: ``restore``/``delete`` expected and something else given,
                or a value the field does not take.
        """
        with self._store.read() as conn:
            conflict = _find(conflicts(conn), label, field)
        if conflict.kind in _RECORD_KINDS:
            return self._settle_record(conflict, value)
        if conflict.entity == "issue":
            # Issue fields have rules (status workflow, enums) and a timeline entry.
            from golive_desk.services.issues import IssueService

            _, changes = IssueService(self._store).resolve_conflict(
                conflict.label, conflict.field, value)
            return changes
        typed = _typed(conflict, value)
        spec = spec_for(conflict.entity)
        declared = spec.field(conflict.field) if spec is not None else None
        problem = field_problem(declared, typed) if declared is not None else None
        if problem:
            raise ValidationError(conflict.field, f"{conflict.field} {problem}", rule="type",
                                  value=value)
        with unit_of_work(self._store) as uow:
            uow.resolve(conflict.entity, conflict.entity_id, conflict.field, typed)
        return Changes.of(conflict.entity, conflict.entity_id)

    def _settle_record(self, conflict: FieldConflict, value: str) -> Changes:
        choice = value.strip().lower()
        if choice not in (RESTORE, DELETE):
            raise ValidationError("value", f"{conflict.label or conflict.entity_id} was "
                                  f"deleted while someone else changed it: answer 'restore' "
                                  f"or 'delete'", rule="restore_or_delete")
        with unit_of_work(self._store) as uow:
            if choice == RESTORE:
                uow.restore(conflict.entity, conflict.entity_id)
            else:
                uow.delete(conflict.entity, conflict.entity_id)
        return Changes.of(conflict.entity, conflict.entity_id)


def _find(found: list[FieldConflict], label: str, field: str) -> FieldConflict:
    wanted = label.strip()
    mine = [c for c in found if c.label == wanted or c.entity_id == wanted
            or (len(wanted) >= 8 and c.entity_id.startswith(wanted))]
    if not mine:
        raise NotFoundError(f"no open conflict on {label} (see 'conflicts list')", label=label)
    hits = [c for c in mine if c.field == field]
    if not hits and field in _DELETED_NAMES:
        hits = [c for c in mine if c.kind in _RECORD_KINDS]
    if not hits:
        fields = ", ".join(sorted({c.field for c in mine}))
        raise NotFoundError(f"{label} has no open conflict on '{field}'; it has: {fields}",
                            label=label, field=field)
    return hits[0]


def _typed(conflict: FieldConflict, text: str) -> JsonValue:
    """The value as the competing versions hold it: a version's own value when it matches."""
    for version in conflict.values:
        if isinstance(version.value, str) and version.value == text:
            return version.value
        if not isinstance(version.value, str) and json.dumps(version.value) == text:
            return version.value
    if all(isinstance(v.value, (int, float)) and not isinstance(v.value, bool)
           for v in conflict.values):
        try:
            return json.loads(text)
        except ValueError:
            pass
    return text
