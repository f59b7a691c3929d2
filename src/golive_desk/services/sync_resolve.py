"""Resolve a conflict with one op that names every version it replaces.

Because the resolving op names all current versions in ``prev``, each store
that receives it ends with that one version: the conflict clears everywhere.
"""

from __future__ import annotations

import json

from golive_desk.domain.conflicts import ConflictKind, FieldConflict
from golive_desk.domain.errors import NotFoundError, ValidationError
from golive_desk.domain.models import Changes
from golive_desk.domain.ops import JsonValue
from golive_desk.storage.conflicts import conflicts
from golive_desk.storage.engine import Store
from golive_desk.storage.projector import heads
from golive_desk.storage.unit_of_work import unit_of_work

RESTORE = "restore"
DELETE = "delete"
_DELETED_NAMES = ("deleted", "_deleted")


def resolve_conflict(store: Store, label: str, field: str, value: str) -> Changes:
    """Set ``field`` of the record called ``label`` to ``value``, replacing all versions.

    An "edited after delete" conflict takes ``restore`` (bring the record back
    with the late edits) or ``delete`` (delete it again, having seen them).

    Raises:
        NotFoundError: no open conflict on that record and field.
        ValidationError: ``restore``/``delete`` expected and something else given.
    """
    with store.read() as conn:
        conflict = _find(conflicts(conn), label, field)[0]
    if conflict.entity == "issue" and conflict.kind == ConflictKind.FIELD:
        # Issue fields have rules (status workflow, enums) and a timeline entry.
        from golive_desk.services.issues import IssueService

        _, changes = IssueService(store).resolve_conflict(conflict.label, conflict.field, value)
        return changes
    with unit_of_work(store) as uow:
        if conflict.kind == ConflictKind.EDITED_AFTER_DELETE:
            choice = value.strip().lower()
            if choice not in (RESTORE, DELETE):
                raise ValidationError("value", f"{conflict.label or label} was deleted while "
                                      f"someone edited it: answer 'restore' or 'delete'")
            seen = uow.entity_heads(conflict.entity_id)
            if choice == RESTORE:
                uow.restore(conflict.entity, conflict.entity_id, seen)
            else:
                uow.delete(conflict.entity, conflict.entity_id, seen)
        else:
            versions = tuple(sorted(v.op_id for v in heads(uow.conn, conflict.entity_id,
                                                           conflict.field)))
            uow.set_resolving(conflict.entity, conflict.entity_id, conflict.field,
                              _typed(conflict, value), versions)
    return Changes.of(conflict.entity, conflict.entity_id)


def _find(found: list[FieldConflict], label: str, field: str) -> list[FieldConflict]:
    wanted = label.strip()
    mine = [c for c in found if c.label == wanted or c.entity_id == wanted
            or (len(wanted) >= 8 and c.entity_id.startswith(wanted))]
    if not mine:
        raise NotFoundError(f"no open conflict on {label} (see 'conflicts list')", label=label)
    if field in _DELETED_NAMES:
        hits = [c for c in mine if c.kind == ConflictKind.EDITED_AFTER_DELETE]
    else:
        hits = [c for c in mine if c.field == field]
    if not hits:
        fields = ", ".join(sorted({c.field for c in mine}))
        raise NotFoundError(f"{label} has no open conflict on '{field}'; it has: {fields}",
                            label=label, field=field)
    return hits


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
