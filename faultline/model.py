"""The typed records that flow through Faultline: Article -> Doc -> Mention/EventMention -> Event.

Every record is a frozen, slotted dataclass. Character offsets (`start`, `end`) always index the
article's `text` as ingested, and survive every stage untouched, so an analyst can click from a
field back to the words that support it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

Modality = Literal["reported", "background", "forecast", "hypothetical", "negated", "opinion"]
MODALITIES: tuple[str, ...] = ("reported", "background", "forecast", "hypothetical", "negated", "opinion")

FigureKind = Literal["killed", "injured", "captured", "missing", "participants"]
FIGURE_KINDS: tuple[str, ...] = ("killed", "injured", "captured", "missing", "participants")

PlaceRole = Literal["event", "origin", "near", "other"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of article text: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as ingested; `text` is the body every offset refers to."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    origin: str | None = None  # the file, URL or feed it was read from


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be used, with the stage that refused it and why."""

    article_id: str  # the article id when known, else the input's name (path, URL)
    stage: str  # "ingest", "nlp", "extract", "geo", "store"
    reason: str
    code: str = "FL-E000"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who is reported as saying something.

    `kind` is one of: official, government, military, police, security, medical, witness, media,
    group_claim, local, ngo, author (the article's own voice), unknown.
    """

    source: str  # as written: "officials", "the interior ministry", "a witness"
    kind: str
    span: Span | None = None  # where the source is named; None for the author's own voice


@dataclass(frozen=True, slots=True)
class Claim:
    """Responsibility for an incident: claimed, denied, explicitly unclaimed, or blamed on someone."""

    status: Literal["claimed", "denied", "unclaimed", "blamed"]
    actor: str | None  # the group claiming / denying / blamed, as written
    by: Attribution | None  # who says so (e.g. the author blames a group)
    span: Span


@dataclass(frozen=True, slots=True)
class Figure:
    """One casualty (or participant) figure as reported."""

    kind: str  # one of FIGURE_KINDS
    count: int  # the conservative reading: "at least 10" -> 10, "dozens" -> 12, "10-15" -> 10
    low: int | None
    high: int | None
    span: Span  # the figure phrase ("fifteen attackers were killed")
    sentence: Span
    who: str | None = None  # whom it counts, as written: "attackers", "officers", "civilians"
    side: str | None = None  # "actor1", "actor2", "civilians", or None when unknown
    attribution: Attribution | None = None
    approximate: bool = False  # vague words or "about", "some"


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as written and as canonicalised from faultline/data/actors."""

    name: str  # canonical: "Islamic State (ISIS)", "Military Forces of Tajikistan (1991-)"
    text: str  # as written in the article
    inter: int  # ACLED actor type 1-8
    span: Span
    country: str | None = None  # ISO 3166-1 alpha-2 for state forces, when known
    kind: str | None = None  # "military", "police", "border guards", "rebel", "civilians", ...
    # supplied from the event itself because no one is named ("Protesters", "Unidentified Armed
    # Group"); its span is the trigger's
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name in the text and the role it plays for an event."""

    text: str
    start: int
    end: int
    role: str = "other"  # one of PlaceRole: where it happened, where actors came from, what it was near, other
    label: str | None = None  # NER label or feature hint: GPE, LOC, FAC, border_post, district...
    locative: bool = False  # introduced by a locative preposition ("killed in Jilib", "near Jilib")


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved location with honest precision codes."""

    name: str  # the gazetteer's name, or the name as written when only the enclosing unit is known
    latitude: float
    longitude: float
    country: str  # country name
    iso2: str
    geo_precision: int  # ACLED 1-3
    where_prec: int  # UCDP 1-7
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    geonameid: int | None = None
    feature: str | None = None  # GeoNames feature class.code: "P.PPL", "A.ADM1", "A.PCLI", ...; "demonym"
    population: int | None = None
    span: Span | None = None  # the toponym it was resolved from
    iso_numeric: int | None = None
    region: str | None = None  # ACLED world region


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A toponym the gazetteer could not place, and why."""

    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a field has its value: the supporting words and who said them."""

    field: str  # "event_type", "fatalities", "actor1", "event_date", "location", ...
    start: int
    end: int
    text: str
    attributed_to: str | None = None  # Attribution.source, or None for the author's own voice


@dataclass(frozen=True, slots=True)
class Mention:
    """One statement in an article about a possible event, with its modality."""

    article_id: str
    sentence: Span
    modality: str  # one of MODALITIES
    trigger: Span | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    attribution: Attribution | None = None


@dataclass(frozen=True, slots=True)
class EventMention:
    """One incident as one article reports it (its statements already grouped)."""

    article_id: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    trigger: Span
    modality: str = "reported"
    civilian_targeting: bool = False
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_1: tuple[Actor, ...] = ()
    assoc_actor_2: tuple[Actor, ...] = ()
    figures: tuple[Figure, ...] = ()
    fatalities: int = 0
    injured: int | None = None
    captured: int | None = None
    participants: int | None = None
    event_date: dt.date | None = None
    time_precision: int = 3
    location: Toponym | None = None  # where it happened, as written
    place_candidates: tuple[Toponym, ...] = ()  # every place the incident's statements put it at
    origins: tuple[Toponym, ...] = ()  # where actors came from: never the event's place
    # The place's rank in a list one statement gives ("protests in Mombasa, Kisumu and Nakuru"):
    # each listed place is an event of its own; 0 for the first, or for a place not listed.
    listed: int = 0
    place: Place | None = None  # filled by the geo stage
    unresolved: Unresolved | None = None
    attribution: Attribution | None = None
    claim: Claim | None = None
    statements: tuple[Mention, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    notes: str = ""
    tags: tuple[str, ...] = ()
    source: str | None = None  # the publisher
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A canonical event: ACLED's 31 export columns plus Faultline's evidence fields."""

    event_id_cnty: str
    event_date: str | None
    year: int | None
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str
    inter1: int | None
    actor2: str
    assoc_actor_2: str
    inter2: int | None
    interaction: int | None
    civilian_targeting: str
    iso: int | None
    region: str
    country: str
    admin1: str
    admin2: str
    admin3: str
    location: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    source: str
    source_scale: str
    notes: str
    fatalities: int
    tags: str
    timestamp: int
    # Faultline's additions
    article_ids: tuple[str, ...] = ()
    injured: int | None = None
    captured: int | None = None
    participants: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    where_prec: int | None = None
    figures: tuple[Figure, ...] = ()
    attribution: tuple[Attribution, ...] = ()
    claim: Claim | None = None
    evidence: tuple[Evidence, ...] = ()

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready dict: ACLED columns first, then Faultline's fields."""
        return to_jsonable(self)


ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)


def to_jsonable(value: Any) -> Any:
    """Turn records (nested dataclasses, dates, tuples) into plain JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


__all__ = [
    "ACLED_COLUMNS", "Actor", "Article", "Attribution", "Claim", "Event", "EventMention", "Evidence",
    "FIGURE_KINDS", "Figure", "MODALITIES", "Mention", "Place", "Rejection", "Span", "Toponym",
    "Unresolved", "to_jsonable",
]
