"""Toponym recognition: spaCy's GPE/LOC/FAC entities plus patterns for places NER misses."""

from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Doc, Span

from faultline.geo.cues import (
    coordinated,
    country_initials,
    cued_names,
    datelines,
    home_districts,
    institution_places,
    person_names,
    plural_features,
)
from faultline.geo.name_words import (
    CAPITAL,
    FEATURE_WORDS,
    LANDMARK,
    LARGE_UNITS,
    MAX_NAME_TOKENS,
    MIN_POPULATION_MORE_WORDS,
    MIN_POPULATION_ONE_WORD,
    NAME,
    NATIONAL_AREA,
    NOT_PLACES,
    PART_OF,
    Lookup,
    PlaceWords,
    Words,
    countries_named,
    full_names,
    has_match,
    is_demonym,
    load_common_words,
    load_place_words,
    particle_in_name,
    person_surnames,
    skip_leading_words,
    trim,
    well_known,
)
from faultline.geo.names import fold, is_acronym, norm_key
from faultline.model import Toponym

_FEATURES = "|".join(sorted(map(re.escape, FEATURE_WORDS), key=len, reverse=True))
_NAME_THEN_FEATURE = re.compile(rf"(?<![\w'’])(?P<name>{NAME})[ -](?P<feature>(?i:{_FEATURES}))\b")
_FEATURE_OF_NAME = re.compile(rf"\b(?P<feature>village|town|city|district|province|region|governorate|county"
                              rf"|state|island|isle|mountain|mountains|municipality|commune|department)"
                              rf" of (?P<name>{NAME})")
# "the state of Guanajuato" names the unit as "Kaduna state" does; a state word after a name is
# left to the resolver, for "Islamic State" and "Washington State University" are none.
_UNIT_BEFORE_OF = {**FEATURE_WORDS, "state": FEATURE_WORDS["province"]}
_OPENING_PREPOSITION = re.compile(r"(?:In|Near|At|Outside|Inside|Into|From|Across|Around|Throughout|Along) ")
_AFTER_PREPOSITION = re.compile(
    rf"\b(?:in|near|at|outside|into|toward|towards|from|across|through|throughout|around|between|linking|connecting"
    rf"|(?:(?:north|south|east|west)(?:-?(?:east|west))?|outskirts|outside|edge|vicinity) of) (?P<name>{NAME})")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NON_PLACE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "into", "toward", "towards", "from", "across", "to", "of",
                           "through", "around", "between", "throughout", "via", "within", "inside", "and"})
# Entities whose words are not places even when a place shares their name ("Charlotte Smith",
# "University of Superior"); a name the text places elsewhere is still found there (_propagate).
_NOT_PLACE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "LANGUAGE", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT",
                                 *NON_PLACE_LABELS})
# A city this large is a place even where the model labels or bounds its name wrongly (see _big_place).
MIN_POPULATION_BIG_CITY = 100_000
# Labels the model gives place names it does not know (see _names_well_known_place).
_MISREAD_AS = frozenset({"NORP"})
_POSSESSIVE = re.compile(rf"(?<![\w'’])(?P<name>{NAME})['’]s\s+(?=[A-Z])")
# "in Somalia's capital" with no name after it: "capital" is the country's capital, and the country
# stays a place of its own.
_COUNTRYS_CAPITAL = re.compile(rf"(?<![\w'’])(?P<country>{NAME})['’]s\s+(?P<capital>capital)\b(?![ ,]*[A-Z])")
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


def _without_office(text: str, start: int, end: int, place_words: PlaceWords) -> int:
    """End of a place without the office or body the model took into it ("Harris County Clerk",
    "Gainesville Police Department" -> "Harris County", "Gainesville"): see PlaceWords.local_nouns."""
    while (last := text.rfind(" ", start, end)) > start and text[last + 1:end].lower() in place_words.local_nouns \
            and text[last + 1:last + 2].isupper():
        end = last
    return end


