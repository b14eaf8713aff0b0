"""HTML to text: trafilatura for whole pages, a small tag stripper for feed fragments."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import trafilatura

from faultline.errors import ParseError
from faultline.ingest.text import paragraphs_from_lines

logger = logging.getLogger(__name__)

# Publication dates come from the page's metadata only: trafilatura's extensive search also reads
# dates in the body, which in conflict news are usually event dates, not publication dates.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_BLOCK_TAGS = frozenset("""address article aside blockquote br dd div dl dt figcaption figure footer
form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul""".split())
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "title"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Page:
    """What an HTML page yields: its main text and the metadata found with it."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    site_name: str | None = None
    url: str | None = None  # the canonical URL the page declares


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML document declares in its first kilobytes, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def extract_page(html: str, *, url: str | None = None) -> Page:
    """Main text and metadata of an HTML page; falls back to all visible text (best effort)."""
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                          date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # lxml and trafilatura raise assorted errors on hostile markup
        raise ParseError(f"HTML could not be parsed ({type(exc).__name__})") from exc
    if doc is not None and doc.text and doc.text.strip():
        return Page(
            text=paragraphs_from_lines(doc.text),
            title=doc.title,
            published=_iso_date(doc.date),
            site_name=_declared_site_name(doc.sitename, url),
            url=doc.url,
        )
    # trafilatura gives up on very short or badly broken pages; their visible text is still news.
    logger.info("%s: no main text found, using all visible text", url or "HTML input")
    title = doc.title if doc is not None else None
    return Page(text=fragment_text(html), title=title)


def fragment_text(html: str) -> str:
    """Visible text of an HTML fragment, one paragraph per block element."""
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser's signals for unparseable markup
        raise ParseError(f"HTML could not be parsed ({exc})") from exc
    return parser.text()


def _declared_site_name(site_name: str | None, url: str | None) -> str | None:
    """The page's own site name; trafilatura falls back to the URL's netloc, which is no name."""
    if not site_name or not url:
        return site_name
    netloc = urlsplit(url).netloc.lower()
    return None if site_name.lower() in (netloc, netloc.removeprefix("www.")) else site_name


def _iso_date(value: str | None) -> dt.date | None:
    """A date from trafilatura's YYYY-MM-DD string, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class _TextParser(HTMLParser):
    """Collects text, starting a new paragraph at every block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._blocks: list[list[str]] = [[]]
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self._blocks.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(self._skipping - 1, 0)
        elif tag in _BLOCK_TAGS:
            self._blocks.append([])

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._blocks[-1].append(data)

    def text(self) -> str:
        """The collected paragraphs, whitespace inside each collapsed."""
        paragraphs = (" ".join("".join(block).split()) for block in self._blocks)
        return "\n\n".join(p for p in paragraphs if p)
