"""A cheap English check: script share and stop-word ratios, no language-ID model.

Faultline's lexicons and parser are English; other languages are refused at ingest rather than
yielding silently empty extractions. Short texts (headlines, one-line notes) carry too few words
to judge and pass unless they are mostly in a non-Latin script.
"""

from __future__ import annotations

import re
import unicodedata

from faultline.errors import LanguageError

_ENGLISH = frozenset("""
a about after against all also an and any are as at be because been before being between both
but by can could did do does during each for from had has have he her his how i if in into is it
its more most no not of on or our out over said says she should so some such than that the their
them then there these they this those through to under until up was we were what when where which
while who will with would you
""".split())
# Frequent function words of other languages likely in conflict reporting, English words left out
# so that a word counts for one side only.
_OTHERS: dict[str, frozenset[str]] = {
    "fr": frozenset("le la les des du un une est et dans pour que qui sur par pas avec sont ont "
                    "été au aux ce cette il elle ils selon".split()),
    "es": frozenset("el la los las del un una es y en por para que con se su sus al fue han "
                    "según como más pero".split()),
    "pt": frozenset("o os da das do dos um uma é e em para que com se por foram não mais como "
                    "segundo pelo pela".split()),
    "de": frozenset("der die das den dem des ein eine ist und im mit von zu auf für nicht sich "
                    "wurde wurden sind nach bei".split()),
    "it": frozenset("il lo la gli le di del della un una è e che per con non sono stati dal nel "
                    "alla secondo".split()),
    "nl": frozenset("de het een en van op te dat met voor niet zijn werd door ook bij naar".split()),
    "id": frozenset("yang dan di ke dari ini itu dengan untuk tidak pada adalah oleh dalam akan "
                    "telah".split()),
    "tr": frozenset("ve bir bu da de ile için olarak olan daha çok gibi ancak sonra".split()),
}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Below this many words the ratios are noise: headlines are accepted on script alone.
_MIN_WORDS = 20
# English news prose runs at 35-50% stop words; these floors leave room for lists and tables.
_EN_FLOOR = 0.12
_EN_HARD_FLOOR = 0.04
_HARD_FLOOR_MIN_WORDS = 60
_MIN_LETTERS = 20
_SAMPLE_CHARS = 50_000  # the opening pages judge a long text as well as all of it
_MIN_LATIN_SHARE = 0.5


def english_score(text: str) -> tuple[float, float, int]:
    """English stop-word ratio, best other-language ratio, and the word count of `text`."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0, 0.0, 0
    english = sum(w in _ENGLISH for w in words) / len(words)
    other = max(sum(w in stops for w in words) for stops in _OTHERS.values()) / len(words)
    return english, other, len(words)


def latin_share(text: str) -> tuple[float, int]:
    """Share of letters in Latin script, and the letter count."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0, 0
    latin = sum(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in letters)
    return latin / len(letters), len(letters)


def check_english(text: str) -> str:
    """Return "en" for English text; raise LanguageError otherwise."""
    text = text[:_SAMPLE_CHARS]
    share, letters = latin_share(text)
    if letters >= _MIN_LETTERS and share < _MIN_LATIN_SHARE:
        raise LanguageError(f"not English: {share:.0%} of letters are Latin script")
    english, other, words = english_score(text)
    if words < _MIN_WORDS:
        return "en"
    if english < _EN_FLOOR and other > english:
        raise LanguageError(f"not English: {english:.0%} English function words, "
                            f"{other:.0%} of another language's")
    if words >= _HARD_FLOOR_MIN_WORDS and english < _EN_HARD_FLOOR:
        raise LanguageError(f"not English: only {english:.0%} English function words")
    return "en"
