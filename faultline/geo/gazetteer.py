"""The gazetteer: a read-only SQLite index of places, names, admin units and countries."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from faultline.errors import GazetteerError
from faultline.geo.names import is_acronym, names_town, norm_key, skeleton

SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places (
    geonameid INTEGER PRIMARY KEY,  -- negative: a unit synthesised from member cities
    name TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    fclass TEXT NOT NULL,
    fcode TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL DEFAULT '',
    admin2 TEXT NOT NULL DEFAULT '',
    population INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS names (norm TEXT NOT NULL, skel TEXT NOT NULL, geonameid INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS admin (
    country TEXT NOT NULL, admin1 TEXT NOT NULL, admin2 TEXT NOT NULL, name TEXT NOT NULL,
    geonameid INTEGER, PRIMARY KEY (country, admin1, admin2)
);
CREATE TABLE IF NOT EXISTS countries (
    iso2 TEXT PRIMARY KEY, iso3 TEXT, numeric INTEGER, name TEXT NOT NULL, geonameid INTEGER,
    latitude REAL, longitude REAL, population INTEGER, capital TEXT, region TEXT
);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_norm ON names (norm);
CREATE INDEX IF NOT EXISTS names_skel ON names (skel);
CREATE INDEX IF NOT EXISTS places_admin ON places (country, fcode, admin1, admin2);
"""
DROP_INDEXES = "DROP INDEX IF EXISTS names_norm; DROP INDEX IF EXISTS names_skel; DROP INDEX IF EXISTS places_admin;"

_PLACE_COLUMNS = "p.geonameid, p.name, p.latitude, p.longitude, p.fclass, p.fcode, p.country, p.admin1, p.admin2, p.population"
# A skeleton match is a candidate when the folded names are this similar (0-100); low because
# the shared skeleton is itself strong evidence ("ishkashim"/"eshkashem" score 78).
FUZZY_CUTOFF = 60.0
# Skeletons shorter than this collide with too many names to mean anything.
MIN_SKELETON = 3
# Room to map the whole index (the embedded one is about 75 MB; loaded dumps are larger).
MMAP_BYTES = 1 << 30


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to, with how well the name matched (0-1)."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    fclass: str
    fcode: str
    country: str
    admin1: str
    admin2: str
    population: int
    score: float = 1.0

    @property
    def feature(self) -> str:
        """GeoNames class.code, e.g. "P.PPL"."""
        return f"{self.fclass}.{self.fcode}"

    @property
    def is_country(self) -> bool:
        """Whether this is a country or dependency."""
        return self.fclass == "A" and self.fcode.startswith("PCL")


@dataclass(frozen=True, slots=True)
class Country:
    """A country's codes, name, approximate centre and ACLED region."""

    iso2: str
    iso3: str | None
    numeric: int | None
    name: str
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    population: int | None
    capital: str | None
    region: str | None


def create_schema(conn: sqlite3.Connection) -> None:
    """Create the tables (and indexes) in an empty database."""
    conn.executescript(SCHEMA)
    conn.executescript(INDEXES)


