"""Snapshots: live switching, inheritance, tombstones, redirects, Last-Modified per state."""

from __future__ import annotations

from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.errors import ConfigError
from deployments.replay import ReplayServer

REMOVED = "/tin-tuc-su-kien/tabid/105/articleType/ArticleView/articleId/2446/Default.aspx"
EDITED = "/tin-tuc/duy-tri-nang-cao-chat-luong-hoat-dong-tuyen-van-1473.html"


def _fetch_all(client: httpx.Client, replay: ReplayServer, paths: dict[str, list[str]]) -> dict:
    return {
        (p, path): client.get(replay.url(p, path)) for p, items in paths.items() for path in items
    }


def test_conditional_gets_after_switching_to_v2(
    replay: ReplayServer, client: httpx.Client, expected: dict[str, Any]
) -> None:
    move = expected["transitions"][0]
    paths = {p: move["not_modified"].get(p, []) + move["modified"].get(p, []) for p in replay.urls}
    baseline = _fetch_all(client, replay, paths)
    assert all(r.status_code == 200 for r in baseline.values())
    replay.set_state("v2")
    for (portal, path), first in baseline.items():
        conditional = {
            "If-None-Match": first.headers["etag"],
            "If-Modified-Since": first.headers["last-modified"],
        }
        again = client.get(replay.url(portal, path), headers=conditional)
        want = 304 if path in move["not_modified"].get(portal, []) else 200
        assert again.status_code == want, (portal, path)
        if want == 200:
            assert again.content != first.content
    for portal, items in move["appeared"].items():
        for path in items:
            assert client.get(replay.url(portal, path)).status_code == 200
            replay.set_state("v1")
            assert client.get(replay.url(portal, path)).status_code == 404
            replay.set_state("v2")


def test_unchanged_listing_answers_304_on_if_modified_since_alone(
    replay: ReplayServer, client: httpx.Client
) -> None:
    first = client.get(replay.url("tinhuy", "/category/tin-tuc/"))
    replay.set_state("v2")
    since = {"If-Modified-Since": first.headers["last-modified"]}
    assert client.get(replay.url("tinhuy", "/category/tin-tuc/"), headers=since).status_code == 304
    changed = client.get(replay.url("tinhuy", "/category/dan-van/"), headers=since)
    assert changed.status_code == 200
    assert parsedate_to_datetime(changed.headers["last-modified"]) > parsedate_to_datetime(
        first.headers["last-modified"]
    )


def test_tombstone_deletes_and_switching_back_restores(
    replay: ReplayServer, client: httpx.Client
) -> None:
    url = replay.url("phuthong", REMOVED)
    assert client.get(url).status_code == 200
    replay.set_state("v2")
    gone = client.get(url)
    assert gone.status_code == 404
    assert (
        "2446"
        not in client.get(replay.url("phuthong", "/tin-tuc-su-kien/tabid/105/Default.aspx")).text
    )
    replay.set_state("v1")
    assert client.get(url).status_code == 200


def test_edit_in_place_keeps_the_url(replay: ReplayServer, client: httpx.Client) -> None:
    before = client.get(replay.url("baothang", EDITED))
    replay.set_state("v2")
    after = client.get(replay.url("baothang", EDITED))
    assert before.status_code == after.status_code == 200
    assert "188 tổ tuyên vận" in before.text and "192 tổ tuyên vận" not in before.text
    assert "192 tổ tuyên vận" in after.text and "188 tổ tuyên vận" not in after.text
    assert before.headers["etag"] != after.headers["etag"]


def test_inherited_file_keeps_its_first_last_modified(
    replay: ReplayServer, client: httpx.Client
) -> None:
    path = "/2019/12/19/ban-dan-van-tinh-uy-ban-nhiem-vu-trong-tam-nam-2020/"
    first = client.get(replay.url("tinhuy", path))
    replay.set_state("v2")
    again = client.get(replay.url("tinhuy", path))
    assert again.headers["last-modified"] == first.headers["last-modified"]
    assert again.headers["etag"] == first.headers["etag"]


def test_unknown_state_is_a_config_error(replay: ReplayServer) -> None:
    with pytest.raises(ConfigError, match=r"unknown replay state 'v9' \(known: v1, v2\)"):
        replay.set_state("v9")
    assert replay.state == "v1"
    with pytest.raises(ConfigError):
        ReplayServer("v3")


