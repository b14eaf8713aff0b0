"""Cheap sentence boundaries on raw text, used to pick which sentences get the full model."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A sentence ends at . ! or ? (optionally closed by quotes or brackets) followed by white space and
# something that can open a sentence. Paragraph breaks always end one.
_BOUNDARY = re.compile(r"""([.!?]["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9])|()\n\s*\n""")

# Abbreviations whose full stop does not end a sentence; a miss only merges two sentences, which
# costs a little speed, never an event.
_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt", "adm", "cmdr", "gov", "sen", "rep", "st", "mt", "ft", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "est", "inc", "ltd", "co", "a.m", "p.m"]
)


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence in `text`, white space trimmed."""
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end(1) if match.group(1) else match.start()
        if match.group(1) == "." and _ends_with_abbreviation(text, start, end):
            continue
        yield from _trimmed(text, start, end)
        start = match.end()
    yield from _trimmed(text, start, len(text))


def _ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    words = text[max(start, end - 12):end].split()
    return bool(words) and words[-1].rstrip(".").lower() in _ABBREVIATIONS


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end
