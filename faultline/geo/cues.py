"""Places the words around a name reveal, whatever NER made of it: datelines, "a Gainesville man",
"residents of Huntsville", agencies named after their state, capitalised country initials, lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from spacy.tokens import Doc, Span, Token

from faultline.geo.name_words import (
    FEATURE_WORDS,
    LARGE_UNITS,
    MAX_NAME_TOKENS,
    NAME,
    NOT_PLACES,
    PROPER_NOUN_TAGS,
    WORD,
    Lookup,
    PlaceWords,
    Words,
    countries_named,
    has_match,
    is_demonym,
    known_place,
    ordinary_word,
    particle_in_name,
    person_surnames,
    skip_leading_words,
    trim,
    well_known,
)
from faultline.geo.names import fold
from faultline.nlp.datelines import DATELINE

# A dateline (see DATELINE) opens a story with the place it was filed from: at the start, after a
# headline's full stop or a line break, or after a byline's date ("March 24, 2009 MANSFIELD -- ").
_DATELINE = re.compile(r"(?:^|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?][\"'”’]\s)|(?<=\d\s))" + DATELINE.pattern)
# Name-final words that belong to a unit's name rather than to the institution after it: "Kentucky
# State Police", "Gainesville City Council".
_UNIT_WORDS = frozenset({"city", "county", "town", "township", "village", "borough", "state"})
# A state names an organisation only if it is a large one: smaller first-level units share their names
# with people and things ("Flores", "Cascade").
MIN_POPULATION_STATE = 500_000
# Cities this large speak through their governments ("Gainesville says") and are rarely surnames.
MIN_POPULATION_SPEAKER = 100_000
_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                            "central", "northeast", "northwest", "southeast", "southwest"})
# Words that name a part of a place whose name follows ("North Kivu", "Lower Shabelle").
_PART_WORDS = _COMPASS_WORDS | {"upper", "lower", "middle"}


def datelines(text: str, gazetteer: Lookup, words: Words) -> list[tuple[int, int, str, str | None, int]]:
    """The place in capitals that opens a dispatch (see _DATELINE), if the gazetteer knows it."""
    found = []
    for match in _DATELINE.finditer(text):
        name = match.group("name")
        if not ordinary_word(name, words) and known_place(gazetteer, name):
            found.append((*match.span("name"), name, None, 1))
    return found


# A legislator's party and home district, as American news writes them: "Sen. Jane Roe, D-Beachwood".
_PARTY_DISTRICT = re.compile(rf"(?<=[\s(,])[DRI]-(?P<name>{NAME})(?=[,;.)]|\s)")


def home_districts(text: str, gazetteer: Lookup, words: Words) -> list[tuple[int, int, str, str | None, int]]:
    """The home town or county after a legislator's party letter (see _PARTY_DISTRICT), if the gazetteer knows it."""
    found = []
    for match in _PARTY_DISTRICT.finditer(text):
        start, end = match.span("name")
        end = trim(text, start, end)
        name = text[start:end]
        if not ordinary_word(name, words) and known_place(gazetteer, name):
            found.append((start, end, name, None, 1))
    return found


def _joined(token: Token) -> bool:
    """Whether a token is a hyphen joined to a name, or joined to one by a hyphen ("Wal-Mart")."""
    return token.text == "-" or (not token.whitespace_ and token.i + 1 < len(token.doc) and token.nbor().text == "-")


_WORD_ONLY = re.compile(WORD)


def _country_before(doc: Doc, first_allowed: int, end: int, gazetteer: Lookup) -> str | None:
    """The country whose name ends right before token `end` ("South Sudan" before "'s"), if any."""
    start = end
    while start > first_allowed and end - start < MAX_NAME_TOKENS and _is_name_word(doc[start - 1]):
        start -= 1
    for first in range(start, end):
        countries = countries_named(doc[first:end].text, gazetteer)
        if countries:
            return countries[0]
    return None


def _name_end(doc: Doc, first: int, limit: int) -> int:
    """Where the capitalised name starting at token `first` ends: at most MAX_NAME_TOKENS words, not past `limit`."""
    last = first
    while last < limit and last - first < MAX_NAME_TOKENS and _is_name_word(doc[last]):
        last += 1
    return last


def _is_name_word(token: Token) -> bool:
    """A capitalised word of a name, initials and "St." included, but not an all-capitals acronym."""
    return _WORD_ONLY.fullmatch(token.text) is not None and not (token.is_alpha and token.is_upper)


def _unit_of_a_word(name: Span, words: Words) -> bool:
    """Whether a name is a unit label and an ordinary word: "District Police (Officer)", which the
    gazetteer would read as a district named Police."""
    rest = [t.text for t in name if t.lower_ not in FEATURE_WORDS]
    return 0 < len(rest) < len(name) and ordinary_word(" ".join(rest), words)


