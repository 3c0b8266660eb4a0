"""Prefect flows: orchestration only; every step is a call into crawler/, storage/, alerts/ ….

    crawl         flows.ingest.crawl           many portals in one process (CLI, demo)
    crawl-portal  flows.portal.crawl_portal    one portal: the unit crawl-all fans out
    crawl-all     flows.fanout.crawl_all       every portal, through crawl-portal deployments
    notify        flows.notify.notify          send pending alerts (events trigger it; a sweep too)
    digest        flows.notify.digest          the daily summary per digest subscription
    reprocess     flows.reprocess.reprocess    re-parse stored pages after a parser change
"""

DEPLOYMENT_NAME = "portalwatch"  # every flow is deployed under this name: "crawl-portal/portalwatch"