class Gazetteer:
    """Read-only lookups against the SQLite index; results are cached per name."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise GazetteerError("gazetteer index not found", subject=str(self.path))
        try:
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            # Read through a memory map, not a read() per page: a first lookup of a name reads a few
            # pages scattered over the index.
            self._conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            version = self._conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as error:
            raise GazetteerError(f"not a gazetteer index ({error})", subject=str(self.path)) from error
        if not version or version[0] != SCHEMA_VERSION:
            raise GazetteerError("gazetteer index has an old schema; rebuild it", subject=str(self.path))
        self._lookups: dict[str, tuple[Candidate, ...]] = {}
        self._exact: dict[str, tuple[Candidate, ...]] = {}
        self._countries: dict[str, Country] | None = None
        self._admin: dict[tuple[str, str, str], Candidate | None] = {}
        self._admin_names: dict[tuple[str, str, str], str | None] = {}

    def close(self) -> None:
        """Close the database connection."""
        self._conn.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def meta(self) -> dict[str, str]:
        """Build facts: source, counts, build time."""
        return dict(self._conn.execute("SELECT key, value FROM meta").fetchall())

    def lookup(self, name: str, *, limit: int = 200, exact: bool = False) -> tuple[Candidate, ...]:
        """Entries a name may refer to: exact folded matches (score 1), then transliteration variants.

        With `exact`, the exact matches alone: recognition asks whether a name is known as it stands,
        and the variant search is the costly part of a first lookup.
        """
        found = self._lookup(name, limit=limit, exact=exact)
        if is_acronym(name):
            # "UN", "MoD", "FAO": an acronym names a country or unit ("US", "NY"), a town by its
            # initials ("LA"), or a town whose name is that short ("GAO"); not one of its codes.
            return tuple(c for c in found if c.fclass != "P" or names_town(name, c.name))
        return found

    def _lookup(self, name: str, *, limit: int, exact: bool) -> tuple[Candidate, ...]:
        key = norm_key(name)
        if not key:
            return ()
        if exact:
            matches = self._exact.get(key)
            if matches is None:
                matches = self._exact[key] = tuple(self._exact_matches(key, limit))
            return matches
        found = self._lookups.get(key)
        if found is None:
            found = self._lookups[key] = self._search(key, name, limit)
            # From now on an exact lookup answers with the entries found of score 1.
            self._exact[key] = tuple(c for c in found if c.score == 1.0)
        return found

    def _search(self, key: str, name: str, limit: int) -> tuple[Candidate, ...]:
        """Exact matches of `key` (fetched by an exact lookup already, or now), then transliteration variants."""
        exact_matches = self._exact.get(key)
        if exact_matches is None:
            exact_matches = tuple(self._exact_matches(key, limit))
        best: dict[int, Candidate] = {c.geonameid: c for c in exact_matches}
        skel = skeleton(name)
        if len(skel) >= MIN_SKELETON:
            fuzzy = self._conn.execute(
                f"SELECT {_PLACE_COLUMNS}, n.norm FROM names n JOIN places p ON p.geonameid = n.geonameid "
                "WHERE n.skel = ? AND n.norm != ? LIMIT ?",
                (skel, key, limit * 5),
            )
            for *row, other in fuzzy:
                similarity = fuzz.ratio(key, other)
                if similarity < FUZZY_CUTOFF or row[0] in best and best[row[0]].score >= similarity / 100:
                    continue
                best[row[0]] = Candidate(*row, score=round(similarity / 100, 3))
        return tuple(sorted(best.values(), key=lambda c: (-c.score, -c.population))[:limit])

    def _exact_matches(self, key: str, limit: int) -> Iterator[Candidate]:
        rows = self._conn.execute(
            f"SELECT DISTINCT {_PLACE_COLUMNS} FROM names n JOIN places p ON p.geonameid = n.geonameid "
            "WHERE n.norm = ? ORDER BY p.population DESC LIMIT ?",
            (key, limit),
        )
        return (Candidate(*row, score=1.0) for row in rows)

    def place(self, geonameid: int) -> Candidate | None:
        """The entry with this id."""
        row = self._conn.execute(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.geonameid = ?", (geonameid,)).fetchone()
        return Candidate(*row) if row else None

    def countries(self) -> dict[str, Country]:
        """Every country by ISO2."""
        if self._countries is None:
            rows = self._conn.execute(
                "SELECT iso2, iso3, numeric, name, geonameid, latitude, longitude, population, capital, region FROM countries"
            )
            self._countries = {row[0]: Country(*row) for row in rows}
        return self._countries

    def country(self, iso2: str) -> Country | None:
        """One country by ISO2."""
        return self.countries().get(iso2.upper())

    def admin_unit(self, country: str, admin1: str, admin2: str = "") -> Candidate | None:
        """The ADM1 (or ADM2) entry for these codes, with its coordinates."""
        key = (country, admin1, admin2)
        if key not in self._admin:
            fcode = "ADM2" if admin2 else "ADM1"
            row = self._conn.execute(
                f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.country = ? AND p.fcode = ? AND p.admin1 = ? "
                "AND p.admin2 = ? ORDER BY p.geonameid > 0 DESC LIMIT 1",
                (country, fcode, admin1, admin2),
            ).fetchone()
            self._admin[key] = Candidate(*row) if row else None
        return self._admin[key]

    def admin_name(self, country: str, admin1: str, admin2: str = "") -> str | None:
        """The name of an admin unit from its codes."""
        if not admin1:
            return None
        key = (country, admin1, admin2)
        if key not in self._admin_names:
            row = self._conn.execute(
                "SELECT name FROM admin WHERE country = ? AND admin1 = ? AND admin2 = ?", key
            ).fetchone()
            unit = None if row else self.admin_unit(country, admin1, admin2)
            self._admin_names[key] = row[0] if row else unit.name if unit else None
        return self._admin_names[key]
