"""Sync: peers, trusted keys, signed chain heads, pending ops, import log.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "peers",
        sa.Column("node_id", sa.String(32), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("initials", sa.String(4), nullable=False),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("trusted", sa.Boolean, nullable=False),
        sa.Column("is_office", sa.Boolean, nullable=False),
        sa.Column("acknowledged", sa.Text),
        sa.Column("last_exchange", sa.String),
        sa.Column("last_bundle_id", sa.String(36)),
        sa.Column("enrolled_at", sa.String, nullable=False),
        sa.Column("enrolled_via", sa.String(32)),
    )
    op.create_table(
        "signed_heads",
        sa.Column("node", sa.String(32), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("signature", sa.String(128), nullable=False),
    )
    op.create_table(
        "pending_ops",
        sa.Column("op_id", sa.String(64), primary_key=True),
        sa.Column("node", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("lamport", sa.Integer, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("bundle_id", sa.String(36), nullable=False),
        sa.Column("received_at", sa.String, nullable=False),
    )
    op.create_index("ix_pending_ops_node_seq", "pending_ops", ["node", "seq"])
    op.create_table(
        "import_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("bundle_id", sa.String(36), nullable=False),
        sa.Column("from_node", sa.String(32), nullable=False),
        sa.Column("imported_at", sa.String, nullable=False),
        sa.Column("manifest_sha256", sa.String(64), nullable=False),
        sa.Column("applied", sa.Integer, nullable=False),
        sa.Column("already_had", sa.Integer, nullable=False),
        sa.Column("pending", sa.Integer, nullable=False),
        sa.Column("conflicts", sa.Integer, nullable=False),
        sa.Column("warnings", sa.Text, nullable=False),
    )
    op.create_index("ix_import_log_bundle", "import_log", ["bundle_id"])


def downgrade() -> None:
    op.drop_index("ix_import_log_bundle", "import_log")
    op.drop_table("import_log")
    op.drop_index("ix_pending_ops_node_seq", "pending_ops")
    op.drop_table("pending_ops")
    op.drop_table("signed_heads")
    op.drop_table("peers")
