"""Which role a place name plays in a sentence: where the event happened, or where actors came from."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Span, Token

from faultline.data import read_toml
from faultline.errors import DataFileError
from faultline.extract.casualty_terms import CasualtyTerms
from faultline.extract.numbers import parse_quantity
from faultline.extract.victims import care_place
from faultline.model import Toponym
from faultline.nlp.text import span_text


@dataclass(frozen=True, slots=True)
class PlaceRoleCues:
    """Words that tell an event's place from an actor's origin (faultline/data/place_roles.toml)."""

    origin_prepositions: frozenset[str]
    origin_verbs: frozenset[str]
    sent_verbs: frozenset[str]
    carried_verbs: frozenset[str]
    heading_verbs: frozenset[str]
    origin_words: frozenset[str]
    event_prepositions: frozenset[str]
    institution_heads: frozenset[str]
    new_incident_openers: frozenset[str]
    sequel_openers: frozenset[str]
    total_openers: frozenset[str]
    repeat_adverbs: frozenset[str]
    series_nouns: frozenset[str]
    elsewhere_adverbs: frozenset[str]
    elsewhere_adjectives: frozenset[str]
    scene_prepositions: frozenset[str]
    speaker_verbs: frozenset[str]
    distance_units: frozenset[str]
    road_nouns: frozenset[str]
    area_nouns: frozenset[str]
    plan_words: frozenset[str]
    series_adjectives: frozenset[str]

    def announces_another(self, sentence: str) -> bool:
        """Whether a sentence opens with "Separately," or the like: what follows is another incident."""
        return _phrases_at_start(self.new_incident_openers, _WHEN + r"\s*,").match(sentence) is not None

    def opens_sequel(self, sentence: str) -> bool:
        """Whether a sentence opens with "Later," or "Later on Wednesday,": it tells what happened next."""
        return _phrases_at_start(self.sequel_openers, _WHEN + r"\s*,").match(sentence) is not None

    def adds_up(self, sentence: str) -> bool:
        """Whether a sentence opens with "In total," or the like: it sums up what came before."""
        return _phrases_at_start(self.total_openers, r"\s*,").match(sentence) is not None

    def adds_elsewhere(self, sent: Span, offset: int, triggers: Sequence[tuple[int, int]]) -> bool:
        """Whether an adverb, or an adjective on one of the statement's `triggers` (absolute spans), adds
        the statement to what came before ("Protests also took place in Mombasa", "Similar rallies were
        held in Mombasa"): in a place not yet named, it is another incident of the same kind."""
        return any(t.dep_ == "advmod" and t.lower_ in self.elsewhere_adverbs
                   or t.dep_ == "amod" and t.lower_ in self.elsewhere_adjectives
                   and _at_a_trigger(t.head, offset, triggers) for t in sent)

    def repeats(self, sent: Span, offset: int, triggers: Sequence[tuple[int, int]]) -> bool:
        """Whether an adverb on one of the statement's `triggers` (absolute spans) tells the event again
        ("Pursuing troops engaged the fleeing group anew on Tuesday"): on another day, another incident."""
        return any(t.dep_ == "advmod" and t.lower_ in self.repeat_adverbs and _at_a_trigger(t.head, offset, triggers)
                   for t in sent)

    def names_a_series(self, sent: Span, offset: int, triggers: Sequence[tuple[int, int]]) -> bool:
        """Whether one of the statement's `triggers` (absolute spans) is a plural a series noun gathers
        as what the statement's verb tells ("were killed in a spate of attacks", "a string of bombings
        killed 14"; not "the latest in a string of aerial attacks"), or a plural a number counts and an
        adjective tells apart ("killed 23 militants in three separate engagements"; not "12 hostages")."""
        return any(t.tag_ == "NNS" and (t.dep_ == "pobj" and t.head.lower_ == "of"
                                        and t.head.head.lemma_.lower() in self.series_nouns
                                        and _tells_the_verb(t.head.head) and _at_a_trigger(t, offset, triggers)
                                        or _counted(t) and any(c.dep_ == "amod" and c.lower_ in self.series_adjectives
                                                               for c in t.children))
                   for t in sent)

    def scene_places(self, sent: Span, offset: int, places: Sequence[Toponym]) -> list[Toponym]:
        """The places of a phrase that opens the sentence and sets its scene ("In Aleppo province, ...")."""
        text = span_text(sent)
        joined = _JOINING_WORD.match(text)  # ("And in Coban, teachers held a sit-in")
        m = _phrases_at_start(self.scene_prepositions, r"\s[^,]{1,80},").match(text, joined.end() if joined else 0)
        if m is None:
            return []
        start = offset + sent.start_char
        return [p for p in places if start <= p.start and p.end <= start + m.end()]


def _counted(noun: Token) -> bool:
    """Whether a number above one counts the noun ("three separate engagements")."""
    return any(c.dep_ == "nummod" and (quantity := parse_quantity(c.text)) is not None and quantity.count > 1
               for c in noun.children)


# A day or time an opener may carry before its comma: "Later on Wednesday,", "In a separate incident
# earlier on Monday,".
_WHEN = r"(?:\s+(?:(?:earlier|later)\s+)?(?:on|that|in|earlier|later|overnight)\b[^,]{0,25})?"


_JOINING_WORD = re.compile(r"(?:and|but)\s+", re.IGNORECASE)


@cache
def _phrases_at_start(phrases: frozenset[str], after: str) -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(p) for p in phrases), key=len, reverse=True))
    return re.compile(rf"(?:{words}){after}", re.IGNORECASE)


