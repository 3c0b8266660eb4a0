"""Each documented extension point takes one new file and no edit elsewhere: a CMS profile, an
indicator definition, a channel plugin, an alert template.

Each test copies the package it extends to tmp_path, adds the one file there and runs Python
in a subprocess that finds the copy first (the rest of the project comes from the source tree),
so nothing is written into the source tree. The same probe against the untouched tree is the
control: without the new file the new name is unknown.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alerts.plugins import CHANNEL_PLUGINS, ChannelPlugin, load_plugins

ROOT = Path(__file__).resolve().parents[2]


def _copy(package: str, into: Path) -> Path:
    target = into / package
    shutil.copytree(ROOT / package, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _probe(code: str, cwd: Path, **env: str) -> dict[str, object]:
    """Run `code` with `cwd` first on the import path; it prints one JSON object."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PORTALWATCH_")}
    environ.update(env, PYTHONPATH=str(cwd), PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=environ, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    answer: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


# --- (a) a CMS profile: one module in parsers/profiles/ -------------------------------------

PROFILE_MODULE = '''
"""A made-up CMS that marks its pages with a generator tag."""

from parsers.profiles.base import Profile, generator


class Acme(Profile):
    name = "acmecms"
    priority = 5
    title = ("h1.acme-headline",)
    date = ("span.acme-date",)
    body = ("div.acme-story",)

    @classmethod
    def matches(cls, url, tree):
        return generator(tree).startswith("AcmeCMS")
'''

ACME_PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="generator" content="AcmeCMS 3.2"><title>Cổng xã Tân Phong</title></head><body>
<div class="menu"><a href="/">Trang chủ</a> | <a href="/tin-tuc">Tin tức</a></div>
<h1 class="acme-headline">Xã Tân Phong khánh thành cầu treo qua suối Nậm Cắt</h1>
<span class="acme-date">12/03/2025</span>
<div class="acme-story">
<p>Sáng ngày 12/3, Ủy ban nhân dân xã Tân Phong tổ chức lễ đưa vào sử dụng cây cầu treo mới
bắc qua suối Nậm Cắt, nối hai thôn Nà Pài và Khuổi Lừa với trung tâm xã.</p>
<p>Cây cầu dài 86 mét, do nhân dân góp công và ngân sách huyện hỗ trợ, giúp học sinh hai thôn
không còn phải lội suối đến trường vào mùa mưa lũ.</p>
</div>
<div class="acme-footer">Bản quyền thuộc về Ủy ban nhân dân xã Tân Phong</div>
</body></html>"""

PROFILE_PROBE = """
import json
import parsers.profiles as profiles
from parsers import parse_article
article = parse_article(PAGE, "https://tanphong.example.vn/tin-tuc/cau-treo.html", profile="auto")
print(json.dumps({"names": profiles.profile_names(), "file": profiles.__file__,
                  "profile": article.profile, "title": article.title, "text": article.text}))
"""


def _profile_probe(cwd: Path) -> dict[str, object]:
    return _probe(f"PAGE = {ACME_PAGE!r}\n" + PROFILE_PROBE, cwd)


def test_a_new_profile_module_is_registered_and_picked_by_auto(tmp_path: Path) -> None:
    package = _copy("parsers", tmp_path)
    (package / "profiles" / "acme.py").write_text(PROFILE_MODULE, encoding="utf-8")
    answer = _profile_probe(tmp_path)
    assert str(answer["file"]).startswith(str(tmp_path))
    names = answer["names"]
    assert isinstance(names, list) and names[0] == "acmecms" and "generic" in names
    assert answer["profile"] == "acmecms"
    assert answer["title"] == "Xã Tân Phong khánh thành cầu treo qua suối Nậm Cắt"
    text = str(answer["text"])
    assert text.startswith("Sáng ngày 12/3") and "mùa mưa lũ" in text and "Bản quyền" not in text


def test_without_the_module_the_profile_is_unknown(tmp_path: Path) -> None:
    answer = _profile_probe(tmp_path)  # nothing copied: the source tree as it is
    assert str(answer["file"]).startswith(str(ROOT))
    assert "acmecms" not in answer["names"]  # type: ignore[operator]
    assert answer["profile"] != "acmecms"


# --- (b) an indicator definition: one YAML file in a definitions folder ---------------------

INDICATOR_FILE = """indicators:
  - key: cultural-houses-built
    label: Nhà văn hóa xây mới
    unit: nhà văn hóa
    rules:
      - nouns: [nhà văn hóa, nhà văn hoá]
        before: [xây mới|xây dựng mới|khánh thành]
"""

INDICATOR_PROBE = """
import json
from parsers import find_indicators
from parsers.indicator_dictionary import IndicatorDictionary
found = find_indicators("Năm 2025, toàn huyện xây mới 14 nhà văn hóa thôn, tổ dân phố.")
print(json.dumps({"keys": IndicatorDictionary.builtin().keys(),
                  "found": [[v.indicator, v.label, v.value] for v in found]}))
"""


def test_a_yaml_file_in_indicators_d_adds_an_indicator(tmp_path: Path) -> None:
    package = _copy("parsers", tmp_path)
    (package / "indicators.d").mkdir(exist_ok=True)
    (package / "indicators.d" / "culture.yaml").write_text(INDICATOR_FILE, encoding="utf-8")
    answer = _probe(INDICATOR_PROBE, tmp_path)
    assert "cultural-houses-built" in answer["keys"]  # type: ignore[operator]
    assert answer["found"] == [["cultural-houses-built", "Nhà văn hóa xây mới", 14]]


def test_a_yaml_file_in_the_user_folder_adds_an_indicator(tmp_path: Path) -> None:
    mine = tmp_path / "my-indicators"
    mine.mkdir()
    (mine / "culture.yaml").write_text(INDICATOR_FILE, encoding="utf-8")
    answer = _probe(INDICATOR_PROBE, tmp_path, PORTALWATCH_INDICATORS_DIR=str(mine))
    assert answer["found"] == [["cultural-houses-built", "Nhà văn hóa xây mới", 14]]
    control = _probe(INDICATOR_PROBE, tmp_path)
    assert "cultural-houses-built" not in control["keys"]  # type: ignore[operator]
    assert [key for key, _, _ in control["found"]] == ["nha-van-hoa-thon"]  # type: ignore[attr-defined]


def test_a_missing_user_folder_is_one_clear_line(tmp_path: Path) -> None:
    code = (
        "import json\nfrom core.errors import ConfigError\nfrom parsers import find_indicators\n"
        "try:\n    find_indicators('14 nhà văn hóa')\n    print(json.dumps({'error': None}))\n"
        "except ConfigError as exc:\n    print(json.dumps({'error': str(exc)}))\n"
    )
    answer = _probe(code, tmp_path, PORTALWATCH_INDICATORS_DIR=str(tmp_path / "nowhere"))
    error = str(answer["error"])
    assert "PORTALWATCH_INDICATORS_DIR" in error and "nowhere" in error and "\n" not in error


# --- (c) a channel plugin: one module in alerts/plugins/ ------------------------------------

PLUGIN_MODULE = '''
"""A channel that appends each message to a file: `drop://<name>?file=<path>`."""

from apprise.common import NotifyFormat

from alerts.plugins.base import ChannelPlugin


class NotifyDrop(ChannelPlugin):
    service_name = "Drop"
    secure_protocol = "drop"
    notify_format = NotifyFormat.TEXT
    title_maxlen = 0

    def __init__(self, file, **kwargs):
        super().__init__(**kwargs)
        self.file = file

    def url(self, privacy=False, *args, **kwargs):
        return f"drop://{self.host}/?file={self.file}"

    def send(self, body, title="", notify_type=None, **kwargs):
        with open(self.file, "a", encoding="utf-8") as out:
            out.write(body + "\\n")
        return True

    @staticmethod
    def parse_url(url):
        results = ChannelPlugin.parse_url(url, verify_host=False)
        if results:
            results["file"] = ChannelPlugin.unquote(results["qsd"]["file"])
        return results
'''

CLI_PROBE = """
import json, sys
from alerts.plugins import CHANNEL_PLUGINS
import alerts.plugins
from portalwatch.cli import main
sys.argv = ["portalwatch", "alerts", "test", URL]
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code
print()
print(json.dumps({"code": code, "schemes": sorted(CHANNEL_PLUGINS), "file": alerts.plugins.__file__}))
"""


def _cli_probe(cwd: Path, url: str) -> dict[str, object]:
    return _probe(f"URL = {url!r}\n" + CLI_PROBE, cwd)


def test_a_new_plugin_module_is_a_channel_alerts_test_accepts(tmp_path: Path) -> None:
    package = _copy("alerts", tmp_path)
    (package / "plugins" / "drop.py").write_text(PLUGIN_MODULE, encoding="utf-8")
    outbox = tmp_path / "outbox.txt"
    answer = _cli_probe(tmp_path, f"drop://desk?file={outbox}")
    assert str(answer["file"]).startswith(str(tmp_path))
    assert answer["code"] == 0
    assert {"drop", "zalo"} <= set(answer["schemes"])  # type: ignore[call-overload]
    assert outbox.read_text(encoding="utf-8").strip()  # the test message arrived


def test_without_the_module_the_scheme_is_refused(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox.txt"
    answer = _cli_probe(tmp_path, f"drop://desk?file={outbox}")
    assert answer["code"] == 1
    assert "zalo" in answer["schemes"] and "drop" not in answer["schemes"]  # type: ignore[operator]
    assert not outbox.exists()


def test_a_scheme_is_registered_once() -> None:
    load_plugins()
    before = dict(CHANNEL_PLUGINS)
    with pytest.raises(ValueError, match="zalo:// is registered twice"):
        type("NotifyOtherZalo", (ChannelPlugin,), {"secure_protocol": "zalo"})
    with pytest.raises(ValueError, match=r"json:// .* already an Apprise service"):
        type("NotifyMyJson", (ChannelPlugin,), {"secure_protocol": "json"})
    assert dict(CHANNEL_PLUGINS) == before


# --- (d) an alert template: one file in alerts/templates/<format>/ --------------------------

TEMPLATE = """{% macro title() %}Lịch tiếp dân: {{ p.officer }} — {{ portal }}{% endmacro %}

{% macro line() %}{{ portal }}: {{ p.officer }} tiếp dân ngày {{ p.day }}{% endmacro %}

{% macro body() %}
Lịch tiếp công dân mới trên {{ portal }}: {{ p.officer }} tiếp dân ngày {{ p.day }}.
{% endmacro %}
"""

TEMPLATE_PROBE = """
import json
from types import SimpleNamespace
import alerts
from alerts.render import render, render_line
event = SimpleNamespace(type="reception.scheduled", key="reception:ub-tanphong:2025-03-20",
                        portal_id="ub-tanphong", baseline=False, created_at=None,
                        payload={"officer": "Chủ tịch UBND xã", "day": "20/3/2025"})
message = render(event, "text", portal_name="UBND xã Tân Phong")
print(json.dumps({"title": message.title, "body": message.body, "file": alerts.__file__,
                  "line": render_line(event, "text", portal_name="UBND xã Tân Phong")}))
"""


def test_a_new_event_type_template_is_one_file(tmp_path: Path) -> None:
    package = _copy("alerts", tmp_path)
    (package / "templates" / "text" / "reception.scheduled.j2").write_text(TEMPLATE, encoding="utf-8")
    answer = _probe(TEMPLATE_PROBE, tmp_path)
    assert str(answer["file"]).startswith(str(tmp_path))
    assert answer["title"] == "Lịch tiếp dân: Chủ tịch UBND xã — UBND xã Tân Phong"
    assert answer["body"] == "Lịch tiếp công dân mới trên UBND xã Tân Phong: Chủ tịch UBND xã tiếp dân ngày 20/3/2025."
    assert answer["line"] == "UBND xã Tân Phong: Chủ tịch UBND xã tiếp dân ngày 20/3/2025"
    clean = tmp_path / "clean"  # no copy here: the source tree as it is
    clean.mkdir()
    control = _probe(TEMPLATE_PROBE, clean)
    assert str(control["file"]).startswith(str(ROOT))
    assert "Lịch tiếp dân" not in str(control["title"])
