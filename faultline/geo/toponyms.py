"""Toponym recognition: spaCy's GPE/LOC/FAC entities plus patterns for places NER misses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, LOWER, ORTH, SPACY, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from faultline.data import read_toml
from faultline.geo.gazetteer import Candidate
from faultline.geo.names import fold, norm_key
from faultline.model import Toponym


class Lookup(Protocol):
    """The part of the gazetteer recognition needs."""

    def lookup(self, name: str, *, limit: int = 200) -> tuple[Candidate, ...]: ...


# Words after a name that make it a place, and the label hint they give.
FEATURE_WORDS = {
    "border post": "border_post", "border crossing": "border_crossing", "border checkpoint": "checkpoint",
    "crossing point": "crossing", "crossing": "crossing", "checkpoint": "checkpoint", "district": "district",
    "province": "province", "region": "region", "valley": "valley", "gorge": "gorge", "village": "village",
    "town": "town", "city": "city", "county": "county", "parish": "parish", "oblast": "province",
    "governorate": "province", "river": "river", "mountains": "mountains", "pass": "pass",
    "airport": "airport", "air base": "base", "military base": "base", "refugee camp": "camp", "camp": "camp",
}
# Phrases naming a facility or feature as a whole: the feature word is part of its name.
FACILITIES = frozenset({"border_post", "border_crossing", "checkpoint", "crossing", "airport", "base", "camp"})
# One capitalised word of a name. A full stop belongs to it only in initials ("U.S.") and the short
# abbreviations of names ("St.", "Mt."): "in Kabul. At least" ends the name at "Kabul". A possessive
# "'s" ends it too ("Quetta's Zarghoon Road": Quetta encloses the road; see _POSSESSIVE).
_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|(?:St|Ste|Mt|Ft|Pt)\.|[A-Z]\w*(?:['’](?!s\b)\w+)*)"
_NAME = rf"{_WORD}(?:[- ](?:{_WORD}|(?:al|el|e|i|ul|de)(?![\w'’])))*"
_FEATURES = "|".join(sorted(map(re.escape, FEATURE_WORDS), key=len, reverse=True))
_NAME_THEN_FEATURE = re.compile(rf"(?<![\w'’])(?P<name>{_NAME})[ -](?P<feature>(?i:{_FEATURES}))\b")
_FEATURE_OF_NAME = re.compile(rf"\b(?P<feature>village|town|city|district|province|region|governorate|county"
                              rf"|state|island|isle|mountain|mountains) of (?P<name>{_NAME})")
_AFTER_PREPOSITION = re.compile(
    rf"\b(?:in|near|at|outside|into|toward|towards|from|across"
    rf"|(?:(?:north|south|east|west)(?:-?(?:east|west))?|outskirts|outside|edge|vicinity) of) (?P<name>{_NAME})")
# Capitalised words that follow prepositions but are not places.
_NOT_PLACES = frozenset(fold(w) for w in ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Spring", "Summer", "Autumn", "Fall", "Winter", "Christmas", "Easter", "Ramadan", "Eid", "God", "Allah", "Islam", "Internet", "Parliament", "Congress", "Senate", "Government", "President", "Police", "Army", "The", "A", "An", "His", "Her"])
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NON_PLACE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
# Gazetteer-driven recognition of capitalised names NER missed (see _gazetteer_names).
MAX_NAME_TOKENS = 4
# A bare town must be this large to count without NER's word; two-word names are rarer as ordinary
# phrases, so they need less. Countries, admin units, continents and regions always count.
MIN_POPULATION_ONE_WORD = 20_000
MIN_POPULATION_MORE_WORDS = 2_000
_LARGE_UNITS = frozenset({"ADM1", "CONT", "RGN"})
# A name word is a capitalised proper noun outside non-place entities; all-caps words are mostly acronyms.
_PROPER_NOUN_TAGS = ("NNP", "NNPS")
_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "into", "toward", "towards", "from", "across", "to", "of",
                           "through", "around", "between", "throughout", "via", "within", "inside", "and"})
# Entities whose words are not places even when a place shares their name ("Charlotte Smith",
# "University of Superior"); a name the text places elsewhere is still found there (_propagate).
_NOT_PLACE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "LANGUAGE", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT",
                                 *NON_PLACE_LABELS})
COMMON_WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "geo" / "common_words.txt"
PLACE_WORDS_FILE = COMMON_WORDS_FILE.with_name("place_words.toml")
# Labels of the toponyms a country adjective makes ("the Somali capital", "a Pakistani tribal district").
CAPITAL, NATIONAL_AREA, LANDMARK = "capital", "national_area", "landmark"
_POSSESSIVE = re.compile(rf"(?<![\w'’])(?P<name>{_NAME})['’]s\s+(?=[A-Z])")
_COMPASS = r"(?:(?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)?\s+|central\s+)?"


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """Landmark words, facility fillers and national place nouns (faultline/data/geo/place_words.toml)."""

    landmark_words: frozenset[str]
    facility_fillers: frozenset[str]
    landmark: re.Pattern[str]  # "Victoria Station": a name, then a landmark word
    national_area: re.Pattern[str]  # "the Somali capital", "a Pakistani tribal district"
    local_nouns: frozenset[str]  # "a Gainesville man", "the Concord Police"
    of_nouns: frozenset[str]  # "residents of Huntsville"
    motion_words: frozenset[str]  # "drove to Lanexa"
    plural_list: re.Pattern[str]  # "Clay, Douglas and Swift counties"
    plural_features: Mapping[str, str]  # "counties" -> "county"

    def landmark_town(self, name: str) -> str:
        """The words of a landmark's or facility's name that may name its town ("Abha International Airport" -> "Abha")."""
        words = name.split()
        while len(words) > 1:
            if len(words) > 2 and fold(" ".join(words[-2:])) in self.landmark_words:
                words = words[:-2]
            elif fold(words[-1]) in self.landmark_words or fold(words[-1]) in self.facility_fillers:
                words.pop()
            else:
                break
        return " ".join(words)


@cache
def load_place_words(path: Path = PLACE_WORDS_FILE) -> PlaceWords:
    """Read the landmark words, facility fillers and national place nouns."""
    data = read_toml(path, what="place words")
    landmarks = sorted(data["landmark_words"], key=len, reverse=True)
    nouns = "|".join(map(re.escape, data["national_area_nouns"]))
    return PlaceWords(
        landmark_words=frozenset(fold(w) for w in landmarks),
        facility_fillers=frozenset(fold(w) for w in data["facility_fillers"]),
        landmark=re.compile(rf"(?<![\w'’])(?P<name>{_NAME})[ -](?P<feature>(?i:{'|'.join(map(re.escape, landmarks))}))\b"),
        # Not when a name follows ("the Afghan capital Kabul", "the Iraqi town of Al Shirqat"): that
        # name is the place, and the adjective its country (see Geocoder).
        national_area=re.compile(rf"\b(?:the|a|an)\s+{_COMPASS}(?P<demonym>[A-Z][a-z]+)\s+(?:[a-z]+\s+)?"
                                 rf"(?P<noun>{nouns})\b(?!\s+of\b)(?![ ,]*[A-Z])"),
        local_nouns=frozenset(data["local_nouns"]),
        of_nouns=frozenset(data["of_nouns"]),
        motion_words=frozenset(data["motion_words"]),
        plural_list=re.compile(rf"(?<![\w'’])(?P<names>{_NAME}(?:,\s+{_NAME})*,?\s+(?:and|or|&)\s+{_NAME})\s+"
                               rf"(?P<feature>{'|'.join(map(re.escape, data['plural_features']))})\b"),
        plural_features=dict(data["plural_features"]),
    )


@cache
def load_common_words(path: Path = COMMON_WORDS_FILE) -> frozenset[str]:
    """Folded one-word names that are ordinary words in news, from faultline/data/geo/common_words.txt."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line) for line in lines if line.strip() and not line.startswith("#"))


