"""expected.yaml says what the replay holds; these tests hold it to the served pages."""

from __future__ import annotations

import re
import unicodedata
import urllib.robotparser
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import httpx
import pytest

from deployments.replay import DATA_ROOT, ReplayServer, load_expected

EXPECTED = load_expected()
ARTICLES = {a["id"]: a for a in EXPECTED["articles"]}
STATES = list(EXPECTED["states"])
Text = Callable[[str], str]


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[ReplayServer, httpx.Client]]:
    with ReplayServer("v1") as replay, httpx.Client(timeout=5, trust_env=False) as client:
        yield replay, client


def _page(
    served: tuple[ReplayServer, httpx.Client], state: str, portal: str, path: str
) -> httpx.Response:
    replay, client = served
    replay.set_state(state)
    return client.get(replay.url(portal, path))


def _versions(article: dict[str, Any]) -> Iterator[tuple[str, list[str], list[str]]]:
    """(state, contains, excludes) for each state the article is served in."""
    for state in article["states"]:
        change = article.get("changes", {}).get(state, {})
        contains = article["contains"] + change.get("contains", [])
        excludes = change.get("excludes", [])
        yield state, contains, excludes


@pytest.mark.parametrize("article_id", list(ARTICLES))
def test_article_is_served_as_described(served: Any, text_of: Text, article_id: str) -> None:
    article = ARTICLES[article_id]
    for state in STATES:
        response = _page(served, state, article["portal"], article["path"])
        if state not in article["states"]:
            assert response.status_code == 404, (article_id, state)
            continue
        assert response.status_code == 200, (article_id, state)
        text = text_of(response.text)
        assert article["title"] in text
        assert article["author"] in text
        assert _shows_date(response.text, text, article["published_at"])
        for snippet in article["contains"]:
            assert snippet in text, (article_id, state, snippet)
        for junk in article["excludes"]:  # the junk really is on the page, for parsers to drop
            assert junk in text, (article_id, state, junk)
    for state, contains, excludes in _versions(article):
        text = text_of(_page(served, state, article["portal"], article["path"]).text)
        assert all(s in text for s in contains), (article_id, state)
        assert not any(s in text for s in excludes), (article_id, state)


def _shows_date(page: str, text: str, published: str) -> bool:
    """The page shows its publication date in one of the forms the portals use."""
    when = datetime.fromisoformat(published)
    forms = [
        f"{when:%d/%m/%Y}",
        f"ngày {when:%d} tháng {when.month} năm {when.year}",
        f'datetime="{published}"',
    ]
    return any(form in text or form in page for form in forms)


@pytest.mark.parametrize("article_id", list(ARTICLES))
def test_directives_and_figures_are_written_in_the_text(
    served: Any, text_of: Text, article_id: str
) -> None:
    article = ARTICLES[article_id]
    state = article["states"][0]
    text = text_of(_page(served, state, article["portal"], article["path"]).text)
    for code in article["directives"]:
        written = EXPECTED["directives"][code].get("written", code)
        assert re.search(rf"(?<![\w/]){re.escape(written)}(?![\w/])", text), (article_id, code)
    for mention in article.get("mentions_without_code", []):
        assert mention in text
    for figure in article["indicators"]:
        assert figure["raw"] in text, (article_id, figure["raw"])
        assert figure["locality"] and figure["period"]
    for distractor in article.get("not_indicators", []):
        assert distractor in text, (article_id, distractor)


def test_directive_registry_is_complete_and_used() -> None:
    used = {code for a in EXPECTED["articles"] for code in a["directives"]}
    assert used == set(EXPECTED["directives"])
    for code, entry in EXPECTED["directives"].items():
        assert entry["number"] in code
        assert entry["issuer_code"] in code
        assert entry["doc_type"] in code
        if entry["issued_date"]:
            datetime.fromisoformat(entry["issued_date"])


