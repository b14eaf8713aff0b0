"""A run killed mid-batch keeps every committed article whole and resumes to the same state."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from faultline.config import Settings
from faultline.model import Article
from faultline.store import open_store
from faultline.store.ingestion import ingest
from tests.store.corpus import write_corpus
from tests.store.fakes import FakePipeline, extract
from tests.store.test_store import snapshot

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = Settings(published=dt.date(2021, 6, 1))

# Ingests the corpus and SIGKILLs itself inside the transaction of article number KILL_AT,
# after that article's rows are written but before they commit.
SCRIPT = textwrap.dedent("""
    import datetime as dt, os, signal, sys
    from faultline.config import Settings
    from faultline.store import open_store
    from faultline.store.ingestion import ingest
    from tests.store.fakes import FakePipeline

    corpus, db, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = open_store(db)
    real, calls = store.reconciler.reconcile, []

    def reconcile_then_die(**kwargs):
        calls.append(1)
        out = real(**kwargs)
        if len(calls) == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return out

    store.reconciler.reconcile = reconcile_then_die
    ingest([corpus], settings=Settings(published=dt.date(2021, 6, 1)), store=store, pipeline=FakePipeline())
""")


def test_killed_ingest_loses_nothing_committed_and_resumes(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 24)
    db = tmp_path / "killed.sqlite"
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(corpus), str(db), "10"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == -9, run.stderr

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    articles = conn.execute("SELECT id, text FROM articles").fetchall()
    assert len(articles) == 9  # the tenth died before COMMIT
    for article_id, text in articles:  # every stored article is whole
        expected = len(extract(Article(id=article_id, text=text)))
        stored = conn.execute("SELECT COUNT(*) FROM mentions WHERE article_id = ?", (article_id,)).fetchone()[0]
        linked = conn.execute("SELECT COUNT(*) FROM event_mentions l JOIN mentions m ON m.id = l.mention_id"
                              " WHERE m.article_id = ?", (article_id,)).fetchone()[0]
        assert stored == linked == expected >= 1
    conn.close()

    with open_store(db) as resumed:
        pipeline = FakePipeline()
        report = ingest([str(corpus)], settings=SETTINGS, store=resumed, pipeline=pipeline)
        assert (report.unchanged, report.new) == (9, 15) and len(pipeline.processed) == 15
        after_resume = snapshot(resumed)
    with open_store(tmp_path / "clean.sqlite") as clean:
        ingest([str(corpus)], settings=SETTINGS, store=clean, pipeline=FakePipeline())
        assert snapshot(clean) == after_resume
        assert clean.counts()["events"] < clean.counts()["mentions"]  # some reports merged
