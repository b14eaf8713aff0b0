"""Event arguments on full articles: do our events' actors, places and sources match the text?

Run from the project root:  PYTHONPATH=. .venv/bin/python -m benchmarks.arguments [--examples N]

WikiEvents (../shared/data/wikievents): 40 full news articles annotated with KAIROS event mentions
and their arguments; its dev file is our "dev" half, its test file the "held out" one. RAMS
(../shared/data/rams): five-sentence windows with one annotated event each, dev and test files the
same way. Texts are rebuilt from the corpus tokens (benchmarks.datasets), so every gold offset
indexes the text Faultline reads; each text goes through the public Pipeline as one article.
The gold-to-Faultline mapping is printed with the results. --examples N lists N dev-half cases
of each error class.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.datasets import (
    ArgumentDoc,
    GoldArgument,
    GoldEvent,
    load_rams,
    load_wikievents,
)
from faultline.config import Settings
from faultline.model import Actor, Article, EventMention
from faultline.pipeline import ArticleResult, Pipeline

HALVES = ("dev", "held out")

# Gold event families that should become an ACLED event (type prefixes, compared case-folded).
WIKI_SCOPE = ("conflict.attack", "conflict.demonstrate", "life.die", "life.injure", "justice.arrestjaildetain")
RAMS_SCOPE = ("conflict.", "life.die", "life.injure")
# RAMS subtypes of life.* that no conflict caused: ACLED would never code them.
RAMS_NONVIOLENT = ("life.die.nonviolentdeath", "life.injure.illnessdegradation")
FAMILIES = {"conflict.attack": "attack/explosion", "conflict.demonstrate": "demonstration",
            "conflict.yield": "surrender/retreat", "life.die": "death", "life.injure": "injury",
            "justice.arrestjaildetain": "arrest"}

# ACLED event types (or sub-event types) that can stand for each gold family: an incident covered
# only by an event of another type ("Agreement" over a bombing sentence) is found, but mistyped.
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots",
                     "Excessive force against protesters"})
COMPATIBLE = {"attack/explosion": VIOLENT, "death": VIOLENT, "injury": VIOLENT,
              "arrest": frozenset({"Arrests", "Abduction/forced disappearance"}),
              "demonstration": frozenset({"Protests", "Riots"}),
              "surrender/retreat": frozenset({"Battles", "Strategic developments"})}

ACTOR1_ROLES = frozenset({"attacker", "killer", "injurer", "jailer", "demonstrator"})
ACTOR2_ROLES = frozenset({"target", "victim", "detainee"})
# ACLED actors are people and organisations, never the buildings, vehicles or weapons attacked.
ACTOR_ENTITY_TYPES = frozenset({"PER", "ORG", "GPE"})

MAPPING = """\
mapping (gold -> Faultline):
  in scope   WikiEvents Conflict.Attack.*, Conflict.Demonstrate.*, Life.Die.*, Life.Injure.*,
             Justice.ArrestJailDetain.*; RAMS conflict.*, life.die.*, life.injure.* less the
             non-violent subtypes (nonviolentdeath, illnessdegradation*)
  incident   WikiEvents: the in-scope gold mentions whose triggers share a sentence (an attack and
             its deaths told in one sentence are one incident); RAMS: the window's one event
  covers     an event of ours covers a gold trigger when one of its evidence spans (any field) or
             the sentence of one of its statements contains it; an incident is found when some
             event covers one of its triggers, "with a compatible type" when that event's type
             can code the gold family (attack/death/injury: Battles, Explosions/Remote violence,
             Violence against civilians, Riots, Excessive force against protesters; arrest:
             Arrests, Abduction; demonstration: Protests, Riots; surrender: Battles, Strategic)
  spurious   (WikiEvents) an event of ours that covers no in-scope gold trigger
  per event  actor and place rows score each event of ours against the gold arguments of every
             incident it covers (an event reporting five sentences of one bombing is one record)
  actor1     gold Attacker, Killer, Injurer, Jailer, Demonstrator
  actor2     gold Target, Victim, Detainee; WikiEvents arguments only when the entity is PER, ORG
             or GPE (a bombed market or a convoy is a target but never an ACLED actor)
  match      (actors, places, sources) our span overlaps a gold argument or (WikiEvents) any
             mention coreferent with it, or repeats its words elsewhere (same text, case-folded);
             an actor inferred from a trigger ("Unidentified Armed Group", its span the trigger's)
             names nobody and is counted apart from none given; "swapped": our other side matches
  place      gold Place arguments written as a name (some coreferent mention capitalised) against
             our event's location, (lenient row) its location or any of its place candidates,
             and the span of the place the geocoder chose among them (Place.span)
  source     (WikiEvents) per statement of ours whose sentence holds an in-scope gold trigger:
             its attribution span against the Communicator of a Contact.*.Broadcast mention in
             that sentence (the author's own voice counts as none given)"""


@dataclass(frozen=True, slots=True)
class Incident:
    """The in-scope gold mentions told in one sentence of a document: one incident to find."""

    doc: ArgumentDoc
    half: str
    sentence: tuple[int, int]
    events: tuple[GoldEvent, ...]



@dataclass(slots=True)
class Scores:
    """Hits per measure and half, and dev-half examples per error class."""

    rows: dict[str, dict[str, list[bool]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    examples: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    causes: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, name: str, half: str, hit: bool) -> None:
        """Count one item of measure `name`."""
        self.rows[name][half].append(hit)

    def example(self, kind: str, line: str, *, half: str, doc: str) -> None:
        """Keep an example of an error class (dev half only: the held-out half is not studied)."""
        if half == HALVES[0]:
            self.examples[kind].append((doc, line))

    def pick(self, kind: str, limit: int) -> list[str]:
        """Up to `limit` examples of a class, from as many documents as possible."""
        found = self.examples[kind]
        seen: set[str] = set()
        first = [line for doc, line in found if not (doc in seen or seen.add(doc))]
        return (first + [line for _, line in found if line not in first])[:limit]


def in_scope(event_type: str, scope: Sequence[str]) -> bool:
    """Whether a gold event type belongs to the families Faultline should turn into events."""
    kind = event_type.casefold()
    return kind.startswith(tuple(scope)) and not kind.startswith(RAMS_NONVIOLENT)


def family(event_type: str) -> str:
    """The printed family of an in-scope gold event type."""
    kind = event_type.casefold()
    return next(name for prefix, name in FAMILIES.items() if kind.startswith(prefix))


def incidents(doc: ArgumentDoc, half: str, scope: Sequence[str]) -> list[Incident]:
    """A document's in-scope gold mentions, grouped by their trigger's sentence."""
    by_sentence: dict[int, list[GoldEvent]] = defaultdict(list)
    for event in doc.events:
        if in_scope(event.event_type, scope):
            by_sentence[event.sentence].append(event)
    return [Incident(doc, half, doc.sentences[s], tuple(es)) for s, es in sorted(by_sentence.items())]


def coverage(event: EventMention) -> list[tuple[int, int]]:
    """The stretches an event of ours claims: every evidence span and its statements' sentences."""
    return [(e.start, e.end) for e in event.evidence] + [(m.sentence.start, m.sentence.end) for m in event.statements]


def covers(event: EventMention, start: int, end: int) -> bool:
    """Whether the event's evidence or statements contain the span start..end."""
    return any(s <= start and end <= e for s, e in coverage(event))


def agrees(span: tuple[int, int], gold: Sequence[tuple[int, int]], text: str) -> bool:
    """Whether our span overlaps a gold mention, or repeats one's words (the same name said again)."""
    said = " ".join(text[slice(*span)].split()).casefold()
    return overlaps(span, gold) or any(said == " ".join(text[s:e].split()).casefold() for s, e in gold)


def overlaps(span: tuple[int, int], others: Sequence[tuple[int, int]]) -> bool:
    """Whether `span` shares a character with any of `others`."""
    return any(span[0] < end and start < span[1] for start, end in others)


def named(actor: Actor | None, event: EventMention) -> Actor | None:
    """The actor unless it was inferred from a trigger (then nobody is named in the text)."""
    if actor is None:
        return None
    triggers = {(event.trigger.start, event.trigger.end)} | {
        (m.trigger.start, m.trigger.end) for m in event.statements if m.trigger is not None}
    return None if (actor.span.start, actor.span.end) in triggers else actor


def _mentions(arguments: Sequence[GoldArgument]) -> list[tuple[int, int]]:
    return [m for a in arguments for m in a.mentions]


def _short(text: str, limit: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def gold_arguments(covered: Sequence[Incident], roles: frozenset[str], *,
                   types: frozenset[str] | None = None) -> list[GoldArgument]:
    """The arguments with one of `roles` (and, where the corpus types entities, a type of `types`)."""
    return [a for i in covered for e in i.events for a in e.arguments if a.role.casefold() in roles
            and (types is None or a.entity_type is None or a.entity_type in types)]


def _told(event: EventMention) -> str:
    """The event's type, trigger and main sentence, for an example line."""
    main = next(v.text for v in event.evidence if v.field == "sentence")
    return f"[{event.sub_event_type}: {event.trigger.text!r}] {_short(main)}"


def score_actor(scores: Scores, event: EventMention, covered: Sequence[Incident], *, side: int) -> None:
    """Score our actor1 (side 1) or actor2 (side 2) against the gold arguments of what the event covers."""
    gold = gold_arguments(covered, ACTOR1_ROLES if side == 1 else ACTOR2_ROLES, types=ACTOR_ENTITY_TYPES)
    given_actor = event.actor1 if side == 1 else event.actor2
    ours = named(given_actor, event)
    other = named(event.actor2 if side == 1 else event.actor1, event)
    name, half, doc = f"actor{side}", covered[0].half, covered[0].doc.id
    given = f"ours {ours.text!r} ({ours.name})" if ours is not None else "ours none"
    if not gold:
        scores.add(f"{name}: gold none, ours names one", half, ours is not None)
        if ours is not None:
            scores.example(f"{name} named, gold none", f"{given} {_told(event)}", half=half, doc=doc)
        return
    spans = _mentions(gold)
    text = covered[0].doc.text
    hit = ours is not None and agrees((ours.span.start, ours.span.end), spans, text)
    swapped = not hit and other is not None and agrees((other.span.start, other.span.end), spans, text)
    scores.add(f"{name}: matches gold", half, hit)
    scores.add(f"{name}:   other actor named", half, ours is not None and not hit and not swapped)
    scores.add(f"{name}:   swapped (our other side matches)", half, swapped)
    scores.add(f"{name}:   unnamed, inferred from the trigger", half, ours is None and given_actor is not None
               and not swapped)
    scores.add(f"{name}:   none given", half, given_actor is None and not swapped)
    if not hit:
        kind = "swapped" if swapped else "wrong" if ours is not None else "inferred" if given_actor else "none"
        scores.example(f"{name} {kind}", f"gold {sorted({a.text for a in gold})} {given} {_told(event)}",
                       half=half, doc=doc)


def score_place(scores: Scores, event: EventMention, covered: Sequence[Incident]) -> None:
    """Score our event's location (and its candidates) against the named gold places it covers."""
    text = covered[0].doc.text
    gold = [a for a in gold_arguments(covered, frozenset({"place"}))
            if any(text[s:e][:1].isupper() for s, e in a.mentions)]
    if not gold:
        return
    spans = _mentions(gold)
    location = event.location
    hit = location is not None and agrees((location.start, location.end), spans, text)
    lenient = hit or any(agrees((c.start, c.end), spans, text) for c in event.place_candidates)
    half = covered[0].half
    scores.add("place: location matches gold", half, hit)
    scores.add("place:   location or a candidate matches", half, lenient)
    placed = event.place.span if event.place is not None else None
    scores.add("place:   geocoded place's span matches", half,
               placed is not None and agrees((placed.start, placed.end), spans, text))
    scores.add("place:   other place given", half, location is not None and not hit)
    scores.add("place:   none given", half, location is None)
    if not hit:
        given = f"ours {location.text!r}" if location is not None else "ours none"
        scores.example(f"place {'wrong' if location else 'none'}",
                       f"gold {sorted({a.text for a in gold})} {given} {_told(event)}", half=half, doc=covered[0].doc.id)


def score_sources(scores: Scores, doc: ArgumentDoc, half: str, result: ArticleResult) -> None:
    """Score each statement's attribution where its sentence tells an in-scope gold event."""
    for statement in result.mentions:
        low, high = statement.sentence.start, statement.sentence.end
        told = [e for e in doc.events if low <= e.start < high]
        if not any(in_scope(e.event_type, WIKI_SCOPE) for e in told):
            continue
        gold = [a for e in told if e.event_type.startswith("Contact.") and e.event_type.endswith(".Broadcast")
                for a in e.arguments if a.role == "Communicator"]
        source = statement.attribution
        span = (source.span.start, source.span.end) if source is not None and source.span is not None else None
        if not gold:
            scores.add("source: gold none, ours names one", half, span is not None)
            continue
        hit = span is not None and agrees(span, _mentions(gold), doc.text)
        scores.add("source: matches gold communicator", half, hit)
        scores.add("source:   other source named", half, span is not None and not hit)
        scores.add("source:   none given (author's voice)", half, span is None)
        if not hit:
            given = f"ours {source.source!r}" if span is not None and source is not None else "ours none"
            scores.example(f"source {'wrong' if span else 'none'}", f"gold {sorted({a.text for a in gold})} "
                           f"{given} | {_short(statement.sentence.text)}", half=half, doc=doc.id)


def miss_cause(incident: Incident, result: ArticleResult) -> str:
    """Why no event covers a gold incident, read from our statements in its sentence."""
    statements = [m for m in result.mentions
                  if any(m.sentence.start <= g.start < m.sentence.end for g in incident.events)]
    if not statements:
        return "no statement: no trigger or figure read there"
    modalities = {m.modality for m in statements}
    if "reported" in modalities:
        return "reported statement, no event built from it"
    return "statement dropped as " + "/".join(sorted(modalities))


def evaluate(docs: Sequence[tuple[ArgumentDoc, str]], results: dict[str, ArticleResult], *,
             scope: Sequence[str], whole_articles: bool) -> Scores:
    """Every row for one corpus; `whole_articles`: every event is annotated (spurious and source rows)."""
    scores = Scores()
    for doc, half in docs:
        result = results[doc.id]
        items = incidents(doc, half, scope)
        for incident in items:
            covering = [e for e in result.events if any(covers(e, g.start, g.end) for g in incident.events)]
            found = bool(covering)
            scores.add("incidents found", half, found)
            typed = any({e.event_type, e.sub_event_type} & COMPATIBLE[family(g.event_type)]
                        for e in covering for g in incident.events)
            scores.add("incidents found with a compatible type", half, typed)
            for name in sorted({family(g.event_type) for g in incident.events}):
                scores.add(f"  found: {name}", half, found)
            if found and not typed:
                types = sorted({e.sub_event_type for e in covering})
                scores.example("found, incompatible type", f"{incident.events[0].event_type} ours {types} | "
                               f"{_short(doc.text[slice(*incident.sentence)])}", half=half, doc=doc.id)
            if not found:
                cause = miss_cause(incident, result)
                scores.causes[half][cause] += 1
                first = incident.events[0]
                scores.example(f"missed: {cause}", f"{first.event_type} {first.text!r} | "
                               f"{_short(doc.text[slice(*incident.sentence)])}", half=half, doc=doc.id)
        for event in result.events:
            covered = [i for i in items if any(covers(event, g.start, g.end) for g in i.events)]
            if whole_articles:
                score_spurious(scores, event, doc, half, spurious=not covered)
            if covered:
                score_actor(scores, event, covered, side=1)
                score_actor(scores, event, covered, side=2)
                score_place(scores, event, covered)
        if whole_articles:
            score_sources(scores, doc, half, result)
    return scores


def score_spurious(scores: Scores, event: EventMention, doc: ArgumentDoc, half: str, *, spurious: bool) -> None:
    """Count an event of ours that covers no in-scope gold trigger, and what gold it covers instead."""
    scores.add("our events covering no in-scope gold trigger", half, spurious)
    if not spurious:
        return
    other = sorted({g.event_type for g in doc.events if covers(event, g.start, g.end)})
    scores.add("  of them, covering another gold event", half, bool(other))
    scores.example("spurious event", f"{f'(gold {other}) ' if other else ''}{_told(event)}", half=half, doc=doc.id)


def run(pipeline: Pipeline, docs: Sequence[ArgumentDoc]) -> dict[str, ArticleResult]:
    """Each document through the pipeline as one article."""
    articles = (Article(id=d.id, text=d.text) for d in docs)
    return {r.article.id: r for r in pipeline.process_many(articles)}


# Table sections in print order, by the start of a row's name.
SECTIONS = ("incidents found", "  found:", "actor1:", "actor2:", "place:", "source:", "our events", "  of them")


def _section(name: str) -> int:
    return next(i for i, start in enumerate(SECTIONS) if name.startswith(start))


def table(scores: Scores, title: str) -> str:
    """Rows of hits / n and share per half, grouped by measure."""
    lines = [title, f"{'':52}" + "".join(f"{h:>20}" for h in HALVES)]
    names = list(scores.rows)
    for name in sorted(names, key=lambda n: (_section(n), "gold none" in n, names.index(n))):
        halves = scores.rows[name]
        cells = []
        for half in HALVES:
            hits = halves.get(half, [])
            share = sum(hits) / len(hits) if hits else 0.0
            cells.append(f"{sum(hits):>4} / {len(hits):<4} {share:6.3f}")
        lines.append(f"{name:52}" + "".join(f"{c:>20}" for c in cells))
    return "\n".join(lines)


def causes(scores: Scores) -> str:
    """Missed incidents by what our statements in their sentence say."""
    kinds = sorted({k for h in HALVES for k in scores.causes[h]})
    lines = [f"{'missed incidents by cause:':52}" + "".join(f"{h:>12}" for h in HALVES)]
    for kind in kinds:
        lines.append(f"  {kind:50}" + "".join(f"{scores.causes[h][kind]:>12}" for h in HALVES))
    return "\n".join(lines)


def report(corpus: str, docs: Sequence[tuple[ArgumentDoc, str]], results: dict[str, ArticleResult], *,
           scope: Sequence[str], whole_articles: bool, units: str) -> Scores:
    """Score one corpus and print its table and missed causes; `units` follows the per-half counts in the title."""
    scores = evaluate(docs, results, scope=scope, whole_articles=whole_articles)
    counts = Counter(h for _, h in docs)
    print(table(scores, f"{corpus}: {counts[HALVES[0]]} + {counts[HALVES[1]]} {units}"))
    print(causes(scores))
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    """Run both corpora through the pipeline and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=0, help="list N dev-half cases of each error class")
    args = parser.parse_args(argv)
    wiki = [(d, h) for split, h in zip(("dev", "test"), HALVES) for d in load_wikievents(split)]
    rams = [(d, h) for split, h in zip(("dev", "test"), HALVES) for d in load_rams(split)
            if in_scope(d.events[0].event_type, RAMS_SCOPE)]
    started = time.perf_counter()
    pipeline = Pipeline.build(Settings())
    results = run(pipeline, [d for d, _ in wiki])
    wiki_s = time.perf_counter() - started
    rams_results = run(pipeline, [d for d, _ in rams])
    rams_s = time.perf_counter() - started - wiki_s
    print(MAPPING)
    print()
    events = sum(len(r.events) for r in results.values())
    scores = report("WikiEvents", wiki, results, scope=WIKI_SCOPE, whole_articles=True,
                    units=f"full articles, {events} events of ours, {wiki_s:.1f}s")
    print()
    rams_scores = report("RAMS", rams, rams_results, scope=RAMS_SCOPE, whole_articles=False,
                         units=f"windows with an in-scope event, {rams_s:.1f}s")
    if args.examples:
        for label, found in (("WikiEvents", scores), ("RAMS", rams_scores)):
            for kind in sorted(found.examples):
                print(f"\n{label} dev, {kind} ({len(found.examples[kind])}):")
                print("\n".join(f"  {line}" for line in found.pick(kind, args.examples)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
