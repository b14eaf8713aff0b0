"""Reading local inputs: text, HTML, JSONL, feeds, directories, stdin, and every bad kind."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import sys
from pathlib import Path

import pytest

from faultline.config import Settings
from faultline.ingest import expand_inputs, read_bytes, read_input, read_inputs
from faultline.model import Article, Rejection

REPORT = ("Gunmen attacked a police post outside the town of Kawo late on Monday, killing three "
          "officers, the regional governor said.\n\nWitnesses said the attackers arrived on "
          "motorcycles and fled towards the forest after a gun battle that lasted an hour.")
FRENCH = ("Selon les autorités locales, des hommes armés ont attaqué un poste de police dans la nuit "
          "de lundi à mardi, tuant trois agents et blessant plusieurs civils dans le village.")
RUSSIAN = ("По словам местных властей, в понедельник вечером вооруженные люди напали на рынок в "
           "центре города и убили пять человек, а ещё десять получили ранения.")
PAGE = """<!DOCTYPE html><html><head><title>Three officers killed in Kawo | The Sahel Ledger</title>
<meta property="og:site_name" content="The Sahel Ledger">
<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Three officers killed in Kawo</h1>
<p>Gunmen attacked a police post outside the town of Kawo late on Monday, killing three officers,
the regional governor said.</p>
<p>Witnesses said the attackers arrived on motorcycles and fled towards the forest after a gun
battle that lasted an hour.</p></article>
<footer>Subscribe to our newsletter. All rights reserved.</footer></body></html>"""
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Sahel Ledger - Security</title>
<item><title>Convoy ambushed near Djibo</title><link>https://ledger.example/djibo</link>
<guid>djibo-1</guid><pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
<description>&lt;p&gt;{body}&lt;/p&gt;</description></item>
<item><title>No link here</title>
<description>Soldiers repelled an attack on a base, the army said.</description></item>
</channel></rss>"""


