"""Configuration: a wrong key, type or URL is one line naming the key and the file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.config import CrawlerSettings
from core.errors import ConfigError
from pipeline.settings import load_config, parse_config

GOOD = """
crawler:
  min_delay_seconds: 1.5
portals:
  - id: bachthong
    name: "Huyện ủy Bạch Thông"
    locality: "Bạch Thông, Thái Nguyên"
    level: district
    start_urls: ["https://bachthong.example.vn/portal/Pages/Tin-tuc.aspx"]
    min_delay_seconds: 3
  - id: xa-phu-thong
    name: "Đảng ủy xã Phủ Thông"
    level: commune
    feeds: ["https://phuthong.example.vn/rss/"]
subscriptions:
  - name: ban-tuyen-giao-dan-van
    urls: ["json://127.0.0.1:9/hook"]
    events: [directive.new]
    portals: [bachthong]
    keywords: ["dân vận"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "portals.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_config_loads_with_overrides(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD))
    assert [p.id for p in config.portals] == ["bachthong", "xa-phu-thong"]
    bachthong = config.portal("bachthong")
    assert bachthong.crawler(config.crawler).min_delay_seconds == 3
    assert config.portal("xa-phu-thong").crawler(config.crawler).min_delay_seconds == 1.5
    assert config.crawler.max_in_flight_per_host == CrawlerSettings().max_in_flight_per_host == 1
    assert config.subscriptions[0].mode == "immediate"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("min_delay_seconds: 1.5", "min_delay: 1.5"), "crawler.min_delay: unknown key"),
        (("level: district", "level: huyen"), "portals[bachthong].level: Input should be"),
        (('["https://bachthong.example.vn/portal/Pages/Tin-tuc.aspx"]', '["bachthong/tin-tuc"]'),
         "portals[bachthong].start_urls"),
        (("events: [directive.new]", "events: [directive.created]"), "unknown event type 'directive.created'"),
        (("portals: [bachthong]", "portals: [nowhere]"), "unknown portal 'nowhere'"),
        (("min_delay_seconds: 3", "min_delay_seconds: soon"), "portals[bachthong].min_delay_seconds"),
        (("id: xa-phu-thong", "id: bachthong"), "duplicate portal id 'bachthong'"),
        (("level: district", "level: district\n    profile: sharepoint"), "unknown profile 'sharepoint'"),
    ],
)
def test_bad_config_is_one_line_naming_the_key(tmp_path: Path, edit: tuple[str, str], expected: str) -> None:
    path = write(tmp_path, GOOD.replace(*edit))
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert expected in message


def test_missing_file_and_broken_yaml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(tmp_path / "absent.yaml")
    with pytest.raises(ConfigError, match=r"line \d+"):
        load_config(write(tmp_path, "portals: [\n  - id: x\n name"))
    with pytest.raises(ConfigError, match="top level must be a mapping"):
        parse_config(["a"], "x.yaml")


def test_cli_exits_2_with_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("level: district", "levels: district"))
    result = subprocess.run(
        [sys.executable, "-m", "portalwatch", "crawl", "--config", str(path),
         "--database-url", f"sqlite:///{tmp_path / 'x.db'}"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "portals[bachthong].levels: unknown key" in lines[0]


def test_several_mistakes_are_listed_one_a_line_then_counted(tmp_path: Path) -> None:
    text = (
        GOOD.replace("min_delay_seconds: 1.5", "min_delay: 1.5")
        .replace("level: district", "levels: district")
        .replace("level: commune", "level: xa")
    )
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    lines = str(info.value).splitlines()
    assert lines == [
        f"{path}: crawler.min_delay: unknown key",
        f"{path}: portals[bachthong].levels: unknown key",
        lines[2],
        f"{path}: 3 problems, listed above",
    ]
    assert lines[2].startswith(f"{path}: portals[xa-phu-thong].level: Input should be")
