"""`faultline extract` from the command line: formats, bad input, statements."""

import csv
import io
import json

from typer.testing import CliRunner

from faultline.cli import app
from faultline.model import ACLED_COLUMNS

ATTACK = (
    "Gunmen stormed a police checkpoint in Kandahar on Tuesday, killing four policemen, "
    "provincial officials said. Two attackers were also killed in the gunfight.\n"
)
FORECAST = "Officials warned that insurgents may attack the city again before the elections.\n"


def run(*args):
    return CliRunner().invoke(app, ["extract", "--published", "2026-03-12", *args])


def test_jsonl_records_have_acled_columns_and_evidence(tmp_path):
    article = tmp_path / "kandahar.txt"
    article.write_text(ATTACK, encoding="utf-8")
    result = run("--format", "jsonl", str(article))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(records) == 1
    record = records[0]
    assert list(record)[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert record["event_date"] == "2026-03-10"
    assert record["fatalities"] == 6
    assert record["country"] == "Afghanistan"
    for item in record["evidence"]:
        assert ATTACK[item["start"]:item["end"]] == item["text"]


def test_bad_inputs_are_named_on_stderr_and_good_ones_still_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ATTACK, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    result = run("--format", "jsonl", str(empty), str(binary), str(good))
    assert result.exit_code == 0
    assert "empty.txt" in result.stderr and "photo.txt" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert len([line for line in result.stdout.splitlines() if line.strip()]) == 1


def test_nothing_readable_exits_non_zero(tmp_path):
    missing = tmp_path / "missing.txt"
    result = run("--format", "jsonl", str(missing))
    assert result.exit_code != 0
    assert "missing.txt" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_all_mentions_shows_non_events_with_their_modality(tmp_path):
    article = tmp_path / "mixed.txt"
    article.write_text(ATTACK + "\n" + FORECAST, encoding="utf-8")
    result = run("--format", "jsonl", "--all-mentions", str(article))
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    events = [r for r in records if r.get("record_type") != "mention"]
    mentions = [r for r in records if r.get("record_type") == "mention"]
    assert len(events) == 1
    forecast = [m for m in mentions if "before the elections" in m["sentence"]["text"]]
    assert forecast and forecast[0]["modality"] == "forecast"


def test_csv_has_the_acled_header_and_geojson_is_a_feature_collection(tmp_path):
    article = tmp_path / "kandahar.txt"
    article.write_text(ATTACK, encoding="utf-8")
    as_csv = run("--format", "csv", str(article))
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert tuple(rows[0][: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert len(rows) == 2
    as_geojson = json.loads(run("--format", "geojson", str(article)).stdout)
    assert as_geojson["type"] == "FeatureCollection"
    assert as_geojson["features"][0]["geometry"]["type"] == "Point"
