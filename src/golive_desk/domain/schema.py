"""Which entities exist and which fields each carries.

The projector maps each entity to a table of the same fields; the merge treats
every field listed here as a register. Fields not listed (from a newer minor
version) stay in the op log and travel in bundles, but are not projected.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EntitySpec:
    """An entity kind: its name in ops, its fields, whether it is append-only."""

    name: str
    fields: tuple[str, ...]
    append_only: bool = False


PROJECT = EntitySpec(
    "project",
    ("code", "name", "customer", "go_live", "month_end", "vendor_pm", "customer_pm", "status"),
)
PERSON = EntitySpec(
    "person",
    ("project_id", "name", "initials", "role", "side", "phone", "email", "department"),
)

ENTITIES: dict[str, EntitySpec] = {spec.name: spec for spec in (PROJECT, PERSON)}


def spec_for(entity: str) -> EntitySpec | None:
    """The spec of ``entity``, or None for a kind this version does not know."""
    return ENTITIES.get(entity)
