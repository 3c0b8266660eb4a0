"""robots.txt (RFC 9309): groups by user agent, Allow/Disallow with * and $, longest match wins,
Crawl-delay. A small parser of our own, because urllib.robotparser uses first-match order and
ignores wildcards."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

MAX_ROBOTS_BYTES = 512_000


@dataclass(frozen=True)
class Rule:
    allow: bool
    pattern: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class RobotsPolicy:
    """The rules of one host that apply to our user agent."""

    rules: tuple[Rule, ...] = ()
    crawl_delay: float | None = None
    disallow_all: bool = False  # robots.txt unreachable (5xx): RFC 9309 says assume disallow
    sitemaps: tuple[str, ...] = field(default=())

    def allows(self, url: str) -> bool:
        """Whether our user agent may fetch `url` (robots.txt itself is always allowed)."""
        parts = urlsplit(url)
        path = _normalise(parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if path == "/robots.txt":
            return True
        if self.disallow_all:
            return False
        best: Rule | None = None
        for rule in self.rules:
            if rule.regex.match(path) and (
                best is None
                or len(rule.pattern) > len(best.pattern)
                or (len(rule.pattern) == len(best.pattern) and rule.allow)
            ):
                best = rule
        return best is None or best.allow


ALLOW_ALL = RobotsPolicy()
DISALLOW_ALL = RobotsPolicy(disallow_all=True)


def parse_robots(text: str, user_agent: str) -> RobotsPolicy:
    """Rules for the most specific group naming our product token, else the `*` group."""
    token = user_agent.split("/")[0].strip().lower()
    groups = _groups(text[:MAX_ROBOTS_BYTES])
    sitemaps = tuple(v for k, v in _lines(text) if k == "sitemap")
    chosen = [body for agents, body in groups if any(a != "*" and a in token for a in agents)]
    if not chosen:
        chosen = [body for agents, body in groups if "*" in agents]
    rules: list[Rule] = []
    delay: float | None = None
    for body in chosen:
        for key, value in body:
            if key in ("allow", "disallow") and value:
                rules.append(Rule(key == "allow", value, _compile(value)))
            elif key == "crawl-delay":
                delay = _delay(value, delay)
    return RobotsPolicy(tuple(rules), delay, False, sitemaps)


def _groups(text: str) -> list[tuple[list[str], list[tuple[str, str]]]]:
    """Consecutive user-agent lines open a group; rules attach to the open group."""
    groups: list[tuple[list[str], list[tuple[str, str]]]] = []
    agents: list[str] = []
    body: list[tuple[str, str]] = []
    for key, value in _lines(text):
        if key == "user-agent":
            if body:
                groups.append((agents, body))
                agents, body = [], []
            agents.append(value.lower())
        elif key in ("allow", "disallow", "crawl-delay") and agents:
            body.append((key, value))
    if agents:
        groups.append((agents, body))
    return groups


def _lines(text: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, value = line.split(":", 1)
        pairs.append((key.strip().lower(), value.strip()))
    return pairs


def _compile(pattern: str) -> re.Pattern[str]:
    anchored = pattern.endswith("$")
    body = _normalise(pattern[:-1] if anchored else pattern)
    regex = ".*".join(re.escape(part) for part in body.split("*"))
    return re.compile(regex + ("$" if anchored else ""))


def _normalise(path: str) -> str:
    """Compare paths unquoted, so that %C3%A1 and á match alike."""
    return unquote(path)


def _delay(value: str, current: float | None) -> float | None:
    try:
        seconds = float(value)
    except ValueError:
        return current
    if seconds < 0:
        return current
    return seconds if current is None else max(current, seconds)
