"""Every replayed article page, parsed as `portalwatch parse` would: fields, junk, directives.

The replay pages were written independently of the extraction gold set, so this is a check on
pages the parsers were not built around.
"""

from __future__ import annotations

from datetime import date

import pytest

from deployments.replay import load_expected
from deployments.replay.store import ReplayData, Resource
from parsers import normalize_text, parse_page

EXPECTED = load_expected()
DATA = ReplayData()
BASES = {portal: f"http://{portal}.replay.test" for portal in EXPECTED["portals"]}
CASES = [
    pytest.param(article, state, id=f"{article['id']}@{state}")
    for article in EXPECTED["articles"]
    for state in article["states"]
]


def page_for(article: dict, state: str) -> Resource:
    path, _, query = article["path"].partition("?")
    found = DATA.resolve(state, article["portal"], path, query, BASES)
    assert isinstance(found, Resource), f"{article['id']} not served in {state}"
    return found


@pytest.mark.parametrize(("article", "state"), CASES)
def test_replayed_article_is_extracted(article: dict, state: str) -> None:
    resource = page_for(article, state)
    locality = EXPECTED["portals"][article["portal"]]["locality"]
    page = parse_page(resource.body, BASES[article["portal"]] + article["path"], locality=locality)
    got = page.article
    assert got.title == normalize_text(article["title"])
    assert got.published_at is not None
    assert got.published_at.date() == date.fromisoformat(str(article["published_at"])[:10])
    text = normalize_text(got.text)
    for snippet in article.get("contains", []):
        assert normalize_text(snippet) in text
    for junk in article.get("excludes", []):
        assert normalize_text(junk) not in text
    codes = {d.code for d in page.directives if d.code}
    assert set(article.get("directives", [])) <= codes


AUTHORS = [
    pytest.param(article, state, id=f"{article['id']}@{state}")
    for article in EXPECTED["articles"]
    for state in article["states"]
    if article.get("author")
]


@pytest.mark.parametrize(("article", "state"), AUTHORS)
def test_replayed_article_author(article: dict, state: str) -> None:
    page = parse_page(page_for(article, state).body, BASES[article["portal"]] + article["path"])
    assert page.article.author == normalize_text(article["author"])
