"""Fetching URLs and feeds from a local server, and refusing private addresses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from faultline.config import Settings
from faultline.errors import FetchError, PrivateAddressError
from faultline.ingest import HttpFetcher, is_public_address, make_article_id, read_inputs
from faultline.ingest import fetch as fetch_module
from faultline.model import Article, Rejection
from tests.ingest.conftest import FAKE_PUBLIC_IP, LocalServer, RewireTransport, Route, fake_dns

ARTICLE_HTML = """<html><head><title>Market shelled in Omdurman</title>
<meta name="date" content="2024-04-02"></head><body><main><article>
<h1>Market shelled in Omdurman</h1>
<p>Shells struck a crowded market in Omdurman on Tuesday morning, killing at least nine people,
a local medical group said.</p>
<p>Residents said the shelling came from positions east of the Nile and lasted about twenty
minutes.</p></article></main></body></html>""".encode("utf-8")
TEASER = "Shells struck a crowded market in Omdurman."
FULL_ENTRY = " ".join(["Soldiers repelled an attack on a base near the border, the army said."] * 20)


def _feed(server: LocalServer) -> bytes:
    items = [
        ("Full story", server.url("/full"), FULL_ENTRY),  # content holds the article: not fetched
        ("Teaser", "/article", TEASER),  # teaser: the link (relative to the feed) is fetched
        ("Gone", server.url("/gone"), "Protesters blocked the main road, police said."),  # 404: summary
        ("Gone, no text", server.url("/gone2"), ""),  # 404 and nothing to fall back on
    ]
    xml = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        f"<pubDate>Mon, 01 Apr 2024 12:00:00 GMT</pubDate><description>{text}</description></item>"
        for title, link, text in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Nile Wire</title>'
            f"{xml}</channel></rss>").encode("utf-8")


@pytest.fixture
def open_settings() -> Settings:
    """Settings that allow fetching from 127.0.0.1."""
    return Settings(fetch_timeout_s=5.0, allow_private=True)


def test_article_url(server: LocalServer, open_settings: Settings) -> None:
    server.routes["/article"] = Route(ARTICLE_HTML)
    url = server.url("/article")
    [article] = list(read_inputs([url], open_settings))
    assert isinstance(article, Article)
    assert article.text.startswith("Market shelled in Omdurman\n\nShells struck")
    assert article.title == "Market shelled in Omdurman"
    assert article.published == dt.date(2024, 4, 2)
    assert (article.url, article.origin, article.source) == (url, url, "127.0.0.1")
    assert article.id == make_article_id("url:" + url)  # known by its URL, stable across fetches
    [again] = list(read_inputs([url + "#comments"], open_settings))
    assert isinstance(again, Article) and again.id == article.id


def test_feed_url(server: LocalServer, open_settings: Settings) -> None:
    server.routes["/feed"] = Route(_feed(server), content_type="application/rss+xml")
    server.routes["/article"] = Route(ARTICLE_HTML)
    items = list(read_inputs([server.url("/feed")], open_settings))
    full, teaser, gone, gone2 = items
    assert isinstance(full, Article) and full.text == FULL_ENTRY and full.source == "Nile Wire"
    assert isinstance(teaser, Article) and "killing at least nine people" in teaser.text
    assert teaser.title == "Teaser"  # the feed's metadata wins over the page's
    assert teaser.published == dt.date(2024, 4, 1)
    assert teaser.origin == server.url("/feed") and teaser.url == server.url("/article")
    assert isinstance(gone, Article) and gone.text == "Protesters blocked the main road, police said."
    assert isinstance(gone2, Rejection) and gone2.code == "FL-E010"
    assert gone2.article_id == server.url("/gone2")
    assert "/full" not in server.paths()


def test_http_error_and_timeout(server: LocalServer) -> None:
    server.routes["/slow"] = Route(ARTICLE_HTML, delay=2.0)
    settings = Settings(fetch_timeout_s=0.5, allow_private=True)
    items = list(read_inputs([server.url("/missing"), server.url("/slow")], settings))
    assert [(i.article_id, i.code) for i in items if isinstance(i, Rejection)] == [
        (server.url("/missing"), "FL-E010"), (server.url("/slow"), "FL-E010")]
    assert "404" in items[0].reason


def test_body_over_the_cap_is_cut(server: LocalServer) -> None:
    paragraphs = "".join(f"<p>Report {n}: fighting resumed in the northern districts overnight. "
                         f"Aid groups counted {n} displaced families near the river.</p>\n"
                         for n in range(5000))
    server.routes["/long"] = Route(("<html><body><article>" + paragraphs).encode("utf-8"))
    settings = Settings(fetch_timeout_s=5.0, allow_private=True, max_input_bytes=5000)
    with HttpFetcher(settings) as fetcher:
        fetched = fetcher.fetch(server.url("/long"), max_bytes=20_000)
    assert fetched.truncated and len(fetched.content) == 20_000
    [article] = list(read_inputs([server.url("/long")], settings))
    assert isinstance(article, Article) and len(article.text.encode("utf-8")) <= 5000
    assert article.text.endswith("near the river.")


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:{port}/article", "http://[::1]:{port}/article", "http://10.20.30.40/x",
    "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0:{port}/", "http://100.64.0.1/",
    "http://[::ffff:127.0.0.1]:{port}/",
])
def test_private_addresses_refused(server: LocalServer, settings: Settings, url: str) -> None:
    server.routes["/article"] = Route(ARTICLE_HTML)
    [rejection] = list(read_inputs([url.format(port=server.port)], settings))
    assert isinstance(rejection, Rejection) and rejection.code == "FL-E011"
    assert server.requests == []


def test_name_resolving_to_private_refused(settings: Settings) -> None:
    fetcher = HttpFetcher(settings, resolver=fake_dns({"intranet.test": [FAKE_PUBLIC_IP, "10.0.0.7"]}))
    with pytest.raises(PrivateAddressError, match="10.0.0.7"):
        fetcher.fetch("http://intranet.test/admin", max_bytes=1000)
    with pytest.raises(FetchError, match="cannot resolve"):
        fetcher.fetch("http://nowhere.test/", max_bytes=1000)
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.fetch("file:///etc/passwd", max_bytes=1000)


def _public_fetcher(settings: Settings, **extra: list[str]) -> HttpFetcher:
    """A fetcher for which news.test is a public host served by the local server."""
    table = {"news.test": [FAKE_PUBLIC_IP], **{k.replace("_", "."): v for k, v in extra.items()}}
    return HttpFetcher(settings, resolver=fake_dns(table), transport=RewireTransport())


def test_redirect_to_public_followed_with_host_kept(server: LocalServer, settings: Settings) -> None:
    server.routes["/old"] = Route(b"", status=301, headers={"Location": "/article"})
    server.routes["/article"] = Route(ARTICLE_HTML)
    start = server.url("/old", host="news.test")
    [article] = list(read_inputs([start], settings, fetcher=_public_fetcher(settings)))
    assert isinstance(article, Article)
    assert article.url == server.url("/article", host="news.test") and article.source == "news.test"
    assert article.id == make_article_id("url:" + start)
    assert server.requests == [("/old", f"news.test:{server.port}"), ("/article", f"news.test:{server.port}")]


@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/secret", "http://intranet.test/secret",
                                    "http://[::1]:{port}/secret", "file:///etc/passwd"])
def test_redirect_to_private_refused(server: LocalServer, settings: Settings, target: str) -> None:
    location = target.format(port=server.port)
    server.routes["/start"] = Route(b"", status=302, headers={"Location": location})
    server.routes["/secret"] = Route(b"internal credentials")
    fetcher = _public_fetcher(settings, intranet_test=["10.0.0.7"])
    [rejection] = list(read_inputs([server.url("/start", host="news.test")], settings, fetcher=fetcher))
    assert isinstance(rejection, Rejection)
    assert rejection.code == ("FL-E010" if target.startswith("file") else "FL-E011")
    assert rejection.article_id == server.url("/start", host="news.test")
    assert server.paths() == ["/start"]  # the private target was never asked for


def test_resolver_module_function_is_a_seam(server: LocalServer, settings: Settings,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_module, "resolve_addresses", fake_dns({"news.test": ["127.0.0.1"]}))
    [rejection] = list(read_inputs([server.url("/x", host="news.test")], settings))
    assert isinstance(rejection, Rejection) and rejection.code == "FL-E011"
    assert "127.0.0.1" in rejection.reason and server.requests == []


def test_redirect_limit(server: LocalServer) -> None:
    settings = Settings(fetch_timeout_s=5.0, allow_private=True, fetch_max_redirects=3)
    server.routes["/loop"] = Route(b"", status=302, headers={"Location": "/loop"})
    [rejection] = list(read_inputs([server.url("/loop")], settings))
    assert isinstance(rejection, Rejection) and rejection.code == "FL-E010"
    assert "redirects" in rejection.reason and server.paths() == ["/loop"] * 4


def test_feed_cannot_make_us_fetch_internal_urls(tmp_path: Path, settings: Settings) -> None:
    links = ["http://127.0.0.1/admin", "http://10.0.0.5/", "http://169.254.169.254/latest/",
             "http://[::1]/"]
    items = "".join(f"<item><title>t</title><link>{link}</link><description>Police said a bomb "
                    f"exploded.</description></item>" for link in links)
    path = tmp_path / "evil.xml"
    path.write_text(f"<rss version='2.0'><channel><title>Evil</title>{items}</channel></rss>")
    results = list(read_inputs([str(path)], settings))
    assert [(r.article_id, r.code) for r in results if isinstance(r, Rejection)] == [
        (link, "FL-E011") for link in links]  # refused, not quietly replaced by the summary


@pytest.mark.parametrize(("address", "public"), [
    ("93.184.216.34", True), ("2606:4700::1111", True), ("127.0.0.1", False), ("10.1.2.3", False),
    ("172.16.0.1", False), ("192.168.1.1", False), ("169.254.169.254", False), ("100.64.0.1", False),
    ("0.0.0.0", False), ("224.0.0.1", False), ("::1", False), ("fe80::1%eth0", False),
    ("fc00::1", False), ("::ffff:10.0.0.1", False), ("2002:7f00:1::1", False), ("192.0.2.1", False),
])
def test_is_public_address(address: str, public: bool) -> None:
    assert is_public_address(address) is public