def _known_head(text: str, start: int, end: int, gazetteer: Lookup) -> int:
    """End of the big place that opens a name the gazetteer does not know: a title-case headline
    runs on into the next words ("in Kandahar Raids")."""
    name = text[start:end]
    if " " not in name or has_match(gazetteer, name, exact=True):
        return end
    while (last := text.rfind(" ", start, end)) > start:
        end = last
        if _big_place(gazetteer, text[start:end]):
            return end
    return start + len(name)


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
    person_tokens = {t.i for ent in doc_ents if ent.label_ == "PERSON" for t in ent if t.is_alpha and t.is_title}
    words = Words.read(span, blocked)
    base = offset + span.start_char
    text = words.text
    found: list[tuple[int, int, str, str | None, int]] = []  # start, end, text, label, priority
    other_entities: list[tuple[int, int]] = []
    place_words = load_place_words()
    for ent in doc_ents:
        if ent.start < span.start or ent.end > span.end:
            continue
        start, end = ent.start_char - span.start_char, ent.end_char - span.start_char
        if ent.label_ in _MISREAD_AS and _names_well_known_place(ent, gazetteer, demonyms) or (
                ent.label_ in ("ORG", "PERSON") and countries_named(ent.text, gazetteer)):
            # An organisation or person the model reads where the words are, exactly, a country ("DR Congo", "Mali").
            found.append((start, end, ent.text, None, 1))
            continue
        if ent.label_ not in PLACE_LABELS:
            # Trust the model's numbers and dates; its other labels often misname towns (a town
            # as a person, a nationality or a language); demonyms are filtered separately.
            if ent.label_ in NON_PLACE_LABELS and not _misread_name(ent):
                other_entities.append((start, end))
            continue
        if len(ent) == 1 and ent[0].is_alpha and (ent.start - 1 in person_tokens or ent.end in person_tokens):
            continue  # one word of a person's name the model split off ("Rebecca" before "Ann Johnston")
        if _names_a_disease(ent) and not _names_unit(gazetteer, ent.text):
            continue  # but "the United States flu season" is the country's
        stripped = _LEADING_ARTICLE.match(text[start:end])
        if stripped:
            start += stripped.end()
        for part_start, part_end in _dash_parts(text, start, end):
            part_end = _without_office(text, part_start, _end_of_name(text, part_start, part_end), place_words)
            part_end = _known_head(text, part_start, part_end, gazetteer)
            name = text[part_start:part_end]
            # The model takes acronyms ("MoD") for places: only the gazetteer's ("US", "NY") are.
            if name and name[0].isupper() and not is_demonym(name, demonyms, gazetteer) and (
                    ent.label_ == "GPE" and not is_acronym(name) or has_match(gazetteer, name, exact=ent.label_ == "FAC")):
                found.append((part_start, part_end, name, ent.label_, 1))
    faiths = {(ent.start_char - span.start_char, ent.end_char - span.start_char) for ent in doc_ents
              if ent.label_ == "NORP"}
    for pattern in (_NAME_THEN_FEATURE, _FEATURE_OF_NAME, place_words.landmark):
        for match in pattern.finditer(text):
            feature = match.group("feature").lower()
            # "the Nad Ali district of Helmand", "a residential district of Kharkiv": after "district
            # of" and "region of" comes the larger unit, so the word says nothing about the name.
            if pattern is _FEATURE_OF_NAME:
                hint = None if feature in ("district", "region") else _UNIT_BEFORE_OF.get(feature)
            else:
                hint = FEATURE_WORDS.get(feature, LANDMARK)
            start, end = match.span("name") if pattern is _FEATURE_OF_NAME else (match.start("name"), match.end())
            start = skip_leading_words(text, start, match.end("name"), demonyms)
            start = _past_opening_preposition(text, start, match.end("name"), gazetteer)
            end = trim(text, start, end)
            name = text[start:match.end("name")]
            if not name or fold(name) in NOT_PLACES:
                continue
            if (start, match.end("name")) in faiths and not has_match(gazetteer, name, exact=True):
                continue  # "the Catholic parish in Komanda": a church's, no place called Catholic
            if pattern is _NAME_THEN_FEATURE and countries_named(name, gazetteer):
                # "RSF attack on Sudan village": a village in the country, not one named after it
                found.append((start, start + len(name), name, None, 2))
                continue
            found.append((start, end, text[start:end], hint, 2))
    for match in _AFTER_PREPOSITION.finditer(text):
        start, end = match.span("name")
        end = trim(text, start, end)
        name = text[start:end]
        if fold(name) in NOT_PLACES or is_demonym(name, demonyms, gazetteer):
            continue
        if any(s < end and start < e for s, e in other_entities):
            continue  # spaCy read it as a date, number, nationality...: trust that
        if has_match(gazetteer, name, exact=True):
            found.append((start, end, name, None, 0))
    found.extend(_containers(text, gazetteer, demonyms))
    found.extend(_national_areas(text, gazetteer, demonyms, place_words))
    found.extend(_gazetteer_names(span, gazetteer, demonyms, words))
    found.extend(datelines(text, gazetteer, words))
    found.extend(home_districts(text, gazetteer, words))
    found.extend(cued_names(span, gazetteer, demonyms, words, place_words, doc_ents))
    found.extend(institution_places(span, gazetteer, doc_ents, words))
    found.extend(country_initials(span, gazetteer, words))
    found.extend(plural_features(text, gazetteer, demonyms, place_words))
    # Before the passes that spread a name to its other mentions: a person's name must not spread.
    people = person_names(span, gazetteer, place_words, doc_ents, words)
    found = [f for f in found if " " in f[2] or fold(f[2]) not in people]
    found.extend(coordinated(text, found, gazetteer, demonyms, words, doc_ents))
    found.extend(_propagate(span, found, gazetteer, words, doc_ents))
    found.extend(_enclosing_units(text, found, gazetteer))
    return [Toponym(text=t, start=base + s, end=base + e, label=label) for s, e, t, label in _non_overlapping(found)]