def _is_demonym(text: str, demonyms: Mapping[str, str], gazetteer: Lookup | None = None) -> bool:
    """A people's name ("Afghan", "Tajiks"), unless it is also a country's name ("Philippines")."""
    key = fold(text)
    if key not in demonyms and key.rstrip("s") not in demonyms:
        return False
    return gazetteer is None or not any(c.is_country and c.score == 1.0 for c in gazetteer.lookup(text))


def _skip_leading_words(text: str, start: int, end: int, demonyms: Mapping[str, str]) -> int:
    """Move `start` past a leading "The" and country adjectives ("Afghan Badakhshan" -> "Badakhshan")."""
    while start < end:
        word = re.match(r"[\w'’.]+[- ]?", text[start:end])
        if word is None or not (word.group().strip(" -") == "The" or _is_demonym(word.group().strip(" -"), demonyms)):
            return start
        start += word.end()
    return start


def _trim(text: str, start: int, end: int) -> int:
    """End of a match without a sentence's closing full stop or quote ("in Khorog." -> "Khorog")."""
    while end > start and text[end - 1] in ".'’":
        end -= 1
    return end


_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
# A possessive, closing punctuation, or the full stop after a capitalised acronym ("NSW." but not "U.S.").
_CLOSING = re.compile(r"(?:['’]s|[,;:)\"”'’]|(?:^|(?<=[^.\w]))[A-Z]{2,}(?P<stop>\.))$")


