"""portalwatch: watch Vietnamese government and Party-committee news portals.

This package is the top layer: the command line, the demo and console output.
"""

from core.version import __version__

__all__ = ["__version__"]
