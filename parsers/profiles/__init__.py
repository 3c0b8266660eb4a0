"""CMS profiles, registered by name: tandan, dcs, liferay, nukeviet, dnn, wordpress, generic."""

from __future__ import annotations

from parsers.profiles import dcs, dnn, generic, liferay, nukeviet, tandan, wordpress
from parsers.profiles.base import PROFILES, Profile, detect_profile, get_profile, profile_names

__all__ = [
    "PROFILES",
    "Profile",
    "dcs",
    "detect_profile",
    "dnn",
    "generic",
    "get_profile",
    "liferay",
    "nukeviet",
    "profile_names",
    "tandan",
    "wordpress",
]