def _dash_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names a spaced dash parts within a span ("Central Africa - Nigeria")."""
    bounds = [start]
    for dash in _SPACED_DASH.finditer(text, start, end):
        bounds += [dash.start(), dash.end()]
    bounds.append(end)
    return list(zip(bounds[::2], bounds[1::2]))


def _end_of_name(text: str, start: int, end: int) -> int:
    """End of an entity without a possessive or closing punctuation ("Hong Kong's", "Canada,", "NSW.").

    A full stop stays after initials and abbreviations ("U.S.", "Calif."): it is part of them.
    """
    while end > start and (closing := _CLOSING.search(text[start:end])):
        end = start + (closing.start("stop") if closing.group("stop") else closing.start())
    return end


def _has_match(gazetteer: Lookup, name: str, *, exact: bool) -> bool:
    return any(c.score == 1.0 or not exact for c in gazetteer.lookup(name))


def find_toponyms(doc_or_span: Doc | Span, offset: int, gazetteer: Lookup, *,
                  demonyms: Mapping[str, str] | None = None) -> list[Toponym]:
    """Place names in a parsed text, with absolute offsets (offset + doc character offsets)."""
    if demonyms is None:
        from faultline.actors import load_demonyms

        demonyms = load_demonyms()
    span = doc_or_span[:] if isinstance(doc_or_span, Doc) else doc_or_span
    # Doc.ents and Span.text each walk every token: read them once for all the passes below.
    doc_ents = list(span.doc.ents)
    blocked = {i for ent in doc_ents if ent.label_ in _NOT_PLACE_ENTITIES for i in range(ent.start, ent.end)}
    words = _Words.read(span, blocked)
    base = offset + span.start_char
    text = words.text
    found: list[tuple[int, int, str, str | None, int]] = []  # start, end, text, label, priority
    other_entities: list[tuple[int, int]] = []
    for ent in doc_ents:
        if ent.start < span.start or ent.end > span.end:
            continue
        start, end = ent.start_char - span.start_char, ent.end_char - span.start_char
        if ent.label_ not in PLACE_LABELS:
            # Trust the model's numbers and dates; its other labels often misname towns (a town
            # as a person, a nationality or a language); demonyms are filtered separately.
            if ent.label_ in NON_PLACE_LABELS and not _misread_name(ent):
                other_entities.append((start, end))
            continue
        stripped = _LEADING_ARTICLE.match(text[start:end])
        if stripped:
            start += stripped.end()
        for part_start, part_end in _dash_parts(text, start, end):
            part_end = _end_of_name(text, part_start, part_end)
            name = text[part_start:part_end]
            if name and name[0].isupper() and not _is_demonym(name, demonyms, gazetteer) and (
                    ent.label_ == "GPE" or _has_match(gazetteer, name, exact=ent.label_ == "FAC")):
                found.append((part_start, part_end, name, ent.label_, 1))
    place_words = load_place_words()
    for pattern in (_NAME_THEN_FEATURE, _FEATURE_OF_NAME, place_words.landmark):
        for match in pattern.finditer(text):
            feature = match.group("feature").lower()
            # "the Nad Ali district of Helmand", "a residential district of Kharkiv": after "district
            # of" and "region of" comes the larger unit, so the word says nothing about the name.
            if pattern is _FEATURE_OF_NAME:
                hint = None if feature in ("district", "region") else FEATURE_WORDS.get(feature)
            else:
                hint = FEATURE_WORDS.get(feature, LANDMARK)
            start, end = match.span("name") if pattern is _FEATURE_OF_NAME else (match.start("name"), match.end())
            start = _skip_leading_words(text, start, match.end("name"), demonyms)
            end = _trim(text, start, end)
            name = text[start:match.end("name")]
            if not name or fold(name) in _NOT_PLACES:
                continue
            found.append((start, end, text[start:end], hint, 2))
    for match in _AFTER_PREPOSITION.finditer(text):
        start, end = match.span("name")
        end = _trim(text, start, end)
        name = text[start:end]
        if fold(name) in _NOT_PLACES or _is_demonym(name, demonyms, gazetteer):
            continue
        if any(s < end and start < e for s, e in other_entities):
            continue  # spaCy read it as a date, number, nationality...: trust that
        if _has_match(gazetteer, name, exact=True):
            found.append((start, end, name, None, 0))
    found.extend(_containers(text, gazetteer, demonyms))
    found.extend(_national_areas(text, gazetteer, demonyms, place_words))
    found.extend(_gazetteer_names(span, gazetteer, demonyms, words))
    found.extend(_datelines(text, gazetteer, words))
    found.extend(_home_districts(text, gazetteer, words))
    found.extend(_cued_names(span, gazetteer, demonyms, words, place_words, doc_ents))
    found.extend(_institution_places(span, gazetteer, doc_ents, words))
    found.extend(_country_initials(span, gazetteer))
    found.extend(_plural_features(text, gazetteer, demonyms, place_words))
    found.extend(_coordinated(text, found, gazetteer, demonyms, words, doc_ents))
    found.extend(_propagate(span, found, gazetteer, words, doc_ents))
    found.extend(_enclosing_units(text, found, gazetteer))
    return [Toponym(text=t, start=base + s, end=base + e, label=label) for s, e, t, label in _non_overlapping(found)]


@dataclass(frozen=True, slots=True)
class _Words:
    """One walk over a text's tokens, shared by the passes that would each walk it again."""

    text: str  # the span's text
    texts: list[str]  # token texts, index = token.i - span.start
    starts: list[int]  # character offsets in `text`
    names: list[bool]  # whether each is a name word (see _PROPER_NOUN_TAGS)
    lower: set[str]  # the words the text writes in lower case

    @classmethod
    def read(cls, span: Span, blocked: set[int]) -> _Words:
        """The words of `span`, read from the doc's arrays (no Token object per word)."""
        doc = span.doc
        strings = doc.vocab.strings
        proper = {strings[tag] for tag in _PROPER_NOUN_TAGS}
        texts, starts, names, lower, written = [], [], [], set(), []
        base = span.start_char
        rows = doc.to_array([ORTH, SPACY, IDX, TAG, IS_ALPHA, IS_LOWER, LOWER])[span.start:span.end].tolist()
        for i, (orth, space, idx, tag, alpha, is_lower, lower_) in enumerate(rows, start=span.start):
            text = strings[orth]
            texts.append(text)
            written.append(text + " " if space else text)
            starts.append(idx - base)
            names.append(i not in blocked and tag in proper and bool(alpha) and text[:1].isupper()
                         and not text.isupper())
            if is_lower:
                lower.add(strings[lower_])
        # Span.text leaves out the last token's trailing space.
        text = "".join(written[:-1]) + texts[-1] if texts else ""
        return cls(text, texts, starts, names, lower)


