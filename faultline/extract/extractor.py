"""Parsed windows of one article -> its statements (Mention) and its incidents (EventMention).

Every sentence that holds a trigger or a casualty figure becomes a `Mention` with its modality.
Only reported statements build incidents: background, forecasts, hypotheticals, negations and
opinion stay statements. Consecutive reported statements belong to the same incident unless they
give a different date or a different place for a different kind of event. Each datelined story of
a roundup is read apart, and its incidents take its dateline's day and place when they state none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby, pairwise

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from faultline.actors import (
    ARMED_GROUP_INTERS,
    CIVILIAN_INTER,
    UNNAMED_AIRCRAFT,
    ActorDictionary,
    Sides,
)
from faultline.extract import attribution as attribution_rules
from faultline.extract import dates as date_rules
from faultline.extract import figures as figure_rules
from faultline.extract import modality as modality_rules
from faultline.extract import totals
from faultline.extract.attribution import GROUP_CLAIM
from faultline.extract.casualty_terms import CasualtyTerms
from faultline.extract.numbers import parse_quantity
from faultline.extract.places import PlaceRoleCues, classify_toponyms
from faultline.extract.typing import (
    MIN_SCORE,
    POLITICAL_VIOLENCE,
    STATE_FORCES,
    EventTyper,
    Trigger,
)
from faultline.extract.victims import is_none
from faultline.geo import peer_lists, said_near
from faultline.model import (
    Actor,
    Article,
    Attribution,
    Claim,
    EventMention,
    Evidence,
    Figure,
    Mention,
    Span,
    Toponym,
)
from faultline.nlp import Window, is_dateline, is_editors_note
from faultline.nlp.place_names import mark_place_names
from faultline.nlp.text import doc_text, span_text

_CIVILIAN_VIOLENCE = "Violence against civilians"
_REMOTE_VIOLENCE = "Explosions/Remote violence"
_CROWD_EVENT_TYPES = frozenset({"Protests", "Riots"})
_TIME_ANCHORS = frozenset({"before", "after"})  # "before the missile strike": another event's time
_LEAD_STATEMENTS, _LATER_STATEMENT_PENALTY = 2, 0.25  # a headline and a lead sentence
_BATTLES = "Battles"
_MOVE = "Change to group/activity"  # forces sent, deployed, withdrawn
_EXCESSIVE_FORCE = "Excessive force against protesters"
_CROWD_INTERS = frozenset({5, 6})  # rioters, protesters
_REPORTED = "reported"
_BACKGROUND = "background"
_ANOTHER_TIME = frozenset({_BACKGROUND, "forecast"})
# How many of a statement's strongest triggers are read for their own modality.
_MODALITY_TRIGGERS = 3
# Words a sentence may open with before the day it tells of ("Late on Sunday", "Early on Monday").
_OPENER_WORDS = 2
_RECENT_DAYS = 7  # a lead's day this close to the story's is the day of the news it tells
# Marks that join a clause of equal standing ("..., while the party office was set on fire").
_JOINING_MARKS = frozenset({"while", "whereas"})
_POSSESSIVES = frozenset({"its", "their"})
_SAYING = frozenset({"say", "announce", "report", "confirm", "state", "claim"})
# How far below the sentence's root such a clause may hang ("officials said [X], and [Y]": 2).
_CLAUSE_DEPTH = 2


@dataclass(slots=True)
class SentenceFacts:
    """What one sentence says, before sentences are grouped into incidents."""

    sent: SpacySpan
    offset: int
    span: Span
    mention: Mention
    triggers: list[Trigger]
    figures: list[Figure]
    date: date_rules.DateMention | None
    attribution: Attribution | None
    actors: list[Actor]
    toponyms: list[Toponym]
    day: dt.date | None  # the day its actors are named for: its own date, else the article's
    actor_places: list[Toponym] = field(default_factory=list)  # places that are an actor ("the White House")
    announces_another: bool = False  # opens with "Separately," or the like
    opens_sequel: bool = False  # opens with "Later," or the like
    adds_up: bool = False  # opens with "In total," or the like
    repeats: bool = False  # "engaged the group anew", "attacked the village again"
    names_a_series: bool = False  # "killed in a spate of attacks"
    adds_elsewhere: bool = False  # "Protests also took place in ..."
    scene_places: list[Toponym] = field(default_factory=list)  # "In Aleppo province, rebels shelled ..."
    headline: bool = False  # the article's first line, above its story
    summary: bool = False  # sums up attacks other statements tell one by one (see _summaries)
    sets_scene: bool = False  # no event of its own, only who went where, when (see _opens_with_its_day)
    joined: bool = False  # the second event of a sentence that tells two (see Extractor._read_clauses)
    aside: bool = False  # joined, told a stated time before or after the first ("..., a day after X")

    @property
    def reported(self) -> bool:
        return self.mention.modality == _REPORTED

    @property
    def event_places(self) -> list[Toponym]:
        return [t for t in self.toponyms if t.role == "event"]


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """A claim of responsibility with its sentence's actors, named as on `day`."""

    claim: Claim
    sent: SpacySpan
    offset: int
    actors: list[Actor]
    day: dt.date | None


