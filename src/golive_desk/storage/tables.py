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
    Index("ix_projects_code", "code"),
)

people = Table(
    "people", metadata,
    *_entity_columns(),
    Column("project_id", String(36), ForeignKey("projects.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("initials", String),
    Column("role", String, nullable=False),
    Column("side", String, nullable=False),
    Column("phone", Text),
    Column("email", Text),
    Column("department", Text),
    Index("ix_people_project", "project_id"),
)

ENTITY_TABLES: dict[str, Table] = {"project": projects, "person": people}
PROJECTION_TABLES: tuple[Table, ...] = (field_heads, projects, people)
