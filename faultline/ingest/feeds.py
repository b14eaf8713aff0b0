"""RSS and Atom documents to entries, through feedparser (never given a URL to fetch itself)."""

from __future__ import annotations

import datetime as dt
import io
import logging
import time
from dataclasses import dataclass
from typing import Any

import feedparser

from faultline.errors import EmptyInputError, ParseError

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed item: its link, metadata, and whatever HTML the feed carries for it."""

    title: str | None
    link: str | None
    guid: str | None
    published: dt.date | None
    content_html: str  # the fullest body the feed gives (content, else summary)
    summary_html: str


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: the publisher's title and the entries in document order."""

    title: str | None
    entries: tuple[FeedEntry, ...]


def parse_feed(data: bytes, *, name: str, charset: str | None = None) -> Feed:
    """Parse RSS/Atom bytes; ParseError when nothing feed-like is found, EmptyInputError when empty."""
    headers = {"content-type": f"application/xml; charset={charset}"} if charset else None
    try:
        # A stream, not bytes or str: feedparser fetches strings that look like URLs or paths.
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as exc:  # feedparser's SAX and loose parsers raise assorted errors
        raise ParseError(f"feed could not be parsed ({type(exc).__name__})") from exc
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise ParseError(f"not a readable RSS/Atom feed ({problem or 'no feed elements'})")
    if parsed.get("bozo"):
        logger.warning("%s: malformed feed, read best-effort (%s)", name, parsed.get("bozo_exception"))
    entries = tuple(_entry(raw) for raw in parsed.entries)
    if not entries:
        raise EmptyInputError("feed has no entries")
    return Feed(title=parsed.feed.get("title") or None, entries=entries)


def _entry(raw: Any) -> FeedEntry:
    """A FeedEntry from feedparser's entry dict."""
    contents = [c.get("value", "") for c in raw.get("content", []) if c.get("value")]
    summary = raw.get("summary", "") or ""
    return FeedEntry(
        title=raw.get("title") or None,
        link=(raw.get("link") or "").strip() or None,
        guid=raw.get("id") or None,
        published=_date(raw.get("published_parsed") or raw.get("updated_parsed")),
        content_html=max(contents, key=len) if contents else summary,
        summary_html=summary,
    )


def _date(value: time.struct_time | None) -> dt.date | None:
    """A date from feedparser's UTC struct_time."""
    if value is None:
        return None
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    except ValueError:
        return None
