"""The support calendar: support slots, milestones, and a project's on-site days N.

``support_slots`` hold a person's support for a project on a day or a range of
days (whole day or a half, a mode, a note); ``milestones`` a project's
month-end closes, planned exit and acceptance; ``projects.onsite_days`` the
working days after go-live that must be covered on site (NULL: 5).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _entity_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_op", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False, default=False),
    ]


def upgrade() -> None:
    # Plain ADD COLUMN: no table copy.
    op.add_column("projects", sa.Column("onsite_days", sa.Integer, nullable=True))
    op.create_table(
        "support_slots", *_entity_columns(),
        sa.Column("project_id", sa.String(36), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("person_id", sa.String(36), sa.ForeignKey("people.id"), nullable=False),
        sa.Column("start_day", sa.String, nullable=False),
        sa.Column("end_day", sa.String, nullable=False),
        sa.Column("half", sa.String, nullable=False),
        sa.Column("mode", sa.String, nullable=False),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_support_slots_days", "support_slots", ["start_day", "end_day"])
    op.create_index("ix_support_slots_project", "support_slots", ["project_id", "start_day"])
    op.create_index("ix_support_slots_person", "support_slots", ["person_id", "start_day"])
    op.create_table(
        "milestones", *_entity_columns(),
        sa.Column("project_id", sa.String(36), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("day", sa.String, nullable=False),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_milestones_project", "milestones", ["project_id", "day"])


def downgrade() -> None:
    op.drop_index("ix_milestones_project", table_name="milestones")
    op.drop_table("milestones")
    for name in ("ix_support_slots_person", "ix_support_slots_project", "ix_support_slots_days"):
        op.drop_index(name, table_name="support_slots")
    op.drop_table("support_slots")
    with op.batch_alter_table("projects") as batch:
        batch.drop_column("onsite_days")
