"""Every error portalwatch raises on purpose. Callers catch these, not `Exception`.

    PortalwatchError
    ├── ConfigError        the configuration file or environment is wrong (exit code 2)
    ├── FetchError         a request could not be completed (recorded per portal, run goes on)
    ├── ParseError         a page could not be turned into an article
    ├── StorageError       the database refused or is unreachable
    └── DeliveryError      an alert channel failed (the delivery stays pending and is retried)
"""

from __future__ import annotations


class PortalwatchError(Exception):
    """Base of every portalwatch error."""


class ConfigError(PortalwatchError):
    """The configuration file or environment is wrong; the message names the key and the file."""


class FetchError(PortalwatchError):
    """A request failed: timeout, refused, too large, disallowed, bad status."""


class ParseError(PortalwatchError):
    """A page could not be parsed into an article."""


class StorageError(PortalwatchError):
    """The database could not be reached or refused a statement."""


class DeliveryError(PortalwatchError):
    """An alert channel did not accept a message."""
