"""deployments/demo.yaml with the replay's URLs filled in, and `python -m deployments.replay`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from core.errors import ConfigError
from deployments.replay import DEMO_CONFIG_PATH, ReplayServer, demo_config_text
from pipeline.settings import parse_config

REPO = Path(__file__).resolve().parents[2]


def test_demo_config_validates_with_the_urls_filled_in(
    replay: ReplayServer, client: httpx.Client, expected: dict[str, Any]
) -> None:
    config = parse_config(yaml.safe_load(demo_config_text(replay.urls)), "demo.yaml")
    assert [p.id for p in config.portals] == list(expected["portals"])
    assert config.crawler.min_delay_seconds == 0.05
    assert config.subscriptions == []
    for portal in config.portals:
        info = expected["portals"][portal.id]
        assert (portal.level, portal.locality, portal.name) == (
            info["level"], info["locality"], info["name"],
        )  # fmt: skip
        base = replay.urls[portal.id]
        entry = [*portal.start_urls, *portal.feeds, *portal.sitemaps]
        assert entry and all(url.startswith(base + "/") for url in entry)
        assert [u.removeprefix(base) for u in portal.feeds] == info["feeds"]
        assert [u.removeprefix(base) for u in portal.sitemaps] == info["sitemaps"]
        assert all(u.removeprefix(base) in info["listings"]["v1"] for u in portal.start_urls)
        for url in entry:
            assert client.get(url).status_code == 200, url


def test_demo_yaml_holds_only_placeholders() -> None:
    raw = DEMO_CONFIG_PATH.read_text(encoding="utf-8")
    portals = raw.split("\nportals:", 1)[1]
    assert "127.0.0.1" not in portals and "http" not in portals
    assert set(re.findall(r"\{replay:([a-z0-9_-]+)\}", raw)) == {
        "bachthong", "baothang", "tinhuy", "phuthong",
    }  # fmt: skip
    with pytest.raises(ConfigError):  # not valid on its own: the URLs are placeholders
        parse_config(yaml.safe_load(raw))


def test_a_missing_portal_url_is_named() -> None:
    with pytest.raises(ConfigError, match="not being served: phuthong, tinhuy"):
        demo_config_text({"bachthong": "http://127.0.0.1:1", "baothang": "http://127.0.0.1:2"})
    text = demo_config_text({"x": "http://127.0.0.1:9/"}, template="start: {replay:x}/a\n")
    assert text == "start: http://127.0.0.1:9/a\n"


def _spawn(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "deployments.replay", *args],
        cwd=REPO, env=env, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def test_module_runs_in_the_foreground_and_switches_state() -> None:
    process = _spawn("--state", "v1")
    try:
        assert process.stdout is not None and process.stdin is not None
        lines = [process.stdout.readline() for _ in range(6)]
        assert lines[0].startswith("replay state v1 (states: v1, v2)")
        urls = dict(line.split() for line in lines[1:5])
        assert set(urls) == {"bachthong", "baothang", "phuthong", "tinhuy"}
        assert lines[5].startswith("type a state name")
        removed = urls["phuthong"] + (
            "/tin-tuc-su-kien/tabid/105/articleType/ArticleView/articleId/2446/Default.aspx"
        )
        with httpx.Client(timeout=5, trust_env=False) as client:
            assert client.get(removed).status_code == 200
            process.stdin.write("v7\nv2\n")
            process.stdin.flush()
            assert "unknown replay state 'v7'" in process.stdout.readline()
            assert process.stdout.readline().strip() == "now serving state v2"
            assert client.get(removed).status_code == 404
        process.stdin.write("quit\n")
        process.stdin.flush()
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_module_reports_a_bad_state_in_one_line() -> None:
    process = _spawn("--state", "v9")
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 2
    assert err.strip().splitlines() == ["error: unknown replay state 'v9' (known: v1, v2)"]
