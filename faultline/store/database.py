"""The SQLite connection: WAL, foreign keys, numbered migrations, explicit transactions."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from faultline.errors import StoreError

MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


def load_migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every packaged migration, in order."""
    folder = resources.files("faultline.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _now() -> str:
    """UTC now, ISO seconds."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations not yet recorded in schema_version; returns the schema version."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    current = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
    for version, name, sql in load_migrations():
        if version <= current:
            continue
        # executescript commits implicitly, so wrap the script in its own transaction.
        conn.executescript(
            f"BEGIN;\n{sql}\nINSERT INTO schema_version VALUES ({version}, '{name}', '{_now()}');\nCOMMIT;"
        )
        current = version
    return current


def open_database(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the event database at `path`."""
    path = Path(path)
    try:
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: every transaction is opened explicitly by `transaction`.
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable at checkpoint, never corrupt
        conn.execute("PRAGMA busy_timeout = 10000")
        migrate(conn)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open the event database: {error}", subject=str(path)) from error
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: everything inside commits together or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