@cache
def load_place_role_cues(path: Path | None = None) -> PlaceRoleCues:
    """Read the place-role cue lists."""
    source = path or resources.files("faultline.data").joinpath("place_roles.toml")
    data = read_toml(source, what="place-role cues")
    try:
        return PlaceRoleCues(**{f.name: frozenset(data[f.name]) for f in dataclasses.fields(PlaceRoleCues)})
    except (KeyError, TypeError) as error:
        raise DataFileError(f"place_roles.toml is malformed: {error}") from error


def classify_toponyms(
    sent: Span, offset: int, toponyms: Sequence[Toponym], cues: PlaceRoleCues
) -> list[Toponym]:
    """The toponyms inside `sent`, each with its role: "event", "origin" or "other".

    Event places in a locative phrase ("killed in North Little Rock") come first, then those the
    sentence names otherwise ("the Damascus suburb of Daraya", "bombed Kunduz"): where an event
    happened is read from the first.
    """
    start, end = offset + sent.start_char, offset + sent.end_char
    inside = [t for t in toponyms if start <= t.start and t.end <= end]
    if not inside:
        return []
    words = list(sent)  # walked once for all its toponyms
    starts = [offset + tok.idx for tok in words]
    roles = []
    for toponym in inside:
        tokens = words[bisect_left(starts, toponym.start):bisect_left(starts, toponym.end)]
        role, locative = _role(sent, tokens, cues)
        roles.append((not locative, dataclasses.replace(toponym, role=role, locative=locative)))
    # A plan's target is where what happened happened when the sentence names no other place ("foiled a
    # planned suicide attack in Quetta, arresting three suspects in a raid on a house"), and a place a
    # distance is measured from when no place before it is where ("drones attacked the town of Chuhuiv,
    # about 40 km south-east of Kharkiv"; not "40 km east of Kayes, near the border with Senegal")
    told = [t for _, t in roles if t.role == "event"]
    roles = [(first, dataclasses.replace(t, role=_settled(t, told)) if t.role in _UNTIL_TOLD else t)
             for first, t in roles]
    return [toponym for _, toponym in sorted(roles, key=lambda pair: pair[0])]