@dataclass(slots=True)
class Incident:
    """Sentences grouped as one incident while reading an article."""

    facts: list[SentenceFacts] = field(default_factory=list)
    # The day an incident that states none gets from its story: the story's day so far, or the dateline's.
    context_date: date_rules.DateMention | None = None
    # The day an opening counted from the story's day gives it ("Two days later, ..."), where its statements
    # give only days of saying.
    counted_date: date_rules.DateMention | None = None
    # The places an incident that names none gets from its story: the story's so far (the first where it
    # happened, the others finer candidates for it), else the dateline's.
    context_places: tuple[Toponym, ...] = ()
    # The event an incident that names no one takes its sides from, when of the same kind: the one it
    # adds to ("Heavy fighting was also reported in Gondar").
    context_event: EventMention | None = None

    @property
    def date(self) -> dt.date | None:
        """The first day its statements give for an event: "the UN said on Friday" says nothing of
        when the attack it reports was."""
        told = _day_told(self.facts)
        return told.date if told is not None else None

    @property
    def place(self) -> Toponym | None:
        places = self.places
        return places[0] if places else None

    @property
    def where(self) -> Toponym | None:
        """Where the incident happened: its own place, else its story's (see Extractor.extract)."""
        return self.place or _fallback_place(self.facts) or next(iter(self.context_places), None)

    @property
    def places(self) -> tuple[Toponym, ...]:
        """Its statements' event places, a scene one of them opens with first under a lead naming several
        ("In Nairobi, thousands marched" under a lead naming Kitengela too), then those in a locative
        phrase ("U.S. strike kills fighters ... near the town of Jilib": Jilib), then the places distances
        were measured from."""
        seen: dict[str, tuple[Toponym, bool]] = {}
        for fact in self.facts:
            # (what a headline adds after a semicolon is the story told below: "13 dead; separatists kill 7
            # bus passengers in Balochistan")
            for place in (p for p in fact.event_places if not _in_a_second_story(fact, p)):
                # of a place named twice, the mention that puts the event only near it ("villages
                # south of Kirkuk" after a headline's "in Kirkuk") is the careful one
                near = said_near(fact.span.text, place.start - fact.span.start, place.end - fact.span.start)
                if place.text not in seen or near and not seen[place.text][1]:
                    seen[place.text] = (place, near)
        # (only below a lead that names several places: one naming the scene's town alone keeps it)
        roundup = len(_lead_places(self)) > 1
        scenes = {p.text for f in self.facts if not f.headline for p in f.scene_places} if roundup else set()
        # (then a town a distance was measured from, should the gazetteer lack the place: "Chai, a village
        # about 30 kilometres south of Macomia")
        measured_from = {t.text: t for f in self.facts for t in f.toponyms if t.role == "near" and t.text not in seen}
        # (a headline's place after the story's own, which are told with care: "2 NPA rebels killed in Negros
        # clash" over "in the upland village of Carabalan, Himamaylan City, Negros Occidental")
        told = {p.text for f in self.facts if not f.headline for p in f.event_places}
        return (*sorted((place for place, _ in seen.values()), key=lambda place: (
            place.text not in scenes, bool(told) and place.text not in told, not place.locative)),
                *measured_from.values())

    @property
    def triggers(self) -> list[Trigger]:
        return [t for f in self.facts for t in f.triggers]

    @property
    def sub_types(self) -> set[str]:
        # (not of a headline's second story: "...; abandoned houses torched in Imphal West"; nor what a word
        # too weak to tell an event names: "the Komanda displacement site")
        return {t.sub_event_type for f in self.facts for t in f.triggers if not _in_a_second_story(f, t) and _strong(t)}


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where and when one story of an article was filed ("KABUL, Nov 25 (Reuters) - "), as far as known."""

    story_start: int  # the dateline's offset, or 0 for the first one under a headline
    day: date_rules.DateMention | None
    place: Toponym | None


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """What one article says: every statement, and the incidents it reports."""

    mentions: list[Mention]
    events: list[EventMention]
    actor_places: list[Toponym] = field(default_factory=list)  # never a place of the story ("the Kremlin")


class Extractor:
    """Turns an article's parsed windows into statements and incidents; no I/O."""

    def __init__(self, *, typer: EventTyper, actors: ActorDictionary, place_cues: PlaceRoleCues) -> None:
        self.typer = typer
        self.actors = actors
        self.place_cues = place_cues

    def extract(
        self, article: Article, windows: Sequence[Window], toponyms: Sequence[Toponym]
    ) -> ArticleExtraction:
        """Statements and incidents of one article; `toponyms` carry absolute offsets."""
        facts: list[SentenceFacts] = []
        clauses: dict[int, list[SentenceFacts]] = {}  # a sentence's statements where it joins two events
        claims: list[ClaimFacts] = []
        datelines = _read_datelines(article, windows, toponyms)
        # days that open a sentence telling no event ("On the night of Sunday, June 21, the family had just
        # finished eating"): the story's time for the undated events told next
        scene_days: list[date_rules.DateMention] = []
        story_begun = False  # a statement below the headline has been read
        for window in windows:
            text = doc_text(window.doc)
            if is_dateline(text):
                continue  # "RAMALLAH, occupied West Bank (Al Jazeera) —" says where a story was filed, no more
            end = window.offset + len(text)
            mark_place_names(window.doc, ((t.start - window.offset, t.end - window.offset)
                                          for t in toponyms if window.offset <= t.start and t.end <= end))
            carried: date_rules.DateMention | None = None
            for sent in window.doc.sents:
                filed = _filed_under(datelines, window.offset + sent.start_char)
                # "Overnight", "on Sunday": counted from the day the story was filed, where its dateline says.
                written = filed.day.date if filed and filed.day and filed.day.time_precision == 1 else article.published
                fact = self._read_sentence(article, sent, window.offset, toponyms, written=written,
                                           scene_days=scene_days, carried=carried)
                carried = _day_fragment(sent, window.offset, written) if fact is None else None
                if (fact is None or not fact.reported) and not story_begun and not _is_first_line(sent, window.offset):
                    # A lead that tells no event now still tells the story's day ("A Tbilisi court on Wednesday
                    # sentenced an activist over the 2024 protests ... As the verdict was read, about 200
                    # supporters gathered"), if a recent one
                    told = date_rules.find_date(sent, window.offset, published=written)
                    if told is not None and not told.said and told.time_precision == date_rules.DAY and \
                            written is not None and 0 <= (written - told.date).days <= _RECENT_DAYS:
                        scene_days.append(told)
                if fact is not None:
                    _name_the_pronoun_speaker(fact, facts[-1] if facts else None, article.text)
                    facts.append(fact)
                    story_begun = story_begun or not _is_headline(fact, article.text)
                    if len(fact.triggers) > 1 and (told := self._read_clauses(article, sent, window.offset, toponyms,
                                                                                written=written)):
                        clauses[id(fact)] = told
                # (a claim or blame in what the story recalls, "an attack in March 2025 ..., according to the
                # government, which blamed ISSP", names no one for the events it tells now)
                recalled = fact is not None and fact.mention.modality in _ANOTHER_TIME
                if not recalled and (claim := attribution_rules.find_claim(sent, window.offset)) is not None:
                    day = fact.day if fact is not None else written
                    actors = fact.actors if fact is not None else self.actors.find_actors(sent, window.offset, on=day)
                    claims.append(ClaimFacts(claim, sent, window.offset, actors, day))
        old_scene: SentenceFacts | None = None  # the last statement opening on an old day
        for before, fact in pairwise(facts):
            if before.mention.modality == _BACKGROUND and _opens_with_its_day(
                    before.sent, before.offset, before.date, years_too=True):
                old_scene = before
            if before.mention.modality == _BACKGROUND and fact.reported and (
                    any(_named_far(fact, t) for t in fact.triggers) or _goes_on_recalling(before, fact, article.text)
                    or _told_in_an_old_scene(old_scene, fact, article.text)):
                # "... since August 2025, when a driver was killed ... At least 10 people were killed in
                # those protests": the protests recalled, as old as the sentence before
                fact.mention = dataclasses.replace(fact.mention, modality=_BACKGROUND)
        summaries = _summaries([f for f in facts if f.reported])
        facts_read = facts
        # A sentence summing up attacks told one by one below stays whole (see _summaries), unless it tells
        # them a stated time apart: "a bomber killed seven on Friday, a day after militants stormed a base"
        # dates each.
        facts = [part for fact in facts
                 for part in (clauses[id(fact)] if id(fact) in clauses and (
                     id(fact) not in summaries or _told_apart_in_time(fact)) else [fact])]
        for fact in facts:
            fact.headline = _is_headline(fact, article.text)
            if _sums_up_a_roundup(fact, article.text):
                fact.toponyms = _as_other_places(fact.toponyms)
            fact.summary = id(fact) in summaries
        if len(datelines) > 1:
            # A headline over several datelined stories heads a roundup ("World news in brief: Congo
            # clashes, Haiti gang raid, Mogadishu mortars"): each story tells its own event in full.
            facts = [f for f in facts if not f.headline]
        lead = next((f for f in facts if not f.headline and f.reported), None)
        if lead is not None and id(lead) in summaries:
            # A headline over a lead summing up attacks sums them up too ("Al-Shabab attacks kill at least
            # 16 across southern Somalia"): it counts where the lead counts (see _build).
            for fact in (f for f in facts if f.headline):
                fact.summary = True
        elif lead is not None and any(id(f) in clauses and clauses[id(f)][0] is lead for f in facts_read):
            # A headline over a lead that tells two events sums both up ("Police fire tear gas at
            # protesters, two shot dead in Kisumu" over the Nairobi protest and the Kisumu shooting): its
            # places and figures are the two events', told again below.
            for fact in (f for f in facts if f.headline):
                fact.toponyms = _as_other_places(fact.toponyms)
                fact.figures = []
                # (its bare "two shot dead" types neither; "suspected thief lynched" still names a lynching)
                fact.triggers = [t for t in fact.triggers if t.rule not in _HARM_RULES] or fact.triggers
        # Each datelined story of a roundup ("KABUL — ...\n\nMOGADISHU — ...") has incidents of its own.
        stories = groupby((f for f in facts if f.reported), key=lambda f: _filed_under(datelines, f.span.start))
        incidents = [incident for _, story in stories for incident in _group_incidents(list(story))]
        starts = [incident.facts[0].span.start for incident in incidents]
        claimed_in = {id(c): incident for incident in incidents for f in incident.facts for c in claims
                      if f.span.start <= c.claim.span.start < f.span.end}
        filed_under = [_filed_under(datelines, start) for start in starts]
        events = []
        previous_event: EventMention | None = None  # built from the incident before, if any
        story_events: list[EventMention] = []  # built from the incidents of the story so far
        for index, incident in enumerate(incidents):
            dateline = filed_under[index]
            # A new dateline starts another story, whose place and day are its own.
            same_story = index > 0 and filed_under[index - 1] is dateline
            # "The army repelled an attack on the city's southern edge": where the story so far is, not
            # the bureau a dateline names ("CAIRO" over a story from Darfur).
            story = incidents[index - 1] if same_story else None
            story_places = (story.where, *(p for p in story.places if p is not story.where)) \
                if story is not None and story.where is not None else ()
            incident.context_places = story_places or ((dateline.place,) if dateline and dateline.place else ())
            if not any(f.date and not f.date.said for f in incident.facts):
                before = incidents[index - 1].date if same_story else None
                # ("The attack came | two days after gunmen stormed a mosque": the clause counts back from
                # the one it is joined to, which went to the incident before)
                count = date_rules.counted_to if incident.facts[0].joined else date_rules.counted_from
                first = incident.facts[0].span
                counted = (count(first.text, first.start, before) or date_rules.same_day_as(
                    first.text, first.start, before)) if before is not None else None
                # "Two days earlier, a councillor was shot dead"; "Two days later, on 11 June, the army said
                # its soldiers had caught up with the attackers" (the day of what it said)
                incident.counted_date = counted
            if not any(f.date for f in incident.facts):
                # (after the incident before, and before this one's first word for an event, the headline's aside)
                low = starts[index - 1] if index else 0
                high = next((f.span.start for f in incident.facts if not f.headline and any(map(_strong, f.triggers))),
                            starts[index])
                scene = next((d for d in reversed(scene_days) if low <= d.span.start < high), None)
                incident.context_date = dateline.day if dateline and scene is None else scene
                if incident.counted_date is not None:
                    incident.context_date = incident.counted_date
                elif same_story and _continues_the_story(incident.facts[0]):
                    # "In the western city of Kisumu, hundreds marched": the same day as the story so far.
                    previous = incidents[index - 1]
                    # (its event's day, as Incident.date reads it: "the junta rejected the accounts in a
                    # statement on Wednesday" is not when anything happened)
                    incident.context_date = next((f.date for f in previous.facts if f.date and not f.date.said),
                                                 previous.context_date)
                if incident.context_date is None:
                    incident.context_date = scene
            if same_story and incident.facts[0].adds_elsewhere:
                incident.context_event = previous_event
            # A claim belongs to the incident whose statement it is, else to the one it follows (or, for
            # the first, any before it too).
            low = starts[index] if index else 0
            high = starts[index + 1] if index + 1 < len(starts) else len(article.text)
            told = [c for c in claims if claimed_in.get(id(c), incident) is incident and (
                id(c) in claimed_in or low <= c.claim.span.start < high)]
            # "It did not say which group was behind it ... The TTP claimed responsibility": a claim by a
            # known actor names the attacker, whatever came before it
            claimed = next((c for c in told if _claimant(c.claim, c.actors) is not None), next(iter(told), None))
            if not same_story:
                story_events = []
            previous_event = self._build(article, incident, claimed, wire_story=dateline is not None,
                                         story_events=story_events)
            if previous_event is not None:
                events.append(previous_event)
                story_events.append(previous_event)
                events.extend(_elsewhere_too(previous_event, incident, article.text))
        return ArticleExtraction(mentions=[f.mention for f in facts], events=events,
                                 actor_places=[t for f in facts for t in f.actor_places])

    def _read_sentence(
        self, article: Article, sent: SpacySpan, offset: int, toponyms: Sequence[Toponym], *,
        written: dt.date | None, scene_days: list[date_rules.DateMention] | None = None,
        carried: date_rules.DateMention | None = None,
    ) -> SentenceFacts | None:
        """One sentence's statement, if it holds a trigger or a figure; `written` is the day its
        relative dates count from. A day that opens a sentence that neither tells an event nor sets a
        scene goes into `scene_days`: the story's time for the undated events told after it. `carried`
        is the day of a fragment the parse cut off this sentence's start (see _day_fragment)."""
        triggers = [] if _lists_a_thing(sent) else [
            t for t in self.typer.triggers(sent, offset) if not _harms_no_one(sent, offset, t)]
        attribution = attribution_rules.find_attribution(sent, offset)
        figures = figure_rules.find_figures(sent, offset, attribution=attribution)
        # (a sentence with neither sets a scene only when it opens with its day: the date is read only then)
        if not triggers and not figures and not date_rules.may_open_with_a_date(sent, _OPENER_WORDS):
            return None
        date = date_rules.find_date(sent, offset, published=written) or carried
        opens = not triggers and not figures and _opens_with_its_day(sent, offset, date, years_too=True)
        if not triggers and not figures and not opens:
            return None
        opening_day = date
        event_date = date.date if date else None
        day = event_date or written
        modalities = [modality_rules.sentence_modality(sent, trigger_start=t.start if t else None, offset=offset,
                                                       published=written, event_date=event_date)
                      for t in triggers[:_MODALITY_TRIGGERS] or [None]]
        if _REPORTED in modalities and (modalities[0] in _ANOTHER_TIME or modalities[0] == _REPORTED
                                        or _describes_someone(sent, offset, triggers[0])):
            # "The blast happened near Kyauktaw, an area that has seen heavy fighting since November":
            # the statement reports the blast; the fighting it recalls is no trigger of its event, and
            # its figures are no toll of it. Nor are the detentions of "the rally ended peacefully, and
            # no detentions were reported" (a negation of the first trigger stays the statement's: "no
            # civilians were hurt in the attack")
            # (so is what a clause describing someone denies: "the 33rd Front, a group that rejected the
            # 2016 peace deal")
            recalled = [t for t, m in zip(triggers, modalities) if m == _BACKGROUND]
            figures = [f for f in figures if not any(_inside_clause(sent, offset, t, f.span) for t in recalled)]
            unread = triggers[len(modalities):] if modalities[0] == _REPORTED else []
            triggers = [t for t, m in zip(triggers, modalities) if m == _REPORTED] + unread
            modality = _REPORTED
        else:
            modality = modalities[0]
        trigger = triggers[0] if triggers else None
        if date is not None and date.since:
            date = None  # (dated only for its modality: "abducted since 2020" is old, "since Jan. 24" no day)
        span = Span(offset + sent.start_char, offset + sent.end_char, span_text(sent))
        actors = self.actors.find_actors(sent, offset, on=day)
        mention = Mention(
            article_id=article.id,
            sentence=span,
            modality=modality,
            trigger=Span(trigger.start, trigger.end, trigger.text) if trigger else None,
            event_type=trigger.event_type if trigger else None,
            sub_event_type=trigger.sub_event_type if trigger else None,
            attribution=attribution,
        )
        # A place named inside an actor's name ("Tehrik-i-Taliban Pakistan", "fighters of the Islamic State
        # West Africa Province") is not where it happened, nor does it take that role from the sentence's
        # other places; a place written as a named actor's alias stands for it ("the White House said"),
        # and the attacked facility an actor is named after ("the Ishkashim border post") is where.
        start, end = offset + sent.start_char, offset + sent.end_char
        named = classify_toponyms(sent, offset, [t for t in toponyms if start <= t.start < end and not any(
            a.span.start <= t.start and t.end <= a.span.end for a in actors if a.span.text != t.text)],
                                  self.place_cues)
        actor_places = [t for t in named if self.actors.is_alias(t.text)
                        and any(t.start <= a.span.start and a.span.end <= t.end for a in actors)]
        places = [t for t in named if t not in actor_places]
        # An old day opening a sentence ("On the morning of Sunday, 19 June 2016, police moved in to clear
        # a blockade") dates what its paragraph goes on to tell; a day of now sets the scene of the next
        # event only with who went where.
        sets_scene = opens and (modality == _BACKGROUND or date is not None and not date.year_only and bool(
            actors) and modality == _REPORTED and any(t.role == "event" for t in places))
        if opens and not sets_scene:
            if scene_days is not None and opening_day is not None and opening_day.time_precision == date_rules.DAY:
                scene_days.append(opening_day)
            return None
        trigger_spans = [(t.start, t.end) for t in triggers]
        return SentenceFacts(
            sent=sent,
            offset=offset,
            span=span,
            mention=mention,
            triggers=triggers,
            figures=figures,
            date=date,
            attribution=attribution,
            actors=actors,
            toponyms=places,
            day=day,
            actor_places=actor_places,
            announces_another=self.place_cues.announces_another(span.text),
            opens_sequel=self.place_cues.opens_sequel(span.text),
            adds_up=self.place_cues.adds_up(span.text),
            adds_elsewhere=self.place_cues.adds_elsewhere(sent, offset, trigger_spans),
            repeats=self.place_cues.repeats(sent, offset, trigger_spans),
            names_a_series=self.place_cues.names_a_series(sent, offset, trigger_spans),
            scene_places=self.place_cues.scene_places(sent, offset, [t for t in places if t.role == "event"]),
            sets_scene=sets_scene,
        )

    def _read_listed(
        self, article: Article, sent: SpacySpan, offset: int, toponyms: Sequence[Toponym], *,
        written: dt.date | None,
    ) -> list[SentenceFacts]:
        """The events of a sentence that lists them between semicolons, each somewhere of its own ("in
        Dnipro, a missile struck an enterprise, killing one man; in Odesa, drones damaged the port"),
        each its own statement; none when it lists no such events (or is a headline)."""
        cuts = [t.i for t in sent if t.text == ";"]
        if not cuts or "\n" not in article.text[:offset + sent.start_char]:
            return []
        bounds = zip([sent.start, *(cut + 1 for cut in cuts)], [*cuts, sent.end])
        parts = [self._read_sentence(article, sent.doc[start:end], offset, toponyms, written=written)
                 for start, end in bounds]
        if any(part is None or not _tells_an_event(part) or not part.event_places for part in parts):
            return []
        places = [{p.text for p in part.event_places} for part in parts]
        if any(one & other for i, one in enumerate(places) for other in places[i + 1:]):
            return []
        for part in parts:
            part.joined = True
        return parts

    def _read_clauses(
        self, article: Article, sent: SpacySpan, offset: int, toponyms: Sequence[Toponym], *,
        written: dt.date | None,
    ) -> list[SentenceFacts]:
        """The statements of a sentence that joins two events, each with its own subject, somewhere or
        on a day of its own ("A roadside bomb hit an army truck near Mocimboa da Praia on Saturday, and
        insurgents beheaded two fishermen on the coast late on Sunday"); none when it tells one."""
        listed = self._read_listed(article, sent, offset, toponyms, written=written)
        if listed:
            return listed
        second = _second_clause(sent)
        later = modality_rules.another_time_from(sent) if second is None else None
        if second is None and later is None:
            return []
        split = second.left_edge.i if second is not None else later.i
        parts = [self._read_sentence(article, sent.doc[start:end], offset, toponyms, written=written)
                 for start, end in ((sent.start, split), (split, sent.end))]
        first, then = parts
        if then is not None and _tells_an_event(then) and second is not None and (
                first is None or not _tells_an_event(first)) and then.event_places:
            # "JNIM fighters rolled into Niafunke on Sunday, while late the same day a drone strike hit a
            # market near Sokolo": the strike's statement, without the town the first clause named
            start, end = offset + sent.start_char, offset + sent.doc[split].idx
            named = {t.text for t in toponyms if start <= t.start and t.end <= end}
            if named - {p.text for p in then.toponyms}:
                then.joined = True
                return [f for f in parts if f is not None]
            return []
        if first is None or then is None or not _tells_an_event(first) or not _tells_an_event(then):
            return []
        if later is not None and _named_definitely(then, _lead_trigger(then)):
            return []  # "a week before the pub bombings": the event the story tells, named again
        if then.date is None and first.date is not None and not first.date.said:
            # "raided a village on Friday, and two days later separatists set off a roadside bomb";
            # "killed a sarpanch on Monday night, two days before a gunfight"
            count = date_rules.counted_from if second is not None else date_rules.counted_to
            # (with no day of its own, the day of the clause it is joined to: "... in Nairobi on Tuesday, and
            # two men were shot dead in Kisumu")
            then.date = count(then.span.text, then.span.start, first.date.date) or first.date
            if first.mention.modality == _BACKGROUND:
                # "fighting since September 2024, when the factions ... turned on each other after Zambada
                # was arrested"; "In November 2024, six women were killed, a day after security forces shot
                # dead ten militants": what is dated from the old clause's day is as old
                then.mention = dataclasses.replace(then.mention, modality=_BACKGROUND)
        then.joined = True
        if later is not None:
            then.aside = True
            return parts  # (what happened a stated time apart is another event)
        days = {f.date.date for f in parts if f.date is not None and not f.date.said}
        places = [{p.text for p in f.event_places} for f in parts]
        elsewhere = all(places) and not places[0] & places[1]
        kinds = {_lead_trigger(first).sub_event_type, _lead_trigger(then).sub_event_type}
        return parts if len(days) > 1 or elsewhere and len(kinds) > 1 or _deal_and_violence(first, then) else []

    def _build(self, article: Article, incident: Incident, claimed: ClaimFacts | None, *,
               wire_story: bool = False, story_events: Sequence[EventMention] = ()) -> EventMention | None:
        """The incident's event; in a `wire_story` (one under a dateline) its lead tells what happened.
        `story_events`: those its story told before it."""
        date, time_precision, date_span = _incident_date(article, incident)
        facts = [self._named_for(fact, date) for fact in incident.facts]
        # A headline or lead summing up several attacks, told one by one below, types and counts none
        # of them: "killing at least 22 civilians over the two days" is the sum of two incidents' tolls.
        # (one whose attacks this incident tells all of counts them all: "a missile and drones struck
        # Kharkiv, killing four" above the missile's three dead and the drones' one)
        told_here = {_lead_trigger(f).sub_event_type for f in facts if f.triggers and not f.summary}
        summing = {id(f) for f in facts if f.summary and (f.names_a_series or not _violence_kinds(f) <= told_here)}
        if summing:  # (a headline over a summing lead sums up as it does)
            summing |= {id(f) for f in facts if f.summary and f.headline}
        # A datelined story tells the incident first: a kind of violence only a later statement names
        # weighs less than the lead's ("Israeli forces killed three Palestinians during a raid ... an
        # explosive device was thrown at the forces", "the RSF said its forces had clashed with the army").
        # (below a summing-up lead, the statements that tell this incident first are its lead)
        # (so does what a headline adds after a semicolon: "Police raid on favela leaves 9 dead; angry
        # residents torch bus")
        typing = [f for f in facts if id(f) not in summing]
        # (a headline's aside is the story of another incident, once this one has a statement of its own)
        asides_out = len(typing) > 1
        # (nor the event another is told against: "Hours before the gunfight, police found five bodies")
        anchors = {id(f): _time_anchors(f) for f in typing if len(f.triggers) > 1}
        triggers = [t if (not wire_story or index < _LEAD_STATEMENTS) and not _in_a_second_story(f, t)
                    else dataclasses.replace(t, score=t.score - _LATER_STATEMENT_PENALTY)
                    for index, f in enumerate(typing) for t in f.triggers
                    if not (asides_out and _in_a_headline_aside(f, t)) and t not in anchors.get(id(f), ())]
        typed = self.typer.type_incident([f.sent for f in facts], triggers)
        if typed is None:
            return None
        main = next((f for f in facts if id(f) not in summing and any(
            t.sub_event_type == typed.sub_event_type for t in f.triggers)), facts[0])
        # The sides are read at a trigger of the main statement: the typed one may stand in another
        # ("Kenyan police fired tear gas at protesters ... Protesters clashed with police").
        reading = typed if main.span.start <= typed.start < main.span.end else max(
            (t for t in main.triggers if t.sub_event_type == typed.sub_event_type), key=lambda t: t.score, default=typed)
        sides = self._sides(main, reading, facts)
        actor1, actor2 = sides.actor1, sides.actor2
        context = incident.context_event
        if not _names_anyone(sides) and context is not None and context.event_type == typed.event_type:
            # a peaceful crowd elsewhere met no force, whatever the first one did
            met = typed.event_type not in _CROWD_EVENT_TYPES or _meets_a_force(typed)
            actor1, actor2 = context.actor1, context.actor2 if met else None
        if typed.sub_event_type in _STANDOFF_STRIKES and (
                actor1 is None or actor1.inferred and actor1.kind == _UNNAMED
                or actor1.kind == UNNAMED_AIRCRAFT and actor1.country is None):
            # "In Lviv, missiles struck an energy facility" in a story of Russia's barrage: the state whose
            # strikes the story has told (a bomb or a grenade is anyone's)
            actor1 = next((e.actor1 for e in reversed(story_events) if e.sub_event_type in _STANDOFF_STRIKES
                           and e.actor1 is not None and e.actor1.inter == STATE_FORCES
                           and e.actor1.country is not None), actor1)
        claim = claimed.claim if claimed is not None else None
        claimant = None
        if claimed is not None:
            claimant = _claimant(claimed.claim, self._actors_on(claimed.sent, claimed.offset, claimed.actors,
                                                                named_for=claimed.day, day=date))
        if claimant is not None and (actor1 is None or actor1.inferred or actor1.kind == _UNNAMED or (
                actor1.kind == UNNAMED_AIRCRAFT and actor1.country is None)):
            # ACLED codes the group that claims an attack whose perpetrator is unnamed (a drone of no known
            # country names no one)
            actor1 = claimant
        elif claimant is not None and typed.event_type == _BATTLES and actor2 is not None and \
                actor2.kind == _UNNAMED and actor1.name != claimant.name:
            # "Five soldiers were martyred when terrorists attacked an FC camp ... The BLA claimed the assault":
            # the claimant is the unnamed side, and the one that attacked
            sides = Sides(claimant, actor1, sides.assoc_2, sides.assoc_1)
            actor1, actor2 = sides.actor1, sides.actor2
        groups = [a for a in (actor1, actor2, *(a for f in facts for a in f.actors))
                  if a is not None and a.inter not in (STATE_FORCES, CIVILIAN_INTER) and a.kind != _UNNAMED]
        # (what a headline adds after a semicolon counts in the story told below it: "13 dead; separatists
        # kill 7 bus passengers")
        found = _without_enemy_claims([fig for f in facts if id(f) not in summing for fig in f.figures
                                       if not _in_a_second_story(f, fig.span)], groups)
        figures = [_with_side(fig, actor1, actor2) for fig in found]
        if actor2 is None and typed.event_type == _REMOTE_VIOLENCE:
            # "A ballistic missile struck an apartment block ... Two people were killed": those the strike
            # hit, where no statement of it names another side
            hit = next((f for f in figures if f.kind in _HARMED and f.side in (None, "civilians")), None)
            if hit is not None:
                actor2 = self.actors.civilians(hit.span)
        # Totals read the victim classes as found: tied to actors, "pro-government fighters" would
        # be read back from the bare noun as perpetrators.
        fatalities, _, _ = totals.fatality_total(found)
        location = incident.where
        candidates = incident.places or (incident.context_places if location in incident.context_places[:1]
                                         else (location,) if location else ())
        origins = tuple(t for f in facts for t in f.toponyms if t.role == "origin")
        attribution = _incident_attribution(main, facts)
        evidence = _evidence(
            typed=typed, main=main, facts=facts, actors=(actor1, actor2), figures=figures,
            date_span=date_span, location=location, claim=claim,
        )
        return EventMention(
            article_id=article.id,
            event_type=typed.event_type,
            sub_event_type=typed.sub_event_type,
            disorder_type=typed.disorder_type,
            trigger=Span(typed.start, typed.end, typed.text),
            civilian_targeting=typed.civilian_targeting,
            actor1=actor1,
            actor2=actor2,
            assoc_actor_1=sides.assoc_1,
            assoc_actor_2=sides.assoc_2,
            figures=tuple(figures),
            fatalities=fatalities,
            injured=totals.kind_total(found, "injured"),
            captured=totals.kind_total(found, "captured"),
            participants=totals.kind_total(found, "participants"),
            event_date=date,
            time_precision=time_precision,
            location=location,
            place_candidates=candidates,
            origins=origins,
            attribution=attribution,
            claim=claim,
            statements=tuple(f.mention for f in facts),
            evidence=evidence,
            source=article.source,
            url=article.url,
        )

    def _named_for(self, fact: SentenceFacts, day: dt.date | None) -> SentenceFacts:
        """The statement with its actors named as on the incident's day."""
        actors = self._actors_on(fact.sent, fact.offset, fact.actors, named_for=fact.day, day=day)
        return fact if actors is fact.actors else dataclasses.replace(fact, actors=actors, day=day)

    def _actors_on(self, sent: SpacySpan, offset: int, actors: list[Actor], *, named_for: dt.date | None,
                   day: dt.date | None) -> list[Actor]:
        """A sentence's actors named as on `day`: found again when a regime changed since the day they
        were named for ("The militants killed 12 soldiers" after "On 3 March 2019, ...")."""
        if self.actors.names_alike(named_for, day):
            return actors
        return self.actors.find_actors(sent, offset, on=day)

    def _sides(self, main: SentenceFacts, typed: Trigger, facts: Sequence[SentenceFacts]) -> Sides:
        """Sides from the main statement; other statements of the incident add associated actors."""
        read: dict[int, Sides] = {}  # a statement's sides by its first trigger, read once

        def first_sides(fact: SentenceFacts) -> Sides:
            if id(fact) not in read:
                read[id(fact)] = self._statement_sides(fact, fact.triggers[0])
            return read[id(fact)]

        def same_kind(*, sub_type: bool = False) -> Iterator[Sides]:
            """The sides of the other statements that name someone and lead with a trigger of the typed
            event type (or, with `sub_type`, sub-event type)."""
            kind = (lambda t: t.sub_event_type == typed.sub_event_type) if sub_type else \
                (lambda t: t.event_type == typed.event_type)
            return (first_sides(f) for f in facts if f is not main and f.triggers and f.actors and kind(f.triggers[0]))

        sides = self._sentence_sides(main, typed)
        if main.headline and sides.actor1 is not None and not sides.actor1.inferred:
            # "Three Palestinians killed in Israeli raid on Tubas, settlers torch Jordan Valley homes": a
            # headline may tell two events; an actor its story names nowhere in this one acted in the other
            told = {a.name for f in facts if not f.headline for a in f.actors}
            lead = next((f for f in facts if not f.headline and f.triggers and f.actors
                         and any(t.event_type == typed.event_type for t in f.triggers)), None)
            if lead is not None:
                other = first_sides(lead)
                # (a lead naming the same actor and whom it fought says it whole: "Police operation in Maré
                # leaves nine dead; residents set bus on fire" over "a police operation against the CV";
                # and "a Ukrainian drone struck his car" under "man killed as drone hits car")
                fuller = other.actor1 is not None and (
                    other.actor2 is not None and other.actor2.inter != CIVILIAN_INTER
                    and other.actor1.name == sides.actor1.name
                    or other.actor1.kind == sides.actor1.kind and other.actor1.country and not sides.actor1.country)
                if other.actor1 is not None and not other.actor1.inferred and (
                        sides.actor1.name not in told or fuller):
                    main, sides = lead, other
        if not _names_anyone(sides):
            # The typed statement names nobody ("weapons were seized"): take the sides of the first
            # statement that names someone ("police arrested five members of ..."); a crowd's, not armed men
            # who act in another kind of event ("rebel fighters sentenced as victims' families protest")
            for fact in facts:
                if fact is not main and fact.actors and fact.triggers:
                    other = first_sides(fact)
                    crowd = typed.event_type in _CROWD_EVENT_TYPES
                    # (the force that met a crowd acts first only where it used excessive force)
                    may_act = _CROWD_INTERS | {CIVILIAN_INTER} | (
                        {STATE_FORCES} if typed.sub_event_type == _EXCESSIVE_FORCE else set())
                    if crowd and fact.triggers[0].event_type not in _CROWD_EVENT_TYPES and \
                            (other.actor1 is None or other.actor1.inter not in may_act):
                        continue
                    if typed.event_type in POLITICAL_VIOLENCE and fact.triggers[0].event_type not in POLITICAL_VIOLENCE:
                        continue  # (who arrested suspects afterwards did not plant the bomb)
                    if _names_anyone(other):
                        main, sides = fact, other
                        break
        sides = self._with_actor1_of_statement(main, typed, sides)
        if sides.actor1 is not None and sides.actor1.inter == CIVILIAN_INTER and typed.event_type in POLITICAL_VIOLENCE:
            # Civilians are hit, never the side that shells or attacks ("Woman killed in Kherson shelling"
            # read with the woman first): who struck, another statement of the same kind may say.
            other = sides.actor2 if sides.actor2 is not None and sides.actor2.inter != CIVILIAN_INTER else None
            sides = Sides(other, sides.actor1, sides.assoc_2 if other else (), sides.assoc_1)
        unnamed = sides.actor1 is not None and sides.actor1.kind == _UNNAMED and not sides.actor1.inferred
        identified = _identified_group(facts) if unnamed else None
        if identified is not None and (sides.actor2 is None or identified.name != sides.actor2.name):
            # "the attackers belonged to Los Tiguerones, a gang allied with Los Lobos"
            sides = Sides(identified, sides.actor2, sides.assoc_1, sides.assoc_2)
            unnamed = False
        if sides.actor1 is None or sides.actor1.inferred or unnamed:
            # "Shelling kills 30, medics say ... Shelling by the RSF killed at least 30 people": a statement
            # of the same kind that names who acted names the incident's actor; "gunmen" only yield to
            # a group named as such, not to the forces they fought.
            sides = _with_actor1_from(same_kind(), sides, armed_group_only=unnamed)
        if sides.actor1 is not None and sides.actor1.kind == _UNNAMED and not sides.actor1.inferred:
            # "The Taliban killed more than 100 members of the security forces ... the attackers rammed
            # a car full of explosives through a checkpoint": the group named acting in any violence of
            # the incident is who "the attackers" are.
            violent = (first_sides(f) for f in facts if f is not main and f.triggers and f.actors
                       and f.triggers[0].event_type in POLITICAL_VIOLENCE)
            sides = _with_actor1_from(violent, sides, armed_group_only=True)
        if sides.actor1 is None or sides.actor1.inferred or sides.actor1.kind == _UNNAMED:
            # "On the afternoon of Friday 30 October, RSF fighters entered the Kazgil displacement site ...
            # fighters firing at people as they fled": the group the incident's scene brought there
            scene = (Sides(a, None) for f in facts if f.sets_scene and not f.triggers for a in f.actors)
            sides = _with_actor1_from(scene, sides, armed_group_only=True)
        owner = _owner_of_aircraft(main, sides.actor1)
        if owner is not None:
            sides = Sides(owner, sides.actor2, sides.assoc_1, sides.assoc_2)
        if sides.actor1 is not None and sides.actor1.kind == UNNAMED_AIRCRAFT:
            # "Drones struck the Kyivskyi district" under "Russia struck Kharkiv with missiles and drones":
            # whose aircraft they were, a statement of the same kind names
            states = (other for other in same_kind() if other.actor1 is not None
                      and other.actor1.inter == STATE_FORCES and other.actor1.kind != UNNAMED_AIRCRAFT)
            sides = _with_actor1_from(states, sides)
        unnamed_target = sides.actor2 is not None and sides.actor2.kind == _UNNAMED and not sides.actor2.inferred
        if sides.actor2 is None and typed.event_type == _BATTLES or unnamed_target:
            # "RSF seizes key town, residents flee ... took control of the town after fighting with the
            # army": another statement of the same kind names whom the same actor fought; "3 Kurdish
            # fighters" yield to "three members of the Syrian Democratic Forces" only.
            sides = _with_actor2_from(same_kind(), sides, armed_group_only=unnamed_target)
        if sides.actor2 is None and typed.event_type == _BATTLES and sides.actor1 is not None:
            # "CODECO militiamen attacked the site ... FARDC troops repelled the attack": the group that
            # attacked in the incident is whom the force fought
            attackers = (Sides(None, first_sides(f).actor1) for f in facts if f is not main and f.triggers
                         and f.actors and f.triggers[0].event_type in POLITICAL_VIOLENCE)
            sides = _with_actor2_from(attackers, sides, armed_group_only=True)
        if sides.actor2 is not None and _counted_only(sides.actor2):
            # "Suicide bomber kills 14 ... killed at least 14 soldiers": whom the count is, a statement of
            # the same kind says
            named = (other.actor2 for other in same_kind())
            hit = next((a for a in named if a is not None and not a.inferred and not _counted_only(a)), None)
            if hit is not None:
                sides = Sides(sides.actor1, hit, sides.assoc_1, sides.assoc_2)
        acted_on_only = sides.actor1 is None and sides.actor2 is not None
        if acted_on_only and (typed.event_type == _BATTLES or typed.event_type in _CROWD_EVENT_TYPES
                              and typed.sub_event_type != _EXCESSIVE_FORCE):
            # A crowd is the actor of its own protest or riot, whatever a verb did to it ("52
            # protesters were arrested"); a battle's sides have no order ("fighting between rival gangs").
            sides = Sides(sides.actor2, None, sides.assoc_2, sides.assoc_1)
        if typed.sub_event_type == _EXCESSIVE_FORCE and sides.actor1 is not None and \
                sides.actor1.inter in _CROWD_INTERS:
            # Sides read at a protest ("demonstrators marched ... police killed three of them"): in
            # excessive force the crowd is always the side acted on.
            force = sides.actor2 if sides.actor2 is not None and sides.actor2.inter == STATE_FORCES else None
            sides = Sides(force or self._crowd_force(facts), sides.actor1, sides.assoc_2, sides.assoc_1)
        if sides.actor2 is None and _meets_a_force(typed):
            # "Protesters burned tyres ... Police fired tear gas": the force that met the crowd is its other side.
            sides = Sides(sides.actor1, self._crowd_force(facts), sides.assoc_1, sides.assoc_2)
        if sides.actor2 is None and typed.event_type == _REMOTE_VIOLENCE:
            # "Air strike kills 40, residents say ... An air strike on a village killed 40 people": the
            # civilians another report of the same strike has hit.
            # (of the same sub-type first: "a missile and drones struck Kharkiv, killing four" above the
            # drone strike's own statements counts too)
            hit = (other.actor2 for kind in (True, False) for other in same_kind(sub_type=kind))
            sides = Sides(sides.actor1, next((a for a in hit if a is not None and a.inter == CIVILIAN_INTER), None),
                          sides.assoc_1, sides.assoc_2)
        if sides.actor2 is None and typed.event_type == _CIVILIAN_VIOLENCE:
            # "Gunmen abducted 30 worshippers ... The attackers opened fire": the civilians another
            # statement names are the ones attacked.
            victims = (a for f in facts if f is not main for a in f.actors if a.inter == CIVILIAN_INTER)
            sides = Sides(sides.actor1, next(victims, None), sides.assoc_1, sides.assoc_2)
        named = {a.name for a in (sides.actor1, sides.actor2, *sides.assoc_1, *sides.assoc_2) if a}
        assoc_1, assoc_2 = list(sides.assoc_1), list(sides.assoc_2)
        for fact in facts:
            if fact is main or not fact.triggers or not fact.actors:
                continue
            other = first_sides(fact)
            for actor, opposite in ((other.actor1, other.actor2), (other.actor2, other.actor1),
                                    *((a, other.actor2) for a in other.assoc_1), *((a, other.actor1) for a in other.assoc_2)):
                # an unnamed actor ("fighter jets", "gunmen") is the named one of its kind again, not its associate
                if actor is None or actor.name in named or actor.inferred or actor.kind in (_UNNAMED, UNNAMED_AIRCRAFT):
                    continue
                for lead, bucket in ((sides.actor1, assoc_1), (sides.actor2, assoc_2)):
                    if lead is not None and lead.inter == actor.inter and not _stands_for(opposite, lead) \
                            and not _foreign_forces(actor, lead):
                        bucket.append(actor)
                        named.add(actor.name)
                        break
        return Sides(sides.actor1, sides.actor2, tuple(assoc_1), tuple(assoc_2))

    def _statement_sides(self, fact: SentenceFacts, trigger: Trigger) -> Sides:
        """The sides one statement gives at a trigger, the one who acts read at its other triggers if need be."""
        return self._with_actor1_of_statement(fact, trigger, self._sentence_sides(fact, trigger))

    def _with_actor1_of_statement(self, fact: SentenceFacts, trigger: Trigger, sides: Sides) -> Sides:
        """"25 soldiers were killed when gunmen attacked their base": the one who acts is read at
        another trigger of the same statement."""
        if sides.actor1 is not None or sides.actor2 is None:
            return sides
        # (not who arrested anyone: "police said they had arrested three men suspected of planning the
        # bombing that killed four policemen" names no bomber)
        violent = trigger.event_type in POLITICAL_VIOLENCE
        readings = (self._sentence_sides(fact, t) if t is not trigger else sides for t in fact.triggers
                    if not violent or t.event_type in POLITICAL_VIOLENCE)
        return _with_actor1_from(readings, sides)

    def _crowd_force(self, facts: Sequence[SentenceFacts]) -> Actor | None:
        """The state force a statement has meeting the crowd ("police fired tear gas"), read at each
        trigger that meets one: the main statement's too, whose sides were read at another."""
        for fact in facts:
            if not fact.actors:
                continue
            for trigger in fact.triggers:
                if not _meets_a_force(trigger):
                    continue
                sides = self._sentence_sides(fact, trigger)
                for actor in (sides.actor1, sides.actor2):
                    if actor is not None and actor.inter == STATE_FORCES and not actor.inferred:
                        return actor
        return None

    def _sentence_sides(self, fact: SentenceFacts, trigger: Trigger) -> Sides:
        """The sides one statement gives; with no actor named, the actors stage may infer one."""
        if not fact.span.start <= trigger.start < fact.span.end:
            if not fact.actors:
                return Sides(None, None)
            first = fact.actors[0]
            return Sides(first, next((a for a in fact.actors[1:] if a.name != first.name), None))
        return self.actors.assign_sides(
            fact.sent, fact.offset, trigger=(trigger.start, trigger.end), actors=fact.actors,
            sub_event_type=trigger.sub_event_type, on=fact.day,
        )


