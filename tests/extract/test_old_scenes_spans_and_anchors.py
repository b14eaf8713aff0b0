"""Old days that open a paragraph, spans of days, statements timed against an event told before,
statements said before the incident, places a distance or a particle belongs to, and crowds that are not
armed men."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text
from faultline.config import Settings
from faultline.extract.dates import opening_day_end
from faultline.geo import Gazetteer, find_toponyms, load_gazetteer

PUBLISHED = dt.date(2026, 6, 20)  # a Saturday


def test_a_sentence_opens_on_its_day_whichever_way_the_day_is_written():
    for opening in ("On Friday morning, troops", "Late on Sunday, gunmen", "On 12 March 2026, troops",
                    "On the morning of Sunday, 19 June 2016, police", "In March 2019, rebels", "In 2016, police",
                    "On the night of 14 to 15 March, fighters"):
        assert opening_day_end(opening) is not None, opening
    for opening in ("In Kabul, gunmen", "2,000 people marched", "Mayors said", "On the road to Gao, troops"):
        assert opening_day_end(opening) is None, opening


def test_what_a_paragraph_opened_on_an_old_day_goes_on_to_tell_is_as_old():
    text = ("Marchers remember the 2016 killings\n\n"
            "ASUNCION NOCHIXTLAN, Mexico — Several thousand people marched through Nochixtlan on Friday, "
            "carrying white crosses. The march ended peacefully.\n\n"
            "On the morning of Sunday, 19 June 2016, hundreds of police officers moved in to clear a blockade "
            "that teachers had kept for days on the highway. What began as an eviction with tear gas turned "
            "into a running battle between police and townspeople. By the end of the day eight people had been "
            "killed by gunfire and more than a hundred were wounded. Dozens were detained.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.event_date, event.sub_event_type, event.fatalities) == ("2026-06-19", "Peaceful protest", 0)


def test_a_night_between_two_days_is_the_day_it_began():
    text = ("On the night of 14 to 15 March 2026, the army camp of Boni was the object of a complex attack by "
            "gunmen, who were repelled after two hours.")
    (event,) = extract_text(text, published=dt.date(2026, 3, 16))
    assert (event.event_date, event.time_precision) == ("2026-03-14", 1)


def test_a_statement_timed_against_the_event_told_before_tells_another():
    text = ("A Russian ballistic missile struck an apartment block in Kharkiv on Tuesday morning, killing 11 "
            "people, the State Emergency Service said.\n\n"
            "Overnight, before the missile strike, Russian drones attacked the town of Chuhuiv, about 40 km "
            "south-east of Kharkiv, damaging a kindergarten and several houses.")
    events = extract_text(text, published=dt.date(2026, 10, 13))
    assert sorted(e.location for e in events) == ["Chuhuyiv", "Kharkiv"]
    chuhuiv = next(e for e in events if e.location == "Chuhuyiv")
    assert chuhuiv.fatalities == 0


def test_what_was_said_before_the_incident_is_no_part_of_it():
    text = ("About 40 relatives of the victims protested outside the courthouse in Cali on Wednesday as a judge "
            "sentenced two men for a bombing. The gathering broke up peacefully.\n\n"
            "Police said last month that they had arrested a third suspect in Cali.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 14))
    assert (event.sub_event_type, event.actor1) == ("Peaceful protest", "Protesters (Colombia)")


def test_armed_men_a_headline_names_beside_a_protest_are_not_its_crowd():
    text = ("Two rebel fighters sentenced for police station bombing as victims' families protest outside Cali "
            "court\n\n"
            "About 40 relatives of the dead stood on the steps of the courthouse in Cali on Wednesday, holding "
            "photographs of the victims.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 14))
    assert (event.event_type, event.actor1) == ("Protests", "Protesters (Colombia)")


def test_militiamen_who_rampage_through_a_village_attack_it():
    text = ("Dozens of masked Israeli settlers rampaged through the Palestinian village of Turmus Ayya on "
            "Thursday night, Palestinian officials said.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 22))
    assert (event.sub_event_type, event.actor1) == ("Attack", "Settlers (Israel)")


def test_words_a_particle_joins_to_a_longer_name_are_no_place_of_their_own():
    text = ("Gunmen killed three officers of the Maguindanao del Sur Police Provincial Office in an ambush on "
            "Monday, the police said.")
    (event,) = extract_text(text, published=dt.date(2026, 7, 8))
    assert event.location != "Sur"  # (a town in Oman)
    text = ("Outside the Palacio de Justicia Pedro Elias Serrano, about 40 relatives of the victims protested on "
            "Wednesday as a judge in Cali sentenced two rebels.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 14))
    assert (event.location, event.country) == ("Cali", "Colombia")


def test_a_dateline_may_give_the_day_first_and_the_place_in_brackets():
    text = ("Drone strike kills 19 at crowded market\n\n"
            "February 17, 2026 (KUTUM) – At least 19 people were killed when a drone struck a crowded market in "
            "the town, medics said.\n\n"
            "The drone struck the market at around 11 a.m. on Sunday, witnesses said.")
    events = extract_text(text, published=dt.date(2026, 2, 17))
    assert [(e.event_date, e.location, e.fatalities) for e in events] == [("2026-02-15", "Kutum", 19)]


def test_the_towns_a_plural_noun_opens_are_places_and_a_part_word_alone_is_none(nlp):
    gazetteer = Gazetteer(load_gazetteer(Settings()).path)
    doc = nlp("The strike hit a car on the road between the towns of Bint Jbeil and Aynata on Tuesday.")
    doc.ents = [doc.char_span(doc.text.index(name), doc.text.index(name) + len(name), label="ORG")
                for name in ("Bint Jbeil", "Aynata")]  # as the model reads them
    assert {t.text for t in find_toponyms(doc, 0, gazetteer)} == {"Bint Jbeil", "Aynata"}
    doc = nlp("Al-Shabaab has retaken several towns in the Middle and Lower Shabelle regions.")
    assert "Middle" not in {t.text for t in find_toponyms(doc, 0, gazetteer)}


def test_a_year_on_a_word_for_what_happened_is_no_count():
    text = "Thousands marched in Lima on Friday to mark the 2016 killings, organisers said."
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.event_type, event.fatalities) == ("Protests", 0)


def test_a_sentence_opening_on_the_attack_told_before_says_where_it_was():
    text = ("Israeli strike on car kills one in south Lebanon\n\n"
            "BEIRUT (AP) — An Israeli drone strike hit a car in southern Lebanon on Tuesday, killing one man, "
            "the Health Ministry said.\n\n"
            "The strike hit the car on a road near the town of Aynata, the state news agency said.")
    (event,) = extract_text(text, published=dt.date(2026, 6, 16))
    assert (event.location, event.fatalities) == ("Aïnâta", 1)


def test_a_day_opening_another_kind_of_event_where_an_undated_march_was_is_another_incident():
    text = ("Tens of thousands rally in Belgrade; police detain activist\n\n"
            "BELGRADE — Tens of thousands of people rallied in Belgrade on Sunday against the government.\n\n"
            "In Novi Sad, several thousand people marched peacefully from the university to the city centre.\n\n"
            "On Monday morning, police in Novi Sad detained a student activist at his home.")
    events = extract_text(text, published=dt.date(2026, 9, 28))
    novi_sad = sorted((e.event_date, e.event_type) for e in events if e.location == "Novi Sad")
    assert novi_sad[0] == ("2026-09-27", "Protests") and len(novi_sad) == 2


def test_ground_held_only_briefly_is_no_territory_taken():
    text = ("ISWAP fighters on Monday attacked a military base in Marte, Borno State, and briefly took over part "
            "of the base, killing nine soldiers, two military officers said.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 26))
    assert (event.sub_event_type, event.fatalities) == ("Armed clash", 9)


def test_the_month_of_a_date_is_no_march():
    text = "On 2 March 2026 the village of Dioura suffered an attack which killed seven civilians."
    (event,) = extract_text(text, published=dt.date(2026, 3, 16))
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
