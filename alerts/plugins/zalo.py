"""Zalo Official Account messages as an Apprise service: `zalo://<access_token>/<user_id>[/<user_id>…]`.

Sends a consultation text message (`POST {base}/v3.0/oa/message/cs`, header `access_token`,
body `{"recipient": {"user_id": …}, "message": {"text": …}}`) to each user id; Zalo answers
HTTP 200 with `{"error": 0}` on success and a non-zero `error` otherwise. `?base=` points the
plugin at another API host (a local receiver in tests). Defining the class registers it
(alerts.plugins.base.ChannelPlugin).
"""

from __future__ import annotations

import json
from typing import Any

import httpx
from apprise.common import NotifyFormat, NotifyType
from apprise.plugins.base import NotifyBase
from apprise.url import PrivacyMode
from apprise.utils.parse import parse_list

from alerts.plugins.base import ChannelPlugin

DEFAULT_BASE = "https://openapi.zalo.me"
MESSAGE_PATH = "/v3.0/oa/message/cs"


class NotifyZalo(ChannelPlugin):
    """Zalo Official Account: text messages to followers by user id."""

    # Apprise annotates these base attributes as None / tuple[()]; every plugin overrides them.
    service_name = "Zalo"  # type: ignore[assignment]
    service_url = "https://oa.zalo.me"  # type: ignore[assignment]
    secure_protocol = "zalo"  # type: ignore[assignment]
    setup_url = "https://developers.zalo.me/docs/official-account"  # type: ignore[assignment]
    notify_format = NotifyFormat.TEXT
    body_maxlen = 2000  # Zalo's limit for one text message
    title_maxlen = 0  # no title field: Apprise puts the title on the body's first line
    request_rate_per_sec = 0

    templates = ("{schema}://{token}/{targets}",)  # type: ignore[assignment]
    template_tokens = dict(  # noqa: RUF012 - Apprise reads these class attributes
        NotifyBase.template_tokens,
        token={"name": "Access Token", "type": "string", "private": True, "required": True},
        targets={"name": "User IDs", "type": "list:string", "required": True},
    )
    template_args = dict(  # noqa: RUF012
        NotifyBase.template_args,
        base={"name": "API base URL", "type": "string", "default": DEFAULT_BASE},
    )

    def __init__(self, token: str, targets: Any = None, base: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)  # type: ignore[no-untyped-call]  # unannotated in Apprise
        self.token = (token or "").strip()
        if not self.token:
            raise TypeError("a Zalo access token is required: zalo://<access_token>/<user_id>")
        self.targets = parse_list(targets)
        if not self.targets:
            raise TypeError("a Zalo user id is required: zalo://<access_token>/<user_id>")
        self.base = (base or DEFAULT_BASE).rstrip("/")

    # Apprise declares url_identifier a None attribute; its own plugins override it with a property.
    # `?store=no` makes Apprise assign False to it, so the property needs a setter.
    _identifier_override: bool | None = None

    @property  # type: ignore[override]  # Apprise types the attribute as None
    def url_identifier(self) -> tuple[str, str, str] | bool:
        if self._identifier_override is not None:
            return self._identifier_override
        return (self.secure_protocol, self.token, self.base)

    @url_identifier.setter  # type: ignore[override]  # same
    def url_identifier(self, value: bool) -> None:
        self._identifier_override = value

    def url(self, privacy: bool = False, *args: Any, **kwargs: Any) -> str:
        params = self.url_parameters(privacy=privacy, *args, **kwargs)  # noqa: B026
        if self.base != DEFAULT_BASE:
            params["base"] = self.base
        token = self.pprint(self.token, privacy, mode=PrivacyMode.Secret, safe="")
        targets = "/".join(self.quote(t, safe="") for t in self.targets)
        return f"{self.secure_protocol}://{token}/{targets}/?{self.urlencode(params)}"

    def __len__(self) -> int:
        return len(self.targets)

    def send(self, body: str, title: str = "", notify_type: NotifyType = NotifyType.INFO, **kwargs: Any) -> bool:
        """Send `body` to every user id; False when any recipient was refused."""
        ok = True
        connect, read = self.request_timeout
        timeout = httpx.Timeout(read, connect=connect)
        with httpx.Client(timeout=timeout, verify=self.verify_certificate) as client:
            for user_id in self.targets:
                self.throttle()
                ok = self._send_one(client, user_id, body) and ok
        return ok

    def _send_one(self, client: httpx.Client, user_id: str, text: str) -> bool:
        payload = {"recipient": {"user_id": user_id}, "message": {"text": text}}
        headers = {"access_token": self.token, "User-Agent": self.app_id}
        try:
            response = client.post(self.base + MESSAGE_PATH, json=payload, headers=headers)
        except httpx.HTTPError as exc:
            self.logger.warning("Zalo: cannot reach %s: %s", self.base, type(exc).__name__)
            return False
        try:
            answer = response.json()
        except json.JSONDecodeError:
            answer = {}
        error = answer.get("error") if isinstance(answer, dict) else None
        if response.status_code != 200 or error != 0:
            message = answer.get("message", "") if isinstance(answer, dict) else ""
            self.logger.warning(
                "Zalo refused the message to user %s: HTTP %d, error %s %s",
                user_id, response.status_code, error, str(message)[:200],
            )
            return False
        self.logger.info("Sent Zalo message to user %s.", user_id)
        return True

    # NotifyBase.parse_url already drops URLBase's strict_port/sanitize; this keeps NotifyBase's form.
    @staticmethod
    def parse_url(  # type: ignore[override]
        url: str, verify_host: bool = False, plus_to_space: bool = False
    ) -> dict[str, Any] | None:
        results = NotifyBase.parse_url(url, verify_host=False, plus_to_space=plus_to_space)
        if not results:
            return results
        results["token"] = NotifyZalo.unquote(results["host"])
        results["targets"] = NotifyZalo.split_path(results["fullpath"])
        if results["qsd"].get("to"):
            results["targets"] += parse_list(results["qsd"]["to"])
        if results["qsd"].get("base"):
            results["base"] = NotifyZalo.unquote(results["qsd"]["base"])
        return results

