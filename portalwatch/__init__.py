"""portalwatch: watch Vietnamese government and Party-committee news portals."""

__version__ = "0.1.0"