def _write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def tiny_root(tmp_path: Path) -> Path:
    """Three states without a manifest: inheritance over two steps, a 410, a redirect."""
    _write(tmp_path, "a1/cu/tin/bai-1.html", "<p>{{base}}/tin/bai-1.html</p>")
    _write(tmp_path, "a1/cu/tin/bai-2.html", "<p>bài hai</p>")
    _write(tmp_path, "a1/cu/ds.aspx@PageIndex=2&sort=moi", "trang hai")
    _write(tmp_path, "a1/cu/ds.aspx", "trang một")
    _write(tmp_path, "a2/cu/tin/bai-2.html.gone", "410 Gone\n")
    _write(tmp_path, "a2/moi/tin/index.html", "<a href='{{base:cu}}/tin/bai-1.html'>cũ</a>")
    _write(tmp_path, "a3/cu/tin/bai-1.html.redirect", "301 {{base:moi}}/tin/\n")
    _write(tmp_path, "a3/cu/tin/bai-2.html", "<p>bài hai, đăng lại</p>")
    return tmp_path


def test_tiny_root_inheritance_tombstones_and_redirects(tiny_root: Path) -> None:
    with ReplayServer("a1", tiny_root) as replay, httpx.Client(trust_env=False) as client:
        assert replay.states == ("a1", "a2", "a3")
        assert replay.portals == ("cu", "moi")
        one = client.get(replay.url("cu", "/tin/bai-1.html"))
        assert one.text == f"<p>{replay.urls['cu']}/tin/bai-1.html</p>"
        assert client.get(replay.url("cu", "/ds.aspx?sort=moi&PageIndex=2")).text == "trang hai"
        assert client.get(replay.url("cu", "/ds.aspx?PageIndex=3")).text == "trang một"
        assert client.get(replay.url("moi", "/tin/")).status_code == 404  # not born yet
        replay.set_state("a2")
        assert client.get(replay.url("cu", "/tin/bai-2.html")).status_code == 410
        assert client.get(replay.url("cu", "/tin/bai-1.html")).text == one.text
        assert replay.urls["cu"] in client.get(replay.url("moi", "/tin/")).text
        replay.set_state("a3")
        moved = client.get(replay.url("cu", "/tin/bai-1.html"))
        assert moved.status_code == 301
        assert moved.headers["location"] == replay.urls["moi"] + "/tin/"
        assert client.get(replay.url("cu", "/tin/bai-2.html")).text == "<p>bài hai, đăng lại</p>"


def test_files_listing_applies_inheritance_and_tombstones(tiny_root: Path) -> None:
    data = ReplayServer("a1", tiny_root).data
    assert sorted(data.files("a1", "cu")) == [
        "ds.aspx", "ds.aspx@PageIndex=2&sort=moi", "tin/bai-1.html", "tin/bai-2.html",
    ]  # fmt: skip
    assert sorted(data.files("a2", "cu")) == [
        "ds.aspx",
        "ds.aspx@PageIndex=2&sort=moi",
        "tin/bai-1.html",
    ]
    assert sorted(data.files("a3", "cu")) == [
        "ds.aspx",
        "ds.aspx@PageIndex=2&sort=moi",
        "tin/bai-2.html",
    ]


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("states: [", "replay.yaml: line 1: invalid YAML"),
        ("- v1\n", "the top level must be a mapping"),
        ("states:\n  b9: {}\n", "state folder(s) missing: b9"),
        ("states:\n  a1: {moment: yesterday}\n", "moment 'yesterday' is not an ISO 8601 time"),
        ("portals:\n  cu: {headers: [1]}\n", "portals.cu.headers must be a mapping"),
    ],
)
def test_bad_manifest_is_one_clear_line(tiny_root: Path, manifest: str, message: str) -> None:
    (tiny_root / "replay.yaml").write_text(manifest, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        ReplayServer("a1", tiny_root)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value).strip()


def test_missing_root_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="replay data folder not found"):
        ReplayServer("v1", tmp_path / "khong-co")


def test_fixed_ports_in_use_are_reported(replay: ReplayServer) -> None:
    taken = int(replay.urls["tinhuy"].rsplit(":", 1)[1])
    second = ReplayServer("v1", ports={"tinhuy": taken})
    with pytest.raises(ConfigError, match=r"cannot listen on 127\.0\.0\.1"):
        second.start()
    assert second.urls == {}
