"""What every flow run starts from: the validated configuration and an open database."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.engine import Engine

from core.config import AppConfig, PortalConfig, database_url
from pipeline.settings import load_config
from storage.db import open_database


@dataclass(frozen=True)
class Runtime:
    """Configuration and database engine for one flow run."""

    config: AppConfig
    engine: Engine

    @property
    def dashboard_url(self) -> str | None:
        """Where `portalwatch ui` serves this database, when the config says (dashboard.url)."""
        url = self.config.dashboard.url
        return str(url) if url else None

    def portals(self, portal_ids: Sequence[str] | None) -> list[PortalConfig]:
        """The named portals (ConfigError naming an unknown id), or all of them."""
        if not portal_ids:
            return list(self.config.portals)
        return [self.config.portal(pid) for pid in dict.fromkeys(portal_ids)]


@contextmanager
def runtime(config_path: str | None, database: str | None) -> Iterator[Runtime]:
    """Load the config (flag > PORTALWATCH_CONFIG > default) and open (migrate) the database."""
    config = load_config(config_path)
    engine = open_database(database_url(database))
    try:
        yield Runtime(config, engine)
    finally:
        engine.dispose()
