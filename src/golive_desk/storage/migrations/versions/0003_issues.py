"""Issue records: issues, timeline entries, attachments, search.

Search (SQLite only) is a document table kept by triggers from the projection
tables, plus an FTS5 trigram index over it. Triggers rather than code keep it
exact whatever writes the projections — the projector, a rebuild, a sync
import — and survive ``doctor --rebuild`` without a hook.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
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


# Each column ends with a newline: the trigram index then holds a trigram that
# starts at every character, which is what lets search find one- and
# two-character queries through the index's vocabulary (storage/search.py).
_ISSUE_BODY = ("coalesce(new.number, '') || char(10) || coalesce(new.title, '') || char(10) || "
               "coalesce(new.description, '') || char(10) || coalesce(new.cause, '') || "
               "char(10) || coalesce(new.resolution, '') || char(10)")

_SEARCH_DDL = (
    f"""CREATE TRIGGER issues_search_insert AFTER INSERT ON issues BEGIN
        INSERT INTO issue_search (source_id, issue_id, body) VALUES (new.id, new.id, {_ISSUE_BODY});
    END""",
    f"""CREATE TRIGGER issues_search_update
        AFTER UPDATE OF number, title, description, cause, resolution ON issues BEGIN
        UPDATE issue_search SET body = {_ISSUE_BODY} WHERE source_id = new.id;
    END""",
    """CREATE TRIGGER issues_search_delete AFTER DELETE ON issues BEGIN
        DELETE FROM issue_search WHERE source_id = old.id;
    END""",
    """CREATE TRIGGER timeline_search_insert AFTER INSERT ON timeline_entries
        WHEN coalesce(new.text, '') <> '' AND NOT new.deleted BEGIN
        INSERT INTO issue_search (source_id, issue_id, body)
            VALUES (new.id, new.issue_id, new.text || char(10));
    END""",
    """CREATE TRIGGER timeline_search_update AFTER UPDATE OF text, deleted ON timeline_entries
        BEGIN
        DELETE FROM issue_search WHERE source_id = new.id;
        INSERT INTO issue_search (source_id, issue_id, body)
            SELECT new.id, new.issue_id, new.text || char(10)
            WHERE coalesce(new.text, '') <> '' AND NOT new.deleted;
    END""",
    """CREATE TRIGGER timeline_search_delete AFTER DELETE ON timeline_entries BEGIN
        DELETE FROM issue_search WHERE source_id = old.id;
    END""",
    """CREATE VIRTUAL TABLE issue_fts USING fts5(
        body, content='issue_search', content_rowid='doc', tokenize='trigram')""",
    """CREATE VIRTUAL TABLE issue_fts_vocab USING fts5vocab(issue_fts, 'row')""",
    """CREATE TRIGGER issue_search_fts_insert AFTER INSERT ON issue_search BEGIN
        INSERT INTO issue_fts (rowid, body) VALUES (new.doc, new.body);
    END""",
    """CREATE TRIGGER issue_search_fts_delete AFTER DELETE ON issue_search BEGIN
        INSERT INTO issue_fts (issue_fts, rowid, body) VALUES ('delete', old.doc, old.body);
    END""",
    """CREATE TRIGGER issue_search_fts_update AFTER UPDATE ON issue_search BEGIN
        INSERT INTO issue_fts (issue_fts, rowid, body) VALUES ('delete', old.doc, old.body);
        INSERT INTO issue_fts (rowid, body) VALUES (new.doc, new.body);
    END""",
)

_SEARCH_OBJECTS = (
    ("TRIGGER", "issue_search_fts_update"), ("TRIGGER", "issue_search_fts_delete"),
    ("TRIGGER", "issue_search_fts_insert"), ("TABLE", "issue_fts_vocab"),
    ("TABLE", "issue_fts"), ("TRIGGER", "timeline_search_delete"),
    ("TRIGGER", "timeline_search_update"), ("TRIGGER", "timeline_search_insert"),
    ("TRIGGER", "issues_search_delete"), ("TRIGGER", "issues_search_update"),
    ("TRIGGER", "issues_search_insert"),
)


def upgrade() -> None:
    with op.batch_alter_table("projects") as batch:
        batch.add_column(sa.Column("modules", sa.Text))
    op.create_table(
        "issues",
        *_entity_columns(),
        sa.Column("project_id", sa.String(36), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("number", sa.String, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("module", sa.Text),
        sa.Column("function", sa.Text),
        sa.Column("category", sa.String),
        sa.Column("severity", sa.String),
        sa.Column("status", sa.String),
        sa.Column("mode", sa.String),
        sa.Column("reporter", sa.Text),
        sa.Column("reporter_dept", sa.Text),
        sa.Column("reported_at", sa.String),
        sa.Column("expected_by", sa.String),
        sa.Column("assignee", sa.Text),
        sa.Column("cause", sa.Text),
        sa.Column("proposal", sa.Text),
        sa.Column("resolution", sa.Text),
        sa.Column("result", sa.Text),
        sa.Column("confirmed_by", sa.Text),
        sa.Column("confirmed_at", sa.String),
        sa.Column("maintenance_note", sa.Boolean),
    )
    op.create_index("ix_issues_project_status", "issues", ["project_id", "status"])
    op.create_index("ix_issues_number", "issues", ["number"])
    op.create_index("ix_issues_reported_at", "issues", ["reported_at"])
    op.create_table(
        "timeline_entries",
        *_entity_columns(),
        sa.Column("issue_id", sa.String(36), sa.ForeignKey("issues.id"), nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("channel", sa.String),
        sa.Column("whom", sa.Text),
        sa.Column("at", sa.String),
        sa.Column("from_status", sa.String),
        sa.Column("to_status", sa.String),
    )
    op.create_index("ix_timeline_entries_issue", "timeline_entries", ["issue_id"])
    op.create_table(
        "attachments",
        *_entity_columns(),
        sa.Column("issue_id", sa.String(36), sa.ForeignKey("issues.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("mime", sa.String),
    )
    op.create_index("ix_attachments_issue", "attachments", ["issue_id"])
    op.create_table(
        "issue_search",
        sa.Column("doc", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.String(36), nullable=False, unique=True),
        sa.Column("issue_id", sa.String(36), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in _SEARCH_DDL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for kind, name in _SEARCH_OBJECTS:
            op.execute(f"DROP {kind} IF EXISTS {name}")
    op.drop_table("issue_search")
    op.drop_index("ix_attachments_issue", "attachments")
    op.drop_table("attachments")
    op.drop_index("ix_timeline_entries_issue", "timeline_entries")
    op.drop_table("timeline_entries")
    for name in ("ix_issues_reported_at", "ix_issues_number", "ix_issues_project_status"):
        op.drop_index(name, "issues")
    op.drop_table("issues")
    with op.batch_alter_table("projects") as batch:
        batch.drop_column("modules")