def _past_opening_preposition(text: str, start: int, end: int, gazetteer: Lookup) -> int:
    """`start` moved past a capitalised preposition opening a sentence ("In Kunduz province, ..."), unless
    the gazetteer knows the name with it ("In Amenas")."""
    word = _OPENING_PREPOSITION.match(text, start, end)
    if word is None or word.end() >= end or has_match(gazetteer, text[start:end], exact=True):
        return start
    return word.end()


def _gazetteer_names(span: Span, gazetteer: Lookup, demonyms: Mapping[str, str],
                     words: Words) -> list[tuple[int, int, str, str | None, int]]:
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
        while run_end < len(names) and _name_length(words, index, run_end) < MAX_NAME_TOKENS and names[run_end]:
            run_end += 1
        # A place named after a person runs on into the words the model took for the person ("Dera
        # Ghazi Khan", "Dera" and "Ghazi Khan"): the whole name, where the gazetteer knows it.
        longest = run_end
        while index < run_end < len(names) and longest < len(names) \
                and _name_length(words, index, longest) < MAX_NAME_TOKENS \
                and doc[span.start + longest].tag_ == "NNP" and doc[span.start + longest].is_title:
            longest += 1
        match = None
        for end in range(longest, index, -1):
            if "-" in (words.texts[index], words.texts[end - 1]):
                continue  # ("Damascus-Aleppo highway": "Damascus", not "Damascus-")
            match = _accepted(doc[span.start + index:span.start + end], gazetteer, demonyms, words.lower)
            if match is not None:
                break
        if match is None:
            index += 1
            continue
        if _ends_unknown_place(match) or match.end < len(doc) and particle_in_name(doc[match.end]):
            # (nor a name's first words: "the Palacio de Justicia" is no palace district of Madrid)
            index = match.end - span.start
            continue
        start = match.start_char - span.start_char
        found.append((start, start + len(match.text), match.text, None, -1))
        index = match.end - span.start
    return found


