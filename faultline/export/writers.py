"""Event writers: ACLED CSV, Faultline CSV, JSONL, JSON, GeoJSON and Parquet.

Text formats write to a text stream; Parquet writes to a binary stream (a text stream with a
`.buffer`, such as sys.stdout, is accepted too). CSV, JSONL, JSON and GeoJSON stream one event at
a time; Parquet buffers `PARQUET_BATCH` events per row group.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from faultline.errors import ExportFormatError
from faultline.model import ACLED_COLUMNS, Event, to_jsonable

# Faultline's scalar additions, appended to ACLED's columns in the `csv` format.
EXTRA_COLUMNS: tuple[str, ...] = (
    "article_ids", "injured", "captured", "participants", "fatalities_low", "fatalities_high",
    "where_prec",
)
# Fields holding records or lists: JSON strings in Parquet.
NESTED_FIELDS: tuple[str, ...] = ("figures", "attribution", "claim", "evidence")
PARQUET_BATCH = 10_000


def _cell(value: Any) -> Any:
    """A CSV cell: None -> empty, tuples -> '; '-joined."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "; ".join(str(v) for v in value)
    return value


def _write_csv(events: Iterable[Event], stream: IO[str], columns: tuple[str, ...]) -> int:
    """CSV with a header row, one event per row."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for event in events:
        writer.writerow([_cell(getattr(event, c)) for c in columns])
        n += 1
    return n


def write_acled_csv(events: Iterable[Event], stream: IO[str]) -> int:
    """Exactly ACLED's 31 columns, in order."""
    return _write_csv(events, stream, ACLED_COLUMNS)


def write_csv(events: Iterable[Event], stream: IO[str]) -> int:
    """ACLED's columns plus Faultline's scalar extras."""
    return _write_csv(events, stream, ACLED_COLUMNS + EXTRA_COLUMNS)


def _dumps(value: Any) -> str:
    """Compact JSON, UTF-8 kept readable."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_jsonl(events: Iterable[Event], stream: IO[str]) -> int:
    """One JSON record (Event.to_record) per line."""
    n = 0
    for event in events:
        stream.write(_dumps(event.to_record()) + "\n")
        n += 1
    return n


def _write_array(items: Iterator[str], stream: IO[str], head: str, tail: str) -> int:
    """Stream pre-serialised JSON items between `head` and `tail`, comma-separated."""
    stream.write(head)
    n = 0
    for item in items:
        stream.write(("," if n else "") + "\n" + item)
        n += 1
    stream.write(("\n" if n else "") + tail)
    return n


def write_json(events: Iterable[Event], stream: IO[str]) -> int:
    """A JSON array of records."""
    return _write_array((_dumps(e.to_record()) for e in events), stream, "[", "]\n")


def feature(event: Event) -> dict[str, Any]:
    """A GeoJSON Feature: flat properties, Point geometry or null when the place is unknown."""
    props: dict[str, Any] = {c: getattr(event, c) for c in ACLED_COLUMNS + EXTRA_COLUMNS}
    props["article_ids"] = "; ".join(event.article_ids)
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    return {"type": "Feature", "id": event.event_id_cnty, "geometry": geometry, "properties": props}


def write_geojson(events: Iterable[Event], stream: IO[str]) -> int:
    """A GeoJSON FeatureCollection (RFC 7946, WGS84 lon/lat) that QGIS opens directly."""
    head = '{"type":"FeatureCollection","features":['
    return _write_array((_dumps(feature(e)) for e in events), stream, head, "]}\n")


def _parquet_schema() -> Any:
    """The Parquet schema: ACLED columns typed, extras, nested fields as JSON strings."""
    import pyarrow as pa

    ints = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
            "fatalities", "timestamp", "injured", "captured", "participants", "fatalities_low",
            "fatalities_high", "where_prec"}
    floats = {"latitude", "longitude"}
    fields = []
    for name in ACLED_COLUMNS + EXTRA_COLUMNS + NESTED_FIELDS:
        kind = pa.int64() if name in ints else pa.float64() if name in floats else pa.string()
        if name == "article_ids":
            kind = pa.list_(pa.string())
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


def _parquet_row(event: Event) -> dict[str, Any]:
    """One event as a Parquet row: nested fields serialised as JSON."""
    row = {c: getattr(event, c) for c in ACLED_COLUMNS + EXTRA_COLUMNS}
    row["article_ids"] = list(event.article_ids)
    for name in NESTED_FIELDS:
        row[name] = _dumps(to_jsonable(getattr(event, name)))
    return row


def write_parquet(events: Iterable[Event], stream: IO[bytes]) -> int:
    """Parquet (one row group per PARQUET_BATCH events) to a binary stream."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if isinstance(stream, io.TextIOBase):
        stream = stream.buffer  # type: ignore[attr-defined]
    schema = _parquet_schema()
    n, batch = 0, []
    with pq.ParquetWriter(stream, schema) as writer:
        for event in events:
            batch.append(_parquet_row(event))
            n += 1
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        # Always write the last (possibly empty) batch so an empty export is a valid file.
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return n


WRITERS: dict[str, Callable[[Iterable[Event], Any], int]] = {
    "acled-csv": write_acled_csv,
    "csv": write_csv,
    "jsonl": write_jsonl,
    "json": write_json,
    "geojson": write_geojson,
    "parquet": write_parquet,
}
FORMATS: tuple[str, ...] = tuple(WRITERS)
BINARY_FORMATS: frozenset[str] = frozenset({"parquet"})


def write_events(events: Iterable[Event], fmt: str, stream: IO[Any]) -> int:
    """Write events to `stream` in format `fmt`; returns how many were written."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise ExportFormatError(
            f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}", subject=fmt
        ) from None
    return writer(events, stream)
