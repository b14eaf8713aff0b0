"""When two article-level reports describe the same incident: the pairwise merge rule.

`compatible(a, b)` is symmetric and needs, all together:
- different articles (one article's reports are distinct incidents by construction);
- both reports describe events that happened (modality "reported" or "background") and are
  dated (an undated report stands alone: it cannot be blocked by date);
- the same blocking country (`country_key`): the place's country, else a state actor's country,
  else "" (no country at all);
- a compatible type: the same event_type, or one of `COMPATIBLE_TYPES` (reporters code an IED
  ambush followed by a firefight as a Battle or an Explosion; a protest turning violent as a
  Protest or a Riot; a bombing of a market as an Explosion or Violence against civilians);
- dates within `max(DAY_WINDOW[p_a], DAY_WINDOW[p_b])` days: +-1 for exact days, +-4 around a
  mid-week date, +-16 around a mid-month date;
- places: both geocoded -> within `max(RADIUS_KM[where_prec])` km, or (both coarse, where_prec
  >= 4) the same admin1, or (either at country level) the same country. One or both places
  unknown -> a stricter rule: exact-day dates within 1 day, the same event_type, actor1 known on
  both and similar, and the written place names similar when both are written;
- compatible actors: rapidfuzz similarity of canonical names >= ACTOR_MIN_SIMILARITY per known
  slot, or state forces (inter 1) of the same country; role swaps allowed; an unknown actor is
  compatible with any.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from rapidfuzz import fuzz

from faultline.model import Actor, EventMention

EVENT_MODALITIES: frozenset[str] = frozenset({"reported", "background"})

COMPATIBLE_TYPES: frozenset[frozenset[str]] = frozenset({
    frozenset({"Battles", "Explosions/Remote violence"}),
    frozenset({"Protests", "Riots"}),
    frozenset({"Explosions/Remote violence", "Violence against civilians"}),
})

# Half-width in days of the window a date stands for, by ACLED time_precision.
DAY_WINDOW: dict[int, int] = {1: 1, 2: 4, 3: 16}
# Merge radius in km by UCDP where_prec; 6 (country) and 7 (water/air) use the country rule.
RADIUS_KM: dict[int, float] = {1: 15.0, 2: 30.0, 3: 60.0, 4: 150.0, 5: 300.0, 6: math.inf, 7: 100.0}
# Blocking scans at most this many days either side, the widest DAY_WINDOW.
MAX_DAY_WINDOW = max(DAY_WINDOW.values())

ACTOR_MIN_SIMILARITY = 85.0
PLACE_NAME_MIN_SIMILARITY = 85.0


def is_event_forming(m: EventMention) -> bool:
    """Whether a report can become (part of) a canonical event at all."""
    return m.modality in EVENT_MODALITIES


def country_key(m: EventMention) -> str:
    """The blocking country: the place's ISO2, else a state actor's country, else ""."""
    if m.place is not None and m.place.iso2:
        return m.place.iso2.upper()
    for actor in (m.actor1, m.actor2):
        if actor is not None and actor.country:
            return actor.country.upper()
    return ""


def day_window(m: EventMention) -> int:
    """Half-width in days of the date window a report's date stands for."""
    return DAY_WINDOW.get(m.time_precision, MAX_DAY_WINDOW)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def types_compatible(a: str, b: str) -> bool:
    """Same event type, or a documented compatible pair."""
    return a == b or frozenset({a, b}) in COMPATIBLE_TYPES


def name_similarity(a: str, b: str) -> float:
    """Similarity 0-100 of two names, robust to word order and case."""
    return fuzz.token_sort_ratio(a.casefold(), b.casefold())


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    """Unknown on either side is compatible; else similar names, or state forces of one country."""
    if a is None or b is None:
        return True
    if a.inter == b.inter == 1 and a.country and a.country == b.country:
        return True  # "the army" and "security forces" of one state in two reports of one clash
    return name_similarity(a.name, b.name) >= ACTOR_MIN_SIMILARITY


