"""Toponym resolution: rank gazetteer candidates by the article's context, with honest precision codes."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from faultline.geo.context import (
    ENCLOSED_GAP,
    EXONYM_CITY_POPULATION,
    FIRST_ORDER,
    LOCAL_UNITS,
    NAMESAKE_RATIO,
    Mention,
    coarser,
    drop_unsupported,
    fitting_readings,
    follow_qualified,
    haversine_km,
    inside,
    is_home_namesake,
    is_namesake,
    is_qualified,
    link_enclosing,
    name_fit,
    peer_lists,
    precision_codes,
    supports,
    unit_rank,
)
from faultline.geo.gazetteer import Candidate, Gazetteer
from faultline.geo.name_words import (
    CAPITAL,
    FACILITIES,
    FEATURE_WORDS,
    LANDMARK,
    NATIONAL_AREA,
    PART_OF,
    countries_named,
    demonym_country,
    is_demonym,
    load_place_words,
)
from faultline.geo.names import fold, norm_key
from faultline.model import Place, Toponym, Unresolved
from faultline.model import Span as TextSpan

# Place.feature of a demonym resolved to the country it names (resolve_all(..., demonyms=True)).
DEMONYM = "demonym"
# Candidates considered per toponym after the name lookup (best prior first).
MAX_CANDIDATES = 40
# Feature words that, written after a name ("Douglas County"), say what kind of place it is.
_SUFFIX_HINTS = frozenset({"county", "parish", "district", "province", "region", "oblast", "governorate", "valley",
                           "territory", "township"})
# Transliteration variants below this similarity are too often other places ("Darvaz"/"Odrowaz").
FUZZY_ACCEPT = 0.75
# A unit's name this long and this close to a written name is a transliteration of it.
RESPELLED_MIN_LENGTH, RESPELLED_SCORE = 10, 0.93
# What a town found through another of its names loses to a same-size town of the written name (see _outnamed).
OUTNAMED_PENALTY = 0.5
# A town spelt like a first-order unit it lies in (this similar, 0-100) and holding this share of the
# unit's people is the unit's seat (see _names_seat).
SEAT_SHARE, SEAT_SPELLING = 10, 50
# A town this large may stand for the landmark named after it without support ("London Bridge").
LANDMARK_CITY_POPULATION = 250_000
# Label hints -> GeoNames feature classes/codes that fit them.
_HINT_FITS = {
    "province": ("ADM1", "ADM1H"), "region": ("ADM1", "ADM1H", "RGN", "CONT"), "district": ("ADM2", "ADM3", "ADM1"),
    "county": ("ADM2",), "parish": ("ADM2",), "village": ("P",), "town": ("P",), "city": ("P",),
    "river": ("H",), "valley": ("T", "H"), "gorge": ("T", "H"), "mountains": ("T",), "pass": ("T",),
}
# Hints of a unit usually named after its main town ("Ishkashim district"): where the gazetteer has no
# such unit where the text puts it, the town stands for it, at the unit's precision (ACLED 2: the
# district's main town; UCDP 3: a second-order unit).
_NAMED_AFTER_TOWN = frozenset({"district"})
# Hints of a first-order unit: a town read for "the X region" stands for the unit it lies in.
_UNIT_HINTS = frozenset({"province", "region"})
UNIT_TOWN_PRECISION = (2, 3)
# A place the text calls a village holds fewer people than this.
VILLAGE_MAX_POPULATION = 200_000
# Weight and cap of the shared-admin-unit support from the article's other names (see supports).
SUPPORT_WEIGHT = 0.7
SUPPORT_CAP = 3.0
# A name qualified by the unit written after it ("Paris, Texas") is a reading inside that unit.
QUALIFIED_BONUS = 3.0
# Hand-made regions, seas, islands and ranges (features.csv) carry no population; they score like a
# unit of a million.
_NAMED_AREAS = frozenset({"RGN", "OCN", "SEA", "GULF", "ISL", "MTS"})
AREA_POPULATION_TERM = 0.22 * 6
# "near the northern town of Arbinda" is near it too.
_NEAR = re.compile(r"(?:near|outside|outskirts of|close to|vicinity of"
                   r"|(?:between|linking|connecting)(?:\s+(?:[A-Z][\w'’-]*\s+){1,3}and)?"
                   r"|(?:north|south|east|west)(?:-?(?:east|west))? of"
                   r"|km (?:from|of)|kilomet(?:er|re)s (?:from|of)|miles (?:from|of)|border with)\s+(?:the\s+)?"
                   r"(?:(?:[a-z-]+\s+){0,2}?(?:town|village|city|settlement|camp)\s+of\s+)?$", re.IGNORECASE)
# A town that names a road ("the Kabul-Kandahar highway", "the Damboa road"): what happened on the
# road happened near the town, not in it.
_ROAD_AFTER = re.compile(r"(?:\s*[-–]\s*[A-Z][\w'’]+)*\s+(?:highway|road|motorway|expressway)\b", re.IGNORECASE)
# A country adjective qualifying a place noun before a name: "the northern Iraqi town of Al Shirqat".
_ADJECTIVE_NOUN_OF = re.compile(r"\b([A-Z][a-z]+)\s+(?:[a-z]+\s+)?[a-z]+\s+of\s+(?:the\s+)?$")
# Members of a list name the same kind of place ("Washington, Oregon and Idaho" are states): a reading
# of the kind its peers were read as, in their country, gains up to this much.
PEER_KIND_WEIGHT = 1.5
# A short form of a name the article writes in full ("Congo" after "Republic of Congo") means that place.
SHORT_FORM_BONUS = 2.0
# "Washington state", "Kaduna State": the name is a first-order unit ("Columbia State College" is not).
_STATE_AFTER = re.compile(r"\s+(?:state\b|State\b(?!\s+[A-Z]))")
_STATE_LAST = re.compile(r"\s[Ss]tate$")  # "Sennar State" read as one name
# A named part of a place the gazetteer lacks, written "<part> of <place>": "the Old City of Damascus".
_PART_OF_PLACE = re.compile(r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+of\s+(?:the\s+)?(?=[A-Z])")
_WORD = re.compile(r"[A-Z][a-z]+")
_LAST_WORD = re.compile(r"\b([A-Z][a-z]+)\s+$")
# A possessor right before a name, maybe a country of several words: "Afghanistan's Badakhshan",
# "the Philippines' Mindanao", "Democratic Republic of Congo's Ituri".
_POSSESSOR = re.compile(r"((?:[A-Z][\w.-]*\s+(?:of\s+(?:the\s+)?)?){0,3}[A-Z][\w.-]*)['’]s?\s+$")


def _placed_most(places: Sequence[Place], words: Counter[str] | None = None) -> str | None:
    """The country most of the places lie in (and country words name), or None when none or two tie;
    of those that tie, the one the article names as a country ("BANGKOK ... in Myanmar": Myanmar)."""
    counts = Counter(p.iso2 for p in places if p.iso2) + (words or Counter())
    ranked = counts.most_common()
    if not ranked:
        return None
    tied = {iso for iso, count in ranked if count == ranked[0][1]}
    named = tied & {p.iso2 for p in places if (p.feature or "").startswith("A.PCL")}
    if len(tied) == 1 or len(named) == 1:
        return (tied if len(tied) == 1 else named).pop()
    return None


def _names_seat(c: Candidate, mention: Mention) -> bool:
    """Whether c is the town a first-order unit of the written name is named after: its own name is
    the unit's, or another spelling of it for a town holding a tenth of the unit's people ("Gedaref"
    is Al Qadarif, "Daraa" is Dar'a), or the exonym of a city of a million ("Mecca" is Makkah before the
    Mecca Region). A bare name says the town, "Kunduz province" the unit. Anchorage,
    also listed as "Alaska", is no spelling of it."""
    people = mention.named_units.get((c.country, c.admin1))
    if c.fclass != "P" or people is None or mention.hint in _UNIT_HINTS:
        return False
    own, written = norm_key(c.name), norm_key(mention.name)
    return own == written or (c.score == 1.0 and c.population * SEAT_SHARE >= people
                              and (fuzz.ratio(own, written) >= SEAT_SPELLING or c.population >= EXONYM_CITY_POPULATION))


def _respelled_unit(candidates: Sequence[Candidate], name: str) -> bool:
    """Whether a long name is a near-identical spelling of a country or first-order unit ("Lower
    Shabelle" for Lower Shabeelle): no coincidence needing other places' support."""
    return len(norm_key(name)) >= RESPELLED_MIN_LENGTH and any(
        c.score >= RESPELLED_SCORE and (c.is_country or c.fcode in FIRST_ORDER) for c in candidates)


def _outnamed(c: Candidate, mention: Mention) -> bool:
    """Whether a town found through another of its names faces a town of comparable size that
    carries the written name as its own: "Pittsburgh" is Pittsburgh, Pennsylvania, before Pittsburg,
    California; but "Calcutta" stays Kolkata beside a hamlet of that name."""
    own = mention.own_name_population
    return own is not None and fold(c.name) != fold(mention.name) and own * NAMESAKE_RATIO >= c.population


def _outgrown(unit: Candidate, mention: Mention) -> bool:
    """Whether a city abroad named like a first-order unit holds more people than the whole unit:
    "Manchester" is the English city before the Jamaican parish."""
    return any(population > unit.population for country, population in mention.largest_towns.items()
               if country != unit.country)


def _town_sizes(candidates: Sequence[Candidate], written: str) -> tuple[int | None, dict[str, int]]:
    """The largest town with the written name as its own (None if none), and the largest exactly
    named town per country (see _outnamed, _outgrown)."""
    own = [c.population for c in candidates if c.fclass == "P" and fold(c.name) == fold(written)]
    largest: dict[str, int] = {}
    for c in candidates:
        if c.fclass == "P" and c.score == 1.0:
            largest[c.country] = max(largest.get(c.country, c.population), c.population)
    return max(own, default=None), largest


def said_near(text: str, start: int, end: int) -> bool:
    """Whether the text puts something only near the place at start..end ("south of Kirkuk", "the
    Damboa road")."""
    return bool(_NEAR.search(text[max(0, start - 70):start]) or _ROAD_AFTER.match(text, end))


class Geocoder:
    """Resolves an article's toponyms together, so each one is context for the others."""

    def __init__(self, gazetteer: Gazetteer, *, demonyms: Mapping[str, str] | None = None) -> None:
        self.gazetteer = gazetteer
        if demonyms is None:
            from faultline.actors import load_demonyms

            demonyms = load_demonyms()
        self.demonyms = demonyms

    def resolve_event(self, location: Toponym | None, *, context: Sequence[Toponym], text: str) -> Place | Unresolved | None:
        """Resolve an event's location using the article's other toponyms as context."""
        if location is None:
            return None
        others = [t for t in context if (t.start, t.end) != (location.start, location.end)]
        return self.resolve_all([location, *others], text=text)[0]

    def resolve_all(self, toponyms: Sequence[Toponym], *, text: str, demonyms: bool = False) -> list[Place | Unresolved]:
        """Resolve every toponym of one article, in the order given.

        A demonym span ("Russian") stays Unresolved: it is country evidence, never an event's place.
        With `demonyms=True` it resolves to the country it names, with feature DEMONYM, for callers
        asking what place a word refers to (geoparsing evaluation).
        """
        focus = self.demonym_focus(text)
        lists = peer_lists(toponyms, text)
        kinds = {index: kind for run, kind in lists for index in run}
        mentions = [self._mention(t, text, kind=kinds.get(index)) for index, t in enumerate(toponyms)]
        for run, _ in lists:
            for index in run:
                mentions[index].peers = tuple(id(mentions[j]) for j in run if j != index)
        link_enclosing(mentions, text)
        supports(mentions)
        for mention in mentions:
            if mention.candidates:
                mention.choice = max(mention.candidates, key=lambda c: self._score(c, mention, focus, []))
        for _ in range(2):  # re-rank each toponym with the others' current choices as context
            for index, mention in enumerate(mentions):
                if not mention.candidates:
                    continue
                # Other mentions of the same name would only echo this one's own guess, and a guess
                # (a reading that needs support) stands only where the others place it.
                # A namesake town is too weak a reading to be context unless the text qualifies it.
                # A place this one encloses ("the North York area of Toronto") takes its reading
                # from it, not the other way round.
                others = [m for j, m in enumerate(mentions)
                          if j != index and m.choice is not None and m.name.lower() != mention.name.lower()
                          and id(m) not in mention.inside_of and not m.needs_support
                          and (not is_namesake(m.choice, m) or is_qualified(m, mentions))]
                mention.choice = max(mention.candidates, key=lambda c: self._score(c, mention, focus, others))
        # "X, Badakhshan" cannot be an X far outside Badakhshan: the best reading inside it, or none.
        fitted = [self._fit_enclosers(mention, mentions, focus) for mention in mentions]
        for mention, choice in zip(mentions, fitted):
            mention.choice = choice
        follow_qualified(mentions)
        drop_unsupported(mentions, focus, text)
        return [self._result(index, mentions, text, demonyms=demonyms) for index in range(len(mentions))]

    def country_of(self, unknown: Unresolved, places: Sequence[Place], text: str) -> Place | None:
        """The country a place the gazetteer lacks lies in, as a country-precision place named as written.

        The country its words state ("the eastern Afghan area of Momand Dara"), else the one the
        article's resolved places (and country words) name most often ("a stabbing at the Imam Reza
        shrine ... in Iran"; "BANGKOK ... A Myanmar military air strike" is in Myanmar).
        ACLED codes every event in a country, and the precision codes say only the country is known.
        """
        iso = self._stated_country(text[max(0, unknown.start - 60):unknown.start]) or _placed_most(
            places, self.demonym_focus(text))
        if iso is None:
            return None
        return self._country_place(iso, Toponym(unknown.text, unknown.start, unknown.end), name=unknown.text)

    def off_the_coast_of(self, area: Place, places: Sequence[Place], text: str) -> Place:
        """A sea or region, coded to the country the article's other places and country words name
        most often: ACLED codes every event in a country ("Houthis fired missiles at a ship in the Red
        Sea" in a story about Yemen). Its name, point and precision stay the sea's."""
        iso = _placed_most(places, self.demonym_focus(text))
        country = self.gazetteer.country(iso) if iso else None
        if country is None:
            return area
        return replace(area, country=country.name, iso2=iso, iso_numeric=country.numeric, region=country.region)

    def country_place(self, iso: str, evidence: TextSpan) -> Place | None:
        """A country as a country-precision place, for words that show only the country (a state's forces)."""
        return self._country_place(iso, Toponym(evidence.text, evidence.start, evidence.end), name=None)

    def _country_place(self, iso: str, toponym: Toponym, *, name: str | None) -> Place | None:
        """The country as a place at its reference point, for a toponym that names no more of it."""
        country = self.gazetteer.country(iso)
        if country is None or country.latitude is None or country.longitude is None:
            return None
        unit = Candidate(country.geonameid or 0, country.name, country.latitude, country.longitude, "A", "PCLI",
                         country.iso2, "", "", country.population or 0)
        return self._place(unit, toponym, *precision_codes(unit, near=False), name=name)

    def _fit_enclosers(self, mention: Mention, mentions: list[Mention], focus: Counter[str]) -> Candidate | None:
        """The mention's choice if it lies inside the units written after it, else its best reading that does.

        "The Ishkashim district of Gorno-Badakhshan" with Ishkashim district only in Afghanistan: the
        Tajik town of that name, inside Gorno-Badakhshan, stands for the district.
        """
        if mention.choice is None or mention.listed:
            return mention.choice
        enclosers = [m.choice for m in mentions if id(mention) in m.inside_of and m.choice is not None]
        fitting = fitting_readings(mention.candidates, mention.stand_ins, lambda c: all(inside(c, unit) for unit in enclosers))
        if mention.choice in fitting:
            return mention.choice
        return max(fitting, key=lambda c: self._score(c, mention, focus, []), default=None)

    def demonym_focus(self, text: str) -> Counter[str]:
        """Countries the article is about, from country adjectives and demonyms ("Afghan", "Tajiks")."""
        focus: Counter[str] = Counter()
        for word in _WORD.findall(text):
            iso = self.demonyms.get(word.lower())
            if iso:
                focus[iso] += 1
        return focus

    def _mention(self, toponym: Toponym, text: str, *, kind: str | None = None) -> Mention:
        """The toponym with its candidates; `kind` is what a plural after its list calls it ("counties")."""
        name, hint = toponym.text, toponym.label if toponym.label in FEATURE_WORDS.values() else kind
        near = said_near(text, toponym.start, toponym.end)
        stated_country = self._stated_country(text[max(0, toponym.start - 60):toponym.start])
        if toponym.label in (CAPITAL, NATIONAL_AREA):
            national = self._national(toponym, stated_country)
            return Mention(toponym, name, None, near, national, stated_country=stated_country)
        if is_demonym(name, self.demonyms, self.gazetteer):
            return Mention(toponym, name, hint, near, [])
        if hint is None:
            words = fold(name).split()
            if len(words) > 1 and words[-1] in _SUFFIX_HINTS:
                hint = FEATURE_WORDS[words[-1]]
        if hint:
            name = self._without_feature_word(name, hint)
        landmark = toponym.label == LANDMARK
        facility = hint in FACILITIES or landmark
        candidates = list(self.gazetteer.lookup(toponym.text if facility else name))
        part_of = False
        if facility and not any(c.fclass == "S" and c.score == 1.0 for c in candidates):
            name = load_place_words().landmark_town(name)
            candidates, part_of = list(self.gazetteer.lookup(name)), True
        exact = [c for c in candidates if c.score == 1.0]
        stated_a_state = _STATE_AFTER.match(text, toponym.end) or _STATE_LAST.search(name)
        if hint is None and stated_a_state and any(c.fcode in FIRST_ORDER for c in exact):
            hint = FEATURE_WORDS["province"]
        compass = None if exact or facility else PART_OF.match(name)
        part = compass or (None if exact or facility else _PART_OF_PLACE.match(name))
        whole = [c for c in self.gazetteer.lookup(name[part.end():]) if c.score == 1.0] if part else []
        if whole:
            # Exact evidence for the whole beats a spelling variant of the part ("North Dallas" is not
            # Dallesport, "the Old City of Damascus" is in Damascus); a compass part's whole may
            # still be a namesake elsewhere, so it needs support.
            name, candidates, part_of, needs_support = name[part.end():], whole, True, bool(compass)
        else:
            candidates = exact or [c for c in candidates if c.score >= FUZZY_ACCEPT and len(fold(name)) >= 5]
            # A transliteration variant, or a landmark named after someone rather than its town.
            needs_support = not exact and not _respelled_unit(candidates, name) or landmark and part_of and not any(
                c.fclass == "P" and c.population >= LANDMARK_CITY_POPULATION for c in exact)
        fits = _HINT_FITS.get(hint or "", ())
        # A unit whose own name carries the hint fits it whatever its order: Kenya's "Nakuru County" is first-order.
        fitting = [c for c in candidates if c.fclass in fits or c.fcode in fits
                   or hint and c.fclass == "A" and fold(c.name).endswith(" " + hint)]
        stand_ins = [c for c in candidates if c.fclass == "P"] if fitting and hint in _NAMED_AFTER_TOWN else []
        if fitting:
            candidates = fitting
        if hint == "village":
            # "a Chin village" is no Qinzhou, which GeoNames also lists as "Chin": a village is no city
            candidates = [c for c in candidates if c.population < VILLAGE_MAX_POPULATION]
        if stated_country and any(c.country == stated_country for c in candidates + stand_ins):
            candidates = fitting_readings(candidates, stand_ins, lambda c: c.country == stated_country)
            stand_ins = [c for c in stand_ins if c.country == stated_country]
        candidates.sort(key=lambda c: (-c.score, -c.population))
        stand_ins.sort(key=lambda c: (-c.score, -c.population))
        units = {(c.country, c.admin1): c.population for c in candidates if c.fcode == "ADM1" and c.score == 1.0}
        big = self._big_units(candidates, name)
        area = any(c.score == 1.0 and (c.fcode in _NAMED_AREAS or c.fcode == "CONT") for c in candidates)
        kept = candidates[:MAX_CANDIDATES]
        own_name_population, largest_towns = _town_sizes(kept, name)
        return Mention(toponym, name, hint, near, kept, part_of, needs_support, units,
                       frozenset((c.country, c.admin1) for c in big), max((c.population for c in big), default=0),
                       area, stated_country, stand_ins[:MAX_CANDIDATES], own_name_population=own_name_population,
                       largest_towns=largest_towns)

    def _without_feature_word(self, name: str, hint: str) -> str:
        """The name a place is known by without its feature word: "Swat" for "Swat Valley".

        A name the gazetteer knows only with the word ("Rift Valley": "Rift" is nothing that fits) stays
        whole, and so does a place's own full name ("Northern Territory" is no district, "Kansas City" no
        Kansas); a county's is looked up bare, where the article's other mentions of it support it.
        """
        for phrase, label in FEATURE_WORDS.items():
            if label == hint and fold(name).endswith(" " + fold(phrase)):
                if hint not in LOCAL_UNITS and any(fold(c.name) == fold(name)
                                                     for c in self.gazetteer.lookup(name, exact=True)):
                    return name
                bare = name[: len(name) - len(phrase)].rstrip(" -")
                fits = _HINT_FITS.get(hint, ())
                known_bare = [c for c in self.gazetteer.lookup(bare) if c.score == 1.0]
                if any(c.fclass in fits or c.fcode in fits for c in known_bare):
                    return bare
                if any(c.score == 1.0 for c in self.gazetteer.lookup(name)) or any(
                        c.fcode.startswith("PCL") for c in known_bare):
                    return name  # (the "Jordan Valley" is not Jordan, the country)
                return bare
        return name

    def _stated_country(self, before: str) -> str | None:
        """ISO2 of the country the words before a name put it in.

        A country adjective ("Afghan Badakhshan", "the Iraqi town of X") or a country as possessor
        ("Afghanistan's Badakhshan province", "Kenya's Rift Valley"); a possessor naming no single
        country ("Quetta's", "Congo's") states none.
        """
        possessor = _POSSESSOR.search(before)
        if possessor is None:
            match = _LAST_WORD.search(before) or _ADJECTIVE_NOUN_OF.search(before)
            return self.demonyms.get(match.group(1).lower()) if match else None
        words = possessor.group(1).split()
        for start in (i for i, word in enumerate(words) if word[0].isupper()):  # the longest name first
            countries = countries_named(" ".join(words[start:]), self.gazetteer)
            if countries:
                return countries[0] if len(countries) == 1 else None
        return None

    def _national(self, toponym: Toponym, stated_country: str | None) -> list[Candidate]:
        """The country a country adjective's place noun lies in ("a Pakistani tribal district"), or its
        capital ("the Somali capital"; "capital" after "Somalia's", the country the words before state)."""
        words = toponym.text.split()
        iso = (self.demonyms.get(fold(words[0])) if words else None) or stated_country
        country = self.gazetteer.country(iso) if iso else None
        if country is None:
            return []
        if toponym.label == CAPITAL and country.capital:
            return [c for c in self.gazetteer.lookup(country.capital)
                    if c.score == 1.0 and c.country == iso and c.fcode == "PPLC"][:1]
        return [c for c in self.gazetteer.lookup(country.name) if c.is_country and c.country == iso][:1]

    @staticmethod
    def _big_units(candidates: list[Candidate], name: str) -> list[Candidate]:
        """The countries and ADM1 units a bare name names as such.

        A unit named after its own city ("Alexandria" governorate) names the city first, and a unit
        known by a longer name ("District of Columbia" for "Columbia") is not what the bare name says.
        """
        towns = {(c.country, c.admin1) for c in candidates if c.fclass == "P" and fold(c.name) == fold(name)}
        return [c for c in candidates if c.score == 1.0 and (
            c.is_country or c.fcode == "ADM1" and fold(c.name) == fold(name) and (c.country, c.admin1) not in towns)]

    def _score(self, c: Candidate, mention: Mention, focus: Counter[str], others: list[Mention]) -> float:
        seat = _names_seat(c, mention)
        score = 2.5 * c.score + 0.22 * math.log10(c.population + 1) + name_fit(c, mention.name, seat=seat)
        if c.fclass == "P" and _outnamed(c, mention):
            score -= OUTNAMED_PENALTY
        if mention.support:
            score += SUPPORT_WEIGHT * min(mention.support.get(c.geonameid, 0.0), SUPPORT_CAP)
        if c.is_country:
            score += 2.0
        elif c.fcode in FIRST_ORDER or c.fcode == "CONT":
            score += 0.8 if not _outgrown(c, mention) else 0.0
        elif c.fcode in _NAMED_AREAS:
            score += 0.8 + AREA_POPULATION_TERM  # "Middle East", "Pacific": no population, but not a hamlet
        elif c.fcode == "PPLC":
            score += 1.3  # "Washington" is the capital before it is the state
        elif c.fclass not in ("P", "A"):
            score -= 0.3
        elif c.fcode == "ADM2" and mention.hint not in ("district", "county", "parish"):
            score -= 0.4  # a bare name in news is a town more often than the district around it
        if seat:
            score += 1.2  # "Kunduz" alone is the city; "Kunduz province" is the unit
        chosen = [m.choice for m in others if m.choice is not None]
        namesake = is_namesake(c, mention) and not is_home_namesake(c, mention, chosen)
        if focus and c.country and not namesake:
            score += 1.2 * focus[c.country] / max(focus.values())
        if not others:
            return score
        countries = Counter(o.country for o in chosen)
        if c.country and countries[c.country] and not namesake:
            score += 1.0 + 0.2 * min(countries[c.country], 5)
        if is_qualified(mention, others, c):
            score += QUALIFIED_BONUS  # "Palestine, Texas" is the Palestine in Texas
        peers = [m.choice for m in others if id(m) in mention.peers]
        if peers:
            alike = sum(unit_rank(p) == unit_rank(c) and (c.is_country or p.country == c.country) for p in peers)
            score += PEER_KIND_WEIGHT * alike / len(peers)
        short = " " + fold(mention.name)
        if any(m.choice == c and fold(m.name).endswith(short) for m in others):
            score += SHORT_FORM_BONUS
        inner = [m.choice for m in others if m.choice is not None and id(m) in mention.inside_of]
        if any(o.country == c.country and (c.is_country or c.fcode == "ADM1" and o.admin1 == c.admin1) for o in inner):
            score += 2.0  # the unit written after a place encloses it
        # A state named somewhere in the article does not make its namesake town local; written
        # right after the town ("California, Pennsylvania") it encloses it (above).
        same_admin1 = [] if namesake else [o for o in chosen if o.country == c.country and o.admin1 and o.admin1 == c.admin1]
        if any(o.fcode == "ADM1" for o in same_admin1):
            score += 1.5  # "a town in Badakhshan province"
        elif same_admin1:
            score += 0.8
        if c.fclass == "A" and c.fcode != "ADM2":
            return score  # a large unit's centre says little about how near its towns are
        nearest = min((haversine_km(c.latitude, c.longitude, o.latitude, o.longitude)
                       for o in chosen if o.fclass == "P" and o.geonameid != c.geonameid), default=None)
        if nearest is not None:
            score += 1.0 if nearest < 50 else 0.5 if nearest < 150 else 0.0
        return score

    def _result(self, index: int, mentions: list[Mention], text: str, *, demonyms: bool) -> Place | Unresolved:
        mention = mentions[index]
        toponym = mention.toponym
        if mention.choice is not None:
            if mention.hint in _UNIT_HINTS and mention.choice.fclass == "P":
                unit = self._unit_named_like(mention.choice, mention.name)
                if unit is not None:
                    return self._place(unit, toponym, *precision_codes(unit, near=False), name=None)
            if mention.hint in _NAMED_AFTER_TOWN | _UNIT_HINTS and mention.choice.fclass == "P":
                return self._place(mention.choice, toponym, *UNIT_TOWN_PRECISION, name=toponym.text)
            as_written = mention.part_of and mention.choice.fclass != "S"
            geo, where = coarser(mention.choice) if as_written else precision_codes(mention.choice, near=mention.near)
            return self._place(mention.choice, toponym, geo, where, name=toponym.text if as_written else None)
        iso = demonym_country(toponym.text, self.demonyms, self.gazetteer)
        people = self._country_place(iso, toponym, name=None) if iso and demonyms else None
        if people is not None:
            return replace(people, feature=DEMONYM)
        if iso:
            return Unresolved(toponym.text, toponym.start, toponym.end, "a demonym (a country's people), not a place")
        enclosing = None if mention.listed else self._enclosing(index, mentions, text)
        if enclosing is not None:
            geo, where = coarser(enclosing)
            return self._place(enclosing, toponym, geo, where, name=toponym.text)
        return Unresolved(toponym.text, toponym.start, toponym.end, "not in the gazetteer and no known enclosing place")

    def _unit_named_like(self, town: Candidate, name: str) -> Candidate | None:
        """The first-order unit a town lies in, if the written name is a spelling of the unit's: "the
        Odesa region" is the Odessa oblast, "the Dnipro region" Dnipropetrovsk oblast (see _names_seat)."""
        unit = self.gazetteer.admin_unit(town.country, town.admin1) if town.admin1 else None
        if unit is None or fuzz.ratio(norm_key(unit.name), norm_key(name)) < SEAT_SPELLING:
            return None
        return unit

    def _enclosing(self, index: int, mentions: list[Mention], text: str) -> Candidate | None:
        """The smallest resolved unit written right after an unknown place ("X, Darvaz district, Badakhshan")."""
        end = mentions[index].toponym.end
        found: list[Candidate] = []
        for later in sorted(mentions[index + 1:] + mentions[:index], key=lambda m: m.toponym.start):
            if later.toponym.start < end:
                continue
            if not ENCLOSED_GAP.match(text[end:later.toponym.start]) or later.toponym.start - end > 40:
                break
            if later.choice is not None:
                found.append(later.choice)
            end = later.toponym.end
        rank = {"P": 0, "S": 0, "T": 1, "H": 1}
        return min(found, key=lambda c: (rank.get(c.fclass, 2), c.fcode != "ADM2", c.fcode != "ADM1"), default=None)

    def _place(self, c: Candidate, toponym: Toponym, geo: int, where: int, *, name: str | None) -> Place:
        country = self.gazetteer.country(c.country) if c.country else None
        admin1 = c.name if c.fcode == "ADM1" else self.gazetteer.admin_name(c.country, c.admin1)
        admin2 = None
        if c.admin2:
            admin2 = c.name if c.fcode == "ADM2" else self.gazetteer.admin_name(c.country, c.admin1, c.admin2)
        return Place(
            name=name or c.name, latitude=c.latitude, longitude=c.longitude,
            country=country.name if country else "", iso2=c.country, geo_precision=geo, where_prec=where,
            admin1=admin1, admin2=admin2, geonameid=c.geonameid if c.geonameid > 0 else None, feature=c.feature,
            population=c.population or None, span=TextSpan(toponym.start, toponym.end, toponym.text),
            iso_numeric=country.numeric if country else None, region=country.region if country else None,
        )
