"""One canonical ACLED record from the article-level reports of a single incident.

Rules (every choice is deterministic and independent of the order of `mentions`):
- Mentions are first sorted by `mention_key` (article id, trigger offsets), the canonical order.
- The id is ISO3 of the event's country + a 12-digit number hashed from the *anchor*: the key of
  the earliest-published report (ties: the smallest key). The id is a function of the incident's
  content (so any arrival order gives the same id) and stays stable as later reports join,
  unless an earlier-published one turns up.
- Date: the most precise `time_precision`; among those, the earliest date.
- Types: the most frequent event_type, then the most frequent sub-event/disorder type within it;
  ties go to the alphabetically first value.
- Place: the most precise (lowest `where_prec`, then `geo_precision`); ties go to the most
  frequent place, then to the canonical order.
- Fatalities: the lowest reliable total (see `fatality_range`); low/high keep the spread.
- Injured / captured / participants: the lowest figure any report gives (the conservative one).
- Timestamp: midnight UTC of the latest publication date among the reports when known, else 0.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

import pycountry

from faultline.dedup.notes import build_notes
from faultline.dedup.scales import PublisherScales
from faultline.model import Attribution, Claim, Event, EventMention, Place

T = TypeVar("T", bound=Hashable)

UNKNOWN_ISO3 = "XXX"


def mention_key(mention: EventMention) -> str:
    """The stable key of one article's report of an incident: article id and trigger offsets, and
    the place's rank where one statement lists several places."""
    key = f"{mention.article_id}:{mention.trigger.start}-{mention.trigger.end}"
    return f"{key}#{mention.listed}" if mention.listed else key


def anchor_of(mentions: Sequence[EventMention], published: Mapping[str, dt.date | None]) -> str:
    """The incident's identity: the earliest-published report, ties broken by mention key.

    The first report of an incident usually arrives first, so the id rarely changes as later
    reports join; it still depends only on the reports, never on their arrival order.
    """
    first = min(mentions, key=lambda m: (published.get(m.article_id) or dt.date.max, mention_key(m)))
    return mention_key(first)


def canonical(mentions: Iterable[EventMention]) -> list[EventMention]:
    """Mentions in canonical order (by key), so every later choice is order-independent."""
    return sorted(mentions, key=lambda m: (mention_key(m), m.event_type, m.sub_event_type))


def event_number(anchor: str) -> str:
    """Twelve stable digits derived from an anchor mention key."""
    digest = hashlib.blake2b(anchor.encode("utf-8"), digest_size=8).digest()
    return str(int.from_bytes(digest, "big") % 10**12).zfill(12)


def iso3_of(iso2: str | None) -> str:
    """ISO 3166-1 alpha-3 for an alpha-2 code; "XXX" when unknown."""
    country = pycountry.countries.get(alpha_2=iso2.upper()) if iso2 else None
    return country.alpha_3 if country else UNKNOWN_ISO3


def iso_numeric_of(place: Place | None) -> int | None:
    """ISO 3166-1 numeric code of a place's country."""
    if place is None:
        return None
    if place.iso_numeric is not None:
        return place.iso_numeric
    country = pycountry.countries.get(alpha_2=place.iso2.upper()) if place.iso2 else None
    return int(country.numeric) if country else None


def _most_frequent(values: Iterable[T]) -> T | None:
    """The most frequent value; ties go to the smallest by string form."""
    counts = Counter(values)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], str(v)))


def _choose_date(mentions: Sequence[EventMention]) -> tuple[dt.date | None, int]:
    """Most precise time precision, then the earliest date."""
    dated = [m for m in mentions if m.event_date is not None]
    if not dated:
        return None, 3
    best = min(m.time_precision for m in dated)
    return min(m.event_date for m in dated if m.time_precision == best), best  # type: ignore[type-var]


def _choose_place(mentions: Sequence[EventMention]) -> Place | None:
    """The most precise place; ties go to the most frequent, then to canonical order."""
    places = [m.place for m in mentions if m.place is not None]
    if not places:
        return None
    counts = Counter((p.name, p.latitude, p.longitude) for p in places)
    ranked = sorted(
        enumerate(places),
        key=lambda ip: (ip[1].where_prec, ip[1].geo_precision,
                        -counts[(ip[1].name, ip[1].latitude, ip[1].longitude)], ip[0]),
    )
    return ranked[0][1]


def _written_location(mentions: Sequence[EventMention]) -> str:
    """The toponym as written when no report could be geocoded."""
    texts = [m.location.text for m in mentions if m.location is not None and m.location.text]
    texts += [m.unresolved.text for m in mentions if m.unresolved is not None and m.unresolved.text]
    return _most_frequent(texts) or ""


def fatality_range(mentions: Sequence[EventMention]) -> tuple[int, int | None, int | None]:
    """Lowest reliable total across reports, with the low/high spread (UCDP best/low/high).

    A report's total counts as reliable when it rests on a precise killed figure; failing any,
    on an approximate one ("dozens"); failing that, on a total given without any figure (the
    codebook's 10/3 defaults). A report that gives no killed figure and a zero total is silence,
    not a report of zero deaths, so it does not pull the total down.
    """
    precise, vague, bare = [], [], []
    for m in mentions:
        killed = [f for f in m.figures if f.kind == "killed"]
        if killed and any(not f.approximate for f in killed):
            precise.append(m.fatalities)
        elif killed:
            vague.append(m.fatalities)
        elif m.fatalities > 0:
            bare.append(m.fatalities)
    for totals in (precise, vague, bare):
        if totals:
            every = precise + vague + bare
            return min(totals), min(every), max(every)
    return 0, None, None


