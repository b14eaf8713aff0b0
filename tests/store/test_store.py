"""The SQLite store: idempotency, corrections, history, order-independent dedup, queries."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from faultline.dedup import build_events
from faultline.errors import NotFoundError, StoreError
from faultline.model import Article, Rejection, to_jsonable
from faultline.store import EventQuery, open_store
from faultline.store.database import load_migrations
from tests.dedup.factory import killed, mention

D = dt.date(2021, 5, 28)


def art(aid: str, text: str | None = None, *, url: str | None = None, day: int = 29) -> Article:
    return Article(id=aid, text=text or f"text of {aid}", url=url or f"https://news.example/{aid}",
                   published=dt.date(2021, 5, day), source="Example News")


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "events.sqlite") as s:
        yield s


def snapshot(store):
    """Everything that must not depend on arrival order: events and their report links."""
    events = sorted((to_jsonable(e) for e in store.events()), key=lambda r: r["event_id_cnty"])
    links = sorted(store.conn.execute(
        "SELECT l.event_id, m.key FROM event_mentions l JOIN mentions m ON m.id = l.mention_id").fetchall())
    return events, links


def test_schema_is_migrated_with_pragmas(store):
    versions = store.conn.execute("SELECT version FROM schema_version").fetchall()
    assert [v for (v,) in versions] == [v for v, _, _ in load_migrations()] == [1, 2]
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_does_not_reapply_migrations(tmp_path):
    open_store(tmp_path / "db.sqlite").close()
    with open_store(tmp_path / "db.sqlite") as s:
        assert s.conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == len(load_migrations())


def test_two_articles_merge_and_keep_all_sources(store):
    store.save_article(art("a"), events=[mention("a", figures=(killed(15, "attackers", "officials"),))])
    out = store.save_article(art("b"), events=[mention("b", day=D + dt.timedelta(days=1),
                                                        figures=(killed(19, "people", "a witness"),))])
    assert out.status == "new" and out.updated and not out.created
    (event,) = list(store.events())
    assert event.article_ids == ("a", "b") and event.fatalities == 15 and event.fatalities_high == 19
    assert {a.source for a in event.attribution} == {"officials", "a witness"}


def test_same_article_twice_changes_nothing(store):
    store.save_article(art("a"), events=[mention("a")])
    before = snapshot(store), store.counts()
    assert store.save_article(art("a"), events=[mention("a")]).status == "unchanged"
    other_url = art("a2", "text of a", url="https://mirror.example/a")
    assert store.save_article(other_url, events=[mention("a2")]).status == "duplicate"
    assert (snapshot(store), store.counts()) == before


def test_corrected_article_replaces_its_reports_and_records_history(store):
    store.save_article(art("a"), events=[mention("a", figures=(killed(3, "police"),))])
    store.save_article(art("b"), events=[mention("b", figures=(killed(5, "police"),))])
    (event,) = list(store.events())
    corrected = art("b", "text of b, corrected")
    out = store.save_article(corrected, events=[mention("b", where="Idlib")])
    assert out.status == "corrected"
    events = {e.country: e for e in store.events()}
    assert events["Afghanistan"].article_ids == ("a",) and events["Afghanistan"].fatalities_high == 3
    assert events["Syria"].article_ids == ("b",)
    actions = [h.action for h in store.history(event.event_id_cnty)]
    assert actions == ["created", "updated", "updated"]
    last = store.history(event.event_id_cnty)[-1]
    assert last.changes["article_ids"] == [["a", "b"], ["a"]] and "corrected" in last.reason


def test_correction_removing_the_only_report_deletes_the_event(store):
    store.save_article(art("a"), events=[mention("a")])
    (event,) = list(store.events())
    store.save_article(art("a", "now about nothing"), events=[])
    assert list(store.events()) == []
    assert [h.action for h in store.history(event.event_id_cnty)] == ["created", "deleted"]


def test_bridge_report_merges_two_events_with_history(store):
    store.save_article(art("a"), events=[mention("a", day=D)])
    store.save_article(art("c"), events=[mention("c", day=D + dt.timedelta(days=2))])
    assert store.counts()["events"] == 2
    store.save_article(art("b"), events=[mention("b", day=D + dt.timedelta(days=1))])
    (merged,) = list(store.events())
    assert merged.article_ids == ("a", "b", "c")
    gone = [e for e in store.conn.execute("SELECT DISTINCT event_id FROM event_history").fetchall()
            if e[0] != merged.event_id_cnty]
    assert [h.action for h in store.history(gone[0][0])][-1] == "merged"


def test_failure_inside_the_transaction_leaves_nothing(store, monkeypatch):
    def boom(**_):
        raise sqlite3.OperationalError("disk on fire")

    monkeypatch.setattr(store.reconciler, "reconcile", boom)
    with pytest.raises(StoreError):
        store.save_article(art("a"), events=[mention("a")])
    assert store.counts() == {"articles": 0, "mentions": 0, "events": 0}


def test_queries_filter_events(store):
    store.save_article(art("a"), events=[mention("a", figures=(killed(7, "people"),))])
    store.save_article(art("s"), events=[mention("s", where="Idlib", sub="Peaceful protest",
                                                 actor1="Protesters (Syria)", actor2=None, day=dt.date(2022, 1, 3))])
    assert [e.country for e in store.events(EventQuery(country="syria"))] == ["Syria"]
    assert [e.country for e in store.events(EventQuery(min_fatalities=5))] == ["Afghanistan"]
    assert [e.country for e in store.events(EventQuery(event_type="Peaceful protest"))] == ["Syria"]
    assert [e.country for e in store.events(EventQuery(actor="taliban"))] == ["Afghanistan"]
    assert [e.country for e in store.events(EventQuery(since="2022-01-01"))] == ["Syria"]
    assert [e.country for e in store.events(EventQuery(until="2021-12-31", admin1="Nangarhar"))] == ["Afghanistan"]
    assert [e.country for e in store.events(EventQuery(near=(34.43, 70.45, 10)))] == ["Afghanistan"]
    assert list(store.events(EventQuery(near=(34.9, 70.45, 10)))) == []


def test_show_data_sources_and_not_found(store):
    store.save_article(art("a"), events=[mention("a")])
    (event,) = list(store.events())
    (source,) = store.sources(event.event_id_cnty)
    assert source.url == "https://news.example/a" and source.evidence[0].field == "event_type"
    with pytest.raises(NotFoundError):
        store.event("AFG000")


def test_rejections_are_stored_once(store):
    store.add_rejection(Rejection("bad.bin", "ingest", "binary input", "FL-E003"))
    store.add_rejection(Rejection("bad.bin", "ingest", "binary input", "FL-E003"))  # ingested again
    store.add_rejection(Rejection("bad.bin", "ingest", "too large", "FL-E005"))
    assert store.rejections() == [Rejection("bad.bin", "ingest", "binary input", "FL-E003"),
                                  Rejection("bad.bin", "ingest", "too large", "FL-E005")]


def test_migration_002_drops_repeated_rejections(tmp_path, monkeypatch):
    from faultline.store import database

    path = tmp_path / "old.sqlite"
    first = [m for m in load_migrations() if m[0] == 1]
    conn = sqlite3.connect(path, isolation_level=None)
    with monkeypatch.context() as patch:  # a database created before 002
        patch.setattr(database, "load_migrations", lambda: first)
        database.migrate(conn)
    for _ in range(3):
        conn.execute("INSERT INTO rejections (article_id, stage, reason, code, created_at)"
                     " VALUES ('x', 'ingest', 'binary input', 'FL-E003', '2026-01-01')")
    conn.close()
    with open_store(path) as s:
        assert s.rejections() == [Rejection("x", "ingest", "binary input", "FL-E003")]


_REPORT = st.builds(
    lambda day, where, sub, a1, trig: mention("?", day=D + dt.timedelta(days=day), where=where, sub=sub,
                                              actor1=a1, trigger_at=trig),
    day=st.integers(0, 5), where=st.sampled_from(["Jalalabad", "Kabul", "Idlib", None]),
    sub=st.sampled_from(["Armed clash", "Remote explosive/landmine/IED", "Attack"]),
    a1=st.sampled_from(["Taliban", "Islamic State (ISIS)", None]), trig=st.sampled_from([10, 200]),
)


def _articles(reports_per_article):
    out = []
    for i, reports in enumerate(reports_per_article):
        aid = f"art{i}"
        unique = {r.trigger.start: dataclasses.replace(r, article_id=aid) for r in reports}
        out.append((art(aid, day=20 + i % 9), list(unique.values())))
    return out


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_REPORT, min_size=1, max_size=2), min_size=1, max_size=7),
       st.randoms(use_true_random=False))
def test_any_arrival_order_gives_the_same_store(reports_per_article, rnd):
    articles = _articles(reports_per_article)
    shuffled = list(articles)
    rnd.shuffle(shuffled)
    snaps = []
    for order in (articles, shuffled):
        with open_store(":memory:") as s:
            for article, reports in order:
                s.save_article(article, events=reports)
            snaps.append(snapshot(s))
    assert snaps[0] == snaps[1]
    published = {a.id: a.published for a, _ in articles}
    expected = build_events([r for _, rs in articles for r in rs], published=published)
    assert sorted((to_jsonable(e) for e in expected), key=lambda r: r["event_id_cnty"]) == snaps[0][0]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(_REPORT, min_size=1, max_size=2), min_size=2, max_size=6), st.data())
def test_correction_equals_ingesting_the_corrected_text_from_scratch(reports_per_article, data):
    articles = _articles(reports_per_article)
    victim = data.draw(st.integers(0, len(articles) - 1))
    new_reports = data.draw(st.lists(_REPORT, max_size=2))
    article, _ = articles[victim]
    text = article.text + " (corrected)"
    reports = {r.trigger.start: dataclasses.replace(r, article_id=article.id) for r in new_reports}
    fixed = (dataclasses.replace(article, text=text), list(reports.values()))
    with open_store(":memory:") as incremental, open_store(":memory:") as scratch:
        for a, rs in articles:
            incremental.save_article(a, events=rs)
        incremental.save_article(fixed[0], events=fixed[1])
        for i, (a, rs) in enumerate(articles):
            a, rs = fixed if i == victim else (a, rs)
            scratch.save_article(a, events=rs)
        assert snapshot(incremental) == snapshot(scratch)


def test_codec_round_trips_and_matches_to_jsonable():
    from faultline.dedup import build_event
    from faultline.store.codec import load_event, load_event_mention, plain

    m = mention("a", figures=(killed(3, "police", "officials"),), tags=("crowd size=200",))
    assert load_event_mention(json.dumps(plain(m))) == m
    e = build_event([m, mention("b")])
    assert plain(e) == to_jsonable(e) and load_event(json.dumps(plain(e))) == e
