"""The store's commands through typer's CliRunner: ingest, events, export, show."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from faultline.cli import app
from faultline.model import ACLED_COLUMNS
from tests.store.corpus import write_corpus
from tests.store.fakes import FakePipeline

runner = CliRunner()


@pytest.fixture()
def ingested(tmp_path, monkeypatch):
    monkeypatch.setattr("faultline.store.ingestion._default_pipeline", lambda settings: FakePipeline())
    write_corpus(tmp_path / "news", 15)
    db = tmp_path / "events.sqlite"
    result = runner.invoke(app, ["ingest", str(tmp_path / "news"), "--db", str(db), "--published", "2021-06-01"])
    assert result.exit_code == 0, result.output
    return db, result


def _events(db, *args):
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_ingest_files_then_again_changes_nothing(ingested, tmp_path):
    db, first = ingested
    assert "15 new" in first.output
    before = _events(db)
    assert 0 < len(before) < 15
    again = runner.invoke(app, ["ingest", str(tmp_path / "news"), "--db", str(db)])
    assert again.exit_code == 0 and "15 unchanged" in again.output
    assert _events(db) == before


def test_ingest_of_nothing_readable_fails(tmp_path, monkeypatch):
    monkeypatch.setattr("faultline.store.ingestion._default_pipeline", lambda settings: FakePipeline())
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02" * 50)
    result = runner.invoke(app, ["ingest", str(tmp_path / "blob.bin"), "--db", str(tmp_path / "db.sqlite")])
    assert result.exit_code == 1 and "1 rejected" in result.output


def test_events_filters(ingested):
    db, _ = ingested
    syria = _events(db, "--country", "Syria")
    assert syria and {e["country"] for e in syria} == {"Syria"}
    assert all(e["fatalities"] >= 5 for e in _events(db, "--min-fatalities", "5"))
    assert {e["location"] for e in _events(db, "--near", "34.43,70.45,20")} == {"Jalalabad"}
    assert all("Islamic" in e["actor1"] for e in _events(db, "--actor", "islamic"))
    bad = runner.invoke(app, ["events", "--db", str(db), "--near", "north"])
    assert bad.exit_code == 2


def test_events_table_and_csv(ingested):
    db, _ = ingested
    table = runner.invoke(app, ["events", "--db", str(db), "--format", "table"])
    assert table.exit_code == 0 and "events" in table.stdout
    out = runner.invoke(app, ["events", "--db", str(db), "--format", "csv"])
    header = next(csv.reader(io.StringIO(out.stdout)))
    assert tuple(header[:31]) == ACLED_COLUMNS


@pytest.mark.parametrize("fmt", ["acled-csv", "geojson", "parquet", "jsonl"])
def test_export_writes_a_complete_file(ingested, tmp_path, fmt):
    db, _ = ingested
    target = tmp_path / "out" / f"events.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "-o", str(target), "--db", str(db)])
    assert result.exit_code == 0, result.output
    count = len(_events(db))
    if fmt == "acled-csv":
        rows = list(csv.reader(target.open(encoding="utf-8")))
        assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == count + 1
    elif fmt == "geojson":
        assert len(json.loads(target.read_text())["features"]) == count
    elif fmt == "parquet":
        assert pq.read_table(target).num_rows == count
    else:
        assert len(target.read_text().splitlines()) == count
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temp file left


def test_export_failure_leaves_old_file_untouched(ingested, tmp_path, monkeypatch):
    db, _ = ingested
    target = tmp_path / "events.csv"
    target.write_text("previous export\n")

    def broken(events, fmt, stream):
        stream.write("half")
        raise RuntimeError("disk full")

    monkeypatch.setattr("faultline.export.write_events", broken)
    result = runner.invoke(app, ["export", "-o", str(target), "--db", str(db)])
    assert result.exit_code != 0
    assert target.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".events")] == []


def test_show_event_with_history_and_evidence(ingested):
    db, _ = ingested
    merged = next(e for e in _events(db) if len(e["article_ids"]) > 1)
    result = runner.invoke(app, ["show", merged["event_id_cnty"], "--db", str(db)])
    assert result.exit_code == 0, result.output
    history = result.stdout.split("History")[1].split("Sources")[0]
    assert "created" in history
    assert all(f"article {aid} added" in history for aid in merged["article_ids"])
    assert "clashed" in result.stdout.split("Sources")[1]  # the source sentences themselves
    assert "event_type: “clash”" in result.stdout
    as_json = json.loads(runner.invoke(app, ["show", merged["event_id_cnty"], "--db", str(db), "--json"]).stdout)
    assert len(as_json["sources"]) == len(merged["article_ids"])


def test_show_unknown_event_is_one_line_error(ingested):
    db, _ = ingested
    result = runner.invoke(app, ["show", "AFG000000000000", "--db", str(db)])
    assert result.exit_code == 3
    assert "FL-E040" in result.output and "Traceback" not in result.output


def test_unopenable_database_is_one_line_error(tmp_path):
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    result = runner.invoke(app, ["events", "--db", str(bad), "--format", "jsonl"])
    assert result.exit_code == 2 and "FL-E030" in result.output


def test_rejections_are_listed_once_however_often_ingested(tmp_path, monkeypatch):
    monkeypatch.setattr("faultline.store.ingestion._default_pipeline", lambda settings: FakePipeline())
    write_corpus(tmp_path / "news", 2)
    (tmp_path / "news" / "blob.txt").write_bytes(b"\x00\x01\x02" * 50)
    db = str(tmp_path / "db.sqlite")
    for _ in range(2):
        result = runner.invoke(app, ["ingest", str(tmp_path / "news"), "--db", db])
        assert result.exit_code == 0 and "1 rejected" in result.output, result.output
    listed = runner.invoke(app, ["rejections", "--db", db, "--format", "jsonl"])
    assert listed.exit_code == 0, listed.output
    (row,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert row["article_id"].endswith("blob.txt") and row["stage"] == "ingest" and row["code"].startswith("FL-E")
    table = runner.invoke(app, ["rejections", "--db", db, "--format", "table"])
    assert table.exit_code == 0 and "1 rejected inputs" in table.stdout
