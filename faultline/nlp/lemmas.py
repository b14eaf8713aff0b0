"""The pipeline's own lemmatizer, each lemma remembered per (word, POS, morph): the same lemmas, faster.

spaCy's rule lemmatizer caches only the words its rules change; base forms, proper nouns and
punctuation are worked out afresh each time, and it walks the doc token object by token object.
Its answer depends only on the word, its POS and its morph, so remembering it per key is exact.
For a new word it tests each form its rules make against the POS's word list (57,000 nouns), a
scan of a Python list: held as sets, the same tests are hash lookups.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

# spaCy forbids dots in factory names, so the versioned name uses underscores.
FACTORY = "faultline_lemma_cache_v1"
# Lemmatizers whose lemma is a function of (word, POS, morph) alone, in these modes.
_PURE_LEMMATIZERS = (Lemmatizer, EnglishLemmatizer)
_PURE_MODES = frozenset({"rule", "lookup"})


class LemmaCache:
    """Sets lemmas as `lemmatizer` would, asking it once per (word, POS, morph)."""

    def __init__(self, name: str = "lemmatizer", lemmatizer: Lemmatizer | None = None) -> None:
        self.name = name
        self.lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Fill in the lemmas the lemmatizer would (only those not set yet, unless it overwrites)."""
        lemmatizer = self.lemmatizer
        if lemmatizer is None:
            raise RuntimeError("LemmaCache has no lemmatizer (build it with use_lemma_cache)")
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not lemmatizer.overwrite:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = self._lemmas[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc


def make_lemma_cache(nlp: Language, name: str) -> LemmaCache:
    """spaCy factory for LemmaCache (the lemmatizer it wraps is set by use_lemma_cache)."""
    return LemmaCache(name)


def use_lemma_cache(language: Language) -> Language:
    """Wrap the pipeline's lemmatizer in a LemmaCache, in place, where its lemmas allow it."""
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=make_lemma_cache)
    for name, pipe in language.pipeline:
        if type(pipe) in _PURE_LEMMATIZERS and pipe.mode in _PURE_MODES:
            cache = language.replace_pipe(name, FACTORY)
            cache.lemmatizer = pipe
            _word_lists_as_sets(pipe)
    return language


def _word_lists_as_sets(lemmatizer: Lemmatizer) -> None:
    """Hold the rule lemmatizer's per-POS word lists as sets: it only asks whether a form is in them."""
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for pos in list(index):
        index[pos] = frozenset(index[pos])
