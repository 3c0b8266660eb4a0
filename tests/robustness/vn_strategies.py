"""Hypothesis strategies for hostile but plausible input: Vietnamese text, HTML, XML, URLs."""

from __future__ import annotations

import codecs
import gzip
import unicodedata

from hypothesis import strategies as st

VN_WORDS = (
    "Huyện ủy", "Tỉnh ủy", "Ban Tuyên giáo và Dân vận", "Đảng ủy xã", "nghị quyết", "chỉ thị",
    "kế hoạch", "quy định", "Bộ Chính trị", "mô hình", "Dân vận khéo", "năm 2022", "quý III",
    "9 tháng đầu năm", "nhiệm kỳ 2020–2025", "đơn thư", "tiêu chí", "hộ nghèo", "thuỷ lợi",
    "hoà giải", "uỷ ban", "ĐẮK LẮK", "Ðảng bộ", "c&ocirc;ng t&aacute;c", "&nbsp;", "&amp;",
    "học viên", "tỷ đồng", "triệu đồng", "nghìn người", "đạt", "số", "ngày", "tháng", "Chiều",
)
ODD_CHARS = (
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u00a0", "\u00d0", "\u00f0", "\u0110",
    "\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u2013", "\u2014", "\r", "\r\n", "\t",
    "\u3000", "\u202f", "\x00", "\ud7ff", "\U0001f1fb\U0001f1f3", "%", "/", "-", ".", ",",
)
NUMBERS = (
    "17-NQ/HU", "15/2020/NĐ-CP", "214/UBND-VP", "24- QĐ/TW", "858CV/ĐUK", "60/NQ-TW",
    "01/2024/TT-BGDĐT", "36/42", "85%", "1.600", "219,2m3", "1,6", "06/01/2020", "19/12",
    "17 - 05 - 2024", "25-10-2017", "2019", "298", "41", "0", "9999999999999999999999",
    "1.1.1.1.1", "1,1,1,1", "1/1/1/1/1", "-", "--", "//", "%%", "số 1-", "Số:",
)


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


vn_token = st.one_of(
    st.sampled_from(VN_WORDS),
    st.sampled_from(VN_WORDS).map(_nfd),
    st.sampled_from(ODD_CHARS),
    st.sampled_from(NUMBERS),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.text(max_size=6),
)

vn_text = st.lists(vn_token, max_size=40).map(lambda parts: " ".join(parts))
vn_text_tight = st.lists(vn_token, max_size=40).map(lambda parts: "".join(parts))
any_text = st.one_of(vn_text, vn_text_tight, st.text(max_size=200))

TAGS = (
    "div", "p", "span", "a", "table", "tr", "td", "th", "tbody", "ul", "li", "h1", "h2", "h3",
    "article", "section", "header", "footer", "nav", "aside", "main", "font", "b", "i", "em",
    "strong", "img", "br", "script", "style", "noscript", "iframe", "form", "time", "meta",
    "title", "head", "body", "html", "figure", "figcaption", "blockquote", "pre", "svg",
)
ATTRS = (
    "class", "id", "href", "src", "style", "content", "property", "name", "datetime", "alt",
    "charset", "http-equiv", "title", "rel", "type", "hidden", "width", "height",
)
ATTR_VALUES = (
    "tandan-p-article-news-title", "tandan-span-date-publish", "ms-rtestate-field",
    "article:published_time", "og:title", "generator", "NukeViet v4", "wp-content",
    "display:none", "font-size:12pt", "/portal/Pages/2024-5-17/tin-abc-123.aspx",
    "https://ubnd.bachthong.gov.vn/tin-tuc/a-1.html", "javascript:void(0)", "mailto:x@y.vn",
    "//cdn.example.vn/a.jpg", "2024-05-17T08:21:00+07:00", "17/05/2024 08:21", "#", "",
    "http://[::1", "http://a:99999/", "text/html; charset=windows-1258", "next", "alternate",
    "application/rss+xml", "/rss/", "?PageIndex=2", "1", "0",
)

