"""What a story recalls rather than reports (a court's crime, a conflict's running toll, the old event a
paragraph goes on about), what it adds up, and events it tells again on another day."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday


def test_the_crime_a_court_sentenced_soldiers_over_is_no_new_event():
    text = ("A military court in Bamako on Wednesday sentenced three soldiers to 12 years in prison over the "
            "killing of nine herders near Dioura. They were also found guilty of arson and looting.")
    assert extract_text(text, published=PUBLISHED) == []


def test_an_arrest_told_beside_a_verdict_stays_an_event():
    text = ("A military court in Bamako on Wednesday sentenced three soldiers to 12 years in prison over the "
            "killing of nine herders near Dioura.\n\n"
            "In Mopti, gendarmes on Tuesday night arrested four men accused of supplying food to jihadists, a "
            "security source said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.sub_event_type, event.location, event.event_date, event.captured) == (
        "Arrests", "Mopti", "2026-05-12", 4)


def test_a_group_accused_of_a_massacre_in_a_headline_is_still_told_of_it():
    text = ("Militia accused of massacre in Djugu village\n\n"
            "BUNIA, Congo (Reuters) - Militiamen killed 14 villagers in Djugu territory on Tuesday, local "
            "officials said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 14


def test_the_attack_named_right_after_an_old_massacre_is_as_old():
    text = ("Police in Bamenda on Wednesday arrested two men suspected of arming separatists, a police "
            "source said.\n\n"
            "On February 14, 2020, soldiers and militiamen killed at least 21 villagers in Ngarbuh, rights "
            "groups said. The attack left 23 people dead, according to the United Nations.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.sub_event_type, event.fatalities) == ("Arrests", 0)


def test_thousands_killed_told_in_the_present_perfect_are_a_running_total():
    text = ("Gunmen shot dead two traders at a market in Maiduguri on Wednesday, police said.\n\n"
            "Rights groups estimate that more than 35,000 people have been killed, while two million have "
            "been displaced.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 2


def test_thousands_arrested_in_the_present_perfect_are_still_news():
    text = "More than 2,500 opposition activists have been arrested in Dhaka, police said on Wednesday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.sub_event_type == "Arrests"


def test_a_sum_after_two_clashes_counts_for_neither():
    text = ("Soldiers clashed with jihadists near Piagapo on Monday, killing five of them, the army said.\n\n"
            "On Wednesday, troops fought the group again near Saguiaran, killing two more.\n\n"
            "In total, seven militants were killed in the operation, the brigade said.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted((e.event_date, e.fatalities) for e in events) == [("2026-05-11", 5), ("2026-05-13", 2)]


def test_a_clash_told_again_the_next_day_is_another_incident():
    text = ("Soldiers clashed with about 20 militants near Piagapo at dawn on Monday, killing four of them, "
            "the army said. Pursuing troops engaged the fleeing group anew on Tuesday afternoon, killing two "
            "more.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted((e.event_date, e.fatalities) for e in events) == [("2026-05-11", 4), ("2026-05-12", 2)]


def test_an_encounter_between_troops_and_militants_is_a_clash():
    text = "Troops encountered a group of 15 armed militants near Piagapo on Monday, the army said."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.sub_event_type == "Armed clash"


def test_a_truce_and_a_killing_in_one_sentence_are_two_events():
    text = ("Two rival militias in Ituri signed a ceasefire on Monday, and hours later gunmen killed six "
            "villagers there, officials said.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted((e.sub_event_type, e.fatalities) for e in events) == [("Agreement", 0), ("Attack", 6)]


def test_vigilantes_fighting_bandits_is_a_clash_not_a_mob():
    text = "Vigilantes repelled an attack by bandits on Magazu village on Monday, killing six of them, residents said."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_type == "Battles"


def test_a_protest_over_a_road_accident_is_a_protest():
    text = ("In Sylhet, several hundred students formed a human chain on Monday demanding justice for a "
            "classmate killed in a road accident.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_type == "Protests"


def test_a_headline_over_a_lead_summing_up_attacks_counts_none_of_them():
    text = ("Al-Shabab attacks kill at least 16 across Somalia over weekend\n\n"
            "MOGADISHU, Somalia (AP) - A suicide car bombing at a military base in Jowhar and a roadside blast "
            "that hit a minibus near Afgoye were among a string of attacks that killed at least 16 people over "
            "the weekend, officials said Monday.\n\n"
            "On Saturday, a suicide bomber drove a vehicle into the gate of the base in Jowhar, killing seven "
            "soldiers, an army officer said.\n\n"
            "On Sunday, a roadside bomb tore through a minibus near Afgoye, killing three passengers, police said.")
    events = extract_text(text, published=dt.date(2026, 5, 18))
    assert sorted((e.event_date, e.fatalities) for e in events) == [("2026-05-16", 7), ("2026-05-17", 3)]


def test_the_day_of_an_attack_told_as_two_days_before_another_comes_before_it():
    text = ("Gunmen ambushed a convoy near Katari on Sunday, killing a driver and abducting 16 passengers, "
            "police said.\n\n"
            "The ambush came two days after gunmen stormed a mosque in Faskari and abducted 11 worshippers.")
    events = extract_text(text, published=dt.date(2026, 3, 10))
    assert all(e.event_date <= "2026-03-10" for e in events)
    assert "2026-03-06" in {e.event_date for e in events}


def test_a_province_opening_a_sentence_is_where_its_event_happened():
    text = ("Taliban fighters attacked a checkpoint in Kandahar on Monday, killing four policemen, officials "
            "said.\n\n"
            "In Kunduz province, government forces said they had repelled an assault on their positions on "
            "Monday, killing six insurgents.")
    events = extract_text(text, published=dt.date(2026, 3, 10))
    assert len(events) == 2 and events[1].location == "Kunduz"


def test_soldiers_exchanging_fire_with_kidnappers_fight_them():
    text = ("Soldiers tracked the kidnappers into a forest near Rijana on Monday and exchanged fire with them, "
            "killing two, the army said.")
    (event,) = extract_text(text, published=dt.date(2026, 3, 10))
    assert event.sub_event_type == "Armed clash"


def test_civilians_killed_in_a_shelling_are_never_the_side_that_shelled():
    text = ("Woman killed in Kherson shelling\n\n"
            "KYIV (Reuters) - Shelling by Russian forces killed a 64-year-old woman in Kherson on Tuesday "
            "morning, the regional governor said.")
    (event,) = extract_text(text, published=dt.date(2026, 10, 6))
    assert event.actor2 == "Civilians (Ukraine)" and event.actor1 != event.actor2


def test_a_truce_announced_after_a_clash_is_an_event_of_its_own():
    text = ("Rival armed groups clashed in Zawiya on Tuesday, killing three people, medics said. Late on "
            "Tuesday, a council of elders announced that the two groups had agreed to a ceasefire.")
    events = extract_text(text, published=dt.date(2026, 7, 30))
    assert sorted((e.sub_event_type, e.fatalities) for e in events) == [("Agreement", 0), ("Armed clash", 3)]


def test_a_toll_of_a_spate_of_attacks_counts_for_none_of_them_nor_dates_them():
    text = ("QUETTA, Pakistan (Dawn) - At least 14 people were killed in a spate of attacks across Balochistan "
            "between Friday night and Sunday, officials said.\n\n"
            "Militants attacked a check post in Buleda late on Saturday, killing five soldiers, the military said.\n\n"
            "On Sunday afternoon, a roadside bomb killed two policemen near Mastung, police said.")
    events = extract_text(text, published=dt.date(2026, 10, 12))
    assert sorted((e.event_date, e.fatalities) for e in events) == [("2026-10-10", 5), ("2026-10-11", 2)]


def test_each_scene_below_a_lead_naming_several_towns_is_its_own_event():
    text = ("NAIROBI, Kenya (Nation) - Protesters clashed with police in several towns on Thursday, with a police "
            "post set ablaze in Kitengela and tear gas fired in Nairobi's city centre.\n\n"
            "In Nairobi, thousands of young people marched through the Central Business District until police "
            "fired tear gas at them.\n\n"
            "In Kitengela, protesters set fire to the police post and looted a supermarket, police said.")
    events = extract_text(text, published=dt.date(2026, 6, 26))
    assert sorted(e.location for e in events) == ["Kitengela", "Nairobi"]


def test_protests_elsewhere_on_the_day_of_an_earlier_protest_are_not_that_protest():
    text = ("Thousands of people marched through Nasiriyah on Monday to protest against power cuts.\n\n"
            "At dawn on Tuesday, security forces arrested four of the protest organisers in Nasiriyah.\n\n"
            "Peaceful protests over the power cuts were also held on Monday in Diwaniyah, where demonstrators "
            "gathered in front of the provincial council building.")
    events = extract_text(text, published=dt.date(2026, 8, 4))
    assert sorted(e.location for e in events if e.event_date == "2026-08-03") == ["Al Diwaniyah", "Nasiriyah"]



def test_what_a_clause_describing_a_group_denies_leaves_the_fighting_told():
    text = ("Fierce fighting broke out on Sunday near Tibu between the ELN and the 33rd Front, a dissident group "
            "that rejected the 2016 peace deal, residents said.")
    (event,) = extract_text(text, published=dt.date(2026, 4, 21))
    assert (event.sub_event_type, event.event_date) == ("Armed clash", "2026-04-19")


def test_a_scene_opened_after_and_is_a_scene():
    text = ("In Chimaltenango, demonstrators burned tyres at the entrance to the town on Wednesday morning.\n\n"
            "And in Coban, members of a teachers' union held a sit-in outside the education office on Tuesday.")
    events = extract_text(text, published=dt.date(2026, 9, 3))
    assert sorted((e.event_date, e.event_type) for e in events) == [("2026-09-01", "Protests"),
                                                                    ("2026-09-02", "Riots")]
