"""Faultline's store stage: schema, numbered migrations, repositories; all SQL lives here."""

from faultline.store.protocol import ARTICLE_STATUSES, EventStore, SaveOutcome, SourceReport
from faultline.store.repositories import EventQuery, HistoryEntry
from faultline.store.sqlite import SqliteStore, open_store, text_hash

__all__ = [
    "ARTICLE_STATUSES", "EventQuery", "EventStore", "HistoryEntry", "SaveOutcome", "SourceReport",
    "SqliteStore", "open_store", "text_hash",
]