attr_value = st.one_of(
    st.sampled_from(ATTR_VALUES),
    any_text,
    st.integers(min_value=1, max_value=200_000).map(lambda n: "x" * n),  # huge attribute
)
attribute = st.tuples(st.sampled_from(ATTRS), attr_value).map(
    lambda kv: f' {kv[0]}="{kv[1].replace(chr(34), "&quot;")}"'
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(args: tuple[str, list[str], list[str], bool]) -> str:
        tag, attrs, kids, close = args
        inner = "".join(kids)
        return f"<{tag}{''.join(attrs)}>{inner}" + (f"</{tag}>" if close else "")

    return st.tuples(
        st.sampled_from(TAGS),
        st.lists(attribute, max_size=3),
        st.lists(children, max_size=4),
        st.booleans(),  # unclosed tags as often as closed ones
    ).map(build)


html_fragment = st.recursive(
    st.one_of(vn_text, st.sampled_from(("<!--", "-->", "<![CDATA[", "<", ">", "&", "</td>"))),
    _element,
    max_leaves=30,
)


def _nested_tables(depth: int) -> str:
    return "<table><tr><td>" * depth + "Nghị quyết số 17-NQ/HU" + "</td></tr></table>" * depth


html_document = st.one_of(
    st.lists(html_fragment, max_size=6).map("".join),
    st.tuples(vn_text, st.lists(html_fragment, max_size=6)).map(
        lambda a: f"<html><head><title>{a[0]}</title></head><body>{''.join(a[1])}</body></html>"
    ),
    st.integers(min_value=1, max_value=400).map(_nested_tables),
)

ENCODINGS = ("utf-8", "windows-1258", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252")


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese pages use it: base letters precomposed, tone marks combining."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        shape = next((m for m in marks if m in "\u0302\u0306\u031b"), None)
        if shape is not None:  # circumflex, breve, horn: precomposed in the code page
            marks.remove(shape)
            base = unicodedata.normalize("NFC", base + shape)
        for part in (base, *marks):
            out += part.encode("cp1258", errors="replace")
    return bytes(out)


def _encode(args: tuple[str, str, bool]) -> bytes:
    text, codec, declare = args
    if declare:
        text = f'<meta charset="{codec}">' + text
    if codec == "windows-1258":
        return to_cp1258(text)
    return text.encode(codec, errors="replace")


html_bytes = st.one_of(
    st.tuples(html_document, st.sampled_from(ENCODINGS), st.booleans()).map(_encode),
    st.tuples(html_document, st.sampled_from(ENCODINGS)).map(
        lambda a: codecs.BOM_UTF16_LE + a[0].encode("utf-16-le", errors="replace")
        if a[1].startswith("utf-16")
        else codecs.BOM_UTF8 + a[0].encode("utf-8", errors="surrogatepass")
    ),
    st.binary(max_size=500),
    st.tuples(st.binary(max_size=50), html_document).map(
        lambda a: a[0] + a[1].encode("utf-8", errors="surrogatepass")
    ),
    st.sampled_from(ENCODINGS).map(lambda c: f'<meta charset="{c}x-bogus">'.encode()),
)

html_input = st.one_of(html_document, html_bytes)

URL_PARTS = (
    "http://", "https://", "HTTP://", "ftp://", "//", "", "javascript:", "mailto:", "data:",
)
HOSTS = (
    "ubnd.bachthong.gov.vn", "BACKAN.GOV.VN.", "xn--bc-kn-4ra.vn", "bắckạn.vn", "[::1]", "[::1",
    "127.0.0.1", "a:80", "a:99999", "a:-1", "a:", "user:pw@host.vn", "@", "..", "", "%zz",
    "\u3002", "a\u200b.vn", "host.vn:443",
)
PATHS = (
    "/portal/Pages/2024-5-17/tin-abc-123.aspx", "/./a/../b/", "/..", "/.", ";jsessionid=AB12",
    "/tin%7etuc", "/tin%c3%a1", "/%", "/%%", "/%2", "/Tin Tức/", "/a//b", "", "?", "#frag",
    "?utm_source=zalo&b=2&a=1", "?&&=&", "?a=%zz", "?fbclid=1&PageIndex=2", "\\", "\n", " ",
)

url_text = st.one_of(
    st.tuples(
        st.sampled_from(URL_PARTS),
        st.sampled_from(HOSTS),
        st.lists(st.one_of(st.sampled_from(PATHS), st.text(max_size=5)), max_size=5),
    ).map(lambda a: a[0] + a[1] + "".join(a[2])),
    st.text(max_size=60),
)

XML_PIECES = (
    '<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE rss>", '<!ENTITY x "y">',
    "<! doctype x>", "<rss>", "</rss>", "<channel>", "</channel>", "<item>", "</item>",
    "<link>", "</link>", "<title>", "</title>", "<guid isPermaLink=\"false\">", "</guid>",
    '<feed xmlns="http://www.w3.org/2005/Atom">', "</feed>", "<entry>", "</entry>",
    '<link rel="next" href="?page=2"/>', '<link href="/tin/a-1.html"/>', "<urlset>", "</urlset>",
    "<sitemapindex>", "</sitemapindex>", "<url>", "</url>", "<sitemap>", "</sitemap>",
    "<loc>", "</loc>", "<lastmod>2024-05-17</lastmod>", "&ocirc;", "&nbsp;", "&x;", "&#0;",
    "&#x110;", "<![CDATA[", "]]>", "https://ubnd.vn/a-1.html", "/b-2.html", "http://a:99999/",
    "http://[::1", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
)
xml_text = st.lists(
    st.one_of(st.sampled_from(XML_PIECES), vn_text), max_size=30
).map("".join)


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


xml_bytes = st.one_of(
    xml_text.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    xml_text.map(lambda t: t.encode("utf-16")),
    xml_text.map(lambda t: _gzip(t.encode("utf-8", errors="surrogatepass"))),
    st.tuples(xml_text, st.integers(min_value=0, max_value=200)).map(
        lambda a: _gzip(a[0].encode("utf-8", errors="surrogatepass"))[: a[1]]  # truncated gzip
    ),
    st.binary(max_size=300).map(lambda b: b"\x1f\x8b" + b),  # gzip magic, garbage after
    st.binary(max_size=300),
)
