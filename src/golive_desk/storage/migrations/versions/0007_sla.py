"""The SLA policy per project and holiday data for years the library does not know.

``projects.sla_policy`` holds the policy as JSON (NULL: the default policy);
``holiday_years`` one year's holidays and 调休 days each, sent by the office.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: no table copy.
    op.add_column("projects", sa.Column("sla_policy", sa.Text, nullable=True))
    op.create_table(
        "holiday_years",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_op", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False, default=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_holiday_years_year", "holiday_years", ["year"])


def downgrade() -> None:
    op.drop_index("ix_holiday_years_year", table_name="holiday_years")
    op.drop_table("holiday_years")
    with op.batch_alter_table("projects") as batch:
        batch.drop_column("sla_policy")
