"""parsers.profiles: the registry, detection for profile "auto", and contributed profiles."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selectolax.lexbor import LexborHTMLParser

from parsers import parse_article
from parsers.profiles import PROFILES, Profile, detect_profile, get_profile, profile_names

BODY = "<p>" + "Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác năm. " * 4 + "</p>"


def test_builtin_profiles_are_registered_and_documented() -> None:
    assert set(profile_names()) >= {
        "tandan",
        "dcs",
        "nukeviet",
        "dnn",
        "wordpress",
        "liferay",
        "generic",
    }
    assert profile_names()[-1] == "generic"
    for name in profile_names():
        profile = get_profile(name)
        assert profile.name == name and (profile.__doc__ or "").strip()


@pytest.mark.parametrize(
    ("url", "html", "expected"),
    [
        ("https://backan.gov.vn/portal/Pages/2023-2-7/a-1.aspx", "<div>x</div>", "tandan"),
        ("https://x.vn/a", "<p class='tandan-p-article-news-title'>x</p>", "tandan"),
        ("https://backan.dcs.vn/Pages/a.aspx", "<div>x</div>", "dcs"),
        ("https://x.vn/a", "<script src='/_layouts/15/init.js'></script>", "dcs"),
        ("https://x.vn/a.html", "<meta name='generator' content='NukeViet v4.5'>", "nukeviet"),
        (
            "https://x.vn/a/",
            "<link href='/wp-content/themes/t/style.css' rel='stylesheet'>",
            "wordpress",
        ),
        ("https://x.vn/web/guest?p_p_id=101_INSTANCE_x", "<div>x</div>", "liferay"),
        ("https://x.vn/a", "<div class='journal-content-article'>x</div>", "liferay"),
        ("https://x.vn/tin-tuc/tabid/105/Default.aspx", "<div>x</div>", "dnn"),
        ("https://x.vn/Default.aspx?tabid=62&ID=1187", "<div>x</div>", "dnn"),
        ("https://x.vn/a", "<div id='dnn_ContentPane'>x</div>", "dnn"),
        ("https://x.vn/a", "<div class='DnnModule DnnModule-DNN_HTML'>x</div>", "dnn"),
        (
            "https://x.vn/a",
            "<link href='/DesktopModules/EasyDNNNews/a.css' rel='stylesheet'>",
            "dnn",
        ),
        ("https://x.vn/a", "<meta name='GENERATOR' content='DotNetNuke '>", "dnn"),
        (
            "https://x.vn/t/tabid/1/articleType/ArticleView/articleId/2/a.aspx",
            "<div>x</div>",
            "dnn",
        ),
        (  # a link to a DNN article elsewhere ("xem bài gốc") says nothing about this page
            "https://x.vn/a",
            "<a href='https://y.vn/t/tabid/1/articleType/ArticleView/articleId/2/a.aspx'>x</a>",
            "generic",
        ),
        ("https://x.vn/a", "<article><p>x</p></article>", "generic"),
        ("https://x.vn/tab/105/stable-id.html", "<div id='dnnx'>x</div>", "generic"),
    ],
)
def test_auto_detection(url: str, html: str, expected: str) -> None:
    assert detect_profile(url, LexborHTMLParser(html)).name == expected


@pytest.fixture
def contributed() -> Iterator[type[Profile]]:
    class Joomla(Profile):
        """Joomla article view (test-only): body in `.item-page .article-body`."""

        name = "joomla-test"
        priority = 5
        title = (".item-page h2",)
        body = (".article-body",)

        @classmethod
        def matches(cls, url: str, tree: LexborHTMLParser) -> bool:
            return tree.css_first(".item-page") is not None

    yield Joomla
    del PROFILES["joomla-test"]


def test_contributed_profile_uses_the_same_registry(contributed: type[Profile]) -> None:
    html = (
        f"<div class='item-page'><h2>Bài viết của Hội Nông dân xã</h2><div class='article-body'>{BODY}</div>"
        "<div class='sidebar'>" + BODY.replace("Ban Dân vận", "Quảng cáo") * 3 + "</div></div>"
    )
    article = parse_article(html, "https://x.vn/a")
    assert (article.profile, article.title) == ("joomla-test", "Bài viết của Hội Nông dân xã")
    assert "Quảng cáo" not in article.text and "Ban Dân vận" in article.text


def test_a_name_cannot_be_registered_twice(contributed: type[Profile]) -> None:
    with pytest.raises(ValueError, match="registered twice"):
        type("Other", (Profile,), {"name": "joomla-test"})
