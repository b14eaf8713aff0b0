"""Name keys for gazetteer lookups: a folded form and a transliteration-proof skeleton."""

from __future__ import annotations

import functools
import re
import unicodedata

# Letters NFKD cannot split into base + accent.
_SPECIAL = str.maketrans({
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i",
    "ħ": "h", "ŧ": "t", "ŋ": "n", "ʻ": "", "ʼ": "", "ʿ": "", "ʾ": "", "’": "", "‘": "", "`": "",
    "'": "", "´": "",
})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Romanisations of Persian, Tajik, Pashto, Arabic and Russian names disagree on these; rewrite each
# to one spelling, longest first, so "Dzhalalabad"/"Jalalabad" or "Kh"/"H" share a skeleton.
_REWRITES = (
    ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("kh", "h"),
    ("gh", "g"), ("ph", "f"), ("th", "t"), ("ts", "z"), ("tz", "z"), ("dz", "z"), ("ck", "k"),
    ("q", "k"), ("w", "v"), ("x", "ks"),
)
# Anything outside Basic Latin, Latin-1, Latin Extended A/B/Additional, combining marks, IPA
# modifier letters and general punctuation.
_NON_LATIN = re.compile(r"[^\u0000-\u024f\u02b0-\u036f\u1e00-\u1eff\u2000-\u206f]")
_VOWELS = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")
# Generic words that travel with a name in text and in gazetteers alike.
_GENERIC = frozenset({
    "city", "town", "village", "province", "provincia", "district", "region", "oblast", "viloyati",
    "wilayat", "velayat", "governorate", "state", "county", "parish", "municipality", "prefecture",
    "department", "the", "of", "e", "i", "al", "el", "ul",
})
# Abbreviations a name opens with, written either way in text and in gazetteers alike ("St. Marc",
# "Saint-Marc"; "Mt. Vernon", "Mount Vernon"). Only before another word: a last "St" is a street.
_ABBREVIATED = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


# Pure and called for the same few thousand names over and over (toponym finding, every
# candidate scored by the resolver): remembered.
@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lowercase ASCII letters and digits, words single-spaced: "Qal'ai-Khumb" -> "qalai khumb"."""
    text = name.lower()
    if not text.isascii():
        # NFKD splits accents off their letters; the ASCII encode then drops them (and any non-Latin script).
        text = unicodedata.normalize("NFKD", text.translate(_SPECIAL)).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub(" ", text.translate(_SPECIAL)).strip()


def is_code_for(name: str, place: str) -> bool:
    """Whether an alternate name of a town is a code rather than a name a text would use for it.

    GeoNames lists airport and station codes among a town's names ("SDF" for Louisville, "MOD" for
    Modesto), and names that fold to a single letter ("J-Town"); in news those letters are acronyms.
    Capitals that spell the town's initials ("NYC", "LA") are abbreviations news does use.
    """
    if len(norm_key(name)) <= 1:
        return True
    letters = name.replace(".", "").replace(" ", "")
    return len(letters) <= 4 and letters.isupper() and not spells_initials(letters, place)


def is_acronym(written: str) -> bool:
    """Whether a name as written may be an acronym: capitals ("UN", "SDF") or a short word with a
    capital inside ("MoD", "DoD")."""
    letters = written.replace(".", "")
    return letters.isalpha() and len(letters) <= 4 and (letters.isupper() or any(ch.isupper() for ch in letters[1:]))


def names_town(acronym: str, town: str) -> bool:
    """Whether an acronym-like name means the town: it spells the town's initials ("NYC"), or is the
    town's own name of three letters or more in capitals ("GAO, Mali" in a dateline)."""
    letters = acronym.replace(".", "")
    return spells_initials(letters, town) or letters.isupper() and len(letters) >= 3 and fold(letters) == fold(town)


def spells_initials(letters: str, place: str) -> bool:
    """Whether capitals spell the initials of a name of several words ("NYC": New York City)."""
    words = fold(place).split()
    return len(words) > 1 and fold(letters) == "".join(word[0] for word in words)


def is_generic_word(word: str) -> bool:
    """Whether a word travels with names without naming anything itself ("Province", "Al")."""
    return fold(word) in _GENERIC


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin letters (other scripts fold to nothing useful)."""
    return not _NON_LATIN.search(name) and any(ch.isalpha() for ch in name)


@functools.lru_cache(maxsize=65536)
def norm_key(name: str) -> str:
    """The exact-match key: folded, spaces and generic words removed."""
    words = fold(name).split()
    words = [_ABBREVIATED.get(w, w) if i < len(words) - 1 else w for i, w in enumerate(words)]
    kept = [w for w in words if w not in _GENERIC] or words
    return "".join(kept)


def skeleton(name: str) -> str:
    """The fuzzy key: consonant skeleton after transliteration rewrites ("Eshkashem" -> "sksm")."""
    return skeleton_of_key(norm_key(name))


@functools.lru_cache(maxsize=65536)
def skeleton_of_key(key: str) -> str:
    """The skeleton of an already computed norm_key."""
    for old, new in _REWRITES:
        key = key.replace(old, new)
    key = _VOWELS.sub("", key)
    return _REPEATS.sub(r"\1", key)
