"""The ingest stage's entry points: inputs in, Articles and Rejections out, streaming.

Bad input never raises out of here and never stops good input: every InputError becomes a
Rejection naming the input (path, path:line, URL), and reading moves on to the next item.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Literal
from urllib.parse import urljoin, urlsplit

from faultline.config import Settings
from faultline.errors import (BinaryInputError, EmptyInputError, EncodingError, InputError,
                              ParseError, PrivateAddressError, TooLargeError)
from faultline.ingest.articles import build_article, parse_published, url_key
from faultline.ingest.feeds import Feed, FeedEntry, parse_feed
from faultline.ingest.fetch import Fetched, Fetcher, HttpFetcher
from faultline.ingest.pages import extract_page, fragment_text, meta_charset
from faultline.ingest.refs import InputRef, expand_inputs
from faultline.ingest.text import cut_text, decode_bytes, looks_binary
from faultline.model import Article, Rejection

logger = logging.getLogger(__name__)

DocumentKind = Literal["text", "html", "jsonl", "feed"]
ProgressFn = Callable[[InputRef, int, int], None]
Item = Article | Rejection

# A document's raw bytes may be this many times the text cap: markup takes 3-4x its text.
RAW_SIZE_FACTOR = 4
# A feed entry whose own content has this many words is the article; shorter ones are teasers,
# and the linked page is fetched instead.
FULL_ENTRY_WORDS = 150
_SNIFF_BYTES = 8192
_SUFFIX_KINDS: dict[str, DocumentKind] = {
    ".txt": "text", ".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl",
    ".ndjson": "jsonl", ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
_MEDIA_KINDS: dict[str, DocumentKind] = {
    "text/html": "html", "application/xhtml+xml": "html", "text/plain": "text",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed", "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl", "application/x-jsonlines": "jsonl",
}
_HTML_STARTS = ("<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div")
_FEED_MARKERS = ("<rss", "<feed", "<rdf:rdf")


def read_inputs(inputs: Sequence[str], settings: Settings, *, fetcher: Fetcher | None = None,
                on_progress: ProgressFn | None = None) -> Iterator[Item]:
    """Read paths, directories, URLs and "-" (stdin) into Articles and Rejections, in order."""
    refs = expand_inputs(inputs)
    shared = _LazyFetcher(settings) if fetcher is None else None
    try:
        for done, ref in enumerate(refs, 1):
            yield from read_input(ref, settings, fetcher=fetcher or shared)
            if on_progress is not None:
                on_progress(ref, done, len(refs))
    finally:
        if shared is not None:
            shared.close()


def read_input(ref: InputRef, settings: Settings, *, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Read one expanded input (see expand_inputs) into Articles and Rejections."""
    own = _LazyFetcher(settings) if fetcher is None else None
    try:
        yield from _guarded(ref.name, _Reader(settings, fetcher or own).read(ref))
    finally:
        if own is not None:
            own.close()


