"""Which URLs the crawler may request: http/https only, and no private, loopback or link-local
address unless the portal itself lives there (an SSRF guard for redirects and links)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from core.errors import FetchError

_DEFAULT_PORTS = {"http": 80, "https": 443}
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address




def check_scheme(url: str) -> None:
    """Only http and https URLs with a host are fetched."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in _DEFAULT_PORTS:
        raise FetchError(f"refused scheme {parts.scheme or '(none)'!r}")
    if not parts.hostname:
        raise FetchError("URL has no host")


def is_internal(address: IPAddress) -> bool:
    """Addresses a public portal has no business pointing us to."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


class AddressGuard:
    """Resolves hosts (cached) and refuses internal addresses outside the portal's own."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[IPAddress, ...]] = {}

    async def resolve(self, host: str) -> tuple[IPAddress, ...]:
        """All addresses of `host`; a literal IP resolves to itself."""
        host = host.strip("[]").lower()
        if host in self._cache:
            return self._cache[host]
        try:
            addresses: tuple[IPAddress, ...] = (ipaddress.ip_address(host),)
        except ValueError:
            loop = asyncio.get_running_loop()
            try:
                infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
            except (OSError, UnicodeError) as exc:
                raise FetchError(f"cannot resolve {host}: {exc}") from None
            addresses = tuple(
                dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos)
            )
        self._cache[host] = addresses
        return addresses

    async def trusted(self, hosts: set[str]) -> frozenset[IPAddress]:
        """Internal addresses of the portal's configured hosts: the operator put them there."""
        found: set[IPAddress] = set()
        for host in hosts:
            try:
                found.update(a for a in await self.resolve(host) if is_internal(a))
            except FetchError:
                continue
        return frozenset(found)

    async def check(self, url: str, trusted: frozenset[IPAddress]) -> None:
        """Raise FetchError when `url` leads to an internal address the portal does not own."""
        check_scheme(url)
        host = urlsplit(url).hostname or ""
        for address in await self.resolve(host):
            if is_internal(address) and address not in trusted:
                raise FetchError(f"refused internal address {address} for host {host}")
