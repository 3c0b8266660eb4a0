"""Canonical URLs: one article, one URL, however the portal or a share button linked to it.

What is folded: scheme and host case, a trailing dot on the host, Unicode hosts (to IDNA),
the default port, user info, the fragment, session ids in the path (`;jsessionid=…`), tracking
parameters, the order of query parameters, percent-escape case and needlessly escaped
characters, raw Unicode in the path, dot segments, and an empty path (`/`).
What is kept: the path's case (SharePoint and NukeViet paths are case-sensitive), a trailing
slash, `www.` and the scheme (a portal may serve http and https differently; copies across them
are caught by the content hash instead), and the raw encoding of every kept query parameter.
The function is total: a URL it cannot parse comes back trimmed, never as an exception.
"""

from __future__ import annotations

import re
from contextlib import suppress
from urllib.parse import quote, unquote_plus, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid", "twclid",
        "zarsrc", "zalo_source", "_ga", "_gl", "mc_cid", "mc_eid", "igshid", "ref", "_hsenc",
        "_hsmi", "mkt_tok", "phpsessid", "jsessionid", "aspsessionid", "sid_share",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "ga_")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = "%=:@!$'()*+,;/?-._~"
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/]*", re.IGNORECASE)


def canonical_url(url: str) -> str:
    """The one spelling of `url` that portalwatch stores and compares."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        netloc = _netloc(parts.scheme.lower(), parts.hostname or "", parts.port)
    except ValueError:  # e.g. a port that is not a number
        return url
    scheme = parts.scheme.lower()
    path = _normalise_escapes(_PATH_SESSION.sub("", quote(parts.path, safe=_PATH_SAFE)))
    path = _remove_dot_segments(path) if netloc else path
    if netloc and not path:
        path = "/"
    return urlunsplit((scheme, netloc, path, _query(parts.query), ""))


def _netloc(scheme: str, hostname: str, port: int | None) -> str:
    host = hostname.lower().rstrip(".")
    if host and not host.isascii():
        with suppress(UnicodeError):  # keep the Unicode form rather than lose the URL
            host = host.encode("idna").decode("ascii")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is None or port == _DEFAULT_PORTS.get(scheme):
        return host
    return f"{host}:{port}"


def _is_tracking(pair: str) -> bool:
    key = unquote_plus(pair.split("=", 1)[0]).lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def _query(query: str) -> str:
    """Tracking parameters dropped, the rest sorted, each kept as written (escapes aside)."""
    pairs = [
        _normalise_escapes(quote(p, safe=_QUERY_SAFE))
        for p in query.split("&")
        if p and not _is_tracking(p)
    ]
    return "&".join(sorted(pairs))


def _normalise_escapes(text: str) -> str:
    """`%7e` → `~` (needless escape), `%c3` → `%C3` (one case for escapes)."""

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    return _ESCAPE.sub(fix, text)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 §5.2.4, for the `/./` and `/../` that hand-written links contain."""
    if "/." not in path:
        return path
    out: list[str] = []
    segments = path.split("/")
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        if segment == "..":
            if len(out) > 1:
                out.pop()
            if last:
                out.append("")
        elif segment == ".":
            if last:
                out.append("")
        else:
            out.append(segment)
    result = "/".join(out)
    return result if result.startswith("/") else "/" + result

def host_key(url: str) -> str:
    """The politeness key of a URL: scheme://host:port with the port always spelled out."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port or _DEFAULT_PORTS.get(scheme, 0)
    shown = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown}:{port}"
