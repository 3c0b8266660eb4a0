"""Events stored without deliveries (a crash before planning) are planned by the next sweep."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import select

from alerts import plan_unplanned
from storage.db import session_scope
from storage.models import Delivery
from tests.alerts.alertkit import make_config, store_events


def test_sweep_plans_events_that_never_got_deliveries(engine: Engine) -> None:
    config = make_config([{"name": "ban-tgdv", "urls": ["json://127.0.0.1:9/hook"],
                           "events": ["directive.new", "indicator.changed"]}])
    events = store_events(engine)
    assert events
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        first = plan_unplanned(session, config, now)
    with session_scope(engine) as session:
        again = plan_unplanned(session, config, now)
        rows = session.exec(select(Delivery)).all()
        too_late = plan_unplanned(session, config, now + timedelta(days=3))
    assert first > 0 and first == len(rows)
    assert again == 0  # planned once; the sweep repeats nothing
    assert too_late == 0
