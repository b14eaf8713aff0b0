"""Dates stated in sentences, resolved against publication (faultline.extract.dates)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from faultline.extract.dates import DAY, MONTH, WEEK, find_date

PUBLISHED = dt.date(2021, 5, 14)  # a Friday
OFFSET = 500


def date_of(nlp, text, published=PUBLISHED):
    return find_date(nlp(text)[:], OFFSET, published=published)


@pytest.mark.parametrize(("text", "date", "precision"), [
    ("Gunmen killed five people yesterday.", dt.date(2021, 5, 13), DAY),
    ("The village was shelled overnight.", dt.date(2021, 5, 13), DAY),
    ("The village was shelled last night.", dt.date(2021, 5, 13), DAY),
    ("The attack came on the eve of the vote.", dt.date(2021, 5, 13), DAY),
    ("Militants stormed the base on Tuesday.", dt.date(2021, 5, 11), DAY),
    ("Militants stormed the base on Friday.", dt.date(2021, 5, 14), DAY),
    ("Militants stormed the base last Friday.", dt.date(2021, 5, 7), DAY),
    ("Two days ago a bomb exploded.", dt.date(2021, 5, 12), DAY),
    ("Gunmen raided the village thirteen days ago.", dt.date(2021, 5, 1), DAY),
    # a few days are three, where a toll of "a few" counts the floor of two
    ("A few days ago a bomb exploded.", dt.date(2021, 5, 11), DAY),
    ("Clashes erupted last week.", dt.date(2021, 5, 5), WEEK),
    ("Earlier this month, rebels seized the town.", dt.date(2021, 5, 14), MONTH),
    ("Rebels attacked the town last month.", dt.date(2021, 4, 15), MONTH),
    ("In March, rebels seized the town.", dt.date(2021, 3, 15), MONTH),
    ("In August, rebels seized the town.", dt.date(2020, 8, 15), MONTH),
    ("The bombing on 12 May 2021 killed nine.", dt.date(2021, 5, 12), DAY),
    ("On May 12 a bomb exploded.", dt.date(2021, 5, 12), DAY),
    ("On 30 December a bomb exploded.", dt.date(2020, 12, 30), DAY),
    ("In March 2019 the group attacked.", dt.date(2019, 3, 15), MONTH),
])
def test_relative_and_absolute_dates(nlp, text, date, precision):
    found = date_of(nlp, text)
    assert found is not None
    assert (found.date, found.time_precision, found.year_only) == (date, precision, False)


def test_year_only_is_flagged_as_a_background_hint(nlp):
    found = date_of(nlp, "The group was founded in 2019.")
    assert (found.date.year, found.time_precision, found.year_only) == (2019, MONTH, True)
    assert date_of(nlp, "He was killed last year.").year_only


def test_no_date_stated(nlp):
    assert date_of(nlp, "The attack killed five people.") is None
    assert date_of(nlp, "2000 people protested in the capital.") is None


def test_a_length_of_time_is_no_date(nlp):
    # A deadline or a duration says how long, not when: "within 30 days" is not 30 days ago.
    assert date_of(nlp, "Both armies agreed to pull back their troops within 30 days.") is None
    assert date_of(nlp, "Clashes have continued for the past two weeks.") is None
    assert date_of(nlp, "Gunmen killed 5 people three days ago.").date == PUBLISHED - dt.timedelta(days=3)


def test_relative_dates_need_a_publication_date(nlp):
    assert date_of(nlp, "Militants attacked on Tuesday.", published=None) is None
    assert date_of(nlp, "The bombing on 12 May 2021 killed nine.", published=None).date == dt.date(2021, 5, 12)


def test_the_event_date_beats_the_reporting_date(nlp):
    found = date_of(nlp, "Police said on Friday that gunmen killed five people on Wednesday.")
    assert found.date == dt.date(2021, 5, 12)


def test_span_is_absolute(nlp):
    text = "Police said the attack took place on the morning of 10 May."
    found = date_of(nlp, text)
    article = "x" * OFFSET + text
    assert found.span.text == "10 May" == article[found.span.start:found.span.end]


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_is_the_latest_such_day_not_after_publication(nlp, published, weekday):
    found = find_date(nlp(f"Rebels attacked on {weekday}.")[:], 0, published=published)
    assert found.date.strftime("%A") == weekday
    assert published - dt.timedelta(days=6) <= found.date <= published


@pytest.mark.parametrize(("text", "date"), [
    # The dateline gives the filing day; the body's own day is the event's.
    ("HERAT, May 13 (AFP) - Gunmen attacked a checkpoint on Tuesday night, police said.", dt.date(2021, 5, 11)),
    ("LAGOS (Reuters) - Bandits raided a market on Wednesday, residents said.", dt.date(2021, 5, 12)),
    # With no other date, the dateline's day stands.
    ("HERAT, May 13 (AFP) - Gunmen attacked a checkpoint, police said.", dt.date(2021, 5, 13)),
])
def test_dateline_day_yields_to_the_body(nlp, text, date):
    assert date_of(nlp, text).date == date


def test_the_day_a_toll_was_updated_is_not_the_attacks(nlp):
    assert date_of(nlp, "The death toll from the bombing rose to 21 on Sunday.") is None
    assert date_of(nlp, "The bombing killed 21 people on Sunday.").date == dt.date(2021, 5, 9)


def test_a_day_and_month_soon_after_publication_is_a_day_to_come(nlp):
    # Published 14 May: "May 20" is when a truce starts, not last year's event; "Dec 30" is last December.
    assert date_of(nlp, "The sides agreed a truce starting May 20, mediators said.") is None
    assert date_of(nlp, "Rebels attacked the town on Dec 30, officials said.").date == dt.date(2020, 12, 30)


def test_the_day_a_group_claimed_an_attack_is_the_day_it_said_so(nlp):
    found = date_of(nlp, "The Islamic State claimed the attack on Thursday.")
    assert found is not None and found.said


def test_a_day_that_owns_another_event_yields_to_the_events_own(nlp):
    text = ("Two fighters who escaped Monday's firefight surrendered to troops in Saguiaran on Wednesday "
            "evening, the army said.")
    assert date_of(nlp, text).date == dt.date(2021, 5, 12)


def test_a_month_naming_what_was_unpaid_is_no_date(nlp):
    assert date_of(nlp, "The workers, from factories that have not paid June wages, blocked the road.") is None


def test_a_month_joined_to_a_dated_one_shares_its_year(nlp):
    found = date_of(nlp, "The uprising in July and August 2019 left hundreds dead.")
    assert (found.date, found.time_precision) == (dt.date(2019, 7, 15), MONTH)


def test_a_day_counted_from_something_else_is_no_date(nlp):
    assert date_of(nlp, "The ambush came a day after fierce fighting near the border.") is None


def test_a_year_saying_which_deal_is_no_date(nlp):
    assert date_of(nlp, "Fighters of a group that rejected the 2016 peace deal clashed with the army.") is None


def test_a_date_a_span_runs_from_is_told_apart_from_an_events_day(nlp):
    since = date_of(nlp, "It was the deadliest strike on the port since April 30, when a missile killed four.")
    assert (since.date, since.since) == (dt.date(2021, 4, 30), True)
    assert date_of(nlp, "A missile killed four dock workers on April 30.").since is False


def test_a_bare_number_the_model_reads_as_a_date_is_an_age(nlp):
    doc = nlp("The ministry named the dead as Karim Haddad, 17, and Nabil Saleh, 24.")
    age = next(t for t in doc if t.text == "17")
    doc.ents = [Span(doc, age.i, age.i + 1, label="DATE")]
    assert find_date(doc[:], OFFSET, published=dt.date(2021, 5, 24)) is None  # (not "May 17")


def test_a_weekday_written_with_its_date_is_that_date(nlp):
    published = dt.date(2026, 8, 25)  # a Tuesday: "Sunday" alone would be 23 August
    assert date_of(nlp, "Insurgents raided the village on Sunday, 16 August.", published).date == dt.date(2026, 8, 16)
    assert date_of(nlp, "Gunmen killed three people on Sunday, Aug. 16, police said.", published).date == \
        dt.date(2026, 8, 16)


def test_a_part_of_a_day_is_when_it_happened_whatever_verb_the_parse_gives_it(nlp):
    text = ("Armed insurgents beheaded at least five men in a village in Macomia district, in the early hours of "
            "Sunday, 16 August, survivors and local authorities told Lusa, with details emerging only this week.")
    found = date_of(nlp, text, dt.date(2026, 8, 25))
    assert (found.date, found.said) == (dt.date(2026, 8, 16), False)


def test_the_date_in_what_was_announced_is_the_events_not_the_announcements(nlp):
    text = ("Ten soldiers were killed near Sinder on Tuesday 13 October, the Ministry of Defence announced in a "
            "communique read on national television on Sunday evening.")
    assert date_of(nlp, text, dt.date(2026, 10, 19)).date == dt.date(2026, 10, 13)
    opening = date_of(nlp, "On Monday, the army said it had killed 20 militants.", dt.date(2026, 10, 21))
    assert opening.said


def test_a_weekday_naming_a_weekly_thing_yields_to_the_date_the_sentence_gives(nlp):
    text = "In March 2025, an attack on a mosque in Fambita killed 44 worshippers during Friday prayers."
    assert date_of(nlp, text, dt.date(2026, 10, 19)).date.year == 2025


def test_a_day_opening_what_the_police_then_said_is_the_events(nlp):
    text = ("On Sunday evening, unidentified men riding a motorcycle hurled a hand grenade at a police van in "
            "Quetta, injuring seven people, police said.")
    found = date_of(nlp, text, dt.date(2026, 10, 12))
    assert (found.date, found.said) == (dt.date(2026, 10, 11), False)
