"""The op log, local node identity, field registers and counters.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "local_node",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("node_id", sa.String(32), nullable=False),
        sa.Column("private_key", sa.LargeBinary, nullable=False),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("user_name", sa.Text, nullable=False),
        sa.Column("user_initials", sa.String(4), nullable=False),
        sa.Column("is_office", sa.Boolean, nullable=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
        sa.Column("last_op", sa.String(64)),
        sa.Column("lamport", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
    )
    op.create_table(
        "counters",
        sa.Column("scope", sa.String, primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )
    op.create_table(
        "ops",
        sa.Column("op_id", sa.String(64), primary_key=True),
        sa.Column("node", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("lamport", sa.Integer, nullable=False),
        sa.Column("wall", sa.String, nullable=False),
        sa.Column("entity", sa.String, nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("field", sa.String),
        sa.Column("body", sa.Text, nullable=False),
        sa.UniqueConstraint("node", "seq", name="uq_ops_node_seq"),
    )
    op.create_index("ix_ops_entity_id", "ops", ["entity_id"])
    op.create_index("ix_ops_lamport", "ops", ["lamport"])
    op.create_table(
        "field_heads",
        sa.Column("entity_id", sa.String(36), primary_key=True),
        sa.Column("field", sa.String, primary_key=True),
        sa.Column("op_id", sa.String(64), primary_key=True),
        sa.Column("entity", sa.String, nullable=False),
        sa.Column("lamport", sa.Integer, nullable=False),
        sa.Column("node", sa.String(32), nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("wall", sa.String, nullable=False),
    )


def downgrade() -> None:
    for name in ("field_heads", "ops", "counters", "local_node", "store_meta"):
        op.drop_table(name)