def read_bytes(data: bytes, *, name: str, settings: Settings, kind: DocumentKind | None = None,
               url: str | None = None, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Read one document already in memory (an upload); `kind` None means sniff it."""
    own = _LazyFetcher(settings) if fetcher is None else None
    limit = raw_limit(settings)
    try:
        reader = _Reader(settings, fetcher or own)
        yield from _guarded(name, reader.document(data[:limit], name=name, kind=kind, url=url,
                                                  truncated=len(data) > limit))
    finally:
        if own is not None:
            own.close()


def raw_limit(settings: Settings) -> int:
    """The most raw bytes read for one document."""
    return settings.max_input_bytes * RAW_SIZE_FACTOR


def rejection(name: str, error: InputError) -> Rejection:
    """The Rejection recording why input `name` was refused."""
    reason = error.message
    if error.subject and error.subject != name:
        reason = f"{reason} ({error.subject})"  # e.g. the redirect target that was refused
    return Rejection(article_id=name, stage="ingest", reason=" ".join(reason.split()), code=error.code)


def _guarded(name: str, items: Iterator[Item]) -> Iterator[Item]:
    """Pass items through; an InputError ends the input with a Rejection instead of raising."""
    try:
        yield from items
    except InputError as error:
        yield rejection(name, error)


@dataclass(frozen=True, slots=True)
class _Meta:
    """What an input says about its article; it wins over what the page itself says."""

    id_key: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    origin: str | None = None


class _Reader:
    """Reads one input at a time; holds the settings and the fetcher its feeds may need."""

    def __init__(self, settings: Settings, fetcher: Fetcher) -> None:
        self._settings = settings
        self._fetcher = fetcher
        self._limit = raw_limit(settings)

    def read(self, ref: InputRef) -> Iterator[Item]:
        """Articles and Rejections of one input."""
        if ref.kind == "missing":
            raise InputError(ref.problem or "cannot be read", subject=ref.name)
        if ref.kind == "stdin":
            if sys.stdin is None:
                raise InputError("no standard input")
            yield from self._stream(sys.stdin.buffer, name=ref.name, kind=None)
        elif ref.kind == "url":
            yield from self._url(ref.name)
        else:
            assert ref.path is not None  # expand_inputs sets it for every file
            yield from self._file(ref.path, name=ref.name)

    def _file(self, path: Path, *, name: str) -> Iterator[Item]:
        """A file's items; OS errors become InputError (FL-E001)."""
        kind = _SUFFIX_KINDS.get(path.suffix.lower())
        try:
            with path.open("rb") as stream:
                yield from self._stream(stream, name=name, kind=kind)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", subject=name) from exc

    def _stream(self, stream: BinaryIO, *, name: str, kind: DocumentKind | None) -> Iterator[Item]:
        """A stream's items: JSON lines are streamed, any other document read up to the cap."""
        head = stream.read(_SNIFF_BYTES)
        if kind == "jsonl" or (kind is None and _looks_jsonl(head)):
            yield from self._jsonl(io.BufferedReader(_Prepended(head, stream)), name=name)
            return
        data = head
        if len(head) == _SNIFF_BYTES and len(head) <= self._limit:
            data += stream.read(self._limit + 1 - len(head))
        truncated = len(data) > self._limit
        if truncated:
            logger.warning("%s: over %d bytes, only the first %d read", name, self._limit, self._limit)
            data = data[:self._limit]
        yield from self.document(data, name=name, kind=kind, truncated=truncated)

    def _url(self, url: str) -> Iterator[Item]:
        """A URL's items: an article page, a feed's entries, or a text/JSONL document."""
        fetched = self._fetcher.fetch(url, max_bytes=self._limit)
        yield from self.document(fetched.content, name=url, kind=_fetched_kind(fetched),
                                 url=fetched.url, charset=fetched.charset, truncated=fetched.truncated,
                                 meta=_Meta(id_key=url_key(url)))

    def document(self, data: bytes, *, name: str, kind: DocumentKind | None, url: str | None = None,
                 charset: str | None = None, truncated: bool = False,
                 meta: _Meta = _Meta()) -> Iterator[Item]:
        """The items of one document's bytes; `kind` None means sniff it."""
        if kind == "jsonl":
            yield from self._jsonl(io.BufferedReader(io.BytesIO(data)), name=name)
            return
        if kind == "feed":
            yield from self._feed(data, name=name, charset=charset, base=url)
            return
        declared = charset or (meta_charset(data) if kind != "text" else None)
        text = decode_bytes(data, declared=declared, truncated=truncated)
        kind = kind or sniff_kind(text)
        if kind == "jsonl":
            yield from self._jsonl(io.BufferedReader(io.BytesIO(data)), name=name)
        elif kind == "feed":
            yield from self._feed(data, name=name, charset=charset, base=url)
        else:
            yield self._single(text, kind=kind, name=name, url=url, meta=meta, truncated=truncated)

    def _single(self, text: str, *, kind: DocumentKind, name: str, url: str | None,
                meta: _Meta, truncated: bool = False) -> Article:
        """One article from decoded HTML or plain text; the input's metadata wins over the page's."""
        title, published, source = meta.title, meta.published, meta.source
        if kind == "html":
            page = extract_page(text, url=url)
            text = page.text
            title, published = title or page.title, published or page.published
            source, url = source or page.site_name, url or page.url
        if truncated:
            # The raw bytes stopped mid-document: drop the last, probably partial, stretch.
            text = cut_text(text, len(text.encode("utf-8")) - 1)[0]
        return build_article(text, settings=self._settings, name=name, origin=meta.origin,
                             id_key=meta.id_key, title=title, published=published, url=url,
                             source=source)

    def _jsonl(self, stream: BinaryIO, *, name: str) -> Iterator[Item]:
        """One item per JSON line; a bad line is a Rejection naming file:line, the rest still read."""
        seen = False
        for lineno, line in _lines(stream, self._limit):
            if line is not None and not line.strip():
                continue  # blank lines are allowed anywhere
            seen = True
            where = f"{name}:{lineno}"
            try:
                if line is None:
                    raise TooLargeError(f"line over {self._limit} bytes")
                article = self._jsonl_article(line, where=where, first=lineno == 1)
            except InputError as error:
                yield rejection(where, error)
                continue
            if article is not None:
                yield article
        if not seen:
            raise EmptyInputError("no JSON lines")

    def _jsonl_article(self, line: bytes, *, where: str, first: bool) -> Article | None:
        """The Article of one JSON line, None for a blank line; raises InputError."""
        try:
            decoded = line.decode("utf-8-sig" if first else "utf-8")
        except UnicodeDecodeError as exc:
            raise EncodingError(f"line is not valid UTF-8 ({exc.reason})") from exc
        if not decoded.strip():
            return None
        try:
            record = json.loads(decoded)
        except json.JSONDecodeError as exc:
            raise ParseError(f"invalid JSON: {exc.msg} at column {exc.colno}") from exc
        if not isinstance(record, dict):
            raise ParseError(f"a JSON {type(record).__name__}, not an object")
        text = record.get("text")
        if not isinstance(text, str):
            raise ParseError('no "text" string')
        article_id = record.get("id")
        if isinstance(article_id, int) and not isinstance(article_id, bool):
            article_id = str(article_id)
        if article_id is not None and not (isinstance(article_id, str) and article_id.strip()):
            raise ParseError('"id" is not a non-empty string')
        fields = {key: record.get(key) for key in ("title", "url", "source")}
        for key, value in fields.items():
            if value is not None and not isinstance(value, str):
                raise ParseError(f'"{key}" is not a string')
        url = fields["url"] or None
        return build_article(
            text, settings=self._settings, name=where, article_id=article_id and article_id.strip(),
            id_key=url_key(url) if url else None, title=fields["title"],
            published=parse_published(record.get("published")), url=url, source=fields["source"],
        )

    def _feed(self, data: bytes, *, name: str, charset: str | None, base: str | None) -> Iterator[Item]:
        """One item per feed entry; an entry that fails is a Rejection, the rest still read."""
        if looks_binary(data):
            raise BinaryInputError("binary content, not a feed")
        feed = parse_feed(data, name=name, charset=charset)
        for index, entry in enumerate(feed.entries, 1):
            if base and entry.link:
                entry = dataclasses.replace(entry, link=urljoin(base, entry.link))  # relative links
            entry_name = entry.link or f"{name}#{index}"
            try:
                yield self._entry(entry, feed=feed, name=entry_name, origin=name)
            except InputError as error:
                yield rejection(entry_name, error)

    def _entry(self, entry: FeedEntry, *, feed: Feed, name: str, origin: str) -> Article:
        """A feed entry's article: its own content when full, else the linked page."""
        body = fragment_text(entry.content_html) if entry.content_html else ""
        id_key = url_key(entry.link) if entry.link else ("guid:" + entry.guid if entry.guid else None)
        meta = _Meta(id_key=id_key, title=entry.title, published=entry.published,
                     source=feed.title, origin=origin)
        if entry.link and len(body.split()) < FULL_ENTRY_WORDS:
            try:
                return self._linked(entry.link, name=name, meta=meta)
            except PrivateAddressError:
                raise  # a refusal is reported, never papered over with the summary
            except InputError as error:
                if not body.strip():
                    raise
                logger.warning("%s: %s; using the feed's own text", name, error.one_line())
        return self._single(body, kind="text", name=name, url=entry.link, meta=meta)

    def _linked(self, link: str, *, name: str, meta: _Meta) -> Article:
        """The article page a feed entry links to (a feed there is not followed)."""
        fetched = self._fetcher.fetch(link, max_bytes=self._limit)
        kind = _fetched_kind(fetched)
        if kind not in (None, "html", "text"):
            raise ParseError(f"link is {fetched.media_type}, not an article page")
        text = decode_bytes(fetched.content, declared=fetched.charset or meta_charset(fetched.content),
                            truncated=fetched.truncated)
        kind = kind or sniff_kind(text)
        if kind not in ("html", "text"):
            raise ParseError("link is not an article page")
        return self._single(text, kind=kind, name=name, url=fetched.url, meta=meta,
                            truncated=fetched.truncated)


def sniff_kind(text: str) -> DocumentKind:
    """Guess a document's kind from its first characters."""
    head = text.lstrip("\ufeff \t\r\n")[:2048].lower()
    if head.startswith("<?xml"):
        if any(marker in head for marker in _FEED_MARKERS):
            return "feed"
        return "html" if "<html" in head else "feed"
    if head.startswith(_FEED_MARKERS):
        return "feed"
    if head.startswith(_HTML_STARTS) or (head.startswith("<") and "<html" in head):
        return "html"
    if head.startswith("{"):
        return "jsonl"
    return "text"


def _looks_jsonl(head: bytes) -> bool:
    """Whether a stream's first bytes look like JSON lines."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _fetched_kind(fetched: Fetched) -> DocumentKind | None:
    """A fetched body's kind from its media type, else its URL's suffix; None means sniff."""
    kind = _MEDIA_KINDS.get(fetched.media_type or "")
    if kind is None:
        kind = _SUFFIX_KINDS.get(PurePosixPath(urlsplit(fetched.url).path).suffix.lower())
    return kind


def _lines(stream: BinaryIO, limit: int) -> Iterable[tuple[int, bytes | None]]:
    """Numbered lines of a stream; None stands for a line over `limit` bytes (skipped unread)."""
    lineno = 0
    while line := stream.readline(limit + 1):
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_SNIFF_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield lineno, None
        else:
            yield lineno, line


class _Prepended(io.RawIOBase):
    """A raw stream that replays bytes already read from `rest` before reading on."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        # read1 returns what is there without waiting to fill the buffer: live pipes keep flowing.
        read = getattr(self._rest, "read1", self._rest.read)
        data = read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


class _LazyFetcher:
    """An HttpFetcher built on first use, so runs without URLs never set up a client."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._fetcher: HttpFetcher | None = None

    def fetch(self, url: str, *, max_bytes: int) -> Fetched:
        """Fetch through the shared HttpFetcher."""
        if self._fetcher is None:
            self._fetcher = HttpFetcher(self._settings)
        return self._fetcher.fetch(url, max_bytes=max_bytes)

    def close(self) -> None:
        """Close the client if one was built."""
        if self._fetcher is not None:
            self._fetcher.close()