def _articles(items: list[Article | Rejection]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def _rejections(items: list[Article | Rejection]) -> list[Rejection]:
    return [item for item in items if isinstance(item, Rejection)]


def _read(path: Path, settings: Settings) -> list[Article | Rejection]:
    return list(read_inputs([str(path)], settings))


def test_text_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "kawo.txt"
    path.write_text(REPORT.replace("\n", "\r\n") + "   \n\n\n", encoding="utf-8")
    [article] = _read(path, settings)
    assert isinstance(article, Article)
    assert article.text == REPORT
    assert article.origin == str(path) and article.language == "en"
    assert article.published is None and article.url is None


def test_settings_published_is_the_fallback(tmp_path: Path) -> None:
    path = tmp_path / "kawo"  # no extension: sniffed as text
    path.write_text(REPORT, encoding="utf-8")
    [article] = _read(path, Settings(published=dt.date(2024, 2, 1)))
    assert isinstance(article, Article) and article.published == dt.date(2024, 2, 1)


def test_html_file_main_text_and_metadata(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "kawo.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = _read(path, settings)
    assert isinstance(article, Article)
    assert "Gunmen attacked a police post" in article.text
    assert "newsletter" not in article.text and "Home" not in article.text
    assert "\n\n" in article.text  # paragraphs kept
    assert article.title == "Three officers killed in Kawo"
    assert article.published == dt.date(2024, 3, 5)
    assert article.source == "The Sahel Ledger"


def test_malformed_html_read_best_effort(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "broken.htm"
    path.write_text("<html><body><div><p>Militants <b>shelled the <i>airport</p></div>"
                    "<p>Two guards were hurt, officials said.</span></table>", encoding="utf-8")
    [article] = _read(path, settings)
    assert isinstance(article, Article)
    assert "shelled the airport" in article.text and "Two guards were hurt" in article.text


def test_html_without_text_is_empty(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body><div></div></body></html>")
    [rejection] = _read(path, settings)
    assert isinstance(rejection, Rejection) and rejection.code == "FL-E002"


def test_jsonl_good_and_bad_lines(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": REPORT, "title": "Kawo attack", "published": "2024-03-05",
                    "url": "https://www.ledger.example/kawo", "source": "Sahel Ledger"}),
        "{not json",
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "a2", "text": "Troops clashed with rebels near the border.",
                    "published": "2024-03-06T21:15:00+01:00"}),
        json.dumps({"id": "a3"}),
        json.dumps({"id": "a4", "text": "Police said.", "published": "last Tuesday"}),
        json.dumps({"id": "a5", "text": "   "}),
        json.dumps({"id": "a6", "text": FRENCH}),
        json.dumps({"text": "A mortar round hit the market.", "url": "https://ledger.example/m"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(path, settings)
    articles = {a.id: a for a in _articles(items)}
    assert set(articles) >= {"a1", "a2"} and len(articles) == 3
    first = articles["a1"]
    assert (first.title, first.published, first.url, first.source) == (
        "Kawo attack", dt.date(2024, 3, 5), "https://www.ledger.example/kawo", "Sahel Ledger")
    assert first.origin == f"{path}:1"
    assert articles["a2"].published == dt.date(2024, 3, 6)
    no_source = next(a for a in articles.values() if a.id not in ("a1", "a2"))
    assert no_source.source == "ledger.example"  # the URL's host when no publisher is given
    codes = {r.article_id: r.code for r in _rejections(items)}
    assert codes == {f"{path}:2": "FL-E007", f"{path}:3": "FL-E007", f"{path}:6": "FL-E007",
                     f"{path}:7": "FL-E007", f"{path}:8": "FL-E002", f"{path}:9": "FL-E006"}


def test_jsonl_overlong_line_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    settings = Settings(max_input_bytes=100)  # raw line limit is 4x: 400 bytes
    path = tmp_path / "big.jsonl"
    huge = json.dumps({"id": "big", "text": "word " * 500})
    path.write_text(huge + "\n" + json.dumps({"id": "ok", "text": "Rebels shelled the town."}) + "\n")
    items = _read(path, settings)
    assert [(type(i).__name__, getattr(i, "code", None)) for i in items] == [
        ("Rejection", "FL-E005"), ("Article", None)]
    assert items[0].article_id == f"{path}:1"


def test_feed_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "security.rss"
    long_body = " ".join([REPORT] * 5)  # long enough to be the article itself: nothing fetched
    path.write_text(FEED.format(body=long_body), encoding="utf-8")
    first, second = _read(path, settings)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Convoy ambushed near Djibo"
    assert first.url == "https://ledger.example/djibo"
    assert first.published == dt.date(2024, 3, 5)
    assert first.source == "Sahel Ledger - Security"
    assert first.origin == str(path)
    assert first.text.startswith("Gunmen attacked")
    assert second.text == "Soldiers repelled an attack on a base, the army said."


def test_malformed_feed(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<rss><channel><item><title>Half an item", encoding="utf-8")
    not_feed = tmp_path / "notes.atom"
    not_feed.write_text("This is just a sentence, not XML at all.", encoding="utf-8")
    items = list(read_inputs([str(path), str(not_feed)], settings))
    assert all(isinstance(i, Rejection) for i in items)
    assert [i.code for i in items] == ["FL-E002", "FL-E007"]  # an item with no text; not a feed


def test_directory_recursive_sorted_skips_hidden(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Troops clashed with rebels near the border.")
    (tmp_path / "a.txt").write_text("A mortar round hit the market.")
    (tmp_path / "b" / ".draft.txt").write_text("Hidden draft about a raid.")
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    refs = expand_inputs([str(tmp_path)])
    assert [Path(r.name).relative_to(tmp_path).as_posix() for r in refs] == ["a.txt", "b/two.txt"]
    texts = [a.text for a in _articles(_read(tmp_path, settings))]
    assert texts == ["A mortar round hit the market.", "Troops clashed with rebels near the border."]


def test_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode("utf-8"))))
    [article] = list(read_inputs(["-"], settings))
    assert isinstance(article, Article) and article.text == REPORT and article.origin == "<stdin>"
    lines = "\n" + json.dumps({"id": "s1", "text": "Rebels shelled the town."}) + "\n{oops}\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode("utf-8"))))
    items = list(read_inputs(["-"], settings))
    assert isinstance(items[0], Article) and items[0].id == "s1"
    assert isinstance(items[1], Rejection) and items[1].article_id == "<stdin>:3"


def test_stdin_jsonl_longer_than_the_sniffed_head(monkeypatch: pytest.MonkeyPatch,
                                                  settings: Settings) -> None:
    records = [json.dumps({"id": f"r{i}", "text": f"Report number {i} of shelling."}) for i in range(800)]
    data = ("\n".join(records) + "\n").encode("utf-8")
    assert len(data) > 8192 * 3
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    ids = [item.id for item in read_inputs(["-"], settings) if isinstance(item, Article)]
    assert ids == [f"r{i}" for i in range(800)]


@pytest.mark.parametrize(("name", "data", "code"), [
    ("empty.txt", b"", "FL-E002"),
    ("empty.jsonl", b"\n\n", "FL-E002"),
    ("blank.txt", b" \n\t\r\n  ", "FL-E002"),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "FL-E003"),
    ("nul.txt", b"Gunmen killed\x00three", "FL-E003"),
    ("garbage.txt", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 30, "FL-E004"),
    ("french.txt", FRENCH.encode("utf-8"), "FL-E006"),
    ("russian.txt", RUSSIAN.encode("koi8-r"), "FL-E006"),  # legacy charset detected, then judged
])
def test_bad_files_rejected(tmp_path: Path, settings: Settings, name: str, data: bytes,
                            code: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    [rejection] = _read(path, settings)
    assert isinstance(rejection, Rejection)
    assert (rejection.code, rejection.stage, rejection.article_id) == (code, "ingest", str(path))
    assert rejection.reason and "\n" not in rejection.reason


def test_missing_path_and_bad_input_do_not_stop_good_input(tmp_path: Path, settings: Settings) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(bad), str(good), "ftp://x/y"], settings))
    assert [getattr(i, "code", "article") for i in items] == ["FL-E001", "FL-E003", "article", "FL-E001"]
    assert items[0].article_id == str(tmp_path / "nope.txt")


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_legacy_and_bom_encodings(tmp_path: Path, settings: Settings, encoding: str) -> None:
    text = ("The minister\u2019s convoy was hit near the caf\u00e9 in Gao \u2014 "
            "\u201ctwo dead\u201d, police said.")
    path = tmp_path / "enc.txt"
    path.write_bytes(text.encode(encoding))
    [article] = _read(path, settings)
    assert isinstance(article, Article) and article.text == text


