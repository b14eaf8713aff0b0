"""Finding actor mentions in a parsed sentence: one matching pass with matchers built once at load."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from spacy.lang.en import English
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from faultline.actors.catalogue import MODES, Catalogue, Countries, GenericEntry, NamedEntry
from faultline.actors.roles import UNNAMED_AIRCRAFT
from faultline.model import Actor, Span

NAMED, GENERIC, GROUP = 3, 2, 1  # priorities when matches overlap
# Words allowed between a country word and the actor noun: "Afghan government forces".
QUALIFIER_GAP = {"government", "regime", "pro-government", "state", "federal", "local", "regular", "national",
                 "'s", "’s", "'", "official", "central", "army", "military", "armed"}
LINKS = {"of", "from"}  # "militants of the Islamic State"
NOT_IN_NAMES = ["DET", "PRON", "ADP", "VERB", "AUX", "NUM", "PUNCT", "CCONJ", "SCONJ", "PART"]
# "Houthi-controlled Hodeidah" names a place; "the al Qaeda-linked group JNIM", "an Iran-backed militia"
# another group: the named actor is no side
DESCRIBING_SUFFIXES = {"controlled", "held", "run", "linked", "affiliated", "allied", "aligned", "backed",
                       "inspired", "sponsored", "supported", "funded", "loyal"}


@dataclass(slots=True)
class _Hit:
    """One matched stretch of tokens (sentence-relative) and what it may be."""

    start: int
    end: int
    priority: int
    named: NamedEntry | None = None
    phrase: str = ""


# Verbs whose subjects, listed together, are the two sides ("the Bravo Brigade and the army clashed").
_RECIPROCAL_VERBS = frozenset({"clash", "fight", "battle", "exchange", "engage", "skirmish"})


def is_cased_alias(alias: str) -> bool:
    """Acronym-like aliases (one word, at least half capitals: ISIS, IS, LeT) match case-sensitively."""
    letters = [c for c in alias if c.isalpha()]
    return " " not in alias and bool(letters) and sum(c.isupper() for c in letters) * 2 >= len(letters)


class ActorFinder:
    """Finds named, generic and unknown-named actors in a sentence; built once from a Catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        tokenizer = English().tokenizer  # the same English rules as the parsing model's tokenizer
        # Fixed phrases go to phrase matchers (a hash lookup per token, whatever their number); only
        # the name-shape pattern of unknown groups needs the token Matcher.
        self._folded = PhraseMatcher(tokenizer.vocab, attr="LOWER")
        self._exact = PhraseMatcher(tokenizer.vocab, attr="ORTH")
        self._matcher = Matcher(tokenizer.vocab)
        self._named: dict[str, NamedEntry] = {}
        self._localisable = {e.name: e for e in catalogue.named if e.localised and e.country is None}
        self._aliases = frozenset(alias.lower() for e in catalogue.named for alias in e.aliases)
        for index, entry in enumerate(catalogue.named):
            key = f"N{index}"
            self._named[key] = entry
            for alias in entry.aliases:
                self._phrase_matcher(alias).add(key, [tokenizer(alias)])
        # phrase -> [(mode, entry)] in MODES order, so the strictest reading is tried first
        self._phrases: dict[str, list[tuple[str, GenericEntry]]] = {}
        for mode in MODES:
            for entry in catalogue.generic:
                for phrase in entry.phrases.get(mode, ()):
                    self._phrases.setdefault(phrase.lower(), []).append((mode, entry))
        for phrase, readings in self._phrases.items():
            written = next(p for _, e in readings for m in MODES for p in e.phrases.get(m, ()) if p.lower() == phrase)
            self._phrase_matcher(written).add(f"G{phrase}", [tokenizer(written)])
        heads = sorted(catalogue.groups.heads)
        head = {"LOWER": {"IN": heads}, "IS_TITLE": True}
        # Every name-shape pattern holds a head word: without one the Matcher need not run.
        self._head_hashes = frozenset(tokenizer.vocab.strings.add(h) for h in heads)
        name_word = {"IS_TITLE": True, "POS": {"NOT_IN": NOT_IN_NAMES}}
        self._matcher.add("T", [
            [name_word | {"OP": "+"}, head],
            [head, {"LOWER": {"IN": ["of", "for"]}}, {"LOWER": "the", "OP": "?"}, name_word | {"OP": "+"}],
        ])

    def find(self, sent: SpacySpan, offset: int, *, on: dt.date | None = None) -> list[Actor]:
        """Every actor mentioned in the sentence, in text order, with absolute offsets, named as on `on`."""
        hits: list[_Hit] = []
        # PhraseMatcher gives document positions for a Span, Matcher sentence positions
        shift = sent.start
        matches = [(m, s - shift, e - shift) for m, s, e in self._folded(sent) + self._exact(sent)]
        if self._may_name_group(sent):
            matches += self._matcher(sent)
        for match_id, start, end in matches:
            key = self._matcher.vocab.strings[match_id]
            if key == "T":
                hits.append(_Hit(start, end, GROUP))
            elif key.startswith("N"):
                hits.append(_Hit(start, end, NAMED, named=self._named[key]))
            else:
                hits.append(_Hit(start, end, GENERIC, phrase=key[1:]))
        hits.extend(self._org_hits(sent))
        actors: list[Actor] = []
        for hit, start, end in _merge_named(sent, _with_acronyms(sent, _select(hits)), self._phrases):
            actors.extend(self._build(sent, offset, hit, start, end, on))
        actors.sort(key=lambda a: a.span.start)
        return self._share_state_country(sent, offset, self._units_beside_state_forces(sent, offset, actors, on), on)

    def _units_beside_state_forces(self, sent: SpacySpan, offset: int, actors: list[Actor],
                                   on: dt.date | None) -> list[Actor]:
        """Unknown named groups listed with state forces are units of theirs: "a joint team of the
        District Reserve Guard, the Special Task Force and the CRPF's CoBRA unit"."""
        states = [a for a in actors if a.inter == 1]
        if not states:
            return actors
        found = []
        for actor in actors:
            partner = _listed_with(sent, offset, actor, states) if actor.inter in (2, 3) and actor.name == actor.text \
                else None
            if partner is not None:
                entry = self.generic_entry("police" if partner.kind == "police" else "military")
                assert entry is not None  # the schema test guarantees both entries
                name = self.catalogue.countries.render(entry.name, partner.country, unknown=entry.unknown, on=on)
                actor = dataclasses.replace(actor, name=name, inter=1, country=partner.country, kind=entry.kind)
            found.append(actor)
        return found

    def is_alias(self, text: str) -> bool:
        """Whether the words are a named actor's alias, in any case."""
        return text.lower() in self._aliases

    def _may_name_group(self, sent: SpacySpan) -> bool:
        """Whether the sentence holds a capitalised head word ("Army", "Front")."""
        # Token by token: Span.to_array loops over its attributes in Python, six times slower here.
        heads = self._head_hashes
        return any(token.lower in heads and token.is_title for token in sent)

    def localise(self, actor: Actor, iso2: str, *, evidence: bool = False, on: dt.date | None = None) -> Actor:
        """The actor named for a country once that is known; actors with a country are kept.

        `evidence` is True when the country comes from the actor's own sentence (its other state
        forces), which names even actors the event's country alone never names (unknown aircraft).
        """
        if actor.country is not None:
            return actor
        named = self._localisable.get(actor.name)
        if named is not None:
            name = named.branch_in(iso2) or self.catalogue.countries.render(
                named.localised or named.name, iso2, unknown=named.name, on=on)
            return dataclasses.replace(actor, name=name, country=iso2)
        entry = self.generic_entry(actor.kind)
        if entry is None or actor.name != self._unknown_name(entry, actor):
            return actor  # an unknown named group, or an actor named without a country on purpose
        if not entry.localise and not evidence:
            return actor
        group = _group_of(entry, actor.name)
        name = self.catalogue.countries.render(entry.name, iso2, unknown=entry.unknown, group=group, on=on)
        return dataclasses.replace(actor, name=name, country=iso2)

    def _unknown_name(self, entry: GenericEntry, actor: Actor) -> str:
        return entry.unknown.format(group=_group_of(entry, actor.name))

    def _share_state_country(self, sent: SpacySpan, offset: int, actors: list[Actor],
                             on: dt.date | None) -> list[Actor]:
        """Country-less state forces take the country of the sentence's other state forces, when only one.
        Weapons lend theirs only to forces listed with them ("Russian jets and troops"), never to those
        that stop them ("air defences destroyed 84 Ukrainian drones")."""
        states = {a.country for a in actors if a.inter == 1 and a.country}
        if len(states) != 1:
            return actors
        only = states.pop()
        weapons = [a for a in actors if a.inter == 1 and a.country and a.kind == UNNAMED_AIRCRAFT]
        weapons_only = len(weapons) == sum(1 for a in actors if a.inter == 1 and a.country)
        return [self.localise(a, only, evidence=True, on=on) if a.inter == 1 and a.country is None and (
                    not weapons_only or _listed_with(sent, offset, a, weapons) is not None) else a
                for a in actors]

    def _phrase_matcher(self, phrase: str) -> PhraseMatcher:
        return self._exact if is_cased_alias(phrase) else self._folded

    def _org_hits(self, sent: SpacySpan) -> list[_Hit]:
        """NER organisations whose first or last word is an armed-group head ("Army of the Righteous")."""
        heads = self.catalogue.groups.heads
        hits = []
        for start, end in _org_entities(sent):
            # a group's own name is capitalised; "Fulani militia" is an ethnic group plus a noun
            if any(t.lower_ in heads and t.is_title for t in (sent[start], sent[end - 1])):
                start += 1 if sent[start].pos_ == "DET" else 0
                if end - start >= 2:
                    hits.append(_Hit(start, end, GROUP))
        return hits

    def _build(self, sent: SpacySpan, offset: int, hit: _Hit, start: int, end: int, on: dt.date | None) -> list[Actor]:
        if hit.named is not None:
            if _describes_another(sent, hit) or _common_noun_of_another(sent, start, end):
                return []
            entry = hit.named.as_of(on)
            name = self.catalogue.countries.render(entry.name, entry.country, unknown=entry.name, on=on)
            span = _span(sent, offset, start, end)
            return [Actor(name=name, text=span.text, inter=entry.inter, span=span, country=entry.country,
                          kind=entry.kind)]
        if hit.priority == GROUP:
            return self._unknown_group(sent, offset, hit, on)
        return self._generic(sent, offset, hit, on)

    def _generic(self, sent: SpacySpan, offset: int, hit: _Hit, on: dt.date | None) -> list[Actor]:
        # Only state forces are named by their act's modifier ("a police raid"): a weapon's word is how it
        # was done ("a drone strike"), and "a militant attack" mostly recalls a group the story names.
        forces = all(entry.inter == 1 and entry.kind != UNNAMED_AIRCRAFT
                     for _, entry in self._phrases.get(hit.phrase, ()))
        if _is_modifier(sent, hit, self.catalogue.act_nouns if forces else frozenset()):
            return []
        countries = self.catalogue.countries
        country, start, end = _country_left(sent, hit.start, countries)
        if country is None:
            country, end = _country_right(sent, hit.end, countries)
            end = max(end, hit.end)
        group = _group_word(sent, hit.start, countries, self.catalogue.groups.modifiers)
        for mode, entry in self._phrases.get(hit.phrase, ()):
            if mode == "group_nouns" and group is None:
                continue
            if mode == "qualified_nouns" and country is None:
                continue
            iso2 = country if entry.country_from_demonym else None
            first = group.i - sent.start if mode == "group_nouns" and group is not None else min(start, hit.start)
            name = countries.render(entry.name, iso2, unknown=entry.unknown, group=group.text if group else "", on=on)
            span = _span(sent, offset, first, max(end, hit.end))
            actor = Actor(name=name, text=span.text, inter=entry.inter, span=span, country=iso2, kind=entry.kind)
            if iso2 is None:
                return [actor]
            # "Kyrgyz and Tajik border guards": one actor per coordinated country word
            others = [Actor(name=countries.render(entry.name, code, unknown=entry.unknown, on=on), text=words.text,
                            inter=entry.inter, span=_span(sent, offset, words.start - sent.start,
                                                          words.end - sent.start),
                            country=code, kind=entry.kind)
                      for code, words in _coordinated_countries(sent, first, countries) if code != iso2]
            return [actor, *others]
        return []

    def named_group(self, sent: SpacySpan, offset: int, start: int, end: int, *,
                    on: dt.date | None = None) -> Actor | None:
        """The organisation at sentence tokens start..end read as an unknown group kept as written, or as
        state forces when its name is only state words; None for a one-word name ("Congress")."""
        found = self._unknown_group(sent, offset, _Hit(start, end, GROUP), on)
        return found[0] if found else None

    def _unknown_group(self, sent: SpacySpan, offset: int, hit: _Hit, on: dt.date | None) -> list[Actor]:
        """An unknown named group kept as written, or state forces when its name is only state words."""
        rules, countries = self.catalogue.groups, self.catalogue.countries
        words = [t.text for t in sent[hit.start:hit.end]]
        if " ".join(words).lower() in self._phrases or all(w.lower() in rules.state_words for w in words):
            # a capitalised generic phrase ("Security Forces" in a headline) is no named group
            return self._generic(sent, offset, _Hit(hit.start, hit.end, GENERIC, phrase=" ".join(words).lower()), on)
        for size in range(min(3, len(words) - 1), 0, -1):
            iso2 = countries.lookup(words[:size])
            rest = [w.lower() for w in words[size:]]
            if iso2 and all(w in rules.state_words for w in rest):
                entry = self.generic_entry("police" if "police" in rest else "military")
                assert entry is not None  # the schema test guarantees both entries
                name = countries.render(entry.name, iso2, unknown=entry.unknown, on=on)
                span = _span(sent, offset, hit.start, hit.end)
                return [Actor(name=name, text=span.text, inter=1, span=span, country=iso2, kind=entry.kind)]
        before = sent[hit.start - 1].text if hit.start > 0 else ""
        if _NUMBERED_UNIT.fullmatch(words[0]) or _NUMBERED_UNIT.fullmatch(before):
            # "its 6th Infantry Division", "the 47th Mechanized Brigade": a unit of a state's army,
            # of the country the sentence's other state forces have (see _share_state_country)
            entry = self.generic_entry("military")
            assert entry is not None
            span = _span(sent, offset, hit.start, hit.end)
            return [Actor(name=countries.render(entry.name, None, unknown=entry.unknown, on=on), text=span.text,
                          inter=1, span=span, kind=entry.kind)]
        if countries.lookup(words) or len(words) < 2:
            return []
        rebel = any(w.lower().removesuffix("'s") in rules.rebel_words for w in words)
        span = _span(sent, offset, hit.start, hit.end)
        return [Actor(name=span.text, text=span.text, inter=2 if rebel else 3, span=span,
                      kind="rebel" if rebel else "political militia")]

    def generic_entry(self, kind: str | None) -> GenericEntry | None:
        """The generic entry that gives actors of this kind their names, if any."""
        return next((e for e in self.catalogue.generic if e.kind == kind), None)