def cued_names(span: Span, gazetteer: Lookup, demonyms: Mapping[str, str], words: Words,
                place_words: PlaceWords, doc_ents: list[Span]) -> list[tuple[int, int, str, str | None, int]]:
    """Names the words next to them make places, whatever the model labelled them.

    "a Gainesville man", "the Concord Police", "Columbia-based" (a local noun after the name);
    "residents of Huntsville", "Hall, 19, of Gaston", "Smith of Wooster" (a residence after "of");
    "drove to Lanexa" (a motion's destination); "a missile strike on Kharkiv", "shelled Kharkiv" (an
    attack's target); "the capital Sanaa" (a place noun the name stands beside);
    "in Kenya's Kisumu" (a town of the country that owns it, though the model read an organisation).
    The cue is the evidence, so a town of any size the gazetteer knows by that very name counts; a
    name inside a longer capitalised name, a one-word ordinary word and the surname of a person the
    text names do not.
    """
    doc = span.doc
    surnames = person_surnames(doc_ents)
    person_ends = {ent.end for ent in doc_ents if ent.label_ == "PERSON"}
    found = []

    def accept(first: int, ends: Iterable[int]) -> None:
        """Add the first name doc[first:end] the gazetteer knows, trying `ends` in turn."""
        for end in ends:
            name = doc[first:end]
            text = name.text
            if len(name) == 1 and name[0].tag_ not in PROPER_NOUN_TAGS:
                continue  # "Young men", "a retired Naval officer"
            if (ordinary_word(text, words) or fold(text) in surnames or is_demonym(text, demonyms, gazetteer)
                    or _unit_of_a_word(name, words) or not known_place(gazetteer, text)):
                continue
            start = name.start_char - span.start_char
            found.append((start, start + len(text), text, None, 0))
            return

    for i in range(span.start + 1, span.end):
        word = words.lowers[i - span.start]
        if word in place_words.local_nouns:
            last = i - 1 if doc[i - 1].text == "-" else i
            first = last
            while first > span.start and last - first < MAX_NAME_TOKENS and _is_name_word(doc[first - 1]):
                first -= 1
            before = doc[first - 1] if first > span.start else None
            if first == last or (before is not None and (
                    _joined(before) or (before.text[:1].isupper() and before.is_alpha and not before.is_stop
                                        and not before.is_sent_start) or particle_in_name(before))):
                # part of a longer name: "George Washington High", "Wal-Mart home", "the Maguindanao del
                # Sur Police"
                continue
            accept(first, [last, last - 1] if doc[last - 1].lower_ in _UNIT_WORDS and last - first > 1 else [last])
        elif word in place_words.apposed_nouns and doc[i].is_lower and i + 1 < span.end and doc[i + 1].text[:1].isupper():
            last = _name_end(doc, i + 1, span.end)
            if last > i + 1:
                accept(i + 1, [last])  # "the capital Sanaa": the whole name only
        elif doc[i].pos_ == "VERB" and doc[i].lemma_ in place_words.target_verbs and i + 1 < span.end:
            last = _name_end(doc, i + 1, span.end)
            # the whole name only: "attacked Camp Shorabak" is no attack on a town called Camp
            if last > i + 1 and any(t.dep_ == "dobj" and t.head.i == i for t in doc[i + 1:last]):
                accept(i + 1, [last])
        elif word in ("'s", "’s") and i + 1 < span.end:
            owner = _country_before(doc, span.start, i, gazetteer)
            first = i + 1
            last = _name_end(doc, first, span.end) if owner else first
            for end in range(last, first, -1):
                name = doc[first:end]
                if not ordinary_word(name.text, words) and any(
                        c.country == owner and not c.is_country for c in gazetteer.lookup(name.text, exact=True)):
                    start = name.start_char - span.start_char
                    found.append((start, start + len(name.text), name.text, None, 0))
                    break
        elif word in ("of", "to", "on") and i + 1 < span.end:
            previous = doc[i - 1]
            if word == "of":
                cued = (previous.lower_ in place_words.of_nouns or previous.text == "," or previous.like_num
                        or i in person_ends)
            elif word == "to":
                cued = previous.lower_ in place_words.motion_words
            else:
                cued = previous.lower_ in place_words.strike_words
            if not cued:
                continue
            first = i + 1 + (doc[i + 1].lower_ == "the" and previous.lower_ in place_words.of_nouns)
            last = _name_end(doc, first, span.end)
            if last > first and not (last < span.end and (doc[last].lower_ in ("'s", "’s") or _joined(doc[last - 1]))):
                accept(first, range(last, first, -1))
    return found


def institution_places(span: Span, gazetteer: Lookup, doc_ents: list[Span],
                        words: Words) -> list[tuple[int, int, str, str | None, int]]:
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
            last = _name_end(ent.doc, first, ent.end)
            for end in range(first + 1, last + 1):  # shortest first: "Minnesota", not "Minnesota Department"
                name = ent.doc[first:end]
                if ordinary_word(name.text, words):
                    continue
                if any(c.is_country or c.fcode in LARGE_UNITS and c.population >= MIN_POPULATION_STATE
                       for c in gazetteer.lookup(name.text, exact=True)):
                    start = name.start_char - span.start_char
                    found.append((start, start + len(name.text), name.text, None, 0))
                    break
    return found


