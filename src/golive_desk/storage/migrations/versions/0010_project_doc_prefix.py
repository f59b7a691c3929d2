"""A project's document number prefix.

``projects.doc_prefix`` is the implementing company's part of the deliverable's
number (the methodology's ``xx_xx`` in ``xx_xx_7_1_1_1``); NULL: the project code.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: no table copy.
    op.add_column("projects", sa.Column("doc_prefix", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("projects") as batch:
        batch.drop_column("doc_prefix")
