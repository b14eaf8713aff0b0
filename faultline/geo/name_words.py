"""What toponym recognition's passes share: name patterns, place words, and tests against the gazetteer."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, LOWER, ORTH, SPACY, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from faultline.data import read_toml
from faultline.geo.gazetteer import Candidate
from faultline.geo.names import fold, is_generic_word, norm_key


class Lookup(Protocol):
    """The part of the gazetteer recognition needs."""

    def lookup(self, name: str, *, limit: int = 200, exact: bool = False) -> tuple[Candidate, ...]: ...


# Words after a name that make it a place, and the label hint they give.
FEATURE_WORDS = {
    "border post": "border_post", "border crossing": "border_crossing", "border checkpoint": "checkpoint",
    "crossing point": "crossing", "crossing": "crossing", "checkpoint": "checkpoint", "district": "district",
    "province": "province", "region": "region", "valley": "valley", "gorge": "gorge", "village": "village",
    "town": "town", "city": "city", "county": "county", "parish": "parish", "oblast": "province",
    "governorate": "province", "river": "river", "mountains": "mountains", "pass": "pass",
    "airport": "airport", "air base": "base", "military base": "base", "refugee camp": "camp", "camp": "camp",
    # second-order units named after their main town: Congo's territories, Myanmar's townships
    "territory": "district", "township": "district", "municipality": "district", "commune": "district",
}
# Phrases naming a facility or feature as a whole: the feature word is part of its name.
FACILITIES = frozenset({"border_post", "border_crossing", "checkpoint", "crossing", "airport", "base", "camp"})
# One capitalised word of a name. A full stop belongs to it only in initials ("U.S.") and the short
# abbreviations of names ("St.", "Mt."): "in Kabul. At least" ends the name at "Kabul". A possessive
# "'s" ends it too ("Quetta's Zarghoon Road": Quetta encloses the road; see toponyms._POSSESSIVE).
WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|(?:St|Ste|Mt|Ft|Pt)\.|[A-Z]\w*(?:['’](?!s\b)\w+)*)"
# Lower-case particles join the words of a name ("Mazar-e Sharif", "Rio de Janeiro"); the longer
# ones only before another name word, so that "Calle del Correo" stays one name, not "Calle".
# An Arabic article may open it in lower case: "al-Shatra", "el-Fasher", "ash-Shaddadi".
_SHORT_PARTICLES = ("al", "el", "e", "i", "ul", "de")
_LONG_PARTICLES = ("del", "della", "la", "da", "do", "dos", "das", "di", "du", "des", "der", "van", "von")
NAME_PARTICLES = frozenset(_SHORT_PARTICLES + _LONG_PARTICLES)
NAME = (rf"(?:(?:al|el|ad|an|ar|as|ash|at|az)-)?{WORD}(?:[- ](?:{WORD}|(?:{'|'.join(_SHORT_PARTICLES)})(?![\w'’])"
        rf"|(?:{'|'.join(_LONG_PARTICLES)})(?= [A-Z])))*")


def particle_in_name(word: Token) -> bool:
    """Whether a word is a particle between the capitalised words of one name ("del" in "Maguindanao del
    Sur", "de" in "Palacio de Justicia"): the words either side are no names of their own."""
    doc = word.doc
    return word.lower_ in NAME_PARTICLES and 0 < word.i < len(doc) - 1 and doc[word.i - 1].text[:1].isupper() \
        and doc[word.i + 1].text[:1].isupper()


# Capitalised words that follow prepositions but are not places.
NOT_PLACES = frozenset(fold(w) for w in ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Spring", "Summer", "Autumn", "Fall", "Winter", "Christmas", "Easter", "Ramadan", "Eid", "God", "Allah", "Islam", "Internet", "Parliament", "Congress", "Senate", "Government", "President", "Police", "Army", "The", "A", "An", "His", "Her"])
# Gazetteer-driven recognition of capitalised names NER missed (see toponyms._gazetteer_names).
MAX_NAME_TOKENS = 4
# A bare town must be this large to count without NER's word; two-word names are rarer as ordinary
# phrases, so they need less. Countries, admin units, continents and regions always count.
MIN_POPULATION_ONE_WORD = 20_000
MIN_POPULATION_MORE_WORDS = 2_000
LARGE_UNITS = frozenset({"ADM1", "CONT", "RGN"})
# A name word is a capitalised proper noun outside non-place entities; all-caps words are mostly acronyms.
PROPER_NOUN_TAGS = ("NNP", "NNPS")
COMMON_WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "geo" / "common_words.txt"
PLACE_WORDS_FILE = COMMON_WORDS_FILE.with_name("place_words.toml")
# Labels of the toponyms a country adjective makes ("the Somali capital", "a Pakistani tribal district").
CAPITAL, NATIONAL_AREA, LANDMARK = "capital", "national_area", "landmark"
COMPASS = r"(?:(?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)?\s+|central\s+)?"
# A compass word before a name the gazetteer lacks ("North Dallas", "Northern Kenya") names a part of
# the place the rest names.
PART_OF = re.compile(r"^(?:(?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)?|central|upper|lower)\s+(?=\S)",
                     re.IGNORECASE)


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
    strike_words: frozenset[str]  # "a missile strike on Kharkiv"
    target_verbs: frozenset[str]  # "shelled Kharkiv" (lemmas)
    apposed_nouns: frozenset[str]  # "the capital Sanaa"
    plural_list: re.Pattern[str]  # "Clay, Douglas and Swift counties"
    plural_of_list: re.Pattern[str]  # "the towns of Bint Jbeil and Aynata"
    plural_features: Mapping[str, str]  # "counties" -> "county"
    person_titles: frozenset[str]  # "coach Ripley"
    speech_verbs: frozenset[str]  # "Altom said" (lemmas)

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
        landmark=re.compile(rf"(?<![\w'’])(?P<name>{NAME})[ -](?P<feature>(?i:{'|'.join(map(re.escape, landmarks))}))\b"),
        # Not when a name follows ("the Afghan capital Kabul", "the Iraqi town of Al Shirqat"): that
        # name is the place, and the adjective its country (see Geocoder).
        national_area=re.compile(rf"\b(?:the|a|an)\s+{COMPASS}(?P<demonym>[A-Z][a-z]+)\s+(?:[a-z]+\s+)?"
                                 rf"(?P<noun>{nouns})\b(?!\s+of\b)(?![ ,]*[A-Z])"),
        local_nouns=frozenset(data["local_nouns"]),
        of_nouns=frozenset(data["of_nouns"]),
        motion_words=frozenset(data["motion_words"]),
        strike_words=frozenset(data["strike_words"]),
        target_verbs=frozenset(data["target_verbs"]),
        apposed_nouns=frozenset(data["apposed_nouns"]),
        plural_list=re.compile(rf"(?<![\w'’])(?P<names>{NAME}(?:,\s+{NAME})*,?\s+(?:and|or|&)\s+{NAME})\s+"
                               rf"(?P<feature>{'|'.join(map(re.escape, data['plural_features']))})\b"),
        plural_of_list=re.compile(rf"\bthe\s+(?P<feature>{'|'.join(map(re.escape, data['plural_features']))})\s+of\s+"
                                  rf"(?P<names>{NAME}(?:,\s+{NAME})*,?\s+(?:and|or|&)\s+{NAME})"),
        plural_features=dict(data["plural_features"]),
        person_titles=frozenset(data["person_titles"]),
        speech_verbs=frozenset(data["speech_verbs"]),
    )


@cache
def load_common_words(path: Path = COMMON_WORDS_FILE) -> frozenset[str]:
    """Folded one-word names that are ordinary words in news, from faultline/data/geo/common_words.txt."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line) for line in lines if line.strip() and not line.startswith("#"))


def countries_named(text: str, gazetteer: Lookup) -> tuple[str, ...]:
    """ISO2 codes of the countries whose name the words are exactly ("South Sudan", "U.S."; "Congo"
    is two), in the gazetteer's order."""
    return tuple(dict.fromkeys(c.country for c in gazetteer.lookup(text, exact=True) if c.is_country))


def is_demonym(text: str, demonyms: Mapping[str, str], gazetteer: Lookup | None = None) -> bool:
    """A people's name ("Afghan", "Tajiks"), unless it is also a country's name ("Philippines")."""
    return demonym_country(text, demonyms, gazetteer) is not None


def demonym_country(text: str, demonyms: Mapping[str, str], gazetteer: Lookup | None = None) -> str | None:
    """ISO2 of the country a demonym names; None when the word is no demonym, or a country's name first."""
    key = fold(text)
    iso = demonyms.get(key) or demonyms.get(key.rstrip("s"))
    if iso is None or gazetteer is not None and countries_named(text, gazetteer):
        return None
    return iso


def skip_leading_words(text: str, start: int, end: int, demonyms: Mapping[str, str]) -> int:
    """Move `start` past a leading "The" and country adjectives ("Afghan Badakhshan" -> "Badakhshan")."""
    while start < end:
        word = re.match(r"[\w'’.]+[- ]?", text[start:end])
        if word is None or not (word.group().strip(" -") == "The" or is_demonym(word.group().strip(" -"), demonyms)):
            return start
        start += word.end()
    return start


def trim(text: str, start: int, end: int) -> int:
    """End of a match without a sentence's closing full stop or quote ("in Khorog." -> "Khorog")."""
    while end > start and text[end - 1] in ".'’":
        end -= 1
    return end


def has_match(gazetteer: Lookup, name: str, *, exact: bool) -> bool:
    return bool(gazetteer.lookup(name, exact=exact))


@dataclass(frozen=True, slots=True)
class Words:
    """One walk over a text's tokens, shared by the passes that would each walk it again."""

    text: str  # the span's text
    texts: list[str]  # token texts, index = token.i - span.start
    starts: list[int]  # character offsets in `text`
    names: list[bool]  # whether each is a name word (see PROPER_NOUN_TAGS)
    lower: set[str]  # the words the text writes in lower case
    lowers: list[str]  # each token's lower-case form (Token.lower_)

    @classmethod
    def read(cls, span: Span, blocked: set[int]) -> Words:
        """The words of `span`, read from the doc's arrays (no Token object per word)."""
        doc = span.doc
        strings = doc.vocab.strings
        proper = {strings[tag] for tag in PROPER_NOUN_TAGS}
        texts, starts, names, lower, lowers, written = [], [], [], set(), [], []
        base = span.start_char
        rows = doc.to_array([ORTH, SPACY, IDX, TAG, IS_ALPHA, IS_LOWER, LOWER])[span.start:span.end].tolist()
        for i, (orth, space, idx, tag, alpha, is_lower, lower_) in enumerate(rows, start=span.start):
            text = strings[orth]
            texts.append(text)
            written.append(text + " " if space else text)
            starts.append(idx - base)
            names.append(i not in blocked and tag in proper and bool(alpha) and text[:1].isupper()
                         and not text.isupper())
            lowers.append(strings[lower_])
            if is_lower:
                lower.add(lowers[-1])
        _join_hyphenated(names, texts, [bool(row[1]) for row in rows],
                         [i in blocked for i in range(span.start, span.end)])
        # Span.text leaves out the last token's trailing space.
        text = "".join(written[:-1]) + texts[-1] if texts else ""
        return cls(text, texts, starts, names, lower, lowers)


def _join_hyphenated(names: list[bool], texts: list[str], spaced: list[bool], blocked: list[bool]) -> None:
    """Mark as name words the hyphens and small words inside a hyphenated name that opens and ends
    with capitalised words ("Croix-des-Bouquets", "Port-au-Prince"), or that goes on from a name with a
    particle ("Deir ez-Zor"), so the name is tried whole. An entity over part of it is a misreading
    ("Croix" as an organisation); one over all of it stands. One that opens with an article ("Al-Oula"
    in "the Al-Daraja Al-Oula neighbourhood") is as often a street's or a quarter's name as a town's,
    and is left as it was written."""
    start = 0
    while start < len(texts):
        end = start
        while end < len(texts) - 1 and not spaced[end] and (texts[end + 1] == "-" or texts[end + 1].isalpha()):
            end += 1  # words and hyphens start..end are written together
        chain = range(start, end + 1)
        opens = texts[start][:1].isupper() and not is_generic_word(texts[start]) or \
            start > 0 and names[start - 1] and texts[start].islower()
        # (one with a small word inside, "Croix-des-Bouquets", is a place's name whatever entity the model
        # made of it)
        particle = any(texts[i].islower() for i in chain if texts[i] != "-")
        if end > start and opens and texts[end][:1].isupper() and "-" in texts[start:end + 1] \
                and (particle or not all(blocked[i] for i in chain)):
            for i in chain:
                names[i] = True
        start = end + 1


def full_names(doc_ents: list[Span]) -> list[Span]:
    """People named by more than one word; not a "person" that opens with a place word ("Village Malakal")."""
    return [ent for ent in doc_ents
            if ent.label_ == "PERSON" and len(ent) > 1 and ent[0].lower_ not in FEATURE_WORDS]


def person_surnames(doc_ents: list[Span]) -> set[str]:
    """Folded last names of the people the text names in full: "Stevens said", after "Ann Stevens".

    Only a name of two or three capitalised words or initials counts: a longer "person", or one with
    an article or a lower-case word, is a misread headline or venue ("The George in Twickenham").
    """
    return {fold(ent[-1].text) for ent in full_names(doc_ents)
            if len(ent) <= 3 and ent[0].lower_ != "the" and all(t.text[:1].isupper() for t in ent)}


def well_known(gazetteer: Lookup, name: str, minimum: int, *, any_unit: bool = False) -> bool:
    """Whether the gazetteer knows the name exactly as a country, large unit (any admin unit with
    `any_unit`) or town of `minimum` people."""
    key = norm_key(name)
    for c in gazetteer.lookup(name, exact=True):
        if c.is_country or c.fcode in LARGE_UNITS or (any_unit and c.fclass == "A"):
            return True
        # A town must carry the name as its own, not as one of GeoNames' odd alternates.
        if c.fclass == "P" and c.population >= minimum and norm_key(c.name) == key:
            return True
    return False


def known_place(gazetteer: Lookup, name: str) -> bool:
    """Whether the gazetteer knows the name exactly as a country, admin unit, region or town of any size."""
    return well_known(gazetteer, name, 0, any_unit=True)


def ordinary_word(name: str, words: Words) -> bool:
    """A name that opens with a stop word ("The Fish", "I'll"), or a one-word name that is a calendar
    word, a common word, or one this text also writes in lower case."""
    if re.split(r"[\s'’]", name.lower(), maxsplit=1)[0] in STOP_WORDS:
        return True
    key = fold(name)
    return " " not in key and (key in NOT_PLACES or key in words.lower or key in load_common_words())


