"""Writing a gazetteer index atomically: build in a temp file beside the target, then os.replace."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from faultline.errors import GazetteerError
from faultline.geo.gazetteer import DROP_INDEXES, INDEXES, SCHEMA, SCHEMA_VERSION
from faultline.geo.names import is_code_for, is_latin, norm_key, skeleton_of_key

PlaceRow = tuple[int, str, float, float, str, str, str, str, str, int]
BATCH_ROWS = 20_000


def name_keys(names: Iterable[str]) -> set[tuple[str, str]]:
    """(norm, skeleton) keys of the Latin-script names among `names`, deduplicated."""
    keys = {norm_key(name) for name in set(names) if name and is_latin(name)}
    keys.discard("")
    return {(key, skeleton_of_key(key)) for key in keys}


class IndexWriter:
    """Fills a new index (optionally starting from a copy of the current one) and swaps it in.

    An exception or interrupt inside the `with` block deletes the temp file, so the index at
    `target` is either the old one or the complete new one, never a half-written one.
    """

    def __init__(self, target: Path, *, start_from_existing: bool = False, source: str) -> None:
        self.target = Path(target)
        self.start_from_existing = start_from_existing
        self.source = source
        self._places: list[PlaceRow] = []
        self._names: list[tuple[str, str, int]] = []
        self.place_count = 0
        self.name_count = 0

    def __enter__(self) -> IndexWriter:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=self.target.name + ".", suffix=".tmp", dir=self.target.parent)
        os.close(handle)
        self.tmp = Path(tmp)
        try:
            if self.start_from_existing and self.target.is_file():
                shutil.copyfile(self.target, self.tmp)
            self.conn = sqlite3.connect(self.tmp)
            # The temp file is thrown away on any failure, so durability per statement buys nothing.
            self.conn.execute("PRAGMA journal_mode = OFF")
            self.conn.execute("PRAGMA synchronous = OFF")
            self.conn.execute("PRAGMA cache_size = -65536")
            self.conn.executescript(SCHEMA)
            # Bulk loading is several times faster without indexes; they are rebuilt at the end.
            self.conn.executescript(DROP_INDEXES)
        except (OSError, sqlite3.DatabaseError) as error:
            self._discard()
            raise GazetteerError(f"cannot write gazetteer index ({error})", subject=str(self.target)) from error
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        if kind is not None:
            self._discard()
            return
        try:
            self.flush()
            self.conn.executescript(INDEXES)
            stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            facts = {"schema": SCHEMA_VERSION, "source": self.source, "built": stamp}
            for table in ("places", "names", "countries", "admin"):
                facts[f"{table}_rows"] = str(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            self.conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", facts.items())
            self.conn.commit()
            self.conn.close()
            os.chmod(self.tmp, 0o644)  # mkstemp makes it owner-only; the index is shared data
            os.replace(self.tmp, self.target)
        except BaseException as failure:
            self._discard()
            if isinstance(failure, (OSError, sqlite3.DatabaseError)):
                raise GazetteerError(f"cannot write gazetteer index ({failure})", subject=str(self.target)) from failure
            raise

    def _discard(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            conn.close()
        self.tmp.unlink(missing_ok=True)

    def add_place(self, row: PlaceRow, names: Iterable[str]) -> None:
        """Queue one place and its names (all spellings; non-Latin ones and a town's codes are skipped)."""
        self._places.append(row)
        gid, name, fclass = row[0], row[1], row[4]
        if fclass == "P":
            names = [alias for alias in names if alias == name or not is_code_for(alias, name)]
        self._names.extend((norm, skel, gid) for norm, skel in name_keys(names))
        if len(self._places) >= BATCH_ROWS:
            self.flush()

    def add_names(self, rows: Iterable[tuple[int, str]]) -> int:
        """Add alternate names for places already in the index; returns how many were kept."""
        batch = [(norm, skel, gid, gid) for gid, name in rows for norm, skel in name_keys([name])]
        before = self.conn.total_changes
        self.conn.executemany(
            "INSERT INTO names SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM places WHERE geonameid = ?)", batch
        )
        kept = self.conn.total_changes - before
        self.name_count += kept
        return kept

    def flush(self) -> None:
        """Write queued rows."""
        if self._places:
            self.conn.executemany("INSERT OR REPLACE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self._places)
            self.place_count += len(self._places)
        if self._names:
            self.conn.executemany("INSERT INTO names VALUES (?, ?, ?)", self._names)
            self.name_count += len(self._names)
        self._places.clear()
        self._names.clear()

    def execute(self, sql: str, params: Iterable[object] = ()) -> sqlite3.Cursor:
        """Run one statement on the new index (flushing queued rows first)."""
        self.flush()
        return self.conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Iterable[object]]) -> None:
        """Run one statement per row on the new index."""
        self.flush()
        self.conn.executemany(sql, rows)