def _gazetteer_names(span: Span, gazetteer: Lookup, demonyms: Mapping[str, str],
                     words: _Words) -> list[tuple[int, int, str, str | None, int]]:
    """Capitalised names NER did not tag that the gazetteer knows exactly as a well-known place.

    Runs of proper-noun tokens are tried longest name first. A name counts only if it is not at the
    start of a sentence (unless a preposition comes first), not inside a person's or other non-place
    entity, not a stop word or a word this text also writes in lower case, and the place is a country,
    an admin1 unit, a continent/region or a town above MIN_POPULATION_*.
    """
    doc = span.doc
    names = words.names
    found = []
    index = 0
    while index < len(names):
        run_end = index
        while run_end < len(names) and run_end - index < MAX_NAME_TOKENS and names[run_end]:
            run_end += 1
        match = None
        for end in range(run_end, index, -1):
            match = _accepted(doc[span.start + index:span.start + end], gazetteer, demonyms, words.lower)
            if match is not None:
                break
        if match is None:
            index += 1
            continue
        start = match.start_char - span.start_char
        found.append((start, start + len(match.text), match.text, None, -1))
        index = match.end - span.start
    return found


def _misread_name(ent: Span) -> bool:
    """A "date" or "time" of capitalised words none of which is a calendar word ("Manchester" as DATE)."""
    return ent.label_ in ("DATE", "TIME") and all(
        t.is_alpha and t.text[:1].isupper() and fold(t.text) not in _NOT_PLACES for t in ent)


def _containers(text: str, gazetteer: Lookup,
                demonyms: Mapping[str, str]) -> list[tuple[int, int, str, str | None, int]]:
    """Well-known places written as the possessor of a named part ("Quetta's Zarghoon Road",
    "Jerusalem's Old City"): the part is inside them, whatever NER made of the whole."""
    found = []
    for match in _POSSESSIVE.finditer(text):
        start, end = match.span("name")
        start = _skip_leading_words(text, start, end, demonyms)
        name = text[start:end]
        if name and not _is_demonym(name, demonyms, gazetteer) and _well_known(gazetteer, name, MIN_POPULATION_ONE_WORD):
            found.append((start, end, name, None, 1))
    return found


