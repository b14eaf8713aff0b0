"""Toponym recognition: spaCy's GPE/LOC/FAC entities plus patterns for places NER misses."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Protocol

from spacy.tokens import Doc, Span

from faultline.geo.gazetteer import Candidate
from faultline.geo.names import fold
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
_NAME = r"[A-Z][\w'’.]*(?:[- ](?:[A-Z][\w'’.]*|al|el|e|i|ul|de))*"
_FEATURES = "|".join(sorted(map(re.escape, FEATURE_WORDS), key=len, reverse=True))
_NAME_THEN_FEATURE = re.compile(rf"(?<![\w'’])(?P<name>{_NAME})[ -](?P<feature>(?i:{_FEATURES}))\b")
_FEATURE_OF_NAME = re.compile(rf"\b(?P<feature>village|town|city|district|province|region|governorate|county) of (?P<name>{_NAME})")
_AFTER_PREPOSITION = re.compile(
    rf"\b(?:in|near|at|outside|into|toward|towards|from|across"
    rf"|(?:(?:north|south|east|west)(?:-?(?:east|west))?|outskirts|outside|edge|vicinity) of) (?P<name>{_NAME})")
# Capitalised words that follow prepositions but are not places.
_NOT_PLACES = frozenset(fold(w) for w in (
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday Spring Summer Autumn Fall Winter Christmas Easter Ramadan Eid "
    "God Allah Islam Internet Parliament Congress Senate Government President Police Army The A An His Her"
).split())
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NON_PLACE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")


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
    base = offset + span.start_char
    text = span.text
    found: list[tuple[int, int, str, str | None, int]] = []  # start, end, text, label, priority
    other_entities: list[tuple[int, int]] = []
    for ent in span.ents:
        start, end = ent.start_char - span.start_char, ent.end_char - span.start_char
        if ent.label_ not in PLACE_LABELS:
            # Trust the model's numbers and dates; its other labels often misname towns (a town
            # as a person, a nationality or a language); demonyms are filtered separately.
            if ent.label_ in NON_PLACE_LABELS:
                other_entities.append((start, end))
            continue
        stripped = _LEADING_ARTICLE.match(ent.text)
        if stripped:
            start += stripped.end()
        name = text[start:end]
        if not name or _is_demonym(name, demonyms, gazetteer) or not name[0].isupper():
            continue
        if ent.label_ != "GPE" and not _has_match(gazetteer, name, exact=ent.label_ == "FAC"):
            continue
        found.append((start, end, name, ent.label_, 1))
    for pattern in (_NAME_THEN_FEATURE, _FEATURE_OF_NAME):
        for match in pattern.finditer(text):
            feature = match.group("feature").lower()
            # "the Nad Ali district of Helmand", "a residential district of Kharkiv": after "district
            # of" and "region of" comes the larger unit, so the word says nothing about the name.
            hint = None if pattern is _FEATURE_OF_NAME and feature in ("district", "region") else FEATURE_WORDS[feature]
            start, end = (match.start("name"), match.end()) if pattern is _NAME_THEN_FEATURE else match.span("name")
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
    return [Toponym(text=t, start=base + s, end=base + e, label=label) for s, e, t, label in _non_overlapping(found)]


def _non_overlapping(found: list[tuple[int, int, str, str | None, int]]) -> list[tuple[int, int, str, str | None]]:
    """Keep the longest, then highest-priority, spans that do not overlap; in text order."""
    chosen: list[tuple[int, int, str, str | None]] = []
    for start, end, text, label, _ in sorted(found, key=lambda f: (-(f[1] - f[0]), -f[4], f[0])):
        if all(end <= s or start >= e for s, e, _, _ in chosen):
            chosen.append((start, end, text, label))
    return sorted(chosen)
