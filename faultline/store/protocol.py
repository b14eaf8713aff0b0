"""The store's interface, a Protocol so a PostgreSQL backend can be added beside SQLite."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from faultline.model import Article, Event, EventMention, Evidence, Mention, Rejection
from faultline.store.repositories import EventQuery, HistoryEntry

# What happened to an article handed to the store.
ARTICLE_STATUSES: tuple[str, ...] = ("new", "unchanged", "duplicate", "corrected")


@dataclass(slots=True)
class SaveOutcome:
    """The result of saving one article: its status and the events it created/changed/removed."""

    article_id: str
    status: str  # one of ARTICLE_STATUSES
    mentions: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SourceReport:
    """One article's report behind an event: where it came from and the words that support it."""

    article_id: str
    title: str | None
    url: str | None
    publisher: str | None
    published: str | None
    sentences: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    mention: EventMention


class EventStore(Protocol):
    """What ingest, the CLI and the API need from an event database."""

    def article_status(self, article: Article) -> str:
        """'new', 'unchanged', 'duplicate' or 'corrected', without writing anything."""
        ...

    def save_article(self, article: Article, *, events: Sequence[EventMention],
                     statements: Sequence[Mention] = (), rejections: Sequence[Rejection] = ()) -> SaveOutcome:
        """Store an article with its reports and update the events, in one transaction."""
        ...

    def add_rejection(self, rejection: Rejection) -> None:
        """Record an input that could not be used."""
        ...

    def events(self, query: EventQuery | None = None) -> Iterator[Event]:
        """Events matching a query, streamed."""
        ...

    def event(self, event_id: str) -> Event:
        """One event (raises NotFoundError)."""
        ...

    def history(self, event_id: str) -> list[HistoryEntry]:
        """Every change to an event, oldest first."""
        ...

    def sources(self, event_id: str) -> list[SourceReport]:
        """The reports behind an event, with their sentences and evidence."""
        ...

    def rejections(self) -> list[Rejection]:
        """Every stored rejection."""
        ...

    def counts(self) -> dict[str, int]:
        """Row counts: articles, mentions, events."""
        ...

    def close(self) -> None:
        """Release the database."""
        ...
