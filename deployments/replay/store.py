"""Replay data on disk: states, portals, and which file answers a request.

Layout: ``<root>/<state>/<portal>/<url path>``, plus an optional ``<root>/replay.yaml`` that
orders the states, dates them (for Last-Modified) and gives each portal its server headers
and whether it gzips text.

Lookup rules (most specific name first; for each name the current state, then earlier ones):
- a path ending in ``/`` is served by ``index.html``, ``index.rss`` or ``index.xml`` there;
  a path naming such a directory without the slash answers 301 to the slashed path;
- a query is part of the file name after ``@``, parameters sorted:
  ``Tin-tuc.aspx?PageIndex=2`` → ``Tin-tuc.aspx@PageIndex=2``; with no such file the path
  without its query answers (as most servers ignore parameters they do not know);
- ``<name>.gone`` in a later state deletes ``<name>``: 404, or the status written in it (410);
- ``<name>.redirect`` holds ``301 <location>``; the location may use the placeholders below;
- text files may say ``{{base}}`` (this portal's base URL) or ``{{base:<portal>}}``.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode

import yaml

from core.errors import ConfigError

DATA_ROOT = Path(__file__).resolve().parent / "data"
MANIFEST = "replay.yaml"
INDEX_NAMES = ("index.html", "index.rss", "index.xml")
GONE_SUFFIX = ".gone"
REDIRECT_SUFFIX = ".redirect"
_TEXT_TYPES = {
    ".aspx": "text/html",
    ".html": "text/html",
    ".htm": "text/html",
    ".php": "text/html",
    "": "text/html",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".json": "application/json",
}
_PLACEHOLDER = re.compile(r"\{\{base(?::([a-z0-9][a-z0-9_-]*))?\}\}")
_FIRST_MOMENT = datetime(2025, 8, 10, 2, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Resource:
    """A file to serve, placeholders already filled in."""

    body: bytes
    content_type: str
    etag: str
    last_modified: datetime
    source: Path


@dataclass(frozen=True)
class Gone:
    """A tombstone: the path existed in an earlier state and was deleted."""

    status: int = 404


@dataclass(frozen=True)
class Redirect:
    status: int
    location: str


Outcome = Resource | Gone | Redirect | None


@dataclass(frozen=True)
class _Manifest:
    states: tuple[str, ...]
    moments: Mapping[str, datetime]
    headers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    gzip: frozenset[str] = frozenset()


class ReplayData:
    """Read-only view of one data root."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else DATA_ROOT
        if not self.root.is_dir():
            raise ConfigError(f"{self.root}: replay data folder not found")
        self._manifest = _load_manifest(self.root)
        self.states = self._manifest.states
        self.portals = tuple(
            sorted({p.name for s in self.states for p in (self.root / s).iterdir() if p.is_dir()})
        )

    def check_state(self, state: str) -> None:
        if state not in self.states:
            raise ConfigError(f"unknown replay state {state!r} (known: {', '.join(self.states)})")

    def chain(self, state: str) -> tuple[str, ...]:
        """The state and the ones it inherits from, newest first."""
        self.check_state(state)
        return tuple(reversed(self.states[: self.states.index(state) + 1]))

    def moment(self, state: str) -> datetime:
        return self._manifest.moments[state]

    def headers(self, portal: str) -> Mapping[str, str]:
        """Extra response headers for a portal (Server, X-Powered-By …)."""
        return self._manifest.headers.get(portal, {})

    def compresses(self, portal: str) -> bool:
        """Whether the portal's server gzips text for clients that accept it."""
        return portal in self._manifest.gzip

    def resolve(self, state: str, portal: str, path: str, query: str,
                bases: Mapping[str, str]) -> Outcome:  # fmt: skip
        """What answers `path?query` on `portal` in `state` (None: nothing, i.e. 404)."""
        names = request_names(path, query)
        if names is None:
            return None
        chain = self.chain(state)
        for name in names:
            found = self._lookup(chain, portal, name, bases)
            if found is not None:
                return found
        if not path.endswith("/") and self._is_index_dir(chain, portal, path):
            suffix = f"?{query}" if query else ""
            return Redirect(301, f"{bases.get(portal, '')}{path}/{suffix}")
        return None

    def _lookup(self, chain: tuple[str, ...], portal: str, name: str,
                bases: Mapping[str, str]) -> Outcome:  # fmt: skip
        for index, state in enumerate(chain):
            base = self.root / state / portal / name
            gone = base.with_name(base.name + GONE_SUFFIX)
            if gone.is_file():
                return Gone(_status(gone.read_text(encoding="utf-8"), 404))
            redirect = base.with_name(base.name + REDIRECT_SUFFIX)
            if redirect.is_file():
                return _redirect(redirect.read_text(encoding="utf-8"), portal, bases)
            if base.is_file():
                raw = base.read_bytes()
                first = self._first_state(chain[index:], portal, name, raw)
                return _resource(base, raw, portal, bases, self.moment(first))
        return None

    def _first_state(self, chain: tuple[str, ...], portal: str, name: str, raw: bytes) -> str:
        """The earliest state of an unbroken run serving these exact bytes at `name`."""
        first = chain[0]
        for state in chain[1:]:
            older = self.root / state / portal / name
            if not older.is_file() or older.read_bytes() != raw:
                break
            first = state
        return first

    def _is_index_dir(self, chain: tuple[str, ...], portal: str, path: str) -> bool:
        names = request_names(path + "/", "")
        if not names:
            return False
        return any((self.root / s / portal / n).is_file() for n in names for s in chain)

    def files(self, state: str, portal: str) -> dict[str, Path]:
        """Every servable file name of a portal in a state, after inheritance and tombstones."""
        result: dict[str, Path] = {}
        deleted: set[str] = set()
        for st in self.chain(state):
            folder = self.root / st / portal
            if not folder.is_dir():
                continue
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                name = path.relative_to(folder).as_posix()
                if name.endswith(GONE_SUFFIX):
                    deleted.add(name.removesuffix(GONE_SUFFIX))
                elif name.endswith(REDIRECT_SUFFIX):
                    deleted.add(name.removesuffix(REDIRECT_SUFFIX))
                elif name not in deleted:
                    result.setdefault(name, path)
        return result