def _identified_group(facts: Sequence[SentenceFacts]) -> Actor | None:
    """A named armed group the story says unnamed men belonged to: "the attackers belonged to Los
    Tiguerones", "the gunmen were members of the ADF"."""
    for fact in facts:
        for actor in fact.actors:
            if actor.kind == _UNNAMED or actor.inter not in ARMED_GROUP_INTERS:
                continue
            words = _actor_words(fact, actor)
            root = words.root if words is not None else None
            if root is not None and root.dep_ == "pobj" and root.head.lower_ in ("to", "of") and \
                    root.head.head.lemma_.lower() in _BELONGING:
                return actor
    return None


def _actor_words(fact: SentenceFacts, actor: Actor) -> SpacySpan | None:
    """The words of the statement's sentence that name the actor."""
    return fact.sent.doc.char_span(actor.span.start - fact.offset, actor.span.end - fact.offset,
                                   alignment_mode="expand")


def _with_actor1_from(readings: Iterable[Sides], sides: Sides, *, armed_group_only: bool = False) -> Sides:
    """The sides with actor1 taken from the first other reading (sides read at a trigger) that names
    one, other than actor2; with `armed_group_only`, a named rebel group or militia only."""
    for other in readings:
        actor = other.actor1
        if actor is None or actor.inferred or sides.actor2 is not None and actor.name == sides.actor2.name:
            continue
        if not armed_group_only or actor.kind != _UNNAMED and actor.inter in ARMED_GROUP_INTERS:
            return Sides(actor, sides.actor2, sides.assoc_1, sides.assoc_2)
    return sides


