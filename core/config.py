"""Configuration: the YAML file, validated once at load time, then passed down frozen.

Precedence (lowest first): built-in defaults < the YAML file < PORTALWATCH_* environment
< command-line flags. This module is the only place that reads the environment.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AnyHttpUrl,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from core.errors import ConfigError
from core.urls import host_key
from core.version import __version__

# libyaml's parser when PyYAML has it: a 1,000-portal file loads in a tenth of the time.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DEFAULT_CONFIG_PATH = Path("deployments/portals.yaml")
DEFAULT_DATABASE_URL = "sqlite:///portalwatch.db"
DEFAULT_USER_AGENT = f"portalwatch/{__version__} (+https://github.com/portalwatch/portalwatch)"

EVENT_TYPES = (
    "article.new",
    "directive.new",
    "directive.portal_first",
    "indicator.changed",
    "person.post_changed",
    "portal.down",  # N consecutive failed runs (alerts.outage_after_runs)
    "portal.recovered",  # the first successful run after a portal.down
)
Level = Literal["province", "district", "commune", "party", "other"]
HttpUrl = Annotated[str, AnyHttpUrl]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CrawlerSettings(_Strict):
    """Politeness and safety limits; every portal may override any of them."""

    user_agent: str = DEFAULT_USER_AGENT
    max_in_flight_per_host: int = Field(default=1, ge=1, le=16)
    min_delay_seconds: float = Field(default=1.0, ge=0)
    timeout_seconds: float = Field(default=30, gt=0)
    max_bytes: int = Field(default=10_000_000, gt=0)
    # Known articles are re-fetched (conditional GET) to catch edits: those first seen within
    # the last `recheck_window_days`, once every `recheck_after_hours`.
    recheck_after_hours: float = Field(default=72, ge=0)
    recheck_window_days: float = Field(default=30, ge=0)
    # A robots.txt fetched within this many hours is used as kept, without a request
    # (RFC 9309 allows a cache of up to 24 hours); 0 asks for it (conditionally) every run.
    robots_cache_hours: float = Field(default=12, ge=0, le=24)


class PortalConfig(_Strict):
    """One watched portal."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str
    locality: str = ""
    level: Level = "other"
    start_urls: list[str] = Field(default_factory=list)
    feeds: list[str] = Field(default_factory=list)
    sitemaps: list[str] = Field(default_factory=list)
    profile: str = "auto"
    max_pages: int = Field(default=5, ge=1, le=1000)
    verify_tls: bool = True
    legacy_tls: bool = False
    schedule: str = "0 */6 * * *"
    alert_history: bool = False
    # Per-portal overrides of crawler settings (None = use the crawler section).
    user_agent: str | None = None
    max_in_flight_per_host: int | None = Field(default=None, ge=1, le=16)
    min_delay_seconds: float | None = Field(default=None, ge=0)
    timeout_seconds: float | None = Field(default=None, gt=0)
    max_bytes: int | None = Field(default=None, gt=0)
    recheck_after_hours: float | None = Field(default=None, ge=0)
    recheck_window_days: float | None = Field(default=None, ge=0)
    robots_cache_hours: float | None = Field(default=None, ge=0, le=24)

    @field_validator("start_urls", "feeds", "sitemaps")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            AnyHttpUrl(url)  # raises a ValidationError naming the bad URL
        return urls

    @field_validator("profile")
    @classmethod
    def _known_profile(cls, value: str, info: ValidationInfo) -> str:
        # The profile names live in parsers/, a layer above this one: the caller passes them in
        # the validation context (pipeline.settings does), and without them any name passes.
        names = (info.context or {}).get("profiles")
        if names is None:
            return value
        known = ("auto", *names)
        if value not in known:
            raise ValueError(f"unknown profile {value!r}; known: {', '.join(known)}")
        return value

    @field_validator("schedule")
    @classmethod
    def _cron(cls, value: str) -> str:
        if len(value.split()) != 5:
            raise ValueError(f"not a 5-field cron expression: {value!r}")
        return value

    @model_validator(mode="after")
    def _has_entry_point(self) -> PortalConfig:
        if not (self.start_urls or self.feeds or self.sitemaps):
            raise ValueError("a portal needs at least one of start_urls, feeds, sitemaps")
        return self

    @property
    def entry_host(self) -> str:
        """The host key (scheme://host:port) of the first entry point: what politeness and
        sharding group a portal by."""
        return host_key((self.start_urls or self.feeds or self.sitemaps)[0])

    def crawler(self, defaults: CrawlerSettings) -> CrawlerSettings:
        """The crawler settings in force for this portal: its overrides over the defaults."""
        overrides = {
            key: getattr(self, key)
            for key in CrawlerSettings.model_fields
            if getattr(self, key) is not None
        }
        return defaults.model_copy(update=overrides)