def request_names(path: str, query: str) -> list[str] | None:
    """File names that may answer a request, most specific first (None: unsafe path)."""
    segments = [unquote(s) for s in path.split("/")[1:]]
    if any(s in (".", "..") or "\\" in s or "\x00" in s or "@" in s for s in segments):
        return None
    if not segments or segments[-1] == "":
        stem = "/".join(segments[:-1])
        plain = [f"{stem}/{i}" if stem else i for i in INDEX_NAMES]
    else:
        plain = ["/".join(segments)]
    pairs = sorted(parse_qsl(query, keep_blank_values=True))
    if not pairs:
        return plain
    key = urlencode(pairs)
    return [f"{name}@{key}" for name in plain] + plain


def content_type(name: str) -> str:
    """Content-Type for a stored file name (its query part ignored); text gets a charset."""
    base = name.split("@", 1)[0].rsplit("/", 1)[-1]
    suffix = Path(base).suffix.lower()
    if suffix in _TEXT_TYPES:
        return f"{_TEXT_TYPES[suffix]}; charset=utf-8"
    return mimetypes.guess_type(base)[0] or "application/octet-stream"


def fill_placeholders(text: str, portal: str, bases: Mapping[str, str]) -> str:
    """Replace {{base}} and {{base:<portal>}}; unknown portals are left as written."""

    def one(match: re.Match[str]) -> str:
        return bases.get(match.group(1) or portal, match.group(0))

    return _PLACEHOLDER.sub(one, text)


def _resource(path: Path, raw: bytes, portal: str, bases: Mapping[str, str],
              modified: datetime) -> Resource:  # fmt: skip
    ctype = content_type(path.name)
    body = raw
    if "charset=" in ctype:
        body = fill_placeholders(raw.decode("utf-8"), portal, bases).encode("utf-8")
    etag = '"' + hashlib.sha256(body).hexdigest()[:24] + '"'
    return Resource(body, ctype, etag, modified, path)


def _status(text: str, default: int) -> int:
    word = text.strip().split(maxsplit=1)[0] if text.strip() else ""
    return int(word) if word.isdigit() and 300 <= int(word) <= 599 else default


def _redirect(text: str, portal: str, bases: Mapping[str, str]) -> Redirect:
    parts = text.strip().split(maxsplit=1)
    if len(parts) == 2 and parts[0].isdigit():
        status, location = int(parts[0]), parts[1]
    else:
        status, location = 301, text.strip()
    location = fill_placeholders(location, portal, bases)
    if location.startswith("/"):
        location = bases.get(portal, "") + location
    return Redirect(status, location)


def _load_manifest(root: Path) -> _Manifest:
    """States in manifest order (else sorted by name), each dated for Last-Modified."""
    folders = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    data: dict[str, object] = {}
    manifest = root / MANIFEST
    if manifest.is_file():
        try:
            loaded = yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" line {mark.line + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or "unreadable"
            raise ConfigError(f"{manifest}:{where}: invalid YAML: {problem}") from None
        if not isinstance(loaded, dict):
            raise ConfigError(f"{manifest}: the top level must be a mapping")
        data = loaded
    states_spec = data.get("states") or {}
    if not isinstance(states_spec, dict):
        raise ConfigError(f"{manifest}: states must be a mapping of state → {{moment: …}}")
    states = tuple(str(s) for s in states_spec) or tuple(folders)
    missing = [s for s in states if s not in folders]
    if missing or not states:
        raise ConfigError(f"{root}: state folder(s) missing: {', '.join(missing) or 'none at all'}")
    moments = {s: _moment(states_spec.get(s), i, manifest) for i, s in enumerate(states)}
    portals = data.get("portals") or {}
    headers = _portal_headers(portals, manifest)
    assert isinstance(portals, dict)  # _portal_headers raised ConfigError otherwise
    gzipped = frozenset(str(p) for p, b in portals.items() if isinstance(b, dict) and b.get("gzip"))
    return _Manifest(states, moments, headers, gzipped)


def _moment(spec: object, index: int, manifest: Path) -> datetime:
    value = spec.get("moment") if isinstance(spec, dict) else None
    if value is None:
        return _FIRST_MOMENT + timedelta(days=10 * index)
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{manifest}: moment {value!r} is not an ISO 8601 time") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _portal_headers(spec: object, manifest: Path) -> dict[str, dict[str, str]]:
    if not isinstance(spec, dict):
        raise ConfigError(f"{manifest}: portals must be a mapping of portal → {{headers: …}}")
    result: dict[str, dict[str, str]] = {}
    for portal, body in spec.items():
        headers = body.get("headers", {}) if isinstance(body, dict) else None
        if not isinstance(headers, dict):
            raise ConfigError(f"{manifest}: portals.{portal}.headers must be a mapping")
        result[str(portal)] = {str(k): str(v) for k, v in headers.items()}
    return result
