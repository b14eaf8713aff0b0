"""The tokens the geo stage read as place names, kept beside their doc.

The model's entity labels miss towns it takes for people ("took control of Goma", Goma a PERSON);
the rules that ask whether a word is a place also ask whether the gazetteer knows it as one.
"""

from __future__ import annotations

from collections.abc import Iterable
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Token

_PLACE_TOKENS: WeakKeyDictionary[Doc, frozenset[int]] = WeakKeyDictionary()


def mark_place_names(doc: Doc, spans: Iterable[tuple[int, int]]) -> None:
    """Record the doc's place names, as character spans relative to the doc."""
    indices: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            indices.update(range(span.start, span.end))
    _PLACE_TOKENS[doc] = frozenset(indices)


def is_place_name(token: Token) -> bool:
    """Whether the token is part of a place name the geo stage found."""
    marked = _PLACE_TOKENS.get(token.doc)
    return marked is not None and token.i in marked
