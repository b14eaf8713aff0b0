"""Repository classes: every SQL statement Faultline runs against the event database."""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from faultline.dedup import country_key, is_event_forming, mention_key
from faultline.dedup.similarity import MAX_DAY_WINDOW, day_window, may_be_compatible
from faultline.model import Article, Event, EventMention, Evidence, Mention, Rejection
from faultline.store.codec import dumps, load_event, load_event_mention

FETCH = 500  # rows per fetchmany when streaming events


def now() -> str:
    """UTC now, ISO seconds: when a row was written."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _marks(n: int) -> str:
    """n SQL placeholders."""
    return ",".join("?" * n)


def _chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    """Slices small enough for SQLite's parameter limit."""
    for i in range(0, len(items), size):
        yield items[i:i + size]


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """The identity of an article already in the store."""

    id: str
    url: str | None
    text_hash: str


class ArticleRepository:
    """Articles: identity (URL, text hash) and metadata."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _one(self, where: str, value: str) -> StoredArticle | None:
        row = self.conn.execute(f"SELECT id, url, text_hash FROM articles WHERE {where} = ? LIMIT 1",
                                (value,)).fetchone()
        return StoredArticle(*row) if row else None

    def by_url(self, url: str) -> StoredArticle | None:
        """The stored article with this URL."""
        return self._one("url", url)

    def by_id(self, article_id: str) -> StoredArticle | None:
        """The stored article with this id."""
        return self._one("id", article_id)

    def by_text_hash(self, text_hash: str) -> StoredArticle | None:
        """A stored article with exactly this text."""
        return self._one("text_hash", text_hash)

    def insert(self, article: Article, text_hash: str) -> None:
        """Store an article."""
        self.conn.execute(
            "INSERT INTO articles (id, url, title, published, source, language, origin, text_hash,"
            " text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (article.id, article.url, article.title,
             article.published.isoformat() if article.published else None, article.source,
             article.language, article.origin, text_hash, article.text, now()),
        )

    def delete(self, article_id: str) -> None:
        """Remove an article; its statements, mentions and links go with it (cascade)."""
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def published(self, article_ids: Iterable[str]) -> dict[str, dt.date | None]:
        """Publication dates by article id."""
        ids = sorted(set(article_ids))
        out: dict[str, dt.date | None] = {}
        for chunk in _chunks(ids):
            for aid, pub in self.conn.execute(
                f"SELECT id, published FROM articles WHERE id IN ({_marks(len(chunk))})", chunk
            ):
                out[aid] = dt.date.fromisoformat(pub) if pub else None
        return out

    def meta(self, article_id: str) -> dict[str, Any] | None:
        """Title, URL, publisher and date of one article."""
        row = self.conn.execute(
            "SELECT id, title, url, source, published, origin FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        keys = ("id", "title", "url", "source", "published", "origin")
        return dict(zip(keys, row)) if row else None

    def count(self) -> int:
        """How many articles are stored."""
        return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


class MentionRepository:
    """Statements (Mention) and event reports (EventMention) with their evidence."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def insert_statements(self, statements: Iterable[Mention]) -> None:
        """Store an article's statements with their modality."""
        self.conn.executemany(
            "INSERT INTO statements (article_id, modality, event_type, start, \"end\", data)"
            " VALUES (?,?,?,?,?,?)",
            [(s.article_id, s.modality, s.event_type, s.sentence.start, s.sentence.end, dumps(s))
             for s in statements],
        )

    def insert(self, m: EventMention) -> int:
        """Store one report and its evidence spans; returns its row id."""
        day = m.event_date.toordinal() if m.event_date else None
        w = day_window(m)
        cur = self.conn.execute(
            "INSERT INTO mentions (key, article_id, modality, forming, event_type, country_key, day,"
            " day_lo, day_hi, latitude, longitude, where_prec, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (mention_key(m), m.article_id, m.modality, int(is_event_forming(m)), m.event_type,
             country_key(m), day, day - w if day is not None else None,
             day + w if day is not None else None, m.place.latitude if m.place else None,
             m.place.longitude if m.place else None, m.place.where_prec if m.place else None, dumps(m)),
        )
        mid = cur.lastrowid
        assert mid is not None
        self.conn.executemany(
            "INSERT INTO evidence (mention_id, field, start, \"end\", text, attributed_to)"
            " VALUES (?,?,?,?,?,?)",
            [(mid, e.field, e.start, e.end, e.text, e.attributed_to) for e in m.evidence],
        )
        return mid

    def candidates(self, m: EventMention) -> list[tuple[int, EventMention]]:
        """Stored reports whose date windows can meet `m`'s, in the same blocking country."""
        if m.event_date is None:
            return []
        d, w, key = m.event_date.toordinal(), day_window(m), country_key(m)
        columns = "SELECT id, event_type, latitude, longitude, where_prec, data FROM mentions"
        rows = self.conn.execute(
            f"{columns} WHERE forming = 1 AND country_key = ? AND day BETWEEN ? AND ?",
            (key, d - w, d + w)).fetchall()
        # Reports whose own (wider) window covers d.
        rows += self.conn.execute(
            f"{columns} WHERE forming = 1 AND country_key = ? AND day_lo BETWEEN ? AND ? AND day_hi >= ?",
            (key, d - 2 * MAX_DAY_WINDOW, d, d)).fetchall()
        out: dict[int, EventMention] = {}
        for mid, event_type, lat, lon, where_prec, data in rows:
            # Decoding JSON is the cost; the summary columns rule most candidates out first.
            if mid not in out and may_be_compatible(m, event_type=event_type, latitude=lat, longitude=lon,
                                                    where_prec=where_prec):
                out[mid] = load_event_mention(data)
        return list(out.items())

    def of_article(self, article_id: str) -> list[int]:
        """Row ids of an article's reports."""
        return [r[0] for r in self.conn.execute("SELECT id FROM mentions WHERE article_id = ?", (article_id,))]

    def of_events(self, event_ids: Sequence[str]) -> list[tuple[int, EventMention]]:
        """(row id, report) of every report linked to these events."""
        out = []
        for chunk in _chunks(list(event_ids)):
            out += [(mid, load_event_mention(data)) for mid, data in self.conn.execute(
                "SELECT m.id, m.data FROM mentions m JOIN event_mentions l ON l.mention_id = m.id"
                f" WHERE l.event_id IN ({_marks(len(chunk))})", chunk)]
        return out

    def evidence(self, mention_id: int) -> list[Evidence]:
        """The evidence spans of one report."""
        return [Evidence(*row) for row in self.conn.execute(
            "SELECT field, start, \"end\", text, attributed_to FROM evidence WHERE mention_id = ?"
            " ORDER BY start, field", (mention_id,))]

    def count(self) -> int:
        """How many reports are stored."""
        return self.conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for listing events; None means no filter."""

    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None  # matches event_type or sub_event_type
    actor: str | None = None  # substring of actor1 or actor2, case-insensitive
    since: str | None = None  # ISO date, inclusive
    until: str | None = None
    min_fatalities: int | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km: bounding box here, exact later
    limit: int | None = None


class EventRepository:
    """Canonical events and their links to reports."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def of_mentions(self, mention_ids: Iterable[int]) -> set[str]:
        """Ids of the events these reports belong to."""
        ids, out = sorted(set(mention_ids)), set()
        for chunk in _chunks(ids):
            out |= {r[0] for r in self.conn.execute(
                f"SELECT event_id FROM event_mentions WHERE mention_id IN ({_marks(len(chunk))})", chunk)}
        return out

    def in_components_of(self, event_ids: Iterable[str]) -> list[tuple[str, str, str]]:
        """(id, anchor, record) of every event sharing a component with these events."""
        ids, out = sorted(set(event_ids)), []
        for chunk in _chunks(ids):
            out += self.conn.execute(
                "SELECT id, anchor, record FROM events WHERE component IN"
                f" (SELECT component FROM events WHERE id IN ({_marks(len(chunk))}))", chunk).fetchall()
        return list(dict.fromkeys(out))

    def delete(self, event_id: str) -> None:
        """Remove an event and its links."""
        self.conn.execute("DELETE FROM events WHERE id = ?", (event_id,))

    def write(self, event: Event, *, anchor: str, component: str, replace: bool) -> None:
        """Insert an event, or update it in place when `replace`."""
        values = (anchor, component, event.event_date, event.year, event.event_type, event.country,
                  event.admin1, event.actor1, event.actor2, event.fatalities, event.latitude,
                  event.longitude, dumps(event), now())
        if replace:
            self.conn.execute(
                "UPDATE events SET anchor=?, component=?, event_date=?, year=?, event_type=?, country=?,"
                " admin1=?, actor1=?, actor2=?, fatalities=?, latitude=?, longitude=?, record=?,"
                " updated_at=? WHERE id=?", (*values, event.event_id_cnty))
        else:
            self.conn.execute(
                "INSERT INTO events (anchor, component, event_date, year, event_type, country, admin1,"
                " actor1, actor2, fatalities, latitude, longitude, record, updated_at, id)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (*values, event.event_id_cnty))

    def unlink(self, event_ids: Iterable[str]) -> None:
        """Drop the report links of these events."""
        self.conn.executemany("DELETE FROM event_mentions WHERE event_id = ?", [(e,) for e in event_ids])

    def link(self, event_id: str, mention_ids: Iterable[int]) -> None:
        """Link reports to an event."""
        self.conn.executemany("INSERT INTO event_mentions (event_id, mention_id) VALUES (?, ?)",
                              [(event_id, m) for m in mention_ids])

    def get(self, event_id: str) -> Event | None:
        """One event by id."""
        row = self.conn.execute("SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
        return load_event(row[0]) if row else None

    def mention_ids(self, event_id: str) -> list[int]:
        """Row ids of the reports behind an event."""
        return [r[0] for r in self.conn.execute(
            "SELECT mention_id FROM event_mentions WHERE event_id = ? ORDER BY mention_id", (event_id,))]

    def mention_rows(self, event_id: str) -> list[tuple[int, str, str]]:
        """(row id, article id, report JSON) of the reports behind an event."""
        return self.conn.execute(
            "SELECT m.id, m.article_id, m.data FROM mentions m JOIN event_mentions l"
            " ON l.mention_id = m.id WHERE l.event_id = ? ORDER BY m.key", (event_id,)).fetchall()

    def query(self, q: EventQuery) -> Iterator[Event]:
        """Events matching the filters, by date then id, streamed."""
        where, args = [], []
        for column, value in (("country", q.country), ("admin1", q.admin1)):
            if value:
                where.append(f"{column} = ? COLLATE NOCASE")
                args.append(value)
        if q.event_type:
            where.append("(event_type = ? COLLATE NOCASE OR json_extract(record, '$.sub_event_type')"
                         " = ? COLLATE NOCASE)")
            args += [q.event_type, q.event_type]
        if q.actor:
            where.append("(actor1 LIKE ? OR actor2 LIKE ?)")
            args += [f"%{q.actor}%"] * 2
        if q.since:
            where.append("event_date >= ?")
            args.append(q.since)
        if q.until:
            where.append("event_date <= ?")
            args.append(q.until)
        if q.min_fatalities is not None:
            where.append("fatalities >= ?")
            args.append(q.min_fatalities)
        if q.near:
            lat, lon, km = q.near
            dlat = km / 111.0
            dlon = km / max(1e-6, 111.0 * abs(math.cos(math.radians(lat))))
            where.append("latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?")
            args += [lat - dlat, lat + dlat, lon - dlon, lon + dlon]
        sql = "SELECT record FROM events" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY event_date, id"
        if q.limit is not None:
            sql += f" LIMIT {int(q.limit)}"
        cur = self.conn.execute(sql, args)
        while rows := cur.fetchmany(FETCH):
            for (record,) in rows:
                yield load_event(record)

    def count(self) -> int:
        """How many events are stored."""
        return self.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]


class RejectionRepository:
    """Inputs that could not be used, with their reason."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(self, rejection: Rejection) -> None:
        """Record a rejection; the same input refused again for the same reason is not repeated."""
        self.conn.execute(
            "INSERT OR IGNORE INTO rejections (article_id, stage, reason, code, created_at) VALUES (?,?,?,?,?)",
            (rejection.article_id, rejection.stage, rejection.reason, rejection.code, now()))

    def all(self) -> list[Rejection]:
        """Every rejection, oldest first."""
        return [Rejection(*r) for r in self.conn.execute(
            "SELECT article_id, stage, reason, code FROM rejections ORDER BY id")]


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change to a canonical event."""

    event_id: str
    at: str
    action: str
    reason: str
    article_id: str | None
    changes: dict[str, Any]


class HistoryRepository:
    """The event history: every change to a canonical event, what, when and why."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(self, event_id: str, *, action: str, reason: str, article_id: str | None,
            changes: dict[str, Any]) -> None:
        """Record one change."""
        self.conn.execute(
            "INSERT INTO event_history (event_id, at, action, reason, article_id, changes)"
            " VALUES (?,?,?,?,?,?)", (event_id, now(), action, reason, article_id, dumps(changes)))

    def of_event(self, event_id: str) -> list[HistoryEntry]:
        """An event's changes and those of the events merged into it, oldest first."""
        lineage, frontier = {event_id}, [event_id]
        while frontier:  # follow "merged into" back to every predecessor
            current = frontier.pop()
            for (source,) in self.conn.execute(
                "SELECT DISTINCT h.event_id FROM event_history h, json_each(h.changes, '$.into') j"
                " WHERE h.action = 'merged' AND j.value = ?", (current,)):
                if source not in lineage:
                    lineage.add(source)
                    frontier.append(source)
        ids = sorted(lineage)
        return [HistoryEntry(e, at, action, reason, aid, json.loads(ch)) for e, at, action, reason, aid, ch
                in self.conn.execute(
                    "SELECT event_id, at, action, reason, article_id, changes FROM event_history"
                    f" WHERE event_id IN ({_marks(len(ids))}) ORDER BY id", ids)]
