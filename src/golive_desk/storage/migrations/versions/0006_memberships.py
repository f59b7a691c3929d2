"""People have one identity: memberships, the local user's person, issue people.

A person used to be a row per project (``people.project_id`` and ``role``).
Now a person is one record and ``memberships`` say which projects they work on
in which role. Old rows keep their project and role (ops are never rewritten;
the read queries count them as memberships), so both columns become nullable.
Issues name their assignee and reporter as people (``assignee_id``,
``reporter_id``) beside the names they show. ``local_node.person_id`` links the
local user to their person.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.alter_column("project_id", existing_type=sa.String(36), nullable=True)
        batch.alter_column("role", existing_type=sa.String, nullable=True)
    op.create_table(
        "memberships",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_op", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False, default=False),
        sa.Column("project_id", sa.String(36), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("person_id", sa.String(36), sa.ForeignKey("people.id"), nullable=False),
        sa.Column("role", sa.String, nullable=False),
    )
    op.create_index("ix_memberships_project", "memberships", ["project_id"])
    op.create_index("ix_memberships_person", "memberships", ["person_id"])
    # Plain ADD COLUMN (no table copy): the issues table's search triggers stay.
    op.add_column("issues", sa.Column("assignee_id", sa.String(36)))
    op.add_column("issues", sa.Column("reporter_id", sa.String(36)))
    op.add_column("local_node", sa.Column("person_id", sa.String(36)))


def downgrade() -> None:
    op.drop_column("local_node", "person_id")
    op.drop_column("issues", "reporter_id")
    op.drop_column("issues", "assignee_id")
    op.drop_index("ix_memberships_person", "memberships")
    op.drop_index("ix_memberships_project", "memberships")
    op.drop_table("memberships")
    with op.batch_alter_table("people") as batch:
        batch.alter_column("role", existing_type=sa.String, nullable=False)
        batch.alter_column("project_id", existing_type=sa.String(36), nullable=False)