def _national_areas(text: str, gazetteer: Lookup, demonyms: Mapping[str, str],
                    place_words: PlaceWords) -> list[tuple[int, int, str, str | None, int]]:
    """Place nouns a country adjective qualifies: "the Somali capital", "a Pakistani tribal district"."""
    found = []
    for match in place_words.national_area.finditer(text):
        if not _is_demonym(match.group("demonym"), demonyms, gazetteer):
            continue
        start, end = match.start("demonym"), match.end("noun")
        label = CAPITAL if match.group("noun") == "capital" else NATIONAL_AREA
        found.append((start, end, text[start:end], label, 1))
    return found


_AFTER_COMMA = re.compile(r",\s*(?P<name>[A-Z][A-Za-z]*\.?(?:\s?[A-Z][A-Za-z]*\.?)?)(?=[\s,;:)]|\Z)")


def _enclosing_units(text: str, found: list[tuple[int, int, str, str | None, int]],
                     gazetteer: Lookup) -> list[tuple[int, int, str, str | None, int]]:
    """A state or country written after a place ("Louisville, Ky.", "Columbia, S.C."), abbreviations too."""
    taken = [(s, e) for s, e, _, _, _ in found]
    more = []
    for _, end, _, _, _ in found:
        match = _AFTER_COMMA.match(text, end)
        if match is None:
            continue
        start, stop = match.span("name")
        if any(start < e and s < stop for s, e in taken):
            continue
        name = match.group("name")
        # "Ky." may be stored as "Ky": try the name without its closing full stop.
        if not _names_unit(gazetteer, name) and not _names_unit(gazetteer, name.rstrip(".")):
            continue
        more.append((start, stop, name, None, -1))
        taken.append((start, stop))
    return more


def _names_unit(gazetteer: Lookup, name: str) -> bool:
    """Whether the gazetteer knows the name exactly as a country or ADM1 unit."""
    return bool(name) and any(c.score == 1.0 and (c.is_country or c.fcode == "ADM1") for c in gazetteer.lookup(name))


def _propagate(span: Span, found: list[tuple[int, int, str, str | None, int]], gazetteer: Lookup,
               words: _Words, doc_ents: list[Span]) -> list[tuple[int, int, str, str | None, int]]:
    """Other mentions of names already found as places ("Alexandria man", "Fargo raised its levees").

    One name keeps one sense within an article, so a place that NER calls a person elsewhere, or
    that opens a sentence, is still that place; names inside a longer person's name are not, nor
    names the gazetteer does not know (NER's mistakes would spread), nor a person's surname, nor a
    disease's ("Marburg virus").
    """
    doc = span.doc
    people = {i - span.start for ent in _full_names(doc_ents) for i in range(ent.start, ent.end)}
    surnames = _surnames(doc_ents)
    names = {fold(text): len(text.split()) for _, _, text, _, _ in found
             if text[:1].isupper() and fold(text) not in surnames and _has_match(gazetteer, text, exact=True)}
    if not names:
        return []
    taken = [(s, e) for s, e, _, _, _ in found]
    longest = max(names.values())
    text, texts, starts = words.text, words.texts, words.starts
    more = []
    for first, word in enumerate(texts):
        if not word[:1].isupper() or first in people:
            continue
        for end in range(min(len(texts), first + longest), first, -1):
            # Span.text without building the Span: most candidates are no name at all.
            written = text[starts[first]:starts[end - 1] + len(texts[end - 1])]
            if not texts[end - 1][:1].isalnum() or fold(written) not in names or any(i in people for i in range(first, end)):
                continue
            if _names_a_disease(doc[span.start + first:span.start + end]):
                break
            start = starts[first]
            stop = start + len(written)
            if all(stop <= s or start >= e for s, e in taken):
                more.append((start, stop, written, None, -2))
                taken.append((start, stop))
            break
    return more


def _full_names(doc_ents: list[Span]) -> list[Span]:
    """People named by more than one word; not a "person" that opens with a place word ("Village Malakal")."""
    return [ent for ent in doc_ents
            if ent.label_ == "PERSON" and len(ent) > 1 and ent[0].lower_ not in FEATURE_WORDS]


def _surnames(doc_ents: list[Span]) -> set[str]:
    """Folded last names of the people the text names in full: "Stevens said", after "Ann Stevens"."""
    return {fold(ent[-1].text) for ent in _full_names(doc_ents)}


_DISEASE_WORDS = frozenset({"virus", "viruses", "fever", "disease", "strain", "vaccine", "flu"})


