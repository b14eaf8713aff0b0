"""Datelines ("KABUL, Nov 25 (Reuters) -"): the filing place and day, parsed apart from the lede.

Parsed with the lede, a dateline becomes part of its subject ("OUAGADOUGOU, Feb 14 - Jihadist
fighters killed ...": "fighters" then heads a reduced relative clause), and the lede's real agent
and source are lost.
"""

from __future__ import annotations

import re

# A capitalised place, then a comma (a date, a country) or a bracketed agency, then a dash.
DATELINE = re.compile(r"[A-Z][A-Z .'-]*[A-Z](?:,|\s\()[^\n]{0,60}?\s[-\u2013\u2014]\s")


def dateline_end(text: str, start: int = 0) -> int | None:
    """Where the dateline that opens text[start:] ends (after its dash and space), or None."""
    match = DATELINE.match(text, start)
    return match.end() if match else None


def is_dateline(text: str) -> bool:
    """Whether a text is a dateline and nothing else ("KABUL, Nov 25 (Reuters) - ")."""
    end = dateline_end(text + " ")
    return end is not None and end >= len(text)