def test_huge_input_cut_at_a_boundary_with_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    paragraph = "Shelling hit the eastern district again. Residents fled to the river. " * 3
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([paragraph.strip()] * 400))
    settings = Settings(max_input_bytes=1000)
    with caplog.at_level(logging.WARNING, logger="faultline.ingest"):
        [article] = _read(path, settings)
    assert isinstance(article, Article)
    assert len(article.text.encode("utf-8")) <= 1000
    assert article.text.endswith("river.")
    assert any("cut" in record.getMessage() for record in caplog.records)


def test_ids_are_stable_and_content_derived(tmp_path: Path, settings: Settings) -> None:
    one, two, other = tmp_path / "one.txt", tmp_path / "copy.txt", tmp_path / "other.txt"
    one.write_text(REPORT)
    two.write_text(REPORT.replace("\n", "\r\n") + "\n")  # same text once normalised
    other.write_text(REPORT + " Two more were hurt.")
    first = _read(one, settings)[0]
    again = _read(one, settings)[0]
    copy = _read(two, settings)[0]
    different = _read(other, settings)[0]
    assert isinstance(first, Article) and isinstance(different, Article)
    assert first.id == again.id == copy.id != different.id
    assert len(first.id) == 16


def test_read_bytes_and_read_input(settings: Settings, tmp_path: Path) -> None:
    [article] = list(read_bytes(PAGE.encode("utf-8"), name="upload", settings=settings))
    assert isinstance(article, Article) and article.title == "Three officers killed in Kawo"
    path = tmp_path / "kawo.txt"
    path.write_text(REPORT)
    seen: list[tuple[str, int, int]] = []
    items = list(read_inputs([str(path), str(path)], settings,
                             on_progress=lambda ref, done, total: seen.append((ref.name, done, total))))
    assert len(items) == 2 and seen == [(str(path), 1, 2), (str(path), 2, 2)]
    [ref] = expand_inputs([str(path)])
    assert [a.id for a in read_input(ref, settings)] == [items[0].id]
