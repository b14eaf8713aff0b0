"""Stories of several strikes, headlines that tell two events or count in words, and what a statement
compares with or describes rather than reports."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday


def test_a_headline_counting_its_dead_in_words_takes_whom_the_lead_names():
    text = ("Roadside bomb kills four in Somalia\n\n"
            "MOGADISHU (Reuters) - A roadside bomb killed four soldiers travelling in a convoy near Afgooye on "
            "Tuesday, a military officer said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.actor2.startswith("Military Forces of Somalia")


def test_the_strike_a_comparison_dates_from_is_no_new_event():
    text = ("Drones struck the port of Odesa early on Wednesday, killing two port workers, the governor said. It "
            "was the deadliest strike on the port since April 30, when a missile killed four dock workers.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.event_date, event.fatalities) == ("2026-05-13", 2)


def test_each_town_a_barrage_hit_is_its_own_event_by_the_state_the_lead_names():
    text = ("KYIV (Reuters) - Russia attacked Ukraine with missiles and drones overnight, killing three people in "
            "Dnipro and one in Sumy and damaging a substation near Lviv, officials said on Wednesday.\n\n"
            "In Dnipro, a missile struck a five-storey apartment block, killing three residents, the regional "
            "governor said.\n\n"
            "A drone attack on Sumy early on Wednesday killed a taxi driver, local officials said.\n\n"
            "In Lviv, drones hit a substation on the edge of the city, the mayor said.")
    events = extract_text(text, published=PUBLISHED)
    assert [e.location for e in events] == ["Dnipro", "Sumy", "Lviv"]
    assert {e.actor1 for e in events} == {"Military Forces of Russia (2000-)"}
    assert [e.fatalities for e in events] == [3, 1, 0]


def test_the_weapons_a_state_strikes_with_are_not_whom_it_hits():
    text = "Russia pounded Kharkiv with missiles and drones overnight, the mayor said on Wednesday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.actor1 == "Military Forces of Russia (2000-)"
    assert not event.actor2


def test_people_a_strike_killed_in_the_next_sentence_are_civilians_it_hit():
    text = ("A missile struck a market in Kramatorsk on Wednesday. Three people were killed and 11 wounded, the "
            "governor said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.actor2 == "Civilians (Ukraine)"


def test_air_defences_are_not_the_country_of_the_drones_they_destroy():
    text = "Air defences destroyed 30 Russian drones over Chernihiv overnight, the regional governor said."
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.sub_event_type, event.actor2) == ("Disrupted weapons use", "Military Forces of Russia (2000-)")
    assert event.actor1 != "Military Forces of Russia (2000-)"


def test_troops_described_by_the_fighting_they_do_report_no_clash():
    text = "Kyiv says the depot supplied fuel to Russian troops fighting in southern Ukraine."
    assert extract_text(text, published=PUBLISHED) == []


def test_a_dateline_naming_an_occupied_territory_types_nothing():
    text = ("HEBRON, occupied West Bank (AP) - Israeli troops shot dead a Palestinian man in the village of Beit "
            "Ummar on Tuesday, the health ministry said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_type == "Violence against civilians"


def test_a_statement_counting_back_to_its_own_day_tells_another_event():
    text = ("Settlers set fire to two homes in the village of Sinjil late on Tuesday, the village council said.\n\n"
            "Two days earlier, on Sunday, settlers beat a shepherd near Turmus Ayya, the council said.")
    first, second = extract_text(text, published=PUBLISHED)
    assert (first.event_date, second.event_date) == ("2026-05-12", "2026-05-10")


def test_a_headline_actor_the_story_names_nowhere_in_an_event_acted_in_another():
    text = ("Two killed in army raid on Jenin, settlers burn cars near Nablus\n\n"
            "JENIN (AP) - Israeli troops killed two Palestinians during a raid on Jenin on Wednesday, the health "
            "ministry said.\n\n"
            "Later on Wednesday, settlers set fire to cars in the village of Huwara, near Nablus, residents said.")
    raid, arson = extract_text(text, published=PUBLISHED)
    assert raid.actor1.startswith("Military Forces of Israel")
    assert arson.actor1 == "Settlers (Israel)"


def test_a_headlines_vague_day_yields_to_the_story_and_a_new_days_fight_is_its_own():
    text = ("Bandits kill three, abduct dozens in overnight raids\n\n"
            "GUSAU (Reuters) - Bandits killed three people and abducted dozens in raids on villages in Zamfara "
            "state, police said.\n\n"
            "The gunmen stormed Dansadau at around 10 p.m. on Friday, residents said.\n\n"
            "On Saturday afternoon, vigilantes caught up with the gang in a forest near Dansadau and killed six of "
            "them in a gun battle, police said.")
    raid, fight = extract_text(text, published=dt.date(2026, 5, 11))
    assert (raid.event_date, raid.fatalities) == ("2026-05-08", 3)
    assert (fight.event_date, fight.sub_event_type, fight.fatalities) == ("2026-05-09", "Armed clash", 6)


def test_israeli_settlers_are_an_identity_militia_and_other_settlers_are_not():
    (attack,) = extract_text("Settlers beat two shepherds near the village of Mughayyir on Tuesday, residents said.",
                             published=PUBLISHED)
    assert (attack.actor1, attack.interaction) == ("Settlers (Israel)", 47)
    (clash,) = extract_text("Fulani settlers clashed with farmers in Benue state on Tuesday, police said.",
                            published=PUBLISHED)
    assert "Settlers (Israel)" not in (clash.actor1, clash.actor2)


def test_enemies_neutralised_in_air_strikes_were_killed_by_them():
    text = "The army said it had neutralised 15 terrorists in drone strikes near Djibo on Tuesday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.sub_event_type, event.actor1, event.fatalities) == (
        "Air/drone strike", "Military Forces of Burkina Faso (2022-)", 15)


def test_explosives_neutralised_count_no_dead():
    text = "Soldiers neutralised two explosive devices found near a school in Djibo on Tuesday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.sub_event_type, event.fatalities) == ("Disrupted weapons use", 0)


def test_a_valley_named_after_a_country_is_not_that_country():
    text = "Settlers attacked a herding community in the Jordan Valley on Tuesday, injuring two shepherds."
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.location, event.country, event.geo_precision) == ("Jordan Valley", "Palestine", 3)


def test_a_place_between_two_towns_is_near_them():
    text = "Gunmen ambushed a minibus between Garissa and Dadaab on Wednesday, killing four passengers."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.location in ("Garissa", "Dadaab") and event.geo_precision == 2


def test_angry_residents_marching_are_protesters_not_a_mob():
    text = ("Angry residents marched to the county offices in Kisumu on Wednesday to demand the release of a "
            "jailed activist, police said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_type == "Protests"


def test_hostages_freed_under_a_peace_arrangement_are_an_agreement():
    text = ("Bandits released 19 hostages in Batsari on Wednesday under a peace arrangement with local "
            "communities, officials said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.sub_event_type == "Agreement"


def test_the_day_after_an_attack_is_another_days_event():
    for opener in ("The day after the attack,", "The next day,"):
        text = (f"Gunmen attacked an army post in Djibo on Monday, killing four soldiers. {opener} a convoy struck "
                "a roadside bomb near Djibo, killing three soldiers.")
        attack, bomb = extract_text(text, published=PUBLISHED)
        assert (attack.event_date, bomb.event_date, bomb.fatalities) == ("2026-05-11", "2026-05-12", 3)