def _with_actor2_from(readings: Iterable[Sides], sides: Sides, *, armed_group_only: bool = False) -> Sides:
    """The sides with actor2 taken from the first other reading that names an armed one against the
    same actor1 (or against no one named): civilians fight no battle. With `armed_group_only`, a named
    rebel group or militia only."""
    lead = sides.actor1
    for other in readings:
        actor = other.actor2
        if lead is None or actor is None or actor.inferred or actor.name == lead.name or \
                actor.inter == CIVILIAN_INTER:
            continue
        if armed_group_only and (actor.kind == _UNNAMED or actor.inter not in ARMED_GROUP_INTERS):
            continue
        if other.actor1 is None or other.actor1.inferred or other.actor1.name == lead.name:
            return Sides(lead, actor, sides.assoc_1, sides.assoc_2)
    return sides


def _stands_for(actor: Actor | None, lead: Actor) -> bool:
    """Whether a statement's actor is the incident's lead again: the same, or an unnamed one of its type
    ("air defences destroyed 14 drones" after "Ukrainian drones struck a depot": who fights the drones
    is no ally of Ukraine's forces)."""
    return actor is not None and (actor.name == lead.name or
                                  actor.kind in (_UNNAMED, UNNAMED_AIRCRAFT) and actor.inter == lead.inter)


def _foreign_forces(actor: Actor, lead: Actor) -> bool:
    """Whether the actor is another state's forces than the lead's: those join a side only where a
    statement coordinates them with it ("Somali and Kenyan troops"), not by being state forces too."""
    return lead.inter == STATE_FORCES and None not in (lead.country, actor.country) and lead.country != actor.country


def _counted_only(actor: Actor) -> bool:
    """Whether the actor is people known only by their number ("kills 14", "kills five"): civilians by default."""
    return actor.inter == CIVILIAN_INTER and parse_quantity(actor.text) is not None


def _names_anyone(sides: Sides) -> bool:
    return any(a is not None and not a.inferred for a in (sides.actor1, sides.actor2))


def _day_fragment(sent: SpacySpan, offset: int, written: dt.date | None) -> date_rules.DateMention | None:
    """The day of a verbless piece of a line that the parse cut off before the line goes on.

    ("- 18/09, approx. | 06:00 - Forest west of Kalunguta: FARDC units engaged ADF elements": the
    small model ends a sentence at the abbreviation; the bullet's day is the rest of the line's.)
    """
    doc = sent.doc
    if sent.end >= len(doc) or "\n" in doc.text[sent.end_char:doc[sent.end].idx] or \
            any(tok.pos_ in ("VERB", "AUX") for tok in sent):
        return None
    date = date_rules.find_date(sent, offset, published=written)
    return date if _opens_with_its_day(sent, offset, date) else None


def _group_incidents(facts: Sequence[SentenceFacts]) -> list[Incident]:
    """Consecutive reported statements form one incident until one clearly starts another."""
    incidents: list[Incident] = []
    current: Incident | None = None  # the one the story is telling
    before: SentenceFacts | None = None
    for fact in facts:
        # "A bomber killed seven on Friday, a day after militants stormed a base": the story goes on with
        # the bombing; "The bombing came a day after militants stormed a base" turns to the raid
        turns_aside = fact.aside and before is not None and _named_definitely_any(before)
        before = fact
        if current is None or _heads_a_section(fact) and fact.triggers and current.triggers:
            # ("4. Lynching in Pétion-Ville" over the paragraph that tells it: a section of its own)
            if fact.triggers:
                current = Incident([fact])
                incidents.append(current)
            continue
        if fact.adds_up and len(incidents) > 1:
            continue  # "In total, seven members were killed" after two clashes: the toll of neither
        if _said_before(current, fact):
            continue
        earlier = _returns_to([i for i in incidents if i is not current], current, fact)
        if earlier is not None:
            earlier.facts.append(fact)
            if fact.scene_places or _named_definitely_any(fact) or turns_aside or \
                    _moves_to_its_day(fact, earlier, current) or _calm(current) and not _calm(earlier):
                # "In Medan, ...", "The explosive device went off ...", "On Wednesday morning, ..." (the day
                # of the gunfight a lead told aside), a toll brought up to date after a development: the story
                # goes back there, and what follows too
                current = earlier
        elif (_tells_an_event(fact) or fact.sets_scene) and not _leads_under(current, fact) and \
                _starts_new_incident(current, fact):
            told_first = current
            if all(_heads_a_section(f) for f in current.facts):
                current.facts.append(fact)  # the section's first statement, under its heading
                continue
            current = Incident([fact])
            incidents.append(current)
            if fact.aside and not turns_aside:
                current = told_first
        else:
            current.facts.append(fact)
    # A scene that no event followed ("On Sunday, troops entered the town.") tells no incident of its own.
    told: list[Incident] = []
    for incident in incidents:
        if told and not incident.triggers:
            told[-1].facts.extend(incident.facts)
        else:
            told.append(incident)
    return told


def _owner_of_aircraft(fact: SentenceFacts, actor: Actor | None) -> Actor | None:
    """The state forces that speak of unnamed aircraft as theirs: "the army said one of its drones had
    struck a large group of terrorists"."""
    if actor is None or actor.kind != UNNAMED_AIRCRAFT:
        return None
    states = [a for a in fact.actors if a.inter == STATE_FORCES and a.kind != UNNAMED_AIRCRAFT
              and a.span.end <= actor.span.start]
    before = fact.span.text[:actor.span.start - fact.span.start].split()
    if before and before[-1].lower() in _POSSESSIVES:
        return next(iter(states), None)
    # "the U.S. Africa Command said it had carried out an airstrike": the strike its speaker's
    return next((a for a in states if actor.inferred and _says_it_acted(fact, a)), None)


