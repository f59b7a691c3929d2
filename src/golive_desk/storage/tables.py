"""Table definitions (SQLAlchemy Core). Alembic revisions create them.

``ops`` is the source of truth. ``field_heads`` holds every register's current
versions. Every other table except the local ones is a projection that
``doctor --rebuild`` can recreate from ``ops``.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from golive_desk.domain.schema import ENTITIES

metadata = MetaData()

# -- local state: never projected, never synced ------------------------------
store_meta = Table(
    "store_meta", metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

local_node = Table(
    "local_node", metadata,
    Column("id", Integer, primary_key=True),
    Column("node_id", String(32), nullable=False),
    Column("private_key", LargeBinary, nullable=False),
    Column("public_key", LargeBinary, nullable=False),
    Column("user_name", Text, nullable=False),
    Column("user_initials", String(4), nullable=False),
    Column("is_office", Boolean, nullable=False, default=False),
    Column("last_seq", Integer, nullable=False, default=0),
    Column("last_op", String(64)),
    Column("lamport", Integer, nullable=False, default=0),
    Column("created_at", String, nullable=False),
    # (revision 0006) the local user's person; local like the rest of this row
    Column("person_id", String(36)),
)

counters = Table(
    "counters", metadata,
    Column("scope", String, primary_key=True),
    Column("value", Integer, nullable=False),
)

# -- the op log: the source of truth ------------------------------------------
ops = Table(
    "ops", metadata,
    Column("op_id", String(64), primary_key=True),
    Column("node", String(32), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("lamport", Integer, nullable=False),
    Column("wall", String, nullable=False),
    Column("entity", String, nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("kind", String, nullable=False),
    Column("field", String),
    Column("body", Text, nullable=False),
    UniqueConstraint("node", "seq", name="uq_ops_node_seq"),
    Index("ix_ops_entity_id", "entity_id"),
    Index("ix_ops_lamport", "lamport"),
)

# -- projections ---------------------------------------------------------------
field_heads = Table(
    "field_heads", metadata,
    Column("entity_id", String(36), primary_key=True),
    Column("field", String, primary_key=True),
    Column("op_id", String(64), primary_key=True),
    Column("entity", String, nullable=False),
    Column("lamport", Integer, nullable=False),
    Column("node", String(32), nullable=False),
    Column("value", Text),
    Column("author", Text, nullable=False),
    Column("wall", String, nullable=False),
)


def _entity_columns() -> list[Column[object]]:
    """Columns every projected entity table has."""
    return [
        Column("id", String(36), primary_key=True),
        Column("created_op", String(64), nullable=False),
        Column("created_at", String, nullable=False),
        Column("created_by", Text, nullable=False),
        Column("updated_at", String, nullable=False),
        Column("deleted", Boolean, nullable=False, default=False),
    ]


projects = Table(
    "projects", metadata,
    *_entity_columns(),
    Column("code", String, nullable=False),
    Column("name", Text, nullable=False),
    Column("customer", Text, nullable=False),
    Column("go_live", String, nullable=False),
    Column("month_end", String),
    Column("vendor_pm", String(36)),
    Column("customer_pm", String(36)),
    Column("status", String, nullable=False),
    Column("modules", Text),  # one per line (revision 0003); NULL: the default modules
    Column("sla_policy", Text),  # JSON (revision 0007); NULL: the default policy
    Column("onsite_days", Integer),  # (revision 0008) NULL: 5 working days
    Column("doc_prefix", Text),  # (revision 0010) NULL: the project code
    # (revision 0011) the handover (domain/schema.py HANDOVER_FIELDS)
    Column("handover_thresholds", Text),
    Column("handover_override", Text),
    Column("handover_lessons", Text),
    Column("handover_by", Text),
    Column("handover_receiver", Text),
    Column("accept_customer", Text),
    Column("accept_vendor", Text),
    Column("accepted_on", String),
    Index("ix_projects_code", "code"),
)

people = Table(
    "people", metadata,
    *_entity_columns(),
    # Before revision 0006 a person belonged to one project in one role; rows
    # written then keep both (a membership the read queries derive), new ones neither.
    Column("project_id", String(36), ForeignKey("projects.id")),
    Column("name", Text, nullable=False),
    Column("initials", String),
    Column("role", String),
    Column("side", String, nullable=False),
    Column("phone", Text),
    Column("email", Text),
    Column("department", Text),
    Index("ix_people_project", "project_id"),
)

# (revision 0006) a person's place in a project
memberships = Table(
    "memberships", metadata,
    *_entity_columns(),
    Column("project_id", String(36), ForeignKey("projects.id"), nullable=False),
    Column("person_id", String(36), ForeignKey("people.id"), nullable=False),
    Column("role", String, nullable=False),
    Column("modules", Text),  # (revision 0011) one per line
    Index("ix_memberships_project", "project_id"),
    Index("ix_memberships_person", "person_id"),
)

# -- issue records (revision 0003) -----------------------------------------------
issues = Table(
    "issues", metadata,
    *_entity_columns(),
    Column("project_id", String(36), ForeignKey("projects.id"), nullable=False),
    Column("number", String, nullable=False),
    Column("title", Text, nullable=False),
    Column("description", Text),
    Column("module", Text),
    Column("function", Text),
    Column("category", String),
    Column("severity", String),
    Column("status", String),
    Column("mode", String),
    Column("reporter", Text),
    Column("reporter_dept", Text),
    Column("reported_at", String),
    Column("expected_by", String),
    Column("assignee", Text),
    Column("cause", Text),
    Column("proposal", Text),
    Column("resolution", Text),
    Column("result", Text),
    Column("confirmed_by", Text),
    Column("confirmed_at", String),
    Column("maintenance_note", Boolean),
    Column("assignee_id", String(36)),  # (revision 0006) no foreign key: a name may
    Column("reporter_id", String(36)),  # outlive its person in a partial bundle
    Index("ix_issues_project_status", "project_id", "status"),
    Index("ix_issues_number", "number"),
    Index("ix_issues_reported_at", "reported_at"),
    Index("ix_issues_register", "project_id", "deleted", "reported_at", "number", "id"),
    # (revision 0009) every column the overview's GROUP BYs read: index-only scans
    Index("ix_issues_overview", "project_id", "deleted", "status", "severity", "category",
          "module", "expected_by", "reporter", "reported_at", "created_at", "id"),
)

timeline_entries = Table(
    "timeline_entries", metadata,
    *_entity_columns(),
    Column("issue_id", String(36), ForeignKey("issues.id"), nullable=False),
    Column("kind", String, nullable=False),
    Column("text", Text),
    Column("channel", String),
    Column("whom", Text),
    Column("at", String),
    Column("from_status", String),
    Column("to_status", String),
    Index("ix_timeline_entries_issue", "issue_id"),
    Index("ix_timeline_entries_status", "issue_id", "kind", "deleted", "to_status", "at"),
)

attachments = Table(
    "attachments", metadata,
    *_entity_columns(),
    Column("issue_id", String(36), ForeignKey("issues.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("mime", String),
    Index("ix_attachments_issue", "issue_id"),
)

# (revision 0007) holiday data for years the library does not know
holiday_years = Table(
    "holiday_years", metadata,
    *_entity_columns(),
    Column("year", Integer, nullable=False),
    Column("data", Text, nullable=False),
    Index("ix_holiday_years_year", "year"),
)

# (revision 0008) the on-site support schedule and the projects' milestones
support_slots = Table(
    "support_slots", metadata,
    *_entity_columns(),
    Column("project_id", String(36), ForeignKey("projects.id"), nullable=False),
    Column("person_id", String(36), ForeignKey("people.id"), nullable=False),
    Column("start_day", String, nullable=False),
    Column("end_day", String, nullable=False),
    Column("half", String, nullable=False),
    Column("mode", String, nullable=False),
    Column("note", Text),
    Index("ix_support_slots_days", "start_day", "end_day"),
    Index("ix_support_slots_project", "project_id", "start_day"),
    Index("ix_support_slots_person", "person_id", "start_day"),
)

milestones = Table(
    "milestones", metadata,
    *_entity_columns(),
    Column("project_id", String(36), ForeignKey("projects.id"), nullable=False),
    Column("kind", String, nullable=False),
    Column("day", String, nullable=False),
    Column("note", Text),
    Index("ix_milestones_project", "project_id", "day"),
)

# -- the handover (revision 0011) ----------------------------------------------
emergency_scenarios = Table(
    "emergency_scenarios", metadata,
    *_entity_columns(),
    Column("project_id", String(36), ForeignKey("projects.id"), nullable=False),
    Column("title", Text, nullable=False),
    Column("actions", Text),
    Column("contacts", Text),
    Column("escalation", Text),
    Column("position", Integer),
    Index("ix_emergency_scenarios_project", "project_id"),
)

maintenance_notes = Table(
    "maintenance_notes", metadata,
    *_entity_columns(),
    Column("project_id", String(36), ForeignKey("projects.id"), nullable=False),
    Column("issue_id", String(36)),
    Column("module", Text),
    Column("symptom", Text, nullable=False),
    Column("cause", Text),
    Column("solution", Text),
    Index("ix_maintenance_notes_project", "project_id"),
)

# Search documents: one per issue (its text fields) and one per timeline entry,
# kept by triggers from revision 0003 and indexed by the FTS5 table
# ``issue_fts`` (SQLite only; see storage/search.py). Derived from the tables
# above, so not listed in PROJECTION_TABLES: rebuilding those rebuilds these.
issue_search = Table(
    "issue_search", metadata,
    Column("doc", Integer, primary_key=True),
    Column("source_id", String(36), nullable=False, unique=True),
    Column("issue_id", String(36), nullable=False),
    Column("body", Text, nullable=False),
)

# Each registered entity kind's projection table (``domain/schema.py`` names it),
# parents before children: a rebuild deletes in reverse order.
ENTITY_TABLES: dict[str, Table] = {
    spec.name: metadata.tables[spec.table] for spec in ENTITIES.values()}
PROJECTION_TABLES: tuple[Table, ...] = (field_heads, *ENTITY_TABLES.values())

# -- sync: local state, never projected, never synced as rows -------------------
# (revision 0004) A peer is a node whose key this store knows; ``acknowledged``
# is the version vector (JSON) the peer last told us it holds.
peers = Table(
    "peers", metadata,
    Column("node_id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("initials", String(4), nullable=False),
    Column("public_key", LargeBinary, nullable=False),
    Column("trusted", Boolean, nullable=False),
    Column("is_office", Boolean, nullable=False),
    Column("acknowledged", Text),
    Column("last_exchange", String),
    Column("last_bundle_id", String(36)),
    Column("enrolled_at", String, nullable=False),
    Column("enrolled_via", String(32)),
)

# Head statements signed by their origin node; kept so that this store can relay
# another node's ops with a signature that node made.
signed_heads = Table(
    "signed_heads", metadata,
    Column("node", String(32), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("op_id", String(64), nullable=False),
    Column("signature", String(128), nullable=False),
)

# Verified ops whose chain predecessor or ``prev`` ops have not arrived yet.
pending_ops = Table(
    "pending_ops", metadata,
    Column("op_id", String(64), primary_key=True),
    Column("node", String(32), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("lamport", Integer, nullable=False),
    Column("body", Text, nullable=False),
    Column("bundle_id", String(36), nullable=False),
    Column("received_at", String, nullable=False),
    Index("ix_pending_ops_node_seq", "node", "seq"),
)

import_log = Table(
    "import_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("bundle_id", String(36), nullable=False),
    Column("from_node", String(32), nullable=False),
    Column("imported_at", String, nullable=False),
    Column("manifest_sha256", String(64), nullable=False),
    Column("applied", Integer, nullable=False),
    Column("already_had", Integer, nullable=False),
    Column("pending", Integer, nullable=False),
    Column("conflicts", Integer, nullable=False),
    Column("warnings", Text, nullable=False),
    Index("ix_import_log_bundle", "bundle_id"),
)
