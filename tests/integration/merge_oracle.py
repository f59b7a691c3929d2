"""What conflicts a store must show, worked out from its op log alone.

An independent reading of the merge rules (SYNC.md), written without the
projector or the conflict finder, for the property test to hold them to:

- a field's versions are its create and set ops that no other op on the same
  field names in ``prev``; two or more different values are a conflict;
- a record's delete/restore versions are the delete and restore ops on it
  that no other such op names; a delete and a restore among them are a conflict;
- when they are all deletes, every field version and every record created
  under it (not itself removed) that none of those deletes names is an
  "edited after delete".
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from golive_desk.domain.ops import Op
from golive_desk.domain.schema import ENTITIES, children_of, listed_in_conflicts
from tests.integration.sync_support import Node

Expected = set[tuple[str, str, str]]  # (entity id, field, conflict kind)


def _log(node: Node) -> dict[str, Op]:
    with node.services.store.read() as conn:
        return {op_id: Op.from_body(body) for op_id, body in
                conn.exec_driver_sql("SELECT op_id, body FROM ops")}


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _versions(log: dict[str, Op]) -> dict[tuple[str, str], dict[str, Any]]:
    """(entity id, field) -> {op id: value} of the field's current versions."""
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    written: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    for op_id, op in log.items():
        spec = ENTITIES.get(op.entity)
        if spec is None:
            continue
        if op.kind == "create" and isinstance(op.value, dict):
            for field in spec.field_names:
                written[(op.entity_id, field)][op_id] = op.value.get(field)
        elif op.kind == "set" and op.field in spec.field_names:
            written[(op.entity_id, op.field)][op_id] = op.value
            named[(op.entity_id, op.field)].update(op.prev)
        elif op.kind in ("delete", "restore"):
            written[(op.entity_id, "_deleted")][op_id] = op.kind == "delete"
            named[(op.entity_id, "_deleted")].update(op.prev)
    return {key: {i: v for i, v in ops.items() if i not in named[key]}
            for key, ops in written.items()}


def expected_conflicts(node: Node) -> Expected:
    log = _log(node)
    versions = _versions(log)
    expected: Expected = set()
    for (entity_id, field), heads in versions.items():
        distinct = {_canonical(v) for v in heads.values()}
        if (field != "_deleted" and len(distinct) > 1
                and listed_in_conflicts(log_entity(log, entity_id), field)):
            expected.add((entity_id, field, "field"))
    for (entity_id, field), heads in versions.items():
        if field != "_deleted" or not heads:
            continue
        if len(set(heads.values())) > 1:
            expected.add((entity_id, "deleted", "delete_restore"))
        elif all(heads.values()):
            expected |= _after_delete(log, versions, entity_id, heads)
    # A field conflict of a deleted record still shows as a field conflict, and
    # an edited-after-delete names only fields a delete did not see.
    return expected


def _after_delete(log: dict[str, Op], versions: dict[tuple[str, str], dict[str, Any]],
                  entity_id: str, deletes: dict[str, Any]) -> Expected:
    seen = {dep for op_id in deletes for dep in log[op_id].prev}
    found: Expected = set()
    for (other, field), heads in versions.items():
        if (other == entity_id and field != "_deleted" and set(heads) - seen
                and listed_in_conflicts(log_entity(log, entity_id), field)):
            # The create op is a version only while the field was never set; a create
            # is always seen by the delete (it names it).
            found.add((entity_id, field, "edited_after_delete"))
    for child in children_of(log_entity(log, entity_id)):
        for op_id, op in log.items():
            if (op.entity == child.name and op.kind == "create" and op_id not in seen
                    and isinstance(op.value, dict) and op.value.get(child.parent or "") ==
                    entity_id and not _removed(versions, op.entity_id)):
                found.add((entity_id, child.name, "edited_after_delete"))
    return found


def log_entity(log: dict[str, Op], entity_id: str) -> str:
    return next(op.entity for op in log.values() if op.entity_id == entity_id)


def _removed(versions: dict[tuple[str, str], dict[str, Any]], entity_id: str) -> bool:
    heads = versions.get((entity_id, "_deleted"), {})
    return bool(heads) and max(heads.values())


def shown_conflicts(node: Node) -> Expected:
    return {(c.entity_id, c.field, c.kind.value) for c in node.sync.conflicts()}