def _name_length(words: Words, start: int, end: int) -> int:
    """The words of a name from token `start` to `end`, its hyphens uncounted ("Croix-des-Bouquets": 3)."""
    return sum(1 for text in words.texts[start:end] if text != "-")


def _names_well_known_place(ent: Span, gazetteer: Lookup, demonyms: Mapping[str, str]) -> bool:
    """A nationality or group that is, word for word, a well-known place and no demonym: the small
    model reads Arabic names so ("Aleppo" as NORP). Acronyms ("ISIS") are the groups they seem.
    Organisations are often named after a city ("Toyota", "Lincoln"), so ORG entities stay ORG."""
    if ent[0].lower_ == "the" or is_acronym(ent.text) or is_demonym(ent.text, demonyms, gazetteer):
        return False
    return _big_place(gazetteer, ent.text)


def _big_place(gazetteer: Lookup, name: str) -> bool:
    """Whether a name is a country or large unit, or the own name of a city of MIN_POPULATION_BIG_CITY
    (GeoNames' alternates of big cities include words like "Google" and "Royal")."""
    key = norm_key(name)
    return fold(name) not in load_common_words() and any(
        c.is_country or c.fcode in LARGE_UNITS
        or c.fclass == "P" and c.population >= MIN_POPULATION_BIG_CITY and norm_key(c.name) == key
        for c in gazetteer.lookup(name, exact=True))


def _misread_name(ent: Span) -> bool:
    """A "date" or "time" of capitalised words none of which is a calendar word ("Manchester" as DATE)."""
    return ent.label_ in ("DATE", "TIME") and all(
        t.is_alpha and t.text[:1].isupper() and fold(t.text) not in NOT_PLACES for t in ent)


def _containers(text: str, gazetteer: Lookup,
                demonyms: Mapping[str, str]) -> list[tuple[int, int, str, str | None, int]]:
    """Well-known places written as the possessor of a named part ("Quetta's Zarghoon Road",
    "Jerusalem's Old City"): the part is inside them, whatever NER made of the whole."""
    found = []
    for match in _POSSESSIVE.finditer(text):
        start, end = match.span("name")
        start = skip_leading_words(text, start, end, demonyms)
        name = text[start:end]
        if name and not is_demonym(name, demonyms, gazetteer) and well_known(gazetteer, name, MIN_POPULATION_ONE_WORD):
            found.append((start, end, name, None, 1))
    return found


def _national_areas(text: str, gazetteer: Lookup, demonyms: Mapping[str, str],
                    place_words: PlaceWords) -> list[tuple[int, int, str, str | None, int]]:
    """Place nouns a country adjective qualifies: "the Somali capital", "a Pakistani tribal district";
    a country's capital written as its possession: "Somalia's capital"."""
    found = []
    for match in place_words.national_area.finditer(text):
        if not is_demonym(match.group("demonym"), demonyms, gazetteer):
            continue
        start, end = match.start("demonym"), match.end("noun")
        label = CAPITAL if match.group("noun") == "capital" else NATIONAL_AREA
        found.append((start, end, text[start:end], label, 1))
    for match in _COUNTRYS_CAPITAL.finditer(text):
        if countries_named(match.group("country"), gazetteer):
            found.append((match.start("capital"), match.end("capital"), match.group("capital"), CAPITAL, 1))
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
    return bool(name) and any(c.is_country or c.fcode == "ADM1" for c in gazetteer.lookup(name, exact=True))


