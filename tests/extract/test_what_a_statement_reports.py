"""What a statement reports and what it only describes: who fled, who spoke, what an epidemic
explains, old elections and designations, the day a vote names, and a device a story names again."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday


def test_people_fleeing_an_attack_do_not_make_it_a_displacement():
    text = "Thousands of villagers fled their homes after militants attacked the town of Kidal on Tuesday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.sub_event_type == "Attack"


def test_killers_who_fled_displaced_no_one():
    text = ("Late on Monday, a radio correspondent, 34, was shot dead outside his home in Dera Ismail Khan by "
            "two men who fled on a motorcycle, police said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.sub_event_type == "Attack"


def test_gunmen_attacking_a_vaccination_team_is_no_epidemic():
    text = ("Gunmen on a motorcycle opened fire on a polio vaccination team in Bajaur on Tuesday, killing a "
            "female health worker, officials said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.event_type, event.fatalities) == ("Violence against civilians", 1)


def test_who_reports_the_wounded_is_not_among_them():
    text = ("Two nurses were killed and a third was injured on Wednesday when gunmen fired on their bus near "
            "Tank, police said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_type == "Violence against civilians"


def test_violence_during_an_election_day_happened_that_day():
    text = ("A voter was shot dead in scattered violence during Saturday's governorship election in Ekiti state, "
            "police said as counting stretched into Sunday.")
    (event,) = extract_text(text, published=dt.date(2026, 6, 21))
    assert event.event_date == "2026-06-20"


def test_deaths_during_an_old_election_are_background():
    text = ("Gunmen shot dead a voter in Ikere-Ekiti on Saturday, police said. Election-related violence killed "
            "dozens of people across Nigeria during the 2023 general elections, according to rights groups.")
    (event,) = extract_text(text, published=dt.date(2026, 6, 21))
    assert event.fatalities == 1


def test_what_happened_the_following_year_is_background():
    text = ("Gunmen stormed Bois-Neuf before dawn on Saturday, shooting at residents, the mayor said. The gang "
            "emerged in 2022. The United States designated the group a foreign terrorist organisation the "
            "following year.")
    (event,) = extract_text(text, published=dt.date(2026, 9, 14))
    assert event.sub_event_type == "Attack"


def test_the_device_named_again_after_another_event_is_the_first_events():
    text = ("A landmine struck a police pickup near Mandera on Monday, and gunmen shot dead a teacher in Wajir on "
            "Tuesday, officials said.\n\n"
            "The landmine went off as the pickup travelled on the road linking Mandera to Elwak, police said. "
            "Three officers were killed, police said.")
    mine, shooting = extract_text(text, published=PUBLISHED)
    assert (mine.sub_event_type, mine.fatalities) == ("Remote explosive/landmine/IED", 3)
    assert (shooting.location, shooting.fatalities) == ("Wajir", 1)


def test_the_wounded_who_died_explain_the_toll_beside_them():
    text = ("An air strike hit a market in Kutum on Tuesday, killing 38 people. The toll rose to 47 as several of "
            "the wounded died overnight, medics said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.event_date, event.fatalities) == ("2026-05-12", 47)


def test_a_victim_who_died_of_his_wounds_later_dates_no_attack():
    text = ("Settlers shot a farmer in the village of Sinjil late on Monday, the council said. He died of his "
            "wounds in a hospital in Ramallah early on Wednesday.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_date == "2026-05-11"


def test_a_town_named_after_its_noun_is_where_the_event_happened():
    text = ("Taliban forces raided a hideout in Dehdadi district on Tuesday, killing three militants. In the "
            "capital, Kabul, a sticky bomb attached to a minibus exploded on Tuesday, wounding three passengers.")
    raid, bomb = extract_text(text, published=PUBLISHED)
    assert (raid.location, bomb.sub_event_type, bomb.location) == (
        "Dehdadi district", "Remote explosive/landmine/IED", "Kabul")


def test_what_militants_have_repeatedly_done_is_their_record():
    text = ("Gunmen shot dead two travellers near Kalat on Monday, police said.\n\n"
            "In Dera Ghazi Khan, hundreds of people protested on Tuesday against the killings.\n\n"
            "Militants have repeatedly targeted travellers from Punjab on the highways of Balochistan.")
    attack, protest = extract_text(text, published=dt.date(2026, 8, 5))
    assert (attack.sub_event_type, protest.sub_event_type) == ("Attack", "Peaceful protest")
