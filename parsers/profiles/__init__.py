"""CMS profiles, registered by name: tandan, dcs, liferay, nukeviet, dnn, wordpress, generic.

Every module of this folder is imported here, and each Profile subclass registers itself when
defined (parsers.profiles.base), so a new CMS profile is one new module and no edit elsewhere.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

from parsers.profiles.base import PROFILES, Profile, detect_profile, get_profile, profile_names

for _module in sorted(info.name for info in pkgutil.iter_modules(__path__)):
    if _module != "base" and not _module.startswith("_"):
        import_module(f"{__name__}.{_module}")

__all__ = ["PROFILES", "Profile", "detect_profile", "get_profile", "profile_names"]
