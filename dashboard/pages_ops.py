"""Tổng quan (last runs, troubled portals, alert counts) and Cảnh báo (the outbox, retry)."""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from alerts.masking import mask_url
from dashboard import params
from dashboard.web import render, state_of
from storage.db import session_scope
from storage.views import QUIET_DAYS, outbox, outbox_groups, retry_delivery
from storage.views import overview as load_overview

STATUSES = ("pending", "sent", "failed")


def overview(request: Request) -> Response:
    with session_scope(state_of(request).engine) as session:
        data = load_overview(session, datetime.now(UTC))
    return render(request, "overview.html", title="Tổng quan", nav="overview", data=data, quiet_days=QUIET_DAYS)


def alerts(request: Request) -> Response:
    state = state_of(request)
    q = request.query_params
    status = params.text(q, "status")
    if status and status not in STATUSES:
        raise params.BadInput(f"status: một trong {', '.join(STATUSES)}, không phải {status!r}")
    subscription = params.text(q, "subscription")
    with session_scope(state.engine) as session:
        groups = outbox_groups(session)
        rows = outbox(
            session, subscription=subscription, status=status, page=params.page(q), per_page=state.per_page
        )
    return render(
        request, "alerts.html", title="Cảnh báo", nav="alerts", groups=groups, rows=rows,
        subscriptions=state.subscriptions, status=status, subscription=subscription,
        statuses=STATUSES, mask=mask_url, retried=params.text(q, "retried"),
    )


def retry(request: Request) -> Response:
    state = state_of(request)
    if not state.allow_actions:
        raise HTTPException(403, "Thao tác bị tắt: chạy portalwatch ui --allow-actions để thử gửi lại.")
    delivery_id = params.integer(request.path_params["delivery_id"], "delivery_id")
    with session_scope(state.engine) as session:
        done = retry_delivery(session, delivery_id, datetime.now(UTC))
    if not done:
        raise HTTPException(404, f"Không có cảnh báo #{delivery_id} đang chờ hoặc lỗi để gửi lại.")
    return RedirectResponse(f"/canh-bao?retried={delivery_id}", status_code=303)