def _lowest(values: Iterable[int | None]) -> int | None:
    """The lowest reported value, or None when no report gives one."""
    present = [v for v in values if v is not None]
    return min(present) if present else None


def _distinct(items: Iterable[T]) -> list[T]:
    """Items with duplicates dropped, first occurrence kept."""
    return list(dict.fromkeys(items))


def _actor_slots(mentions: Sequence[EventMention]) -> tuple[tuple, tuple]:
    """(name, inter) for actor1 and actor2: the most frequent per slot, never the same actor."""
    first = _most_frequent((m.actor1.name, m.actor1.inter) for m in mentions if m.actor1)
    seconds = Counter((m.actor2.name, m.actor2.inter) for m in mentions if m.actor2)
    if first is not None:
        seconds.pop(first, None)
    # A target stays actor2 even when no report names the perpetrator: victims are never actor1.
    second = _most_frequent(seconds.elements())
    return (first or ("", None)), (second or ("", None))


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction: both codes, lower first; an actor alone gives 10 x code."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def _assoc(mentions: Sequence[EventMention], slot: str, exclude: set[str]) -> str:
    """Associated actors of one slot across reports, distinct and sorted, joined "; "."""
    names = {a.name for m in mentions for a in getattr(m, slot) if a.name not in exclude}
    return "; ".join(sorted(names))


def _claim(mentions: Sequence[EventMention]) -> Claim | None:
    """A responsibility claim when any report carries one; explicit claims go first."""
    claims = [m.claim for m in mentions if m.claim is not None]
    order = {"claimed": 0, "denied": 1, "blamed": 2, "unclaimed": 3}
    return min(claims, key=lambda c: order.get(c.status, 9), default=None)


def _timestamp(mentions: Sequence[EventMention], published: Mapping[str, dt.date | None]) -> int:
    """Midnight UTC of the latest publication date among the reports, else 0."""
    dates = [published.get(m.article_id) for m in mentions]
    known = [d for d in dates if d is not None]
    if not known:
        return 0
    latest = max(known)
    return int(dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC).timestamp())


def build_event(
    mentions: Sequence[EventMention],
    *,
    published: Mapping[str, dt.date | None] | None = None,
    scales: PublisherScales | None = None,
) -> Event:
    """The ACLED record for one incident from one or more article-level reports.

    `published` maps article ids to publication dates (the anchor and timestamp use them);
    `scales` gives source_scale (default: the packaged faultline/data/publishers.toml).
    """
    if not mentions:
        raise ValueError("build_event needs at least one mention")
    ms = canonical(mentions)
    anchor = anchor_of(ms, published or {})

    event_type = _most_frequent(m.event_type for m in ms) or ""
    typed = [m for m in ms if m.event_type == event_type]
    sub_event_type = _most_frequent(m.sub_event_type for m in typed) or ""
    disorder_type = _most_frequent(m.disorder_type for m in typed) or ""
    targeted = any(m.civilian_targeting for m in typed if m.sub_event_type == sub_event_type)

    event_date, time_precision = _choose_date(ms)
    place = _choose_place(ms)
    (actor1, inter1), (actor2, inter2) = _actor_slots(ms)
    fatalities, low, high = fatality_range(ms)
    publishers = sorted({m.source for m in ms if m.source})
    figures = tuple(f for m in ms for f in m.figures)
    attributions: list[Attribution] = _distinct(
        [m.attribution for m in ms if m.attribution is not None]
        + [f.attribution for f in figures if f.attribution is not None]
    )
    iso2 = place.iso2 if place else None
    location = place.name if place else _written_location(ms)

    event = Event(
        event_id_cnty=f"{iso3_of(iso2)}{event_number(anchor)}",
        event_date=event_date.isoformat() if event_date else None,
        year=event_date.year if event_date else None,
        time_precision=time_precision,
        disorder_type=disorder_type,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=actor1,
        assoc_actor_1=_assoc(ms, "assoc_actor_1", {actor1, actor2}),
        inter1=inter1,
        actor2=actor2,
        assoc_actor_2=_assoc(ms, "assoc_actor_2", {actor1, actor2}),
        inter2=inter2,
        interaction=_interaction(inter1, inter2),
        civilian_targeting="Civilian targeting" if targeted else "",
        iso=iso_numeric_of(place),
        region=(place.region or "") if place else "",
        country=place.country if place else "",
        admin1=(place.admin1 or "") if place else "",
        admin2=(place.admin2 or "") if place else "",
        admin3=(place.admin3 or "") if place else "",
        location=location,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=place.geo_precision if place else None,
        source="; ".join(publishers),
        source_scale=(scales or PublisherScales.load()).source_scale(publishers),
        notes="",
        fatalities=fatalities,
        tags="; ".join(_distinct(t for m in ms for t in m.tags)),
        timestamp=_timestamp(ms, published or {}),
        article_ids=tuple(sorted({m.article_id for m in ms})),
        injured=_lowest(m.injured for m in ms),
        captured=_lowest(m.captured for m in ms),
        participants=_lowest(m.participants for m in ms),
        fatalities_low=low,
        fatalities_high=high,
        where_prec=place.where_prec if place else None,
        figures=figures,
        attribution=tuple(attributions),
        claim=_claim(ms),
        evidence=tuple(e for m in ms for e in m.evidence),
    )
    return _with_notes(event, ms)


def _with_notes(event: Event, mentions: Sequence[EventMention]) -> Event:
    """The event with its generated English summary filled in."""
    return dataclasses.replace(event, notes=build_notes(event, mentions))
