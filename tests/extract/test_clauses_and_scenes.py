"""Sentences that join two events, scenes set before an event, and clauses told only to date another."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text
from faultline.config import Settings
from faultline.extract.numbers import NumberWords
from faultline.geo import Gazetteer, Geocoder, find_toponyms, load_gazetteer
from faultline.nlp import load_language

PUBLISHED = dt.date(2026, 9, 16)  # a Wednesday


def test_a_sentence_joining_two_events_in_two_towns_gives_two_events():
    text = ("Thousands of teachers marched through Kumasi on Tuesday, and late in the day rival groups clashed "
            "in Tamale, police said.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted((e.location, e.event_type, e.fatalities) for e in events) == [
        ("Kumasi", "Protests", 0), ("Tamale", "Battles", 0)]


def test_a_sentence_joining_two_events_on_two_days_dates_each():
    text = ("A landmine wrecked a police pickup near Gao on Sunday, killing two officers, while gunmen burned "
            "a market in Menaka on Monday, residents said.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted(e.event_date for e in events) == ["2026-09-13", "2026-09-14"]


def test_a_scene_set_on_another_day_holds_the_event_told_next():
    text = ("Gunmen ambushed a bus near Kaduna on Saturday, killing four passengers, police said.\n\n"
            "Late on Sunday, bandits entered the village of Kagarko in Kaduna state. They shot dead six farmers "
            "and burned granaries, a community leader said.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted((e.event_date, e.fatalities) for e in events) == [("2026-09-12", 4), ("2026-09-13", 6)]


def test_a_scene_no_event_follows_opens_no_incident():
    text = ("Gunmen ambushed a bus near Kaduna on Saturday, killing four passengers, police said. "
            "On Sunday, soldiers entered the town of Zaria. Shops stayed shut.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 4


def test_what_happened_a_day_before_the_rally_is_no_part_of_it():
    text = ("Thousands of people rallied in Yerevan on Tuesday evening, a day after police detained an "
            "opposition leader at his home. The rally ended peacefully and no detentions were reported.")
    events = extract_text(text, published=PUBLISHED)
    rally = next(e for e in events if e.event_type == "Protests")
    assert rally.sub_event_type == "Peaceful protest" and not rally.captured


def test_a_rally_the_day_after_an_arrest_is_told_apart_from_it():
    text = ("Thousands of people rallied in Yerevan on Tuesday evening against the government. The rally "
            "ended peacefully. Opposition leader Armen Sargsyan was detained by police at his flat early on "
            "Monday, his lawyer said.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted((e.event_date, e.sub_event_type) for e in events) == [
        ("2026-09-14", "Arrests"), ("2026-09-15", "Peaceful protest")]


def test_a_toll_since_then_coordinated_with_the_displaced_is_no_event_toll():
    text = ("Rebels shot dead three soldiers at a checkpoint near Beni on Monday, the army said. The conflict began "
            "in 2014. More than 4,000 people have been killed and a million displaced since then, aid groups say.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 3


def test_a_disaster_an_anniversary_march_remembers_is_no_toll():
    text = ("Thousands of people marched through Skopje on Tuesday to mark three years since the fire at a "
            "nightclub that killed 59 people.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_type == "Protests" and event.fatalities == 0


def test_overnight_on_a_named_day_is_that_day():
    text = "Police detained dozens of opposition activists in raids across Lahore overnight on Sunday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_date == "2026-09-13"


def test_people_detained_with_no_number_are_not_counted():
    text = "Police detained opposition activists in raids across Lahore on Sunday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.sub_event_type == "Arrests" and not event.captured


def test_several_thousand_is_thousands():
    words = NumberWords.load()
    assert [q.count for q in words.find("several thousand marchers and a few hundred police")] == [3000, 200]


def test_the_end_of_a_place_name_the_gazetteer_lacks_is_no_place_of_its_own():
    settings = Settings()
    gazetteer = Gazetteer(load_gazetteer(settings).path)
    geocoder = Geocoder(gazetteer)
    doc = load_language(settings)("Militants attacked a checkpoint in Mir Ali, North Waziristan, on Monday.")
    names = [t.text for t in find_toponyms(doc, 0, gazetteer, demonyms=geocoder.demonyms)]
    assert "Ali" not in names and "North Waziristan" in names
