"""The SQLite event store: one writer, one transaction per article."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from faultline.dedup import PublisherScales
from faultline.dedup.similarity import haversine_km
from faultline.errors import NotFoundError, StoreError
from faultline.model import Article, Event, EventMention, Mention, Rejection
from faultline.store.codec import load_event_mention
from faultline.store.database import open_database, transaction
from faultline.store.protocol import SaveOutcome, SourceReport
from faultline.store.reconcile import Reconciler
from faultline.store.repositories import (
    ArticleRepository,
    EventQuery,
    EventRepository,
    HistoryEntry,
    HistoryRepository,
    MentionRepository,
    RejectionRepository,
    StoredArticle,
)


def text_hash(text: str) -> str:
    """sha256 of an article's text: its identity when the URL differs."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SqliteStore:
    """Articles, reports and canonical events in one SQLite file (WAL, foreign keys)."""

    def __init__(self, path: Path | str, *, scales: PublisherScales | None = None) -> None:
        self.path = Path(path)
        self.conn = open_database(path)
        self.articles = ArticleRepository(self.conn)
        self.mentions = MentionRepository(self.conn)
        self.event_repo = EventRepository(self.conn)
        self.rejection_repo = RejectionRepository(self.conn)
        self.history_repo = HistoryRepository(self.conn)
        self.reconciler = Reconciler(articles=self.articles, mentions=self.mentions,
                                     events=self.event_repo, history=self.history_repo, scales=scales)

    def __enter__(self) -> "SqliteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def _previous(self, article: Article) -> tuple[str, StoredArticle | None]:
        """The article's status and the stored version it replaces or repeats."""
        digest = text_hash(article.text)
        # Identity: the URL when there is one, else the id the reader gave it.
        same = self.articles.by_url(article.url) if article.url else self.articles.by_id(article.id)
        if same is not None:
            return ("unchanged" if same.text_hash == digest else "corrected"), same
        twin = self.articles.by_text_hash(digest) or self.articles.by_id(article.id)
        if twin is not None:
            return "duplicate", twin
        return "new", None

    def article_status(self, article: Article) -> str:
        """'new', 'unchanged', 'duplicate' or 'corrected', without writing anything."""
        return self._previous(article)[0]

    def save_article(self, article: Article, *, events: Sequence[EventMention],
                     statements: Sequence[Mention] = (), rejections: Sequence[Rejection] = ()) -> SaveOutcome:
        """Store an article with its reports and update the events, all in one transaction."""
        try:
            with transaction(self.conn):
                return self._save(article, events, statements, rejections)
        except sqlite3.Error as error:
            raise StoreError(f"could not save article: {error}", subject=article.id) from error

    def _save(self, article: Article, events: Sequence[EventMention], statements: Sequence[Mention],
              rejections: Sequence[Rejection]) -> SaveOutcome:
        status, previous = self._previous(article)
        if status in ("unchanged", "duplicate"):
            return SaveOutcome(article.id, status)
        touched: set[str] = set()
        if previous is not None:  # corrected: its old reports and what they built go
            touched = self.event_repo.of_mentions(self.mentions.of_article(previous.id))
            self.articles.delete(previous.id)
        self.articles.insert(article, text_hash(article.text))
        self.mentions.insert_statements(statements)
        new = [(self.mentions.insert(m), m) for m in events]
        for rejection in rejections:
            self.rejection_repo.add(rejection)
        reason = f"article {article.id} {'corrected' if previous else 'added'}"
        changes = self.reconciler.reconcile(new=new, touched_events=touched, article_id=article.id,
                                            reason=reason)
        return SaveOutcome(article.id, status, len(new), changes.created, changes.updated, changes.deleted)

    def add_rejection(self, rejection: Rejection) -> None:
        """Record an input that could not be used."""
        with transaction(self.conn):
            self.rejection_repo.add(rejection)

    def events(self, query: EventQuery | None = None) -> Iterator[Event]:
        """Events matching a query (all when None), streamed by date."""
        query = query or EventQuery()
        for event in self.event_repo.query(query):
            if query.near and not self._within(event, query.near):
                continue
            yield event

    @staticmethod
    def _within(event: Event, near: tuple[float, float, float]) -> bool:
        """Whether an event lies within `near`'s radius (the SQL filter is only a box)."""
        if event.latitude is None or event.longitude is None:
            return False
        lat, lon, km = near
        return haversine_km(lat, lon, event.latitude, event.longitude) <= km

    def event(self, event_id: str) -> Event:
        """One event by id (raises NotFoundError)."""
        event = self.event_repo.get(event_id)
        if event is None:
            raise NotFoundError("no such event", subject=event_id)
        return event

    def history(self, event_id: str) -> list[HistoryEntry]:
        """Every change to an event, oldest first (kept after the event is gone)."""
        return self.history_repo.of_event(event_id)

    def sources(self, event_id: str) -> list[SourceReport]:
        """The reports behind an event, with their sentences and evidence."""
        self.event(event_id)
        out = []
        for mid, article_id, data in self.event_repo.mention_rows(event_id):
            m = load_event_mention(data)
            meta = self.articles.meta(article_id) or {}
            sentences = tuple(dict.fromkeys(s.sentence.text for s in m.statements))
            out.append(SourceReport(article_id=article_id, title=meta.get("title"), url=meta.get("url"),
                                    publisher=meta.get("source") or m.source, published=meta.get("published"),
                                    sentences=sentences, evidence=tuple(self.mentions.evidence(mid)), mention=m))
        return out

    def rejections(self) -> list[Rejection]:
        """Every stored rejection, oldest first."""
        return self.rejection_repo.all()

    def counts(self) -> dict[str, int]:
        """Row counts: articles, mentions, events."""
        return {"articles": self.articles.count(), "mentions": self.mentions.count(),
                "events": self.event_repo.count()}


def open_store(path: Path | str, *, scales: PublisherScales | None = None) -> SqliteStore:
    """Open the event store at `path` (SQLite; the only backend for now)."""
    return SqliteStore(path, scales=scales)