def _says_it_acted(fact: SentenceFacts, actor: Actor) -> bool:
    """Whether the actor says that it did what the statement tells: the subject of a saying verb whose
    clause's subject is "it", "they" or "its forces"."""
    words = _actor_words(fact, actor)
    if words is None or words.root.dep_ != "nsubj" or words.root.head.lemma_.lower() not in _SAYING:
        return False
    told = [c for c in words.root.head.children if c.dep_ == "ccomp"]
    return any(s.dep_ == "nsubj" and (s.lower_ in ("it", "they") or any(p.lower_ in _POSSESSIVES for p in s.children))
               for clause in told for s in clause.children)


def _second_clause(sent: SpacySpan) -> Token | None:
    """The head of a clause with a subject of its own that the sentence joins to an earlier one with
    "and" or "while" (the main clause, or what a reporting verb around it says), if any."""
    for clause in sent:
        if clause.dep_ == "conj":
            joined = clause.head.pos_ in ("VERB", "AUX")
        else:
            joined = clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _JOINING_MARKS
                                                     for m in clause.children)
        if joined and clause.pos_ in ("VERB", "AUX") and clause.i > clause.head.i and \
                len(list(clause.ancestors)) <= _CLAUSE_DEPTH and \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            return clause
    return None


def _word_at(sent: SpacySpan, offset: int, start: int) -> Token | None:
    """The sentence's word at an absolute offset."""
    return next((t for t in sent if offset + t.idx <= start < offset + t.idx + len(t)), None)


def _describes_someone(sent: SpacySpan, offset: int, trigger: Trigger) -> bool:
    """Whether the trigger lies in a relative clause on a noun ("a FARC dissident group that rejected the
    2016 peace deal"): it says who someone is, not what the statement reports."""
    word = _word_at(sent, offset, trigger.start)
    return word is not None and any(a.dep_ == "relcl" and a.head.pos_ in ("NOUN", "PROPN")
                                    for a in (word, *word.ancestors))


def _inside_clause(sent: SpacySpan, offset: int, trigger: Trigger, span: Span) -> bool:
    """Whether the span lies inside the clause the trigger's word heads."""
    word = _word_at(sent, offset, trigger.start)
    if word is None:
        return False
    clause = word if word.pos_ in ("VERB", "AUX") else word.head
    return offset + clause.left_edge.idx <= span.start and \
        span.end <= offset + clause.right_edge.idx + len(clause.right_edge)


def _strong(trigger: Trigger) -> bool:
    """Whether a trigger is strong enough to tell an event (not "the Komanda displacement site")."""
    return trigger.score >= MIN_SCORE


def _opens_with_its_day(sent: SpacySpan, offset: int, date: date_rules.DateMention | None, *,
                        years_too: bool = False) -> bool:
    """Whether the sentence opens with the day it tells of ("Late on Sunday, insurgents entered the
    village of Mucojo"): with the place its actors went to, it sets the scene the next statement's
    event ("They beheaded two fishermen") happened in. With `years_too`, a year alone ("In 2016, ...")
    opens it too."""
    if date is None or date.said or date.year_only and not years_too:
        return False
    before = doc_text(sent.doc)[sent.start_char:date.span.start - offset]
    if len(before.split()) <= _OPENER_WORDS and "," not in before:
        return True
    opening = date_rules.opening_day_end(span_text(sent))  # "On the morning of Sunday, 19 June 2016, ..."
    return opening is not None and len(before) < opening


def _tells_an_event(fact: SentenceFacts) -> bool:
    """Whether the statement has a trigger of its own kind of event: "many families fled towards
    Tabarre" only follows what made them flee."""
    return any(t.sub_event_type != _OTHER for t in fact.triggers)


def _leads_under(incident: Incident, fact: SentenceFacts) -> bool:
    """Whether the statement is the lead under a headline that is the incident so far: "Garment worker
    killed as police clash with protesters near Dhaka" is told again, in full, by "A worker was killed
    ... in Gazipur, on the northern edge of the capital", whatever place and words each uses."""
    return len(incident.facts) == 1 and incident.facts[0].headline and not fact.announces_another


def _returns_to(earlier: Sequence[Incident], current: Incident, fact: SentenceFacts) -> Incident | None:
    """The earlier incident of the story a statement goes back to: the violent one whose toll a statement of
    harm alone gives after a development; the one whose kind of event it names
    with "the" ("the rape ... during the raid"), the one of its own day and kind ("On Sunday, a bomb ripped
    through an army vehicle"), or the one set at places it has and the current one lacks, on no other day
    ("Protests also took place in Mombasa and Kisumu ... 52 people had been arrested in Nairobi": the
    Nairobi protest's arrests)."""
    told = next((i for i in reversed(earlier) if _retold_aside(i, fact)), None)
    if told is not None:
        return told  # "..., two days after a suicide bombing at a Shia mosque in the city": the bombing told
    if _calm(current) and fact.date is not None and fact.figures and fact.triggers and \
            all(t.rule in _HARM_RULES for t in fact.triggers):
        # "On Wednesday evening the Border Service said one of the two wounded guards had died" after
        # Tajikistan's troops "reinforced their own posts": the toll of the attack, brought up to date
        violent = next((i for i in reversed(earlier)
                        if i.triggers and _lead_trigger_of(i).event_type in POLITICAL_VIOLENCE), None)
        if violent is not None:
            return violent
    if fact.triggers and not fact.announces_another and (fact.date is None or fact.date.said):
        definite = [t for t in fact.triggers if _named_definitely(fact, t)]
        named = {t.sub_event_type for t in definite}
        if named and not named & current.sub_types:
            # "documented the rape of five women during the raid" after a bomb told two days later: the
            # raid told before it; "The explosive device went off near Mocimboa da Praia" after a raid
            # elsewhere: the bomb the lead told there; "the bomber had been sent from Pakistan" after a
            # raid on the bombers' hideout: the suicide bombing (of the type, where no kind matches)
            told = next((i for i in reversed(earlier) if i.triggers and _lead_trigger_of(i).sub_event_type in named),
                        None)
            types = {t.event_type for t in definite}
            if told is None and not (current.triggers and _lead_trigger_of(current).event_type in types):
                told = next((i for i in reversed(earlier)
                             if i.triggers and _lead_trigger_of(i).event_type in types), None)
            if not fact.event_places or told is not None and \
                    {p.text for p in fact.event_places} <= {p.text for p in told.places}:
                return told
    day = fact.date.date if fact.date is not None and not fact.date.said else None
    if day is not None and fact.triggers and day != current.date:
        if _named_by_its_day(fact, _lead_trigger(fact)):
            # "Still, Thursday's attack rattled relatives gathered in Tikrit": the attack told, wherever they
            # were
            found = next((i for i in reversed(earlier) if i.date == day and i.triggers), None)
            if found is not None:
                return found
        if not fact.announces_another:
            # "On Sunday, a bomb ripped through an army vehicle near Batibo" after the story went back to
            # Friday's raid: Sunday's bomb, told before
            lead = _lead_trigger(fact)
            # (not one set elsewhere: "peaceful protests were held on Monday in Diwaniyah and Samawah" after
            # Monday's riot in Nasiriyah)
            here = {p.text for p in fact.event_places}
            # (a crowd's march is the riot it turned into: "Thousands marched towards the Raj Bhavan on
            # Wednesday" after an abduction, below a lead on the march that turned violent)
            found = next((i for i in reversed(earlier) if i.date == day and i.triggers
                          and _same_kind(_lead_trigger_of(i), lead)
                          and not (here and i.places and here.isdisjoint(p.text for p in i.places))), None)
            if found is not None:
                return found
    # ("In Medan, the capital of North Sumatra province, thousands gathered": the scene it opens with)
    places = {p.text for p in fact.scene_places or fact.event_places}
    known = {p.text for p in current.places}
    if not places or not known or places & known or fact.announces_another or _names_its_event_again(fact):
        return None
    for incident in reversed(earlier):
        # (a lead's list of towns is not where each scene below it is: "In Kyiv, a missile struck ..."
        # then "A drone attack on Odesa killed ..." does not go back to the lead's Odesa)
        there = {p.text for p in incident.places}
        # (or one place more of the same kind of event: "The device went off on the road linking
        # Mocimboa da Praia to Mueda" after the roadside bomb near Mocimboa da Praia)
        again = places & there and incident.triggers and fact.triggers and \
            _lead_trigger(fact).sub_event_type == _lead_trigger_of(incident).sub_event_type
        # (nor violence of another kind there: "its aircraft had struck hideouts around Kolokani" after
        # the ambush near Kolokani)
        other_violence = _names_a_kind(fact) and _lead_trigger(fact).event_type in POLITICAL_VIOLENCE and \
            not (_kinds(fact.triggers) & _kinds(incident.triggers))
        if (places <= there or again) and not _another_scene_than(incident, places) and not other_violence:
            day = incident.date
            if day is None and _opens_with_its_day(fact.sent, fact.offset, fact.date) and \
                    not ({t.sub_event_type for t in fact.triggers} & incident.sub_types):
                return None  # "On Monday morning, police in Novi Sad detained an activist" after its march
            if fact.date is None or fact.date.said or day is None or abs((fact.date.date - day).days) <= 1:
                return incident
            return None
    return None


def _retold_aside(incident: Incident, fact: SentenceFacts) -> bool:
    """Whether the statement is an aside that names a kind of event the incident told again, on no day or place
    of its own ("The Taliban killed three ISIL fighters in a raid, two days after a suicide bombing at a Shia
    mosque in the city", under the bombing's headline)."""
    return fact.aside and bool(fact.triggers) and not fact.event_places and (
        fact.date is None or fact.date.said or fact.date.date == incident.date) and \
        _lead_trigger(fact).event_type in {t.event_type for t in incident.triggers}


def _same_kind(told: Trigger, trigger: Trigger) -> bool:
    """Whether two triggers tell the same kind of event: the same sub-event type, or both a crowd's."""
    return told.sub_event_type == trigger.sub_event_type or \
        told.event_type in _CROWD_EVENT_TYPES and trigger.event_type in _CROWD_EVENT_TYPES


def _names_its_event_again(fact: SentenceFacts) -> bool:
    """Whether the statement names its event as one already told ("This attack marked the start of a
    bombing campaign in England"): it speaks of the incident just told, wherever else it goes."""
    return any(_word_before(fact, t.start) in _TOLD_BEFORE for t in fact.triggers)