def _names_a_disease(name: Span) -> bool:
    """"Marburg virus", "West Nile fever": a place's name used for an illness."""
    return name.end < len(name.doc) and name.doc[name.end].lower_ in _DISEASE_WORDS


def _accepted(name: Span, gazetteer: Lookup, demonyms: Mapping[str, str], lower_words: set[str]) -> Span | None:
    """The name if it passes the filters of _gazetteer_names, else None."""
    first = name[0]
    if first.is_sent_start or first.i == 0:
        return None
    before = name.doc[first.i - 1]
    if before.is_sent_start and not before.is_alpha and before.lower_ not in _PREPOSITIONS:
        return None  # after an opening quote or bracket a sentence starts
    if len(name) == 1 and (first.is_stop or first.lower_ in lower_words or fold(first.text) in _NOT_PLACES
                           or fold(first.text) in load_common_words()):
        return None
    if _is_demonym(name.text, demonyms, gazetteer) or _names_a_disease(name):
        return None
    minimum = MIN_POPULATION_ONE_WORD if len(name) == 1 else MIN_POPULATION_MORE_WORDS
    return name if _well_known(gazetteer, name.text, minimum) else None


def _well_known(gazetteer: Lookup, name: str, minimum: int, *, any_unit: bool = False) -> bool:
    """Whether the gazetteer knows the name exactly as a country, large unit (any admin unit with
    `any_unit`) or town of `minimum` people."""
    key = norm_key(name)
    for c in gazetteer.lookup(name):
        if c.score < 1.0:
            break
        if c.is_country or c.fcode in _LARGE_UNITS or (any_unit and c.fclass == "A"):
            return True
        # A town must carry the name as its own, not as one of GeoNames' odd alternates.
        if c.fclass == "P" and c.population >= minimum and norm_key(c.name) == key:
            return True
    return False


def _non_overlapping(found: list[tuple[int, int, str, str | None, int]]) -> list[tuple[int, int, str, str | None]]:
    """Keep the longest, then highest-priority, spans that do not overlap; in text order."""
    chosen: list[tuple[int, int, str, str | None]] = []
    for start, end, text, label, _ in sorted(found, key=lambda f: (-(f[1] - f[0]), -f[4], f[0])):
        if all(end <= s or start >= e for s, e, _, _ in chosen):
            chosen.append((start, end, text, label))
    return sorted(chosen)


# A dateline opens a story with the place it was filed from, in capitals, after a headline's full
# stop or a line break: "SACRAMENTO — ...", "TBILISI, Georgia — ...", "LEBANON (AP) — ...", "BEIRUT: ...".
_DATELINE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?][\"'”’]\s)|(?<=\d\s))"
    r"(?P<name>[A-Z][A-Z'’.]*[A-Z.](?:[ -][A-Z][A-Z'’.]*[A-Z.]){0,3})"
    r"(?=(?:,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([A-Za-z]+\)\s*)?(?:—|–|--?|:|\x97)\s)")
# Name-final words that belong to a unit's name rather than to the institution after it: "Kentucky
# State Police", "Gainesville City Council".
_UNIT_WORDS = frozenset({"city", "county", "town", "township", "village", "borough", "state"})
# A state names an organisation only if it is a large one: smaller first-level units share their names
# with people and things ("Flores", "Cascade").
MIN_POPULATION_STATE = 500_000
_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                            "central", "northeast", "northwest", "southeast", "southwest"})


def _known_place(gazetteer: Lookup, name: str) -> bool:
    """Whether the gazetteer knows the name exactly as a country, admin unit, region or town of any size."""
    return _well_known(gazetteer, name, 0, any_unit=True)


def _ordinary_word(name: str, words: _Words) -> bool:
    """A name that opens with a stop word ("The Fish", "I'll"), or a one-word name that is a calendar
    word, a common word, or one this text also writes in lower case."""
    if re.split(r"[\s'’]", name.lower(), maxsplit=1)[0] in STOP_WORDS:
        return True
    key = fold(name)
    return " " not in key and (key in _NOT_PLACES or key in words.lower or key in load_common_words())


def _datelines(text: str, gazetteer: Lookup, words: _Words) -> list[tuple[int, int, str, str | None, int]]:
    """The place in capitals that opens a dispatch (see _DATELINE), if the gazetteer knows it."""
    found = []
    for match in _DATELINE.finditer(text):
        name = match.group("name")
        if not _ordinary_word(name, words) and _known_place(gazetteer, name):
            found.append((*match.span("name"), name, None, 1))
    return found


