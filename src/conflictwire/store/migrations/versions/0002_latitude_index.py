"""An index on latitude, for the bounding box of --near queries.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_latitude", "events", ["latitude"])


def downgrade() -> None:
    op.drop_index("ix_events_latitude", table_name="events")
