"""Conflicts across every entity, for the ``conflicts`` command and the sync page.

Field conflicts of issues are best resolved through
``IssueService.resolve_conflict`` (it validates the value and records a
status change in the timeline); :meth:`ConflictService.resolve` is the
generic register resolution for the other entities.
"""

from __future__ import annotations

from golive_desk.domain.conflicts import FieldConflict
from golive_desk.domain.errors import WorkflowError
from golive_desk.domain.models import Changes
from golive_desk.domain.ops import JsonValue
from golive_desk.storage.conflicts import conflicts
from golive_desk.storage.engine import Store
from golive_desk.storage.projector import heads
from golive_desk.storage.unit_of_work import unit_of_work


class ConflictService:
    """List the conflicts sync left for the user, and settle a field's."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def list_conflicts(self) -> list[FieldConflict]:
        """Every field conflict and edited-after-delete in the store, labelled."""
        with self._store.read() as conn:
            return conflicts(conn)

    def resolve(self, entity: str, entity_id: str, field: str, value: JsonValue) -> Changes:
        """Keep ``value``: one set naming every current version, so all stores converge.

        Raises:
            WorkflowError: the field has no conflict (nothing to resolve).
        """
        with unit_of_work(self._store) as uow:
            versions = heads(uow.conn, entity_id, field)
            if len({repr(v.value) for v in versions}) < 2:
                raise WorkflowError(f"no conflict on {field}", reason="no_conflict",
                                    field=field)
            uow.set_resolving(entity, entity_id, field, value,
                              prev=tuple(v.op_id for v in versions))
        return Changes.of(entity, entity_id)