def _role(sent: Span, tokens: Sequence[Token], cues: PlaceRoleCues) -> tuple[str, bool]:
    """The role of the toponym written by `tokens`, and whether a locative preposition introduces it."""
    if not tokens:
        return "other", False
    head = _phrase_head(tokens)
    previous = sent.doc[tokens[0].i - 1] if tokens[0].i > sent.start else None
    following = sent.doc[tokens[-1].i + 1] if tokens[-1].i + 1 < sent.end else None
    if following is not None and following.text == "-" and tokens[-1].i + 2 < sent.end:
        following = sent.doc[tokens[-1].i + 2]
    if following is not None and following.lower_ in cues.origin_words:
        return "origin", False
    if head.dep_ == "poss" or (following is not None and following.lower_ in ("'s", "’s")):
        governor = head.head
        if governor.lower_ in cues.institution_heads:
            return "other", False
    if head.dep_ == "compound" and head.head.lower_ in cues.institution_heads and not _placed(head.head, cues):
        return "other", False
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in cues.institution_heads:
        return "other", False  # "the Law Society of Kenya said", "the government of Mali"
    if _speakers_place(head, cues):
        return "other", False
    if _place_of_care(head):
        return "other", False
    if _planned_target(head, cues):
        return _PLANNED, False
    for ancestor in _ancestors(head, limit=4):
        word = ancestor.lower_
        if ancestor.dep_ == "agent" and head.head.i == ancestor.i:
            # "drones launched by Russia", "a town shelled by Ukraine": the place stands for who acted
            # (not so a place inside the agent's phrase, "by the Kenya Wildlife Service")
            return "origin", False
        if ancestor.dep_ == "prep" or ancestor.pos_ == "ADP":
            if word in (*cues.origin_prepositions, "of") and _measured_from(ancestor, cues):
                # "about 20 km from Bijapur town": where it happened, near the town
                return _MEASURED, word in cues.event_prepositions and _goal_role(ancestor, cues)[1]
            if word in cues.origin_prepositions:
                return "origin", False
            if word in ("to", "towards") and ancestor.head.lemma_.lower() in cues.road_nouns:
                return "other", False  # "blocked the main road to Ahvaz": where the road leads
            if word in cues.event_prepositions:
                if _from_beyond(ancestor, cues):
                    return "origin", False  # "sent from across the border in Pakistan"
                if ancestor.head.lower_ in cues.origin_words and ancestor.head.tag_ == "VBN":
                    return "origin", False  # "blaming groups based in northern Iraq"
                return _goal_role(ancestor, cues)
        if ancestor.lemma_.lower() in cues.origin_words:
            return "origin", False
        if ancestor.pos_ == "VERB":
            break
    if previous is not None and previous.lower_ in cues.origin_prepositions:
        return "origin", False
    if previous is not None and previous.lower_ in cues.event_prepositions:
        return "event", True
    if previous is not None and previous.text == "," and previous.i > sent.start:
        noun = sent.doc[previous.i - 1]  # "In the capital, Kabul, a bomb exploded": the capital, named
        if noun.lower_ in cues.area_nouns and noun.dep_ == "pobj" and noun.head.lower_ in cues.event_prepositions:
            return "event", True
    if head.dep_ in ("dobj", "pobj", "nsubjpass", "attr", "appos", "conj", "compound", "npadvmod"):
        return "event", False
    return "other", False


def _at_a_trigger(word: Token, offset: int, triggers: Sequence[tuple[int, int]]) -> bool:
    """Whether the word starts inside one of the `triggers` (absolute spans)."""
    return any(start <= offset + word.idx < end for start, end in triggers)


def _tells_the_verb(noun: Token) -> bool:
    """Whether a noun is a verb's subject or the object of its "in", "during" or "over"."""
    if noun.dep_ == "nsubj":
        return noun.head.pos_ == "VERB"
    return noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during", "over") and noun.head.head.pos_ == "VERB"


def _speakers_place(head: Token, cues: PlaceRoleCues) -> bool:
    """Whether the place only says where the one reporting is: "said a senior official in the defence
    ministry in Kabul", "officials in Kabul said" (the event's own place is told elsewhere, or, if
    nowhere, this one stands in for it: see the extractor's fallback place)."""
    tok, hops = head, 0
    # (through what describes the speaker: "said a resident reached by telephone in Djibo")
    while tok.dep_ in ("pobj", "prep", "acl", "agent") and tok.head.i != tok.i and hops < 6:
        tok, hops = tok.head, hops + 1
    return hops > 0 and tok.dep_ == "nsubj" and tok.pos_ in ("NOUN", "PROPN") and \
        tok.head.lemma_.lower() in cues.speaker_verbs


def _placed(noun: Token, cues: PlaceRoleCues) -> bool:
    """Whether the noun is "state" in a locative phrase: "in Kogi state" names the unit, where "the
    Kogi state government", "Kogi state police" and "near the US consulate" name institutions."""
    return noun.lower_ == "state" and noun.dep_ == "pobj" and noun.head.lower_ in cues.event_prepositions


def _phrase_head(tokens: Sequence[Token]) -> Token:
    """The token of a multi-word name whose head lies outside the name."""
    ids = {tok.i for tok in tokens}
    for tok in tokens:
        if tok.head.i not in ids or tok.head.i == tok.i:
            return tok
    return tokens[-1]


# The roles of a place a plan or a foiled plot aimed at, and of one a distance is measured from, until the
# sentence's other places are known.
_PLANNED = "planned"
_MEASURED = "measured"
_UNTIL_TOLD = frozenset({_PLANNED, _MEASURED})
_UNIT_LABELS = frozenset({"province", "region", "district", "county", "parish"})  # (see geo FEATURE_WORDS)


def _settled(toponym: Toponym, told: Sequence[Toponym]) -> str:
    """The role of a place that waited for the sentence's event places (see _UNTIL_TOLD): a plan's target
    is nothing of the event beside any; a place a distance is measured from is near where it happened
    beside one a locative phrase names before it ("Chuhuiv, about 40 km south-east of Kharkiv"), though
    not beside a unit it lies in ("In Ituri province, militiamen attacked a camp about 30 km north of
    Bunia"). Alone, either is where it happened."""
    if toponym.role == _PLANNED:
        return "other" if told else "event"
    placed = any(t.start < toponym.start and t.locative and t.label not in _UNIT_LABELS for t in told)
    return "near" if placed else "event"


