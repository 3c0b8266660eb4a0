import alerts


def test_public_api_is_exported() -> None:
    assert callable(alerts.plan_deliveries) and callable(alerts.deliver_pending)
