"""Sentences grouped into incidents and their totals, end to end (faultline.extract.extractor)."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text

PUBLISHED = dt.date(2026, 3, 2)


def test_an_unnumbered_headline_does_not_undercut_the_count_in_the_body():
    text = ("Air raids kill civilians near Idlib\n\n"
            "Jets pounded the town of Maarat al-Numan south of Idlib on Sunday, killing at least eight "
            "civilians, including three children, the Syrian Observatory for Human Rights said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.fatalities, event.fatalities_low) == (8, 8)
    sources = {f.attribution.source for f in event.figures if f.attribution}
    assert sources == {"Syrian Observatory for Human Rights"}


def test_a_bare_group_beside_a_count_adds_nothing():
    text = "A roadside bomb killed 9 soldiers and allied tribal fighters near Ramadi on Monday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 9


def test_bombs_set_off_are_reported_not_forecast():
    text = "Two car bombs were set off outside a police station in Kirkuk on Monday, killing 4 policemen."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 4
