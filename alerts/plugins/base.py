"""The channel plugin registry: our own Apprise services, registered by being defined.

A plugin is an Apprise `NotifyBase` subclass of `ChannelPlugin` that names its URL scheme in
`secure_protocol` (or `protocol`). Defining the class (`__init_subclass__`) records it here and
adds the scheme to Apprise, the way CMS profiles register in parsers.profiles; `load_plugins`
imports every module of this folder, so a new channel is one new module and no edit elsewhere.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module
from pathlib import Path

from apprise.manager_plugins import NotificationManager
from apprise.plugins.base import NotifyBase

CHANNEL_PLUGINS: dict[str, type[ChannelPlugin]] = {}
_FOLDER = Path(__file__).parent
_PACKAGE = __name__.rpartition(".")[0]


def _schemes(cls: type[NotifyBase]) -> list[str]:
    found: list[str] = []
    for value in (cls.secure_protocol, cls.protocol):
        items: tuple[object, ...] = (value,) if isinstance(value, str) else tuple(value or ())
        found += [str(item).lower() for item in items if item and str(item).lower() not in found]
    return found


class ChannelPlugin(NotifyBase):
    """Base of our Apprise services; a subclass without a scheme is an abstract helper."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)  # type: ignore[no-untyped-call]  # unannotated in Apprise
        schemes = _schemes(cls)
        if not schemes:
            return
        manager = NotificationManager()
        for scheme in schemes:
            known = CHANNEL_PLUGINS.get(scheme)
            if known is not None and known is not cls:
                raise ValueError(f"channel scheme {scheme}:// is registered twice ({known.__name__}, {cls.__name__})")
            if known is None and scheme in manager:
                raise ValueError(f"channel scheme {scheme}:// of {cls.__name__} is already an Apprise service")
        for scheme in schemes:
            CHANNEL_PLUGINS[scheme] = cls
        manager.add(cls, schemas=schemes)


def plugin_modules() -> list[str]:
    """The plugin modules of this folder, by name (the registry module itself left out)."""
    names = (info.name for info in pkgutil.iter_modules([str(_FOLDER)]))
    return sorted(f"{_PACKAGE}.{name}" for name in names if name != "base" and not name.startswith("_"))


def load_plugins() -> dict[str, type[ChannelPlugin]]:
    """Import every plugin module (each registers itself); the registry, scheme → class."""
    for module in plugin_modules():
        import_module(module)
    return dict(CHANNEL_PLUGINS)
