"""Hand-built EventMentions for dedup, store and export tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from faultline.model import (
    Actor, Attribution, Claim, EventMention, Evidence, Figure, Mention, Place, Span, Toponym,
)

SUB_TO_TYPE = {
    "Armed clash": ("Battles", "Political violence"),
    "Remote explosive/landmine/IED": ("Explosions/Remote violence", "Political violence"),
    "Air/drone strike": ("Explosions/Remote violence", "Political violence"),
    "Attack": ("Violence against civilians", "Political violence"),
    "Peaceful protest": ("Protests", "Demonstrations"),
    "Violent demonstration": ("Riots", "Political violence"),
    "Arrests": ("Strategic developments", "Strategic developments"),
}

PLACES = {
    "Jalalabad": ("Jalalabad", 34.4265, 70.4515, "Afghanistan", "AF", "Nangarhar", 4, "Southern Asia"),
    "Kabul": ("Kabul", 34.5281, 69.1723, "Afghanistan", "AF", "Kabul", 4, "Southern Asia"),
    "Khorog": ("Khorog", 37.4897, 71.5530, "Tajikistan", "TJ", "Gorno-Badakhshan", 762, "Central Asia"),
    "Idlib": ("Idlib", 35.9306, 36.6339, "Syria", "SY", "Idlib", 760, "Middle East"),
    "Ariha": ("Ariha", 35.8131, 36.6103, "Syria", "SY", "Idlib", 760, "Middle East"),
}
ACTORS = {
    "Taliban": (2, None),
    "Police Forces of Afghanistan (2021-)": (1, "AF"),
    "Military Forces of Tajikistan (1991-)": (1, "TJ"),
    "Islamic State (ISIS)": (2, None),
    "Civilians (Afghanistan)": (7, "AF"),
    "Protesters (Syria)": (6, None),
}


def place(name: str, *, where_prec: int = 1, lat: float | None = None, lon: float | None = None) -> Place:
    """A Place from the small table above, optionally moved."""
    n, la, lo, country, iso2, admin1, iso_num, region = PLACES[name]
    num = iso_num if isinstance(iso_num, int) and iso_num > 100 else None
    return Place(name=n, latitude=la if lat is None else lat, longitude=lo if lon is None else lon,
                 country=country, iso2=iso2, geo_precision=1 if where_prec <= 2 else 3,
                 where_prec=where_prec, admin1=admin1, region=region, iso_numeric=num)


def actor(name: str, *, text: str | None = None) -> Actor:
    """An Actor with its inter code from the table above."""
    inter, country = ACTORS.get(name, (3, None))
    return Actor(name=name, text=text or name, inter=inter, span=Span(0, len(text or name), text or name),
                 country=country)


def killed(count: int, who: str | None, said_by: str | None = None, *, approximate: bool = False,
           at: int = 40) -> Figure:
    """A killed Figure, attributed when `said_by` is given."""
    attribution = Attribution(source=said_by, kind="official") if said_by else None
    phrase = f"{count} {who or 'people'} were killed"
    return Figure(kind="killed", count=count, low=count, high=count, span=Span(at, at + len(phrase), phrase),
                  sentence=Span(0, 100, "sentence"), who=who, attribution=attribution,
                  approximate=approximate)


def mention(article_id: str, *, sub: str = "Armed clash", day: dt.date | None = dt.date(2021, 5, 28),
            prec: int = 1, where: str | Place | None = "Jalalabad", written: str | None = None,
            actor1: str | None = "Taliban", actor2: str | None = "Police Forces of Afghanistan (2021-)",
            figures: tuple[Figure, ...] = (), fatalities: int | None = None, source: str | None = "Reuters",
            trigger_at: int = 10, modality: str = "reported", **extra: Any) -> EventMention:
    """One article's report of an incident with sensible defaults."""
    event_type, disorder = SUB_TO_TYPE[sub]
    if isinstance(where, str):
        where = place(where)
    total = fatalities if fatalities is not None else sum(f.count for f in figures if f.kind == "killed")
    loc_text = written or (where.name if where is not None else None)
    location = Toponym(text=loc_text, start=60, end=60 + len(loc_text), role="event") if loc_text else None
    statement = Mention(article_id=article_id, sentence=Span(0, 50, "s"), modality=modality,
                        trigger=Span(trigger_at, trigger_at + 5, "clash"), event_type=event_type,
                        sub_event_type=sub)
    return EventMention(
        article_id=article_id, event_type=event_type, sub_event_type=sub, disorder_type=disorder,
        trigger=Span(trigger_at, trigger_at + 5, "clash"), modality=modality,
        actor1=actor(actor1) if actor1 else None, actor2=actor(actor2) if actor2 else None,
        figures=figures, fatalities=total, event_date=day, time_precision=prec, location=location,
        place=where, source=source, statements=(statement,),
        evidence=(Evidence(field="event_type", start=trigger_at, end=trigger_at + 5, text="clash"),),
        **extra,
    )


__all__ = ["Claim", "killed", "mention", "place", "actor"]
