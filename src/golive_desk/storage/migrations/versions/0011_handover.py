"""The handover: its fields on the project, members' modules, emergency plan, notes.

``projects`` gains the handover's registers (thresholds, the override reason,
lessons learned, who hands over and receives, who signs, ``accepted_on``);
``memberships.modules`` the modules a member covers; ``emergency_scenarios``
the emergency plan; ``maintenance_notes`` the edited maintenance notes.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_PROJECT_COLUMNS = ("handover_thresholds", "handover_override", "handover_lessons",
                    "handover_by", "handover_receiver", "accept_customer", "accept_vendor",
                    "accepted_on")


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
    for name in _PROJECT_COLUMNS:
        op.add_column("projects", sa.Column(name, sa.Text, nullable=True))
    op.add_column("memberships", sa.Column("modules", sa.Text, nullable=True))
    op.create_table(
        "emergency_scenarios", *_entity_columns(),
        sa.Column("project_id", sa.String(36), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("actions", sa.Text),
        sa.Column("contacts", sa.Text),
        sa.Column("escalation", sa.Text),
        sa.Column("position", sa.Integer),
    )
    op.create_index("ix_emergency_scenarios_project", "emergency_scenarios", ["project_id"])
    op.create_table(
        "maintenance_notes", *_entity_columns(),
        sa.Column("project_id", sa.String(36), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("issue_id", sa.String(36)),
        sa.Column("module", sa.Text),
        sa.Column("symptom", sa.Text, nullable=False),
        sa.Column("cause", sa.Text),
        sa.Column("solution", sa.Text),
    )
    op.create_index("ix_maintenance_notes_project", "maintenance_notes", ["project_id"])


def downgrade() -> None:
    op.drop_index("ix_maintenance_notes_project", table_name="maintenance_notes")
    op.drop_table("maintenance_notes")
    op.drop_index("ix_emergency_scenarios_project", table_name="emergency_scenarios")
    op.drop_table("emergency_scenarios")
    with op.batch_alter_table("memberships") as batch:
        batch.drop_column("modules")
    with op.batch_alter_table("projects") as batch:
        for name in _PROJECT_COLUMNS:
            batch.drop_column(name)
