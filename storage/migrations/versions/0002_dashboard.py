"""dashboard: folded article text for tone-insensitive search

Revision ID: 0002
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'articlesearch',
        sa.Column('article_id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('folded', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(['article_id'], ['article.id']),
        sa.PrimaryKeyConstraint('article_id'),
    )
    if op.get_bind().dialect.name == 'postgresql':
        # Newest first with undated articles last: PostgreSQL cannot read the ascending index
        # backwards for DESC NULLS LAST. SQLite sorts NULL lowest, so its index already fits.
        op.execute('CREATE INDEX ix_article_newest ON article (published_at DESC NULLS LAST, id DESC)')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP INDEX IF EXISTS ix_article_newest')
    op.drop_table('articlesearch')
