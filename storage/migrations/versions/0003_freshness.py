"""freshness: the stamps entry pages gave each article (sitemap lastmod, feed and listing items)

Revision ID: 0003
Revises: 0002
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.sqltypes

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'entrysignal',
        sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column('portal_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=2048), nullable=False),
        sa.Column('url', sqlmodel.sql.sqltypes.AutoString(length=2048), nullable=False),
        sa.Column('stamp', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column('seen_at', storage.sqltypes.TZDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['portal_id'], ['portal.id']),
        sa.PrimaryKeyConstraint('key'),
    )
    with op.batch_alter_table('entrysignal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entrysignal_portal_id'), ['portal_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('entrysignal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entrysignal_portal_id'))
    op.drop_table('entrysignal')
