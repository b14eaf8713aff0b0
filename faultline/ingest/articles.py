"""Building an Article from extracted text and metadata: ids, dates, size cap, language."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from urllib.parse import urlsplit

from faultline.config import Settings
from faultline.errors import EmptyInputError, ParseError
from faultline.ingest.language import check_english
from faultline.ingest.text import cut_text, normalise_line, normalise_text
from faultline.model import Article

logger = logging.getLogger(__name__)

_ID_HEX = 16  # 64 bits: no collision in any realistic corpus, short enough to read out


def make_article_id(key: str) -> str:
    """A stable id from a content key ("url:https://...", "text:...")."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:_ID_HEX]


def url_key(url: str) -> str:
    """The id key of an article known by its URL (the fragment never names another article)."""
    return "url:" + url.split("#", 1)[0].strip()


def host_of(url: str | None) -> str | None:
    """The host of a URL without a leading "www.", or None."""
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host.removeprefix("www.")


def parse_published(value: object) -> dt.date | None:
    """A date from YYYY-MM-DD or an ISO datetime; None for None or ""; ParseError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            pass
    raise ParseError(f"published {value!r} is not YYYY-MM-DD or an ISO datetime")


def build_article(
    text: str,
    *,
    settings: Settings,
    name: str,
    article_id: str | None = None,
    id_key: str | None = None,
    title: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    source: str | None = None,
    origin: str | None = None,
) -> Article:
    """Normalise, cap and language-check `text`, then build its Article (raises InputError)."""
    body = normalise_text(text)
    if not any(ch.isalnum() for ch in body):
        raise EmptyInputError("no text")
    body, was_cut = cut_text(body, settings.max_input_bytes)
    if was_cut:
        logger.warning("%s: text over %d bytes, cut to %d characters at a boundary",
                       name, settings.max_input_bytes, len(body))
    language = check_english(body)
    if not article_id:
        article_id = make_article_id(id_key or "text:" + body)
    return Article(
        id=article_id,
        text=body,
        title=normalise_line(title),
        published=published or settings.published,
        url=url,
        source=normalise_line(source) or host_of(url),
        language=language,
        origin=origin or name,
    )
