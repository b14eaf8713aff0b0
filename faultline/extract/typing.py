"""Event typing: trigger words in a sentence -> candidate ACLED types -> one type per incident."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Span, Token

from faultline.extract.typing_roles import RoleReader
from faultline.extract.typing_rules import (
    DROP,
    KEEP,
    DocMemo,
    Lexicon,
    PhraseIndex,
    Rule,
    inflect,
    load_lexicon,
    phrase_forms,
    trie_regex,
)
from faultline.model import EventMention

MIN_SCORE = 0.4  # below this an incident's best trigger is too weak to call an event
# A verb in one of these only describes a noun ("a man accused of theft"): it frames nothing.
_MODIFIER_CLAUSES = frozenset({"acl", "relcl", "amod"})
# Triggers that name political violence itself; with attackers or arms named they outweigh
# accident, crime and diplomacy words ("a gunman killed the ambassador").
_VIOLENT = frozenset({"harm", "explosion", "attack", "battle"})
# Clauses joined to a framing verb that it does not frame: "X were killed when ..., and the
# group claimed responsibility for the attack" frames only the attack, not the killing.
_UNFRAMED = frozenset({"conj", "parataxis", "ccomp", "advcl"})
# Event types of violence against people: they outrank damage to property in one incident, and a
# fight of such a type with a toll of its own is an incident apart (extractor._another_fight).
POLITICAL_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence",
                                "Violence against civilians"})
# A trigger that lost this much of its rule's weight to its context (a background clause loses
# 0.2 or more, a modifier 0.3; the foreground at most 0.05) is not what the incident is about.
_BACKGROUND_DROP = 0.15
DEMONSTRATION = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")
STATE_FORCES = 1  # ACLED inter code


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that signals an event, typed in ACLED's taxonomy, with absolute offsets."""

    start: int
    end: int
    text: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    score: float
    civilian_targeting: bool = False
    rule: str = ""  # the triggers.toml entry that fired (evidence for analysts, tags for typing)
    uncounted: bool = False  # a plural noun with no number ("because of Boko Haram attacks")


_PROPERTY = "Looting/property destruction"
# Sub-event types that yield to harm of this tag in the same incident (see _resolve_severity).
_OUTRANKED_BY = {_PROPERTY: {"harm"}, "Abduction/forced disappearance": {"lethal"},
                 "Arrests": {"lethal"}, "Disrupted weapons use": {"lethal"}, "Agreement": {"lethal"},
                 "Other": _VIOLENT}  # ("villagers fled after militants attacked the town": the attack)
_DISPLACEMENT = "Other"
_ABDUCTION = "Abduction/forced disappearance"
_PEOPLE = frozenset({"civilian", "state", "armed"})  # word classes of people
_CAUSES_OF_HARM = frozenset({"explosion", "battle"})  # a blast, a fight: what the harm told was done by
_ATTACK_TAGS = frozenset({"attack", "explosion"})
# How far below another trigger a trigger that yields to it scores.
_TIE_BREAK = 0.01
# What may follow a killing in the same report: outranked only by a killing told before it ("nine were
# killed in two days of fighting, as a ceasefire appeared to be holding").
_FOLLOW_UPS = frozenset({"Arrests", "Disrupted weapons use", "Agreement"})
# The rule whose words say a side left a place, and the links by which a verb shares its doer with the
# verb above it ("overran the base before withdrawing", "stormed the town and then withdrew").
_WITHDRAW_RULE = "withdraw"
_FLEETING = frozenset({"briefly", "temporarily", "momentarily"})  # "briefly took over part of the base"
_SAME_DOER = frozenset({"advcl", "conj", "pcomp", "prep", "xcomp"})


