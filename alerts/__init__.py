"""Alerts: match events to subscriptions, plan one delivery per (event, subscription, channel),
render them in Vietnamese, and send them through Apprise exactly once (see alerts.delivery).

Importing this package registers the channel plugins of alerts/plugins/ (`zalo://`) with Apprise.
"""

from alerts.channels import channel_key
from alerts.console import console_lines
from alerts.delivery import DeliveryReport, deliver_pending
from alerts.digest import send_digests
from alerts.masking import mask_url
from alerts.matching import matching_subscriptions
from alerts.planning import next_digest_at, plan_deliveries, plan_unplanned
from alerts.plugins import ChannelPlugin, load_plugins
from alerts.plugins.zalo import NotifyZalo
from alerts.render import RenderedMessage, render, render_digest, render_line

__all__ = [
    "ChannelPlugin",
    "DeliveryReport",
    "NotifyZalo",
    "RenderedMessage",
    "channel_key",
    "console_lines",
    "deliver_pending",
    "load_plugins",
    "mask_url",
    "matching_subscriptions",
    "next_digest_at",
    "plan_deliveries",
    "plan_unplanned",
    "render",
    "render_digest",
    "render_line",
    "send_digests",
]
