"""Rebuild the initial migration from storage/models.py (development only, before a release).

    python -m storage.migrations.regenerate
Once a release is out, add new revisions with `alembic revision --autogenerate` instead.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command

from storage.db import MIGRATIONS, alembic_config, make_engine

INITIAL = "0001"


def main() -> None:
    for old in (MIGRATIONS / "versions").glob(f"{INITIAL}_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'empty.db'}")
        command.revision(
            alembic_config(engine), message="initial", autogenerate=True, rev_id=INITIAL
        )
        engine.dispose()


if __name__ == "__main__":
    main()