class EventTyper:
    """Finds event triggers in sentences and decides one ACLED type per incident."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._rules = {r.id: r for r in lexicon.rules}
        self._roles = RoleReader(lexicon)
        self._index = self._build_index()
        self._phrases = DocMemo()  # each sentence's lexicon phrases, read once
        # A matched phrase's roles and salience, read once for all the rules it matches.
        self._readings = DocMemo()
        self._cue: str | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> EventTyper:
        """Load the trigger lexicon (default faultline/data/triggers.toml) and build the matchers."""
        return cls(load_lexicon(path))

    def cue_pattern(self) -> str:
        """A case-insensitive regex matching words that can signal an event (the nlp pre-filter)."""
        if self._cue is None:
            phrases = [p for r in self.lexicon.rules if r.cue for p in (*r.words, *r.phrases)]
            alternatives: set[str] = set()
            for phrase in (*phrases, *self.lexicon.cue_words):
                forms = phrase_forms(phrase, self.lexicon.irregular)
                if len(forms) > 2:  # inflect the ends only: keeps the regex small to compile
                    forms = [forms[0], *({min(f, key=len)} for f in forms[1:-1]), forms[-1]]
                for combo in itertools.product(*forms):
                    alternatives.add(" ".join(combo).replace(" - ", "-"))
            # A rule's excluded surface forms ("March" the month) would flood the parser with
            # dates: those words match in lower case only.
            excluded = {e.lower() for r in self.lexicon.rules if r.cue for e in r.exclude}
            exact = sorted(alternatives & excluded)
            body = trie_regex(sorted(alternatives - excluded))
            if exact:
                body = "(?:" + body + "|(?-i:" + "|".join(re.escape(w) for w in exact) + "))"
            self._cue = r"(?i)\b" + body + r"\b"
        return self._cue

    def follow_words(self) -> frozenset[str]:
        """Words for an attack too common to cue the parser ("strikes", "targeted", "raid"): in an article
        that something cued, a sentence holding one may tell the next strike ("A second wave of strikes
        before dawn on Tuesday targeted the Kitaf area")."""
        return frozenset(form for r in self.lexicon.rules if not r.cue and r.tags & _ATTACK_TAGS
                         for w in r.words if " " not in w for form in inflect(w, self.lexicon.irregular))

    def reference_opening(self) -> str:
        """A regex for a sentence opening on a word for an attack told before ("The strike hit the car on
        the road between Bint Jbeil and Aynata"): it tells where and when, though its words are too common
        to cue the parser (see cue_pattern)."""
        words = sorted({w for r in self.lexicon.rules if not r.cue and (not r.pos or "NOUN" in r.pos)
                        and r.tags & _ATTACK_TAGS for w in r.words if " " not in w})
        return rf"\s*the\s+(?:{'|'.join(map(re.escape, words))})s?\b"

    def triggers(self, sent: Span, offset: int) -> list[Trigger]:
        """Candidate event triggers in one sentence, best first, with absolute article offsets."""
        found: list[tuple[int, int, Rule]] = []
        frames: list[tuple[float, set[int] | None]] = []  # a claim or blame frame and its reach
        for label, start, end in self._phrases_in(sent):
            if label.startswith("r:"):
                found.append((start, end, self._rules[label[2:]]))
                continue
            block = self.lexicon.blocks[int(label[2:])]
            word = sent[end - 1]
            if not block.penalty or (block.pos and word.pos_ not in block.pos):
                continue
            if word.pos_ == "VERB" and block.pos:
                # A framing verb reaches only its own clause ("days after X accused Y of ..."),
                # and a verb that merely describes a noun ("a man accused of theft") none.
                if word.dep_ not in _MODIFIER_CLAUSES:
                    frames.append((block.penalty, _frame_reach(word)))
            else:
                verb = _clause_verb(sent[start:end])
                frames.append((block.penalty, _frame_reach(verb) if verb is not None else None))
        if not found:
            return []
        found = _drop_modifiers(sent, _drop_contained(found))
        # Reading every word class of a sentence is the costly part: only for rules that ask.
        context = (self._roles.sentence_classes(sent)
                   if any(rule.requires_context for _s, _e, rule in found) else frozenset())
        read: list[tuple[Token, Trigger]] = []
        for start, end, rule in found:
            i = sent[start].i
            penalty = max((p for p, reach in frames if reach is None or i in reach), default=0.0)
            trig = self._read(sent[start:end], rule, context, offset, penalty)
            if trig is not None:
                read.append((_anchor(sent[start:end]), trig))
        return _best_per_span(self._harm_of_fighting(read))

    def _harm_of_fighting(self, read: list[tuple[Token, Trigger]]) -> list[Trigger]:
        """Harm done by the fighting that is its subject, or that it happened in, weighs no more than the
        fighting: "Fighting between M23 rebels and Wazalendo fighters killed seven people" is a clash, as
        "Clashes ... killed seven" and "nine people were killed in two days of fighting" are."""
        battles = {anchor.i: trig for anchor, trig in read if "battle" in self._rules[trig.rule].tags}
        out = []
        for anchor, trig in read:
            cause = next((battles[c.i] for c in _causes(anchor) if c.i in battles), None)
            if cause is not None and "harm" in self._rules[trig.rule].tags and trig.score >= cause.score \
                    and trig.sub_event_type != cause.sub_event_type:
                trig = replace(trig, score=cause.score - _TIE_BREAK)
            # (and a weapon the fighters fought with: "battled Druze gunmen with machine guns and mortars")
            fought = battles.get(wielder.i) if (wielder := _wielded_by(anchor)) is not None else None
            if fought is not None and trig.score >= fought.score and trig.sub_event_type != fought.sub_event_type:
                trig = replace(trig, score=fought.score - _TIE_BREAK)
            out.append(trig)
        return out

    def type_incident(self, sents: Sequence[Span], triggers: Sequence[Trigger]) -> Trigger | None:
        """The final ACLED type of one incident, or None when it is not an ACLED event."""
        if not triggers:
            return None
        # Out-of-scope context ("fire fighters", "industrial area") is often in a sentence with no
        # trigger of its own, so the incident's neighbouring sentences are read for it too.
        near = _with_neighbours(sents)
        blocks, beaten = self._blocks(near, violent=self._violent(near, triggers), protest=self._protest(triggers))
        cands = [t for t in triggers if t.rule not in beaten]
        if not cands:
            return None
        cands = self._resolve_explosion(self._resolve_territory(self._resolve_demonstration(cands)))
        best = max(cands, key=lambda t: t.score)
        if best.score < MIN_SCORE or blocks >= best.score:
            return None
        return self._resolve_arrest(self._resolve_severity(best, cands), cands)

    def for_country(self, event: EventMention, iso2: str) -> EventMention:
        """The event coded for the country it happened in: a state's forces acting abroad take the
        sub-event type ACLED gives a foreign state's forces ("Russian forces captured a village in
        Kharkiv" overtakes territory; Ukraine retaking it regains it)."""
        info = self.lexicon.taxonomy.get(event.sub_event_type or "")
        actor = event.actor1
        if info is None or info.by_foreign_state is None or actor is None or actor.inter != STATE_FORCES or \
                actor.country is None or actor.country == iso2:
            return event
        abroad = self.lexicon.taxonomy[info.by_foreign_state]
        return replace(event, event_type=abroad.event_type, sub_event_type=abroad.name,
                       disorder_type=abroad.disorder_type)

    def home_country(self, event: EventMention) -> str | None:
        """The country of actor1, a state's forces, when the event is of a kind they do on their own
        ground (an interception): where an event that names no place happened."""
        info = self.lexicon.taxonomy.get(event.sub_event_type or "")
        actor = event.actor1
        if info is None or not info.at_home or actor is None or actor.inter != STATE_FORCES:
            return None
        return actor.country

    # ------------------------------------------------------------------ internals
    def _build_index(self) -> PhraseIndex:
        """One lookup over every rule ("r:id") and block ("b:n") phrase, on lowercase forms."""
        index = PhraseIndex()
        for rule in self.lexicon.rules:
            for phrase in (*rule.words, *rule.phrases):
                index.add("r:" + rule.id, phrase_forms(phrase, self.lexicon.irregular))
        for i, block in enumerate(self.lexicon.blocks):
            for phrase in (*block.words, *block.phrases):
                index.add(f"b:{i}", phrase_forms(phrase, self.lexicon.irregular))
        return index

    def _phrases_in(self, sent: Span) -> list[tuple[str, int, int]]:
        """(label, start, end) of every rule and block phrase in the sentence, found once per doc."""
        return self._phrases.get(sent.doc, (sent.start, sent.end),
                                 lambda s: self._index.find([t.lower_ for t in s]), sent)

    def _read(self, span: Span, rule: Rule, context: frozenset[str], offset: int,
              penalty: float) -> Trigger | None:
        """Type one matched trigger from its context; None when the context rules it out.

        `penalty`: what a claim or blame frame over the trigger takes off. A claim stays an
        attribution even when it names the attack's toll ("IS claimed the bombing that killed
        20"): the attack is coded from the sentences that report it, not from the claim.
        """
        anchor = _anchor(span)
        if rule.pos and anchor.pos_ not in rule.pos:
            return None
        if span.text in rule.exclude:
            return None
        if rule.requires_context and not context.intersection(rule.requires_context):
            return None
        if "explosion" in rule.tags and self._roles.disarmed(anchor):
            return None  # "police seized grenades": weapons taken, not used
        if rule.requires_head and not self._roles.governed_by(anchor, rule.requires_head):
            return None
        if rule.found_by and not (anchor.dep_ in ("dobj", "nsubjpass") and anchor.head.lemma_.lower() in rule.found_by):
            return None  # "passersby found five bodies", not "the bodies were taken to the morgue"
        # ("the wounded were taken to hospital": carried, not captured; "flown by helicopter to a hospital":
        # carried, no strike)
        if rule.excluded_destinations and _destination(anchor) in rule.excluded_destinations:
            return None
        if _done_without(anchor):
            return None  # "pulled out without resistance or firing a shot": what did not happen
        made_to_walk = anchor.lemma_ == "march"
        if "protest" in rule.tags and anchor.pos_ == "VERB" and any(
                c.dep_ == "auxpass" or made_to_walk and c.dep_ == "dobj" and self._roles.token_class(c) & _PEOPLE
                for c in anchor.children):
            # "11 people were marched into the forest as captives", "marched seven workers into the forest":
            # made to walk, no march
            return None
        if "territory" in rule.tags and self._leaves_again(anchor):
            return None  # "overran the base ... before withdrawing": a raid, no ground taken
        if "territory" in rule.tags and any(c.dep_ == "advmod" and c.lower_ == "still" for c in anchor.children):
            return None  # "the factions still control large parts of the countryside": who holds it, no taking
        default_type = self.lexicon.taxonomy[rule.sub_event_type].event_type
        if (rule.agent or rule.target or rule.requires_target
                or default_type == "Explosions/Remote violence"):
            harm, victim_subject = "harm" in rule.tags, rule.victim_subject
            agents, targets = self._readings.get(
                span.doc, ("roles", span.start, span.end, harm, victim_subject),
                lambda s: self._roles.roles(s, anchor, harm=harm, victim_subject=victim_subject), span)
        else:  # nothing reads the roles (the parse walk is the costly part of a trigger)
            agents = targets = frozenset()
        if rule.requires_target and not targets.intersection(rule.requires_target):
            return None
        sub, confirmed = rule.sub_event_type, False
        for mapping, present in ((rule.agent, agents), (rule.target, targets)):
            # The mapping's own order decides ("state" before "armed" for joint offensives).
            hit = next((cls for cls in (mapping or {}) if cls in present), None)
            if hit is not None and mapping[hit] == KEEP:  # type: ignore[index]
                break  # ("a police operation against the CV faction left nine people dead": a fight still)
            if hit is not None:
                sub, confirmed = mapping[hit], True  # type: ignore[index]
                break
        if sub == DROP:
            return None
        weight = rule.weight
        if confirmed:
            weight = rule.confirmed_weight or min(1.0, rule.weight + 0.1)
        salience = self._readings.get(span.doc, ("salience", span.start, span.end),
                                      lambda s: self._roles.salience(anchor, span=s), span)
        score = weight + salience - penalty
        info = self.lexicon.taxonomy[sub]
        civilian = info.event_type == "Violence against civilians" or (
            info.event_type == "Explosions/Remote violence" and "civilian" in targets
            and not targets.intersection(("state", "armed")))
        return Trigger(
            start=offset + span.start_char, end=offset + span.end_char, text=span.text,
            event_type=info.event_type, sub_event_type=sub, disorder_type=info.disorder_type,
            score=round(score, 3), civilian_targeting=civilian, rule=rule.id,
            uncounted=anchor.tag_ == "NNS" and not any(c.dep_ == "nummod" for c in anchor.children),
        )

    def _leaves_again(self, anchor: Token) -> bool:
        """Whether whoever took the place left it again in the same clause: a withdrawal verb with no
        subject of its own, joined to the taking ("overran the base and seized weapons before
        withdrawing"). "Seized the town after the army withdrew" names another who left. So did who "briefly
        took over part of the base"."""
        if any(c.dep_ == "advmod" and c.lower_ in _FLEETING for c in anchor.children):
            return True
        words = self._rules[_WITHDRAW_RULE].words if _WITHDRAW_RULE in self._rules else frozenset()
        for tok in anchor.subtree:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in words or \
                    any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                continue
            link = tok
            while link.i != anchor.i and link.dep_ in _SAME_DOER:
                link = link.head
            if link.i == anchor.i:
                return True
        return False

    def _violent(self, sents: Sequence[Span], triggers: Sequence[Trigger]) -> bool:
        """True when a violent trigger comes with attackers or arms named in the incident.

        Theft or destruction by an armed group is political (ACLED's looting/property
        destruction), not crime: it counts as violent when the armed group is named.
        """
        if any(t.score >= MIN_SCORE and t.rule in self._rules and "loot" in self._rules[t.rule].tags
               for t in triggers) and any("armed" in self._roles.sentence_classes(s) for s in sents):
            return True
        # Only violence the incident is about counts: a weapon word that merely modifies
        # something ("missile programmes", "after the shelling") names no attack.
        if not any(t.rule in self._rules and self._rules[t.rule].tags & _VIOLENT
                   and t.score >= MIN_SCORE and self._foreground(t) for t in triggers):
            return False
        arms = self.lexicon.violence_words
        return any(t.lower_ in arms for s in sents for t in s) or any(
            "armed" in self._roles.sentence_classes(s) for s in sents)

    def _protest(self, triggers: Sequence[Trigger]) -> bool:
        """Whether a protest trigger the incident is about is among the triggers."""
        return any(t.rule in self._rules and "protest" in self._rules[t.rule].tags and t.score >= MIN_SCORE
                   and self._foreground(t) for t in triggers)

    def _blocks(self, sents: Sequence[Span], *, violent: bool = False,
                protest: bool = False) -> tuple[float, set[str]]:
        """The strongest out-of-scope signal in an incident and the rules it overrules.

        `violent`: the incident names attackers or arms with a violent trigger, so the signals
        that yield to violence (accident, crime, diplomacy) describe a detail, not the incident.
        `protest`: the incident is a protest, and what it is about (an accident) blocks nothing.
        """
        strongest, beaten = 0.0, set()
        for sent in sents:
            for label, _start, end in self._phrases_in(sent):
                if label.startswith("b:"):
                    block = self.lexicon.blocks[int(label[2:])]
                    if block.pos and sent[end - 1].pos_ not in block.pos:
                        continue
                    if violent and block.yields or protest and block.yields_to_protest:
                        continue
                    if not block.penalty:
                        strongest = max(strongest, block.weight)
                    beaten.update(block.beats)
        return strongest, beaten

    def _resolve_demonstration(self, cands: list[Trigger]) -> list[Trigger]:
        """Within a demonstration, one sub-type from what the crowd did and what was done to it."""
        tags = {t: self._rules[t.rule].tags if t.rule in self._rules else frozenset() for t in cands}
        protest = [t for t in cands if "protest" in tags[t] and t.score >= MIN_SCORE]
        if not protest:
            return cands
        # ACLED: arrests during a demonstration intervene in it; arrests ahead of or after one
        # ("detained before the rally", "in anticipation of protests") are arrests.
        if not any(self._foreground(t) for t in protest) and any(
                "arrest" in tags[t] and t.score > max(p.score for p in protest) for t in cands):
            return cands
        def has(tag: str, floor: float = 0.45) -> bool:
            return any(tag in tags[t] and t.score >= floor for t in cands)

        rule_tags = dict(tags)
        # Injuries alone are not excessive force: ACLED wants lethal or serious harm for that.
        excessive = any(t.sub_event_type == "Excessive force against protesters" and t.score >= 0.45
                        and ("lethal" in rule_tags[t] or "harm" not in rule_tags[t])
                        for t in cands)
        tags = {t: (frozenset() if t.sub_event_type == "Excessive force against protesters"
                    else tg) for t, tg in tags.items()}  # force on protesters is not rioting
        # ACLED's order: violent demonstrators make a riot even when force is used on them;
        # excessive force needs peaceful protesters.
        if has("mob"):
            sub = "Mob violence"
        elif has("riot") or has("loot") or any(t.rule == "clash" and t.score >= 0.5 for t in cands):
            # protesters in a clash, or who loot, burn or vandalise, are rioters
            sub = "Violent demonstration"
        elif excessive:
            sub = "Excessive force against protesters"
        elif any("lethal" in rule_tags[t] and "harm" in rule_tags[t] and t.score >= 0.45
                 and t.sub_event_type not in ("Armed clash",) for t in cands):
            sub = "Excessive force against protesters"  # people killed or seriously hurt
        elif not has("intervention") and any(
                "harm" in rule_tags[t] and t.score >= 0.45 and t.sub_event_type != "Armed clash"
                for t in cands):
            sub = "Excessive force against protesters"  # protesters attacked and hurt outright
        elif has("intervention") or has("arrest"):
            sub = "Protest with intervention"
        else:
            sub = "Peaceful protest"
        absorbed = {"protest", "riot", "intervention", "arrest", "lethal", "harm", "mob", "loot",
                    "battle"}
        info = self.lexicon.taxonomy[sub]
        lead = max(t.score for t in protest)
        out = []
        for t in cands:
            if tags[t] & absorbed:
                t = replace(t, event_type=info.event_type, sub_event_type=sub,
                            disorder_type=info.disorder_type, civilian_targeting=False,
                            score=max(t.score, lead))
            out.append(t)
        return out

    def _foreground(self, trig: Trigger) -> bool:
        """True unless context (a background clause, a modifier) took weight off the trigger."""
        return trig.score > self._rules[trig.rule].weight - _BACKGROUND_DROP

    def _resolve_severity(self, best: Trigger, cands: list[Trigger]) -> Trigger:
        """Property looted or destroyed alongside violence against people: the violence leads; and
        people abducted in a raid that killed others: the killing leads; so it does over weapons
        found or suspects detained after a killing the report leads with.

        ACLED codes one event per incident, of its most severe type: "gunmen shot a trader
        dead and looted his shop" is an attack, the looting a detail of it; so is "six people
        were also kidnapped" after the raid's dead. Only people killed or hurt count: "looted
        after fighting" names the fighting as background, not harm done.
        """
        outranking = _OUTRANKED_BY.get(best.sub_event_type)
        if outranking is None:
            return best
        violent = [t for t in cands if t.score >= MIN_SCORE and t.event_type in POLITICAL_VIOLENCE
                   and t.sub_event_type != best.sub_event_type
                   and (best.sub_event_type not in _FOLLOW_UPS or t.start < best.start)
                   # (people fled "because of Boko Haram attacks": a course of them, not one told)
                   and not (best.sub_event_type == _DISPLACEMENT and t.uncounted)]
        # (an attack its target confirmed as on people leads property set on fire in it: "ADF elements entered
        # the village, attacking residents with machetes ... houses were set on fire")
        leading = [t for t in violent if t.rule in self._rules and (
            outranking & set(self._rules[t.rule].tags) or best.sub_event_type == _PROPERTY
            and "attack" in self._rules[t.rule].tags and t.score > self._rules[t.rule].weight)]
        if not leading:
            return best
        # (a blast leads as the harm it did would: "the bombing ... killed 13" is a bombing; and so does the
        # fighting the dead fell in: "killed in two days of clashes, as a ceasefire appeared to hold")
        causes = [t for t in violent if t.rule in self._rules and _CAUSES_OF_HARM & self._rules[t.rule].tags]
        return max(leading + causes, key=lambda t: t.score)

    def _resolve_arrest(self, best: Trigger, cands: list[Trigger]) -> Trigger:
        """People arrested in a raid that also seized weapons, or taken away after their arrest was
        told: the lead action decides.

        ACLED codes one event per raid. A report that leads with the arrests ("police arrested
        five militants ... weapons were seized") is an arrest; one that leads with the seizure
        ("rifles were seized ..., adding they were arrested") stays disrupted weapons use.
        """
        # (so are people "taken away" after a report of their arrest: "soldiers carried out a search
        # operation, arresting 14 young men ... her son was taken away from their home")
        taken = best.sub_event_type == _ABDUCTION
        if "weapon_find" not in self._rules[best.rule].tags and not taken:
            return best
        arrests = [t for t in cands if "arrest" in self._rules[t.rule].tags
                   and t.sub_event_type == "Arrests" and t.score >= best.score - (0.25 if taken else 0.15)
                   and t.start < best.start]
        return min(arrests, key=lambda t: t.start) if arrests else best

    def _resolve_explosion(self, cands: list[Trigger]) -> list[Trigger]:
        """Explosives found or defused with nobody hurt are disrupted; poison gas names the weapon."""
        tags = [self._rules[t.rule].tags for t in cands]
        blasts = [t for t, tg in zip(cands, tags) if "explosion" in tg]
        if not blasts:
            return cands
        # A weapon that survived _read was used, not found: the find must lead to outrank it
        # ("a strike destroyed missile depots" is the strike; "bomb squad" reports can lead).
        top = max(t.score for t in blasts)
        finds = [t for t, tg in zip(cands, tags) if "weapon_find" in tg and t.score >= top]
        if finds and not any("harm" in tg and t.score >= MIN_SCORE for t, tg in zip(cands, tags)):
            return [t for t, tg in zip(cands, tags) if "explosion" not in tg]
        if any("air" in self._rules[t.rule].tags and t.score >= MIN_SCORE and self._foreground(t)
               for t in blasts):
            # ACLED: missiles fired from aircraft or drones make an air strike.
            info = self.lexicon.taxonomy["Air/drone strike"]
            cands = [replace(t, sub_event_type=info.name) if t.sub_event_type ==
                     "Shelling/artillery/missile attack" else t for t in cands]
        # The agent must be what was used, not a modifier of something else ("chemical weapons
        # facilities" were the target): such a mention has lost most of its rule's weight.
        chem = [t for t in blasts if t.sub_event_type == "Chemical weapon" and self._foreground(t)]
        if chem:
            # ACLED: a chemical weapon delivered by shell, bomb or aircraft is a chemical weapon.
            # It must outrank its carrier, not tie with it (a tie goes to the earlier trigger).
            lift = max(t.score for t in blasts) + 0.01
            return [replace(chem[0], score=lift) if t is chem[0] else t for t in cands]
        return cands

    def _resolve_territory(self, cands: list[Trigger]) -> list[Trigger]:
        """Territory taken after the other side withdrew is a non-violent transfer, unless the incident
        reports fighting too ("took control of the town after fighting with the army")."""
        # A withdrawal counts even as background ("seized the town following the withdrawal").
        withdraw = [t for t in cands if t.rule == "withdraw" and t.score >= 0.25]
        fought = any(t.event_type == "Battles" and "territory" not in self._rules[t.rule].tags
                     and t.score >= MIN_SCORE for t in cands if t.rule in self._rules)
        if not withdraw or fought:
            return cands
        info = self.lexicon.taxonomy["Non-violent transfer of territory"]
        return [replace(t, event_type=info.event_type, sub_event_type=info.name,
                        disorder_type=info.disorder_type)
                if "territory" in self._rules[t.rule].tags else t for t in cands]


def _wielded_by(weapon: Token) -> Token | None:
    """The verb a weapon is the instrument of ("battled ... for several hours with machine guns and mortars"),
    if any."""
    while weapon.dep_ == "conj":
        weapon = weapon.head
    if weapon.dep_ != "pobj" or weapon.head.lower_ != "with":
        return None
    return next((t for t in weapon.head.ancestors if t.pos_ == "VERB"), None)


def _causes(harm: Token) -> list[Token]:
    """The words that may name what did a harm: its subject, and what it happened in ("were killed in
    fighting", "died in two days of clashes")."""
    within = [g for c in harm.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "amid")
              for g in c.children if g.dep_ == "pobj"]
    spell = [g for t in within for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj"]  # ("two days of fighting")
    return [*(c for c in harm.children if c.dep_ == "nsubj"), *within, *spell]


def _clause_verb(span: Span) -> Token | None:
    """The verb whose clause a framing phrase belongs to ("claimed" in "claimed responsibility")."""
    tok = _anchor(span)
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _frame_reach(verb: Token) -> set[int]:
    """Token indices a framing verb frames: its subtree without the clauses joined to it.

    A frame complementing a verb frames that verb's clause too: in "bombers are suspected to
    be behind the blasts" the suspects are the subject of "suspected", not of "be behind".
    """
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    reach = {verb.i}
    stack = [c for c in verb.children if c.dep_ not in _UNFRAMED]
    while stack:
        tok = stack.pop()
        reach.add(tok.i)
        stack.extend(tok.children)
    return reach


def _with_neighbours(sents: Sequence[Span]) -> list[Span]:
    """The sentences with the sentence before and after each (same parsed window)."""
    seen: dict[tuple[int, int], Span] = {}
    by_doc: dict[int, list[Span]] = {}
    for sent in sents:
        doc_sents = by_doc.get(id(sent.doc))
        if doc_sents is None:  # Doc.sents walks the whole doc: once per doc, not per sentence
            doc_sents = by_doc[id(sent.doc)] = list(sent.doc.sents)
        index = next((i for i, s in enumerate(doc_sents) if s.start == sent.start), None)
        if index is None:
            seen.setdefault((id(sent.doc), sent.start), sent)
            continue
        for near in doc_sents[max(0, index - 1): index + 2]:
            seen.setdefault((id(sent.doc), near.start), near)
    return list(seen.values())


def _destination(verb: Token) -> str | None:
    """The lemma of what a verb goes "to" ("taken to hospital": hospital), if it says; of a means, what its
    verb goes to ("flown by helicopter to a hospital")."""
    if verb.dep_ == "pobj" and verb.head.lower_ in ("by", "aboard", "on") and verb.head.head.pos_ == "VERB":
        verb = verb.head.head
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            return next((obj.lemma_.lower() for obj in prep.children if obj.dep_ == "pobj"), None)
    return None


def _done_without(anchor: Token) -> bool:
    """Whether the word is what "without" says did not happen ("without firing a shot")."""
    tok = anchor
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "without resistance or firing a gunshot"
    return tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "without"


def _anchor(span: Span) -> Token:
    """The syntactic head of a matched span (the token whose head lies outside it)."""
    for tok in span:
        if tok.head.i < span.start or tok.head.i >= span.end or tok.head.i == tok.i:
            return tok
    return span.root


def _drop_contained(found: list[tuple[int, int, Rule]]) -> list[tuple[int, int, Rule]]:
    """Drop matches strictly inside a longer match ("grenade" in "rocket-propelled grenade")."""
    keep = []
    for s, e, rule in found:
        if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for s2, e2, _ in found):
            keep.append((s, e, rule))
    return keep


def _drop_modifiers(sent: Span, found: list[tuple[int, int, Rule]]) -> list[tuple[int, int, Rule]]:
    """Drop a match that only modifies another of the same type and no stronger ("air force" in "air
    force jets struck"): the words it heads are the ones whose roles tell who acted on whom; a
    stronger modifier ("landmine explosion") keeps its weight."""
    def modifies(start: int, end: int, rule: Rule) -> bool:
        last = sent[end - 1]
        return last.dep_ == "compound" and any(
            other.sub_event_type == rule.sub_event_type and other.weight >= rule.weight
            and sent[s2].i <= last.head.i <= sent[e2 - 1].i
            for s2, e2, other in found if (s2, e2) != (start, end))
    return [(s, e, rule) for s, e, rule in found if not modifies(s, e, rule)]


def _best_per_span(trigs: list[Trigger]) -> list[Trigger]:
    """One trigger per (span, sub-event type), best first."""
    best: dict[tuple[int, int, str], Trigger] = {}
    for t in trigs:
        key = (t.start, t.end, t.sub_event_type)
        if key not in best or t.score > best[key].score:
            best[key] = t
    return sorted(best.values(), key=lambda t: (-t.score, t.start))


__all__ = ["EventTyper", "Trigger"]
