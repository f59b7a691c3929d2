"""An index matching the register's default view: one project, newest reports first.

Without it SQLite sorts every issue of the project to show the first screen
(~300 ms at 100k issues); with it the first rows come straight off the index.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_issues_register", "issues",
                    ["project_id", "deleted", "reported_at", "number", "id"])


def downgrade() -> None:
    op.drop_index("ix_issues_register", table_name="issues")