# The ordinal that opens the name of an army's numbered unit ("6th", "101st").
_NUMBERED_UNIT = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)


def _listed_with(sent: SpacySpan, offset: int, actor: Actor, others: list[Actor]) -> Actor | None:
    """The actor of `others` that the parse lists with `actor` ("X, Y and Z": conjuncts of one phrase),
    unless the list is who fought whom ("the Bravo Brigade and the army clashed")."""
    words = sent.doc.char_span(actor.span.start - offset, actor.span.end - offset, alignment_mode="expand")
    if words is None:
        return None
    listed = [words.root, *words.root.conjuncts]
    first = min(listed, key=lambda t: t.i)
    if first.dep_ in ("nsubj", "nsubjpass") and first.head.lemma_.lower() in _RECIPROCAL_VERBS:
        return None
    inside = range(words.start, words.end)
    return next((other for other in others for t in listed
                 if t.i not in inside and other.span.start <= offset + t.idx < other.span.end), None)


def _org_entities(sent: SpacySpan) -> list[tuple[int, int]]:
    """ORG entities as sentence-relative token ranges, read from token tags (Span.ents scans the doc)."""
    found: list[tuple[int, int]] = []
    start = None
    for i, token in enumerate(sent):
        if start is not None and token.ent_iob_ != "I":
            found.append((start, i))
            start = None
        if token.ent_iob_ == "B" and token.ent_type_ == "ORG":
            start = i
    if start is not None:
        found.append((start, len(sent)))
    return found


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Non-overlapping hits, higher priority first, then longer; returned in text order."""
    taken: list[_Hit] = []
    occupied: set[int] = set()
    # named actors first; otherwise the longer reading ("Army of the Righteous" over "Army")
    for hit in sorted(hits, key=lambda h: (h.priority != NAMED, -(h.end - h.start), -h.priority, h.start)):
        tokens = set(range(hit.start, hit.end))
        if not tokens & occupied:
            taken.append(hit)
            occupied |= tokens
    return sorted(taken, key=lambda h: h.start)


def _merge_named(sent: SpacySpan, chosen: list[_Hit],
                 phrases: dict[str, list[tuple[str, GenericEntry]]]) -> list[tuple[_Hit, int, int]]:
    """Extend named actors over adjacent armed-actor nouns: "Taliban fighters", "militants of ISIS"."""
    consumed: set[int] = set()
    extents: dict[int, tuple[int, int]] = {}
    for i, hit in enumerate(chosen):
        if hit.named is None:
            continue
        start, end = hit.start, hit.end
        after = chosen[i + 1] if i + 1 < len(chosen) else None
        if after is not None and after.start == end and _armed(after, phrases) and i + 1 not in consumed:
            consumed.add(i + 1)
            end = after.end
        before = chosen[i - 1] if i > 0 else None
        if before is not None and i - 1 not in consumed and _armed(before, phrases):
            between = [t.lower_ for t in sent[before.end:hit.start]]
            if between and between[0] in LINKS and all(w in LINKS or w == "the" for w in between):
                consumed.add(i - 1)
                start = before.start
        extents[i] = (start, end)
    return [(hit, *extents.get(i, (hit.start, hit.end))) for i, hit in enumerate(chosen) if i not in consumed]


def _with_acronyms(sent: SpacySpan, chosen: list[_Hit]) -> list[_Hit]:
    """An unknown group's name followed by a known actor's acronym in brackets is that actor, written
    out: "the National Liberation Army (ELN)" is the ELN, one hit over both. So is a known actor's name
    with its own acronym, which then reaches the noun after it: "Islamic State West Africa Province
    (ISWAP) fighters"."""
    merged: list[_Hit] = []
    skip = -1
    for i, hit in enumerate(chosen):
        if i == skip:
            continue
        after = chosen[i + 1] if i + 1 < len(chosen) else None
        acronym = after.named if after is not None else None
        written_out = hit.priority == GROUP and hit.named is None or hit.named is not None and acronym is not None \
            and hit.named.name == acronym.name
        if acronym is not None and written_out and after.start == hit.end + 1 and sent[hit.end].text == "(" \
                and after.end < len(sent) and sent[after.end].text == ")":
            merged.append(dataclasses.replace(after, start=hit.start, end=after.end + 1))
            skip = i + 1
        else:
            merged.append(hit)
    return merged