def _starts_new_incident(incident: Incident, fact: SentenceFacts) -> bool:
    """Another day, "Separately, ...", "also" somewhere new, a scene set somewhere new, or another kind
    of event elsewhere; never a statement about "the attackers" the incident already has, nor the first
    event told in a scene just set."""
    if not incident.triggers:
        return False
    if fact.joined:
        return not _retold_aside(incident, fact)  # the sentence told two events (see Extractor._read_clauses)
    if fact.date is not None and date_rules.dates_a_line(doc_text(fact.sent.doc), fact.date, fact.offset):
        return True  # a brief's dated item ("- 18/09, 20:40 - Birere: a grenade ...") is a report of its own
    if _only_updates_a_toll(fact):
        return False  # "Later on Wednesday, rescuers pulled a body from the rubble, bringing the toll to four"
    if all(not f.event_places and not f.figures and _goes_on(f) for f in incident.facts):
        return False  # "The attacks continued into Monday. Early on Monday, a drone hit a bus": what went on
    date = incident.date or _said_on_its_opening_day(incident)
    days_apart = abs((fact.date.date - date).days) if fact.date is not None and not fact.date.said and \
        date is not None else 0
    stated = [f for f in incident.facts if f.date and not f.date.said]
    if days_apart < 7 and stated and (all(f.date.time_precision == date_rules.WEEK for f in stated)
                                      or all(f.headline for f in stated)):
        # a lead's "this week" holds "on Monday", and a headline's "overnight" the story's "on Friday" (not a
        # month's tally its "On May 9")
        days_apart = 0
    if fact.date is not None and fact.date.said and fact.date.time_precision == date_rules.DAY and date is not None \
            and fact.date.date < date and (fact.figures or _acts_on_its_own(fact)):
        # "On Saturday, the army said its troops had repelled an attack near Um Sumeima" under Sunday's drone
        # strike: said before it happened, it tells another event
        return True
    if days_apart > 1 or days_apart and fact.repeats:
        return True  # (the next day: "engaged the fleeing group anew at around 2 p.m. on Tuesday")
    if fact.date is not None and not fact.date.said and _goes_on(fact) and \
            any(f.date.date < fact.date.date for f in incident.facts if f.date):
        return True  # "The attacks continued into Monday" after Sunday's (said or not): ACLED codes each day
    if (fact.date is None or fact.date.said or days_apart) and date is not None and \
            date_rules.counted_from(fact.span.text, fact.span.start, date):
        return True  # "Two days earlier, a municipal councillor was shot dead", "Two days earlier, on Sunday, ..."
    # (a headline summing up the week's events names each one's place: none holds two of them together)
    known = {p.text for f in incident.facts if not f.summary for p in f.event_places} or \
        {p.text for p in incident.places}
    new_places = fact.event_places
    different_place = bool(known and new_places and all(p.text not in known for p in new_places))
    if new_places and not known and _acts_on_its_own(fact) and _lead_trigger(fact).event_type in POLITICAL_VIOLENCE \
            and not any(t.event_type in _CROWD_EVENT_TYPES for t in fact.triggers) \
            and not any(t.event_type in POLITICAL_VIOLENCE and _strong(t) for t in incident.triggers):
        # "Late on Saturday, explosive charges were dropped by drones on the police station in Suarez" after a
        # march told with no place: violence somewhere, after an incident of none (not "clashes between police
        # and protesters in al-Akr" after rallies across the country: the crowd's)
        return True
    if days_apart and different_place and _opens_with_its_day(fact.sent, fact.offset, fact.date):
        return True  # "On Sunday, some 3,000 people marched in Puno" under Monday's riot in Juliaca
    if fact.sets_scene:
        return bool(days_apart) or different_place  # "Late on Sunday, insurgents entered Mucojo"
    if _agrees_after_violence(incident, fact):
        return True  # "Late Tuesday, elders announced that the two groups had agreed to a ceasefire"
    # (not by a word too weak to tell an event: "during a rally planned for Thursday")
    own_kinds = {t.sub_event_type for t in _own_triggers(fact) if _strong(t)} or \
        {t.sub_event_type for t in _own_triggers(fact)}
    different_kind = not (own_kinds & incident.sub_types)
    # (an undated massacre's arson and toll before "On Saturday morning, about 150 displaced people gathered")
    undated_event = date is None and any(t.event_type in (*POLITICAL_VIOLENCE, *_CROWD_EVENT_TYPES) and _strong(t)
                                         for t in incident.triggers)
    if (days_apart or undated_event) and different_kind and _tells_an_event(fact) and \
            _opens_with_its_day(fact.sent, fact.offset, fact.date):
        # "On Saturday afternoon, vigilantes engaged the bandits in a gun battle" after Friday's raid; "On
        # Monday morning, police in Novi Sad detained a student activist" after a march told with no day
        return True
    if fact.announces_another:
        # "In a separate incident, fighters stormed Abu Zariga, 30 km west of El Fasher": a place named
        # only to say where the new one lies does not hold the two together
        # ("Separately, gunmen shot dead a man outside a car wash in Culiacan": whoever did it did it anew)
        return different_kind or bool(days_apart) or any(p.text not in known for p in new_places) or \
            _strong(_lead_trigger(fact)) and _subject_does_it(fact) is not None
    # A headline or lead that sums up several attacks ("RSF shelled El Fasher on Sunday and a drone
    # struck a market on Monday") holds none of them together with the next (see _summaries).
    told = {_lead_trigger(f).sub_event_type for f in incident.facts if f.triggers and not f.summary}
    acts = [t for t in fact.triggers if t.event_type in POLITICAL_VIOLENCE or t.sub_event_type == _ARRESTS]
    if days_apart and different_place and (fact.figures and acts or _acts_on_its_own(fact)):
        # "A drone attack on Odesa early on Tuesday killed a port worker" after Monday's in Kharkiv;
        # "detectives on Sunday afternoon raided a house in Malindi" after Saturday's arrests in Likoni
        return True
    kinds_named = [t for t in acts if t.rule not in _HARM_RULES]  # (not "bringing the death toll to four")
    if days_apart and fact.figures and kinds_named and \
            max(kinds_named, key=lambda t: t.score).sub_event_type not in told:
        # (not "the bodies of three militants were found on Wednesday, along with weapons": no new violence)
        # "The army said it repelled an attack on Sunday, killing dozens" after Saturday's shelling; "X was
        # detained early on Friday" under Saturday's rally
        return True
    if days_apart and _acts_on_its_day(fact) and not _named_definitely_any(fact):
        # "The American action came after the Houthis fired a missile on Sunday evening at Marib" under
        # Monday's strikes on Hodeidah, whose lead named Marib too; "By Monday afternoon, several hundred
        # pupils had gathered in front of the school" under Tuesday's sit-in: ACLED codes each day's
        return True
    if fact.adds_elsewhere and different_place:
        return True
    if fact.adds_elsewhere and new_places and not known and _lead_trigger(fact).event_type in _CROWD_EVENT_TYPES:
        return True  # "Smaller demonstrations were held in Gyumri": not where the crowd so far was
    # (a headline's rough place, "near Dhaka", or its list of two events' places, is no place its story
    # has been at)
    scenes = {p.text for f in incident.facts if not f.headline for p in f.event_places} or known
    if fact.opens_sequel and _names_a_kind(fact) and any(p.text not in scenes for p in new_places):
        # "Later on Wednesday, Israeli tanks pushed into Rafah" after a strike on Nuseirat; "Later on
        # Wednesday, settlers attacked homes in the Jordan Valley" after a raid on Tubas (which the
        # headline's "settlers torch Jordan Valley homes" sums up with it); not "Later on Wednesday,
        # rescuers pulled the body of a woman from the rubble, bringing the toll to four"
        return True
    if _another_fight(incident, fact):
        return True  # "Troops later pursued the attackers and killed four of them in a gunfight"
    if fact.date is not None and incident.date is not None and new_places and \
            all(p.text not in scenes for p in new_places) and \
            not fact.summary and not fact.headline and _acts_on_its_own(fact) and \
            _named_definitely(fact, _lead_trigger(fact), _INDEFINITE):
        # "In a later post on Sunday afternoon, Gladkov said a drone dropped an explosive device on a shop in
        # Grayvoron" after a car hit near Shebekino, under a headline naming both
        return True
    if different_place and _timed_against_one_told(fact):
        return True  # "Overnight, before the missile strike, drones attacked the town of Chuhuiv"
    if _moves_to_another_scene(incident, fact) or _leaves_the_scene(incident, fact):
        # "In Nairobi, thousands marched ... In Kitengela, protesters set fire to the police post"; "In
        # Dnipro, a missile struck ... A drone attack on Sumy killed a driver" under a lead naming both
        return True
    if _refers_back(incident, fact):
        return False
    # ("In Dhaka, workers held a sit-in" after the lead's clashes in Gazipur, under a headline "near Dhaka")
    if fact.scene_places and not any(p.text in scenes for p in fact.scene_places):
        return True
    # (what harm a statement tells names no kind: "a sticky bomb exploded in Kabul, wounding three" is
    # another event than a raid in Dehdadi "killing three militants", unless it opens on what was told:
    # "The bomber blew up a minibus at the entrance to the camp", "The killings took place when ...")
    other_kind = _names_a_kind(fact) and not _named_definitely_any(fact) \
        and not (_kinds(fact.triggers) & _kinds(incident.triggers)) and fact.sent[0].text not in _TOLD_BEFORE
    # (a place in a locative phrase only: "of the Jaime Martínez front" is no scene)
    return different_place and (different_kind and not _opens_on_one_told(incident, fact)
                                or other_kind and any(p.locative for p in new_places))


def _goes_on(fact: SentenceFacts) -> bool:
    """Whether the statement says its events went on ("The attacks continued into Monday", "fighting resumed")."""
    return any(word is not None and word.dep_ == "nsubj" and word.head.lemma_ in _GO_ON
               for word in (_trigger_noun(fact, t) for t in fact.triggers))


def _opens_on_one_told(incident: Incident, fact: SentenceFacts) -> bool:
    """Whether the statement's subject is an event of the incident's type named definitely: "The blast
    struck the Imam Zaman mosque in Dasht-e-Barchi" after a suicide bombing in western Kabul."""
    types = {t.event_type for t in incident.triggers}
    for trigger in fact.triggers:
        word = _trigger_noun(fact, trigger)
        if word is not None and word.dep_ in ("nsubj", "nsubjpass") and trigger.event_type in types \
                and _named_definitely(fact, trigger) and word.left_edge.i == fact.sent.start:
            return True
    return False


def _own_triggers(fact: SentenceFacts) -> list[Trigger]:
    """The statement's triggers but those naming an event told before by its day ("demanding action
    against those behind Sunday's killing"), unless it has no others."""
    own = [t for t in fact.triggers if not _named_by_its_day(fact, t)]
    return own or fact.triggers


def _named_by_its_day(fact: SentenceFacts, trigger: Trigger) -> bool:
    """Whether an event noun is owned by a day: "Sunday's killing", "Monday's bombing"."""
    word = _trigger_noun(fact, trigger)
    return word is not None and word.pos_ == "NOUN" and any(
        c.dep_ == "poss" and date_rules.names_a_day(c.text) for c in word.children)


def _heads_a_section(fact: SentenceFacts) -> bool:
    """Whether the statement is a heading in the story: a line of its own with no finite verb and no full stop
    ("1. The attack on Furcy", "Kidnapping on National Road 1"), heading the paragraphs under it."""
    if fact.headline or fact.figures or fact.date is not None:
        return False
    text = fact.sent.doc.text
    start, end = fact.sent.start_char, fact.sent.end_char
    alone = (start == 0 or text[start - 1] == "\n") and (end >= len(text) or text[end:end + 1] == "\n")
    return alone and not text[start:end].rstrip().endswith((".", "!", "?", '"', "”")) and \
        not any(t.pos_ == "AUX" or t.tag_ in _FINITE_VERBS for t in fact.sent)  # ("Lynching in Petion-Ville")


def _harms_no_one(sent: SpacySpan, offset: int, trigger: Trigger) -> bool:
    """Whether a bare harm word is denied: "No one was injured", "nobody died", "were not hurt" tell no
    attack (after an arson, the fire is the event)."""
    if trigger.rule not in _HARM_RULES:
        return False
    word = _word_at(sent, offset, trigger.end - 1)  # (the participle of "was injured")
    if word is None:
        return False
    return any(c.dep_ == "neg" for c in word.children) or any(
        c.dep_ in ("nsubj", "nsubjpass") and is_none(c) for c in word.children)


def _lists_a_thing(sent: SpacySpan) -> bool:
    """Whether the sentence is an item of a list with no verb: "4. BGL launcher – 01, with BGL shells – 06"
    under "were recovered along with the following items:" names a thing, no event."""
    return _LIST_ITEM.search(sent.text) is not None and not any(t.pos_ in ("VERB", "AUX") for t in sent)


def _in_a_second_story(fact: SentenceFacts, said: Trigger | Span) -> bool:
    """Whether a trigger, figure or place is in a second story a headline adds: after a semicolon, or in
    an aside (see _in_a_headline_aside)."""
    return fact.headline and ";" in fact.span.text[:said.start - fact.span.start] or _in_a_headline_aside(fact, said)


def _in_a_headline_aside(fact: SentenceFacts, said: Trigger | Span) -> bool:
    """Whether a trigger or figure is in a clause of its own a headline adds with "as", "while" or "after"
    ("Haiti gangs kill eight in Kenscoff as vigilantes lynch two in Petion-Ville", "US strikes hit Hodeidah
    port after Houthi missile kills three at Marib camp"): another story told below."""
    if not fact.headline:
        return False
    at = said.start - fact.offset
    return any(t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _ASIDE_MARKS for c in t.children)
               and any(c.dep_ == "nsubj" for c in t.children)
               and t.left_edge.idx <= at < t.right_edge.idx + len(t.right_edge) for t in fact.sent)


def _moves_to_its_day(fact: SentenceFacts, earlier: Incident, current: Incident) -> bool:
    """Whether a statement that goes back to an earlier incident opens on that incident's day, another
    than the current one's, or tells its violence done on that day ("The American action came after the
    rebels fired a missile on Sunday evening at Marib")."""
    day = fact.date.date if fact.date is not None and not fact.date.said else None
    return day is not None and day == earlier.date and day != current.date and (
        _opens_with_its_day(fact.sent, fact.offset, fact.date) or _acts_on_its_day(fact))


def _acts_on_its_own(fact: SentenceFacts) -> bool:
    """Whether the statement's leading trigger is violence or a development ACLED codes on its own
    (arrests, weapons seized, ground handed over, looting), not harm alone nor a deployment or a talk."""
    lead = _lead_trigger(fact)
    return lead.rule not in _HARM_RULES and (
        lead.event_type in POLITICAL_VIOLENCE or lead.sub_event_type in _DEVELOPMENTS_OF_THEIR_OWN)


def _acts_on_its_day(fact: SentenceFacts) -> bool:
    """Whether the statement tells violence, a development coded on its own, or a crowd's act, done by its
    subject on the day it gives (see _done_on_its_day)."""
    return (_acts_on_its_own(fact) or _lead_trigger(fact).event_type in _CROWD_EVENT_TYPES) and _done_on_its_day(fact)


def _done_on_its_day(fact: SentenceFacts) -> bool:
    """Whether the statement's leading trigger is a verb, or its object, with a subject who does it, on
    the day the statement gives ("the Houthis fired a missile on Sunday evening"; not "officers returned
    fire until reinforcements reached the town at dawn on Sunday")."""
    day = _word_at(fact.sent, fact.offset, fact.date.span.start) if fact.date is not None else None
    day_verb = next((t for t in day.ancestors if t.pos_ in ("VERB", "AUX")), None) if day is not None else None
    verb = _subject_does_it(fact, day_verb)
    return verb is not None and day_verb in (verb, *(c for c in verb.children if c.dep_ == "conj"))


def _subject_does_it(fact: SentenceFacts, stop: Token | None = None) -> Token | None:
    """The verb of the statement's leading trigger (the trigger, or the verb it is the object of), where a
    subject does it: "the Houthis fired a missile", "RSF fighters returned to the site and looted" (the
    first of conjoined verbs, up to `stop`)."""
    word = _word_at(fact.sent, fact.offset, _lead_trigger(fact).start)
    verb = word.head if word is not None and word.dep_ == "dobj" else word
    while verb is not None and verb.dep_ == "conj" and verb.pos_ == "VERB" and verb is not stop:
        verb = verb.head
    if verb is not None and verb.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in verb.children):
        return verb
    return None


def _name_the_pronoun_speaker(fact: SentenceFacts, before: SentenceFacts | None, text: str) -> None:
    """ "A Merawi resident said the fighting lasted until the afternoon. 'I saw at least six bodies,' he
    said.": who "he" is, the statement before it in its paragraph says; its figures are the resident's."""
    said = fact.attribution
    if said is None or said.kind != _UNKNOWN_SOURCE or said.source.lower() not in _SPEAKER_PRONOUNS or before is None:
        return
    named = before.attribution
    if named is None or named.kind in (_UNKNOWN_SOURCE, "author") or "\n" in text[before.span.end:fact.span.start]:
        return
    fact.attribution = dataclasses.replace(said, kind=named.kind)
    fact.figures = [dataclasses.replace(f, attribution=fact.attribution) if f.attribution == said else f
                    for f in fact.figures]


def _only_updates_a_toll(fact: SentenceFacts) -> bool:
    """Whether a statement's only event words are a toll's ("bringing the death toll to four")."""
    terms = CasualtyTerms.load()
    return bool(fact.triggers) and all(terms.names_a_toll(t.text) for t in fact.triggers)


def _names_a_kind(fact: SentenceFacts) -> bool:
    """Whether the statement names a kind of event beyond the harm done ("He was pronounced dead" names none)."""
    return any(t.rule not in _HARM_RULES for t in fact.triggers)


