"""The entity registry: every entity kind declared once.

An :class:`EntitySpec` says what the rest of the program needs to know about a
kind: its fields and their types (checked on every op, local or imported), its
table, whether it is append-only, what people call a record of it (the
conflict inbox's label), how it belongs to a project (``bundle export
--project``) and which parent it hangs under (a delete of the parent must see
it). Storage builds the projection tables' list from here; the projector, the
conflict finder, the op checks and the sync export read nothing else.

Adding an entity kind is one declaration here plus its migration.

Fields not declared (from a newer minor version) stay in the op log and travel
in bundles, but are not projected.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from golive_desk.domain.enums import ProjectStatus, Role, Side, SupportMode
from golive_desk.domain.issues import (
    ATTACHMENT_FIELDS,
    ISSUE_FIELDS,
    TIMELINE_FIELDS,
    Category,
    IssueStatus,
    NotifyChannel,
    Severity,
    TimelineKind,
)
from golive_desk.domain.support_calendar import Half, MilestoneKind

# ``HX-ZL-0007``: project code, the writing consultant's initials, a per-computer
# counter (``issue_rules.issue_number``). Numbers name files and show in lists, so a
# peer's op may hold no other form.
ISSUE_NUMBER = r"[A-Z][A-Z0-9]{1,9}-[A-Z]{1,4}-[0-9]{4,9}"


class FieldType(StrEnum):
    """What a field's value may be in an op (``None`` is allowed unless required)."""

    TEXT = "text"          # a string of at most ``max_len`` characters
    DATE = "date"          # ``YYYY-MM-DD``
    DATETIME = "datetime"  # ISO date and time (local wall time as the user wrote it)
    ENUM = "enum"          # one of ``choices``
    INT = "int"            # an integer within ``low``..``high``
    BOOL = "bool"
    ID = "id"              # the id of a record of kind ``ref``
    HASH = "hash"          # a SHA-256 in lower-case hex


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of an entity kind."""

    name: str
    type: FieldType = FieldType.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None
    max_len: int = 20_000
    low: int = 0
    high: int = 2**53
    # The field this one is written and settled with (a person's id follows the
    # name shown): its conflicts are the other's, so they are not listed apart.
    follows: str | None = None
    # A text field's form, as a regular expression the whole value must match.
    pattern: str | None = None


@dataclass(frozen=True, slots=True)
class EntitySpec:
    """An entity kind (see the module text).

    Attributes:
        name: the kind as ops name it.
        table: the projection table's name.
        fields: the fields, in a stable order.
        append_only: additions never conflict; a ``set`` on one is malformed.
        label: the field people call a record by (an issue number, a project code).
        project: how a record belongs to a project: ``"self"`` for the project
            itself, a field holding the project's id, or ``None`` when it belongs
            through ``parent``.
        parent: the field holding the id of the record this one hangs under; a
            delete of that record names this one's creation in ``prev``, so one
            added concurrently with the delete is an "edited after delete".
        search: the fields the search index reads (kept by SQL triggers).
        carries: ID fields whose record a project-only bundle carries along with
            this one (a membership names its person, who belongs to no project).
    """

    name: str
    table: str
    fields: tuple[FieldSpec, ...]
    append_only: bool = False
    label: str | None = None
    project: str | None = None
    parent: str | None = None
    search: tuple[str, ...] = ()
    carries: tuple[str, ...] = ()

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> FieldSpec | None:
        return _FIELD_INDEX[self.name].get(name)

    @property
    def parent_kind(self) -> str | None:
        """The kind of the record this one hangs under."""
        if self.parent is None:
            return None
        spec = self.field(self.parent)
        return spec.ref if spec is not None else None


def _enum(name: str, enum: type[StrEnum], *, required: bool = False) -> FieldSpec:
    return FieldSpec(name, FieldType.ENUM, required, tuple(e.value for e in enum))


def _id(name: str, ref: str, *, required: bool = False) -> FieldSpec:
    return FieldSpec(name, FieldType.ID, required, ref=ref)


def _text(name: str, *, required: bool = False, max_len: int = 20_000) -> FieldSpec:
    return FieldSpec(name, FieldType.TEXT, required, max_len=max_len)


# (revision 0011) The handover (交接) is the project's own: one per project, its
# fields registers like any other, so two people filling in the wizard on two
# laptops merge field by field and a same-field edit is a conflict.
HANDOVER_FIELDS: tuple[FieldSpec, ...] = (
    _text("handover_thresholds", max_len=2_000),  # ReadinessThresholds as JSON; None: defaults
    _text("handover_override", max_len=4_000),    # why the PM went on with red criteria
    _text("handover_lessons", max_len=20_000),    # the project summary's lessons learned
    _text("handover_by", max_len=200),            # who hands over (implementation dept.)
    _text("handover_receiver", max_len=200),      # who receives (O&M service dept.)
    _text("accept_customer", max_len=200),        # the customer's PM signing the acceptance
    _text("accept_vendor", max_len=200),          # the vendor's PM signing it
    FieldSpec("accepted_on", FieldType.DATE),     # set by the sign-off: the handover is done
)

PROJECT = EntitySpec(
    "project", "projects", (
        _text("code", required=True, max_len=10), _text("name", required=True, max_len=200),
        _text("customer", required=True, max_len=200),
        FieldSpec("go_live", FieldType.DATE, required=True), FieldSpec("month_end", FieldType.DATE),
        _id("vendor_pm", "person"), _id("customer_pm", "person"),
        _enum("status", ProjectStatus, required=True), _text("modules", max_len=4_000),
        # (revision 0007) the project's SLA policy as JSON (domain/sla.py); None: the default
        _text("sla_policy", max_len=4_000),
        # (revision 0008) working days after go-live that must be covered on site; None: 5
        FieldSpec("onsite_days", FieldType.INT, low=0, high=60),
        # (revision 0010) the prefix of the printed documents' numbers; None: the code
        _text("doc_prefix", max_len=40),
        *HANDOVER_FIELDS,
    ),
    label="code", project="self",
)
# One person, however many projects they work on (their memberships). ``project_id``
# and ``role`` are what versions before revision 0006 wrote: such a person is a
# member of that project in that role (the read queries derive it; old ops are
# never rewritten). New people carry neither.
PERSON = EntitySpec(
    "person", "people", (
        _id("project_id", "project"), _text("name", required=True, max_len=200),
        _text("initials", max_len=4), _enum("role", Role),
        _enum("side", Side, required=True), _text("phone"), _text("email"),
        _text("department"),
    ),
    label="name", project="project_id",
)

# A person's place in one project. A project-only bundle carries the person too.
MEMBERSHIP = EntitySpec(
    "membership", "memberships", (
        _id("project_id", "project", required=True), _id("person_id", "person", required=True),
        _enum("role", Role, required=True),
        # (revision 0011) the modules this member covers for the customer's support
        _text("modules", max_len=2_000),
    ),
    label="role", project="project_id", carries=("person_id",),
)

_ISSUE_TYPES: dict[str, FieldSpec] = {f.name: f for f in (
    _id("project_id", "project", required=True),
    FieldSpec("number", required=True, max_len=40, pattern=ISSUE_NUMBER),
    _text("title", required=True, max_len=500),
    _enum("category", Category), _enum("severity", Severity), _enum("status", IssueStatus),
    _enum("mode", SupportMode), FieldSpec("reported_at", FieldType.DATETIME),
    FieldSpec("expected_by", FieldType.DATE), FieldSpec("confirmed_at", FieldType.DATE),
    FieldSpec("maintenance_note", FieldType.BOOL),
)}
# ``assignee``/``reporter`` hold the name shown and printed (a free name for a
# reporter who is nobody's person); ``assignee_id``/``reporter_id`` the person,
# when there is one (revision 0006; written with the name by the issue writer).
ISSUE_PERSON_FIELDS: dict[str, str] = {"assignee": "assignee_id", "reporter": "reporter_id"}
ISSUE = EntitySpec(
    "issue", "issues", (*(_ISSUE_TYPES.get(n, _text(n)) for n in ISSUE_FIELDS),
                        *(FieldSpec(i, FieldType.ID, ref="person", follows=n)
                          for n, i in ISSUE_PERSON_FIELDS.items())),
    label="number", project="project_id", carries=tuple(ISSUE_PERSON_FIELDS.values()),
    search=("number", "title", "description", "module", "function", "reporter",
            "reporter_dept", "assignee", "cause", "proposal", "resolution", "result"),
)

_TIMELINE_TYPES: dict[str, FieldSpec] = {f.name: f for f in (
    _id("issue_id", "issue", required=True), _enum("kind", TimelineKind, required=True),
    _enum("channel", NotifyChannel), FieldSpec("at", FieldType.DATETIME),
    _enum("from_status", IssueStatus), _enum("to_status", IssueStatus),
)}
# Append-only: concurrent additions never conflict; a wrong one is deleted, not edited.
TIMELINE_ENTRY = EntitySpec(
    "timeline_entry", "timeline_entries",
    tuple(_TIMELINE_TYPES.get(n, _text(n)) for n in TIMELINE_FIELDS),
    append_only=True, label="text", parent="issue_id", search=("text", "whom"),
)

_ATTACHMENT_TYPES: dict[str, FieldSpec] = {f.name: f for f in (
    _id("issue_id", "issue", required=True), _text("name", required=True, max_len=500),
    FieldSpec("sha256", FieldType.HASH, required=True),
    FieldSpec("size", FieldType.INT, required=True, high=2**40), _text("mime", max_len=200),
)}
ATTACHMENT = EntitySpec(
    "attachment", "attachments",
    tuple(_ATTACHMENT_TYPES.get(n, _text(n)) for n in ATTACHMENT_FIELDS),
    append_only=True, label="name", parent="issue_id",
)

# (revision 0007) One year's statutory holidays and 调休 working days (``YearData`` as
# JSON), for a year the holiday library does not know: the office sends it to the
# laptops in a bundle. Belongs to no project; where two records name the same year,
# the one written last is in force (storage/sla_reads.py).
HOLIDAY_YEAR = EntitySpec(
    "holiday_year", "holiday_years", (
        FieldSpec("year", FieldType.INT, required=True, low=1900, high=2999),
        _text("data", required=True, max_len=20_000),
    ),
    label="year",
)

# (revision 0008) The on-site support schedule (domain/support_calendar.py): a person's
# support for a project on a day or a range of days. Moving one sets ``start_day``
# (and ``end_day``): two moves made offline on two computers are a field conflict.
SUPPORT_SLOT = EntitySpec(
    "support_slot", "support_slots", (
        _id("project_id", "project", required=True), _id("person_id", "person", required=True),
        FieldSpec("start_day", FieldType.DATE, required=True),
        FieldSpec("end_day", FieldType.DATE, required=True),
        _enum("half", Half, required=True), _enum("mode", SupportMode, required=True),
        _text("note", max_len=2_000),
    ),
    label="start_day", project="project_id", carries=("person_id",),
)

# (revision 0008) A project's dated events shown on the calendar: month-end closes,
# the planned consultant exit, acceptance. Go-live and the first close are the
# project's own fields.
MILESTONE = EntitySpec(
    "milestone", "milestones", (
        _id("project_id", "project", required=True), _enum("kind", MilestoneKind, required=True),
        FieldSpec("day", FieldType.DATE, required=True), _text("note", max_len=2_000),
    ),
    label="kind", project="project_id",
)

# (revision 0011) The handover's emergency plan (应急预案): one scenario each, with
# its actions, contacts and escalation path, in the order ``position`` gives.
EMERGENCY_SCENARIO = EntitySpec(
    "emergency_scenario", "emergency_scenarios", (
        _id("project_id", "project", required=True), _text("title", required=True, max_len=500),
        _text("actions"), _text("contacts", max_len=4_000), _text("escalation", max_len=4_000),
        FieldSpec("position", FieldType.INT, low=0, high=10_000),
    ),
    label="title", project="project_id",
)

# (revision 0011) The maintenance notes (维护手册), the customer's first-line knowledge
# base. An issue flagged "maintenance matter" shows as a note read from the issue
# itself until someone edits it; the edit is this record, naming the issue. A note
# of no issue (a precaution) names none.
MAINTENANCE_NOTE = EntitySpec(
    "maintenance_note", "maintenance_notes", (
        _id("project_id", "project", required=True), _id("issue_id", "issue"),
        _text("module", max_len=200), _text("symptom", required=True, max_len=4_000),
        _text("cause"), _text("solution"),
    ),
    label="symptom", project="project_id",
)

# Parents before children: projections are written in this order and emptied in reverse.
ENTITIES: dict[str, EntitySpec] = {
    spec.name: spec for spec in (PROJECT, PERSON, ISSUE, TIMELINE_ENTRY, ATTACHMENT,
                                 MEMBERSHIP, HOLIDAY_YEAR, SUPPORT_SLOT, MILESTONE,
                                 EMERGENCY_SCENARIO, MAINTENANCE_NOTE)
}

_FIELD_INDEX: dict[str, dict[str, FieldSpec]] = {
    spec.name: {f.name: f for f in spec.fields} for spec in ENTITIES.values()
}


def spec_for(entity: str) -> EntitySpec | None:
    """The spec of ``entity``, or None for a kind this version does not know."""
    return ENTITIES.get(entity)


def listed_in_conflicts(entity: str, field: str) -> bool:
    """False for a field that follows another (see ``FieldSpec.follows``)."""
    spec = ENTITIES.get(entity)
    declared = spec.field(field) if spec is not None else None
    return declared is None or declared.follows is None


def children_of(entity: str) -> tuple[EntitySpec, ...]:
    """The kinds whose records hang under a record of ``entity``."""
    return tuple(s for s in ENTITIES.values() if s.parent_kind == entity)


def project_path(entity: str) -> tuple[EntitySpec, ...]:
    """From ``entity`` up to the kind that names the project (for ``--project`` exports)."""
    path: list[EntitySpec] = []
    spec = ENTITIES.get(entity)
    while spec is not None and spec not in path:
        path.append(spec)
        if spec.project is not None:
            return tuple(path)
        parent = spec.parent_kind
        spec = ENTITIES.get(parent) if parent else None
    return ()
