"""Channel plugins: Apprise services of our own, one module each in this folder (zalo://).

To add a channel, drop a module here defining a `ChannelPlugin` subclass with its scheme in
`secure_protocol`; `load_plugins()` (run when alerts.channels is imported) finds and registers it.
"""

from alerts.plugins.base import CHANNEL_PLUGINS, ChannelPlugin, load_plugins, plugin_modules

__all__ = ["CHANNEL_PLUGINS", "ChannelPlugin", "load_plugins", "plugin_modules"]