@pytest.mark.parametrize("state", STATES)
def test_state_lists_agree_with_the_articles(state: str) -> None:
    view = EXPECTED["states"][state]
    live = [a for a in EXPECTED["articles"] if state in a["states"]]
    assert view["articles"] == [a["id"] for a in live]
    assert set(view["directives"]) == {c for a in live for c in a["directives"]}
    rows = set()
    for article in live:
        figures = article["indicators"]
        change = article.get("changes", {}).get(state, {})
        if change.get("indicators"):
            revised = {f["indicator"] for f in change["indicators"]}
            figures = [f for f in figures if f["indicator"] not in revised] + change["indicators"]
        rows |= {
            (article["id"], f["indicator"], f["value"], f["period"], f["locality"]) for f in figures
        }
    listed = {
        (i["article"], i["indicator"], i["value"], i["period"], i["locality"])
        for i in view["indicators"]
    }
    assert listed == rows


def test_transition_follows_from_the_states() -> None:
    move = EXPECTED["transitions"][0]
    before, after = EXPECTED["states"][move["from"]], EXPECTED["states"][move["to"]]
    assert set(move["article_new"]) == set(after["articles"]) - set(before["articles"])
    assert {r["id"] for r in move["article_removed"]} == set(before["articles"]) - set(
        after["articles"]
    )
    assert [d["code"] for d in move["directive_new"]] == sorted(
        set(after["directives"]) - set(before["directives"])
    )
    assert len(move["directive_new"]) >= 2
    for item in move["directive_new"]:
        assert item["code"] in ARTICLES[item["article"]]["directives"]
        assert item["event_key"].startswith(f"directive.new:{item['code']}")
    for dup in move["duplicates"]:
        assert ARTICLES[dup["id"]]["duplicate_of"] == dup["duplicate_of"]
        assert dup["id"] in move["article_new"] and dup["duplicate_of"] in before["articles"]
    for edit in move["article_edited"]:
        assert ARTICLES[edit["id"]]["changes"][move["to"]]["kind"] == "edited"


def test_indicator_changes_are_backed_by_both_states() -> None:
    move = EXPECTED["transitions"][0]
    before, after = EXPECTED["states"][move["from"]], EXPECTED["states"][move["to"]]

    def values(view: dict[str, Any], change: dict[str, Any], side: str) -> set[float]:
        return {
            row["value"]
            for row in view["indicators"]
            if row["indicator"] == change["indicator"]
            and row["locality"] == change["locality"]
            and row["period"] == change[side]["period"]
        }

    assert move["indicator_changed"]
    for change in move["indicator_changed"]:
        assert change["old"]["value"] in values(before, change, "old")
        assert change["new"]["value"] in values(after, change, "new")
        assert change["new"]["value"] not in values(before, change, "new")
        assert change["event_key"] == (
            f"indicator.changed:{change['portal']}:{change['indicator']}:{change['new']['period']}"
        )
    later = [c for c in move["indicator_changed"] if c["new"]["period"] > c["old"]["period"]]
    revised = [c for c in move["indicator_changed"] if c["new"]["period"] == c["old"]["period"]]
    assert later and revised


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("portal", list(EXPECTED["portals"]))
def test_entry_points_reach_every_article(served: Any, state: str, portal: str) -> None:
    info = EXPECTED["portals"][portal]
    replay, _ = served
    linked: set[str] = set()
    for path in info["listings"][state] + info["feeds"] + info["sitemaps"]:
        response = _page(served, state, portal, path)
        assert response.status_code == 200, (portal, state, path)
        linked |= _paths(response.text, replay.urls[portal])
        for child in re.findall(r"<loc>([^<]+\.xml)</loc>", response.text):
            sub = _page(served, state, portal, child.removeprefix(replay.urls[portal]))
            linked |= _paths(sub.text, replay.urls[portal])
    live = {
        a["path"] for a in EXPECTED["articles"] if a["portal"] == portal and state in a["states"]
    }
    gone = {
        a["path"]
        for a in EXPECTED["articles"]
        if a["portal"] == portal and state not in a["states"]
    }
    assert live <= linked
    assert not gone & linked


def _paths(page: str, base: str) -> set[str]:
    found = set(re.findall(r'href="([^"#]+)"', page)) | set(
        re.findall(r"<(?:link|loc)>([^<]+)<", page)
    )
    return {url.removeprefix(base) for url in found if url.startswith(("/", base))}


