"""Toponym resolution: rank gazetteer candidates by the article's context, with honest precision codes."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from faultline.geo.gazetteer import Candidate, Gazetteer
from faultline.geo.names import fold, norm_key
from faultline.geo.toponyms import FACILITIES, FEATURE_WORDS
from faultline.model import Place, Toponym, Unresolved
from faultline.model import Span as TextSpan

# Candidates considered per toponym after the name lookup (best prior first).
MAX_CANDIDATES = 40
# Feature words that, written after a name ("Douglas County"), say what kind of place it is.
_SUFFIX_HINTS = frozenset({"county", "parish", "district", "province", "region", "oblast", "governorate", "valley"})
# Transliteration variants below this similarity are too often other places ("Darvaz"/"Odrowaz").
FUZZY_ACCEPT = 0.75
# Label hints -> GeoNames feature classes/codes that fit them.
_HINT_FITS = {
    "province": ("ADM1",), "region": ("ADM1", "RGN", "CONT"), "district": ("ADM2", "ADM3", "ADM1"),
    "county": ("ADM2",), "parish": ("ADM2",), "village": ("P",), "town": ("P",), "city": ("P",),
    "river": ("H",), "valley": ("T", "H"), "gorge": ("T", "H"), "mountains": ("T",), "pass": ("T",),
}
# Weight and cap of the shared-admin-unit support from the article's other names (see _supports).
SUPPORT_WEIGHT = 0.7
SUPPORT_CAP = 3.0
SAME_ADMIN2, SAME_ADMIN1 = 2.5, 0.5
# A populated place found only through an alternate name unlike its own ("Ohio" for Brooklyn, Ohio).
ALT_NAME_PENALTY = 1.5
# Hand-made regions and seas (features.csv) carry no population; they score like a unit of a million.
_NAMED_AREAS = frozenset({"RGN", "OCN", "SEA", "GULF"})
AREA_POPULATION_TERM = 0.22 * 6
_WATER = frozenset({"SEA", "OCN", "LK", "BAY", "GULF", "STRT", "CHN", "SD", "LGN", "RSV"})
_NEAR = re.compile(r"(?:near|outside|outskirts of|close to|vicinity of|(?:north|south|east|west)(?:-?(?:east|west))? of"
                   r"|km (?:from|of)|kilomet(?:er|re)s (?:from|of)|miles (?:from|of)|border with)\s+(?:the\s+)?$", re.I)
# What may stand between a place and the unit enclosing it: "X, Y district", "X in Y", "X, a village in Y".
_ENCLOSED_GAP = re.compile(r"^\s*,?\s*(?:(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:in|of)?\s*,?\s*(?:the\s+)?$")
_WORD = re.compile(r"[A-Z][a-z]+")
_LAST_WORD = re.compile(r"\b([A-Z][a-z]+)\s+$")


@dataclass(slots=True)
class _Mention:
    """One toponym being resolved: its lookup name, candidates and current choice."""

    toponym: Toponym
    name: str
    hint: str | None
    near: bool
    candidates: list[Candidate]
    facility_base: bool = False
    # (country, admin1) of admin units with exactly this name: a town sharing it is what news means.
    named_units: frozenset[tuple[str, str]] = frozenset()
    adjective: str | None = None  # ISO2 of a country adjective right before it ("Afghan Badakhshan")
    inside_of: tuple[int, ...] = ()  # mentions this one encloses ("X, Darvaz district, Badakhshan")
    choice: Candidate | None = None
    # Per candidate id: how many of the article's other names could lie in the same admin unit.
    support: dict[int, float] | None = None


def _name_fit(c: Candidate, written: str) -> float:
    """Penalty for a candidate whose own name differs from the name written.

    "Kansas" is not "Kansas City" (the folded keys agree only because "city" is a generic word), and
    an entry found only through an odd alternate name ("Ohio" for Brooklyn, Ohio) is a weak reading.
    Countries and admin units keep their official names ("U.S.", "Badakhshan"), so only the "city"
    rule applies to them.
    """
    own, said = fold(c.name).split(), fold(written).split()
    penalty = -2.0 if ("city" in own) != ("city" in said) else 0.0
    if c.fclass == "P" and fuzz.ratio(norm_key(c.name), norm_key(written)) < 70:
        penalty -= ALT_NAME_PENALTY
    return penalty


def _supports(mentions: list[_Mention]) -> None:
    """For each candidate, the share of the article's other names with a reading in the same ADM1 or ADM2.

    Local news names several small places of one state: "Paris" and "Henry County" each exist in a
    dozen states but together only in Tennessee. A name with readings in many states says little, so
    each name counts 1/sqrt(states it may be in).
    """
    keys = []
    for mention in mentions:
        admin1 = {(c.country, c.admin1) for c in mention.candidates if c.admin1 and not c.is_country}
        admin2 = {(c.country, c.admin1, c.admin2) for c in mention.candidates if c.admin2}
        keys.append((fold(mention.name), admin1, admin2))
    for mention in mentions:
        own = fold(mention.name)
        seen: dict[str, tuple[set, set]] = {}
        for name, admin1, admin2 in keys:
            if name != own and admin1:
                seen.setdefault(name, (admin1, admin2))
        support: dict[int, float] = {}
        for c in mention.candidates:
            if c.is_country or not c.admin1:
                continue
            total = 0.0
            for admin1, admin2 in seen.values():
                if c.admin2 and (c.country, c.admin1, c.admin2) in admin2:
                    total += SAME_ADMIN2 / math.sqrt(len(admin1))
                elif (c.country, c.admin1) in admin1:
                    total += SAME_ADMIN1 / math.sqrt(len(admin1))
            support[c.geonameid] = total
        mention.support = support


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def precision_codes(candidate: Candidate, *, near: bool) -> tuple[int, int]:
    """ACLED geo_precision and UCDP where_prec for a resolved candidate."""
    if candidate.is_country:
        return 3, 6
    if candidate.fcode in ("CONT", "RGN") or candidate.fclass == "L" and candidate.fcode != "PRK":
        return 3, 5
    if candidate.fcode == "ADM1":
        return 3, 4
    if candidate.fcode.startswith("ADM"):
        return 2, 3
    if candidate.fclass == "H" and candidate.fcode in _WATER:
        return 2, 7
    return (2, 2) if near else (1, 1)


def _coarser(candidate: Candidate) -> tuple[int, int]:
    """Precision for a place known only through the unit (or town) enclosing it."""
    geo, where = precision_codes(candidate, near=True)
    return max(geo, 2), max(where, 2)


def _inside(c: Candidate, unit: Candidate) -> bool:
    """Whether a candidate can lie within a unit written after it (a list like "Takhar, Kunduz" always can)."""
    if _rank(c) >= _rank(unit):
        return True
    if unit.is_country:
        return c.country == unit.country
    if unit.fcode == "ADM1":
        return (c.country, c.admin1) == (unit.country, unit.admin1)
    if unit.fcode == "ADM2":
        return (c.country, c.admin1, c.admin2) == (unit.country, unit.admin1, unit.admin2)
    return True


def _rank(c: Candidate) -> int:
    return 4 if c.is_country else 3 if c.fcode == "ADM1" else 2 if c.fcode == "ADM2" else 1


def _link_enclosing(mentions: list[_Mention], text: str) -> None:
    """Record, for each mention, the earlier mentions it follows in a chain like "X, Y district, Z"."""
    ordered = sorted(mentions, key=lambda m: m.toponym.start)
    chain: list[_Mention] = []
    for mention in ordered:
        gap = text[chain[-1].toponym.end:mention.toponym.start] if chain else None
        if gap is not None and len(gap) <= 40 and _ENCLOSED_GAP.match(gap):
            mention.inside_of = tuple(id(m) for m in chain)
            chain.append(mention)
        else:
            chain = [mention]


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

    def resolve_all(self, toponyms: Sequence[Toponym], *, text: str) -> list[Place | Unresolved]:
        """Resolve every toponym of one article, in the order given."""
        focus = self._demonym_focus(text)
        mentions = [self._mention(t, text) for t in toponyms]
        _link_enclosing(mentions, text)
        _supports(mentions)
        for mention in mentions:
            if mention.candidates:
                mention.choice = max(mention.candidates, key=lambda c: self._score(c, mention, focus, []))
        for _ in range(2):  # re-rank each toponym with the others' current choices as context
            for index, mention in enumerate(mentions):
                if not mention.candidates:
                    continue
                # Other mentions of the same name would only echo this one's own guess.
                others = [m for j, m in enumerate(mentions)
                          if j != index and m.choice is not None and m.name.lower() != mention.name.lower()]
                mention.choice = max(mention.candidates, key=lambda c: self._score(c, mention, focus, others))
        return [self._result(index, mentions, text) for index in range(len(mentions))]

    def _is_demonym(self, name: str) -> bool:
        """"Afghan", "Tajiks": a people, not a place ("Philippines" is both, and a place first)."""
        key = fold(name)
        if key not in self.demonyms and key.rstrip("s") not in self.demonyms:
            return False
        return not any(c.is_country and c.score == 1.0 for c in self.gazetteer.lookup(name))

    def _demonym_focus(self, text: str) -> Counter[str]:
        """Countries the article is about, from country adjectives and demonyms ("Afghan", "Tajiks")."""
        focus: Counter[str] = Counter()
        for word in _WORD.findall(text):
            iso = self.demonyms.get(word.lower())
            if iso:
                focus[iso] += 1
        return focus

    def _mention(self, toponym: Toponym, text: str) -> _Mention:
        name, hint = toponym.text, toponym.label if toponym.label in FEATURE_WORDS.values() else None
        near = bool(_NEAR.search(text[max(0, toponym.start - 40):toponym.start]))
        before = _LAST_WORD.search(text[max(0, toponym.start - 30):toponym.start])
        adjective = self.demonyms.get(before.group(1).lower()) if before else None
        if self._is_demonym(name):
            return _Mention(toponym, name, hint, near, [])
        if hint is None:
            words = fold(name).split()
            if len(words) > 1 and words[-1] in _SUFFIX_HINTS:
                hint = FEATURE_WORDS[words[-1]]
        if hint:
            for phrase, label in FEATURE_WORDS.items():
                if label == hint and fold(name).endswith(" " + fold(phrase)):
                    name = name[: len(name) - len(phrase)].rstrip(" -")
                    break
        candidates = list(self.gazetteer.lookup(toponym.text if hint in FACILITIES else name))
        facility_base = False
        if hint in FACILITIES and not any(c.fclass == "S" and c.score == 1.0 for c in candidates):
            candidates, facility_base = list(self.gazetteer.lookup(name)), True
        exact = [c for c in candidates if c.score == 1.0]
        candidates = exact or [c for c in candidates if c.score >= FUZZY_ACCEPT and len(fold(name)) >= 5]
        fits = _HINT_FITS.get(hint or "", ())
        fitting = [c for c in candidates if c.fclass in fits or c.fcode in fits]
        if fitting:
            candidates = fitting
        candidates.sort(key=lambda c: (-c.score, -c.population))
        units = frozenset((c.country, c.admin1) for c in candidates if c.fcode == "ADM1" and c.score == 1.0)
        return _Mention(toponym, name, hint, near, candidates[:MAX_CANDIDATES], facility_base, units, adjective)

    def _score(self, c: Candidate, mention: _Mention, focus: Counter[str], others: list[_Mention]) -> float:
        score = 2.5 * c.score + 0.22 * math.log10(c.population + 1) + _name_fit(c, mention.name)
        if mention.support:
            score += SUPPORT_WEIGHT * min(mention.support.get(c.geonameid, 0.0), SUPPORT_CAP)
        if c.is_country:
            score += 2.0
        elif c.fcode == "ADM1" or c.fcode == "CONT":
            score += 0.8
        elif c.fcode in _NAMED_AREAS:
            score += 0.8 + AREA_POPULATION_TERM  # "Middle East", "Pacific": no population, but not a hamlet
        elif c.fcode == "PPLC":
            score += 1.3  # "Washington" is the capital before it is the state
        elif c.fclass not in ("P", "A"):
            score -= 0.3
        elif c.fcode == "ADM2" and mention.hint not in ("district", "county", "parish"):
            score -= 0.4  # a bare name in news is a town more often than the district around it
        if c.fclass == "P" and (c.country, c.admin1) in mention.named_units and norm_key(c.name) == norm_key(mention.name) and mention.hint not in ("province", "region"):
            score += 1.2  # "Kunduz" alone is the city; "Kunduz province" is the unit
        if focus and c.country:
            score += 1.2 * focus[c.country] / max(focus.values())
        if mention.adjective and mention.adjective == c.country:
            score += 2.5
        if not others:
            return score
        chosen = [m.choice for m in others if m.choice is not None]
        countries = Counter(o.country for o in chosen)
        if c.country and countries[c.country]:
            score += 1.0 + 0.2 * min(countries[c.country], 5)
        inner = [m.choice for m in others if m.choice is not None and id(m) in mention.inside_of]
        if any(o.country == c.country and (c.is_country or c.fcode == "ADM1" and o.admin1 == c.admin1) for o in inner):
            score += 2.0  # the unit written after a place encloses it
        same_admin1 = [o for o in chosen if o.country == c.country and o.admin1 and o.admin1 == c.admin1]
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

    def _result(self, index: int, mentions: list[_Mention], text: str) -> Place | Unresolved:
        mention = mentions[index]
        toponym = mention.toponym
        enclosers = [m.choice for m in mentions if id(mention) in m.inside_of and m.choice is not None]
        if mention.choice is not None and not all(_inside(mention.choice, unit) for unit in enclosers):
            mention.choice = None  # "X, Badakhshan" cannot be an X far outside Badakhshan
        if mention.choice is not None:
            as_written = mention.facility_base and mention.choice.fclass != "S"
            geo, where = _coarser(mention.choice) if as_written else precision_codes(mention.choice, near=mention.near)
            return self._place(mention.choice, toponym, geo, where, name=toponym.text if as_written else None)
        if self._is_demonym(toponym.text):
            return Unresolved(toponym.text, toponym.start, toponym.end, "a demonym (a country's people), not a place")
        enclosing = self._enclosing(index, mentions, text)
        if enclosing is not None:
            geo, where = _coarser(enclosing)
            return self._place(enclosing, toponym, geo, where, name=toponym.text)
        return Unresolved(toponym.text, toponym.start, toponym.end, "not in the gazetteer and no known enclosing place")

    def _enclosing(self, index: int, mentions: list[_Mention], text: str) -> Candidate | None:
        """The smallest resolved unit written right after an unknown place ("X, Darvaz district, Badakhshan")."""
        end = mentions[index].toponym.end
        found: list[Candidate] = []
        for later in sorted(mentions[index + 1:] + mentions[:index], key=lambda m: m.toponym.start):
            if later.toponym.start < end:
                continue
            if not _ENCLOSED_GAP.match(text[end:later.toponym.start]) or later.toponym.start - end > 40:
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
