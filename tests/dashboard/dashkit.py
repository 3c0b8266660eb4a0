"""Values and helpers the dashboard tests share."""

from __future__ import annotations

import os
import subprocess
import sys

SECRET_TOKEN = "123456789:AAHsecretBotTokenDoNotShow"
CHANNEL = "tgram://****/-100222333"  # as the outbox stores it: masked already
LEGACY_CHANNEL = "mailtos://user:Pa55word@smtp.example.vn"  # a row stored unmasked: shown masked


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "portalwatch", *args],
        capture_output=True, timeout=timeout, env=env or dict(os.environ),
    )
