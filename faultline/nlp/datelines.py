"""Datelines ("KABUL, Nov 25 (Reuters) -"): the filing place and day, parsed apart from the lede.

Parsed with the lede, a dateline becomes part of its subject ("OUAGADOUGOU, Feb 14 - Jihadist
fighters killed ...": "fighters" then heads a reduced relative clause), and the lede's real agent
and source are lost. The geoparser reads the filing place off the same pattern (geo.cues).
"""

from __future__ import annotations

import re

# The place in capitals ("KABUL", "ST. JOHN'S", "PORT-AU-PRINCE", "CULIACÁN", "PORT SUDAN/CAIRO"); after a
# comma or a bracket, what else the dispatch states (a region, a day, an agency); then a dash or a colon:
# "KABUL, Nov 25 (Reuters) - ", "TBILISI, Georgia — ", "SACRAMENTO — ", "BEIRUT: ". Some papers file the day
# first and the place in brackets: "February 17, 2026 (TAWILA) – ".
_CAPITAL = "A-ZÀ-ÖØ-Þ"  # (Latin-1 capitals too: "CULIACÁN", "MANGAIZÉ")
_WORD_IN_CAPITALS = rf"[{_CAPITAL}][{_CAPITAL}'’.]*[{_CAPITAL}.]"
DATELINE = re.compile(
    r"(?:[A-Z][a-z]{2,8}\.?\s[0-3]?\d,\s(?:19|20)\d\d\s?\()?"
    rf"(?P<name>{_WORD_IN_CAPITALS}(?:[ /-]{_WORD_IN_CAPITALS}){{0,3}})\)?"
    r"(?:(?:,|\s*\()[^\n]{0,60}?)?"
    r"\s*(?:--?|[\u2013\u2014\x97:])(?:\s|$)")


# Local papers write the place as a name: "Baghdad - Two fighters ...", "Zawiya - A cautious calm ...", at the
# start of a line below the headline, the dash spaced as no hyphen is.
_NAMED_DATELINE = re.compile(r"[A-Z][a-zà-ÿ'’]+(?:[ -][A-Z][a-zà-ÿ'’]+)?\s+[-\u2013\u2014]\s+(?=[A-Z\"“‘'])")


def dateline_end(text: str, start: int = 0) -> int | None:
    """Where the dateline that opens text[start:] ends (after its dash or colon and a space), or None."""
    match = DATELINE.match(text, start)
    if match is None and start > 0 and text[start - 1] == "\n":
        match = _NAMED_DATELINE.match(text, start)
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


# The story's own time stamp on a line of its own ("Updated at 15:40 GMT, Friday 20 March 2026", "Last
# updated: 20/03/2026 09:12"): when the text was changed, no day of anything it tells.
TIME_STAMP = re.compile(r"(?:last\s+)?(?:updated|published|posted|modified)(?:\s+(?:at|on))?\s*:?\s+"
                        r"(?=[^\n]*\d)[^\n]{1,60}", re.IGNORECASE)


def is_editors_note(text: str) -> bool:
    """Whether a sentence is a wire editor's note in brackets (see EDITORS_NOTE) or a time stamp
    (TIME_STAMP), and nothing else."""
    text = text.strip().rstrip(".")
    return any((match := note.match(text)) is not None and match.end() == len(text)
               for note in (EDITORS_NOTE, TIME_STAMP))

