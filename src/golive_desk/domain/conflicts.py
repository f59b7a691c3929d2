"""Conflicts the user must see and resolve, for any entity (read models only).

A field conflict is a register with two or more current versions holding
different values; an "edited after delete" is an edit the delete did not see.
Both come from sync; the rules that find them are in :mod:`domain.merge`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from golive_desk.domain.ops import JsonValue


class ConflictKind(StrEnum):
    FIELD = "field"
    EDITED_AFTER_DELETE = "edited_after_delete"
    # A delete and a restore of the same record, neither seeing the other.
    DELETE_RESTORE = "delete_restore"


@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One competing version: its value, who wrote it, on which node, when (UTC)."""

    value: JsonValue
    author: str
    node: str
    at: str
    op_id: str


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """A field with competing versions; ``values[0]`` is the provisional winner.

    ``label`` is what people call the record (an issue number, a project code).
    For an edited-after-delete conflict ``field`` is the edited field and
    ``values`` are the edits the delete did not see; when what the delete did not
    see is a record added under this one (a note, an attachment), ``field`` is that
    record's kind and each value is one such record (its text or name). For a
    delete/restore conflict ``field`` is ``deleted`` and the values are ``True``
    (deleted) and ``False`` (restored).
    """

    entity: str
    entity_id: str
    field: str
    values: tuple[ConflictValue, ...]
    label: str = ""
    kind: ConflictKind = ConflictKind.FIELD