def country_initials(span: Span, gazetteer: Lookup, words: Words) -> list[tuple[int, int, str, str | None, int]]:
    """Countries written in capital initials ("the DRC", "US Centers", "USA Today"), unless the words
    around are capitals too (a shouted headline, where "US" may be the pronoun)."""
    doc = span.doc
    found = []
    for index, text in enumerate(words.texts):
        letters = text.replace(".", "")
        if not (len(letters) >= 2 and letters.isalpha() and letters.isupper()):
            continue
        i = span.start + index
        around = [doc[j] for j in (i - 1, i + 1) if span.start <= j < span.end and doc[j].is_alpha and len(doc[j]) > 1]
        if any(t.is_upper for t in around):
            continue
        if countries_named(text, gazetteer):
            start = words.starts[index]
            found.append((start, start + len(text), text, None, 0))
    return found


def plural_features(text: str, gazetteer: Lookup, demonyms: Mapping[str, str],
                     place_words: PlaceWords) -> list[tuple[int, int, str, str | None, int]]:
    """Each name of a list a plural place noun follows or opens, if the gazetteer knows it: "Barrow and
    Jackson counties", "the towns of Bint Jbeil and Aynata" (see PlaceWords)."""
    found = []
    for match in (*place_words.plural_list.finditer(text), *place_words.plural_of_list.finditer(text)):
        hint = place_words.plural_features[match.group("feature")]
        offset = match.start("names")
        for listed in re.finditer(NAME, match.group("names")):
            start, end = offset + listed.start(), offset + listed.end()
            start = skip_leading_words(text, start, end, demonyms)
            name = text[start:end]
            if fold(name) in _PART_WORDS:
                continue  # "the Middle and Lower Shabelle regions": a part of the place named last, no "Middle"
            if name and fold(name) not in NOT_PLACES and has_match(gazetteer, name, exact=True):
                found.append((start, end, name, hint, 2))
    return found


# Three or more names with commas, or names joined by "and"/"or": "Israel, Clinton said" is no list.
_NAME_LIST = re.compile(rf"(?<![\w'’]){NAME}(?:(?:,\s+{NAME}){{2,}}(?:,?\s+(?:and|or)\s+{NAME})?"
                        rf"|(?:,\s+{NAME})*,?\s+(?:and|or)\s+{NAME})")


def coordinated(text: str, found: list[tuple[int, int, str, str | None, int]], gazetteer: Lookup,
                 demonyms: Mapping[str, str], words: Words,
                 doc_ents: list[Span]) -> list[tuple[int, int, str, str | None, int]]:
    """Names listed with a place already found ("Darfur and Malakal", "Suba, Migori, Homa Bay"): a list
    names things of one kind, so its other names the gazetteer knows exactly are places too."""
    taken = [(s, e) for s, e, _, _, priority in found if priority >= 0]  # not the gazetteer's guesses
    surnames = person_surnames(doc_ents)
    more = []
    for match in _NAME_LIST.finditer(text):
        names = [(match.start() + m.start(), match.start() + m.end()) for m in re.finditer(NAME, match.group())]
        known = [any(s < e2 and s2 < e for s2, e2 in taken) for s, e in names]
        if not any(known):
            continue
        for (start, end), is_known in zip(names, known):
            start = skip_leading_words(text, start, end, demonyms)
            name = text[start:end]
            if (is_known or not name or ordinary_word(name, words) or fold(name) in surnames
                    or is_demonym(name, demonyms, gazetteer)):
                continue
            if known_place(gazetteer, name):
                more.append((start, end, name, None, -1))
    return more


def person_names(span: Span, gazetteer: Lookup, place_words: PlaceWords, doc_ents: list[Span],
                 words: Words) -> set[str]:
    """Folded one-word names the text uses for a person, which then name no place anywhere in it.

    A word is a person's if it is the surname of a person named in full ("Darren Ripley ... coach
    Ripley"), follows a person's title ("coach Ripley") or opens a speech verb ("Altom said"). The
    model's own PERSON labels are no evidence: it calls towns people too often. One name keeps one
    sense within an article (as in toponyms._propagate). A country, first-level unit or city stays a
    place: "Tbilisi says" is its government speaking, "Historic Dublin" no person.
    """
    doc = span.doc
    names = person_surnames(doc_ents)
    for i in range(span.start, span.end):
        if not words.texts[i - span.start][:1].isupper():
            continue  # most words: no Token needed to rule them out
        token = doc[i]
        if not (token.is_alpha and token.tag_ in PROPER_NOUN_TAGS):
            continue
        titled = i > span.start and doc[i - 1].lower_.rstrip(".") in place_words.person_titles
        # Not after a preposition: "a former resident of Lubbock told reporters" is the resident speaking.
        speaking = (i + 1 < span.end and doc[i + 1].lemma_ in place_words.speech_verbs
                    and not (i > span.start and doc[i - 1].pos_ == "ADP"))
        if titled or speaking:
            names.add(fold(token.text))
    return {name for name in names if not well_known(gazetteer, name, MIN_POPULATION_SPEAKER)}