def actors_compatible(a: EventMention, b: EventMention) -> bool:
    """Each known slot matches the other report's slot, as written or with roles swapped."""
    straight = _same_actor(a.actor1, b.actor1) and _same_actor(a.actor2, b.actor2)
    swapped = _same_actor(a.actor1, b.actor2) and _same_actor(a.actor2, b.actor1)
    return straight or swapped


def _written_place(m: EventMention) -> str | None:
    """The place as written, when any."""
    if m.location is not None and m.location.text:
        return m.location.text
    if m.unresolved is not None and m.unresolved.text:
        return m.unresolved.text
    return m.place.name if m.place is not None else None


def _places_compatible(a: EventMention, b: EventMention) -> bool:
    """Geocoded places close enough for their precision (see module docstring)."""
    pa, pb = a.place, b.place
    assert pa is not None and pb is not None
    prec = max(pa.where_prec, pb.where_prec)
    if prec == 6:
        return pa.iso2.upper() == pb.iso2.upper()
    if prec >= 4 and pa.admin1 and pb.admin1 and pa.admin1 == pb.admin1 and pa.iso2 == pb.iso2:
        return True
    radius = RADIUS_KM.get(prec, RADIUS_KM[5])
    return haversine_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) <= radius


def _unplaced_compatible(a: EventMention, b: EventMention) -> bool:
    """The stricter rule when either place is unknown."""
    if a.time_precision != 1 or b.time_precision != 1 or a.event_type != b.event_type:
        return False
    if a.actor1 is None or b.actor1 is None:
        return False
    if name_similarity(a.actor1.name, b.actor1.name) < ACTOR_MIN_SIMILARITY:
        return False
    wa, wb = _written_place(a), _written_place(b)
    if wa is None or wb is None:
        return True
    # token_set: "Jalalabad city" names the same place as "Jalalabad".
    return fuzz.token_set_ratio(wa.casefold(), wb.casefold()) >= PLACE_NAME_MIN_SIMILARITY


def may_be_compatible(m: EventMention, *, event_type: str, latitude: float | None,
                      longitude: float | None, where_prec: int | None) -> bool:
    """A cheap necessary condition on a stored report's summary columns (False = never merges)."""
    if not types_compatible(m.event_type, event_type):
        return False
    if m.place is None or latitude is None or longitude is None or where_prec is None:
        return True
    prec = max(m.place.where_prec, where_prec)
    if prec >= 4:
        return True  # the same-admin1 and country rules can merge at any distance
    km = haversine_km(m.place.latitude, m.place.longitude, latitude, longitude)
    return km <= RADIUS_KM.get(prec, RADIUS_KM[5])


def compatible(a: EventMention, b: EventMention) -> bool:
    """Whether two reports from different articles describe the same incident."""
    if a.article_id == b.article_id or not (is_event_forming(a) and is_event_forming(b)):
        return False
    if a.event_date is None or b.event_date is None:
        return False  # undated reports cannot be blocked by date, so they stand alone
    if country_key(a) != country_key(b) or not types_compatible(a.event_type, b.event_type):
        return False
    if abs((a.event_date - b.event_date).days) > max(day_window(a), day_window(b)):
        return False
    if not actors_compatible(a, b):
        return False
    if a.place is not None and b.place is not None:
        return _places_compatible(a, b)
    return _unplaced_compatible(a, b)


def similarity(a: EventMention, b: EventMention) -> float:
    """A 0-1 closeness score used only to break ties when a cluster must be split."""
    score = 1.0 if a.event_type == b.event_type else 0.5
    if a.event_date and b.event_date:
        score -= min(abs((a.event_date - b.event_date).days), 30) / 60
    if a.place is not None and b.place is not None:
        km = haversine_km(a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude)
        score -= min(km, 300.0) / 600
    return score


def any_compatible(m: EventMention, others: Iterable[EventMention]) -> bool:
    """Whether `m` merges with any of `others`."""
    return any(compatible(m, o) for o in others)