def _propagate(span: Span, found: list[tuple[int, int, str, str | None, int]], gazetteer: Lookup,
               words: Words, doc_ents: list[Span]) -> list[tuple[int, int, str, str | None, int]]:
    """Other mentions of names already found as places ("Alexandria man", "Fargo raised its levees").

    One name keeps one sense within an article, so a place that NER calls a person elsewhere, or
    that opens a sentence, is still that place; names inside a longer person's name are not, nor
    names the gazetteer does not know (NER's mistakes would spread), nor a person's surname, nor a
    disease's ("Marburg virus").
    """
    doc = span.doc
    people = {i - span.start for ent in full_names(doc_ents) for i in range(ent.start, ent.end)}
    surnames = person_surnames(doc_ents)
    names = {fold(text): len(text.split()) for _, _, text, _, _ in found
             if text[:1].isupper() and fold(text) not in surnames and has_match(gazetteer, text, exact=True)}
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


_DISEASE_WORDS = frozenset({"virus", "viruses", "fever", "disease", "strain", "vaccine", "flu", "hemorrhagic",
                            "haemorrhagic"})


def _names_a_disease(name: Span) -> bool:
    """"Marburg virus", "West Nile fever", "Swine Flu": a place's name (or what the model took for one) used for an illness."""
    return name.end < len(name.doc) and name.doc[name.end].lower_ in _DISEASE_WORDS


def _ends_unknown_place(name: Span) -> bool:
    """Whether a name ends a place name of one more word that the model read and the gazetteer lacks:
    "Ali" in "Mir Ali" and "National Park" in "the Indravati National Park" are no places of their own;
    "Kenya" in "Northern Kenya" is (a compass word names a part). Longer entities often hold a place
    inside an institution's name ("United Way of America")."""
    first = name[0]
    if first.ent_iob_ != "I" or first.ent_type_ not in PLACE_LABELS or first.i < 1:
        return False
    before = name.doc[first.i - 1]
    opening = name.doc[first.i - 2] if before.ent_iob_ == "I" and first.i > 1 else None
    if opening is not None and not (opening.ent_iob_ == "B" and opening.lower_ == "the"):
        return False  # more than one word before the name
    last = name[-1]
    ends_entity = last.i + 1 == len(name.doc) or name.doc[last.i + 1].ent_iob_ != "I"
    # An abbreviated or feature word names the place the rest names ("St. Paris", "Lake Ontario").
    return (ends_entity and before.tag_ == "NNP" and before.is_title and before.is_alpha
            and before.lower_ not in FEATURE_WORDS and not PART_OF.match(f"{before.text} {first.text}"))


def _accepted(name: Span, gazetteer: Lookup, demonyms: Mapping[str, str], lower_words: set[str]) -> Span | None:
    """The name if it passes the filters of _gazetteer_names, else None."""
    first = name[0]
    if first.is_sent_start or first.i == 0:
        return None
    before = name.doc[first.i - 1]
    if before.is_sent_start and not before.is_alpha and before.lower_ not in _PREPOSITIONS:
        return None  # after an opening quote or bracket a sentence starts
    if len(name) == 1 and (first.is_stop or first.lower_ in lower_words or fold(first.text) in NOT_PLACES
                           or fold(first.text) in load_common_words()):
        return None
    if is_demonym(name.text, demonyms, gazetteer) or _names_a_disease(name):
        return None
    minimum = MIN_POPULATION_ONE_WORD if len(name) == 1 else MIN_POPULATION_MORE_WORDS
    return name if well_known(gazetteer, name.text, minimum) else None


def _non_overlapping(found: list[tuple[int, int, str, str | None, int]]) -> list[tuple[int, int, str, str | None]]:
    """Keep the longest, then highest-priority, spans that do not overlap; in text order."""
    chosen: list[tuple[int, int, str, str | None]] = []
    for start, end, text, label, _ in sorted(found, key=lambda f: (-(f[1] - f[0]), -f[4], f[0])):
        if all(end <= s or start >= e for s, e, _, _ in chosen):
            chosen.append((start, end, text, label))
    return sorted(chosen)


