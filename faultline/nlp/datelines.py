"""Datelines ("KABUL, Nov 25 (Reuters) -"): the filing place and day, parsed apart from the lede.

Parsed with the lede, a dateline becomes part of its subject ("OUAGADOUGOU, Feb 14 - Jihadist
fighters killed ...": "fighters" then heads a reduced relative clause), and the lede's real agent
and source are lost. The geoparser reads the filing place off the same pattern (geo.cues).
"""

from __future__ import annotations

import re

# The place in capitals ("KABUL", "ST. JOHN'S", "PORT-AU-PRINCE"); after a comma or a bracket, what
# else the dispatch states (a region, a day, an agency); then a dash or a colon: "KABUL, Nov 25
# (Reuters) - ", "TBILISI, Georgia — ", "SACRAMENTO — ", "BEIRUT: ". Some papers file the day first and
# the place in brackets: "February 17, 2026 (TAWILA) – ".
DATELINE = re.compile(
    r"(?:[A-Z][a-z]{2,8}\.?\s[0-3]?\d,\s(?:19|20)\d\d\s?\()?"
    r"(?P<name>[A-Z][A-Z'’.]*[A-Z.](?:[ -][A-Z][A-Z'’.]*[A-Z.]){0,3})\)?"
    r"(?:(?:,|\s*\()[^\n]{0,60}?)?"
    r"\s*(?:--?|[\u2013\u2014\x97:])(?:\s|$)")


def dateline_end(text: str, start: int = 0) -> int | None:
    """Where the dateline that opens text[start:] ends (after its dash or colon and a space), or None."""
    match = DATELINE.match(text, start)
    return match.end() if match else None


def is_dateline(text: str) -> bool:
    """Whether a text is a dateline and nothing else ("KABUL, Nov 25 (Reuters) - ")."""
    end = dateline_end(text)
    return end is not None and end >= len(text)


# A wire editor's note in brackets on its own ("(Adds new toll in paragraphs 1-3, roadside bomb in
# paragraphs 10-11)", "(Reporting by ...; Editing by ...)"): it tells readers what changed in the
# story, and the events it names are the story's own, told again.
EDITORS_NOTE = re.compile(
    r"\(\s*(?:adds|updates|recasts|corrects|changes|rewrites|writes through|refiles|repeats|fixes|"
    r"(?:additional )?reporting by|editing by|writing by|compiled by|this (?:story|article|version))\b"
    r"[^()]*(?:\([^()]*\)[^()]*)*\)", re.IGNORECASE)


def is_editors_note(text: str) -> bool:
    """Whether a sentence is a wire editor's note in brackets and nothing else (see EDITORS_NOTE)."""
    text = text.strip()
    match = EDITORS_NOTE.match(text)
    return match is not None and match.end() == len(text)

