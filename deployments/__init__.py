"""Deployments: portals.yaml (what to watch), the Prefect deployment definitions (schedules in
Asia/Ho_Chi_Minh, hand-run parameters, the notify trigger), prefect.yaml for a work pool, and
the bundled portal replay (deployments.replay) used by `portalwatch demo` and the tests.
"""
