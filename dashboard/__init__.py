"""The read-only web dashboard (`portalwatch ui`) and links to its pages for run reports."""

from dashboard.app import create_app
from dashboard.web import Subscription
from pipeline.dashboard_links import DashboardLinks, dashboard_links, markdown_link

__all__ = ["DashboardLinks", "Subscription", "create_app", "dashboard_links", "markdown_link"]
