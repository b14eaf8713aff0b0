"""What the rest of an article says about each place name: its mention, support from other names,
the units that enclose it, the lists it stands in; and the precision a reading earns."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise

from rapidfuzz import fuzz

from faultline.geo.gazetteer import Candidate
from faultline.geo.names import fold, norm_key
from faultline.model import Toponym

# A weak reading this close to a town named in its sentence is supported by it (see drop_unsupported).
SUPPORT_KM = 300
# A town this small found only in a country the article does not otherwise name is a lookalike.
STRAY_VILLAGE_POPULATION = 5000
# So is a town found only through another of its names ("Boni" is listed for Bonn), unless it is a
# city this large, whose exonyms news uses ("Kiev", "Calcutta"); a written name this close to its own
# name, or to a word of it ("Raqqa" for Ar Raqqah), is a spelling of it, not another name.
EXONYM_CITY_POPULATION = 1_000_000
OTHER_NAME_SIMILARITY = 80
# Hints of a unit small enough that a same-name town inside it is local news, not a coincidence.
LOCAL_UNITS = frozenset({"county", "parish"})
SAME_ADMIN2, SAME_ADMIN1 = 2.5, 0.5
# A populated place found only through an alternate name unlike its own ("Ohio" for Brooklyn, Ohio).
ALT_NAME_PENALTY = 1.5
# A country or ADM1 makes a same-name town a namesake (see is_namesake) only when this many times larger.
NAMESAKE_RATIO = 10
# GeoNames' code for a former first-order division (Kenya's provinces before 2013: features.csv).
FIRST_ORDER = frozenset({"ADM1", "ADM1H"})
_WATER = frozenset({"SEA", "OCN", "LK", "BAY", "GULF", "STRT", "CHN", "SD", "LGN", "RSV"})
# What may stand between a place and the unit enclosing it: "X, Y district", "X in Y", "X, a village in Y".
# "the North York area of Toronto" too: a part of a town. A bare line break is no such link: a
# headline's last name is not inside the dateline's city under it.
ENCLOSED_GAP = re.compile(r"^(?!\s*\n\s*$)\s*,?\s*(?:in\s+(?=(?:a|an|the)\s))?"
                          r"(?:(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?\s+|(?:area|part|suburb|outskirts"
                          r"|neighbou?rhood|quarter|section)\s+(?=of|in))?(?:in|of)?\s*,?\s*(?:the\s+)?$")
# After the last name of "X, Y": "X, Y and Z" lists peers; "X, Y" alone qualifies X.
_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:and|or|&)\s")
# What stands between the members of a list ("A, B and C", "A or B"); a conjunction makes it a list.
_LIST_GAP = re.compile(r"^(?!\s*\n\s*$)\s*(?:,\s*)?(?:(?:and|or|&)\s+)?(?:the\s+)?$")
_CONJUNCTION = re.compile(r"\b(?:and|or)\b|&")
# A plural feature word after a list gives each member its kind: "Butler, Clark or Warren counties".
_PLURAL_KINDS = {"counties": "county", "parishes": "parish", "districts": "district", "provinces": "province",
                 "regions": "region", "states": "province", "governorates": "province", "oblasts": "province"}
_PLURAL_AFTER = re.compile(rf"\s+({'|'.join(_PLURAL_KINDS)})\b")
# Where one sentence ends and the next begins (an abbreviation's full stop may pass for one).
_SENTENCE_END = re.compile(r"[.!?]['\"”’]?\s+(?=[A-Z\"“‘])|\n")
@dataclass(slots=True)
class Mention:
    """One toponym being resolved: its lookup name, candidates and current choice."""

    toponym: Toponym
    name: str
    hint: str | None
    near: bool
    candidates: list[Candidate]
    # The candidates are of a place enclosing the one written (a landmark's town, "North Dallas" ->
    # Dallas): a reading keeps the written name, at a coarser precision.
    part_of: bool = False
    # The choice is a weak reading (a fuzzy match, or a landmark's first words as a town): kept only
    # when the text supports its country (see drop_unsupported).
    needs_support: bool = False
    # (country, admin1) -> population of the first-order units with exactly this name: the town
    # they are named after is what news means (see resolver._names_seat).
    named_units: Mapping[tuple[str, str], int] = field(default_factory=dict)
    # (country, admin1) of the countries ((iso2, "")) and ADM1 units this name names, and whether it
    # names a continent or region: a same-name town elsewhere is then a namesake, a weak reading.
    big_units: frozenset[tuple[str, str]] = frozenset()
    big_population: int = 0
    names_area: bool = False
    # ISO2 of the country the words before it name: a country adjective ("Afghan Badakhshan") or the
    # country as possessor ("Afghanistan's Badakhshan"). Its readings in that country are all it keeps.
    stated_country: str | None = None
    # Towns the unit its hint names may be named after ("Ishkashim district"): its readings when no
    # unit reading lies where the text puts it (see fitting_readings).
    stand_ins: list[Candidate] = field(default_factory=list)
    inside_of: tuple[int, ...] = ()  # mentions this one encloses ("X, Darvaz district, Badakhshan")
    listed: bool = False  # its chain goes on with "and"/"or": a list of peers, not "town, state"
    peers: tuple[int, ...] = ()  # the other members of a list it is in ("A, B and C")
    choice: Candidate | None = None
    # Per candidate id: how many of the article's other names could lie in the same admin unit.
    support: dict[int, float] | None = None
    # Ids of candidates sharing a county with a reading of another name: local, never namesakes.
    local: frozenset[int] = frozenset()
    # Read once from the candidates, asked of each of them at every scoring pass: the largest town
    # with the written name as its own, and the largest exactly named town per country.
    own_name_population: int | None = None
    largest_towns: Mapping[str, int] = field(default_factory=dict)


def name_fit(c: Candidate, written: str, *, seat: bool = False) -> float:
    """Penalty for a candidate whose own name differs from the name written.

    "Kansas" is not "Kansas City" (the folded keys agree only because "city" is a generic word), and
    an entry found only through an odd alternate name ("Ohio" for Brooklyn, Ohio) is a weak reading.
    Countries and admin units keep their official names ("U.S.", "Badakhshan"), so only the "city"
    rule applies to them, and so does a `seat`, the town a unit of the written name is named after
    ("Gedaref" for Al Qadarif).
    """
    own, said = fold(c.name).split(), fold(written).split()
    penalty = -2.0 if ("city" in own) != ("city" in said) else 0.0
    if c.fclass == "P" and not seat and fuzz.ratio(norm_key(c.name), norm_key(written)) < 70:
        penalty -= ALT_NAME_PENALTY
    return penalty


def is_namesake(c: Candidate, mention: Mention) -> bool:
    """Whether c is a town or district sharing its name with a country, first-order division or region elsewhere.

    "California", "Mexico" or "Middle East" written bare name the big unit; the same-name towns in
    Missouri or Maine (or Texas County, Missouri) are what the text means only when local evidence
    says so, never because the article is about their country. A town in the unit of its name
    ("New York", "Kunduz") and a capital are not namesakes, nor is a town that shares its county with
    another name of the article ("Lebanon" beside "Boone County": the Lebanon in Boone County).
    """
    if unit_rank(c) > 2 or c.fcode == "PPLC" or c.geonameid in mention.local:
        return False
    if mention.names_area:
        return True
    if not mention.big_units or c.population * NAMESAKE_RATIO > mention.big_population:
        return False  # a parish of 26,000 does not overshadow a town of 15,000
    return (c.country, c.admin1) not in mention.big_units and (c.country, "") not in mention.big_units


def is_home_namesake(c: Candidate, mention: Mention, chosen: Sequence[Candidate]) -> bool:
    """Whether c, a town named after a big unit abroad, lies in the one state that holds the article's other places.

    A local story names its state and the state's towns: "Palestine" beside only "Texas" and Texan
    towns is the Texas town, not the country whose name it shares (see is_namesake). A unit of the
    town's own country keeps its name ("Kansas" in an Illinois story is the state).
    """
    if not c.admin1 or not mention.big_units or any(country == c.country for country, _ in mention.big_units):
        return False
    places = [o for o in chosen if not (o.is_country and o.country == c.country)]
    return bool(places) and all((o.country, o.admin1) == (c.country, c.admin1) for o in places)


def supports(mentions: list[Mention]) -> None:
    """For each candidate, the share of the article's other names with a reading in the same ADM1 or ADM2.

    Local news names several small places of one state: "Paris" and "Henry County" each exist in a
    dozen states but together only in Tennessee. A name with readings in many states says little, so
    each name counts 1/sqrt(states it may be in). A county the article names ("Boone County") counts
    by how few of its namesakes hold this name too: one Boone County with a Lebanon is strong evidence,
    and makes even the namesake town of exactly the written name local (see is_namesake). Other names
    sharing a county ("Houston" and "Texas" in Texas County) are too often coincidence for that.
    """
    keys = []
    # A guess (see drop_unsupported) is no evidence either: it stands only where the others place it.
    for mention in (m for m in mentions if not m.needs_support):
        # A namesake town ("Italy, Maine") is no evidence that the article is local to Maine.
        readings = [c for c in mention.candidates if not is_namesake(c, mention)]
        admin1 = {(c.country, c.admin1) for c in readings if c.admin1 and not c.is_country}
        admin2 = {(c.country, c.admin1, c.admin2) for c in readings if c.admin2}
        keys.append((fold(mention.name), admin1, admin2, mention.hint in LOCAL_UNITS))
    for mention in mentions:
        own = fold(mention.name)
        own_admin2 = {(c.country, c.admin1, c.admin2) for c in mention.candidates if c.admin2}
        seen: dict[str, tuple[set, set, bool]] = {}
        for name, admin1, admin2, county in keys:
            if name != own and admin1:
                seen.setdefault(name, (admin1, admin2, county))
        support: dict[int, float] = {}
        local = set()
        for c in mention.candidates:
            if c.is_country or not c.admin1:
                continue
            total = 0.0
            for admin1, admin2, county in seen.values():
                if c.admin2 and (c.country, c.admin1, c.admin2) in admin2:
                    total += SAME_ADMIN2 / math.sqrt(len(admin2 & own_admin2) if county else len(admin1))
                    if county and fold(c.name) == own:
                        local.add(c.geonameid)
                elif (c.country, c.admin1) in admin1:
                    total += SAME_ADMIN1 / math.sqrt(len(admin1))
            support[c.geonameid] = total
        mention.support = support
        mention.local = frozenset(local)


def drop_unsupported(mentions: list[Mention], demonyms: Counter[str], text: str) -> None:
    """Unresolve weak readings the text gives no reason to believe.

    A fuzzy match ("Pansi" -> Pasni) or a landmark's first words read as a town ("Victoria Station"
    -> Victoria, Australia) is a guess. It stands in the country the article is about (the one its
    exact readings and demonyms name most), in the country a country adjective or possessor before
    it names, in the country of another guess (two weak readings of different names that agree on a
    country support each other), or near a town named in its sentence (a border district across
    from it). Elsewhere it is a lookalike: "Kibera" in a story about Nairobi is no Kibara, Tanzania,
    though the story names Tanzania in passing or, in another sentence, Kisumu across Lake Victoria.
    """
    # The readings as they stand before any is dropped, so the order of the mentions does not matter.
    chosen = [(m, m.choice) for m in mentions if m.choice is not None]
    districts = {fold(m.name) for m in mentions if m.hint == "district"}
    stray = partial(_lookalike, chosen=chosen, districts=districts)
    # A lookalike supports no other reading ("Chin village" read as Qinzhou, China, no guess there)
    strays = {id(m) for m, c in chosen if stray(m, c)}
    for mention in mentions:
        if mention.choice is None or not (mention.needs_support or id(mention) in strays):
            continue
        # The whole a part names ("Israel" for "Central Israel") written apart is independent evidence.
        others = [(m, c) for m, c in chosen
                  if fold(m.toponym.text) != fold(mention.toponym.text) and id(m) not in strays]
        named = Counter(c.country for m, c in others if not m.needs_support) + demonyms
        # (guesses support guesses, not a lookalike of a place the gazetteer has)
        guessed = [c for m, c in others if m.needs_support] if id(mention) not in strays else []
        beside = [c for m, c in others if c.fclass == "P" and _same_sentence(text, mention.toponym, m.toponym)]
        supported = partial(_supported, named=named, guessed=guessed, stated=mention.stated_country, towns=beside)
        if not supported(mention.choice):
            # Its best supported reading: candidates come best match first (see Geocoder._mention).
            mention.choice = next((c for c in mention.candidates
                                   if supported(c) and not stray(mention, c)), None)


def _lookalike(mention: Mention, c: Candidate, *, chosen: list[tuple[Mention, Candidate]],
                   districts: set[str]) -> bool:
    """A village in a country no other place of the article lies in, while others do lie somewhere:
    "the village of Sokoura" in a story about Mali is a Malian village the gazetteer lacks, not the
    Ivorian one it has; nor is "Boni" there the Bonn GeoNames also lists so, nor "Kani township" in a
    story about Myanmar the Japanese town of Kani. It is then as weak as a guess (see drop_unsupported)."""
    countries = {o.country for m, o in chosen if o.geonameid != c.geonameid and o.country and not m.needs_support}
    if c.fclass != "P" or not countries or c.country in countries:
        return False
    written = norm_key(mention.name)
    other_name = all(fuzz.ratio(norm_key(own), written) < OTHER_NAME_SIMILARITY
                     for own in (c.name, *fold(c.name).split()))
    # A town standing in for a district of its name ("Kani township") is local news: abroad, a lookalike,
    # and so is the town wherever the article names it again ("the fighting in Kani").
    stand_in = fold(mention.name) in districts
    return c.population < STRAY_VILLAGE_POPULATION or stand_in or other_name and c.population < EXONYM_CITY_POPULATION


def _supported(c: Candidate, *, named: Counter[str], guessed: list[Candidate], stated: str | None,
               towns: list[Candidate]) -> bool:
    """Whether a weak reading lies where the text supports it (see drop_unsupported).

    `named` counts the countries of the article's exact readings and demonyms ("" for regions, seas
    and continents, which any other such name supports); `guessed` holds its other guesses, which support
    one in their part of their country (two Tajik villages spelt anew; not "Ocalan" and "Sharanish" read as
    lookalikes in Pennsylvania and California).
    """
    if c.country == stated or any(g.country == c.country and (g.admin1 == c.admin1 or haversine_km(
            c.latitude, c.longitude, g.latitude, g.longitude) < SUPPORT_KM) for g in guessed):
        return True
    countries = Counter({country: count for country, count in named.items() if country})
    in_focus = countries[c.country] == max(countries.values(), default=0) > 0 if c.country else named[""] > 0
    return in_focus or any(haversine_km(c.latitude, c.longitude, o.latitude, o.longitude) < SUPPORT_KM for o in towns)


def _same_sentence(text: str, a: Toponym, b: Toponym) -> bool:
    """Whether no sentence ends between two names."""
    first, second = sorted((a, b), key=lambda t: t.start)
    return not _SENTENCE_END.search(text, first.end, max(first.end, second.start))


def fitting_readings(readings: list[Candidate], stand_ins: list[Candidate],
             keep: Callable[[Candidate], bool]) -> list[Candidate]:
    """The readings `keep` accepts, or else the stand-in towns it accepts (a district named after its town)."""
    return [c for c in readings if keep(c)] or [c for c in stand_ins if keep(c)]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def precision_codes(candidate: Candidate, *, near: bool) -> tuple[int, int]:
    """ACLED geo_precision and UCDP where_prec for a resolved candidate."""
    if candidate.is_country:
        return 3, 6
    if candidate.fcode in ("CONT", "RGN", "ISL", "MTS", "STM", "VAL", "DSRT", "PLAT") or \
            candidate.fclass == "L" and candidate.fcode != "PRK":
        return 3, 5  # (a river's or a valley's point is one of hundreds of kilometres of it)
    if candidate.fcode in FIRST_ORDER:
        return 3, 4
    if candidate.fcode.startswith("ADM"):
        return 2, 3
    if candidate.fclass == "H" and candidate.fcode in _WATER:
        return 2, 7
    return (2, 2) if near else (1, 1)


def coarser(candidate: Candidate) -> tuple[int, int]:
    """Precision for a place known only through the unit (or town) enclosing it."""
    geo, where = precision_codes(candidate, near=True)
    return max(geo, 2), max(where, 2)


def inside(c: Candidate, unit: Candidate) -> bool:
    """Whether a candidate can lie within a unit written after it (a list like "Takhar, Kunduz" always can)."""
    if unit_rank(c) > unit_rank(unit) or unit_rank(c) == unit_rank(unit) and unit.fclass != "P":
        return True
    if unit.is_country:
        return c.country == unit.country
    if unit.fcode == "ADM1":
        return (c.country, c.admin1) == (unit.country, unit.admin1)
    if unit.fcode == "ADM2":
        return (c.country, c.admin1, c.admin2) == (unit.country, unit.admin1, unit.admin2)
    # A place written before a town ("X, Y", "the X area of Y") is a part of it or its neighbour.
    return unit.fclass != "P" or c.country == unit.country


def _within(c: Candidate, unit: Candidate) -> bool:
    """Whether c lies in a larger unit ("Palestine, Texas": the Palestine in Texas)."""
    return unit_rank(c) < unit_rank(unit) and inside(c, unit)


def is_qualified(mention: Mention, others: list[Mention], c: Candidate | None = None) -> bool:
    """Whether a unit written right after the mention ("Palestine, Texas") contains c (default: its choice)."""
    c = c or mention.choice
    if mention.listed or c is None:
        return False
    return any(m.choice is not None and id(mention) in m.inside_of and _within(c, m.choice) for m in others)


def unit_rank(c: Candidate) -> int:
    return 4 if c.is_country else 3 if c.fcode in FIRST_ORDER else 2 if c.fcode == "ADM2" else 1


def link_enclosing(mentions: list[Mention], text: str) -> None:
    """Record, for each mention, the earlier mentions it follows in a chain like "X, Y district, Z"."""
    ordered = sorted(mentions, key=lambda m: m.toponym.start)
    chains: list[list[Mention]] = []
    for mention in ordered:
        chain = chains[-1] if chains else []
        gap = text[chain[-1].toponym.end:mention.toponym.start] if chain else None
        if gap is not None and len(gap) <= 40 and ENCLOSED_GAP.match(gap):
            mention.inside_of = tuple(id(m) for m in chain)
            chain.append(mention)
        else:
            chains.append([mention])
    for chain in chains:
        if len(chain) > 1 and _LIST_GOES_ON.match(text, chain[-1].toponym.end):
            for mention in chain:
                mention.listed = True


def peer_lists(toponyms: Sequence[Toponym], text: str) -> list[tuple[list[int], str | None]]:
    """The lists among the toponyms ("A, B and C", "A or B"), as indexes in text order, each with the kind
    a plural after it gives its members ("Butler or Warren counties")."""
    runs: list[list[int]] = []
    for index in sorted(range(len(toponyms)), key=lambda i: toponyms[i].start):
        gap = text[toponyms[runs[-1][-1]].end:toponyms[index].start] if runs else None
        if gap is not None and len(gap) <= 12 and _LIST_GAP.match(gap):
            runs[-1].append(index)
        else:
            runs.append([index])
    lists: list[tuple[list[int], str | None]] = []
    for run in runs:
        # "Paris, Texas" alone is no list: a conjunction makes one.
        if any(_CONJUNCTION.search(text[toponyms[a].end:toponyms[b].start]) for a, b in pairwise(run)):
            plural = _PLURAL_AFTER.match(text, toponyms[run[-1]].end)
            lists.append((run, _PLURAL_KINDS[plural.group(1)] if plural else None))
    return lists


def follow_qualified(mentions: list[Mention]) -> None:
    """Give a bare name the reading the text qualified elsewhere ("Brooklyn, New York" ... "Brooklyn").

    An article means one place by one name; the mention with its unit written after it says which.
    """
    qualified: dict[str, set[Candidate]] = {}
    for mention in mentions:
        if is_qualified(mention, mentions):
            qualified.setdefault(fold(mention.name), set()).add(mention.choice)
    for mention in mentions:
        readings = qualified.get(fold(mention.name), set())
        if len(readings) == 1 and not is_qualified(mention, mentions):
            reading = next(iter(readings))
            if reading in mention.candidates:
                mention.choice = reading