class SubscriptionConfig(_Strict):
    """Who hears about what, through which Apprise URLs."""

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    urls: list[str] = Field(min_length=1)
    events: list[str] = Field(default_factory=lambda: ["directive.new", "indicator.changed"])
    portals: list[str] = Field(default_factory=list)
    localities: list[str] = Field(default_factory=list)
    doc_types: list[str] = Field(default_factory=list)
    indicators: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    mode: Literal["immediate", "digest"] = "immediate"
    digest_time: str = Field(default="17:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    alert_history: bool = False

    @field_validator("events")
    @classmethod
    def _known_events(cls, events: list[str]) -> list[str]:
        for event in events:
            if event not in EVENT_TYPES:
                raise ValueError(f"unknown event type {event!r}; known: {', '.join(EVENT_TYPES)}")
        return events


class AlertSettings(_Strict):
    """How alerts are sent: retries with exponential back-off, claim lease, template overrides."""

    templates_dir: str | None = None  # a folder laid out like alerts/templates/ overriding any template
    max_attempts: int = Field(default=8, ge=1, le=100)  # then the delivery is marked failed
    retry_base_seconds: float = Field(default=60, gt=0)  # wait after the 1st failure, doubled after each
    retry_max_seconds: float = Field(default=6 * 3600, gt=0)
    claim_seconds: float = Field(default=300, gt=0)  # a worker that dies loses its claim after this
    outage_after_runs: int = Field(default=3, ge=1, le=100)  # failed runs in a row, then portal.down


class DashboardSettings(_Strict):
    """Where `portalwatch ui` is reachable: run reports link to its pages when set."""

    url: HttpUrl | None = None

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None:
            AnyHttpUrl(value)  # raises a ValidationError naming the bad URL
        return value


class AppConfig(_Strict):
    """The whole configuration file."""

    crawler: CrawlerSettings = Field(default_factory=CrawlerSettings)
    portals: list[PortalConfig] = Field(default_factory=list)
    subscriptions: list[SubscriptionConfig] = Field(default_factory=list)
    alerts: AlertSettings = Field(default_factory=AlertSettings)
    dashboard: DashboardSettings = Field(default_factory=DashboardSettings)

    @model_validator(mode="after")
    def _unique_ids(self) -> AppConfig:
        for kind, ids in (
            ("portal id", [p.id for p in self.portals]),
            ("subscription name", [s.name for s in self.subscriptions]),
        ):
            seen: set[str] = set()
            for item in ids:
                if item in seen:
                    raise ValueError(f"duplicate {kind} {item!r}")
                seen.add(item)
        known = {p.id for p in self.portals}
        for sub in self.subscriptions:
            for pid in sub.portals:
                if pid not in known:
                    raise ValueError(f"subscription {sub.name!r} names unknown portal {pid!r}")
        return self

    def portal(self, portal_id: str) -> PortalConfig:
        for portal in self.portals:
            if portal.id == portal_id:
                return portal
        raise ConfigError(f"no portal with id {portal_id!r} (known: {', '.join(p.id for p in self.portals)})")


def _location(loc: tuple[Any, ...], data: Any) -> str:
    """Render a pydantic error location with ids instead of list indexes where possible."""
    parts: list[str] = []
    node = data
    for item in loc:
        if isinstance(item, int):
            label = None
            if isinstance(node, list) and 0 <= item < len(node) and isinstance(node[item], dict):
                label = node[item].get("id") or node[item].get("name")
            parts[-1:] = [f"{parts[-1]}[{label or item}]"] if parts else [f"[{item}]"]
        else:
            parts.append(str(item))
        try:
            node = node[item]
        except (KeyError, IndexError, TypeError):
            node = None
    return ".".join(parts)


def _problem(item: Any, data: Any) -> str:
    """One pydantic error as ``key.path: what is wrong``."""
    loc = [p for p in item["loc"] if p not in ("function-after[_http_urls(), list[str]]",)]
    where = _location(tuple(loc), data) or "(top level)"
    msg = item["msg"]
    if item["type"] == "extra_forbidden":
        msg = "unknown key"
    elif item["type"] == "missing":
        msg = "required key is missing"
    return f"{where}: {msg}"


def format_validation_error(error: ValidationError, data: Any, source: str) -> str:
    """Every problem on a line of its own (file, key path, what is wrong), then their count.

    A single problem is the one line ``FILE: key.path: what is wrong``; with several, each gets
    its line and a last line counts them, so nothing is hidden behind the first mistake.
    """
    problems = list(dict.fromkeys(_problem(item, data) for item in error.errors()))
    lines = [f"{source}: {problem}" for problem in problems]
    if len(lines) > 1:
        lines.append(f"{source}: {len(lines)} problems, listed above")
    return "\n".join(lines)


def parse_config(
    data: Any, source: str = "<config>", *, profiles: Collection[str] | None = None
) -> AppConfig:
    """Validate already-loaded YAML data (``profiles``: the CMS profile names to accept)."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: the top level must be a mapping with portals:, subscriptions:")
    try:
        return AppConfig.model_validate(data, context={"profiles": profiles})
    except ValidationError as exc:
        raise ConfigError(format_validation_error(exc, data, source)) from None


def config_path(path: str | Path | None = None) -> Path:
    """The configuration file in force: flag > PORTALWATCH_CONFIG > default path."""
    return Path(path or os.environ.get("PORTALWATCH_CONFIG") or DEFAULT_CONFIG_PATH)


def load_config(
    path: str | Path | None = None, *, profiles: Collection[str] | None = None
) -> AppConfig:
    """Load and validate the configuration file (flag > PORTALWATCH_CONFIG > default path)."""
    resolved = config_path(path)
    try:
        text = resolved.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{resolved}: configuration file not found") from None
    except OSError as exc:
        raise ConfigError(f"{resolved}: cannot read: {exc.strerror}") from None
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{resolved}:{where}: {problem}") from None
    return parse_config(data, str(resolved), profiles=profiles)


def database_url(flag: str | None = None) -> str:
    """The project database: flag > PORTALWATCH_DATABASE_URL > SQLite file in the cwd."""
    return flag or os.environ.get("PORTALWATCH_DATABASE_URL") or DEFAULT_DATABASE_URL