@pytest.mark.parametrize("portal", list(EXPECTED["portals"]))
def test_disallowed_links_are_on_pages_and_in_robots(served: Any, portal: str) -> None:
    info = EXPECTED["portals"][portal]
    replay = served[0]
    robots = _page(served, "v1", portal, "/robots.txt")
    assert (robots.status_code == 200) == info["robots"]
    if not info["disallowed_links"]:
        return
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(robots.text.splitlines())
    article = next(a for a in EXPECTED["articles"] if a["portal"] == portal)
    hrefs = re.findall(r'href="([^"]+)"', _page(served, "v1", portal, article["path"]).text)
    hrefs += re.findall(
        r'href="([^"]+)"', _page(served, "v1", portal, info["listings"]["v1"][0]).text
    )
    for prefix in info["disallowed_links"]:
        links = [h for h in hrefs if h.startswith(prefix)]
        assert links, (portal, prefix)
        assert not parser.can_fetch("portalwatch/0.1.0", replay.url(portal, links[0]))
    assert parser.can_fetch("portalwatch/0.1.0", replay.url(portal, article["path"]))


def test_the_syndicated_copy_is_a_near_duplicate(served: Any, text_of: Text) -> None:
    copy = next(a for a in EXPECTED["articles"] if a.get("duplicate_of"))
    original = ARTICLES[copy["duplicate_of"]]
    pages = [text_of(_page(served, "v2", a["portal"], a["path"]).text) for a in (original, copy)]
    bodies = [_shingles(_body(page)) for page in pages]
    body_similarity = len(bodies[0] & bodies[1]) / len(bodies[0] | bodies[1])
    assert 0.6 < body_similarity < 1.0  # the same story with a small edit
    whole = [_shingles(page) for page in pages]
    assert len(whole[0] & whole[1]) / len(whole[0] | whole[1]) < body_similarity  # other chrome
    assert copy["portal"] != original["portal"]


def _body(text: str) -> str:
    """From the first sentence both copies share to the end of their last paragraph."""
    start = text.index("Thực hiện Kết luận số 114")
    end = text.index("hai cấp", start) + len("hai cấp")
    return text[start:end]


def _shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_page_quirks_are_really_there(served: Any) -> None:
    entities = _page(served, "v1", "bachthong", ARTICLES["bachthong/1021"]["path"]).text
    assert "c&ocirc;ng t&aacute;c" in entities and "font-size:13pt" in entities
    decomposed = _page(served, "v1", "tinhuy", ARTICLES["tinhuy/2210"]["path"]).text
    assert unicodedata.normalize("NFD", "học tập") in decomposed
    assert "\u00d0ảng" in _page(served, "v1", "phuthong", ARTICLES["phuthong/2381"]["path"]).text
    tones = _page(served, "v1", "baothang", ARTICLES["baothang/1473"]["path"]).text
    assert "Huyện uỷ" in tones and "Tỉnh ủy" in tones
    webpart = "PublishingPortal - Block_BanTin_Toolbar"
    assert webpart in _page(served, "v1", "bachthong", ARTICLES["bachthong/1342"]["path"]).text


def test_platform_fingerprints() -> None:
    """Each portal is recognisable the way docs/domain.md describes its platform."""
    marks = {
        "bachthong": [
            "tandan-p-article-news-title",
            "tandan-span-date-publish",
            "ms-rtestate-field",
        ],
        "baothang": ['content="NukeViet', "/rss/"],
        "tinhuy": ["wp-content", "entry-content", "<time"],
        "phuthong": ["DotNetNuke", "tabid/105"],
    }
    for portal, needles in marks.items():
        article = next(a for a in EXPECTED["articles"] if a["portal"] == portal)
        page = (DATA_ROOT / article["states"][0] / portal / _stored(article["path"])).read_text(
            "utf-8"
        )
        assert all(n in page for n in needles), portal


def _stored(path: str) -> str:
    return path.strip("/") + "/index.html" if path.endswith("/") else path.lstrip("/")


def test_data_stays_small_and_placeholders_resolve(served: Any) -> None:
    files = [p for p in DATA_ROOT.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 400_000
    replay = served[0]
    for state in STATES:
        for portal in replay.portals:
            for name in replay.data.files(state, portal):
                path = "/" + name.split("@", 1)[0].removesuffix("index.html").removesuffix(
                    "index.rss"
                )
                query = name.split("@", 1)[1] if "@" in name else ""
                response = _page(served, state, portal, path + (f"?{query}" if query else ""))
                assert response.status_code == 200, (state, portal, name)
                assert "{{base" not in response.text, (state, portal, name)
