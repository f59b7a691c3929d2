"""Projections of projects and people.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _entity_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_op", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "projects",
        *_entity_columns(),
        sa.Column("code", sa.String, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("customer", sa.Text, nullable=False),
        sa.Column("go_live", sa.String, nullable=False),
        sa.Column("month_end", sa.String),
        sa.Column("vendor_pm", sa.String(36)),
        sa.Column("customer_pm", sa.String(36)),
        sa.Column("status", sa.String, nullable=False),
    )
    op.create_index("ix_projects_code", "projects", ["code"])
    op.create_table(
        "people",
        *_entity_columns(),
        sa.Column("project_id", sa.String(36), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("initials", sa.String),
        sa.Column("role", sa.String, nullable=False),
        sa.Column("side", sa.String, nullable=False),
        sa.Column("phone", sa.Text),
        sa.Column("email", sa.Text),
        sa.Column("department", sa.Text),
    )
    op.create_index("ix_people_project", "people", ["project_id"])


def downgrade() -> None:
    op.drop_table("people")
    op.drop_table("projects")
