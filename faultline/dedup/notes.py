"""The `notes` column: a short English summary generated from an event's fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from faultline.extract.casualty_terms import CasualtyTerms
from faultline.extract.totals import numbered_first
from faultline.model import Event, EventMention, Figure

# Types whose first actor acts upon the second ("strike by X against Y").
ONE_SIDED_TYPES: frozenset[str] = frozenset({"Explosions/Remote violence", "Violence against civilians"})


def _when(event: Event) -> str:
    """The date phrase at the event's time precision."""
    if not event.event_date:
        return "on an unknown date"
    day = dt.date.fromisoformat(event.event_date)
    if event.time_precision == 3:
        return f"in {day:%B %Y}"
    if event.time_precision == 2:
        return f"in the week of {day.day} {day:%B %Y}"
    return f"on {day.day} {day:%B %Y}"


def _where(event: Event) -> str:
    """The place phrase: location, then its admin1 and country when they add something."""
    parts = [p for p in (event.location, event.admin1, event.country) if p]
    parts = list(dict.fromkeys(parts))
    return f" in {', '.join(parts)}" if parts else " at an unknown location"


def _what(event: Event) -> str:
    """What happened and who took part."""
    what = event.sub_event_type or event.event_type or "Event"
    a1, a2 = event.actor1, event.actor2
    if event.event_type in ONE_SIDED_TYPES and a1 and a2:
        return f"{what} by {a1} against {a2}"
    if a1 and a2:
        return f"{what} involving {a1} and {a2}"
    if a1:
        return f"{what} by {a1}"
    return what


def _figure_phrase(figures: Sequence[Figure]) -> str:
    """'15 attackers and 2 officers killed according to officials' for one group of figures."""
    counts = " and ".join(f"{f.count} {f.who or 'people'}" for f in figures)
    who = figures[0].attribution.source if figures[0].attribution else None
    return f"{counts} killed" + (f" according to {who}" if who else "")


def _by_source(figures: Sequence[Figure]) -> str:
    """The figures grouped by who gave them: '15 attackers killed according to officials; 2 officers killed'."""
    terms = CasualtyTerms.load()

    def counted(f: Figure) -> tuple[int, str | None]:
        return f.count, None if terms.is_generic(f.who) else f.who

    sourced = {counted(f) for f in figures if f.attribution}
    groups: dict[str | None, list[Figure]] = {}
    for f in figures:
        if f.attribution is None and counted(f) in sourced:
            continue  # the headline's "kills 9" is the police's nine people, said once
        groups.setdefault(f.attribution.source if f.attribution else None, []).append(f)
    return "; ".join(_figure_phrase(g) for g in groups.values())


def _fatality_reasoning(event: Event, mentions: Sequence[EventMention]) -> str:
    """Why the fatality count is what it is, naming the figures and who gave them."""
    if event.fatalities == 0 and not event.fatalities_high:
        return "No fatalities reported."
    source = next(
        (m for m in mentions if m.fatalities == event.fatalities
         and any(f.kind == "killed" for f in m.figures)),
        None,
    )
    if source is None:
        text = f"{event.fatalities} fatalities (deaths reported without a precise figure)."
    else:
        # A bare "civilians were killed" gives way to any stated number, in the total and here.
        killed = numbered_first([f for f in source.figures if f.kind == "killed"])
        terms = CasualtyTerms.load()
        overall = [f for f in killed if terms.is_generic(f.who)]
        sides = [f for f in killed if not terms.is_generic(f.who)]
        # "17 dead" beside "15 attackers" and "2 officers": the toll, then its parts, never one list.
        parts = [_by_source(overall), _by_source(sides)]
        text = ". By side: ".join(p for p in parts if p) + "."
        text = text[0].upper() + text[1:]
    if event.fatalities_high is not None and event.fatalities_high > event.fatalities:
        text += (f" Reports give {event.fatalities_low} to {event.fatalities_high} deaths;"
                 f" the lowest reliable total, {event.fatalities}, is recorded.")
    return text


def build_notes(event: Event, mentions: Sequence[EventMention]) -> str:
    """A short English summary: what, who, where, when, and the fatality reasoning."""
    head = f"{_what(event)}{_where(event)} {_when(event)}."
    reports = len({m.article_id for m in mentions})
    tail = f" Reported by {reports} articles." if reports > 1 else ""
    return f"{head} {_fatality_reasoning(event, mentions)}{tail}"
