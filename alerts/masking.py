"""Secrets in channel URLs: the masked display form, and keeping them out of text and logs.

What is secret is learnt from Apprise (a part its privacy URL does not show is secret) plus what
Apprise leaves visible but is secret all the same: custom HTTP header values (`+Header=…`) and
query values whose name says key, token, pass, secret, auth…. An unknown scheme shows only its
host name. Apprise logs each URL it loads, custom headers included, so the `apprise` logger gets
a filter that replaces every known secret with ****.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from urllib.parse import quote, quote_plus, unquote

import apprise

MASK = "****"
_SECRET_NAME = re.compile(
    r"pass|pwd|secret|token|key|auth|sig|cred|bearer|session|cookie|hash|code|private", re.I
)
_SEPARATORS = re.compile(r"[/:@?&=#,;\s]+")
_HOST = re.compile(r"[\w.-]*\.[a-z]{2,}|localhost|[\d.]+", re.I)


def _tokens(text: str) -> set[str]:
    return {t.lower() for t in _SEPARATORS.split(unquote(unquote(text))) if t}


class _Parts:
    """Masks URL components one by one and remembers what it hid."""

    def __init__(self, visible: frozenset[str] | None) -> None:
        self.visible = visible
        self.hidden: list[str] = []

    def shown(self, part: str) -> bool:
        return self.visible is not None and bool(part) and _tokens(part) <= self.visible

    def keep(self, part: str, keep: bool) -> str:
        if keep or not part:
            return part
        self.hidden.append(part)
        return MASK

    def netloc(self, netloc: str) -> str:
        userinfo, at, hostport = netloc.rpartition("@")
        out = ""
        if at:
            user, colon, password = userinfo.partition(":")
            out = self.keep(user, self.shown(user)) + (":" + self.keep(password, False) if colon else "") + "@"
        pieces = hostport.split(":")
        if self.visible is None:  # unknown scheme: a host name, nothing else
            return out + self.keep(pieces[0], bool(_HOST.fullmatch(pieces[0])))
        return out + ":".join(self.keep(p, self.shown(p)) for p in pieces)

    def query(self, query: str) -> str:
        out = []
        for pair in query.split("&"):
            name, eq, value = pair.partition("=")
            secret = (
                self.visible is None
                or name.startswith(("+", "%2B", "%2b"))  # custom HTTP headers: Apprise shows them
                or _SECRET_NAME.search(unquote(name)) is not None
                or not self.shown(value)
            )
            out.append(name + (eq + self.keep(value, not secret) if eq else ""))
        return "&".join(out)


@lru_cache(maxsize=2048)
def _masked(url: str) -> tuple[str, tuple[str, ...]]:
    """(masked URL, the raw parts it hides)."""
    scheme, sep, rest = url.partition("://")
    if not sep or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme):
        return MASK, (url,)
    with REDACTOR.silenced():  # Apprise logs the URL it loads: not before its secrets are known
        plugin = apprise.Apprise.instantiate(url, suppress_exceptions=True)
        visible = frozenset(_tokens(plugin.url(privacy=True))) if plugin else None
    parts = _Parts(visible)
    rest, hash_, fragment = rest.partition("#")
    head, question, query = rest.partition("?")
    netloc, slash, path = head.partition("/")
    masked = scheme + "://" + parts.netloc(netloc)
    if slash:
        masked += "/" + "/".join(parts.keep(s, parts.shown(s)) for s in path.split("/"))
    if question:
        masked += "?" + parts.query(query)
    if hash_:
        masked += "#" + parts.keep(fragment, parts.shown(fragment))
    return masked, tuple(parts.hidden)


def mask_url(url: str) -> str:
    """`url` with every secret replaced by ****: passwords, tokens, keys, custom header values."""
    return _masked(url.strip())[0]


def secret_forms(url: str) -> list[str]:
    """Every spelling of the secrets in `url` that could show up in text, longest first."""
    forms: set[str] = set()
    for part in _masked(url.strip())[1]:
        plain = unquote(part)
        forms |= {part, plain, quote(plain, safe=""), quote_plus(plain)}
        forms |= {word for word in plain.split() if len(word) >= 6}
    return sorted((f for f in forms if len(f) >= 3), key=len, reverse=True)


def scrub(text: str, url: str) -> str:
    """`text` with every secret of `url` replaced by ****."""
    for secret in secret_forms(url):
        text = text.replace(secret, MASK)
    return text


class SecretRedactor(logging.Filter):
    """A logging filter that replaces the secrets of every channel opened so far with ****."""

    def __init__(self) -> None:
        super().__init__()
        self._forms: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        self._local = threading.local()
        self._lock = threading.Lock()

    def add(self, url: str) -> None:
        forms = set(secret_forms(url))
        with self._lock:
            if forms - self._forms:
                self._forms |= forms
                ordered = sorted(self._forms, key=len, reverse=True)
                self._pattern = re.compile("|".join(re.escape(f) for f in ordered))

    def redact(self, text: str) -> str:
        pattern = self._pattern
        return pattern.sub(MASK, text) if pattern else text

    @contextmanager
    def silenced(self) -> Iterator[None]:
        """Drop this thread's records meanwhile (Apprise parsing a URL whose secrets are unknown)."""
        previous = getattr(self._local, "silent", False)
        self._local.silent = True
        try:
            yield
        finally:
            self._local.silent = previous

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(self._local, "silent", False):
            return False
        if self._pattern is not None:
            message = record.getMessage()
            cleaned = self.redact(message)
            if cleaned != message:
                record.msg, record.args = cleaned, ()
        return True


REDACTOR = SecretRedactor()
logging.getLogger("apprise").addFilter(REDACTOR)
