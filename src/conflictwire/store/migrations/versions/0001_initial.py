"""The first schema: articles, events, mentions, evidence, merge log, id counters.

Revision ID: 0001
Revises:
"""

from alembic import op

from conflictwire.store.schema import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # the first revision creates the schema as schema.py defines it; later revisions add explicit steps
    metadata.create_all(bind=op.get_bind())


def downgrade() -> None:
    metadata.drop_all(bind=op.get_bind())
