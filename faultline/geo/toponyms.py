"""Toponym recognition: spaCy's GPE/LOC/FAC entities plus patterns for places NER misses."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, LOWER, ORTH, SPACY, TAG
from spacy.tokens import Doc, Span

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
_FEATURE_OF_NAME = re.compile(rf"\b(?P<feature>village|town|city|district|province|region|governorate|county) of (?P<name>{_NAME})")
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
        name = text[start:end]
        if not name or _is_demonym(name, demonyms, gazetteer) or not name[0].isupper():
            continue
        if ent.label_ != "GPE" and not _has_match(gazetteer, name, exact=ent.label_ == "FAC"):
            continue
        found.append((start, end, name, ent.label_, 1))
    place_words = load_place_words()
    for pattern in (_NAME_THEN_FEATURE, _FEATURE_OF_NAME, place_words.landmark):
        for match in pattern.finditer(text):
            feature = match.group("feature").lower()
            # "the Nad Ali district of Helmand", "a residential district of Kharkiv": after "district
            # of" and "region of" comes the larger unit, so the word says nothing about the name.
            hint = None if pattern is _FEATURE_OF_NAME and feature in ("district", "region") else FEATURE_WORDS.get(feature, LANDMARK)
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
    full_names = [ent for ent in doc_ents if ent.label_ == "PERSON" and len(ent) > 1]
    people = {i - span.start for ent in full_names for i in range(ent.start, ent.end)}
    surnames = {fold(ent[-1].text) for ent in full_names}  # "Stevens said", after "Ann Stevens"
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
            if fold(written) not in names or any(i in people for i in range(first, end)):
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


def _well_known(gazetteer: Lookup, name: str, minimum: int) -> bool:
    """Whether the gazetteer knows the name exactly as a country, large unit or town of `minimum` people."""
    key = norm_key(name)
    for c in gazetteer.lookup(name):
        if c.score < 1.0:
            break
        if c.is_country or c.fcode in _LARGE_UNITS:
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
