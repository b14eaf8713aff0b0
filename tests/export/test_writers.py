"""write_events: every format round-trips through a plain reader."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from faultline.dedup import build_event
from faultline.errors import ExportFormatError, FaultlineError
from faultline.export import EXTRA_COLUMNS, write_events
from faultline.model import ACLED_COLUMNS
from tests.dedup.factory import killed, mention


@pytest.fixture()
def events():
    placed = build_event([mention("a", figures=(killed(3, "soldiers", "officials"),), source="Reuters"),
                          mention("b", figures=(killed(4, "people"),), source="AFP, Kabul")])
    unplaced = build_event([mention("c", where=None, written="Ghost Valley", sub="Attack",
                                    actor2="Civilians (Afghanistan)")])
    return [placed, unplaced]


def _text(events, fmt):
    buf = io.StringIO()
    n = write_events(events, fmt, buf)
    return n, buf.getvalue()


def test_acled_csv_has_exactly_31_columns_in_order(events):
    n, text = _text(events, "acled-csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert n == 2 and len(rows) == 3
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows[0]) == 31
    row = dict(zip(rows[0], rows[1]))
    assert row["fatalities"] == "3" and row["source"] == "AFP, Kabul; Reuters"
    assert row["latitude"] == "34.4265"
    empty = dict(zip(rows[0], rows[2]))
    assert empty["latitude"] == "" and empty["location"] == "Ghost Valley"


def test_csv_adds_faultline_extras(events):
    _, text = _text(events, "csv")
    header, first, _ = list(csv.reader(io.StringIO(text)))
    assert tuple(header) == ACLED_COLUMNS + EXTRA_COLUMNS
    row = dict(zip(header, first))
    assert row["article_ids"] == "a; b" and row["fatalities_high"] == "4" and row["where_prec"] == "1"


def test_jsonl_and_json_round_trip(events):
    _, text = _text(events, "jsonl")
    records = [json.loads(line) for line in text.splitlines()]
    assert records == [e.to_record() for e in events]
    _, text = _text(events, "json")
    assert json.loads(text) == records
    assert json.loads(_text([], "json")[1]) == []


def test_geojson_keeps_unplaced_events_with_null_geometry(events):
    _, text = _text(events, "geojson")
    doc = json.loads(text)
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 2
    first, second = doc["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [70.4515, 34.4265]}
    assert first["properties"]["event_id_cnty"] == events[0].event_id_cnty
    assert second["geometry"] is None and second["properties"]["location"] == "Ghost Valley"


def test_parquet_reads_back_with_nested_json(events, tmp_path):
    path = tmp_path / "events.parquet"
    with path.open("wb") as fh:
        assert write_events(events, "parquet", fh) == 2
    table = pq.read_table(path)
    assert table.column_names[:31] == list(ACLED_COLUMNS)
    rows = table.to_pylist()
    assert rows[0]["fatalities"] == 3 and rows[0]["article_ids"] == ["a", "b"]
    assert json.loads(rows[0]["figures"])[0]["count"] == 3
    assert rows[1]["latitude"] is None


def test_empty_parquet_is_valid(tmp_path):
    path = tmp_path / "empty.parquet"
    with path.open("wb") as fh:
        write_events([], "parquet", fh)
    assert pq.read_table(path).num_rows == 0


def test_streaming_consumes_a_generator_once(events):
    seen = []

    def gen():
        for e in events:
            seen.append(e.event_id_cnty)
            yield e

    assert _text(gen(), "jsonl")[0] == 2 and len(seen) == 2


def test_unknown_format_is_a_typed_error(events):
    with pytest.raises(ExportFormatError) as err:
        write_events(events, "xlsx", io.StringIO())
    assert isinstance(err.value, FaultlineError) and "acled-csv" in err.value.one_line()
    assert err.value.code == "FL-E061"