def _kinds(triggers: Sequence[Trigger]) -> set[str]:
    """The sub-event types the triggers name beyond harm done, else those of the harm."""
    named = {t.sub_event_type for t in triggers if t.rule not in _HARM_RULES}
    return named or {t.sub_event_type for t in triggers}


def _moves_to_another_scene(incident: Incident, fact: SentenceFacts) -> bool:
    """Whether the statement opens a scene ("In Kitengela, ...") none of whose places the incident's
    last scene opener named: a roundup's lead may name both towns, but each scene is its own."""
    return bool(fact.scene_places) and _another_scene_than(incident, {p.text for p in fact.scene_places})


def _leaves_the_scene(incident: Incident, fact: SentenceFacts) -> bool:
    """Whether the statement is set only at other towns of the incident's lead than the scene a statement
    opened ("A drone attack on Sumy killed a driver" after "In Dnipro, ..." under a lead naming both)."""
    places = {p.text for p in fact.event_places}
    named = _lead_places(incident)
    return bool(places) and len(named) > 1 and places <= named and _another_scene_than(incident, places)


def _lead_places(incident: Incident) -> set[str]:
    """The event places of the incident's first statement below its headline (its lead, where it has one)."""
    lead = next((f for f in incident.facts if not f.headline), None)
    return {p.text for p in lead.event_places} if lead is not None else set()


def _another_scene_than(incident: Incident, places: set[str]) -> bool:
    """Whether the incident's last scene opener ("In Kyiv, ...") named none of the places."""
    opened = [f for f in incident.facts if f.scene_places and not f.headline]
    return bool(opened) and not places & {p.text for p in opened[-1].scene_places}


def _agrees_after_violence(incident: Incident, fact: SentenceFacts) -> bool:
    """Whether the statement tells an agreement, and tells no violence, after an incident of violence:
    the truce is an event of its own."""
    lead = _lead_trigger(fact)
    return lead.sub_event_type == _AGREEMENT and not any(t.event_type in POLITICAL_VIOLENCE for t in fact.triggers) \
        and bool(incident.triggers) and _lead_trigger_of(incident).event_type in POLITICAL_VIOLENCE


def _deal_and_violence(first: SentenceFacts, then: SentenceFacts) -> bool:
    """Whether one clause tells an agreement and the other violence ("signed a ceasefire agreement on
    Monday, but hours later suspected militiamen killed at least six civilians"): never one event."""
    if not (first.reported and then.reported) or any(f.date is not None and f.date.year_only for f in (first, then)):
        return False  # ("abducted since 2020, and peace deals have collapsed": history)
    parts = ((first, _lead_trigger(first)), (then, _lead_trigger(then)))
    # (violence told with a toll or a place: "until the rebels stop attacks" tells none)
    return any(t.sub_event_type == _AGREEMENT for _, t in parts) and any(
        t.event_type in POLITICAL_VIOLENCE and (f.figures or f.event_places) for f, t in parts)


def _violence_kinds(fact: SentenceFacts) -> set[str]:
    """The kinds of violence a statement tells: a bare "killing", or an attack on civilians, which any
    kind of violence may also be ("a drone hit the market, killing 12"), is no kind of its own."""
    return {t.sub_event_type for t in fact.triggers if t.event_type in POLITICAL_VIOLENCE
            and t.rule not in _HARM_RULES and t.sub_event_type != _ATTACK and not _named_definitely(fact, t)}


def _summaries(facts: Sequence[SentenceFacts]) -> set[int]:
    """The statements that sum up attacks the article's other statements then tell one by one: two of
    their kinds lead other statements ("RSF shelled El Fasher on Sunday and a drone struck a market on
    Monday, killing 22" above "Shells fell on ..." and "A drone hit the market ..."); "took control of
    the town after heavy fighting" tells one event of two kinds."""
    kinds = {id(f): _violence_kinds(f) for f in facts}
    # (a statement of fewer than two kinds is never one that sums up, so none needs leaving out of this)
    # (an event told is one with a toll, a place or a day: not "glide bombs are cheap")
    told = [(f.span.start, _lead_trigger(f).sub_event_type) for f in facts
            if f.triggers and len(kinds[id(f)]) < 2 and (f.figures or f.event_places or f.date)]
    # the kinds told one by one below it: "a drone hit a minibus" after a drone strike told above sums
    # nothing up
    below = {id(f): {kind for start, kind in told if start > f.span.start} for f in facts}
    # ("were killed in a spate of attacks across Balochistan" above a clash, a bombing and a grenade)
    # (or a number of them: "killed 23 militants in three separate engagements" above each engagement)
    return {id(f) for f in facts if len(kinds[id(f)] & below[id(f)]) > 1
            or f.names_a_series and (len(below[id(f)] - {_ATTACK}) > 1 or kinds[id(f)] & below[id(f)] - {_ATTACK})}


def _told_apart_in_time(fact: SentenceFacts) -> bool:
    """Whether a sentence tells its second event a stated time before or after its first (see
    Extractor._read_clauses)."""
    return _second_clause(fact.sent) is None and modality_rules.another_time_from(fact.sent) is not None


def _lead_trigger(fact: SentenceFacts) -> Trigger:
    """A statement's strongest trigger."""
    return max(fact.triggers, key=lambda t: t.score)


def _lead_trigger_of(incident: Incident) -> Trigger:
    """An incident's strongest trigger so far."""
    return max(incident.triggers, key=lambda t: t.score)


def _another_fight(incident: Incident, fact: SentenceFacts) -> bool:
    """Whether the statement reports violence of another kind between a side the incident has and one
    it has not met: "RSF shelling killed 30 in El Fasher ... The army said its troops repelled an RSF
    attack" is a clash apart from the shelling. Arrests or deployments that follow an attack stay
    with it, and so does a lede that names the sides its headline did not."""
    lead = _lead_trigger(fact)
    # "It blamed the RSF for both attacks" names kinds told before, not ones of this incident
    kinds = {t.sub_event_type for f in incident.facts for t in f.triggers
             if _word_before(f, t.start).lower() not in _SEVERAL_TOLD}
    if lead.event_type not in POLITICAL_VIOLENCE or lead.sub_event_type in kinds or not fact.figures:
        return False  # a fight of its own has a toll of its own ("killing dozens of fighters")
    known = {a.name for f in incident.facts for a in f.actors}
    armed = [a for a in fact.actors if a.inter != CIVILIAN_INTER]
    if lead.event_type == _CIVILIAN_VIOLENCE and incident.triggers and \
            _lead_trigger_of(incident).event_type == _BATTLES:
        # "RSF captured Bara after fighting the army ... 47 civilians were killed by RSF fighters after
        # they entered Bara": a side of the battle turning on civilians is violence of its own
        return any(a.inter == CIVILIAN_INTER for a in fact.actors) and \
            any(a.name in known and a.kind != _UNNAMED for a in armed)
    newcomers = [a for a in armed if a.name not in known and a.kind != _UNNAMED]
    if lead.sub_event_type != _AIR_STRIKE and any(a.name in known and a.inter == STATE_FORCES for a in armed):
        # "troops, backed by fighter jets, pushed them back": the jets are the troops' own (not "Also on
        # Monday, army drones struck a column of fighters", where the drones act)
        newcomers = [a for a in newcomers if a.kind != UNNAMED_AIRCRAFT]
    if any(a.kind == _UNNAMED and a.inter in ARMED_GROUP_INTERS for f in incident.facts for a in f.actors):
        # "resistance fighters overran an outpost ... Combined PDF units attacked the post": the group
        # named is who the unnamed fighters were, no newcomer
        newcomers = [a for a in newcomers if a.inter not in ARMED_GROUP_INTERS]
    if any(a.name in known and a.kind != _UNNAMED for a in armed):
        return bool(newcomers)
    # Met again only as "the attackers", the side met before fights a newcomer that acts: "Troops later
    # pursued the attackers" (not "a police officer was injured when the attacker shot him").
    return any(a.name in known and _definite(fact, a) for a in armed) and any(_acts(fact, a) for a in newcomers)


_DEFINITE = frozenset({"the", "these", "those"})
_INDEFINITE = frozenset({"a", "an", "another"})  # an event not told before
_GO_ON = frozenset({"continue", "resume", "persist", "rage", "spread", "escalate", "intensify", "shift", "extend"})
_BELONGING = frozenset({"belong", "member"})  # "belonged to X", "members of X"
_FINITE_VERBS = frozenset({"VBD", "VBP", "VBZ", "MD"})
_LIST_ITEM = re.compile(r"(?:^|\n)\s*(?:\d{1,2}[.)]|[-•*])\s")
# Words by which a headline joins a second story of its own ("... as vigilantes lynch two").
_ASIDE_MARKS = frozenset({"as", "while", "after"})
_FAR = frozenset({"those", "that"})
# The words before an event noun that make it one already told ("this attack", "the bombing").
_TOLD_BEFORE = frozenset({"this", "This", "the", "The"})
# The words before an event noun that refer back to several events told ("both attacks").
_SEVERAL_TOLD = frozenset({"both", "these", "those"})
_UNNAMED = "unidentified"  # the kind of an armed actor known only by a noun ("gunmen", "the attackers")
# The trigger rules of bare harm words ("killing eight people"): their type is whoever did it to whom.
# The rules of the dead found ("found the bodies", "found five bodies"): harm told, whose "the" names the
# dead, not an event.
_FOUND_DEAD = frozenset({"bodies-found", "bodies-found-counted"})
_HARM_RULES = frozenset({"kill", "die", "wound", "wounded", *_FOUND_DEAD})
_HARMED = frozenset({"killed", "injured"})  # the figure kinds that count people a strike hit
_AIR_STRIKE = "Air/drone strike"
_STANDOFF_STRIKES = frozenset({_AIR_STRIKE, "Shelling/artillery/missile attack"})  # a state's arms, mostly
_ATTACK = "Attack"
_ARRESTS = "Arrests"
# Developments ACLED codes on their own, wherever and whenever they come in a story.
_DEVELOPMENTS_OF_THEIR_OWN = frozenset({_ARRESTS, "Disrupted weapons use", "Non-violent transfer of territory",
                                        "Looting/property destruction"})
_AGREEMENT = "Agreement"
_OTHER = "Other"  # Strategic developments / Other: displacement and the like
_QUIET = frozenset({_MOVE, _OTHER, _AGREEMENT})  # developments that harm no one
# Sources outside a fight, whose count of its dead outweighs what its sides claim (see _without_enemy_claims).
_OUTSIDE_SOURCES = frozenset({"medical", "ngo", "witness", "local", "media"})
_UNKNOWN_SOURCE = "unknown"
_SPEAKER_PRONOUNS = frozenset({"he", "she"})  # who they are, the sentence before may say
_STATE_SOURCES = frozenset({"military", "police", "security", "government"})


def _refers_back(incident: Incident, fact: SentenceFacts) -> bool:
    """Whether the statement names, with "the", an armed actor the incident already has: "Gunmen
    abducted 30 students ... The attackers stormed the school" tells more of the same incident, and
    so do "the attackers" after a named group: no group is met for the first time as "the attackers".
    Civilians do not count: "the driver" may be someone new, met here for the first time."""
    known = {a.name for f in incident.facts for a in f.actors if a.inter != CIVILIAN_INTER}
    return any((actor.name in known or known and actor.kind == _UNNAMED) and _definite(fact, actor)
               for actor in fact.actors)


def _acts(fact: SentenceFacts, actor: Actor) -> bool:
    """Whether the actor is the subject of an active verb in the statement ("Troops pursued ...")."""
    start = actor.span.start - fact.offset
    tok = next((t for t in fact.sent if t.idx <= start < t.idx + len(t)), None)
    while tok is not None and tok.dep_ in ("compound", "amod") and tok.head.i != tok.i:
        tok = tok.head  # "Nigerian troops": the phrase's head noun
    return tok is not None and tok.dep_ == "nsubj"


def _definite(fact: SentenceFacts, actor: Actor) -> bool:
    """Whether the statement names the actor with "the", "these" or "those": one met before."""
    return _word_before(fact, actor.span.start).lower() in _DEFINITE


def _word_before(fact: SentenceFacts, start: int) -> str:
    """The statement's word before an absolute offset ("" at its start)."""
    return _last_word(fact.span.text[:start - fact.span.start])


def _named_definitely_any(fact: SentenceFacts) -> bool:
    """Whether the statement names one of its events with a definite article."""
    return any(_named_definitely(fact, t) for t in fact.triggers)


def _named_definitely(fact: SentenceFacts, trigger: Trigger, determiners: frozenset[str] = _DEFINITE) -> bool:
    """Whether the trigger is a noun phrase with one of `determiners`, by default a definite article ("the
    pub bombings": an event told before; "a drone" with the indefinite ones: one not told before); of a
    phrase ("the explosive device"), its last word."""
    if trigger.rule in _FOUND_DEAD:
        return False
    word = _trigger_noun(fact, trigger)
    return word is not None and word.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in determiners for c in word.children)


def _trigger_noun(fact: SentenceFacts, trigger: Trigger) -> Token | None:
    """The word a trigger's phrase ends on, or the noun it is a compound of ("strike" in "the missile
    strike")."""
    word = _word_at(fact.sent, fact.offset, trigger.end - 1)
    while word is not None and word.dep_ == "compound" and word.head.i != word.i:
        word = word.head
    return word


def _timed_against_one_told(fact: SentenceFacts) -> bool:
    """Whether the statement tells, with a verb of its own, an event it places in time against one told
    before ("Overnight, before the missile strike, drones attacked the town of Chuhuiv"; "Hours before the
    gunfight, police found five bodies dumped outside Navolato"): another one."""
    anchors = _time_anchors(fact)
    return bool(anchors) and any(
        t not in anchors and t.sub_event_type != _OTHER and (t.rule not in _HARM_RULES or t.rule in _FOUND_DEAD)
        and (word := _word_at(fact.sent, fact.offset, t.start)) is not None
        and (word.pos_ == "VERB" or t.rule in _FOUND_DEAD and word.head.pos_ == "VERB")
        for t in fact.triggers)