def _measured_from(preposition: Token, cues: PlaceRoleCues) -> bool:
    """Whether a preposition says where a distance runs from: "20 km from Bijapur", "40 km south-east of
    Kharkiv"."""
    before = preposition.doc[max(preposition.sent.start, preposition.i - 4):preposition.i]
    return any(t.lemma_.lower() in cues.distance_units for t in (preposition.head, *preposition.children, *before))


def _place_of_care(head: Token) -> bool:
    """Whether the place only says where the hurt died or were treated: "died at the Combined Military
    Hospital in Bannu on Wednesday"."""
    terms = CasualtyTerms.load()
    return any(a.dep_ == "pobj" and a.head.head.lemma_.lower() in terms.care_verbs
               and care_place(a.head.head, terms) == a for a in _ancestors(head, limit=3))


def _planned_target(head: Token, cues: PlaceRoleCues) -> bool:
    """Whether the place is where a plan's or a foiled plot's act was aimed ("planning an attack on a
    church in Nairobi", "foiled a plot to bomb a church in Nairobi"): nothing happened there."""
    verb = next((a for a in _ancestors(head, limit=6) if a.pos_ == "VERB"), None)
    if verb is None:
        return False
    return verb.lemma_.lower() in cues.plan_words or \
        verb.dep_ in ("xcomp", "acl") and verb.head.lemma_.lower() in cues.plan_words


def _ancestors(token: Token, *, limit: int) -> list[Token]:
    found: list[Token] = []
    current = token
    while current.head.i != current.i and len(found) < limit:
        current = current.head
        found.append(current)
    return found


def _from_beyond(preposition: Token, cues: PlaceRoleCues) -> bool:
    """Whether a place phrase lies inside one an origin preposition opens on people or on a verb of coming
    or sending, or follows such a phrase on its verb: "fighters from villages in Kunduz", "sent from
    across the border in Pakistan" (not "firing from the slopes above Phubala village")."""
    verb = preposition.head
    if preposition.lower_ == "in" and _sends(verb, cues) and any(
            c.dep_ == "prep" and c.lower_ in cues.origin_prepositions and c.i < preposition.i for c in verb.children):
        return True
    for ancestor in _ancestors(preposition, limit=4):
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
        if ancestor.dep_ == "prep" and ancestor.lower_ in cues.origin_prepositions and (
                CasualtyTerms.load().is_person(ancestor.head) or _sends(ancestor.head, cues)) \
                and not _measured_from(ancestor, cues):
            return True
    return False


def _sends(verb: Token, cues: PlaceRoleCues) -> bool:
    lemma = verb.lemma_.lower()
    return verb.pos_ == "VERB" and (lemma in cues.origin_verbs or lemma in cues.sent_verbs)


def _goal_role(preposition: Token, cues: PlaceRoleCues) -> tuple[str, bool]:
    """The role of a place phrase by the verb it completes, and whether it is locative: "crossed into
    Tajikistan" keeps event; "returned to Kunduz" is an origin-like move; "airlifted to Raipur" is
    where the wounded were carried afterwards, not where they were hit; "marching towards New Delhi"
    where the crowd was heading, not where it was stopped."""
    verb = preposition.head
    if preposition.lower_ in ("in", "at") and verb.pos_ == "VERB" and verb.lemma_.lower() in cues.carried_verbs \
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return "other", False  # "was rushed to the Regional Institute of Medical Sciences in Imphal"
    if verb.dep_ == "pobj" and verb.head.lower_ in ("to", "towards", "toward") and verb.head.i != preposition.i:
        # "shifted to the District Headquarters Hospital in Lakki city": where the place's noun was taken
        role, locative = _goal_role(verb.head, cues)
        if role == "other":
            return role, locative
    # ("fled with her two children towards Petion-Ville": the parse may hang the phrase on the object)
    if verb.pos_ != "VERB" and verb.dep_ in ("dobj", "pobj") and preposition.lower_ in ("to", "towards", "toward"):
        verb = next((a for a in verb.ancestors if a.pos_ == "VERB"), verb)
    if verb.pos_ == "VERB" and preposition.lower_ in ("to", "towards", "toward"):
        lemma = verb.lemma_.lower()
        if lemma in cues.origin_verbs:
            return "origin", False
        if lemma in cues.carried_verbs or lemma in cues.heading_verbs and preposition.lower_ != "to":
            return "other", False  # (a march "to Peshawar" got there; one "towards" it may not have)
    return "event", True