def _armed(hit: _Hit, phrases: dict[str, list[tuple[str, GenericEntry]]]) -> bool:
    return hit.priority == GENERIC and any(entry.inter in (1, 2, 3, 8) for _, entry in phrases.get(hit.phrase, ()))


def _describes_another(sent: SpacySpan, hit: _Hit) -> bool:
    """True for "Houthi-controlled", "Taliban-held" (a place is described) and for "al Qaeda-linked",
    "Iran-backed" (another group is described): the named actor takes no part itself."""
    if hit.end + 1 < len(sent) and sent[hit.end].text == "-":
        return sent[hit.end + 1].lower_ in DESCRIBING_SUFFIXES
    return False


def _common_noun_of_another(sent: SpacySpan, start: int, end: int) -> bool:
    """True for a named actor's common-noun alias after another people's name: "Fulani settlers" are
    not the "settlers" of the West Bank."""
    before = sent[start - 1] if start > 0 else None
    return before is not None and sent[start:end].text.islower() and before.is_title and \
        (before.ent_type_ in ("NORP", "GPE", "ORG") or before.pos_ == "PROPN")


def _is_modifier(sent: SpacySpan, hit: _Hit, act_nouns: frozenset[str]) -> bool:
    """A one-word actor noun used as a modifier ("military hospital", "army spokesman") is no actor,
    unless it modifies one of `act_nouns`, whose actor it names ("military operation", "police raid")."""
    if hit.end - hit.start != 1:
        return False
    token = sent[hit.start]
    return token.dep_ in ("compound", "amod") and token.head.i > token.i and token.head.lower_ not in act_nouns