# A legislator's party and home district, as American news writes them: "Sen. Jane Roe, D-Beachwood".
_PARTY_DISTRICT = re.compile(rf"(?<=[\s(,])[DRI]-(?P<name>{_NAME})(?=[,;.)]|\s)")


def _home_districts(text: str, gazetteer: Lookup, words: _Words) -> list[tuple[int, int, str, str | None, int]]:
    """The home town or county after a legislator's party letter (see _PARTY_DISTRICT), if the gazetteer knows it."""
    found = []
    for match in _PARTY_DISTRICT.finditer(text):
        start, end = match.span("name")
        end = _trim(text, start, end)
        name = text[start:end]
        if not _ordinary_word(name, words) and _known_place(gazetteer, name):
            found.append((start, end, name, None, 1))
    return found


def _joined(token: Token) -> bool:
    """Whether a token is a hyphen joined to a name, or joined to one by a hyphen ("Wal-Mart")."""
    return token.text == "-" or (not token.whitespace_ and token.i + 1 < len(token.doc) and token.nbor().text == "-")


_WORD_ONLY = re.compile(_WORD)


def _is_name_word(token: Token) -> bool:
    """A capitalised word of a name, initials and "St." included, but not an all-capitals acronym."""
    return _WORD_ONLY.fullmatch(token.text) is not None and not (token.is_alpha and token.is_upper)


def _cued_names(span: Span, gazetteer: Lookup, demonyms: Mapping[str, str], words: _Words,
                place_words: PlaceWords, doc_ents: list[Span]) -> list[tuple[int, int, str, str | None, int]]:
    """Names the words next to them make places, whatever the model labelled them.

    "a Gainesville man", "the Concord Police", "Columbia-based" (a local noun after the name);
    "residents of Huntsville", "Hall, 19, of Gaston", "Smith of Wooster" (a residence after "of");
    "drove to Lanexa" (a motion's destination). The cue is the evidence, so a town of any size the
    gazetteer knows by that very name counts; a name inside a longer capitalised name, a one-word
    ordinary word and the surname of a person the text names do not.
    """
    doc = span.doc
    surnames = _surnames(doc_ents)
    person_ends = {ent.end for ent in doc_ents if ent.label_ == "PERSON"}
    found = []

    def accept(first: int, ends: Iterable[int]) -> None:
        """Add the first name doc[first:end] the gazetteer knows, trying `ends` in turn."""
        for end in ends:
            name = doc[first:end]
            text = name.text
            if len(name) == 1 and name[0].tag_ not in _PROPER_NOUN_TAGS:
                continue  # "Young men", "a retired Naval officer"
            if (_ordinary_word(text, words) or fold(text) in surnames or _is_demonym(text, demonyms, gazetteer)
                    or not _known_place(gazetteer, text)):
                continue
            start = name.start_char - span.start_char
            found.append((start, start + len(text), text, None, 0))
            return

    for i in range(span.start + 1, span.end):
        token = doc[i]
        word = token.lower_
        if word in place_words.local_nouns:
            last = i - 1 if doc[i - 1].text == "-" else i
            first = last
            while first > span.start and last - first < MAX_NAME_TOKENS and _is_name_word(doc[first - 1]):
                first -= 1
            before = doc[first - 1] if first > span.start else None
            if first == last or (before is not None and (
                    _joined(before) or (before.text[:1].isupper() and before.is_alpha and not before.is_stop
                                        and not before.is_sent_start))):
                continue  # part of a longer name: "George Washington High", "Wal-Mart home"
            accept(first, [last, last - 1] if doc[last - 1].lower_ in _UNIT_WORDS and last - first > 1 else [last])
        elif word in ("of", "to") and i + 1 < span.end:
            previous = doc[i - 1]
            if word == "of":
                cued = (previous.lower_ in place_words.of_nouns or previous.text == "," or previous.like_num
                        or i in person_ends)
            else:
                cued = previous.lower_ in place_words.motion_words
            if not cued:
                continue
            first = i + 1 + (doc[i + 1].lower_ == "the" and previous.lower_ in place_words.of_nouns)
            last = first
            while last < span.end and last - first < MAX_NAME_TOKENS and _is_name_word(doc[last]):
                last += 1
            if last > first and not (last < span.end and (doc[last].lower_ in ("'s", "’s") or _joined(doc[last - 1]))):
                accept(first, range(last, first, -1))
    return found