def _time_anchors(fact: SentenceFacts) -> list[Trigger]:
    """The triggers naming an event told before that the statement places its own against ("before the
    missile strike", "Hours before the gunfight")."""
    return [t for t in fact.triggers if _named_definitely(fact, t)
            and (noun := _trigger_noun(fact, t)) is not None and noun.head.lower_ in _TIME_ANCHORS]


def _goes_on_recalling(recalled: SentenceFacts, fact: SentenceFacts, text: str) -> bool:
    """Whether a statement with no day of its own names the event the sentence before it, in its
    paragraph, recalls ("On February 14, 2020, soldiers ... killed at least 21 civilians ... The United
    Nations put the death toll at 23."): that event again, as old."""
    return fact.date is None and "\n" not in text[recalled.span.end:fact.span.start] and any(
        _named_definitely(fact, t) for t in fact.triggers)


def _calm(incident: Incident) -> bool:
    """Whether an incident tells only a move, a deal or the like, and no harm ("Tajikistan's border troops
    said they had reinforced their own posts")."""
    return bool(incident.triggers) and _lead_trigger_of(incident).sub_event_type in _QUIET and \
        not any(f.figures for f in incident.facts)


def _said_on_its_opening_day(incident: Incident) -> dt.date | None:
    """The day an incident's first statement opens on when it is the day of saying ("On Saturday, the army
    said its troops had repelled an attack"): no later than what it tells."""
    first = incident.facts[0]
    said = first.date
    if said is None or not said.said or said.time_precision != date_rules.DAY or \
            date_rules.opening_day_end(first.span.text) is None:
        return None
    return said.date


def _said_before(incident: Incident, fact: SentenceFacts) -> bool:
    """Whether the statement was said before the incident happened ("Police in Cali said last month they
    had arrested a third suspect" under Wednesday's protest): what it tells is older, and no part of it."""
    said, day = fact.date, incident.date
    if said is None or not said.said or day is None:
        return False
    return (day - said.date).days > (1 if said.time_precision == date_rules.DAY else 7)


def _told_in_an_old_scene(scene: SentenceFacts | None, fact: SentenceFacts, text: str) -> bool:
    """Whether a statement with no day of its own goes on in the paragraph an old day opened ("On the
    morning of Sunday, 19 June 2016, police moved in to clear a blockade ... Dozens were detained.")."""
    return scene is not None and fact.date is None and "\n" not in text[scene.span.end:fact.span.start]


def _named_far(fact: SentenceFacts, trigger: Trigger) -> bool:
    """Whether the trigger names an event told before as one apart from now ("those protests")."""
    return _named_definitely(fact, trigger, _FAR)


def _as_other_places(toponyms: Sequence[Toponym]) -> list[Toponym]:
    """The toponyms with none as where an event happened (a headline listing its stories' places)."""
    return [dataclasses.replace(t, role="other") if t.role == "event" else t for t in toponyms]


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1] if words else ""


def _claimant(claim: Claim, actors: Sequence[Actor]) -> Actor | None:
    """The known actor a claim of responsibility names ("Al-Shabaab claimed the attack"), or the one a
    source blames ("Security sources blamed JNIM"; the group has not claimed the raid)."""
    if claim.status == "blamed" and claim.actor:
        named = [a for a in actors if a.text in claim.actor or claim.actor in a.text]
        return next((a for a in named if a.kind != _UNNAMED and a.inter != CIVILIAN_INTER), None)
    if claim.status != "claimed" or claim.by is None or claim.by.span is None:
        return None
    by = claim.by.span
    named = [a for a in actors if a.span.start < by.end and by.start < a.span.end]
    # "the militant group al Shabaab": the group's name, not the noun before it
    return next((a for a in named if a.kind != _UNNAMED), next(iter(named), None))


def _meets_a_force(trigger: Trigger) -> bool:
    """A protest or riot other than a peaceful one: some force met the crowd."""
    return trigger.event_type in _CROWD_EVENT_TYPES and trigger.sub_event_type != "Peaceful protest"


def _without_enemy_claims(figures: list[Figure], groups: Sequence[Actor]) -> list[Figure]:
    """The figures without a side's count of its enemies' dead (or wounded) above the count of a source
    outside the fight: "security forces killed more than 50 of the attackers", "a Fano spokesman said
    his forces had killed dozens of soldiers" beside a hospital's 11 bodies are claims, not counts (the
    police's "all five attackers were dead" beside a hospital's 17 victims is a count)."""
    kept = []
    for figure in figures:
        claimed = figure.attribution is not None and figure.attribution.kind == GROUP_CLAIM
        # (a claim of responsibility yields to any count but another claim: "the army said 17 bodies had
        # been recovered" beside Islamic State's "more than 30 Christians")
        others = [f for f in figures if f.kind == figure.kind]
        # (nor to the other side's count of its enemies: "its fighters had killed more than 40 soldiers" beside
        # the government's "more than 50 extremists" and a resident's six bodies)
        outside = [f.count for f in others if f.attribution is not None and f.attribution.kind in _OUTSIDE_SOURCES] \
            if not claimed else [f.count for f in others if (f.attribution is None or f.attribution.kind != GROUP_CLAIM)
                                 and not _counts_its_enemies(f, groups)]
        if not (outside and figure.kind in ("killed", "injured") and figure.count > max(outside)
                and _counts_its_enemies(figure, groups)):
            kept.append(figure)
    return kept


def _counts_its_enemies(figure: Figure, groups: Sequence[Actor]) -> bool:
    """Whether a side of the fight reports the figure and it counts those it fought or attacked: the
    state's sources counting attackers, an armed group the incident names counting soldiers, or a claim
    of responsibility counting anyone."""
    source = figure.attribution
    if source is None or source.kind in _OUTSIDE_SOURCES:
        return False
    state = source.kind in _STATE_SOURCES
    if source.kind == GROUP_CLAIM:
        return True  # "Islamic State claimed the attack, saying it had killed more than 30 Christians"
    words = set(source.source.split())
    group = any(w in words for a in groups for w in a.name.split() if len(w) > 3)
    return state and figure.side == "perpetrators" or group and not state and figure.side == "state"


def _with_side(figure: Figure, actor1: Actor | None, actor2: Actor | None) -> Figure:
    """Tie a figure's victim class to the actor that plays it."""
    side = figure.side
    if side == "civilians" or side in ("actor1", "actor2"):
        return figure
    if side == "state":
        for name, actor in (("actor1", actor1), ("actor2", actor2)):
            if actor is not None and actor.inter == STATE_FORCES:
                return dataclasses.replace(figure, side=name)
        return dataclasses.replace(figure, side=None)
    if side == "perpetrators":
        for name, actor in (("actor1", actor1), ("actor2", actor2)):
            if actor is not None and actor.inter != STATE_FORCES:
                return dataclasses.replace(figure, side=name)
        return dataclasses.replace(figure, side="actor1" if actor1 is not None else None)
    return figure


def _read_datelines(article: Article, windows: Sequence[Window], toponyms: Sequence[Toponym]) -> list[Dateline]:
    """The datelines that open the article's stories, in order, each with its day and its known place."""
    found = []
    for window in windows:
        text = doc_text(window.doc)
        if not is_dateline(text):
            continue
        end = window.offset + len(text)
        day = date_rules.find_date(window.doc[:], window.offset, published=article.published)
        place = next((t for t in toponyms if window.offset <= t.start and t.end <= end), None)
        # A heading in capitals ("UPDATE:", "BREAKING NEWS:") reads as a dateline but tells neither where nor when.
        if day is not None or place is not None:
            found.append(Dateline(story_start=window.offset, day=day, place=place))
    # A single line above the first dateline is its story's headline ("Army shells rebel town\nKHARTOUM (AP) — "),
    # whatever editor's note stands between them.
    above = article.text[:found[0].story_start].splitlines() if found else []
    if found and len([line for line in above if line.strip() and not is_editors_note(line)]) <= 1:
        found[0] = dataclasses.replace(found[0], story_start=0)
    return found


def _is_first_line(sent: SpacySpan, offset: int) -> bool:
    """Whether the sentence is on the article's first line (its headline)."""
    return offset == 0 and "\n" not in doc_text(sent.doc)[:sent.start_char].strip()


def _is_headline(fact: SentenceFacts, text: str) -> bool:
    """Whether the statement is the article's first line, with its story below it; a first paragraph
    of one full sentence ("The Taliban killed ..., an official said.") is the story's lead."""
    return "\n" not in text[:fact.span.start].strip() and text[fact.span.end:].startswith("\n") and \
        not fact.span.text.rstrip("\"'”’ ").endswith((".", "!", "?"))


def _sums_up_a_roundup(fact: SentenceFacts, text: str) -> bool:
    """Whether a headline lists the places of its stories ("Violence in Nigeria, Cameroon and
    Mozambique"): those are no one incident's places, and a story set in one of them is no part of
    the first incident."""
    return fact.headline and any(len(run) > 1 for run, _ in peer_lists(fact.event_places, text))


def _filed_under(datelines: Sequence[Dateline], start: int) -> Dateline | None:
    """The dateline of the story a statement starting at `start` belongs to: the last story begun by then."""
    index = bisect_right([d.story_start for d in datelines], start)
    return datelines[index - 1] if index else None


def _elsewhere_too(event: EventMention, incident: Incident, text: str) -> list[EventMention]:
    """The same protest or riot at each further place its statement lists ("protests took place in
    Mombasa, Kisumu and Nakuru"): ACLED codes one event per place. A list is the geo stage's: "Kisumu,
    Kenya" is none. Violence is not split, for its toll belongs to no one of the places."""
    location = event.location
    if event.event_type not in _CROWD_EVENT_TYPES or location is None:
        return []
    fact = next((f for f in incident.facts if f.span.start <= location.start < f.span.end), None)
    if fact is None:
        return []
    places = fact.event_places
    for run, _ in peer_lists(places, text):
        listed = [places[i] for i in run]
        starts = [p.start for p in listed]
        if location.start in starts:
            return [dataclasses.replace(
                event, location=place, place_candidates=(place,), listed=rank,
                evidence=tuple(dataclasses.replace(e, start=place.start, end=place.end, text=place.text)
                               if e.field == "location" else e for e in event.evidence))
                for rank, place in enumerate(listed[starts.index(location.start) + 1:], start=1)]
    return []


def _continues_the_story(fact: SentenceFacts) -> bool:
    """Whether a statement opens another incident of the same story ("Separately, ...", "In Kisumu, ...",
    "Smaller demonstrations were held in Gyumri")."""
    return fact.announces_another or fact.adds_elsewhere or bool(fact.scene_places)


def _incident_date(article: Article, incident: Incident) -> tuple[dt.date | None, int, Span | None]:
    """The stated date, else the story's, else the publication date at week precision. A statement's
    day of the event beats another's day of saying ("officials said on Friday ... gunmen opened
    fire early on Thursday")."""
    stated = _day_told(incident.facts) or incident.counted_date or next(iter(_told_days(incident.facts)), None) \
        or incident.context_date
    if stated is not None:
        return stated.date, stated.time_precision, stated.span
    if article.published is not None:
        return article.published, 2, None
    return None, 3, None


def _day_told(facts: Sequence[SentenceFacts]) -> date_rules.DateMention | None:
    """The first day the statements give for an event, not for a saying, a precise one first (a day named
    below a lead's "this week" is the day)."""
    happened = [d for d in _told_days(facts) if not d.said]
    return next((d for d in happened if d.time_precision == 1), next(iter(happened), None))


def _told_days(facts: Sequence[SentenceFacts]) -> list[date_rules.DateMention]:
    """The days the statements give, those of statements summing up several events last ("killed in a
    spate of attacks between Friday night and Sunday" dates none of them), then a headline's ("raids
    overnight" over a story told "on Friday")."""
    # (then those that tell only a move of forces, where others tell the event: a team "dispatched for a
    # search operation on 17.09.2026" before the "exchange of fire on 18.09.2026")
    moves = [f for f in facts if f.triggers and all(t.sub_event_type == _MOVE for t in f.triggers)]
    if len(moves) == sum(1 for f in facts if f.triggers):
        moves = []
    return [f.date for f in sorted(facts, key=lambda f: (f.summary, f.headline, f in moves)) if f.date]


def _fallback_place(facts: Sequence[SentenceFacts]) -> Toponym | None:
    """No place is introduced by "in/at/near": the first place that is not an origin."""
    return next((t for f in facts for t in f.toponyms if t.role == "other"), None)


def _incident_attribution(main: SentenceFacts, facts: Sequence[SentenceFacts]) -> Attribution:
    """Who reports the incident: the main statement's source, else any statement's, else the author."""
    found = main.attribution or next((f.attribution for f in facts if f.attribution), None)
    return found or Attribution(source="the author", kind="author", span=None)


def _evidence(
    *,
    typed: Trigger,
    main: SentenceFacts,
    facts: Sequence[SentenceFacts],
    actors: tuple[Actor | None, Actor | None],
    figures: Sequence[Figure],
    date_span: Span | None,
    location: Toponym | None,
    claim: Claim | None,
) -> tuple[Evidence, ...]:
    """For every filled field, the words that support it and who said them."""

    def said_by(start: int) -> str | None:
        fact = next((f for f in facts if f.span.start <= start < f.span.end), None)
        return fact.attribution.source if fact and fact.attribution else None

    items = [Evidence("event_type", typed.start, typed.end, typed.text, said_by(typed.start))]
    for name, actor in zip(("actor1", "actor2"), actors):
        if actor is not None:
            items.append(Evidence(name, actor.span.start, actor.span.end, actor.span.text, said_by(actor.span.start)))
    for figure in figures:
        who = figure.attribution.source if figure.attribution else said_by(figure.span.start)
        label = "fatalities" if figure.kind == "killed" else figure.kind
        items.append(Evidence(label, figure.span.start, figure.span.end, figure.span.text, who))
    if date_span is not None:
        items.append(Evidence("event_date", date_span.start, date_span.end, date_span.text, said_by(date_span.start)))
    if location is not None:
        items.append(Evidence("location", location.start, location.end, location.text, said_by(location.start)))
    if claim is not None:
        items.append(Evidence("claim", claim.span.start, claim.span.end, claim.span.text, claim.by.source if claim.by else None))
    items.append(Evidence("sentence", main.span.start, main.span.end, main.span.text, said_by(main.span.start)))
    return tuple(items)
