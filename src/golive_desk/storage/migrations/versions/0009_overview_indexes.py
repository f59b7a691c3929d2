"""Covering indexes for the overview's aggregates.

Every figure of the dashboard is a ``GROUP BY`` over one project's live
issues. Through the older indexes each of them read all 100k issue rows from
the table (~200 ms apiece); ``ix_issues_overview`` holds every column those
queries touch, so each is an index-only scan (~10–40 ms). The daily "closed"
count looks up each closed issue's last status change:
``ix_timeline_entries_status`` answers that without reading the entries' text.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

OVERVIEW_COLUMNS = ["project_id", "deleted", "status", "severity", "category", "module",
                    "expected_by", "reporter", "reported_at", "created_at", "id"]
STATUS_COLUMNS = ["issue_id", "kind", "deleted", "to_status", "at"]


def upgrade() -> None:
    op.create_index("ix_issues_overview", "issues", OVERVIEW_COLUMNS)
    op.create_index("ix_timeline_entries_status", "timeline_entries", STATUS_COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_timeline_entries_status", table_name="timeline_entries")
    op.drop_index("ix_issues_overview", table_name="issues")