def _institution_places(span: Span, gazetteer: Lookup, doc_ents: list[Span],
                        words: _Words) -> list[tuple[int, int, str, str | None, int]]:
    """A country or state that opens an organisation's name or follows its "of": "the Minnesota
    Department of Transportation", "the Kentucky State Police", "the Association of Western Pennsylvania"."""
    found = []
    for ent in doc_ents:
        if ent.label_ != "ORG" or ent.start < span.start or ent.end > span.end:
            continue
        starts = [ent.start + (ent[0].lower_ == "the")]
        starts += [t.i + 1 for t in ent[:-1] if t.lower_ == "of"]
        for first in starts:
            while first < ent.end - 1 and ent.doc[first].lower_ in _COMPASS_WORDS:
                first += 1
            last = first
            while last < ent.end and last - first < MAX_NAME_TOKENS and _is_name_word(ent.doc[last]):
                last += 1
            for end in range(first + 1, last + 1):  # shortest first: "Minnesota", not "Minnesota Department"
                name = ent.doc[first:end]
                if _ordinary_word(name.text, words):
                    continue
                if any(c.score == 1.0 and (c.is_country or c.fcode in _LARGE_UNITS and c.population >= MIN_POPULATION_STATE)
                       for c in gazetteer.lookup(name.text)):
                    start = name.start_char - span.start_char
                    found.append((start, start + len(name.text), name.text, None, 0))
                    break
    return found


def _country_initials(span: Span, gazetteer: Lookup) -> list[tuple[int, int, str, str | None, int]]:
    """Countries written in capital initials ("the DRC", "US Centers", "USA Today"), unless the words
    around are capitals too (a shouted headline, where "US" may be the pronoun)."""
    doc = span.doc
    found = []
    for i in range(span.start, span.end):
        token = doc[i]
        letters = token.text.replace(".", "")
        if not (len(letters) >= 2 and letters.isalpha() and letters.isupper()):
            continue
        around = [doc[j] for j in (i - 1, i + 1) if span.start <= j < span.end and doc[j].is_alpha and len(doc[j]) > 1]
        if any(t.is_upper for t in around):
            continue
        if any(c.score == 1.0 and c.is_country for c in gazetteer.lookup(token.text)):
            start = token.idx - span.start_char
            found.append((start, start + len(token.text), token.text, None, 0))
    return found


def _plural_features(text: str, gazetteer: Lookup, demonyms: Mapping[str, str],
                     place_words: PlaceWords) -> list[tuple[int, int, str, str | None, int]]:
    """Each name of a list a plural place noun follows, if the gazetteer knows it: "Barrow and Jackson
    counties" (see PlaceWords)."""
    found = []
    for match in place_words.plural_list.finditer(text):
        hint = place_words.plural_features[match.group("feature")]
        offset = match.start("names")
        for listed in re.finditer(_NAME, match.group("names")):
            start, end = offset + listed.start(), offset + listed.end()
            start = _skip_leading_words(text, start, end, demonyms)
            name = text[start:end]
            if name and fold(name) not in _NOT_PLACES and _has_match(gazetteer, name, exact=True):
                found.append((start, end, name, hint, 2))
    return found


# Three or more names with commas, or names joined by "and"/"or": "Israel, Clinton said" is no list.
_NAME_LIST = re.compile(rf"(?<![\w'’]){_NAME}(?:(?:,\s+{_NAME}){{2,}}(?:,?\s+(?:and|or)\s+{_NAME})?"
                        rf"|(?:,\s+{_NAME})*,?\s+(?:and|or)\s+{_NAME})")


def _coordinated(text: str, found: list[tuple[int, int, str, str | None, int]], gazetteer: Lookup,
                 demonyms: Mapping[str, str], words: _Words,
                 doc_ents: list[Span]) -> list[tuple[int, int, str, str | None, int]]:
    """Names listed with a place already found ("Darfur and Malakal", "Suba, Migori, Homa Bay"): a list
    names things of one kind, so its other names the gazetteer knows exactly are places too."""
    taken = [(s, e) for s, e, _, _, priority in found if priority >= 0]  # not the gazetteer's guesses
    surnames = _surnames(doc_ents)
    more = []
    for match in _NAME_LIST.finditer(text):
        names = [(match.start() + m.start(), match.start() + m.end()) for m in re.finditer(_NAME, match.group())]
        known = [any(s < e2 and s2 < e for s2, e2 in taken) for s, e in names]
        if not any(known):
            continue
        for (start, end), is_known in zip(names, known):
            start = _skip_leading_words(text, start, end, demonyms)
            name = text[start:end]
            if (is_known or not name or _ordinary_word(name, words) or fold(name) in surnames
                    or _is_demonym(name, demonyms, gazetteer)):
                continue
            if _known_place(gazetteer, name):
                more.append((start, end, name, None, -1))
    return more
