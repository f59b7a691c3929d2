"""Which entities exist and which fields each carries.

The projector maps each entity to a table of the same fields; the merge treats
every field listed here as a register. Fields not listed (from a newer minor
version) stay in the op log and travel in bundles, but are not projected.
"""

from __future__ import annotations

from dataclasses import dataclass

from golive_desk.domain.issues import ATTACHMENT_FIELDS, ISSUE_FIELDS, TIMELINE_FIELDS


@dataclass(frozen=True, slots=True)
class EntitySpec:
    """An entity kind: its name in ops, its fields, whether it is append-only."""

    name: str
    fields: tuple[str, ...]
    append_only: bool = False


PROJECT = EntitySpec(
    "project",
    ("code", "name", "customer", "go_live", "month_end", "vendor_pm", "customer_pm", "status",
     "modules"),
)
PERSON = EntitySpec(
    "person",
    ("project_id", "name", "initials", "role", "side", "phone", "email", "department"),
)

ISSUE = EntitySpec("issue", ISSUE_FIELDS)
# Append-only: concurrent additions never conflict; a wrong one is deleted, not edited.
TIMELINE_ENTRY = EntitySpec("timeline_entry", TIMELINE_FIELDS, append_only=True)
ATTACHMENT = EntitySpec("attachment", ATTACHMENT_FIELDS, append_only=True)

ENTITIES: dict[str, EntitySpec] = {
    spec.name: spec for spec in (PROJECT, PERSON, ISSUE, TIMELINE_ENTRY, ATTACHMENT)
}


def spec_for(entity: str) -> EntitySpec | None:
    """The spec of ``entity``, or None for a kind this version does not know."""
    return ENTITIES.get(entity)