def _country_left(sent: SpacySpan, start: int, countries: Countries) -> tuple[str | None, int, int]:
    """A country word just before the noun, over words like "government" ("Afghan government forces")."""
    position, gap = start, 0
    while position > 0 and gap <= 2:
        for size in range(min(4, position), 0, -1):
            words = [t.text for t in sent[position - size:position]]
            iso2 = countries.lookup(words)
            if iso2:
                return iso2, position - size, start
        if sent[position - 1].lower_ not in QUALIFIER_GAP:
            break
        position, gap = position - 1, gap + 1
    return None, start, start


def _coordinated_countries(sent: SpacySpan, start: int, countries: Countries) -> list[tuple[str, SpacySpan]]:
    """Country words joined to the one at `start` by "and", "or" or commas, reading leftwards."""
    found: list[tuple[str, SpacySpan]] = []
    position = start
    while position >= 2 and sent[position - 1].lower_ in ("and", "or", ",", "&"):
        for size in range(min(3, position - 1), 0, -1):
            words = sent[position - 1 - size:position - 1]
            iso2 = countries.lookup([t.text for t in words])
            if iso2:
                found.append((iso2, words))
                position -= 1 + size
                break
        else:
            break
    return found


def _country_right(sent: SpacySpan, end: int, countries: Countries) -> tuple[str | None, int]:
    """A country after "of" or "from": "troops of Tajikistan", "soldiers from Chad"."""
    if end >= len(sent) or sent[end].lower_ not in ("of", "from"):
        return None, end
    first = end + 1 + (1 if end + 1 < len(sent) and sent[end + 1].lower_ == "the" else 0)
    for size in range(min(4, len(sent) - first), 0, -1):
        iso2 = countries.lookup([t.text for t in sent[first:first + size]])
        if iso2:
            return iso2, first + size
    return None, end


def _group_word(sent: SpacySpan, start: int, countries: Countries, modifiers: frozenset[str]) -> Token | None:
    """An ethnic or communal group name just before the noun ("Fulani militia"), never a country word."""
    if start == 0:
        return None
    token = sent[start - 1]
    if not token.is_title or token.lower_ in modifiers or countries.lookup([token.text]):
        return None
    # the small model tags rarer group names as common nouns inside an ORG entity
    return token if token.pos_ in ("PROPN", "NOUN") or token.ent_type_ in ("NORP", "ORG") else None


def _span(sent: SpacySpan, offset: int, start: int, end: int) -> Span:
    tokens = sent[start:end]
    return Span(offset + tokens.start_char, offset + tokens.end_char, tokens.text)


def _group_of(entry: GenericEntry, name: str) -> str:
    """The group word inside a name built from a "{group} ..." template ("Fulani")."""
    if "{group}" not in entry.unknown:
        return ""
    prefix, suffix = entry.unknown.split("{group}", 1)
    if name.startswith(prefix) and name.endswith(suffix) and len(name) >= len(prefix) + len(suffix):
        return name[len(prefix):len(name) - len(suffix)]
    return ""
